// wdfcheck does not explore top-level functions that cannot lead to a wdf
// finding; everything that can is still explored, callees and context
// included.
#include <ntddk.h>
#include <wdf.h>

typedef struct {
  WDFWAITLOCK WaitLock;
  ULONG Samples[8];
} DEVICE_CONTEXT;
WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(DEVICE_CONTEXT, GetContext)

// Reaches a PASSIVE_LEVEL-only DDI two calls down.
static VOID LockAndCount(DEVICE_CONTEXT *ctx) {
  WdfWaitLockAcquire(ctx->WaitLock, NULL);
  WdfWaitLockRelease(ctx->WaitLock);
}

static VOID Refresh(DEVICE_CONTEXT *ctx) { LockAndCount(ctx); }

// The finding needs the DPC's level: the DPC must be explored.
EVT_WDF_DPC SampleDpc;
VOID SampleDpc(WDFDPC Dpc) { Refresh(GetContext(Dpc)); }

// Pure computation: nothing wdf can find here, so it is not explored, and
// clang's own findings in it are not wdfcheck's to show.
ULONG Average(const ULONG *samples, ULONG count) {
  ULONG sum = 0;
  for (ULONG i = 0; i < count; ++i)
    sum += samples[i];
  return sum / count;
}
