/*
 * Tutorial chapter 5: request completion.
 *
 * A tiny KMDF driver with one control code. IOCTL_TUT_GET_VERSION fills the
 * caller's output buffer with the driver's version. The driver also keeps
 * the last reply it sent, for a diagnostics tool.
 *
 * There is one mistake in this file. Run
 *     build/bin/wdfcheck examples/tutorial/05-completion/driver.c --
 * and read docs/tutorial/05-completion.md.
 */
#include <ntddk.h>
#include <wdf.h>

#define IOCTL_TUT_GET_VERSION \
    CTL_CODE(FILE_DEVICE_UNKNOWN, 0x800, METHOD_BUFFERED, FILE_ANY_ACCESS)

typedef struct _TUT_VERSION {
    ULONG Major;
    ULONG Minor;
} TUT_VERSION, *PTUT_VERSION;

static TUT_VERSION LastReply;   /* the last version sent, for diagnostics */

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
    PTUT_VERSION reply;
    PVOID buffer;
    NTSTATUS status;

    UNREFERENCED_PARAMETER(Queue);
    UNREFERENCED_PARAMETER(OutputBufferLength);
    UNREFERENCED_PARAMETER(InputBufferLength);

    if (IoControlCode != IOCTL_TUT_GET_VERSION) {
        WdfRequestComplete(Request, STATUS_INVALID_DEVICE_REQUEST);
        return;
    }

    status = WdfRequestRetrieveOutputBuffer(Request, sizeof(TUT_VERSION),
                                            &buffer, NULL);
    if (!NT_SUCCESS(status)) {
        WdfRequestComplete(Request, status);
        return;
    }

    reply = (PTUT_VERSION)buffer;
    reply->Major = 1;
    reply->Minor = 4;

    WdfRequestCompleteWithInformation(Request, STATUS_SUCCESS,
                                      sizeof(TUT_VERSION));

    /* Remember what we sent, for the diagnostics tool. */
    RtlCopyMemory(&LastReply, reply, sizeof(LastReply));
}
