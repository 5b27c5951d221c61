/*
 * isr.c - interrupt handling of the DAQ-16 driver: ISR, DPC, interrupt
 * enable/disable, and delivery of samples to waiting reads.
 */
#include "daq.h"

/* Files an error record for IOCTL_DAQ_GET_ERRORS.  At most
   DAQ_MAX_ERROR_RECORDS are kept; older ones are dropped.  DISPATCH_LEVEL. */
static VOID DaqFileErrorRecord(PDEVICE_CONTEXT DeviceContext,
                               PDAQ_ERROR_RECORD Record)
{
    PDAQ_ERROR_RECORD dropped = NULL;

    KeAcquireSpinLockAtDpcLevel(&DeviceContext->ErrorLock);
    InsertTailList(&DeviceContext->ErrorList, &Record->Link);
    if (DeviceContext->ErrorCount == DAQ_MAX_ERROR_RECORDS) {
        dropped = CONTAINING_RECORD(RemoveHeadList(&DeviceContext->ErrorList),
                                    DAQ_ERROR_RECORD, Link);
    } else {
        DeviceContext->ErrorCount++;
    }
    KeReleaseSpinLockFromDpcLevel(&DeviceContext->ErrorLock);

    if (dropped != NULL) {
        ExFreePoolWithTag(dropped, DAQ_ERROR_TAG);
    }
}

/* An error found by the DPC itself. */
static VOID DaqRecordDpcError(PDEVICE_CONTEXT DeviceContext, ULONG Code,
                              ULONG InterruptStatus)
{
    PDAQ_ERROR_RECORD record;

    record = (PDAQ_ERROR_RECORD)ExAllocatePool2(POOL_FLAG_NON_PAGED,
                                                sizeof(DAQ_ERROR_RECORD),
                                                DAQ_ERROR_TAG);
    if (record == NULL) {
        return;
    }
    record->Code = Code;
    record->InterruptStatus = InterruptStatus;
    record->Time = KeQueryInterruptTime();
    DaqFileErrorRecord(DeviceContext, record);
}

BOOLEAN DaqEvtInterruptIsr(WDFINTERRUPT Interrupt, ULONG MessageID)
{
    PDEVICE_CONTEXT deviceContext =
        DaqGetDeviceContext(WdfInterruptGetDevice(Interrupt));
    PDAQ_REGISTERS registers = deviceContext->Registers;
    PDAQ_ERROR_RECORD record;
    ULONG interruptStatus;

    UNREFERENCED_PARAMETER(MessageID);

    interruptStatus = DaqRead(deviceContext, &registers->InterruptStatus);
    if ((interruptStatus & DAQ_INT_ALL) == 0) {
        /* Shared line: not ours. */
        return FALSE;
    }
    /* Acknowledge (write one to clear) before anything else, so that a new
       event raises a new interrupt. */
    DaqWrite(deviceContext, &registers->InterruptStatus, interruptStatus);

    if (interruptStatus & DAQ_INT_ERROR) {
        /* Capture the error code now: the next event overwrites it.  The
           DPC files the record. */
        record = (PDAQ_ERROR_RECORD)ExAllocatePool2(POOL_FLAG_NON_PAGED,
                                                    sizeof(DAQ_ERROR_RECORD),
                                                    DAQ_ERROR_TAG);
        if (record != NULL) {
            record->Code = DaqRead(deviceContext, &registers->ErrorCode);
            record->InterruptStatus = interruptStatus;
            record->Time = KeQueryInterruptTime();
            PushEntryList(&deviceContext->IsrErrors, &record->IsrLink);
        }
    }

    deviceContext->PendingInterruptStatus |= interruptStatus;
    deviceContext->LastInterruptTime = KeQueryInterruptTime();
    WdfInterruptQueueDpcForIsr(Interrupt);
    return TRUE;
}

NTSTATUS DaqEvtInterruptEnable(WDFINTERRUPT Interrupt, WDFDEVICE AssociatedDevice)
{
    PDEVICE_CONTEXT deviceContext = DaqGetDeviceContext(AssociatedDevice);

    UNREFERENCED_PARAMETER(Interrupt);

    DaqWrite(deviceContext, &deviceContext->Registers->InterruptStatus,
             DAQ_INT_ALL);
    DaqWrite(deviceContext, &deviceContext->Registers->InterruptEnable,
             DAQ_INT_ALL);
    return STATUS_SUCCESS;
}

NTSTATUS DaqEvtInterruptDisable(WDFINTERRUPT Interrupt, WDFDEVICE AssociatedDevice)
{
    PDEVICE_CONTEXT deviceContext = DaqGetDeviceContext(AssociatedDevice);

    UNREFERENCED_PARAMETER(Interrupt);

    DaqWrite(deviceContext, &deviceContext->Registers->InterruptEnable, 0);
    return STATUS_SUCCESS;
}

/* Appends one sample to the ring; overwrites the oldest when full.
   SampleLock held. */
static VOID DaqPushSample(PDEVICE_CONTEXT DeviceContext, USHORT Sample)
{
    ULONG tail = (DeviceContext->RingHead + DeviceContext->RingCount) %
                 DAQ_RING_SAMPLES;

    DeviceContext->Ring[tail] = Sample;
    if (DeviceContext->RingCount < DAQ_RING_SAMPLES) {
        DeviceContext->RingCount++;
    } else {
        DeviceContext->RingHead = (DeviceContext->RingHead + 1) % DAQ_RING_SAMPLES;
        DeviceContext->Overflows++;
    }
}

/* Takes up to MaxSamples samples out of the ring.  SampleLock held. */
static ULONG DaqPopSamples(PDEVICE_CONTEXT DeviceContext, PUSHORT Destination,
                           ULONG MaxSamples)
{
    ULONG count = DeviceContext->RingCount < MaxSamples ? DeviceContext->RingCount
                                                        : MaxSamples;
    ULONG i;

    for (i = 0; i < count; i++) {
        Destination[i] = DeviceContext->Ring[DeviceContext->RingHead];
        DeviceContext->RingHead = (DeviceContext->RingHead + 1) % DAQ_RING_SAMPLES;
    }
    DeviceContext->RingCount -= count;
    return count;
}

/* The level meter shows the last sample delivered to the application. */
static VOID DaqUpdateLevelMeter(PDEVICE_CONTEXT DeviceContext,
                                const USHORT *Samples, ULONG Count)
{
    if (Count > 0) {
        DeviceContext->LastSample = Samples[Count - 1];
    }
}

VOID DaqCompletePendingReads(PDEVICE_CONTEXT DeviceContext)
{
    WDFREQUEST request;
    PUSHORT buffer;
    size_t length;
    ULONG count;
    NTSTATUS status;

    for (;;) {
        WdfSpinLockAcquire(DeviceContext->SampleLock);
        if (DeviceContext->RingCount == 0) {
            WdfSpinLockRelease(DeviceContext->SampleLock);
            return;
        }
        status = WdfIoQueueRetrieveNextRequest(DeviceContext->PendingReadQueue,
                                               &request);
        if (!NT_SUCCESS(status)) {
            WdfSpinLockRelease(DeviceContext->SampleLock);
            return;
        }
        status = WdfRequestRetrieveOutputBuffer(request, sizeof(USHORT),
                                                (PVOID *)&buffer, &length);
        if (!NT_SUCCESS(status)) {
            WdfSpinLockRelease(DeviceContext->SampleLock);
            WdfRequestComplete(request, status);
            continue;
        }
        count = DaqPopSamples(DeviceContext, buffer,
                              (ULONG)(length / sizeof(USHORT)));
        WdfSpinLockRelease(DeviceContext->SampleLock);

        WdfRequestCompleteWithInformation(request, STATUS_SUCCESS,
                                          count * sizeof(USHORT));
        DaqUpdateLevelMeter(DeviceContext, buffer, count);
    }
}

VOID DaqEvtInterruptDpc(WDFINTERRUPT Interrupt, WDFOBJECT AssociatedObject)
{
    PDEVICE_CONTEXT deviceContext = DaqGetDeviceContext(AssociatedObject);
    PDAQ_REGISTERS registers = deviceContext->Registers;
    PSINGLE_LIST_ENTRY isrErrors;
    LARGE_INTEGER settle;
    ULONG pending;
    ULONG words;
    ULONG word;
    ULONG i;

    /* Take the status bits and error records the ISR collected. */
    WdfInterruptAcquireLock(Interrupt);
    pending = deviceContext->PendingInterruptStatus;
    deviceContext->PendingInterruptStatus = 0;
    isrErrors = deviceContext->IsrErrors.Next;
    deviceContext->IsrErrors.Next = NULL;
    WdfInterruptReleaseLock(Interrupt);

    while (isrErrors != NULL) {
        PDAQ_ERROR_RECORD record =
            CONTAINING_RECORD(isrErrors, DAQ_ERROR_RECORD, IsrLink);

        isrErrors = isrErrors->Next;
        DaqFileErrorRecord(deviceContext, record);
    }
    if (pending & DAQ_INT_FIFO_OVERFLOW) {
        DaqRecordDpcError(deviceContext, DAQ_INT_FIFO_OVERFLOW, pending);
    }
    if ((pending & (DAQ_INT_FIFO_THRESHOLD | DAQ_INT_FIFO_OVERFLOW)) == 0) {
        return;
    }

    /* The FIFO count is not valid while the FIFO settles (< 20 us). */
    if (DaqRead(deviceContext, &registers->Status) & DAQ_STATUS_FIFO_SETTLING) {
        settle.QuadPart = -200;
        KeDelayExecutionThread(KernelMode, FALSE, &settle);
    }

    words = DaqRead(deviceContext, &registers->FifoCount);
    if (words > DAQ_FIFO_DEPTH_WORDS) {
        words = DAQ_FIFO_DEPTH_WORDS;
    }

    WdfSpinLockAcquire(deviceContext->SampleLock);
    for (i = 0; i < words; i++) {
        word = DaqRead(deviceContext, &registers->FifoData);
        DaqPushSample(deviceContext, (USHORT)(word & 0xFFFF));
        DaqPushSample(deviceContext, (USHORT)(word >> 16));
    }
    WdfSpinLockRelease(deviceContext->SampleLock);

    DaqCompletePendingReads(deviceContext);
}
