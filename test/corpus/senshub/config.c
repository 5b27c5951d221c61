/*
 * config.c - the configuration queue of the SensHub driver (sequential).
 */
#include "senshub.h"

/* util.c */
VOID SenshubCaptureConfig(_In_ PDEVICE_CONTEXT DeviceContext,
                          _Out_ PSENSHUB_CONFIG_EXPORT Export);

static NTSTATUS SenshubSetChannelConfig(PDEVICE_CONTEXT DeviceContext,
                                        WDFREQUEST Request)
{
    SENSHUB_CHANNEL_CONFIG config;
    WDFMEMORY input;
    NTSTATUS status;

    status = WdfRequestRetrieveInputMemory(Request, &input);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    status = WdfMemoryCopyToBuffer(input, 0, &config, sizeof(config));
    if (!NT_SUCCESS(status)) {
        return status;
    }

    if (config.Channel >= DeviceContext->ChannelCount || config.Gain == 0 ||
        config.SampleIntervalMs < SENSHUB_SAMPLE_TIMER_MS) {
        /* Nothing of a rejected configuration is kept. */
        WdfObjectDelete(input);
        return STATUS_INVALID_PARAMETER;
    }

    WdfSpinLockAcquire(DeviceContext->DataLock);
    DeviceContext->Channels[config.Channel].Config = config;
    if ((config.Flags & SENSHUB_CHANNEL_ENABLED) == 0) {
        DeviceContext->Channels[config.Channel].HistoryCount = 0;
        DeviceContext->Channels[config.Channel].HistoryNext = 0;
    }
    WdfSpinLockRelease(DeviceContext->DataLock);

    SenshubLogEvent(DeviceContext, SENSHUB_EVENT_CONFIG_CHANGED, config.Channel);
    return STATUS_SUCCESS;
}

static NTSTATUS SenshubSetThresholds(PDEVICE_CONTEXT DeviceContext,
                                     WDFREQUEST Request)
{
    WDF_OBJECT_ATTRIBUTES attributes;
    PSENSHUB_THRESHOLD_TABLE table;
    PSENSHUB_THRESHOLD copy;
    WDFMEMORY memory;
    WDFMEMORY previous;
    size_t length;
    ULONG count;
    NTSTATUS status;

    status = WdfRequestRetrieveInputBuffer(Request,
                                           FIELD_OFFSET(SENSHUB_THRESHOLD_TABLE, Entries),
                                           (PVOID *)&table, &length);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    count = table->Count;
    if (count > SENSHUB_MAX_THRESHOLDS ||
        length < FIELD_OFFSET(SENSHUB_THRESHOLD_TABLE, Entries) +
                     (size_t)count * sizeof(SENSHUB_THRESHOLD)) {
        return STATUS_INVALID_PARAMETER;
    }
    if (count == 0) {
        KdPrint(("senshub: thresholds cleared\n"));
    }

    /* The table outlives the request: the device owns it. */
    WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
    attributes.ParentObject = DeviceContext->Device;
    status = WdfMemoryCreate(&attributes, NonPagedPoolNx, SENSHUB_THRESHOLD_TAG,
                             count * sizeof(SENSHUB_THRESHOLD), &memory,
                             (PVOID *)&copy);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    RtlCopyMemory(copy, table->Entries, count * sizeof(SENSHUB_THRESHOLD));

    WdfSpinLockAcquire(DeviceContext->DataLock);
    previous = DeviceContext->Thresholds;
    DeviceContext->Thresholds = memory;
    DeviceContext->ThresholdCount = count;
    WdfSpinLockRelease(DeviceContext->DataLock);

    if (previous != NULL) {
        WdfObjectDelete(previous);
    }
    SenshubLogEvent(DeviceContext, SENSHUB_EVENT_CONFIG_CHANGED, 0xFFFF);
    return STATUS_SUCCESS;
}

static NTSTATUS SenshubResizeEventLog(PDEVICE_CONTEXT DeviceContext,
                                      WDFREQUEST Request)
{
    PULONG input;
    ULONG entries;
    WDFMEMORY newLog;
    WDFMEMORY oldLog;
    PVOID buffer;
    NTSTATUS status;

    status = WdfRequestRetrieveInputBuffer(Request, sizeof(ULONG),
                                           (PVOID *)&input, NULL);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    entries = *input;
    if (entries == 0) {
        /* Keeps the current size. */
        return STATUS_SUCCESS;
    }
    if (entries > SENSHUB_MAX_LOG_ENTRIES) {
        return STATUS_INVALID_PARAMETER;
    }

    status = WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, NonPagedPoolNx,
                             SENSHUB_LOG_TAG, entries * sizeof(SENSHUB_EVENT),
                             &newLog, &buffer);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    RtlZeroMemory(buffer, entries * sizeof(SENSHUB_EVENT));

    /* The old entries are dropped with the old log. */
    WdfSpinLockAcquire(DeviceContext->LogLock);
    oldLog = DeviceContext->EventLog;
    DeviceContext->EventLog = newLog;
    DeviceContext->LogCapacity = entries;
    DeviceContext->LogNext = 0;
    DeviceContext->LogCount = 0;
    DeviceContext->LogDropped = 0;
    WdfSpinLockRelease(DeviceContext->LogLock);

    if (oldLog != NULL) {
        WdfObjectDelete(oldLog);
    }
    SenshubLogEvent(DeviceContext, SENSHUB_EVENT_LOG_RESIZED, entries);
    return STATUS_SUCCESS;
}

static NTSTATUS SenshubExportConfig(PDEVICE_CONTEXT DeviceContext,
                                    WDFREQUEST Request, size_t *Information)
{
    PSENSHUB_CONFIG_EXPORT export;
    WDFMEMORY exportMemory;
    WDFMEMORY output;
    NTSTATUS status;

    /* Several hundred bytes: kept off the kernel stack. */
    status = WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, NonPagedPoolNx,
                             SENSHUB_EXPORT_TAG, sizeof(SENSHUB_CONFIG_EXPORT),
                             &exportMemory, (PVOID *)&export);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    RtlZeroMemory(export, sizeof(*export));

    WdfSpinLockAcquire(DeviceContext->DataLock);
    SenshubCaptureConfig(DeviceContext, export);
    WdfSpinLockRelease(DeviceContext->DataLock);

    status = WdfRequestRetrieveOutputMemory(Request, &output);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    status = WdfMemoryCopyFromBuffer(output, 0, export, sizeof(*export));
    WdfObjectDelete(exportMemory);

    if (NT_SUCCESS(status)) {
        *Information = sizeof(SENSHUB_CONFIG_EXPORT);
    }
    return status;
}

VOID SenshubEvtConfigIoDeviceControl(WDFQUEUE Queue, WDFREQUEST Request,
                                     size_t OutputBufferLength,
                                     size_t InputBufferLength,
                                     ULONG IoControlCode)
{
    PDEVICE_CONTEXT deviceContext =
        SenshubGetDeviceContext(WdfIoQueueGetDevice(Queue));
    size_t information = 0;
    NTSTATUS status;

    UNREFERENCED_PARAMETER(InputBufferLength);

    switch (IoControlCode) {
    case IOCTL_SENSHUB_SET_CHANNEL_CONFIG:
        status = SenshubSetChannelConfig(deviceContext, Request);
        break;
    case IOCTL_SENSHUB_SET_THRESHOLDS:
        status = SenshubSetThresholds(deviceContext, Request);
        break;
    case IOCTL_SENSHUB_RESIZE_EVENT_LOG:
        status = SenshubResizeEventLog(deviceContext, Request);
        break;
    case IOCTL_SENSHUB_EXPORT_CONFIG:
        if (OutputBufferLength < sizeof(SENSHUB_CONFIG_EXPORT)) {
            status = STATUS_BUFFER_TOO_SMALL;
            break;
        }
        status = SenshubExportConfig(deviceContext, Request, &information);
        break;
    default:
        status = STATUS_INVALID_DEVICE_REQUEST;
        break;
    }

    WdfRequestCompleteWithInformation(Request, status, information);
}
