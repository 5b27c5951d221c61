/*
 * ringbuf.h - shared definitions of the RingBuf driver.
 *
 * RingBuf is a software FIFO device: writes append bytes to a per-device ring
 * buffer, reads take them out.  A read that finds the ring empty waits in a
 * manual queue until data arrives, the read times out, or the caller cancels
 * it.  A write that finds the ring full either completes partially or, in
 * blocking mode, is parked (cancelable) until a read makes room.
 *
 * Queues:
 *   default queue      parallel; EvtIoRead, EvtIoWrite, EvtIoDeviceControl.
 *                      Writes are forwarded to the write queue so that they
 *                      are applied one at a time and in order.
 *   write queue        sequential; applies writes to the ring.
 *   pending read queue manual; reads waiting for data.
 */
#ifndef RINGBUF_H
#define RINGBUF_H

#include <ntddk.h>
#include <wdf.h>

#include "ringbuf_public.h"

#define RINGBUF_POOL_TAG 'fBgR'
#define RINGBUF_SNAPSHOT_TAG 'sBgR'
#define RINGBUF_STAGING_TAG 'tBgR'
#define RINGBUF_LOG_TAG 'lBgR'

#define RINGBUF_DEFAULT_CAPACITY (16 * 1024)
#define RINGBUF_MIN_CAPACITY 256
#define RINGBUF_MAX_CAPACITY (1024 * 1024)
#define RINGBUF_MAX_WRITE (64 * 1024)
#define RINGBUF_DEFAULT_READ_TIMEOUT_MS 5000
#define RINGBUF_TIMER_PERIOD_MS 250

#define RINGBUF_DRIVER_LOG_SIZE 2048

/* 100-ns units in one millisecond, for interrupt-time arithmetic. */
#define RINGBUF_TICKS_PER_MS 10000ULL

/* ------------------------------------------------------------------------ */
/* The ring itself (ring.c): plain data structure, no locking of its own.    */
/* ------------------------------------------------------------------------ */

typedef struct _RING_BUFFER {
    PUCHAR Storage;
    ULONG Capacity;
    ULONG Head;       /* next byte to read */
    ULONG Tail;       /* next byte to write */
    ULONG Used;
    BOOLEAN Overflowed;
} RING_BUFFER, *PRING_BUFFER;

VOID RingInitialize(_Out_ PRING_BUFFER Ring, _In_ PUCHAR Storage,
                    _In_ ULONG Capacity);
VOID RingReset(_Inout_ PRING_BUFFER Ring);
ULONG RingFreeSpace(_In_ const RING_BUFFER *Ring);
ULONG RingUsedSpace(_In_ const RING_BUFFER *Ring);
ULONG RingWrite(_Inout_ PRING_BUFFER Ring, _In_reads_bytes_(Length) const UCHAR *Data,
                _In_ ULONG Length);
ULONG RingRead(_Inout_ PRING_BUFFER Ring, _Out_writes_bytes_(Length) PUCHAR Data,
               _In_ ULONG Length);
ULONG RingPeek(_In_ const RING_BUFFER *Ring, _Out_writes_bytes_(Length) PUCHAR Data,
               _In_ ULONG Length);
ULONG RingDrain(_Inout_ PRING_BUFFER Ring, _Out_writes_bytes_(Length) PUCHAR Data,
                _In_ ULONG Length);
VOID RingSwapStorage(_Inout_ PRING_BUFFER Ring, _In_ PUCHAR Storage,
                     _In_ ULONG Capacity, _In_reads_bytes_(Length) const UCHAR *Data,
                     _In_ ULONG Length, _Out_ PUCHAR *OldStorage);

/* ------------------------------------------------------------------------ */
/* Device and request contexts                                               */
/* ------------------------------------------------------------------------ */

typedef struct _RINGBUF_COUNTERS {
    ULONG64 BytesWritten;
    ULONG64 BytesRead;
    ULONG Writes;
    ULONG Reads;
    ULONG ReadTimeouts;
    ULONG ReadCancels;
    ULONG WriteCancels;
    ULONG PartialWrites;
} RINGBUF_COUNTERS;

typedef struct _DEVICE_CONTEXT {
    WDFDEVICE Device;

    WDFQUEUE DefaultQueue;
    WDFQUEUE WriteQueue;
    WDFQUEUE PendingReadQueue;

    /* Guards Ring, BlockedWrite, LastDataTime, Counters, Mode. */
    WDFSPINLOCK RingLock;
    RING_BUFFER Ring;

    /* Blocking mode: a write waiting for room in the ring, or NULL. */
    WDFREQUEST BlockedWrite;
    ULONG BlockedWriteOffset;

    ULONG Mode;                    /* RINGBUF_MODE_* */
    ULONG ReadTimeoutMs;           /* 0: reads wait forever */
    ULONGLONG LastDataTime;        /* interrupt time of the last write */

    WDFTIMER ReadTimer;
    volatile LONG PendingReadCount;  /* requests in PendingReadQueue */

    /* Last snapshot taken with IOCTL_RINGBUF_TAKE_SNAPSHOT. */
    WDFMEMORY Snapshot;
    ULONG SnapshotLength;

    UCHAR LastByteRead;
    RINGBUF_COUNTERS Counters;
} DEVICE_CONTEXT, *PDEVICE_CONTEXT;

WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(DEVICE_CONTEXT, RingbufGetDeviceContext)

typedef struct _REQUEST_CONTEXT {
    ULONGLONG QueuedTime;          /* interrupt time when it started waiting */
    ULONG Sequence;
} REQUEST_CONTEXT, *PREQUEST_CONTEXT;

WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(REQUEST_CONTEXT, RingbufGetRequestContext)

/* ------------------------------------------------------------------------ */
/* Driver-wide state (driver.c)                                              */
/* ------------------------------------------------------------------------ */

extern WDFMEMORY RingbufDriverLog;
extern volatile LONG RingbufSequence;

VOID RingbufLog(_In_z_ PCSTR Message, _In_ ULONG Value);

/* ------------------------------------------------------------------------ */
/* Callbacks and helpers                                                     */
/* ------------------------------------------------------------------------ */

DRIVER_INITIALIZE DriverEntry;
EVT_WDF_DRIVER_DEVICE_ADD RingbufEvtDeviceAdd;
EVT_WDF_DRIVER_UNLOAD RingbufEvtDriverUnload;
EVT_WDF_OBJECT_CONTEXT_CLEANUP RingbufEvtDriverContextCleanup;
EVT_WDF_OBJECT_CONTEXT_CLEANUP RingbufEvtDeviceContextCleanup;
EVT_WDF_DEVICE_D0_ENTRY RingbufEvtDeviceD0Entry;
EVT_WDF_DEVICE_D0_EXIT RingbufEvtDeviceD0Exit;
EVT_WDF_FILE_CLOSE RingbufEvtFileClose;

EVT_WDF_IO_QUEUE_IO_READ RingbufEvtIoRead;
EVT_WDF_IO_QUEUE_IO_WRITE RingbufEvtIoWriteForward;
EVT_WDF_IO_QUEUE_IO_WRITE RingbufEvtIoWrite;
EVT_WDF_IO_QUEUE_IO_DEVICE_CONTROL RingbufEvtIoDeviceControl;
EVT_WDF_IO_QUEUE_IO_CANCELED_ON_QUEUE RingbufEvtPendingReadCanceled;
EVT_WDF_OBJECT_CONTEXT_CLEANUP RingbufEvtSnapshotCleanup;
EVT_WDF_REQUEST_CANCEL RingbufEvtBlockedWriteCancel;
EVT_WDF_TIMER RingbufEvtReadTimer;

NTSTATUS RingbufQueueInitialize(_In_ WDFDEVICE Device);

_IRQL_requires_max_(DISPATCH_LEVEL)
VOID RingbufServicePendingReads(_In_ PDEVICE_CONTEXT DeviceContext);

_IRQL_requires_max_(DISPATCH_LEVEL)
VOID RingbufResumeBlockedWrite(_In_ PDEVICE_CONTEXT DeviceContext);

#endif /* RINGBUF_H */
