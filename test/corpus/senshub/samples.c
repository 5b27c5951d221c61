/*
 * samples.c - the simulated sensor channels of the SensHub driver and the
 * METHOD_OUT_DIRECT transfers that read them.
 *
 * The sample timer (DISPATCH_LEVEL) appends one sample per enabled channel
 * to the channel's history, checks the thresholds and updates the shared
 * sample window if one is registered.
 */
#include "senshub.h"

/* A triangle wave per channel, scaled by the channel's gain and offset. */
static LONG SenshubNextRawValue(PSENSHUB_CHANNEL Channel)
{
    ULONG phase = Channel->Phase++ % 200;

    return (phase < 100) ? (LONG)phase * 40 : (LONG)(200 - phase) * 40;
}

static VOID SenshubCheckThresholds(PDEVICE_CONTEXT DeviceContext,
                                   ULONG Channel, LONG Value,
                                   PULONG LowHits, PULONG HighHits)
{
    PSENSHUB_THRESHOLD thresholds;
    ULONG i;

    if (DeviceContext->Thresholds == NULL) {
        return;
    }
    thresholds = (PSENSHUB_THRESHOLD)WdfMemoryGetBuffer(DeviceContext->Thresholds,
                                                        NULL);
    for (i = 0; i < DeviceContext->ThresholdCount; i++) {
        if (thresholds[i].Channel != Channel) {
            continue;
        }
        if (Value < thresholds[i].Low) {
            (*LowHits)++;
        } else if (Value > thresholds[i].High) {
            (*HighHits)++;
        }
    }
}

VOID SenshubEvtSampleTimer(WDFTIMER Timer)
{
    PDEVICE_CONTEXT deviceContext =
        SenshubGetDeviceContext(WdfTimerGetParentObject(Timer));
    ULONGLONG now = KeQueryInterruptTime();
    ULONG lowHits = 0;
    ULONG highHits = 0;
    ULONG i;

    WdfSpinLockAcquire(deviceContext->DataLock);
    for (i = 0; i < deviceContext->ChannelCount; i++) {
        PSENSHUB_CHANNEL channel = &deviceContext->Channels[i];
        PSENSHUB_SAMPLE sample;
        LONG value;

        if ((channel->Config.Flags & SENSHUB_CHANNEL_ENABLED) == 0) {
            continue;
        }
        value = SenshubApplyGain(SenshubNextRawValue(channel),
                                 channel->Config.Offset, channel->Config.Gain);
        sample = &channel->History[channel->HistoryNext];
        sample->Timestamp = now;
        sample->Value = value;
        sample->Flags = channel->Config.Flags;
        channel->HistoryNext = (channel->HistoryNext + 1) % SENSHUB_HISTORY_DEPTH;
        if (channel->HistoryCount < SENSHUB_HISTORY_DEPTH) {
            channel->HistoryCount++;
        }
        channel->Latest = value;

        SenshubCheckThresholds(deviceContext, i, value, &lowHits, &highHits);

        if (deviceContext->Window != NULL && i < deviceContext->WindowChannels) {
            deviceContext->Window[i] = value;
        }
    }
    WdfSpinLockRelease(deviceContext->DataLock);

    if (lowHits != 0) {
        SenshubLogEvent(deviceContext, SENSHUB_EVENT_THRESHOLD_LOW, lowHits);
    }
    if (highHits != 0) {
        SenshubLogEvent(deviceContext, SENSHUB_EVENT_THRESHOLD_HIGH, highHits);
    }
}

/* Copies up to MaxSamples of the channel's most recent samples, oldest
   first; returns how many.  Called with DataLock held. */
static ULONG SenshubCopyHistory(PSENSHUB_CHANNEL Channel,
                                PSENSHUB_SAMPLE Destination, ULONG MaxSamples)
{
    ULONG count = Channel->HistoryCount < MaxSamples ? Channel->HistoryCount
                                                     : MaxSamples;
    ULONG first = (Channel->HistoryNext + SENSHUB_HISTORY_DEPTH - count) %
                  SENSHUB_HISTORY_DEPTH;
    ULONG i;

    for (i = 0; i < count; i++) {
        Destination[i] = Channel->History[(first + i) % SENSHUB_HISTORY_DEPTH];
    }
    return count;
}

/* Validates a SENSHUB_READ_REQUEST; on success returns the channel and
   the number of samples asked for. */
static NTSTATUS SenshubGetReadRequest(PDEVICE_CONTEXT DeviceContext,
                                      WDFREQUEST Request, size_t InputLength,
                                      PULONG Channel, PULONG MaxSamples)
{
    PSENSHUB_READ_REQUEST readRequest;
    NTSTATUS status;

    if (InputLength < sizeof(SENSHUB_READ_REQUEST)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    status = WdfRequestRetrieveInputBuffer(Request, sizeof(SENSHUB_READ_REQUEST),
                                           (PVOID *)&readRequest, NULL);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    if (readRequest->Channel >= DeviceContext->ChannelCount ||
        readRequest->MaxSamples == 0 ||
        readRequest->MaxSamples > SENSHUB_MAX_READ_SAMPLES) {
        return STATUS_INVALID_PARAMETER;
    }
    *Channel = readRequest->Channel;
    *MaxSamples = readRequest->MaxSamples;
    return STATUS_SUCCESS;
}

/* IOCTL_SENSHUB_READ_SAMPLES: fills the caller's buffer with samples. */
VOID SenshubReadSamples(PDEVICE_CONTEXT DeviceContext, WDFREQUEST Request,
                        size_t InputLength)
{
    WDF_OBJECT_ATTRIBUTES attributes;
    WDFMEMORY outputMemory;
    WDFMEMORY scratchMemory;
    PSENSHUB_SAMPLE scratch;
    size_t outputLength;
    size_t scratchLength;
    ULONG channel;
    ULONG maxSamples;
    NTSTATUS status;

    status = SenshubGetReadRequest(DeviceContext, Request, InputLength,
                                   &channel, &maxSamples);
    if (!NT_SUCCESS(status)) {
        WdfRequestComplete(Request, status);
        return;
    }

    status = WdfRequestRetrieveOutputMemory(Request, &outputMemory);
    if (!NT_SUCCESS(status)) {
        WdfRequestComplete(Request, status);
        return;
    }
    (VOID)WdfMemoryGetBuffer(outputMemory, &outputLength);
    scratchLength = (size_t)maxSamples * sizeof(SENSHUB_SAMPLE);
    if (outputLength < scratchLength) {
        WdfRequestComplete(Request, STATUS_BUFFER_TOO_SMALL);
        return;
    }

    /* Gather under the lock into a scratch buffer, then copy to the
       caller's pages without the lock. */
    WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
    attributes.ParentObject = Request;
    status = WdfMemoryCreate(&attributes, NonPagedPoolNx, SENSHUB_SCRATCH_TAG,
                             scratchLength, &scratchMemory, (PVOID *)&scratch);
    if (!NT_SUCCESS(status)) {
        WdfRequestComplete(Request, status);
        return;
    }

    WdfSpinLockAcquire(DeviceContext->DataLock);
    (VOID)SenshubCopyHistory(&DeviceContext->Channels[channel], scratch,
                             maxSamples);
    WdfSpinLockRelease(DeviceContext->DataLock);

    status = WdfMemoryCopyFromBuffer(outputMemory, 0, scratch, scratchLength);
    WdfRequestCompleteWithInformation(Request, status,
                                      NT_SUCCESS(status) ? scratchLength : 0);
}

/* IOCTL_SENSHUB_READ_HISTORY: like READ_SAMPLES, but only the samples
   recorded so far are returned. */
VOID SenshubReadHistory(PDEVICE_CONTEXT DeviceContext, WDFREQUEST Request,
                        size_t InputLength)
{
    WDF_OBJECT_ATTRIBUTES attributes;
    WDFMEMORY outputMemory;
    WDFMEMORY scratchMemory;
    PSENSHUB_SAMPLE scratch;
    size_t outputLength;
    size_t copyLength;
    ULONG channel;
    ULONG maxSamples;
    ULONG count;
    NTSTATUS status;

    status = SenshubGetReadRequest(DeviceContext, Request, InputLength,
                                   &channel, &maxSamples);
    if (!NT_SUCCESS(status)) {
        WdfRequestComplete(Request, status);
        return;
    }

    status = WdfRequestRetrieveOutputMemory(Request, &outputMemory);
    if (!NT_SUCCESS(status)) {
        WdfRequestComplete(Request, status);
        return;
    }
    (VOID)WdfMemoryGetBuffer(outputMemory, &outputLength);
    if (outputLength / sizeof(SENSHUB_SAMPLE) < maxSamples) {
        maxSamples = (ULONG)(outputLength / sizeof(SENSHUB_SAMPLE));
    }
    if (maxSamples == 0) {
        WdfRequestComplete(Request, STATUS_BUFFER_TOO_SMALL);
        return;
    }

    WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
    attributes.ParentObject = Request;
    status = WdfMemoryCreate(&attributes, NonPagedPoolNx, SENSHUB_SCRATCH_TAG,
                             (size_t)maxSamples * sizeof(SENSHUB_SAMPLE),
                             &scratchMemory, (PVOID *)&scratch);
    if (!NT_SUCCESS(status)) {
        WdfRequestComplete(Request, status);
        return;
    }

    WdfSpinLockAcquire(DeviceContext->DataLock);
    count = SenshubCopyHistory(&DeviceContext->Channels[channel], scratch,
                               maxSamples);
    WdfSpinLockRelease(DeviceContext->DataLock);

    if (count == 0) {
        /* Nothing recorded yet: an empty, successful read. */
        WdfRequestCompleteWithInformation(Request, STATUS_SUCCESS, 0);
        return;
    }

    /* Only the samples written above go to the caller. */
    copyLength = (size_t)count * sizeof(SENSHUB_SAMPLE);
    status = WdfMemoryCopyFromBuffer(outputMemory, 0, scratch, copyLength);
    WdfRequestCompleteWithInformation(Request, status,
                                      NT_SUCCESS(status) ? copyLength : 0);
}

/* IOCTL_SENSHUB_GET_CALIBRATION: the channel's four-point calibration. */
VOID SenshubGetCalibration(PDEVICE_CONTEXT DeviceContext, WDFREQUEST Request)
{
    PSENSHUB_CALIBRATION calibration;
    SENSHUB_CHANNEL_CONFIG config;
    PULONG input;
    ULONG channel;
    NTSTATUS status;

    status = WdfRequestRetrieveInputBuffer(Request, sizeof(ULONG),
                                           (PVOID *)&input, NULL);
    if (!NT_SUCCESS(status)) {
        WdfRequestComplete(Request, status);
        return;
    }
    channel = *input;
    if (channel >= DeviceContext->ChannelCount) {
        WdfRequestComplete(Request, STATUS_INVALID_PARAMETER);
        return;
    }

    status = WdfRequestRetrieveOutputBuffer(Request, sizeof(SENSHUB_CALIBRATION),
                                            (PVOID *)&calibration, NULL);
    if (!NT_SUCCESS(status)) {
        WdfRequestComplete(Request, status);
        return;
    }

    WdfSpinLockAcquire(DeviceContext->DataLock);
    config = DeviceContext->Channels[channel].Config;
    WdfSpinLockRelease(DeviceContext->DataLock);

    RtlZeroMemory(calibration, sizeof(*calibration));
    calibration->Channel = channel;
    calibration->PointCount = 4;
    calibration->Points[0] = SenshubApplyGain(0, config.Offset, config.Gain);
    calibration->Points[1] = SenshubApplyGain(1000, config.Offset, config.Gain);
    calibration->Points[2] = SenshubApplyGain(2000, config.Offset, config.Gain);
    calibration->Points[3] = SenshubApplyGain(4000, config.Offset, config.Gain);

    WdfRequestCompleteWithInformation(Request, STATUS_SUCCESS,
                                      sizeof(SENSHUB_CALIBRATION));
    SenshubLogEvent(DeviceContext, SENSHUB_EVENT_CALIBRATION_READ, calibration->Channel);
}
