/*
 * lock.c - the device lock, taken and released through these helpers so
 * that every path logs contention the same way.
 */
#include "xfer.h"

VOID XfLock(PDEVICE_CONTEXT Context)
{
    WdfSpinLockAcquire(Context->Lock);
}

VOID XfUnlock(PDEVICE_CONTEXT Context)
{
    WdfSpinLockRelease(Context->Lock);
}
