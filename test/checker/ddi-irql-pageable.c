// WM008 wdf.DdiIrql with pageable code: PAGED_CODE() or a PAGE section in an
// I/O callback means the author states it runs at PASSIVE_LEVEL there, so a
// PASSIVE_LEVEL-only DDI is fine; without it, the callback can run at
// DISPATCH_LEVEL and the call is reported with the ways out.  The same in
// the checked build, where PAGED_CODE() tests the IRQL itself.
// RUN: %wdf_analyze -analyzer-checker=wdf.DdiIrql -verify %msvc %s
// RUN: %wdf_analyze -analyzer-checker=wdf.DdiIrql -verify=expected,checked %msvc -DDBG=1 %s
// RUN: %wdf_analyze -analyzer-checker=wdf.DdiIrql -verify=expected,checked %msvc %wdk_shape -DDBG=1 %s
#include <ntddk.h>
#include <wdf.h>

typedef struct {
  KSPIN_LOCK Lock;
  WDFWAITLOCK WaitLock;
} DEVICE_CONTEXT;
WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(DEVICE_CONTEXT, GetContext)

// ---- the author asserts PASSIVE_LEVEL -------------------------------------------

EVT_WDF_IO_QUEUE_IO_DEVICE_CONTROL PagedIoctl;
VOID PagedIoctl(WDFQUEUE Queue, WDFREQUEST Request, size_t OutputBufferLength, size_t InputBufferLength, ULONG IoControlCode) {
  DEVICE_CONTEXT *ctx = GetContext(Queue);
  PAGED_CODE();
  WdfWaitLockAcquire(ctx->WaitLock, NULL); // no-warning
  WdfWaitLockRelease(ctx->WaitLock);
  WdfRequestComplete(Request, STATUS_SUCCESS);
}

EVT_WDF_IO_QUEUE_IO_INTERNAL_DEVICE_CONTROL SectionIoctl;
#pragma alloc_text(PAGE, SectionIoctl)
VOID SectionIoctl(WDFQUEUE Queue, WDFREQUEST Request, size_t OutputBufferLength, size_t InputBufferLength, ULONG IoControlCode) {
  DEVICE_CONTEXT *ctx = GetContext(Queue);
  WdfWaitLockAcquire(ctx->WaitLock, NULL); // no-warning
  WdfWaitLockRelease(ctx->WaitLock);
  WdfRequestComplete(Request, STATUS_SUCCESS);
}

// A pageable helper without a role is written for PASSIVE_LEVEL callers: a
// PASSIVE_LEVEL-only DDI is fine there ...
_Must_inspect_result_
NTSTATUS ReadSettings(DEVICE_CONTEXT *ctx);
#pragma alloc_text(PAGE, ReadSettings)
NTSTATUS ReadSettings(DEVICE_CONTEXT *ctx) {
  WdfWaitLockAcquire(ctx->WaitLock, NULL); // no-warning
  WdfWaitLockRelease(ctx->WaitLock);
  return STATUS_SUCCESS;
}

// ... and one that needs DISPATCH_LEVEL is not.
VOID ReleaseTooLow(DEVICE_CONTEXT *ctx) { // expected-note{{entered at PASSIVE_LEVEL (pageable: it states PAGED_CODE())}}
  PAGED_CODE(); // checked-note{{Taking false branch}} checked-note{{Loop condition is false.  Exiting loop}}
  KeReleaseSpinLockFromDpcLevel(&ctx->Lock); // expected-warning{{KeReleaseSpinLockFromDpcLevel is called at PASSIVE_LEVEL ('ReleaseTooLow' is pageable code, written for PASSIVE_LEVEL callers) but needs DISPATCH_LEVEL or above; call it where the IRQL allows it}} expected-note{{KeReleaseSpinLockFromDpcLevel is called at PASSIVE_LEVEL}}
}

// The path still raises the IRQL: a lock taken after PAGED_CODE() is held.
EVT_WDF_IO_QUEUE_IO_WRITE PagedWriteUnderLock;
VOID PagedWriteUnderLock(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) { // expected-note{{entered at PASSIVE_LEVEL (role: EVT_WDF_IO_QUEUE_IO_WRITE, narrowed by PAGED_CODE())}}
  DEVICE_CONTEXT *ctx = GetContext(Queue);
  KIRQL old;
  PAGED_CODE(); // checked-note{{Taking false branch}} checked-note{{Loop condition is false.  Exiting loop}}
  KeAcquireSpinLock(&ctx->Lock, &old); // expected-note{{IRQL raised to DISPATCH_LEVEL by KeAcquireSpinLock}}
  WdfWaitLockAcquire(ctx->WaitLock, NULL); // expected-warning-re{{WdfWaitLockAcquire is called at DISPATCH_LEVEL (the IRQL was raised to DISPATCH_LEVEL by KeAcquireSpinLock{{(RaiseToDpc)?}}) but may only run at PASSIVE_LEVEL or below; move the call before KeAcquireSpinLock{{(RaiseToDpc)?}} or after the lock is released}} expected-note{{WdfWaitLockAcquire is called at DISPATCH_LEVEL}}
  WdfWaitLockRelease(ctx->WaitLock);
  KeReleaseSpinLock(&ctx->Lock, old);
  WdfRequestComplete(Request, STATUS_SUCCESS);
}

// ---- no assertion: the callback can run at DISPATCH_LEVEL -----------------------

EVT_WDF_IO_QUEUE_IO_DEVICE_CONTROL PlainIoctl;
VOID PlainIoctl(WDFQUEUE Queue, WDFREQUEST Request, size_t OutputBufferLength, size_t InputBufferLength, ULONG IoControlCode) { // expected-note{{entered at PASSIVE_LEVEL or DISPATCH_LEVEL (role: EVT_WDF_IO_QUEUE_IO_DEVICE_CONTROL)}}
  DEVICE_CONTEXT *ctx = GetContext(Queue);
  WdfWaitLockAcquire(ctx->WaitLock, NULL); // expected-warning{{WdfWaitLockAcquire is called at DISPATCH_LEVEL (EvtIoDeviceControl callbacks can run at DISPATCH_LEVEL) but may only run at PASSIVE_LEVEL or below; set WdfExecutionLevelPassive on the queue, defer to a work item, or, if only PASSIVE_LEVEL callers reach it, say so with PAGED_CODE()}} expected-note{{WdfWaitLockAcquire is called at DISPATCH_LEVEL}}
  WdfWaitLockRelease(ctx->WaitLock);
  WdfRequestComplete(Request, STATUS_SUCCESS);
}

// PAGED_CODE() after a call that only depends on the IRQL still states the
// entry level: nothing changed it in between.
EVT_WDF_IO_QUEUE_IO_READ LateAssertionRead;
VOID LateAssertionRead(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  WDFDEVICE device = WdfIoQueueGetDevice(Queue);
  DEVICE_CONTEXT *ctx = GetContext(device);
  WdfWaitLockAcquire(ctx->WaitLock, NULL); // no-warning
  PAGED_CODE();
  WdfWaitLockRelease(ctx->WaitLock);
  WdfRequestComplete(Request, STATUS_SUCCESS);
}

// After a raise and a lower it states nothing about the entry.
EVT_WDF_IO_QUEUE_IO_READ AssertionAfterRaiseRead;
VOID AssertionAfterRaiseRead(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) { // expected-note{{entered at PASSIVE_LEVEL or DISPATCH_LEVEL (role: EVT_WDF_IO_QUEUE_IO_READ)}}
  DEVICE_CONTEXT *ctx = GetContext(Queue);
  KIRQL old;
  KeAcquireSpinLock(&ctx->Lock, &old); // expected-note{{IRQL raised to DISPATCH_LEVEL by KeAcquireSpinLock}}
  KeReleaseSpinLock(&ctx->Lock, old); // expected-note{{IRQL restored by KeReleaseSpinLock}}
  WdfWaitLockAcquire(ctx->WaitLock, NULL); // expected-warning{{WdfWaitLockAcquire is called at DISPATCH_LEVEL (EvtIoRead callbacks can run at DISPATCH_LEVEL)}} expected-note{{WdfWaitLockAcquire is called at DISPATCH_LEVEL}}
  PAGED_CODE();
  WdfWaitLockRelease(ctx->WaitLock);
  WdfRequestComplete(Request, STATUS_SUCCESS);
}

// The framework never calls an I/O callback at APC_LEVEL by itself: a
// DDI allowed up to APC_LEVEL is reported at DISPATCH_LEVEL, not APC_LEVEL.
EVT_WDF_IO_QUEUE_IO_READ DelayRead;
VOID DelayRead(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) { // expected-note{{entered at PASSIVE_LEVEL or DISPATCH_LEVEL (role: EVT_WDF_IO_QUEUE_IO_READ)}}
  LARGE_INTEGER interval;
  interval.QuadPart = -10000;
  if (KeGetCurrentIrql() == APC_LEVEL) // expected-note{{Taking false branch}}
    return; // never: APC_LEVEL is no level EvtIoRead is called at
  KeDelayExecutionThread(KernelMode, FALSE, &interval); // expected-warning{{KeDelayExecutionThread is called at DISPATCH_LEVEL (EvtIoRead callbacks can run at DISPATCH_LEVEL) but may only run at APC_LEVEL or below}} expected-note{{KeDelayExecutionThread is called at DISPATCH_LEVEL}}
  WdfRequestComplete(Request, STATUS_SUCCESS);
}

// ---- a SAL annotation that contradicts the role ------------------------------------

// The framework calls an EvtDpcFunc at DISPATCH_LEVEL whatever it says.
_IRQL_requires_max_(PASSIVE_LEVEL)
VOID PassiveDpc(WDFDPC Dpc) {}

_IRQL_requires_max_(DISPATCH_LEVEL)
VOID DispatchDpc(WDFDPC Dpc) {}

NTSTATUS CreateDpcs(WDFDEVICE Device) {
  WDF_DPC_CONFIG config;
  WDF_OBJECT_ATTRIBUTES attributes;
  WDFDPC dpc;
  NTSTATUS status;
  WDF_DPC_CONFIG_INIT(&config, PassiveDpc); // expected-warning{{'PassiveDpc' has the role EvtDpcFunc, which the framework calls at DISPATCH_LEVEL, but its SAL annotation allows only PASSIVE_LEVEL: correct the annotation, or do the work where the IRQL allows it (a work item)}} expected-note{{'PassiveDpc' has the role EvtDpcFunc}}
  WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
  attributes.ParentObject = Device;
  status = WdfDpcCreate(&config, &attributes, &dpc);
  if (!NT_SUCCESS(status))
    return status;
  WDF_DPC_CONFIG_INIT(&config, DispatchDpc); // no-warning
  return WdfDpcCreate(&config, &attributes, &dpc);
}
