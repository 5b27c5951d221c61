// debug.wdf.IrqlEntry: pageable functions.  A function is pageable when it is
// named in #pragma alloc_text(PAGE..., f), declared
// __declspec(code_seg("PAGE...")), defined in a #pragma code_seg("PAGE...")
// region, or states PAGED_CODE() before its first statement that changes
// the IRQL.  Pageable asserts <= APC_LEVEL: entry = role ∩ that; without a
// role, pageable code is entered at PASSIVE_LEVEL (APC_LEVEL arises only
// where the path or an annotation puts it).  PAGED_CODE() is read by the
// macro's name, so the free build (empty) and the checked build (a guard)
// give the same entries.
// The report is its own note: text-minimal keeps -verify to the warnings.
// RUN: %wdf_analyze -analyzer-output=text-minimal -analyzer-checker=debug.wdf.IrqlEntry -verify %msvc %s
// RUN: %wdf_analyze -analyzer-output=text-minimal -analyzer-checker=debug.wdf.IrqlEntry -verify %msvc -DDBG=1 %s
// RUN: %wdf_analyze -analyzer-output=text-minimal -analyzer-checker=debug.wdf.IrqlEntry -verify %msvc %wdk_shape -DDBG=1 %s
#include <ntddk.h>
#include <wdf.h>

typedef struct {
  KSPIN_LOCK Lock;
  WDFWAITLOCK WaitLock;
} DEVICE_CONTEXT;
WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(DEVICE_CONTEXT, GetContext) // expected-warning{{entry IRQL unknown}}

// ---- the ways to be pageable ----------------------------------------------------

VOID InAllocText(VOID);
VOID InOtherPageSection(VOID);
VOID InInitSection(VOID);
#pragma alloc_text(PAGE, InAllocText)
#pragma alloc_text(PAGEwmi, InOtherPageSection)
#pragma alloc_text(INIT, InInitSection)

VOID InAllocText(VOID) {} // expected-warning{{entry IRQL PASSIVE_LEVEL from pageable (a PAGE section)}}
VOID InOtherPageSection(VOID) {} // expected-warning{{entry IRQL PASSIVE_LEVEL from pageable (a PAGE section)}}
VOID InInitSection(VOID) {} // expected-warning{{entry IRQL unknown}}

__declspec(code_seg("PAGE")) VOID DeclaredInPage(VOID) {} // expected-warning{{entry IRQL PASSIVE_LEVEL from pageable (a PAGE section)}}

#pragma code_seg("PAGE")
VOID InPageRegion(VOID) {} // expected-warning{{entry IRQL PASSIVE_LEVEL from pageable (a PAGE section)}}
#pragma code_seg()
VOID AfterPageRegion(VOID) {} // expected-warning{{entry IRQL unknown}}

VOID StatesPagedCode(VOID) { // expected-warning{{entry IRQL PASSIVE_LEVEL from pageable (PAGED_CODE())}}
  PAGED_CODE();
}

// Declarations, the context accessor and traces come before PAGED_CODE() in
// many drivers; none of them depends on the IRQL.
VOID PagedCodeAfterSetup(WDFDEVICE Device, ULONG Unused) { // expected-warning{{entry IRQL PASSIVE_LEVEL from pageable (PAGED_CODE())}}
  DEVICE_CONTEXT *ctx = GetContext(Device);
  ULONG count = 0;
  UNREFERENCED_PARAMETER(Unused);
  DbgPrint("setup %p %lu\n", ctx, count);
  PAGED_CODE();
}

// After the IRQL was raised, PAGED_CODE() asserts nothing about the entry.
VOID PagedCodeAfterLock(WDFDEVICE Device) { // expected-warning{{entry IRQL unknown}}
  DEVICE_CONTEXT *ctx = GetContext(Device);
  KIRQL old;
  KeAcquireSpinLock(&ctx->Lock, &old);
  KeReleaseSpinLock(&ctx->Lock, old);
  PAGED_CODE();
}

// Nor after a function that says it raises the IRQL.
_IRQL_raises_(DISPATCH_LEVEL) VOID RaiseToDispatch(_Out_ _IRQL_saves_ PKIRQL OldIrql);
VOID PagedCodeAfterRaise(VOID) { // expected-warning{{entry IRQL unknown}}
  KIRQL old;
  RaiseToDispatch(&old);
  KeLowerIrql(old);
  PAGED_CODE();
}

// A call that only depends on the IRQL changes nothing: PAGED_CODE() after
// it still states the level the function was entered at.
VOID PagedCodeAfterWaitLock(WDFDEVICE Device) { // expected-warning{{entry IRQL PASSIVE_LEVEL from pageable (PAGED_CODE())}}
  DEVICE_CONTEXT *ctx = GetContext(Device);
  WdfWaitLockAcquire(ctx->WaitLock, NULL);
  WdfWaitLockRelease(ctx->WaitLock);
  PAGED_CODE();
}

// Reading the IRQL changes nothing either.
VOID PagedCodeAfterRead(VOID) { // expected-warning{{entry IRQL PASSIVE_LEVEL from pageable (PAGED_CODE())}}
  KIRQL now = KeGetCurrentIrql();
  DbgPrint("entered at %u\n", (unsigned)now);
  PAGED_CODE();
}

// PAGED_CODE_LOCKED() marks pageable code locked in memory: no assertion.
VOID PagedCodeLocked(VOID) { // expected-warning{{entry IRQL unknown}}
  PAGED_CODE_LOCKED();
}

// A function merely named like the macro asserts nothing.
VOID PAGED_CODE_HELPER(VOID);
VOID CallsLookalike(VOID) { // expected-warning{{entry IRQL unknown}}
  PAGED_CODE_HELPER();
}

// ---- role ∩ pageable ------------------------------------------------------------

// An EvtIoDeviceControl of a dispatch-level queue is called at PASSIVE_LEVEL
// or DISPATCH_LEVEL; PAGED_CODE() leaves PASSIVE_LEVEL.
EVT_WDF_IO_QUEUE_IO_DEVICE_CONTROL PagedIoctl;
VOID PagedIoctl(WDFQUEUE Queue, WDFREQUEST Request, size_t OutputBufferLength, size_t InputBufferLength, ULONG IoControlCode) { // expected-warning{{entry IRQL PASSIVE_LEVEL from role EVT_WDF_IO_QUEUE_IO_DEVICE_CONTROL (EvtIoDeviceControl); narrowed by PAGED_CODE()}}
  PAGED_CODE();
}

EVT_WDF_IO_QUEUE_IO_READ SectionRead;
#pragma alloc_text(PAGE, SectionRead)
VOID SectionRead(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {} // expected-warning{{entry IRQL PASSIVE_LEVEL from role EVT_WDF_IO_QUEUE_IO_READ (EvtIoRead); narrowed by a PAGE section}}

// A work item is PASSIVE_LEVEL already: nothing to narrow.
EVT_WDF_WORKITEM PagedWork;
VOID PagedWork(WDFWORKITEM WorkItem) { // expected-warning{{entry IRQL PASSIVE_LEVEL from role EVT_WDF_WORKITEM (EvtWorkItemFunc)}}
  PAGED_CODE();
}

// A pageable DPC is a contradiction: the framework calls it at
// DISPATCH_LEVEL whatever the author asserts, so the role wins.
EVT_WDF_DPC PagedDpc;
VOID PagedDpc(WDFDPC Dpc) { // expected-warning{{entry IRQL DISPATCH_LEVEL from role EVT_WDF_DPC (EvtDpcFunc); contradicts PAGED_CODE()}}
  PAGED_CODE();
}

// SAL and pageable together: SAL may put APC_LEVEL there.
_IRQL_requires_max_(APC_LEVEL)
VOID AnnotatedPageable(VOID) { // expected-warning{{entry IRQL <= APC_LEVEL from SAL; pageable (PAGED_CODE())}}
  PAGED_CODE();
}
