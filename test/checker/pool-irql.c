// WM001 wdf.PoolIrql: paged pool above APC_LEVEL, any pool above
// DISPATCH_LEVEL, for every source of the entry IRQL and every way of
// raising it.  Plain prototypes and the WDK's wrappers, Linux and MSVC.
// RUN: %wdf_analyze -analyzer-checker=wdf.PoolIrql -verify %s
// RUN: %wdf_analyze -analyzer-checker=wdf.PoolIrql -verify %wdk_shape %s
// RUN: %wdf_analyze -analyzer-checker=wdf.PoolIrql -verify %msvc %wdk_shape %s
#include <ntddk.h>
#include <wdf.h>

#define TAG 'lPrI'

static NTSTATUS CreateScratch(WDFREQUEST Request, POOL_TYPE Pool, WDFMEMORY *Memory) {
  WDF_OBJECT_ATTRIBUTES attributes;
  WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
  attributes.ParentObject = Request;
  return WdfMemoryCreate(&attributes, Pool, TAG, 64, Memory, NULL); // expected-warning{{WdfMemoryCreate allocates paged pool at DISPATCH_LEVEL (EvtIoWrite callbacks can run at DISPATCH_LEVEL)}} expected-note{{WdfMemoryCreate allocates paged pool at DISPATCH_LEVEL (EvtIoWrite callbacks can run at DISPATCH_LEVEL)}}
}

// ---- role from a role-type declaration ------------------------------------

EVT_WDF_IO_QUEUE_IO_READ ReadPaged;
VOID ReadPaged(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) { // expected-note{{entered at PASSIVE_LEVEL or DISPATCH_LEVEL (role: EVT_WDF_IO_QUEUE_IO_READ)}}
  WDF_OBJECT_ATTRIBUTES attributes;
  WDFMEMORY memory;
  WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
  attributes.ParentObject = Request;
  WdfMemoryCreate(&attributes, PagedPool, TAG, 64, &memory, NULL); // expected-warning{{WdfMemoryCreate allocates paged pool at DISPATCH_LEVEL (EvtIoRead callbacks can run at DISPATCH_LEVEL): paged memory can be out when it is touched, and above APC_LEVEL that crashes the machine (IRQL_NOT_LESS_OR_EQUAL); use NonPagedPoolNx, or set WdfExecutionLevelPassive on the queue, defer to a work item, or, if only PASSIVE_LEVEL callers reach it, say so with PAGED_CODE()}} expected-note{{WdfMemoryCreate allocates paged pool at DISPATCH_LEVEL (EvtIoRead callbacks can run at DISPATCH_LEVEL)}}
}

EVT_WDF_IO_QUEUE_IO_READ ReadNonPaged;
VOID ReadNonPaged(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  WDFMEMORY memory;
  CreateScratch(Request, NonPagedPoolNx, &memory); // no-warning
}

// A helper inlined into a callback inherits its IRQL; analysed on its own
// (unknown IRQL) it reports nothing.
EVT_WDF_IO_QUEUE_IO_WRITE WriteViaHelper;
VOID WriteViaHelper(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) { // expected-note{{entered at PASSIVE_LEVEL or DISPATCH_LEVEL (role: EVT_WDF_IO_QUEUE_IO_WRITE)}}
  WDFMEMORY memory;
  CreateScratch(Request, PagedPool, &memory); // expected-note{{Calling 'CreateScratch'}}
}

// A guard on the current IRQL removes the finding on its path.
EVT_WDF_IO_QUEUE_IO_READ ReadGuarded;
VOID ReadGuarded(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  WDFMEMORY memory;
  if (KeGetCurrentIrql() <= APC_LEVEL)
    CreateScratch(Request, PagedPool, &memory); // no-warning
}

EVT_WDF_IO_QUEUE_IO_READ ReadEarlyReturn;
VOID ReadEarlyReturn(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  if (KeGetCurrentIrql() > APC_LEVEL) {
    WdfRequestComplete(Request, STATUS_PENDING);
    return;
  }
  ExAllocatePoolWithTag(PagedPool, 64, TAG); // no-warning
}

// ---- role from a registration ------------------------------------------------

VOID DpcPaged(WDFDPC Dpc) { // expected-note{{entered at DISPATCH_LEVEL (role: EVT_WDF_DPC)}}
  ExAllocatePoolWithTag(PagedPool, 128, TAG); // expected-warning{{ExAllocatePoolWithTag allocates paged pool at DISPATCH_LEVEL (EvtDpcFunc callbacks can run at DISPATCH_LEVEL)}} expected-note{{ExAllocatePoolWithTag allocates paged pool at DISPATCH_LEVEL (EvtDpcFunc callbacks can run at DISPATCH_LEVEL)}}
}

VOID TimerPaged(WDFTIMER Timer) { // expected-note{{entered at DISPATCH_LEVEL (role: EVT_WDF_TIMER)}}
  ExAllocatePool2(POOL_FLAG_PAGED, 128, TAG); // expected-warning{{ExAllocatePool2 allocates paged pool at DISPATCH_LEVEL (EvtTimerFunc callbacks can run at DISPATCH_LEVEL)}} expected-note{{ExAllocatePool2 allocates paged pool at DISPATCH_LEVEL (EvtTimerFunc callbacks can run at DISPATCH_LEVEL)}}
}

VOID TimerNonPaged(WDFTIMER Timer) {
  ExAllocatePool2(POOL_FLAG_NON_PAGED, 128, TAG); // no-warning
}

VOID WorkItemPaged(WDFWORKITEM WorkItem) {
  ExAllocatePoolWithTag(PagedPool, 128, TAG); // no-warning
}

BOOLEAN IsrAllocates(WDFINTERRUPT Interrupt, ULONG MessageID) { // expected-note{{entered at DIRQL (role: EVT_WDF_INTERRUPT_ISR)}}
  ExAllocatePoolWithTag(NonPagedPoolNx, 16, TAG); // expected-warning{{ExAllocatePoolWithTag allocates pool at DIRQL (EvtInterruptIsr callbacks can run at DIRQL)}} expected-note{{ExAllocatePoolWithTag allocates pool at DIRQL (EvtInterruptIsr callbacks can run at DIRQL)}}
  return TRUE;
}

NTSTATUS RegisterCallbacks(WDFDEVICE Device) {
  WDF_DPC_CONFIG dpc;
  WDF_TIMER_CONFIG timer, timer2;
  WDF_WORKITEM_CONFIG work;
  WDF_INTERRUPT_CONFIG interrupt;
  WDF_DPC_CONFIG_INIT(&dpc, DpcPaged);
  WDF_TIMER_CONFIG_INIT(&timer, TimerPaged);
  WDF_TIMER_CONFIG_INIT(&timer2, TimerNonPaged);
  WDF_WORKITEM_CONFIG_INIT(&work, WorkItemPaged);
  WDF_INTERRUPT_CONFIG_INIT(&interrupt, IsrAllocates, NULL);
  return STATUS_SUCCESS;
}

// ---- execution level: a passive queue's callbacks run at PASSIVE_LEVEL -------

VOID PassiveQueueRead(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  ExAllocatePoolWithTag(PagedPool, 64, TAG); // no-warning
}

VOID DispatchQueueRead(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) { // expected-note{{entered at PASSIVE_LEVEL or DISPATCH_LEVEL (role: EVT_WDF_IO_QUEUE_IO_READ)}}
  ExAllocatePoolWithTag(PagedPool, 64, TAG); // expected-warning{{ExAllocatePoolWithTag allocates paged pool at DISPATCH_LEVEL (EvtIoRead callbacks can run at DISPATCH_LEVEL)}} expected-note{{ExAllocatePoolWithTag allocates paged pool at DISPATCH_LEVEL (EvtIoRead callbacks can run at DISPATCH_LEVEL)}}
}

NTSTATUS CreateQueues(WDFDEVICE Device) {
  WDF_IO_QUEUE_CONFIG passiveConfig, dispatchConfig;
  WDF_OBJECT_ATTRIBUTES passive;
  WDFQUEUE q1, q2;
  WDF_IO_QUEUE_CONFIG_INIT(&passiveConfig, WdfIoQueueDispatchSequential);
  passiveConfig.EvtIoRead = PassiveQueueRead;
  WDF_OBJECT_ATTRIBUTES_INIT(&passive);
  passive.ExecutionLevel = WdfExecutionLevelPassive;
  WdfIoQueueCreate(Device, &passiveConfig, &passive, &q1);
  WDF_IO_QUEUE_CONFIG_INIT(&dispatchConfig, WdfIoQueueDispatchParallel);
  dispatchConfig.EvtIoRead = DispatchQueueRead;
  return WdfIoQueueCreate(Device, &dispatchConfig, WDF_NO_OBJECT_ATTRIBUTES, &q2);
}

// ---- SAL on the function itself ------------------------------------------------

_IRQL_requires_max_(DISPATCH_LEVEL)
void SalDispatch(void) { // expected-note{{entered at <= DISPATCH_LEVEL (its SAL annotation)}}
  ExAllocatePoolWithTag(PagedPool, 64, TAG); // expected-warning{{ExAllocatePoolWithTag allocates paged pool at DISPATCH_LEVEL ('SalDispatch' may be called at DISPATCH_LEVEL (its SAL annotation))}} expected-note{{ExAllocatePoolWithTag allocates paged pool at DISPATCH_LEVEL ('SalDispatch' may be called at DISPATCH_LEVEL (its SAL annotation))}}
}

_IRQL_requires_max_(PASSIVE_LEVEL)
void SalPassive(void) {
  ExAllocatePoolWithTag(PagedPool, 64, TAG); // no-warning
}

// ---- raised on the path ----------------------------------------------------------

typedef struct { KSPIN_LOCK Lock; WDFSPINLOCK WdfLock; WDFLOOKASIDE Lookaside; } DEVICE_LOCKS;
WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(DEVICE_LOCKS, GetLocks)

EVT_WDF_DRIVER_DEVICE_ADD AddUnderLock;
NTSTATUS AddUnderLock(WDFDRIVER Driver, PWDFDEVICE_INIT Init) { // expected-note{{entered at PASSIVE_LEVEL (role: EVT_WDF_DRIVER_DEVICE_ADD)}}
  DEVICE_LOCKS *locks = GetLocks(Driver);
  WdfSpinLockAcquire(locks->WdfLock); // expected-note{{IRQL raised to DISPATCH_LEVEL by WdfSpinLockAcquire}}
  ExAllocatePoolWithTag(PagedPool, 64, TAG); // expected-warning{{ExAllocatePoolWithTag allocates paged pool at DISPATCH_LEVEL (the IRQL was raised to DISPATCH_LEVEL by WdfSpinLockAcquire)}} expected-note{{ExAllocatePoolWithTag allocates paged pool at DISPATCH_LEVEL (the IRQL was raised to DISPATCH_LEVEL by WdfSpinLockAcquire)}}
  WdfSpinLockRelease(locks->WdfLock);
  return STATUS_SUCCESS;
}

EVT_WDF_DRIVER_DEVICE_ADD AddAfterRelease;
NTSTATUS AddAfterRelease(WDFDRIVER Driver, PWDFDEVICE_INIT Init) {
  DEVICE_LOCKS *locks = GetLocks(Driver);
  KIRQL old;
  KeAcquireSpinLock(&locks->Lock, &old);
  KeReleaseSpinLock(&locks->Lock, old);
  ExAllocatePoolWithTag(PagedPool, 64, TAG); // no-warning
  return STATUS_SUCCESS;
}

EVT_WDF_DRIVER_DEVICE_ADD AddOnOneBranch;
NTSTATUS AddOnOneBranch(WDFDRIVER Driver, PWDFDEVICE_INIT Init) { // expected-note{{entered at PASSIVE_LEVEL (role: EVT_WDF_DRIVER_DEVICE_ADD)}}
  KIRQL old;
  BOOLEAN raise = (BOOLEAN)(Init != NULL); // expected-note{{Assuming 'Init' is not equal to NULL}}
  if (raise) // expected-note{{'raise' is 1}} expected-note{{Taking true branch}}
    KeRaiseIrql(DISPATCH_LEVEL, &old); // expected-note-re{{IRQL raised to DISPATCH_LEVEL by {{KeRaiseIrql|KfRaiseIrql}}}}
  ExAllocatePoolWithTag(PagedPool, 64, TAG); // expected-warning-re{{ExAllocatePoolWithTag allocates paged pool at DISPATCH_LEVEL (the IRQL was raised to DISPATCH_LEVEL by {{KeRaiseIrql|KfRaiseIrql}})}} expected-note-re{{ExAllocatePoolWithTag allocates paged pool at DISPATCH_LEVEL (the IRQL was raised to DISPATCH_LEVEL by {{KeRaiseIrql|KfRaiseIrql}})}}
  if (raise)
    KeLowerIrql(old);
  return STATUS_SUCCESS;
}

// Unknown entry IRQL: nothing until the function raises it itself.
void UnknownIrql(PKSPIN_LOCK lock) {
  KIRQL old;
  ExAllocatePoolWithTag(PagedPool, 64, TAG); // no-warning
  KeAcquireSpinLock(lock, &old); // expected-note-re{{IRQL raised to DISPATCH_LEVEL by {{KeAcquireSpinLock|KeAcquireSpinLockRaiseToDpc}}}}
  ExAllocatePoolWithTag(PagedPool, 64, TAG); // expected-warning-re{{ExAllocatePoolWithTag allocates paged pool at DISPATCH_LEVEL (the IRQL was raised to DISPATCH_LEVEL by {{KeAcquireSpinLock|KeAcquireSpinLockRaiseToDpc}})}} expected-note-re{{ExAllocatePoolWithTag allocates paged pool at DISPATCH_LEVEL (the IRQL was raised to DISPATCH_LEVEL by {{KeAcquireSpinLock|KeAcquireSpinLockRaiseToDpc}})}}
  KeReleaseSpinLock(lock, old);
}

// ---- lookaside lists: the list's pool type flows to its allocations --------

void PagedLookaside(WDFDEVICE Device, PKSPIN_LOCK lock) {
  WDFLOOKASIDE lookaside;
  WDFMEMORY memory;
  KIRQL old;
  if (!NT_SUCCESS(WdfLookasideListCreate(WDF_NO_OBJECT_ATTRIBUTES, 256, PagedPool, WDF_NO_OBJECT_ATTRIBUTES, TAG, &lookaside))) // expected-note{{Assuming the condition is true}} expected-note{{Taking false branch}}
    return;
  KeAcquireSpinLock(lock, &old); // expected-note-re{{IRQL raised to DISPATCH_LEVEL by {{KeAcquireSpinLock|KeAcquireSpinLockRaiseToDpc}}}}
  WdfMemoryCreateFromLookaside(lookaside, &memory); // expected-warning-re{{WdfMemoryCreateFromLookaside allocates paged pool at DISPATCH_LEVEL (the IRQL was raised to DISPATCH_LEVEL by {{KeAcquireSpinLock|KeAcquireSpinLockRaiseToDpc}})}} expected-note-re{{WdfMemoryCreateFromLookaside allocates paged pool at DISPATCH_LEVEL (the IRQL was raised to DISPATCH_LEVEL by {{KeAcquireSpinLock|KeAcquireSpinLockRaiseToDpc}})}}
  KeReleaseSpinLock(lock, old);
}

void NonPagedLookaside(WDFDEVICE Device, PKSPIN_LOCK lock) {
  WDFLOOKASIDE lookaside;
  WDFMEMORY memory;
  KIRQL old;
  if (!NT_SUCCESS(WdfLookasideListCreate(WDF_NO_OBJECT_ATTRIBUTES, 256, NonPagedPoolNx, WDF_NO_OBJECT_ATTRIBUTES, TAG, &lookaside)))
    return;
  KeAcquireSpinLock(lock, &old);
  WdfMemoryCreateFromLookaside(lookaside, &memory); // no-warning
  KeReleaseSpinLock(lock, old);
}

EVT_WDF_DPC DpcLookaside;
VOID DpcLookaside(WDFDPC Dpc) {
  DEVICE_LOCKS *locks = GetLocks(Dpc);
  WDFMEMORY memory;
  WdfMemoryCreateFromLookaside(locks->Lookaside, &memory); // no-warning
}

// An unknown pool type is held to the limit of any pool only.
EVT_WDF_DPC DpcUnknownPool;
VOID DpcUnknownPool(WDFDPC Dpc) {
  DEVICE_LOCKS *locks = GetLocks(Dpc);
  ExAllocatePoolWithTag((POOL_TYPE)locks->Lock, 64, TAG); // no-warning
}
