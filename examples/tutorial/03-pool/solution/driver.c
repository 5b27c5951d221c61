/*
 * 03-pool: a device that translates key codes.  The translation table is
 * built once, when the device is added, and read for every request.  The
 * solution of docs/tutorial/03-pool.md's exercise: the table is read at
 * DISPATCH_LEVEL, so it comes from non-paged pool.
 */
#include <ntddk.h>
#include <wdf.h>

#define KEYMAP_TAG 'pMyK'
#define KEYMAP_SIZE 256

typedef struct _DEVICE_CONTEXT {
    PUCHAR KeyMap;
} DEVICE_CONTEXT, *PDEVICE_CONTEXT;
WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(DEVICE_CONTEXT, DeviceGetContext)

DRIVER_INITIALIZE DriverEntry;
EVT_WDF_DRIVER_DEVICE_ADD KeyMapEvtDeviceAdd;
EVT_WDF_IO_QUEUE_IO_DEVICE_CONTROL KeyMapEvtIoDeviceControl;

NTSTATUS
DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    WDF_DRIVER_CONFIG config;

    WDF_DRIVER_CONFIG_INIT(&config, KeyMapEvtDeviceAdd);
    return WdfDriverCreate(DriverObject, RegistryPath, WDF_NO_OBJECT_ATTRIBUTES,
                           &config, WDF_NO_HANDLE);
}

NTSTATUS
KeyMapEvtDeviceAdd(WDFDRIVER Driver, PWDFDEVICE_INIT DeviceInit)
{
    WDF_OBJECT_ATTRIBUTES attributes;
    WDF_IO_QUEUE_CONFIG queueConfig;
    WDFDEVICE device;
    WDFMEMORY table;
    PDEVICE_CONTEXT context;
    PVOID buffer;
    ULONG i;
    NTSTATUS status;

    UNREFERENCED_PARAMETER(Driver);

    WDF_OBJECT_ATTRIBUTES_INIT_CONTEXT_TYPE(&attributes, DEVICE_CONTEXT);
    status = WdfDeviceCreate(&DeviceInit, &attributes, &device);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    context = DeviceGetContext(device);

    /* The table lives as long as the device: the device is its parent. */
    WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
    attributes.ParentObject = device;
    status = WdfMemoryCreate(&attributes, NonPagedPoolNx, KEYMAP_TAG, KEYMAP_SIZE,
                             &table, &buffer);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    context->KeyMap = (PUCHAR)buffer;
    for (i = 0; i < KEYMAP_SIZE; i++) {
        context->KeyMap[i] = (UCHAR)(KEYMAP_SIZE - 1 - i);
    }

    WDF_IO_QUEUE_CONFIG_INIT_DEFAULT_QUEUE(&queueConfig, WdfIoQueueDispatchParallel);
    queueConfig.EvtIoDeviceControl = KeyMapEvtIoDeviceControl;
    return WdfIoQueueCreate(device, &queueConfig, WDF_NO_OBJECT_ATTRIBUTES,
                            WDF_NO_HANDLE);
}

VOID
KeyMapEvtIoDeviceControl(WDFQUEUE Queue, WDFREQUEST Request,
                         size_t OutputBufferLength, size_t InputBufferLength,
                         ULONG IoControlCode)
{
    PDEVICE_CONTEXT context = DeviceGetContext(WdfIoQueueGetDevice(Queue));
    PUCHAR key;
    NTSTATUS status;

    UNREFERENCED_PARAMETER(OutputBufferLength);
    UNREFERENCED_PARAMETER(InputBufferLength);
    UNREFERENCED_PARAMETER(IoControlCode);

    /* METHOD_BUFFERED: one byte in, the same byte translated out. */
    status = WdfRequestRetrieveInputBuffer(Request, 1, (PVOID *)&key, NULL);
    if (!NT_SUCCESS(status)) {
        WdfRequestComplete(Request, status);
        return;
    }
    *key = context->KeyMap[*key];
    WdfRequestCompleteWithInformation(Request, STATUS_SUCCESS, 1);
}
