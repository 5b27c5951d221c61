// Every IRQL-changing DDI of rules/irql.def, seen through WM001 and WM008:
// in-stack queued spin locks, fast mutexes, interrupt locks,
// KeRaiseIrqlToDpcLevel, KeAcquireSpinLockRaiseToDpc.
// RUN: %wdf_analyze -analyzer-checker=wdf.PoolIrql,wdf.DdiIrql -verify %s
// RUN: %wdf_analyze -analyzer-checker=wdf.PoolIrql,wdf.DdiIrql -verify %wdk_shape %s
#include <ntddk.h>
#include <wdf.h>

typedef struct {
  KSPIN_LOCK Lock;
  FAST_MUTEX Mutex;
  WDFINTERRUPT Interrupt;
  WDFMEMORY Registers;
} CONTEXT;
WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(CONTEXT, GetContext)

EVT_WDF_WORKITEM InStackQueued;
VOID InStackQueued(WDFWORKITEM WorkItem) { // expected-note{{entered at PASSIVE_LEVEL (role: EVT_WDF_WORKITEM)}}
  CONTEXT *ctx = GetContext(WorkItem);
  KLOCK_QUEUE_HANDLE handle;
  KeAcquireInStackQueuedSpinLock(&ctx->Lock, &handle); // expected-note{{IRQL raised to DISPATCH_LEVEL by KeAcquireInStackQueuedSpinLock}}
  ExAllocatePoolWithTag(PagedPool, 16, 'kcoL'); // expected-warning{{ExAllocatePoolWithTag allocates paged pool at DISPATCH_LEVEL (the IRQL was raised to DISPATCH_LEVEL by KeAcquireInStackQueuedSpinLock)}} expected-note{{ExAllocatePoolWithTag allocates paged pool at DISPATCH_LEVEL (the IRQL was raised to DISPATCH_LEVEL by KeAcquireInStackQueuedSpinLock)}}
  KeReleaseInStackQueuedSpinLock(&handle);
  ExAllocatePoolWithTag(PagedPool, 16, 'kcoL'); // no-warning
}

// A fast mutex raises to APC_LEVEL: paged pool is still fine, a wait lock
// (PASSIVE_LEVEL only) is not.
EVT_WDF_WORKITEM FastMutex;
VOID FastMutex(WDFWORKITEM WorkItem) { // expected-note{{entered at PASSIVE_LEVEL (role: EVT_WDF_WORKITEM)}}
  CONTEXT *ctx = GetContext(WorkItem);
  ExAcquireFastMutex(&ctx->Mutex); // expected-note{{IRQL raised to APC_LEVEL by ExAcquireFastMutex}}
  ExAllocatePoolWithTag(PagedPool, 16, 'kcoL'); // no-warning
  WdfWaitLockAcquire(NULL, NULL); // expected-warning{{WdfWaitLockAcquire is called at APC_LEVEL (the IRQL was raised to APC_LEVEL by ExAcquireFastMutex) but may only run at PASSIVE_LEVEL or below; move the call before ExAcquireFastMutex or after the lock is released}} expected-note{{WdfWaitLockAcquire is called at APC_LEVEL (the IRQL was raised to APC_LEVEL by ExAcquireFastMutex) but may only run at PASSIVE_LEVEL or below; move the call before ExAcquireFastMutex or after the lock is released}}
  ExReleaseFastMutex(&ctx->Mutex);
}

// The interrupt lock raises to DIRQL: only DDIs callable at any level.
EVT_WDF_DEVICE_D0_ENTRY InterruptLock;
NTSTATUS InterruptLock(WDFDEVICE Device, WDF_POWER_DEVICE_STATE Previous) { // expected-note{{entered at PASSIVE_LEVEL (role: EVT_WDF_DEVICE_D0_ENTRY)}}
  CONTEXT *ctx = GetContext(Device);
  ULONG value;
  WdfInterruptAcquireLock(ctx->Interrupt); // expected-note{{IRQL raised to DIRQL by WdfInterruptAcquireLock}}
  GetContext(WdfInterruptGetDevice(ctx->Interrupt)); // no-warning
  WdfMemoryCopyToBuffer(ctx->Registers, 0, &value, sizeof value); // expected-warning{{WdfMemoryCopyToBuffer is called at DIRQL (the IRQL was raised to DIRQL by WdfInterruptAcquireLock) but may only run at DISPATCH_LEVEL or below; move the call before WdfInterruptAcquireLock or after the lock is released}} expected-note{{WdfMemoryCopyToBuffer is called at DIRQL (the IRQL was raised to DIRQL by WdfInterruptAcquireLock) but may only run at DISPATCH_LEVEL or below; move the call before WdfInterruptAcquireLock or after the lock is released}}
  WdfInterruptReleaseLock(ctx->Interrupt);
  return STATUS_SUCCESS;
}

EVT_WDF_DEVICE_D0_EXIT RaiseToDpc;
NTSTATUS RaiseToDpc(WDFDEVICE Device, WDF_POWER_DEVICE_STATE Target) { // expected-note{{entered at PASSIVE_LEVEL (role: EVT_WDF_DEVICE_D0_EXIT)}}
  CONTEXT *ctx = GetContext(Device);
  KIRQL old = KeRaiseIrqlToDpcLevel(); // expected-note{{IRQL raised to DISPATCH_LEVEL by KeRaiseIrqlToDpcLevel}}
  KeLowerIrql(old); // expected-note{{IRQL lowered to PASSIVE_LEVEL by KeLowerIrql}}
  old = KeAcquireSpinLockRaiseToDpc(&ctx->Lock); // expected-note{{IRQL raised to DISPATCH_LEVEL by KeAcquireSpinLockRaiseToDpc}}
  ExAllocatePoolWithTag(PagedPool, 16, 'kcoL'); // expected-warning{{ExAllocatePoolWithTag allocates paged pool at DISPATCH_LEVEL (the IRQL was raised to DISPATCH_LEVEL by KeAcquireSpinLockRaiseToDpc)}} expected-note{{ExAllocatePoolWithTag allocates paged pool at DISPATCH_LEVEL (the IRQL was raised to DISPATCH_LEVEL by KeAcquireSpinLockRaiseToDpc)}}
  KeReleaseSpinLock(&ctx->Lock, old);
  return STATUS_SUCCESS;
}

// Releasing a spin lock the path never acquired: the IRQL is unknown after it.
EVT_WDF_DPC ReleaseOnly;
VOID ReleaseOnly(WDFDPC Dpc) {
  CONTEXT *ctx = GetContext(Dpc);
  KLOCK_QUEUE_HANDLE handle;
  KeReleaseInStackQueuedSpinLock(&handle);
  ExAllocatePoolWithTag(PagedPool, 16, 'kcoL'); // no-warning
}
