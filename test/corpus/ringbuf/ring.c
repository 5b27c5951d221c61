/*
 * ring.c - the byte ring of the RingBuf driver.
 *
 * No locking here: every caller holds the device's RingLock.  Nothing in
 * this file allocates or calls the framework, so it runs at any IRQL up to
 * DISPATCH_LEVEL.
 */
#include "ringbuf.h"

VOID RingInitialize(PRING_BUFFER Ring, PUCHAR Storage, ULONG Capacity)
{
    Ring->Storage = Storage;
    Ring->Capacity = Capacity;
    Ring->Head = 0;
    Ring->Tail = 0;
    Ring->Used = 0;
    Ring->Overflowed = FALSE;
}

VOID RingReset(PRING_BUFFER Ring)
{
    Ring->Head = 0;
    Ring->Tail = 0;
    Ring->Used = 0;
    Ring->Overflowed = FALSE;
}

ULONG RingFreeSpace(const RING_BUFFER *Ring)
{
    return Ring->Capacity - Ring->Used;
}

ULONG RingUsedSpace(const RING_BUFFER *Ring)
{
    return Ring->Used;
}

/* Appends up to Length bytes; returns how many fit. */
ULONG RingWrite(PRING_BUFFER Ring, const UCHAR *Data, ULONG Length)
{
    ULONG count;
    ULONG first;

    if (Ring->Storage == NULL) {
        return 0;
    }

    count = RingFreeSpace(Ring);
    if (count < Length) {
        Ring->Overflowed = TRUE;
    } else {
        count = Length;
    }
    if (count == 0) {
        return 0;
    }

    /* The copy may wrap around the end of the storage. */
    first = Ring->Capacity - Ring->Tail;
    if (first > count) {
        first = count;
    }
    RtlCopyMemory(Ring->Storage + Ring->Tail, Data, first);
    if (count > first) {
        RtlCopyMemory(Ring->Storage, Data + first, count - first);
    }

    Ring->Tail = (Ring->Tail + count) % Ring->Capacity;
    Ring->Used += count;
    return count;
}

static ULONG RingCopyOut(const RING_BUFFER *Ring, PUCHAR Data, ULONG Length)
{
    ULONG count = Ring->Used < Length ? Ring->Used : Length;
    ULONG first;

    if (count == 0 || Ring->Storage == NULL) {
        return 0;
    }
    first = Ring->Capacity - Ring->Head;
    if (first > count) {
        first = count;
    }
    RtlCopyMemory(Data, Ring->Storage + Ring->Head, first);
    if (count > first) {
        RtlCopyMemory(Data + first, Ring->Storage, count - first);
    }
    return count;
}

/* Takes up to Length bytes out of the ring; returns how many. */
ULONG RingRead(PRING_BUFFER Ring, PUCHAR Data, ULONG Length)
{
    ULONG count = RingCopyOut(Ring, Data, Length);

    Ring->Head = (Ring->Capacity == 0) ? 0 : (Ring->Head + count) % Ring->Capacity;
    Ring->Used -= count;
    if (Ring->Used == 0) {
        /* Restart at the beginning: keeps later copies in one piece. */
        Ring->Head = 0;
        Ring->Tail = 0;
    }
    return count;
}

/* Copies up to Length bytes without consuming them. */
ULONG RingPeek(const RING_BUFFER *Ring, PUCHAR Data, ULONG Length)
{
    return RingCopyOut(Ring, Data, Length);
}

/* Takes everything (up to Length bytes) out, leaving the ring empty. */
ULONG RingDrain(PRING_BUFFER Ring, PUCHAR Data, ULONG Length)
{
    ULONG count = RingCopyOut(Ring, Data, Length);

    RingReset(Ring);
    return count;
}

/* Moves the ring to new storage holding Data as its contents; hands back the
   old storage for the caller to free once the lock is dropped. */
VOID RingSwapStorage(PRING_BUFFER Ring, PUCHAR Storage, ULONG Capacity,
                     const UCHAR *Data, ULONG Length, PUCHAR *OldStorage)
{
    BOOLEAN overflowed = Ring->Overflowed;

    *OldStorage = Ring->Storage;
    RingInitialize(Ring, Storage, Capacity);
    Ring->Overflowed = overflowed;
    if (Length > 0) {
        (VOID)RingWrite(Ring, Data, Length);
    }
}
