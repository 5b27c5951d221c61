/* lock.c - the device lock, taken and released by helpers. */
#include "tally.h"

VOID TallyLock(PTALLY_CONTEXT Context) {
  WdfSpinLockAcquire(Context->Lock);
}

VOID TallyUnlock(PTALLY_CONTEXT Context) {
  WdfSpinLockRelease(Context->Lock);
}
