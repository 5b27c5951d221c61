// The kernel DDIs that take a POOL_TYPE or a pool tag, beyond
// ExAllocatePoolWithTag: WM001 wdf.PoolIrql sees their paged allocations,
// WM007 wdf.BadArgument their executable pool types and bad tags, and
// WM003 wdf.UninitDisclosure knows which of them zero what they return.
// RUN: %wdf_analyze -analyzer-checker=wdf.PoolIrql,wdf.BadArgument,wdf.UninitDisclosure -verify %s
// RUN: %wdf_analyze -analyzer-checker=wdf.PoolIrql,wdf.BadArgument,wdf.UninitDisclosure -verify %wdk_shape %s
// RUN: %wdf_analyze -analyzer-checker=wdf.PoolIrql,wdf.BadArgument,wdf.UninitDisclosure -verify %msvc %s
#include <ntddk.h>
#include <wdf.h>

#define TAG 'lPrK'

// Declared by the WDK's wdfdevice.h; the model's wdf.h does not have it.
NTSTATUS WdfDeviceAllocAndQueryProperty(WDFDEVICE Device,
                                        DEVICE_REGISTRY_PROPERTY DeviceProperty,
                                        POOL_TYPE PoolType,
                                        PWDF_OBJECT_ATTRIBUTES PropertyMemoryAttributes,
                                        WDFMEMORY *PropertyMemory);

typedef struct {
  KSPIN_LOCK Lock;
  LOOKASIDE_LIST_EX Lookaside;
  NPAGED_LOOKASIDE_LIST NPagedLookaside;
} DEVICE_CONTEXT;
WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(DEVICE_CONTEXT, GetContext)

// ---- WM001: paged pool above APC_LEVEL ----------------------------------------

EVT_WDF_DPC DpcAllocatesPagedZero;
VOID DpcAllocatesPagedZero(WDFDPC Dpc) { // expected-note{{entered at DISPATCH_LEVEL (role: EVT_WDF_DPC)}}
  PVOID p = ExAllocatePoolZero(PagedPool, 64, TAG); // expected-warning{{ExAllocatePoolZero allocates paged pool at DISPATCH_LEVEL (EvtDpcFunc callbacks can run at DISPATCH_LEVEL)}} expected-note{{ExAllocatePoolZero allocates paged pool at DISPATCH_LEVEL}}
  if (p)
    ExFreePoolWithTag(p, TAG);
}

EVT_WDF_WORKITEM WorkAllocatesUnderLock;
VOID WorkAllocatesUnderLock(WDFWORKITEM WorkItem) { // expected-note{{entered at PASSIVE_LEVEL (role: EVT_WDF_WORKITEM)}}
  DEVICE_CONTEXT *ctx = GetContext(WorkItem);
  KIRQL old;
  KeAcquireSpinLock(&ctx->Lock, &old); // expected-note-re{{IRQL raised to DISPATCH_LEVEL by KeAcquireSpinLock{{(RaiseToDpc)?}}}}
  PVOID p = ExAllocatePoolUninitialized(PagedPool, 64, TAG); // expected-warning-re{{ExAllocatePoolUninitialized allocates paged pool at DISPATCH_LEVEL (the IRQL was raised to DISPATCH_LEVEL by KeAcquireSpinLock{{(RaiseToDpc)?}})}} expected-note{{ExAllocatePoolUninitialized allocates paged pool at DISPATCH_LEVEL}}
  KeReleaseSpinLock(&ctx->Lock, old);
  if (p)
    ExFreePoolWithTag(p, TAG);
}

EVT_WDF_DPC DpcAllocatesNonPaged;
VOID DpcAllocatesNonPaged(WDFDPC Dpc) {
  PVOID p = ExAllocatePoolZero(NonPagedPoolNx, 64, TAG); // no-warning
  PVOID q = ExAllocatePoolQuotaZero(NonPagedPoolNx, 64, TAG); // no-warning
  if (p)
    ExFreePoolWithTag(p, TAG);
  if (q)
    ExFreePoolWithTag(q, TAG);
}

// ---- WM007: executable pool types and default tags ------------------------------

PVOID ZeroExecutable(void) {
  return ExAllocatePoolZero(NonPagedPool, 64, TAG); // expected-warning{{ExAllocatePoolZero allocates executable non-paged memory: writable, executable kernel memory is a code-injection target and HVCI-compatible drivers must not use it; use NonPagedPoolNx}} expected-note{{ExAllocatePoolZero allocates executable non-paged memory}}
}

NTSTATUS LookasideExecutable(DEVICE_CONTEXT *ctx) {
  return ExInitializeLookasideListEx(&ctx->Lookaside, NULL, NULL, NonPagedPool, 0, 128, TAG, 0); // expected-warning{{ExInitializeLookasideListEx allocates executable non-paged memory}} expected-note{{ExInitializeLookasideListEx allocates executable non-paged memory}}
}

NTSTATUS LookasideNx(DEVICE_CONTEXT *ctx) {
  return ExInitializeLookasideListEx(&ctx->Lookaside, NULL, NULL, NonPagedPoolNx, 0, 128, TAG, 0); // no-warning
}

// Without POOL_NX_ALLOCATION the list's entries are executable.
VOID NPagedLookasideExecutable(DEVICE_CONTEXT *ctx) {
  ExInitializeNPagedLookasideList(&ctx->NPagedLookaside, NULL, NULL, 0, 128, TAG, 0); // expected-warning{{ExInitializeNPagedLookasideList makes a list of executable non-paged entries: its Flags lack POOL_NX_ALLOCATION, and writable, executable kernel memory is a code-injection target; pass POOL_NX_ALLOCATION in Flags}} expected-note{{ExInitializeNPagedLookasideList makes a list of executable non-paged entries}}
}

// Other flags do not make it NX either.
VOID NPagedLookasideRaiseOnly(DEVICE_CONTEXT *ctx, ULONG Flags) {
  ExInitializeNPagedLookasideList(&ctx->NPagedLookaside, NULL, NULL, POOL_RAISE_IF_ALLOCATION_FAILURE, 128, TAG, 0); // expected-warning{{ExInitializeNPagedLookasideList makes a list of executable non-paged entries}} expected-note{{ExInitializeNPagedLookasideList makes a list of executable non-paged entries}}
}

// Clean: NX entries, or Flags the analysis cannot read.
VOID NPagedLookasideNx(DEVICE_CONTEXT *ctx, ULONG Flags) {
  ExInitializeNPagedLookasideList(&ctx->NPagedLookaside, NULL, NULL, POOL_NX_ALLOCATION | POOL_RAISE_IF_ALLOCATION_FAILURE, 128, TAG, 0); // no-warning
  ExInitializeNPagedLookasideList(&ctx->NPagedLookaside, NULL, NULL, Flags, 128, TAG, 0); // no-warning
}

VOID NPagedLookasideDefaultTag(DEVICE_CONTEXT *ctx) {
  ExInitializeNPagedLookasideList(&ctx->NPagedLookaside, NULL, NULL, POOL_NX_ALLOCATION, 128, ' kdD', 0); // expected-warning{{pool tag 0x206b6444 is a tag the system gives untagged allocations ('Ddk '): the memory cannot be told from other drivers' in !pool and poolmon; use a tag of the driver's own such as 'gaTm'}} expected-note{{pool tag 0x206b6444 is a tag the system gives untagged allocations}}
}

PVOID WdmDefaultTag(void) {
  return ExAllocatePoolWithTag(NonPagedPoolNx, 32, ' mdW'); // expected-warning{{pool tag 0x206d6457 is a tag the system gives untagged allocations ('Wdm ')}} expected-note{{pool tag 0x206d6457 is a tag the system gives untagged allocations}}
}

PVOID NoneTag(void) {
  return ExAllocatePool2(POOL_FLAG_NON_PAGED, 32, 'enoN'); // expected-warning{{pool tag 0x656e6f4e is a tag the system gives untagged allocations ('None')}} expected-note{{pool tag 0x656e6f4e is a tag the system gives untagged allocations}}
}

// A tag that merely looks like one: "Ddk1" is the driver's own.
PVOID OwnTag(void) {
  return ExAllocatePoolWithTag(NonPagedPoolNx, 32, '1kdD'); // no-warning
}

NTSTATUS PropertyExecutable(WDFDEVICE Device, WDFMEMORY *Memory) {
  return WdfDeviceAllocAndQueryProperty(Device, DevicePropertyDriverKeyName, NonPagedPool, WDF_NO_OBJECT_ATTRIBUTES, Memory); // expected-warning{{WdfDeviceAllocAndQueryProperty allocates executable non-paged memory}} expected-note{{WdfDeviceAllocAndQueryProperty allocates executable non-paged memory}}
}

NTSTATUS PropertyNx(WDFDEVICE Device, WDFMEMORY *Memory) {
  return WdfDeviceAllocAndQueryProperty(Device, DevicePropertyDriverKeyName, NonPagedPoolNx, WDF_NO_OBJECT_ATTRIBUTES, Memory); // no-warning
}

// ---- WM003: ExAllocatePoolZero's memory is zeroed ---------------------------------

VOID ZeroedPoolOut(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  UCHAR *pool = (UCHAR *)ExAllocatePoolZero(NonPagedPoolNx, 32, TAG);
  PVOID out;
  if (pool == NULL)
    return;
  if (NT_SUCCESS(WdfRequestRetrieveOutputBuffer(Request, 32, &out, NULL))) {
    pool[0] = 1;
    RtlCopyMemory(out, pool, 32); // no-warning
  }
  ExFreePoolWithTag(pool, TAG);
}

VOID UninitializedPoolOut(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  UCHAR *pool = (UCHAR *)ExAllocatePoolUninitialized(NonPagedPoolNx, 32, TAG); // expected-note{{pool from ExAllocatePoolUninitialized is not zeroed}}
  PVOID out;
  if (pool == NULL) // expected-note{{Assuming 'pool' is not equal to NULL}} expected-note{{Taking false branch}}
    return;
  if (NT_SUCCESS(WdfRequestRetrieveOutputBuffer(Request, 32, &out, NULL))) { // expected-note{{Taking true branch}}
    pool[0] = 1;
    RtlCopyMemory(out, pool, 32); // expected-warning{{bytes 1-31 of the buffer from ExAllocatePoolUninitialized were never written and are copied to the request's output buffer}} expected-note{{bytes 1-31 of the buffer from ExAllocatePoolUninitialized were never written and are copied to the request's output buffer}}
  }
  ExFreePoolWithTag(pool, TAG);
}
