/*
 * 02-irql: a device that takes a command per write and gives the hardware
 * a moment to settle after each one.  The solution of
 * docs/tutorial/02-irql.md's exercise.
 */
#include <ntddk.h>
#include <wdf.h>

DRIVER_INITIALIZE DriverEntry;
EVT_WDF_DRIVER_DEVICE_ADD SettleEvtDeviceAdd;
EVT_WDF_IO_QUEUE_IO_WRITE SettleEvtIoWrite;

/* 10 ms, in the relative 100 ns units KeDelayExecutionThread takes. */
#define SETTLE_TIME (-10 * 1000 * 10)

NTSTATUS
DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    WDF_DRIVER_CONFIG config;

    WDF_DRIVER_CONFIG_INIT(&config, SettleEvtDeviceAdd);
    return WdfDriverCreate(DriverObject, RegistryPath, WDF_NO_OBJECT_ATTRIBUTES,
                           &config, WDF_NO_HANDLE);
}

NTSTATUS
SettleEvtDeviceAdd(WDFDRIVER Driver, PWDFDEVICE_INIT DeviceInit)
{
    WDF_IO_QUEUE_CONFIG queueConfig;
    WDF_OBJECT_ATTRIBUTES queueAttributes;
    WDFDEVICE device;
    NTSTATUS status;

    UNREFERENCED_PARAMETER(Driver);

    status = WdfDeviceCreate(&DeviceInit, WDF_NO_OBJECT_ATTRIBUTES, &device);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    WDF_IO_QUEUE_CONFIG_INIT_DEFAULT_QUEUE(&queueConfig, WdfIoQueueDispatchSequential);
    queueConfig.EvtIoWrite = SettleEvtIoWrite;
    WDF_OBJECT_ATTRIBUTES_INIT(&queueAttributes);
    /* SettleEvtIoWrite waits: the framework must call it at PASSIVE_LEVEL. */
    queueAttributes.ExecutionLevel = WdfExecutionLevelPassive;
    return WdfIoQueueCreate(device, &queueConfig, &queueAttributes,
                            WDF_NO_HANDLE);
}

VOID
SettleEvtIoWrite(WDFQUEUE Queue, WDFREQUEST Request, size_t Length)
{
    LARGE_INTEGER settle;
    PVOID command;
    NTSTATUS status;

    UNREFERENCED_PARAMETER(Queue);

    status = WdfRequestRetrieveInputBuffer(Request, 1, &command, NULL);
    if (!NT_SUCCESS(status)) {
        WdfRequestComplete(Request, status);
        return;
    }
    /* ... hand the command to the hardware ... */
    settle.QuadPart = SETTLE_TIME;
    KeDelayExecutionThread(KernelMode, FALSE, &settle);
    WdfRequestCompleteWithInformation(Request, STATUS_SUCCESS, Length);
}
