// WM008 wdf.DdiIrql: a function whose entry IRQL is unknown that returns
// raised on one path and at its entry IRQL on another (an error path that
// forgets to release a lock).  Wrappers that always return raised, and
// functions whose SAL says they change the IRQL or a lock, are quiet.  And
// the rest of the SAL IRQL vocabulary on exits and changes: KeLowerIrql
// upwards, _IRQL_raises_(X) returning elsewhere, _IRQL_always_function_
// max_/min_ crossed inside (callees included).
// RUN: %wdf_analyze -analyzer-checker=wdf.DdiIrql -verify %s
// RUN: %wdf_analyze -analyzer-checker=wdf.DdiIrql -verify %wdk_shape %s
// RUN: %wdf_analyze -analyzer-checker=wdf.DdiIrql -verify %msvc %s
#include <ntddk.h>
#include <wdf.h>

typedef struct {
  KSPIN_LOCK Lock;
  WDFSPINLOCK WdfLock;
  ULONG Count;
  BOOLEAN Stopped;
} DEVICE_CONTEXT;

// ---- inconsistent exits --------------------------------------------------------

NTSTATUS AddToCount(DEVICE_CONTEXT *ctx, ULONG value) {
  WdfSpinLockAcquire(ctx->WdfLock); // expected-note{{IRQL raised to DISPATCH_LEVEL by WdfSpinLockAcquire}}
  if (value == 0) // expected-note{{Assuming 'value' is equal to 0}} expected-note{{Taking true branch}}
    return STATUS_INVALID_PARAMETER; // expected-warning{{'AddToCount' returns at DISPATCH_LEVEL here but at the IRQL it was entered at on another path: a lock or raise is not undone on this path; release or lower before returning (or, if returning raised is meant, say so with _IRQL_raises_ or _Acquires_lock_)}} expected-note{{'AddToCount' returns at DISPATCH_LEVEL here but at the IRQL it was entered at on another path}}
  ctx->Count += value;
  WdfSpinLockRelease(ctx->WdfLock);
  return STATUS_SUCCESS; // expected-note{{'AddToCount' returns at its entry IRQL here}}
}

VOID ResetUnlessStopped(DEVICE_CONTEXT *ctx) {
  KIRQL old;
  KeAcquireSpinLock(&ctx->Lock, &old); // expected-note{{IRQL raised to DISPATCH_LEVEL by KeAcquireSpinLock}}
  if (ctx->Stopped) { // expected-note{{Assuming field 'Stopped' is 0}} expected-note{{Taking false branch}}
    KeReleaseSpinLock(&ctx->Lock, old);
    return; // expected-note{{'ResetUnlessStopped' returns at its entry IRQL here}}
  }
  ctx->Count = 0;
} // expected-warning{{'ResetUnlessStopped' returns at DISPATCH_LEVEL here but at the IRQL it was entered at on another path}} expected-note{{'ResetUnlessStopped' returns at DISPATCH_LEVEL here but at the IRQL it was entered at on another path}}

// ---- consistent: quiet -----------------------------------------------------------

// A lock wrapper without annotations: always returns raised.
VOID LockCount(DEVICE_CONTEXT *ctx) {
  WdfSpinLockAcquire(ctx->WdfLock); // no-warning
}

VOID UnlockCount(DEVICE_CONTEXT *ctx) {
  WdfSpinLockRelease(ctx->WdfLock); // no-warning
}

// Releases on every path.
NTSTATUS AddChecked(DEVICE_CONTEXT *ctx, ULONG value) {
  NTSTATUS status = STATUS_SUCCESS;
  WdfSpinLockAcquire(ctx->WdfLock);
  if (value == 0)
    status = STATUS_INVALID_PARAMETER;
  else
    ctx->Count += value;
  WdfSpinLockRelease(ctx->WdfLock);
  return status; // no-warning
}

// A try-lock that says so: returns with the lock only when it succeeds.
_When_(return != FALSE, _Acquires_lock_(ctx->WdfLock))
BOOLEAN TryLockRunning(DEVICE_CONTEXT *ctx) {
  if (ctx->Stopped)
    return FALSE;
  WdfSpinLockAcquire(ctx->WdfLock);
  return TRUE; // no-warning
}

// Annotated as raising: the raise is the point.
_IRQL_raises_(DISPATCH_LEVEL)
KIRQL RaiseUnlessStopped(DEVICE_CONTEXT *ctx) {
  KIRQL old = PASSIVE_LEVEL;
  if (!ctx->Stopped)
    KeRaiseIrql(DISPATCH_LEVEL, &old);
  return old; // no-warning
}

// Releases a lock its caller took: annotated.
_Requires_lock_held_(ctx->WdfLock) _Releases_lock_(ctx->WdfLock)
VOID FinishUnderLock(DEVICE_CONTEXT *ctx) {
  if (ctx->Count == 0) {
    WdfSpinLockRelease(ctx->WdfLock);
    return;
  }
  ctx->Count--;
  WdfSpinLockRelease(ctx->WdfLock); // no-warning
}

// ---- KeLowerIrql to a level above the current one ------------------------------

EVT_WDF_WORKITEM WorkLowersUp;
VOID WorkLowersUp(WDFWORKITEM WorkItem) { // expected-note{{entered at PASSIVE_LEVEL (role: EVT_WDF_WORKITEM)}}
  KeLowerIrql(DISPATCH_LEVEL); // expected-warning{{KeLowerIrql sets the IRQL to DISPATCH_LEVEL, above the current PASSIVE_LEVEL (EvtWorkItemFunc callbacks can run at PASSIVE_LEVEL): it may only lower; raise with KeRaiseIrql, or lower to the level a raise saved}} expected-note{{KeLowerIrql sets the IRQL to DISPATCH_LEVEL, above the current PASSIVE_LEVEL}}
}

EVT_WDF_WORKITEM WorkRaisesAndRestores;
VOID WorkRaisesAndRestores(WDFWORKITEM WorkItem) {
  KIRQL old;
  KeRaiseIrql(DISPATCH_LEVEL, &old);
  KeLowerIrql(APC_LEVEL); // no-warning
  KeLowerIrql(old); // no-warning
}

// ---- _IRQL_raises_(X): must return at X ------------------------------------------

_IRQL_raises_(APC_LEVEL) _IRQL_requires_max_(APC_LEVEL)
KIRQL RaisesTooFar(void) { // expected-note{{entered at <= APC_LEVEL (its SAL annotation)}}
  KIRQL old;
  KeRaiseIrql(DISPATCH_LEVEL, &old); // expected-note-re{{IRQL raised to DISPATCH_LEVEL by K{{e|f}}RaiseIrql}}
  return old; // expected-warning{{'RaisesTooFar' is annotated _IRQL_raises_(APC_LEVEL) but returns at DISPATCH_LEVEL on this path; its callers take it at its word, so raise to APC_LEVEL on every path or correct the annotation}} expected-note{{'RaisesTooFar' is annotated _IRQL_raises_(APC_LEVEL) but returns at DISPATCH_LEVEL on this path}}
}

_IRQL_raises_(APC_LEVEL) _IRQL_requires_max_(APC_LEVEL)
KIRQL RaisesToApc(void) {
  KIRQL old;
  KeRaiseIrql(APC_LEVEL, &old);
  return old; // no-warning
}

// ---- _IRQL_always_function_max_ / _min_: never past X inside ---------------------

_IRQL_always_function_max_(APC_LEVEL)
VOID NeverAboveApc(DEVICE_CONTEXT *ctx) {
  KIRQL old;
  KeAcquireSpinLock(&ctx->Lock, &old); // expected-warning-re{{KeAcquireSpinLock{{(RaiseToDpc)?}} takes the IRQL to DISPATCH_LEVEL inside 'NeverAboveApc', annotated _IRQL_always_function_max_(APC_LEVEL): the IRQL must stay at or below APC_LEVEL throughout; do this outside the function or correct the annotation}} expected-note-re{{KeAcquireSpinLock{{(RaiseToDpc)?}} takes the IRQL to DISPATCH_LEVEL inside 'NeverAboveApc'}} expected-note-re{{IRQL raised to DISPATCH_LEVEL by KeAcquireSpinLock{{(RaiseToDpc)?}}}}
  KeReleaseSpinLock(&ctx->Lock, old);
}

static void TakeCountLock(DEVICE_CONTEXT *ctx) {
  WdfSpinLockAcquire(ctx->WdfLock); // expected-warning{{WdfSpinLockAcquire takes the IRQL to DISPATCH_LEVEL inside 'NeverAboveApcViaHelper', annotated _IRQL_always_function_max_(APC_LEVEL)}} expected-note{{WdfSpinLockAcquire takes the IRQL to DISPATCH_LEVEL inside 'NeverAboveApcViaHelper'}} expected-note{{IRQL raised to DISPATCH_LEVEL by WdfSpinLockAcquire}}
}

_IRQL_always_function_max_(APC_LEVEL)
VOID NeverAboveApcViaHelper(DEVICE_CONTEXT *ctx) {
  TakeCountLock(ctx); // expected-note{{Calling 'TakeCountLock'}}
  WdfSpinLockRelease(ctx->WdfLock);
}

_IRQL_always_function_max_(DISPATCH_LEVEL)
VOID NeverAboveDispatch(DEVICE_CONTEXT *ctx) {
  WdfSpinLockAcquire(ctx->WdfLock); // no-warning
  ctx->Count++;
  WdfSpinLockRelease(ctx->WdfLock);
}

_IRQL_requires_(DISPATCH_LEVEL) _IRQL_always_function_min_(DISPATCH_LEVEL)
VOID NeverBelowDispatch(void) { // expected-note{{entered at DISPATCH_LEVEL (its SAL annotation)}}
  KeLowerIrql(APC_LEVEL); // expected-warning{{KeLowerIrql takes the IRQL to APC_LEVEL inside 'NeverBelowDispatch', annotated _IRQL_always_function_min_(DISPATCH_LEVEL): the IRQL must stay at or above DISPATCH_LEVEL throughout}} expected-note{{KeLowerIrql takes the IRQL to APC_LEVEL inside 'NeverBelowDispatch'}} expected-note{{IRQL lowered to APC_LEVEL by KeLowerIrql}}
  KeRaiseIrqlToDpcLevel();
} // no-warning
