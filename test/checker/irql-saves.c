// WM008 wdf.DdiIrql: where a saved IRQL goes and where it comes back from.
//   - _IRQL_saves_global_(Kind, P) / _IRQL_restores_global_(Kind, P): a
//     lock wrapper of the driver's own keeps the IRQL with the object P
//     points to; the matching release brings it back (no false alarm after
//     it), and one that is never released leaves the function raised;
//   - KeLowerIrql / KeReleaseSpinLock / an _IRQL_restores_ parameter given
//     a local that no IRQL is ever saved into in the function (the raise
//     saved into another variable, or none did);
//   - _IRQL_requires_same_ on a function that returns raised, even on
//     every path.
// RUN: %wdf_analyze -analyzer-checker=wdf.DdiIrql,wdf.PoolIrql -verify %s
// RUN: %wdf_analyze -analyzer-checker=wdf.DdiIrql,wdf.PoolIrql -verify %wdk_shape %s
// RUN: %wdf_analyze -analyzer-checker=wdf.DdiIrql,wdf.PoolIrql -verify %msvc %wdk_shape %s
// RUN: %wdf_analyze -x c++ -std=c++17 -analyzer-checker=wdf.DdiIrql,wdf.PoolIrql -verify %msvc %s
#include <ntddk.h>
#include <wdf.h>

#define TAG 'vSaW'

typedef struct {
  KSPIN_LOCK Lock;
  KIRQL OldIrql;
  ULONG Count;
} COUNTER;
WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(COUNTER, GetCounter)

// A lock wrapper pair declared the way the WDK declares its own.
_IRQL_raises_(DISPATCH_LEVEL)
_IRQL_saves_global_(OldIrql, Counter)
VOID CounterLock(COUNTER *Counter);

_IRQL_requires_(DISPATCH_LEVEL)
_IRQL_restores_global_(OldIrql, Counter)
VOID CounterUnlock(COUNTER *Counter);

// ---- _IRQL_saves_global_ / _IRQL_restores_global_ ----------------------

// Clean: after the release the IRQL is PASSIVE_LEVEL again, and paged pool
// may be allocated.
EVT_WDF_WORKITEM CountThenAllocate;
VOID CountThenAllocate(WDFWORKITEM WorkItem) {
  COUNTER *counter = GetCounter(WorkItem);
  CounterLock(counter);
  counter->Count++;
  CounterUnlock(counter);
  PVOID p = ExAllocatePoolWithTag(PagedPool, 32, TAG); // no-warning
  if (p)
    ExFreePoolWithTag(p, TAG);
}

// Buggy: the early return keeps the wrapper's lock.
EVT_WDF_WORKITEM CountOrBail;
VOID CountOrBail(WDFWORKITEM WorkItem) { // expected-note{{entered at PASSIVE_LEVEL (role: EVT_WDF_WORKITEM)}}
  COUNTER *counter = GetCounter(WorkItem);
  CounterLock(counter); // expected-note{{IRQL changed by CounterLock (its SAL annotation)}}
  if (counter->Count == 0) { // expected-note{{Assuming field 'Count' is equal to 0}} expected-note{{Taking true branch}}
    return; // expected-warning{{'CountOrBail' returns at DISPATCH_LEVEL, not at the IRQL it was entered at}} expected-note{{'CountOrBail' returns at DISPATCH_LEVEL, not at the IRQL it was entered at}}
  }
  counter->Count--;
  CounterUnlock(counter);
}

// ---- restoring from a variable no IRQL was saved into ------------------

// Buggy: the acquire saved into 'oldIrql', the release restores 'irql'.
VOID WrongVariable(COUNTER *Counter) {
  KIRQL oldIrql;
  KIRQL irql = PASSIVE_LEVEL;
  KeAcquireSpinLock(&Counter->Lock, &oldIrql); // expected-note{{IRQL raised to DISPATCH_LEVEL by KeAcquireSpinLock}}
  Counter->Count++;
  KeReleaseSpinLock(&Counter->Lock, irql); // expected-warning{{KeReleaseSpinLock restores the IRQL from 'irql', but no IRQL is ever saved into 'irql' in 'WrongVariable' (it only ever holds PASSIVE_LEVEL)}} expected-note{{KeReleaseSpinLock restores the IRQL from 'irql'}}
}

// Buggy: a variable nothing ever wrote.
VOID NeverWritten(void) {
  KIRQL saved; // expected-note{{'saved' declared without an initial value}}
  KIRQL unused;
  KeRaiseIrql(DISPATCH_LEVEL, &unused); // expected-note{{IRQL raised to DISPATCH_LEVEL by K}}
  KeLowerIrql(saved); // expected-warning{{KeLowerIrql restores the IRQL from 'saved', but no IRQL is ever saved into 'saved' in 'NeverWritten' (it is never assigned)}} expected-note{{KeLowerIrql restores the IRQL from 'saved'}} expected-warning{{1st function call argument is an uninitialized value}} expected-note{{1st function call argument is an uninitialized value}}
}

// The driver's own restore function, annotated.
VOID RestoreLevel(_IRQL_restores_ KIRQL Level);

// Buggy: through an _IRQL_restores_ parameter.
VOID ThroughRestoreParameter(void) {
  KIRQL old;
  KIRQL level = DISPATCH_LEVEL;
  KeRaiseIrql(DISPATCH_LEVEL, &old); // expected-note{{IRQL raised to DISPATCH_LEVEL by K}}
  RestoreLevel(level); // expected-warning{{RestoreLevel restores the IRQL from 'level', but no IRQL is ever saved into 'level' in 'ThroughRestoreParameter' (it only ever holds DISPATCH_LEVEL)}} expected-note{{RestoreLevel restores the IRQL from 'level'}}
}

// Clean: saved through its address.
VOID SavedByAddress(COUNTER *Counter) {
  KIRQL old;
  KeAcquireSpinLock(&Counter->Lock, &old);
  KeReleaseSpinLock(&Counter->Lock, old); // no-warning
}

// Clean: saved from the return value.
VOID SavedByReturn(void) {
  KIRQL old = KeRaiseIrqlToDpcLevel();
  KeLowerIrql(old); // no-warning
}

// Clean: the current level, read before a raise of someone else's.
VOID SavedByReading(void) {
  KIRQL entry = KeGetCurrentIrql();
  KIRQL old;
  KeRaiseIrql(DISPATCH_LEVEL, &old);
  KeLowerIrql(entry); // no-warning
}

// Clean: a helper fills it in (its address escapes).
VOID FillLevel(KIRQL *Level);
VOID SavedByHelper(void) {
  KIRQL old;
  FillLevel(&old);
  KeLowerIrql(old); // no-warning
}

// Clean: saved only on the paths that restore.
VOID SavedWhenLocked(COUNTER *Counter, BOOLEAN Lock) {
  KIRQL old;
  if (Lock)
    KeAcquireSpinLock(&Counter->Lock, &old);
  Counter->Count++;
  if (Lock)
    KeReleaseSpinLock(&Counter->Lock, old); // no-warning
}

// Clean: a parameter holds what the caller saved.
VOID RestoreCallers(KIRQL Old) {
  KeLowerIrql(Old); // no-warning
}

// ---- _IRQL_requires_same_ ----------------------------------------------

// Buggy: returns raised on its only path, which its annotation denies.
_IRQL_requires_same_
VOID TakeCounter(COUNTER *Counter) {
  KIRQL old;
  KeAcquireSpinLock(&Counter->Lock, &old); // expected-note{{IRQL raised to DISPATCH_LEVEL by KeAcquireSpinLock}}
  Counter->OldIrql = old;
} // expected-warning{{'TakeCounter' is annotated _IRQL_requires_same_ but returns at DISPATCH_LEVEL on this path}} expected-note{{'TakeCounter' is annotated _IRQL_requires_same_ but returns at DISPATCH_LEVEL on this path}}

// Clean: the same function without the annotation is a lock wrapper.
VOID TakeCounterWrapper(COUNTER *Counter) {
  KIRQL old;
  KeAcquireSpinLock(&Counter->Lock, &old);
  Counter->OldIrql = old;
} // no-warning

// Clean: annotated, and it gives the lock back.
_IRQL_requires_same_
VOID BumpCounter(COUNTER *Counter) {
  KIRQL old;
  KeAcquireSpinLock(&Counter->Lock, &old);
  Counter->Count++;
  KeReleaseSpinLock(&Counter->Lock, old);
} // no-warning
