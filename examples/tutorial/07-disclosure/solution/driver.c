/*
 * Tutorial chapter 7: what goes back to the caller.
 *
 * A tiny KMDF driver with one control code. IOCTL_TUT_GET_INFO copies a
 * TUT_INFO structure into the caller's output buffer.
 *
 * There is one mistake in this file. Run
 *     build/bin/wdfcheck examples/tutorial/07-disclosure/driver.c --
 * and read docs/tutorial/07-disclosure.md.
 */
#include <ntddk.h>
#include <wdf.h>

#define IOCTL_TUT_GET_INFO \
    CTL_CODE(FILE_DEVICE_UNKNOWN, 0x802, METHOD_BUFFERED, FILE_ANY_ACCESS)

typedef struct _TUT_INFO {
    UCHAR     Version;          /* then 7 bytes of padding on x64 and x86 */
    ULONGLONG Serial;
    USHORT    Flags;            /* then 6 bytes of padding */
} TUT_INFO, *PTUT_INFO;

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
    TUT_INFO info;
    PVOID buffer;
    NTSTATUS status;

    UNREFERENCED_PARAMETER(Queue);
    UNREFERENCED_PARAMETER(OutputBufferLength);
    UNREFERENCED_PARAMETER(InputBufferLength);

    if (IoControlCode != IOCTL_TUT_GET_INFO) {
        WdfRequestComplete(Request, STATUS_INVALID_DEVICE_REQUEST);
        return;
    }

    status = WdfRequestRetrieveOutputBuffer(Request, sizeof(TUT_INFO),
                                            &buffer, NULL);
    if (!NT_SUCCESS(status)) {
        WdfRequestComplete(Request, status);
        return;
    }

    RtlZeroMemory(&info, sizeof(info));
    info.Version = 2;
    info.Serial = 0x1234ABCDULL;
    info.Flags = 0x0001;

    RtlCopyMemory(buffer, &info, sizeof(info));

    WdfRequestCompleteWithInformation(Request, STATUS_SUCCESS,
                                      sizeof(TUT_INFO));
}
