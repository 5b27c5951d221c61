/*
 * ioctl.c - queues and the default queue's device control dispatcher of
 * the SensHub driver.
 *
 * Requests that change the configuration are forwarded to a sequential
 * queue (config.c), so changes never race each other; everything else is
 * handled here, in parallel.
 */
#include "senshub.h"

static const CHAR SenshubModelName[] = "SensHub SH-8 rev C";

/* util.c */
VOID SenshubFormatHex(_Out_writes_bytes_(Size) PCHAR Text, _In_ ULONG Size,
                      _In_ ULONG Value);

NTSTATUS SenshubQueueInitialize(WDFDEVICE Device)
{
    PDEVICE_CONTEXT deviceContext = SenshubGetDeviceContext(Device);
    WDF_IO_QUEUE_CONFIG queueConfig;
    WDF_OBJECT_ATTRIBUTES attributes;
    NTSTATUS status;

    WDF_IO_QUEUE_CONFIG_INIT_DEFAULT_QUEUE(&queueConfig,
                                           WdfIoQueueDispatchParallel);
    queueConfig.EvtIoDeviceControl = SenshubEvtIoDeviceControl;
    status = WdfIoQueueCreate(Device, &queueConfig, WDF_NO_OBJECT_ATTRIBUTES,
                              &deviceContext->DefaultQueue);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    WDF_IO_QUEUE_CONFIG_INIT(&queueConfig, WdfIoQueueDispatchSequential);
    queueConfig.EvtIoDeviceControl = SenshubEvtConfigIoDeviceControl;
    WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
    attributes.ParentObject = Device;
    return WdfIoQueueCreate(Device, &queueConfig, &attributes,
                            &deviceContext->ConfigQueue);
}

static NTSTATUS SenshubGetVersion(WDFREQUEST Request, size_t *Information)
{
    PULONG version;
    NTSTATUS status;

    status = WdfRequestRetrieveOutputBuffer(Request, sizeof(ULONG),
                                            (PVOID *)&version, NULL);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    *version = SENSHUB_INTERFACE_VERSION;
    *Information = sizeof(ULONG);
    return STATUS_SUCCESS;
}

static NTSTATUS SenshubGetDeviceInfo(PDEVICE_CONTEXT DeviceContext,
                                     WDFREQUEST Request, size_t *Information)
{
    SENSHUB_DEVICE_INFO info;
    PSENSHUB_DEVICE_INFO output;
    CHAR serial[SENSHUB_SERIAL_LENGTH];
    NTSTATUS status;

    status = WdfRequestRetrieveOutputBuffer(Request, sizeof(info),
                                            (PVOID *)&output, NULL);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    info.InterfaceVersion = SENSHUB_INTERFACE_VERSION;
    info.ChannelCount = DeviceContext->ChannelCount;
    RtlCopyMemory(info.Model, SenshubModelName, sizeof(SenshubModelName));
    SenshubFormatHex(serial, sizeof(serial), DeviceContext->SerialNumber);
    RtlCopyMemory(info.Serial, serial, sizeof(info.Serial));
    info.Capabilities = 0x3;

    RtlCopyMemory(output, &info, sizeof(info));
    *Information = sizeof(info);
    return STATUS_SUCCESS;
}

static NTSTATUS SenshubGetChannelConfig(PDEVICE_CONTEXT DeviceContext,
                                        WDFREQUEST Request,
                                        size_t *Information)
{
    SENSHUB_CHANNEL_CONFIG config;
    PSENSHUB_CHANNEL_CONFIG output;
    PULONG input;
    ULONG channel;
    NTSTATUS status;

    /* METHOD_BUFFERED: input and output are the same buffer, so the input
       is read completely before anything is written. */
    status = WdfRequestRetrieveInputBuffer(Request, sizeof(ULONG),
                                           (PVOID *)&input, NULL);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    channel = *input;
    if (channel >= DeviceContext->ChannelCount) {
        return STATUS_INVALID_PARAMETER;
    }

    status = WdfRequestRetrieveOutputBuffer(Request, sizeof(config),
                                            (PVOID *)&output, NULL);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    RtlZeroMemory(&config, sizeof(config));
    WdfSpinLockAcquire(DeviceContext->DataLock);
    config = DeviceContext->Channels[channel].Config;
    WdfSpinLockRelease(DeviceContext->DataLock);

    RtlCopyMemory(output, &config, sizeof(config));
    *Information = sizeof(config);
    return STATUS_SUCCESS;
}

VOID SenshubEvtIoDeviceControl(WDFQUEUE Queue, WDFREQUEST Request,
                               size_t OutputBufferLength,
                               size_t InputBufferLength, ULONG IoControlCode)
{
    PDEVICE_CONTEXT deviceContext =
        SenshubGetDeviceContext(WdfIoQueueGetDevice(Queue));
    size_t information = 0;
    NTSTATUS status;

    UNREFERENCED_PARAMETER(OutputBufferLength);

    switch (IoControlCode) {
    case IOCTL_SENSHUB_GET_VERSION:
        status = SenshubGetVersion(Request, &information);
        break;

    case IOCTL_SENSHUB_GET_DEVICE_INFO:
        status = SenshubGetDeviceInfo(deviceContext, Request, &information);
        break;

    case IOCTL_SENSHUB_GET_CHANNEL_CONFIG:
        status = SenshubGetChannelConfig(deviceContext, Request, &information);
        break;

    case IOCTL_SENSHUB_SET_CHANNEL_CONFIG:
    case IOCTL_SENSHUB_SET_THRESHOLDS:
    case IOCTL_SENSHUB_RESIZE_EVENT_LOG:
    case IOCTL_SENSHUB_EXPORT_CONFIG:
        /* Configuration is changed (and exported) one request at a time. */
        status = WdfRequestForwardToIoQueue(Request, deviceContext->ConfigQueue);
        if (NT_SUCCESS(status)) {
            return;
        }
        break;

    /* The handlers below complete the request themselves. */
    case IOCTL_SENSHUB_QUERY_EVENT_LOG:
        SenshubQueryEventLog(deviceContext, Request);
        return;

    case IOCTL_SENSHUB_READ_SAMPLES:
        SenshubReadSamples(deviceContext, Request, InputBufferLength);
        return;

    case IOCTL_SENSHUB_READ_HISTORY:
        SenshubReadHistory(deviceContext, Request, InputBufferLength);
        return;

    case IOCTL_SENSHUB_GET_CALIBRATION:
        SenshubGetCalibration(deviceContext, Request);
        return;

    case IOCTL_SENSHUB_REGISTER_WINDOW:
        SenshubRegisterWindow(deviceContext, Request);
        return;

    case IOCTL_SENSHUB_SNAPSHOT_TO_USER:
        SenshubSnapshotToUser(deviceContext, Request);
        return;

    default:
        status = STATUS_INVALID_DEVICE_REQUEST;
        break;
    }

    WdfRequestCompleteWithInformation(Request, status, information);
}
