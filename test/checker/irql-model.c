// What wdf.IrqlModel believes about the IRQL on a path (debug.ExprInspection).
// RUN: %wdf_analyze -analyzer-checker=wdf.IrqlModel,debug.ExprInspection -analyzer-output=text-minimal -analyzer-config eagerly-assume=false -verify %s
// RUN: %wdf_analyze -analyzer-checker=wdf.IrqlModel,debug.ExprInspection -analyzer-output=text-minimal -analyzer-config eagerly-assume=false -verify %wdk_shape %s
#include <ntddk.h>
#include <wdf.h>

void clang_analyzer_eval(int);
void clang_analyzer_warnIfReached(void);

EVT_WDF_IO_QUEUE_IO_READ EvtIoRead;
EVT_WDF_DPC EvtDpc;
EVT_WDF_WORKITEM EvtWorkItem;
EVT_WDF_INTERRUPT_ISR EvtIsr;

VOID EvtIoRead(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  clang_analyzer_eval(KeGetCurrentIrql() <= DISPATCH_LEVEL); // expected-warning{{TRUE}}
  clang_analyzer_eval(KeGetCurrentIrql() == PASSIVE_LEVEL);  // expected-warning{{UNKNOWN}}
  if (KeGetCurrentIrql() > APC_LEVEL)
    return;
  clang_analyzer_eval(KeGetCurrentIrql() <= APC_LEVEL); // expected-warning{{TRUE}}
}

VOID EvtDpc(WDFDPC Dpc) {
  clang_analyzer_eval(KeGetCurrentIrql() == DISPATCH_LEVEL); // expected-warning{{TRUE}}
}

VOID EvtWorkItem(WDFWORKITEM WorkItem) {
  KIRQL old;
  clang_analyzer_eval(KeGetCurrentIrql() == PASSIVE_LEVEL); // expected-warning{{TRUE}}
  KeRaiseIrql(DISPATCH_LEVEL, &old);
  clang_analyzer_eval(KeGetCurrentIrql() == DISPATCH_LEVEL); // expected-warning{{TRUE}}
  clang_analyzer_eval(old == PASSIVE_LEVEL);                 // expected-warning{{TRUE}}
  KeLowerIrql(old);
  clang_analyzer_eval(KeGetCurrentIrql() == PASSIVE_LEVEL); // expected-warning{{TRUE}}
}

BOOLEAN EvtIsr(WDFINTERRUPT Interrupt, ULONG MessageID) {
  clang_analyzer_eval(KeGetCurrentIrql() > DISPATCH_LEVEL); // expected-warning{{TRUE}}
  return TRUE;
}

// The entry IRQL comes back with the saved value, whatever it was.
VOID EvtIoWrite(WDFQUEUE Queue, WDFREQUEST Request, size_t Length);
VOID EvtIoWrite(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  KIRQL old = KeRaiseIrqlToDpcLevel();
  clang_analyzer_eval(KeGetCurrentIrql() == DISPATCH_LEVEL); // expected-warning{{TRUE}}
  KeLowerIrql(old);
  clang_analyzer_eval(KeGetCurrentIrql() <= DISPATCH_LEVEL); // expected-warning{{TRUE}}
  clang_analyzer_eval(KeGetCurrentIrql() == old);            // expected-warning{{TRUE}}
}

void RegisterWrite(WDF_IO_QUEUE_CONFIG *config) { config->EvtIoWrite = EvtIoWrite; }

// Spin locks: the old IRQL flows through the out-parameter, the lock or the
// in-stack queue handle.
typedef struct { KSPIN_LOCK Lock; WDFSPINLOCK WdfLock; FAST_MUTEX Mutex; } LOCKS;

EVT_WDF_DEVICE_PREPARE_HARDWARE EvtPrepare;
NTSTATUS EvtPrepare(WDFDEVICE Device, WDFCMRESLIST Raw, WDFCMRESLIST Translated) {
  LOCKS *locks = (LOCKS *)WdfObjectGetTypedContextWorker(Device, NULL);
  KIRQL old;
  KLOCK_QUEUE_HANDLE handle;

  KeAcquireSpinLock(&locks->Lock, &old);
  clang_analyzer_eval(KeGetCurrentIrql() == DISPATCH_LEVEL); // expected-warning{{TRUE}}
  KeReleaseSpinLock(&locks->Lock, old);
  clang_analyzer_eval(KeGetCurrentIrql() == PASSIVE_LEVEL); // expected-warning{{TRUE}}

  WdfSpinLockAcquire(locks->WdfLock);
  clang_analyzer_eval(KeGetCurrentIrql() == DISPATCH_LEVEL); // expected-warning{{TRUE}}
  WdfSpinLockRelease(locks->WdfLock);
  clang_analyzer_eval(KeGetCurrentIrql() == PASSIVE_LEVEL); // expected-warning{{TRUE}}

  KeAcquireInStackQueuedSpinLock(&locks->Lock, &handle);
  clang_analyzer_eval(KeGetCurrentIrql() == DISPATCH_LEVEL); // expected-warning{{TRUE}}
  KeReleaseInStackQueuedSpinLock(&handle);
  clang_analyzer_eval(KeGetCurrentIrql() == PASSIVE_LEVEL); // expected-warning{{TRUE}}

  ExAcquireFastMutex(&locks->Mutex);
  clang_analyzer_eval(KeGetCurrentIrql() == APC_LEVEL); // expected-warning{{TRUE}}
  ExReleaseFastMutex(&locks->Mutex);
  clang_analyzer_eval(KeGetCurrentIrql() == PASSIVE_LEVEL); // expected-warning{{TRUE}}
  return STATUS_SUCCESS;
}

// Unknown entry IRQL: nothing is known until the function raises it itself.
void UnknownHelper(PKSPIN_LOCK lock) {
  KIRQL old;
  clang_analyzer_eval(KeGetCurrentIrql() == PASSIVE_LEVEL); // expected-warning{{UNKNOWN}}
  KeAcquireSpinLock(lock, &old);
  clang_analyzer_eval(KeGetCurrentIrql() == DISPATCH_LEVEL); // expected-warning{{TRUE}}
  KeReleaseSpinLock(lock, old);
  clang_analyzer_eval(KeGetCurrentIrql() == DISPATCH_LEVEL); // expected-warning{{UNKNOWN}}
}

// A level the model did not hand out makes the IRQL unknown.
void LowerToStranger(KIRQL level) {
  KIRQL old;
  KeRaiseIrql(DISPATCH_LEVEL, &old);
  KeLowerIrql(level);
  clang_analyzer_eval(KeGetCurrentIrql() <= DISPATCH_LEVEL); // expected-warning{{UNKNOWN}}
}

// Helpers called from a callback inherit its IRQL (clang_analyzer_eval is
// silent in inlined frames, hence the reachability checks).
static void Inner(void) {
  if (KeGetCurrentIrql() == DISPATCH_LEVEL)
    clang_analyzer_warnIfReached(); // expected-warning{{REACHABLE}}
  if (KeGetCurrentIrql() != DISPATCH_LEVEL)
    clang_analyzer_warnIfReached(); // no-warning
}
EVT_WDF_TIMER EvtTimer;
VOID EvtTimer(WDFTIMER Timer) { Inner(); }

// _IRQL_raises_ / _IRQL_saves_ / _IRQL_restores_ on functions whose bodies
// are not analysed.
_IRQL_raises_(DISPATCH_LEVEL) _IRQL_requires_max_(DISPATCH_LEVEL)
void AcquireDeviceLock(_IRQL_saves_ PKIRQL OldIrql);
_IRQL_requires_(DISPATCH_LEVEL)
void ReleaseDeviceLock(_IRQL_restores_ KIRQL OldIrql);

EVT_WDF_DEVICE_D0_ENTRY EvtD0Entry;
NTSTATUS EvtD0Entry(WDFDEVICE Device, WDF_POWER_DEVICE_STATE PreviousState) {
  KIRQL old;
  AcquireDeviceLock(&old);
  clang_analyzer_eval(KeGetCurrentIrql() == DISPATCH_LEVEL); // expected-warning{{TRUE}}
  clang_analyzer_eval(old == PASSIVE_LEVEL);                 // expected-warning{{TRUE}}
  ReleaseDeviceLock(old);
  clang_analyzer_eval(KeGetCurrentIrql() == PASSIVE_LEVEL); // expected-warning{{TRUE}}
  return STATUS_SUCCESS;
}
