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
VOID WorkAtDpcLevelLock(WDFWORKITEM WorkItem) { // expected-note{{entered at PASSIVE_LEVEL (role: EVT_WDF_WORKITEM)}} expected-note{{entered at PASSIVE_LEVEL (role: EVT_WDF_WORKITEM)}}
  DEVICE_CONTEXT *ctx = GetContext(WorkItem);
  KeAcquireSpinLockAtDpcLevel(&ctx->Lock); // expected-warning{{KeAcquireSpinLockAtDpcLevel is called at PASSIVE_LEVEL (EvtWorkItemFunc callbacks can run at PASSIVE_LEVEL) but needs DISPATCH_LEVEL or above; call it where the IRQL allows it}} expected-note{{KeAcquireSpinLockAtDpcLevel is called at PASSIVE_LEVEL (EvtWorkItemFunc callbacks can run at PASSIVE_LEVEL) but needs DISPATCH_LEVEL or above; call it where the IRQL allows it}}
  KeReleaseSpinLockFromDpcLevel(&ctx->Lock); // expected-warning{{KeReleaseSpinLockFromDpcLevel is called at PASSIVE_LEVEL (EvtWorkItemFunc callbacks can run at PASSIVE_LEVEL) but needs DISPATCH_LEVEL or above; call it where the IRQL allows it}} expected-note{{KeReleaseSpinLockFromDpcLevel is called at PASSIVE_LEVEL (EvtWorkItemFunc callbacks can run at PASSIVE_LEVEL) but needs DISPATCH_LEVEL or above; call it where the IRQL allows it}}
}

EVT_WDF_DPC DpcAtDpcLevelLock;
VOID DpcAtDpcLevelLock(WDFDPC Dpc) {
  DEVICE_CONTEXT *ctx = GetContext(Dpc);
  KeAcquireSpinLockAtDpcLevel(&ctx->Lock); // no-warning
  KeReleaseSpinLockFromDpcLevel(&ctx->Lock); // no-warning
}

// ---- above the maximum ---------------------------------------------------------

EVT_WDF_IO_QUEUE_IO_READ ReadWaitLock;
VOID ReadWaitLock(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) { // expected-note{{entered at PASSIVE_LEVEL or DISPATCH_LEVEL (role: EVT_WDF_IO_QUEUE_IO_READ)}}
  DEVICE_CONTEXT *ctx = GetContext(Queue);
  WdfWaitLockAcquire(ctx->WaitLock, NULL); // expected-warning{{WdfWaitLockAcquire is called at DISPATCH_LEVEL (EvtIoRead callbacks can run at DISPATCH_LEVEL) but may only run at PASSIVE_LEVEL or below; set WdfExecutionLevelPassive on the queue, defer to a work item, or, if only PASSIVE_LEVEL callers reach it, say so with PAGED_CODE()}} expected-note{{WdfWaitLockAcquire is called at DISPATCH_LEVEL (EvtIoRead callbacks can run at DISPATCH_LEVEL) but may only run at PASSIVE_LEVEL or below; set WdfExecutionLevelPassive on the queue, defer to a work item, or, if only PASSIVE_LEVEL callers reach it, say so with PAGED_CODE()}}
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
BOOLEAN IsrCopies(WDFINTERRUPT Interrupt, ULONG MessageID) { // expected-note{{entered at DIRQL (role: EVT_WDF_INTERRUPT_ISR)}}
  DEVICE_CONTEXT *ctx = GetContext(WdfInterruptGetDevice(Interrupt)); // no-warning
  ULONG value;
  WdfMemoryCopyToBuffer(ctx->Buffer, 0, &value, sizeof value); // expected-warning{{WdfMemoryCopyToBuffer is called at DIRQL (EvtInterruptIsr callbacks can run at DIRQL) but may only run at DISPATCH_LEVEL or below; defer the work to the interrupt's DPC or work item}} expected-note{{WdfMemoryCopyToBuffer is called at DIRQL (EvtInterruptIsr callbacks can run at DIRQL) but may only run at DISPATCH_LEVEL or below; defer the work to the interrupt's DPC or work item}}
  WdfInterruptQueueDpcForIsr(Interrupt); // no-warning
  return TRUE;
}

// A helper annotated for PASSIVE_LEVEL, called under a spin lock.
_IRQL_requires_max_(PASSIVE_LEVEL)
void WriteRegistry(DEVICE_CONTEXT *ctx);

EVT_WDF_DEVICE_D0_ENTRY D0EntryUnderLock;
NTSTATUS D0EntryUnderLock(WDFDEVICE Device, WDF_POWER_DEVICE_STATE Previous) { // expected-note{{entered at PASSIVE_LEVEL (role: EVT_WDF_DEVICE_D0_ENTRY)}}
  DEVICE_CONTEXT *ctx = GetContext(Device);
  WdfSpinLockAcquire(ctx->WdfLock); // expected-note{{IRQL raised to DISPATCH_LEVEL by WdfSpinLockAcquire}}
  WriteRegistry(ctx); // expected-warning{{'WriteRegistry' is called at DISPATCH_LEVEL (the IRQL was raised to DISPATCH_LEVEL by WdfSpinLockAcquire) but may only run at PASSIVE_LEVEL or below (its SAL annotation); move the call before WdfSpinLockAcquire or after the lock is released}} expected-note{{'WriteRegistry' is called at DISPATCH_LEVEL (the IRQL was raised to DISPATCH_LEVEL by WdfSpinLockAcquire) but may only run at PASSIVE_LEVEL or below (its SAL annotation); move the call before WdfSpinLockAcquire or after the lock is released}}
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
VOID WriteKeepsLock(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) { // expected-note{{entered at PASSIVE_LEVEL or DISPATCH_LEVEL (role: EVT_WDF_IO_QUEUE_IO_WRITE)}}
  DEVICE_CONTEXT *ctx = GetContext(Queue);
  WdfSpinLockAcquire(ctx->WdfLock); // expected-note{{IRQL raised to DISPATCH_LEVEL by WdfSpinLockAcquire}}
  if (Length == 0) { // expected-note{{Assuming 'Length' is equal to 0}} expected-note{{Taking true branch}}
    WdfRequestComplete(Request, STATUS_INVALID_PARAMETER);
    return; // expected-warning{{'WriteKeepsLock' returns at DISPATCH_LEVEL, not at the IRQL it was entered at: a raise or lock on this path is not undone; callers and the framework expect the entry IRQL back, so release or lower before returning}} expected-note{{'WriteKeepsLock' returns at DISPATCH_LEVEL, not at the IRQL it was entered at: a raise or lock on this path is not undone; callers and the framework expect the entry IRQL back, so release or lower before returning}}
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
VOID WorkRaises(WDFWORKITEM WorkItem) { // expected-note{{entered at PASSIVE_LEVEL (role: EVT_WDF_WORKITEM)}}
  KIRQL old;
  KeRaiseIrql(DISPATCH_LEVEL, &old); // expected-note-re{{IRQL raised to DISPATCH_LEVEL by {{KeRaiseIrql|KfRaiseIrql}}}}
} // expected-warning{{'WorkRaises' returns at DISPATCH_LEVEL, not at the IRQL it was entered at: a raise or lock on this path is not undone; callers and the framework expect the entry IRQL back, so release or lower before returning}} expected-note{{'WorkRaises' returns at DISPATCH_LEVEL, not at the IRQL it was entered at: a raise or lock on this path is not undone; callers and the framework expect the entry IRQL back, so release or lower before returning}}

// A function that says it raises the IRQL may return raised.
_IRQL_raises_(DISPATCH_LEVEL) _IRQL_requires_max_(DISPATCH_LEVEL)
void LockDevice(DEVICE_CONTEXT *ctx, _IRQL_saves_ PKIRQL old) {
  KeAcquireSpinLock(&ctx->Lock, old);
} // no-warning

// An annotated helper must return at the IRQL it was called at.
_IRQL_requires_max_(DISPATCH_LEVEL)
void HelperKeepsLock(DEVICE_CONTEXT *ctx) { // expected-note{{entered at <= DISPATCH_LEVEL (its SAL annotation)}}
  WdfSpinLockAcquire(ctx->WdfLock); // expected-note{{IRQL raised to DISPATCH_LEVEL by WdfSpinLockAcquire}}
} // expected-warning{{'HelperKeepsLock' returns at DISPATCH_LEVEL, not at the IRQL it was entered at: a raise or lock on this path is not undone; callers and the framework expect the entry IRQL back, so release or lower before returning}} expected-note{{'HelperKeepsLock' returns at DISPATCH_LEVEL, not at the IRQL it was entered at: a raise or lock on this path is not undone; callers and the framework expect the entry IRQL back, so release or lower before returning}}

// WdfWaitLockAcquire with a zero timeout never waits: fine at DISPATCH_LEVEL.
EVT_WDF_IO_QUEUE_IO_READ ReadTryWaitLock;
VOID ReadTryWaitLock(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  DEVICE_CONTEXT *ctx = GetContext(Queue);
  LONGLONG timeout = 0;
  if (NT_SUCCESS(WdfWaitLockAcquire(ctx->WaitLock, &timeout))) // no-warning
    WdfWaitLockRelease(ctx->WaitLock);
  WdfRequestComplete(Request, STATUS_SUCCESS);
}

// Roles from registrations, not role typedefs.
VOID RegisteredDpc(WDFDPC Dpc) { // expected-note{{entered at DISPATCH_LEVEL (role: EVT_WDF_DPC)}}
  DEVICE_CONTEXT *ctx = GetContext(Dpc);
  WdfWaitLockAcquire(ctx->WaitLock, NULL); // expected-warning{{WdfWaitLockAcquire is called at DISPATCH_LEVEL (EvtDpcFunc callbacks can run at DISPATCH_LEVEL) but may only run at PASSIVE_LEVEL or below}} expected-note{{WdfWaitLockAcquire is called at DISPATCH_LEVEL}}
}

VOID RegisteredWorkItem(WDFWORKITEM WorkItem) {
  DEVICE_CONTEXT *ctx = GetContext(WorkItem);
  WdfWaitLockAcquire(ctx->WaitLock, NULL); // no-warning
  WdfWaitLockRelease(ctx->WaitLock);
}

VOID RegisteredPassiveRead(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  DEVICE_CONTEXT *ctx = GetContext(Queue);
  WdfWaitLockAcquire(ctx->WaitLock, NULL); // no-warning
  WdfWaitLockRelease(ctx->WaitLock);
  WdfRequestComplete(Request, STATUS_SUCCESS);
}

NTSTATUS Register(WDFDEVICE Device) {
  WDF_DPC_CONFIG dpc;
  WDF_WORKITEM_CONFIG work;
  WDF_IO_QUEUE_CONFIG queue;
  WDF_OBJECT_ATTRIBUTES attributes;
  WDFQUEUE q;
  WDF_DPC_CONFIG_INIT(&dpc, RegisteredDpc);
  WDF_WORKITEM_CONFIG_INIT(&work, RegisteredWorkItem);
  WDF_IO_QUEUE_CONFIG_INIT(&queue, WdfIoQueueDispatchSequential);
  queue.EvtIoRead = RegisteredPassiveRead;
  WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
  attributes.ExecutionLevel = WdfExecutionLevelPassive;
  return WdfIoQueueCreate(Device, &queue, &attributes, &q);
}

// A lock taken and released in a helper gives the caller its own level
// back: the explanation is the callback's entry, not the release.
static ULONGLONG LastFlush;
static DEVICE_CONTEXT *TheContext;
static VOID FlushUnderLock(DEVICE_CONTEXT *ctx) {
  WdfSpinLockAcquire(ctx->WdfLock); // expected-note{{IRQL raised to DISPATCH_LEVEL by WdfSpinLockAcquire}}
  LastFlush = KeQueryInterruptTime();
  WdfSpinLockRelease(ctx->WdfLock); // expected-note{{IRQL restored by WdfSpinLockRelease}}
  WdfWaitLockAcquire(ctx->WaitLock, NULL); // expected-warning{{WdfWaitLockAcquire is called at DISPATCH_LEVEL (EvtIoRead callbacks can run at DISPATCH_LEVEL) but may only run at PASSIVE_LEVEL or below}} expected-note{{WdfWaitLockAcquire is called at DISPATCH_LEVEL (EvtIoRead callbacks can run at DISPATCH_LEVEL)}}
}

EVT_WDF_IO_QUEUE_IO_READ ReadFlushHelper;
VOID ReadFlushHelper(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) { // expected-note{{entered at PASSIVE_LEVEL or DISPATCH_LEVEL (role: EVT_WDF_IO_QUEUE_IO_READ)}}
  // Nothing before the helper asks for the IRQL.
  FlushUnderLock(TheContext); // expected-note{{Calling 'FlushUnderLock'}}
  WdfRequestComplete(Request, STATUS_SUCCESS);
}
