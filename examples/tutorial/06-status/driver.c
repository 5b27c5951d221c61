/*
 * Tutorial chapter 6: status checks.
 *
 * A tiny KMDF driver with one control code. IOCTL_TUT_GET_REQUEST_COUNT writes
 * a ULONG into the caller's output buffer: how many requests the driver has
 * served so far.
 *
 * There is one mistake in this file. Run
 *     build/bin/wdfcheck examples/tutorial/06-status/driver.c --
 * and read docs/tutorial/06-status.md.
 */
#include <ntddk.h>
#include <wdf.h>

#define IOCTL_TUT_GET_REQUEST_COUNT \
    CTL_CODE(FILE_DEVICE_UNKNOWN, 0x801, METHOD_BUFFERED, FILE_ANY_ACCESS)

static ULONG RequestCount;      /* requests served so far */

DRIVER_INITIALIZE DriverEntry;
EVT_WDF_DRIVER_DEVICE_ADD TutEvtDeviceAdd;
EVT_WDF_IO_QUEUE_IO_DEVICE_CONTROL TutEvtIoDeviceControl;

NTSTATUS
DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    WDF_DRIVER_CONFIG config;

    WDF_DRIVER_CONFIG_INIT(&config, TutEvtDeviceAdd);
    return WdfDriverCreate(DriverObject, RegistryPath,
                           WDF_NO_OBJECT_ATTRIBUTES, &config, WDF_NO_HANDLE);
}

NTSTATUS
TutEvtDeviceAdd(WDFDRIVER Driver, PWDFDEVICE_INIT DeviceInit)
{
    WDF_IO_QUEUE_CONFIG queueConfig;
    WDFDEVICE device;
    NTSTATUS status;

    UNREFERENCED_PARAMETER(Driver);

    status = WdfDeviceCreate(&DeviceInit, WDF_NO_OBJECT_ATTRIBUTES, &device);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    WDF_IO_QUEUE_CONFIG_INIT_DEFAULT_QUEUE(&queueConfig,
                                           WdfIoQueueDispatchSequential);
    queueConfig.EvtIoDeviceControl = TutEvtIoDeviceControl;
    return WdfIoQueueCreate(device, &queueConfig, WDF_NO_OBJECT_ATTRIBUTES,
                            WDF_NO_HANDLE);
}

VOID
TutEvtIoDeviceControl(WDFQUEUE Queue, WDFREQUEST Request,
                      size_t OutputBufferLength, size_t InputBufferLength,
                      ULONG IoControlCode)
{
    PULONG count;

    UNREFERENCED_PARAMETER(Queue);
    UNREFERENCED_PARAMETER(OutputBufferLength);
    UNREFERENCED_PARAMETER(InputBufferLength);

    RequestCount++;
    if (IoControlCode != IOCTL_TUT_GET_REQUEST_COUNT) {
        WdfRequestComplete(Request, STATUS_INVALID_DEVICE_REQUEST);
        return;
    }

    WdfRequestRetrieveOutputBuffer(Request, sizeof(ULONG),
                                   (PVOID *)&count, NULL);
    RtlCopyMemory(count, &RequestCount, sizeof(ULONG));

    WdfRequestCompleteWithInformation(Request, STATUS_SUCCESS,
                                      sizeof(ULONG));
}
