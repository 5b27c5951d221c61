/*
 * tally.h - a driver split over files for confirm-ctu.test: queue.c has the
 * callbacks, which count requests under the device spin lock that the
 * helpers of lock.c take and release; finish.c completes writes.
 */
#ifndef TALLY_H
#define TALLY_H

#include <ntddk.h>
#include <wdf.h>

#define IOCTL_TALLY_COUNT 0x222000 /* METHOD_BUFFERED, FILE_ANY_ACCESS */
#define IOCTL_TALLY_FAIL 0x222004

typedef struct _TALLY_CONTEXT {
  WDFSPINLOCK Lock;
  ULONG Completed;
  ULONG Failed;
} TALLY_CONTEXT, *PTALLY_CONTEXT;

WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(TALLY_CONTEXT, TallyGetContext)

/* lock.c */
VOID TallyLock(PTALLY_CONTEXT Context);
VOID TallyUnlock(PTALLY_CONTEXT Context);

/* finish.c */
VOID TallyFinish(WDFREQUEST Request, size_t Length);

#endif
