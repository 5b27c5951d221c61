/*
 * 01-memory: a read-only device that answers every read with a greeting.
 * The tutorial chapter is docs/tutorial/01-memory.md; it has exactly one
 * mistake about who owns the memory it hands to a DDI.
 */
#include <ntddk.h>
#include <wdf.h>

DRIVER_INITIALIZE DriverEntry;
EVT_WDF_DRIVER_DEVICE_ADD GreetEvtDeviceAdd;
EVT_WDF_IO_QUEUE_IO_READ GreetEvtIoRead;

static const CHAR Greeting[] = "hello from the greet driver";

NTSTATUS
DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    WDF_DRIVER_CONFIG config;

    WDF_DRIVER_CONFIG_INIT(&config, GreetEvtDeviceAdd);
    return WdfDriverCreate(DriverObject, RegistryPath, WDF_NO_OBJECT_ATTRIBUTES,
                           &config, WDF_NO_HANDLE);
}

NTSTATUS
GreetEvtDeviceAdd(WDFDRIVER Driver, PWDFDEVICE_INIT DeviceInit)
{
    WDF_IO_QUEUE_CONFIG queueConfig;
    WDFDEVICE device;
    NTSTATUS status;

    UNREFERENCED_PARAMETER(Driver);

    status = WdfDeviceCreate(&DeviceInit, WDF_NO_OBJECT_ATTRIBUTES, &device);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    WDF_IO_QUEUE_CONFIG_INIT_DEFAULT_QUEUE(&queueConfig, WdfIoQueueDispatchSequential);
    queueConfig.EvtIoRead = GreetEvtIoRead;
    return WdfIoQueueCreate(device, &queueConfig, WDF_NO_OBJECT_ATTRIBUTES,
                            WDF_NO_HANDLE);
}

VOID
GreetEvtIoRead(WDFQUEUE Queue, WDFREQUEST Request, size_t Length)
{
    WDFMEMORY output;
    NTSTATUS status;

    UNREFERENCED_PARAMETER(Queue);

    if (Length < sizeof(Greeting)) {
        WdfRequestComplete(Request, STATUS_BUFFER_TOO_SMALL);
        return;
    }
    status = WdfRequestRetrieveOutputMemory(Request, &output);
    if (!NT_SUCCESS(status)) {
        WdfRequestComplete(Request, status);
        return;
    }
    WdfRequestCompleteWithInformation(Request, STATUS_SUCCESS, sizeof(Greeting));
    WdfMemoryCopyFromBuffer(output, 0, (PVOID)Greeting, sizeof(Greeting));
}
