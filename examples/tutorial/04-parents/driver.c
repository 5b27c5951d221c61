/*
 * 04-parents: a device that keeps the last block written to it, for the
 * next read.  The tutorial chapter is docs/tutorial/04-parents.md; the
 * driver has exactly one mistake about the lifetime of the memory object
 * that holds the block.
 */
#include <ntddk.h>
#include <wdf.h>

#define BLOCK_TAG 'kolB'
#define BLOCK_SIZE 512

typedef struct _DEVICE_CONTEXT {
    WDFMEMORY Block;
} DEVICE_CONTEXT, *PDEVICE_CONTEXT;
WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(DEVICE_CONTEXT, DeviceGetContext)

DRIVER_INITIALIZE DriverEntry;
EVT_WDF_DRIVER_DEVICE_ADD BlockEvtDeviceAdd;
EVT_WDF_IO_QUEUE_IO_READ BlockEvtIoRead;
EVT_WDF_IO_QUEUE_IO_WRITE BlockEvtIoWrite;

NTSTATUS
DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    WDF_DRIVER_CONFIG config;

    WDF_DRIVER_CONFIG_INIT(&config, BlockEvtDeviceAdd);
    return WdfDriverCreate(DriverObject, RegistryPath, WDF_NO_OBJECT_ATTRIBUTES,
                           &config, WDF_NO_HANDLE);
}

NTSTATUS
BlockEvtDeviceAdd(WDFDRIVER Driver, PWDFDEVICE_INIT DeviceInit)
{
    WDF_OBJECT_ATTRIBUTES attributes;
    WDF_IO_QUEUE_CONFIG queueConfig;
    WDFDEVICE device;
    PDEVICE_CONTEXT context;
    NTSTATUS status;

    UNREFERENCED_PARAMETER(Driver);

    WDF_OBJECT_ATTRIBUTES_INIT_CONTEXT_TYPE(&attributes, DEVICE_CONTEXT);
    status = WdfDeviceCreate(&DeviceInit, &attributes, &device);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    context = DeviceGetContext(device);

    /* The block is allocated once and kept in the device context. */
    status = WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, NonPagedPoolNx,
                             BLOCK_TAG, BLOCK_SIZE, &context->Block, NULL);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    WDF_IO_QUEUE_CONFIG_INIT_DEFAULT_QUEUE(&queueConfig, WdfIoQueueDispatchSequential);
    queueConfig.EvtIoRead = BlockEvtIoRead;
    queueConfig.EvtIoWrite = BlockEvtIoWrite;
    return WdfIoQueueCreate(device, &queueConfig, WDF_NO_OBJECT_ATTRIBUTES,
                            WDF_NO_HANDLE);
}

VOID
BlockEvtIoWrite(WDFQUEUE Queue, WDFREQUEST Request, size_t Length)
{
    PDEVICE_CONTEXT context = DeviceGetContext(WdfIoQueueGetDevice(Queue));
    WDFMEMORY input;
    NTSTATUS status;

    if (Length != BLOCK_SIZE) {
        WdfRequestComplete(Request, STATUS_INVALID_BUFFER_SIZE);
        return;
    }
    status = WdfRequestRetrieveInputMemory(Request, &input);
    if (NT_SUCCESS(status)) {
        status = WdfMemoryCopyToBuffer(input, 0,
                                       WdfMemoryGetBuffer(context->Block, NULL),
                                       BLOCK_SIZE);
    }
    WdfRequestCompleteWithInformation(Request, status,
                                      NT_SUCCESS(status) ? BLOCK_SIZE : 0);
}

VOID
BlockEvtIoRead(WDFQUEUE Queue, WDFREQUEST Request, size_t Length)
{
    PDEVICE_CONTEXT context = DeviceGetContext(WdfIoQueueGetDevice(Queue));
    WDFMEMORY output;
    NTSTATUS status;

    if (Length < BLOCK_SIZE) {
        WdfRequestComplete(Request, STATUS_BUFFER_TOO_SMALL);
        return;
    }
    status = WdfRequestRetrieveOutputMemory(Request, &output);
    if (NT_SUCCESS(status)) {
        status = WdfMemoryCopyFromBuffer(output, 0,
                                         WdfMemoryGetBuffer(context->Block, NULL),
                                         BLOCK_SIZE);
    }
    WdfRequestCompleteWithInformation(Request, status,
                                      NT_SUCCESS(status) ? BLOCK_SIZE : 0);
}
