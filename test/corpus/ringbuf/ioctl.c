/*
 * ioctl.c - device control requests of the RingBuf driver.
 *
 * All codes are METHOD_BUFFERED: input and output share the system buffer,
 * so every handler reads its input completely before writing output.
 */
#include "ringbuf.h"

/* Status of the ring, for the test tool. */
static NTSTATUS RingbufGetStatus(PDEVICE_CONTEXT DeviceContext,
                                 WDFREQUEST Request, size_t *Information)
{
    RINGBUF_STATUS snapshot;
    PRINGBUF_STATUS output;
    NTSTATUS status;

    status = WdfRequestRetrieveOutputBuffer(Request, sizeof(RINGBUF_STATUS),
                                            (PVOID *)&output, NULL);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    WdfSpinLockAcquire(DeviceContext->RingLock);
    snapshot.Version = RINGBUF_INTERFACE_VERSION;
    snapshot.Overflowed = DeviceContext->Ring.Overflowed;
    snapshot.Capacity = DeviceContext->Ring.Capacity;
    snapshot.Used = DeviceContext->Ring.Used;
    snapshot.TotalWritten = DeviceContext->Counters.BytesWritten;
    snapshot.TotalRead = DeviceContext->Counters.BytesRead;
    snapshot.PendingReads = (ULONG)DeviceContext->PendingReadCount;
    WdfSpinLockRelease(DeviceContext->RingLock);

    RtlCopyMemory(output, &snapshot, sizeof(snapshot));
    *Information = sizeof(snapshot);
    return STATUS_SUCCESS;
}

/* Empties the ring and fails the waiting reads. */
static NTSTATUS RingbufFlush(PDEVICE_CONTEXT DeviceContext)
{
    WdfSpinLockAcquire(DeviceContext->RingLock);
    RingReset(&DeviceContext->Ring);
    DeviceContext->LastDataTime = KeQueryInterruptTime();
    WdfSpinLockRelease(DeviceContext->RingLock);

    /* Fail every read that is waiting for data, then accept new ones. */
    WdfIoQueuePurgeSynchronously(DeviceContext->PendingReadQueue);
    InterlockedExchange(&DeviceContext->PendingReadCount, 0);
    WdfIoQueueStart(DeviceContext->PendingReadQueue);

    RingbufResumeBlockedWrite(DeviceContext);
    return STATUS_SUCCESS;
}

/* Moves the ring to storage of a new size, keeping its contents. */
static NTSTATUS RingbufSetCapacity(PDEVICE_CONTEXT DeviceContext,
                                   WDFREQUEST Request)
{
    PULONG input;
    ULONG newCapacity;
    WDFMEMORY staging = NULL;
    PUCHAR stagingBuffer;
    PUCHAR newStorage;
    PUCHAR oldStorage = NULL;
    ULONG used;
    NTSTATUS status;

    status = WdfRequestRetrieveInputBuffer(Request, sizeof(ULONG),
                                           (PVOID *)&input, NULL);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    newCapacity = *input;
    if (newCapacity < RINGBUF_MIN_CAPACITY || newCapacity > RINGBUF_MAX_CAPACITY) {
        return STATUS_INVALID_PARAMETER;
    }

    /* The contents move through a staging copy, so that the ring lock is
       only held while bytes are copied, never while pool is allocated. */
    status = WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, NonPagedPoolNx,
                             RINGBUF_STAGING_TAG, newCapacity, &staging,
                             (PVOID *)&stagingBuffer);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    newStorage = (PUCHAR)ExAllocatePool2(POOL_FLAG_PAGED, newCapacity,
                                         RINGBUF_POOL_TAG);
    if (newStorage == NULL) {
        status = STATUS_INSUFFICIENT_RESOURCES;
        goto Exit;
    }

    WdfSpinLockAcquire(DeviceContext->RingLock);
    used = RingUsedSpace(&DeviceContext->Ring);
    if (used > newCapacity) {
        /* The ring holds more than the new size: refuse, keep everything. */
        WdfSpinLockRelease(DeviceContext->RingLock);
        ExFreePoolWithTag(newStorage, RINGBUF_POOL_TAG);
        WdfObjectDelete(staging);
        status = STATUS_BUFFER_TOO_SMALL;
        goto Exit;
    }
    used = RingDrain(&DeviceContext->Ring, stagingBuffer, newCapacity);
    RingSwapStorage(&DeviceContext->Ring, newStorage, newCapacity,
                    stagingBuffer, used, &oldStorage);
    WdfSpinLockRelease(DeviceContext->RingLock);

    if (oldStorage != NULL) {
        ExFreePoolWithTag(oldStorage, RINGBUF_POOL_TAG);
    }
    RingbufLog("ringbuf: capacity now", newCapacity);
    status = STATUS_SUCCESS;

Exit:
    if (staging != NULL) {
        WdfObjectDelete(staging);
    }
    return status;
}

VOID RingbufEvtSnapshotCleanup(WDFOBJECT Memory)
{
    UNREFERENCED_PARAMETER(Memory);
    RingbufLog("ringbuf: snapshot released", 0);
}

/* Copies the ring's contents aside without consuming them; the copy
   replaces the previous snapshot. */
static NTSTATUS RingbufTakeSnapshot(PDEVICE_CONTEXT DeviceContext)
{
    WDF_OBJECT_ATTRIBUTES attributes;
    WDFMEMORY snapshot;
    WDFMEMORY previous;
    PUCHAR buffer;
    ULONG capacity;
    ULONG length;
    NTSTATUS status;

    /* Size it outside the lock: no allocation under a spin lock. */
    WdfSpinLockAcquire(DeviceContext->RingLock);
    capacity = DeviceContext->Ring.Capacity;
    WdfSpinLockRelease(DeviceContext->RingLock);
    if (capacity == 0) {
        return STATUS_INVALID_DEVICE_STATE;
    }

    WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
    attributes.EvtCleanupCallback = RingbufEvtSnapshotCleanup;
    status = WdfMemoryCreate(&attributes, NonPagedPoolNx, RINGBUF_SNAPSHOT_TAG,
                             capacity, &snapshot, (PVOID *)&buffer);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    WdfSpinLockAcquire(DeviceContext->RingLock);
    /* The capacity may have changed meanwhile; never copy more than the
       snapshot holds. */
    length = RingPeek(&DeviceContext->Ring, buffer, capacity);
    previous = DeviceContext->Snapshot;
    DeviceContext->Snapshot = snapshot;
    DeviceContext->SnapshotLength = length;
    WdfSpinLockRelease(DeviceContext->RingLock);

    if (previous != NULL) {
        WdfObjectDelete(previous);
    }
    return STATUS_SUCCESS;
}

/* Returns the last snapshot: a header, then its bytes. */
static NTSTATUS RingbufGetSnapshot(PDEVICE_CONTEXT DeviceContext,
                                   WDFREQUEST Request, size_t *Information)
{
    RINGBUF_SNAPSHOT_HEADER header;
    WDFMEMORY snapshot;
    WDFMEMORY output;
    ULONG length;
    NTSTATUS status;

    /* Keep the snapshot alive while it is copied, even if a new one
       replaces it meanwhile. */
    WdfSpinLockAcquire(DeviceContext->RingLock);
    snapshot = DeviceContext->Snapshot;
    length = DeviceContext->SnapshotLength;
    if (snapshot != NULL) {
        WdfObjectReference(snapshot);
    }
    WdfSpinLockRelease(DeviceContext->RingLock);

    if (snapshot == NULL) {
        return STATUS_NOT_FOUND;
    }

    status = WdfRequestRetrieveOutputMemory(Request, &output);
    if (NT_SUCCESS(status)) {
        header.Length = length;
        header.Sequence = (ULONG)RingbufSequence;
        status = WdfMemoryCopyFromBuffer(output, 0, &header, sizeof(header));
    }
    if (NT_SUCCESS(status) && length > 0) {
        status = WdfMemoryCopyFromBuffer(output, sizeof(header),
                                         WdfMemoryGetBuffer(snapshot, NULL),
                                         length);
    }
    WdfObjectDereference(snapshot);

    if (NT_SUCCESS(status)) {
        *Information = sizeof(header) + length;
    }
    return status;
}

/* Mode and read timeout. */
static NTSTATUS RingbufSetSettings(PDEVICE_CONTEXT DeviceContext,
                                   WDFREQUEST Request)
{
    PRINGBUF_SETTINGS settings;
    ULONG mode;
    ULONG timeoutMs;
    WDFREQUEST blocked = NULL;
    ULONG offset = 0;
    NTSTATUS status;

    status = WdfRequestRetrieveInputBuffer(Request, sizeof(RINGBUF_SETTINGS),
                                           (PVOID *)&settings, NULL);
    mode = settings->Mode;
    timeoutMs = settings->ReadTimeoutMs;
    if (!NT_SUCCESS(status)) {
        return status;
    }
    if (mode > RINGBUF_MODE_BLOCKING) {
        return STATUS_INVALID_PARAMETER;
    }

    WdfSpinLockAcquire(DeviceContext->RingLock);
    DeviceContext->Mode = mode;
    DeviceContext->ReadTimeoutMs = timeoutMs;
    DeviceContext->LastDataTime = KeQueryInterruptTime();
    if (mode != RINGBUF_MODE_BLOCKING && DeviceContext->BlockedWrite != NULL) {
        /* Leaving blocking mode: the parked write completes partially. */
        if (NT_SUCCESS(WdfRequestUnmarkCancelable(DeviceContext->BlockedWrite))) {
            blocked = DeviceContext->BlockedWrite;
            offset = DeviceContext->BlockedWriteOffset;
            DeviceContext->BlockedWrite = NULL;
        }
    }
    WdfSpinLockRelease(DeviceContext->RingLock);

    if (blocked != NULL) {
        WdfRequestCompleteWithInformation(blocked, STATUS_SUCCESS, offset);
    }
    return STATUS_SUCCESS;
}

VOID RingbufEvtIoDeviceControl(WDFQUEUE Queue, WDFREQUEST Request,
                               size_t OutputBufferLength,
                               size_t InputBufferLength, ULONG IoControlCode)
{
    PDEVICE_CONTEXT deviceContext =
        RingbufGetDeviceContext(WdfIoQueueGetDevice(Queue));
    size_t information = 0;
    NTSTATUS status;

    switch (IoControlCode) {
    case IOCTL_RINGBUF_GET_STATUS:
        status = RingbufGetStatus(deviceContext, Request, &information);
        break;

    case IOCTL_RINGBUF_FLUSH:
        status = RingbufFlush(deviceContext);
        break;

    case IOCTL_RINGBUF_SET_CAPACITY:
        if (InputBufferLength < sizeof(ULONG)) {
            status = STATUS_BUFFER_TOO_SMALL;
            break;
        }
        status = RingbufSetCapacity(deviceContext, Request);
        break;

    case IOCTL_RINGBUF_TAKE_SNAPSHOT:
        status = RingbufTakeSnapshot(deviceContext);
        break;

    case IOCTL_RINGBUF_GET_SNAPSHOT:
        if (OutputBufferLength < sizeof(RINGBUF_SNAPSHOT_HEADER)) {
            status = STATUS_BUFFER_TOO_SMALL;
            break;
        }
        status = RingbufGetSnapshot(deviceContext, Request, &information);
        break;

    case IOCTL_RINGBUF_SET_SETTINGS:
        status = RingbufSetSettings(deviceContext, Request);
        break;

    default:
        status = STATUS_INVALID_DEVICE_REQUEST;
        break;
    }

    WdfRequestCompleteWithInformation(Request, status, information);
}
