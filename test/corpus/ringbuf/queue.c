/*
 * queue.c - the queues of the RingBuf driver: reads, writes, waiting reads,
 * the blocked write and the read timeout.
 *
 * Locking: RingLock (a WDFSPINLOCK) guards the ring and everything that
 * describes it.  Requests are never completed with the lock held.
 */
#include "ringbuf.h"

NTSTATUS RingbufQueueInitialize(WDFDEVICE Device)
{
    PDEVICE_CONTEXT deviceContext = RingbufGetDeviceContext(Device);
    WDF_IO_QUEUE_CONFIG queueConfig;
    WDF_OBJECT_ATTRIBUTES attributes;
    NTSTATUS status;

    /* Default queue: reads are served or parked here, writes go on to the
       write queue, IOCTLs are handled in place. */
    WDF_IO_QUEUE_CONFIG_INIT_DEFAULT_QUEUE(&queueConfig,
                                           WdfIoQueueDispatchParallel);
    queueConfig.EvtIoRead = RingbufEvtIoRead;
    queueConfig.EvtIoWrite = RingbufEvtIoWriteForward;
    queueConfig.EvtIoDeviceControl = RingbufEvtIoDeviceControl;

    status = WdfIoQueueCreate(Device, &queueConfig, WDF_NO_OBJECT_ATTRIBUTES,
                              &deviceContext->DefaultQueue);
    if (!NT_SUCCESS(status)) {
        KdPrint(("ringbuf: default queue failed %08x\n", (ULONG)status));
        return status;
    }

    /* Writes are applied one at a time, in arrival order. */
    WDF_IO_QUEUE_CONFIG_INIT(&queueConfig, WdfIoQueueDispatchSequential);
    queueConfig.EvtIoWrite = RingbufEvtIoWrite;

    WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
    attributes.ParentObject = Device;
    status = WdfIoQueueCreate(Device, &queueConfig, &attributes,
                              &deviceContext->WriteQueue);
    if (!NT_SUCCESS(status)) {
        KdPrint(("ringbuf: write queue failed %08x\n", (ULONG)status));
        return status;
    }

    /* Reads waiting for data.  Not power managed: a waiting read must not
       keep the device from powering down, and the queue never dispatches. */
    WDF_IO_QUEUE_CONFIG_INIT(&queueConfig, WdfIoQueueDispatchManual);
    queueConfig.PowerManaged = WdfFalse;
    queueConfig.EvtIoCanceledOnQueue = RingbufEvtPendingReadCanceled;

    status = WdfIoQueueCreate(Device, &queueConfig, &attributes,
                              &deviceContext->PendingReadQueue);
    if (!NT_SUCCESS(status)) {
        KdPrint(("ringbuf: pending read queue failed %08x\n", (ULONG)status));
        return status;
    }

    return STATUS_SUCCESS;
}

/* ------------------------------------------------------------------------ */
/* Reads                                                                     */
/* ------------------------------------------------------------------------ */

static ULONG RingbufClampLength(size_t Length)
{
    PAGED_CODE();
    return Length > RINGBUF_MAX_CAPACITY ? RINGBUF_MAX_CAPACITY : (ULONG)Length;
}

/* Takes bytes out of the ring (or copies them, in peek mode).  Called with
   the ring lock held. */
static ULONG RingbufTakeLocked(PDEVICE_CONTEXT DeviceContext, PUCHAR Buffer,
                               ULONG Length)
{
    ULONG copied;

    if (DeviceContext->Mode == RINGBUF_MODE_PEEK) {
        copied = RingPeek(&DeviceContext->Ring, Buffer, Length);
    } else {
        copied = RingRead(&DeviceContext->Ring, Buffer, Length);
    }
    DeviceContext->Counters.BytesRead += copied;
    DeviceContext->Counters.Reads++;
    return copied;
}

static VOID RingbufCompleteRead(PDEVICE_CONTEXT DeviceContext,
                                WDFREQUEST Request, PUCHAR Buffer,
                                ULONG Copied)
{
    WdfRequestCompleteWithInformation(Request, STATUS_SUCCESS, Copied);
    if (Copied > 0) {
        DeviceContext->LastByteRead = Buffer[Copied - 1];
    }
}

VOID RingbufEvtIoRead(WDFQUEUE Queue, WDFREQUEST Request, size_t Length)
{
    PDEVICE_CONTEXT deviceContext =
        RingbufGetDeviceContext(WdfIoQueueGetDevice(Queue));
    PREQUEST_CONTEXT requestContext;
    PUCHAR buffer;
    size_t bufferLength;
    ULONG copied;
    NTSTATUS status;

    if (Length == 0) {
        WdfRequestCompleteWithInformation(Request, STATUS_SUCCESS, 0);
        return;
    }

    status = WdfRequestRetrieveOutputBuffer(Request, 1, (PVOID *)&buffer,
                                            &bufferLength);
    if (!NT_SUCCESS(status)) {
        WdfRequestComplete(Request, status);
        return;
    }

    WdfSpinLockAcquire(deviceContext->RingLock);
    if (RingUsedSpace(&deviceContext->Ring) > 0) {
        copied = RingbufTakeLocked(deviceContext, buffer,
                                   RingbufClampLength(bufferLength));
        if (copied > 0) {
            deviceContext->LastByteRead = buffer[copied - 1];
        }
        WdfSpinLockRelease(deviceContext->RingLock);

        /* Room was made: a blocked write may go on. */
        RingbufResumeBlockedWrite(deviceContext);
        WdfRequestCompleteWithInformation(Request, STATUS_SUCCESS, copied);
        return;
    }
    WdfSpinLockRelease(deviceContext->RingLock);

    /* Nothing to read: wait for data in the manual queue. */
    requestContext = RingbufGetRequestContext(Request);
    requestContext->QueuedTime = KeQueryInterruptTime();
    requestContext->Sequence = (ULONG)InterlockedIncrement(&RingbufSequence);

    InterlockedIncrement(&deviceContext->PendingReadCount);
    status = WdfRequestForwardToIoQueue(Request, deviceContext->PendingReadQueue);
    if (!NT_SUCCESS(status)) {
        InterlockedDecrement(&deviceContext->PendingReadCount);
        WdfRequestComplete(Request, status);
        return;
    }

    /* A write may have come in between the check and the forward. */
    RingbufServicePendingReads(deviceContext);
}

/* Satisfies waiting reads from the ring, oldest first, until either runs
   out. */
VOID RingbufServicePendingReads(PDEVICE_CONTEXT DeviceContext)
{
    WDFREQUEST request;
    PUCHAR buffer;
    size_t bufferLength;
    ULONG copied;
    NTSTATUS status;

    for (;;) {
        WdfSpinLockAcquire(DeviceContext->RingLock);
        if (RingUsedSpace(&DeviceContext->Ring) == 0) {
            WdfSpinLockRelease(DeviceContext->RingLock);
            break;
        }
        status = WdfIoQueueRetrieveNextRequest(DeviceContext->PendingReadQueue,
                                               &request);
        if (!NT_SUCCESS(status)) {
            WdfSpinLockRelease(DeviceContext->RingLock);
            break;
        }
        InterlockedDecrement(&DeviceContext->PendingReadCount);

        status = WdfRequestRetrieveOutputBuffer(request, 1, (PVOID *)&buffer,
                                                &bufferLength);
        if (!NT_SUCCESS(status)) {
            WdfSpinLockRelease(DeviceContext->RingLock);
            WdfRequestComplete(request, status);
            continue;
        }
        copied = RingbufTakeLocked(DeviceContext, buffer,
                                   RingbufClampLength(bufferLength));
        WdfSpinLockRelease(DeviceContext->RingLock);

        RingbufCompleteRead(DeviceContext, request, buffer, copied);
    }

    RingbufResumeBlockedWrite(DeviceContext);
}

VOID RingbufEvtPendingReadCanceled(WDFQUEUE Queue, WDFREQUEST Request)
{
    PDEVICE_CONTEXT deviceContext =
        RingbufGetDeviceContext(WdfIoQueueGetDevice(Queue));

    InterlockedDecrement(&deviceContext->PendingReadCount);

    WdfSpinLockAcquire(deviceContext->RingLock);
    deviceContext->Counters.ReadCancels++;
    WdfSpinLockRelease(deviceContext->RingLock);

    WdfRequestCompleteWithInformation(Request, STATUS_CANCELLED, 0);
}

/* Interval timeout: when no data has come in for ReadTimeoutMs, every
   waiting read fails with STATUS_TIMEOUT and the interval starts again. */
VOID RingbufEvtReadTimer(WDFTIMER Timer)
{
    PDEVICE_CONTEXT deviceContext =
        RingbufGetDeviceContext(WdfTimerGetParentObject(Timer));
    ULONGLONG now = KeQueryInterruptTime();
    ULONGLONG lastData;
    ULONG timeoutMs;
    BOOLEAN empty;
    WDFREQUEST request;
    ULONG timedOut = 0;

    WdfSpinLockAcquire(deviceContext->RingLock);
    timeoutMs = deviceContext->ReadTimeoutMs;
    lastData = deviceContext->LastDataTime;
    empty = (BOOLEAN)(RingUsedSpace(&deviceContext->Ring) == 0);
    if (timeoutMs != 0 && empty &&
        now - lastData >= (ULONGLONG)timeoutMs * RINGBUF_TICKS_PER_MS) {
        deviceContext->LastDataTime = now;
    } else {
        timeoutMs = 0;
    }
    WdfSpinLockRelease(deviceContext->RingLock);

    if (timeoutMs == 0) {
        return;
    }

    while (NT_SUCCESS(WdfIoQueueRetrieveNextRequest(
        deviceContext->PendingReadQueue, &request))) {
        InterlockedDecrement(&deviceContext->PendingReadCount);
        timedOut++;
        WdfRequestCompleteWithInformation(request, STATUS_TIMEOUT, 0);
    }

    if (timedOut > 0) {
        WdfSpinLockAcquire(deviceContext->RingLock);
        deviceContext->Counters.ReadTimeouts += timedOut;
        WdfSpinLockRelease(deviceContext->RingLock);
    }
}

/* ------------------------------------------------------------------------ */
/* Writes                                                                    */
/* ------------------------------------------------------------------------ */

/* Default queue: checks the size and passes the write on to the write
   queue, which applies writes one at a time. */
VOID RingbufEvtIoWriteForward(WDFQUEUE Queue, WDFREQUEST Request,
                              size_t Length)
{
    PDEVICE_CONTEXT deviceContext =
        RingbufGetDeviceContext(WdfIoQueueGetDevice(Queue));
    NTSTATUS status;

    if (Length == 0) {
        WdfRequestCompleteWithInformation(Request, STATUS_SUCCESS, 0);
        return;
    }
    if (Length > RINGBUF_MAX_WRITE) {
        WdfRequestComplete(Request, STATUS_INVALID_BUFFER_SIZE);
        return;
    }

    status = WdfRequestForwardToIoQueue(Request, deviceContext->WriteQueue);
    if (!NT_SUCCESS(status)) {
        KdPrint(("ringbuf: forward failed %08x\n", (ULONG)status));
        WdfRequestComplete(Request, status);
    }
}

VOID RingbufEvtIoWrite(WDFQUEUE Queue, WDFREQUEST Request, size_t Length)
{
    PDEVICE_CONTEXT deviceContext =
        RingbufGetDeviceContext(WdfIoQueueGetDevice(Queue));
    PUCHAR data;
    size_t dataLength;
    ULONG written;
    NTSTATUS status;

    UNREFERENCED_PARAMETER(Length);

    status = WdfRequestRetrieveInputBuffer(Request, 1, (PVOID *)&data,
                                           &dataLength);
    if (!NT_SUCCESS(status)) {
        WdfRequestComplete(Request, status);
        return;
    }
    if (dataLength > RINGBUF_MAX_WRITE) {
        dataLength = RINGBUF_MAX_WRITE;
    }

    WdfSpinLockAcquire(deviceContext->RingLock);
    written = RingWrite(&deviceContext->Ring, data, (ULONG)dataLength);
    deviceContext->Counters.BytesWritten += written;
    deviceContext->Counters.Writes++;
    deviceContext->LastDataTime = KeQueryInterruptTime();

    if (written < dataLength && deviceContext->Mode == RINGBUF_MODE_BLOCKING &&
        deviceContext->BlockedWrite == NULL) {
        /* Park the write until reads make room.  The sequential queue
           presents no other write meanwhile, which keeps the order. */
        status = WdfRequestMarkCancelableEx(Request, RingbufEvtBlockedWriteCancel);
        if (NT_SUCCESS(status)) {
            deviceContext->BlockedWrite = Request;
            deviceContext->BlockedWriteOffset = written;
            WdfSpinLockRelease(deviceContext->RingLock);
            RingbufServicePendingReads(deviceContext);
            return;
        }
        /* Already cancelled: complete it with what was taken. */
    }
    if (written < dataLength) {
        deviceContext->Counters.PartialWrites++;
    }
    WdfSpinLockRelease(deviceContext->RingLock);

    RingbufServicePendingReads(deviceContext);
    WdfRequestCompleteWithInformation(Request, STATUS_SUCCESS, written);
}

/* Cancel routine of the blocked write.  The write keeps what it put into
   the ring; Information tells the caller how much that was. */
VOID RingbufEvtBlockedWriteCancel(WDFREQUEST Request)
{
    PDEVICE_CONTEXT deviceContext =
        RingbufGetDeviceContext(WdfIoQueueGetDevice(WdfRequestGetIoQueue(Request)));
    ULONG offset = 0;

    WdfSpinLockAcquire(deviceContext->RingLock);
    if (deviceContext->BlockedWrite == Request) {
        deviceContext->BlockedWrite = NULL;
    }
    offset = deviceContext->BlockedWriteOffset;
    deviceContext->Counters.WriteCancels++;
    WdfSpinLockRelease(deviceContext->RingLock);

    WdfRequestCompleteWithInformation(Request, STATUS_CANCELLED, offset);
}

/* Moves more of the blocked write into the ring; completes it once all of
   it is in. */
VOID RingbufResumeBlockedWrite(PDEVICE_CONTEXT DeviceContext)
{
    WDFREQUEST request;
    WDFREQUEST completed = NULL;
    PUCHAR data;
    size_t dataLength;
    ULONG offset;
    ULONG written;
    NTSTATUS status;

    WdfSpinLockAcquire(DeviceContext->RingLock);
    request = DeviceContext->BlockedWrite;
    if (request == NULL || RingFreeSpace(&DeviceContext->Ring) == 0) {
        WdfSpinLockRelease(DeviceContext->RingLock);
        return;
    }

    offset = DeviceContext->BlockedWriteOffset;
    status = WdfRequestRetrieveInputBuffer(request, 1, (PVOID *)&data,
                                           &dataLength);
    if (NT_SUCCESS(status) && offset < dataLength) {
        written = RingWrite(&DeviceContext->Ring, data + offset,
                            (ULONG)(dataLength - offset));
        offset += written;
        DeviceContext->BlockedWriteOffset = offset;
        DeviceContext->Counters.BytesWritten += written;
        DeviceContext->LastDataTime = KeQueryInterruptTime();
    }

    if (!NT_SUCCESS(status) || offset >= dataLength) {
        /* Done (or unusable): take it back from the cancel path.  If the
           cancel routine already owns it, it completes the request. */
        if (NT_SUCCESS(WdfRequestUnmarkCancelable(request))) {
            DeviceContext->BlockedWrite = NULL;
            completed = request;
        }
    }
    WdfSpinLockRelease(DeviceContext->RingLock);

    if (completed != NULL) {
        WdfRequestCompleteWithInformation(completed, status, offset);
    }
}
