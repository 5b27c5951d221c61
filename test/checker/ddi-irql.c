// WM008 wdf.DdiIrql: DDIs and SAL-annotated functions called above their
// maximum or below their minimum IRQL; callbacks returning at another IRQL.
// RUN: %wdf_analyze -analyzer-checker=wdf.DdiIrql -verify %s
// RUN: %wdf_analyze -analyzer-checker=wdf.DdiIrql -verify %wdk_shape %s
// RUN: %wdf_analyze -analyzer-checker=wdf.DdiIrql -verify %msvc %s
#include <ntddk.h>
#include <wdf.h>

typedef struct {
  KSPIN_LOCK Lock;
  WDFSPINLOCK WdfLock;
  WDFWAITLOCK WaitLock;
  WDFMEMORY Buffer;
} DEVICE_CONTEXT;
WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(DEVICE_CONTEXT, GetContext)

// ---- below the minimum ---------------------------------------------------------

EVT_WDF_WORKITEM WorkAtDpcLevelLock;
VOID WorkAtDpcLevelLock(WDFWORKITEM WorkItem) {
  DEVICE_CONTEXT *ctx = GetContext(WorkItem);
  KeAcquireSpinLockAtDpcLevel(&ctx->Lock);
  KeReleaseSpinLockFromDpcLevel(&ctx->Lock);
}

EVT_WDF_DPC DpcAtDpcLevelLock;
VOID DpcAtDpcLevelLock(WDFDPC Dpc) {
  DEVICE_CONTEXT *ctx = GetContext(Dpc);
  KeAcquireSpinLockAtDpcLevel(&ctx->Lock); // no-warning
  KeReleaseSpinLockFromDpcLevel(&ctx->Lock); // no-warning
}

// ---- above the maximum ---------------------------------------------------------

EVT_WDF_IO_QUEUE_IO_READ ReadWaitLock;
VOID ReadWaitLock(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  DEVICE_CONTEXT *ctx = GetContext(Queue);
  WdfWaitLockAcquire(ctx->WaitLock, NULL);
  WdfWaitLockRelease(ctx->WaitLock);
  WdfRequestComplete(Request, STATUS_SUCCESS);
}

EVT_WDF_IO_QUEUE_IO_READ ReadWaitLockGuarded;
VOID ReadWaitLockGuarded(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  DEVICE_CONTEXT *ctx = GetContext(Queue);
  if (KeGetCurrentIrql() == PASSIVE_LEVEL) {
    WdfWaitLockAcquire(ctx->WaitLock, NULL); // no-warning
    WdfWaitLockRelease(ctx->WaitLock);
  }
  WdfRequestComplete(Request, STATUS_SUCCESS);
}

EVT_WDF_INTERRUPT_ISR IsrCopies;
BOOLEAN IsrCopies(WDFINTERRUPT Interrupt, ULONG MessageID) {
  DEVICE_CONTEXT *ctx = GetContext(WdfInterruptGetDevice(Interrupt)); // no-warning
  ULONG value;
  WdfMemoryCopyToBuffer(ctx->Buffer, 0, &value, sizeof value);
  WdfInterruptQueueDpcForIsr(Interrupt); // no-warning
  return TRUE;
}

// A helper annotated for PASSIVE_LEVEL, called under a spin lock.
_IRQL_requires_max_(PASSIVE_LEVEL)
void WriteRegistry(DEVICE_CONTEXT *ctx);

EVT_WDF_DEVICE_D0_ENTRY D0EntryUnderLock;
NTSTATUS D0EntryUnderLock(WDFDEVICE Device, WDF_POWER_DEVICE_STATE Previous) {
  DEVICE_CONTEXT *ctx = GetContext(Device);
  WdfSpinLockAcquire(ctx->WdfLock);
  WriteRegistry(ctx);
  WdfSpinLockRelease(ctx->WdfLock);
  return STATUS_SUCCESS;
}

EVT_WDF_DEVICE_D0_ENTRY D0EntryAfterLock;
NTSTATUS D0EntryAfterLock(WDFDEVICE Device, WDF_POWER_DEVICE_STATE Previous) {
  DEVICE_CONTEXT *ctx = GetContext(Device);
  WdfSpinLockAcquire(ctx->WdfLock);
  WdfSpinLockRelease(ctx->WdfLock);
  WriteRegistry(ctx); // no-warning
  return STATUS_SUCCESS;
}

// An unknown IRQL reports nothing.
void UnknownCaller(DEVICE_CONTEXT *ctx) {
  WriteRegistry(ctx);                      // no-warning
  KeAcquireSpinLockAtDpcLevel(&ctx->Lock); // no-warning
  KeReleaseSpinLockFromDpcLevel(&ctx->Lock);
}

// ---- returning at another IRQL ----------------------------------------------------

EVT_WDF_IO_QUEUE_IO_WRITE WriteKeepsLock;
VOID WriteKeepsLock(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  DEVICE_CONTEXT *ctx = GetContext(Queue);
  WdfSpinLockAcquire(ctx->WdfLock);
  if (Length == 0) {
    WdfRequestComplete(Request, STATUS_INVALID_PARAMETER);
    return;
  }
  WdfSpinLockRelease(ctx->WdfLock);
  WdfRequestComplete(Request, STATUS_SUCCESS);
}

EVT_WDF_IO_QUEUE_IO_WRITE WriteReleasesOnAllPaths;
VOID WriteReleasesOnAllPaths(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  DEVICE_CONTEXT *ctx = GetContext(Queue);
  NTSTATUS status = STATUS_SUCCESS;
  WdfSpinLockAcquire(ctx->WdfLock);
  if (Length == 0)
    status = STATUS_INVALID_PARAMETER;
  WdfSpinLockRelease(ctx->WdfLock);
  WdfRequestComplete(Request, status);
} // no-warning

EVT_WDF_WORKITEM WorkRaises;
VOID WorkRaises(WDFWORKITEM WorkItem) {
  KIRQL old;
  KeRaiseIrql(DISPATCH_LEVEL, &old);
}

// A function that says it raises the IRQL may return raised.
_IRQL_raises_(DISPATCH_LEVEL) _IRQL_requires_max_(DISPATCH_LEVEL)
void LockDevice(DEVICE_CONTEXT *ctx, _IRQL_saves_ PKIRQL old) {
  KeAcquireSpinLock(&ctx->Lock, old);
} // no-warning

// An annotated helper must return at the IRQL it was called at.
_IRQL_requires_max_(DISPATCH_LEVEL)
void HelperKeepsLock(DEVICE_CONTEXT *ctx) {
  WdfSpinLockAcquire(ctx->WdfLock);
}
