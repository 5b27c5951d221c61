// WM011 wdf.PagedCode: pageable code (a PAGE section, or PAGED_CODE()) whose
// own instructions run above APC_LEVEL: it raises or takes a spin lock and
// goes on, it calls KeSetEvent(..., TRUE), it is called under a lock or at
// DISPATCH_LEVEL (reported at the call, with a note in the callee), or it is
// registered for a role the framework calls only at DISPATCH_LEVEL (at the
// registration).  PAGED_CODE_LOCKED() marks code that may run raised.  The
// same in the checked build, where PAGED_CODE() tests the IRQL itself.
// RUN: %wdf_analyze -analyzer-checker=wdf.PagedCode -verify %msvc %s
// RUN: %wdf_analyze -analyzer-checker=wdf.PagedCode -verify=expected,checked %msvc -DDBG=1 %s
// RUN: %wdf_analyze -analyzer-checker=wdf.PagedCode -verify=expected,checked %msvc %wdk_shape -DDBG=1 %s
#include <ntddk.h>
#include <wdf.h>

typedef struct {
  KSPIN_LOCK Lock;
  WDFSPINLOCK WdfLock;
  KEVENT Event;
  FAST_MUTEX Mutex;
  ULONG Count;
} DEVICE_CONTEXT;
WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(DEVICE_CONTEXT, GetContext)

// ---- raised in its own code -------------------------------------------------------

VOID PagedWdfLock(DEVICE_CONTEXT *ctx);
VOID PagedRaise(DEVICE_CONTEXT *ctx);
VOID PagedSetEvent(DEVICE_CONTEXT *ctx);
#pragma alloc_text(PAGE, PagedWdfLock)
#pragma alloc_text(PAGE, PagedRaise)
#pragma alloc_text(PAGE, PagedSetEvent)

// The code between the acquire and the release runs at DISPATCH_LEVEL.
VOID PagedWdfLock(DEVICE_CONTEXT *ctx) { // expected-note{{entered at PASSIVE_LEVEL (pageable: in a PAGE section)}}
  WdfSpinLockAcquire(ctx->WdfLock); // expected-warning{{'PagedWdfLock' is pageable (in a PAGE section) but goes on running at DISPATCH_LEVEL (the IRQL was raised to DISPATCH_LEVEL by WdfSpinLockAcquire): its page may be out there and cannot be brought in (IRQL_NOT_LESS_OR_EQUAL); move the code that runs raised into a non-pageable function, or make 'PagedWdfLock' non-pageable}} expected-note{{IRQL raised to DISPATCH_LEVEL by WdfSpinLockAcquire}} expected-note{{'PagedWdfLock' is pageable}}
  ctx->Count++;
  WdfSpinLockRelease(ctx->WdfLock);
  // One finding per function and cause: the second acquire is the same one.
  WdfSpinLockAcquire(ctx->WdfLock);
  ctx->Count++;
  WdfSpinLockRelease(ctx->WdfLock);
}

// PAGED_CODE() makes it pageable just as the section does.
VOID PagedKSpinLock(DEVICE_CONTEXT *ctx) { // expected-note{{entered at PASSIVE_LEVEL (pageable: it states PAGED_CODE())}}
  KIRQL old;
  PAGED_CODE(); // checked-note{{Taking false branch}} checked-note{{Loop condition is false.  Exiting loop}}
  KeAcquireSpinLock(&ctx->Lock, &old); // expected-warning-re{{'PagedKSpinLock' is pageable (it states PAGED_CODE()) but goes on running at DISPATCH_LEVEL (the IRQL was raised to DISPATCH_LEVEL by KeAcquireSpinLock{{(RaiseToDpc)?}})}} expected-note{{IRQL raised to DISPATCH_LEVEL by KeAcquireSpinLock}} expected-note{{'PagedKSpinLock' is pageable}}
  ctx->Count++;
  KeReleaseSpinLock(&ctx->Lock, old);
}

VOID PagedRaise(DEVICE_CONTEXT *ctx) { // expected-note{{entered at PASSIVE_LEVEL (pageable: in a PAGE section)}}
  KIRQL old;
  KeRaiseIrql(DISPATCH_LEVEL, &old); // expected-warning-re{{'PagedRaise' is pageable (in a PAGE section) but goes on running at DISPATCH_LEVEL (the IRQL was raised to DISPATCH_LEVEL by K{{e|f}}RaiseIrql)}} expected-note-re{{IRQL raised to DISPATCH_LEVEL by K{{e|f}}RaiseIrql}} expected-note{{'PagedRaise' is pageable}}
  ctx->Count++;
  KeLowerIrql(old);
}

// Wait TRUE returns at DISPATCH_LEVEL until the next wait.
VOID PagedSetEvent(DEVICE_CONTEXT *ctx) { // expected-note{{entered at PASSIVE_LEVEL (pageable: in a PAGE section)}}
  KeSetEvent(&ctx->Event, IO_NO_INCREMENT, TRUE); // expected-warning{{'PagedSetEvent' is pageable (in a PAGE section) but calls KeSetEvent with Wait TRUE, which returns at DISPATCH_LEVEL until the next wait: the code up to that wait may find its page out; pass FALSE, or move the set and the wait into a non-pageable function}} expected-note{{'PagedSetEvent' is pageable}}
  KeWaitForSingleObject(&ctx->Event, Executive, KernelMode, FALSE, NULL);
}

// ---- called high --------------------------------------------------------------------

VOID PagedHelper(DEVICE_CONTEXT *ctx);
#pragma alloc_text(PAGE, PagedHelper)
VOID PagedHelper(DEVICE_CONTEXT *ctx) { // expected-note{{'PagedHelper' is pageable: in a PAGE section}}
  ctx->Count = 0;
}

VOID StatesPagedCode(DEVICE_CONTEXT *ctx) {
  PAGED_CODE(); // expected-note{{'StatesPagedCode' is pageable: it states PAGED_CODE()}}
  ctx->Count = 0;
}

// A resident function may take a lock; calling pageable code under it is
// the bug, reported at the call.
VOID ResetUnderLock(DEVICE_CONTEXT *ctx) {
  KIRQL old;
  KeAcquireSpinLock(&ctx->Lock, &old); // expected-note{{IRQL raised to DISPATCH_LEVEL by KeAcquireSpinLock}}
  PagedHelper(ctx); // expected-warning-re{{'PagedHelper' is pageable but is called at DISPATCH_LEVEL (the IRQL was raised to DISPATCH_LEVEL by KeAcquireSpinLock{{(RaiseToDpc)?}}): its page may be out there and cannot be brought in; move the call before KeAcquireSpinLock{{(RaiseToDpc)?}} or after the lock is released, or make 'PagedHelper' non-pageable}} expected-note{{'PagedHelper' is pageable but is called at DISPATCH_LEVEL}}
  KeReleaseSpinLock(&ctx->Lock, old);
  PagedHelper(ctx); // no-warning
}

EVT_WDF_DPC ResetDpc;
VOID ResetDpc(WDFDPC Dpc) { // expected-note{{entered at DISPATCH_LEVEL (role: EVT_WDF_DPC)}}
  DEVICE_CONTEXT *ctx = GetContext(Dpc);
  StatesPagedCode(ctx); // expected-warning{{'StatesPagedCode' is pageable but is called at DISPATCH_LEVEL (EvtDpcFunc callbacks can run at DISPATCH_LEVEL)}} expected-note{{'StatesPagedCode' is pageable but is called at DISPATCH_LEVEL}}
}

// Called from a callback that may run at DISPATCH_LEVEL or below: the call
// is the finding.  Inside, nothing raises the IRQL, so the callee's own
// calls (after PAGED_CODE()) are not a second finding.
ULONG QueryFeature(DEVICE_CONTEXT *ctx);
NTSTATUS PagedFeature(DEVICE_CONTEXT *ctx) {
  PAGED_CODE(); // expected-note{{'PagedFeature' is pageable: it states PAGED_CODE()}}
  return QueryFeature(ctx) ? STATUS_SUCCESS : STATUS_UNSUCCESSFUL; // no-warning
}

EVT_WDF_IO_QUEUE_IO_INTERNAL_DEVICE_CONTROL FeatureIoctl;
VOID FeatureIoctl(WDFQUEUE Queue, WDFREQUEST Request, size_t OutputBufferLength, // expected-note{{entered at PASSIVE_LEVEL or DISPATCH_LEVEL (role: EVT_WDF_IO_QUEUE_IO_INTERNAL_DEVICE_CONTROL)}}
                  size_t InputBufferLength, ULONG IoControlCode) {
  DEVICE_CONTEXT *ctx = GetContext(WdfIoQueueGetDevice(Queue));
  WdfRequestComplete(Request, PagedFeature(ctx)); // expected-warning{{'PagedFeature' is pageable but is called at DISPATCH_LEVEL}} expected-note{{'PagedFeature' is pageable but is called at DISPATCH_LEVEL}}
}

// ---- registered for a DISPATCH-only role --------------------------------------------

// Declared without their role types: the registration gives the role.
VOID PagedDpc(WDFDPC Dpc);
VOID PagedTimer(WDFTIMER Timer);
VOID PassivePagedTimer(WDFTIMER Timer);
VOID LockedPagedRead(WDFQUEUE Queue, WDFREQUEST Request, size_t Length);
VOID PagedRead(WDFQUEUE Queue, WDFREQUEST Request, size_t Length);
#pragma alloc_text(PAGE, PagedDpc)
#pragma alloc_text(PAGE, PagedTimer)
#pragma alloc_text(PAGE, PassivePagedTimer)
#pragma alloc_text(PAGE, LockedPagedRead)
#pragma alloc_text(PAGE, PagedRead)
VOID PagedDpc(WDFDPC Dpc) {}
VOID PagedTimer(WDFTIMER Timer) {}
VOID PassivePagedTimer(WDFTIMER Timer) {} // the timer is passive: fine
VOID LockedPagedRead(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  WdfRequestComplete(Request, STATUS_SUCCESS);
}
// A queue without a callback lock calls it at PASSIVE_LEVEL or
// DISPATCH_LEVEL: pageable narrows it to PASSIVE_LEVEL, no contradiction.
VOID PagedRead(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  WdfRequestComplete(Request, STATUS_SUCCESS);
}

NTSTATUS CreateObjects(WDFDEVICE Device) {
  WDF_DPC_CONFIG dpcConfig;
  WDF_TIMER_CONFIG timerConfig;
  WDF_IO_QUEUE_CONFIG queueConfig;
  WDF_OBJECT_ATTRIBUTES attributes;
  WDFDPC dpc;
  WDFTIMER timer;
  WDFQUEUE queue;
  NTSTATUS status;

  WDF_DPC_CONFIG_INIT(&dpcConfig, PagedDpc); // expected-warning{{'PagedDpc' is pageable (in a PAGE section) but has the role EvtDpcFunc, which the framework calls at DISPATCH_LEVEL: its page may be out there and cannot be brought in; make it non-pageable, or defer the pageable work to a work item}} expected-note{{'PagedDpc' is pageable}}
  WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
  attributes.ParentObject = Device;
  status = WdfDpcCreate(&dpcConfig, &attributes, &dpc);
  if (!NT_SUCCESS(status))
    return status;

  WDF_TIMER_CONFIG_INIT(&timerConfig, PagedTimer); // expected-warning{{'PagedTimer' is pageable (in a PAGE section) but has the role EvtTimerFunc, which the framework calls at DISPATCH_LEVEL: its page may be out there and cannot be brought in; make it non-pageable, or create the timer with WdfExecutionLevelPassive}} expected-note{{'PagedTimer' is pageable}}
  WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
  attributes.ParentObject = Device;
  status = WdfTimerCreate(&timerConfig, &attributes, &timer);
  if (!NT_SUCCESS(status))
    return status;

  WDF_TIMER_CONFIG_INIT(&timerConfig, PassivePagedTimer); // no-warning
  WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
  attributes.ParentObject = Device;
  attributes.ExecutionLevel = WdfExecutionLevelPassive;
  status = WdfTimerCreate(&timerConfig, &attributes, &timer);
  if (!NT_SUCCESS(status))
    return status;

  WDF_IO_QUEUE_CONFIG_INIT(&queueConfig, WdfIoQueueDispatchParallel);
  queueConfig.EvtIoRead = LockedPagedRead; // expected-warning{{'LockedPagedRead' is pageable (in a PAGE section) but has the role EvtIoRead, which the framework calls at DISPATCH_LEVEL (a queue with a Device or Queue synchronization scope at dispatch level: the framework holds its callback lock): its page may be out there and cannot be brought in; make it non-pageable, or give the queue WdfSynchronizationScopeNone or WdfExecutionLevelPassive}} expected-note{{'LockedPagedRead' is pageable}}
  WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
  attributes.SynchronizationScope = WdfSynchronizationScopeQueue;
  status = WdfIoQueueCreate(Device, &queueConfig, &attributes, &queue);
  if (!NT_SUCCESS(status))
    return status;

  WDF_IO_QUEUE_CONFIG_INIT(&queueConfig, WdfIoQueueDispatchParallel);
  queueConfig.EvtIoRead = PagedRead; // no-warning
  return WdfIoQueueCreate(Device, &queueConfig, WDF_NO_OBJECT_ATTRIBUTES, &queue);
}

// The ISR runs at DIRQL, its DPC at DISPATCH_LEVEL (no PassiveHandling in
// this file: paged-code-passive-interrupt.c has it).
BOOLEAN PagedIsr(WDFINTERRUPT Interrupt, ULONG MessageID);
VOID PagedIsrDpc(WDFINTERRUPT Interrupt, WDFOBJECT AssociatedObject);
#pragma alloc_text(PAGE, PagedIsr)
#pragma alloc_text(PAGE, PagedIsrDpc)
BOOLEAN PagedIsr(WDFINTERRUPT Interrupt, ULONG MessageID) { return TRUE; }
VOID PagedIsrDpc(WDFINTERRUPT Interrupt, WDFOBJECT AssociatedObject) {}

NTSTATUS CreateInterrupt(WDFDEVICE Device) {
  WDF_INTERRUPT_CONFIG config;
  WDFINTERRUPT interrupt;
  WDF_INTERRUPT_CONFIG_INIT(&config, PagedIsr, PagedIsrDpc); // expected-warning{{'PagedIsr' is pageable (in a PAGE section) but has the role EvtInterruptIsr, which the framework calls at DIRQL}} expected-note{{'PagedIsr' is pageable}} expected-warning{{'PagedIsrDpc' is pageable (in a PAGE section) but has the role EvtInterruptDpc, which the framework calls at DISPATCH_LEVEL}} expected-note{{'PagedIsrDpc' is pageable}}
  return WdfInterruptCreate(Device, &config, WDF_NO_OBJECT_ATTRIBUTES, &interrupt);
}

// ---- tricky clean -------------------------------------------------------------------

// Locked in memory: it may run raised.
VOID LockedCode(DEVICE_CONTEXT *ctx);
#pragma alloc_text(PAGE, LockedCode)
VOID LockedCode(DEVICE_CONTEXT *ctx) {
  KIRQL old;
  PAGED_CODE_LOCKED();
  KeAcquireSpinLock(&ctx->Lock, &old); // no-warning
  ctx->Count++;
  KeReleaseSpinLock(&ctx->Lock, old);
}

VOID ResetLocked(DEVICE_CONTEXT *ctx) {
  KIRQL old;
  KeAcquireSpinLock(&ctx->Lock, &old);
  LockedCode(ctx); // no-warning
  KeReleaseSpinLock(&ctx->Lock, old);
}

// A spin lock in resident code that calls nothing pageable.
VOID Resident(DEVICE_CONTEXT *ctx) {
  KIRQL old;
  KeAcquireSpinLock(&ctx->Lock, &old); // no-warning
  ctx->Count++;
  KeReleaseSpinLock(&ctx->Lock, old);
}

// A guard on the IRQL keeps the call at or below APC_LEVEL.
EVT_WDF_IO_QUEUE_IO_WRITE GuardedWrite;
VOID GuardedWrite(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  DEVICE_CONTEXT *ctx = GetContext(Queue);
  if (KeGetCurrentIrql() <= APC_LEVEL)
    PagedHelper(ctx); // no-warning
  WdfRequestComplete(Request, STATUS_SUCCESS);
}

// Pageable code that only waits, allocates and takes a fast mutex (APC_LEVEL)
// stays at or below APC_LEVEL.
VOID PagedWaits(DEVICE_CONTEXT *ctx);
#pragma alloc_text(PAGE, PagedWaits)
VOID PagedWaits(DEVICE_CONTEXT *ctx) {
  PVOID buffer;
  KIRQL old;
  KeSetEvent(&ctx->Event, IO_NO_INCREMENT, FALSE); // no-warning
  KeWaitForSingleObject(&ctx->Event, Executive, KernelMode, FALSE, NULL);
  buffer = ExAllocatePool2(POOL_FLAG_PAGED, 64, 'gaPW');
  if (buffer)
    ExFreePoolWithTag(buffer, 'gaPW');
  ExAcquireFastMutex(&ctx->Mutex); // no-warning
  ctx->Count++;
  ExReleaseFastMutex(&ctx->Mutex);
  KeRaiseIrql(APC_LEVEL, &old); // no-warning
  KeLowerIrql(old);
  PagedHelper(ctx); // no-warning
}
