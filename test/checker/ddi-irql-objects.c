// WM008 wdf.DdiIrql where the object a callback belongs to sets its IRQL:
// cleanup callbacks of objects KMDF disposes at PASSIVE_LEVEL, I/O callbacks
// of a queue under the framework's callback spin lock; and a DDI whose
// documented limit is stricter than what the framework needs.
// RUN: %wdf_analyze -analyzer-checker=wdf.DdiIrql -verify %s
// RUN: %wdf_analyze -analyzer-checker=wdf.DdiIrql -verify %wdk_shape %s
// RUN: %wdf_analyze -analyzer-checker=wdf.DdiIrql -verify %msvc %s
#include <ntddk.h>
#include <wdf.h>

typedef struct {
  WDFWAITLOCK WaitLock;
} DEVICE_CONTEXT;
WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(DEVICE_CONTEXT, GetContext)

// ---- cleanup callbacks ----------------------------------------------------------

// A device is disposed at PASSIVE_LEVEL: its cleanup may wait.
VOID DeviceCleanup(WDFOBJECT Object) {
  DEVICE_CONTEXT *ctx = GetContext(Object);
  WdfWaitLockAcquire(ctx->WaitLock, NULL); // no-warning
  WdfWaitLockRelease(ctx->WaitLock);
}

// A spin lock object may be disposed at DISPATCH_LEVEL.
VOID LockCleanup(WDFOBJECT Object) { // expected-note{{entered at PASSIVE_LEVEL or DISPATCH_LEVEL (role: EVT_WDF_OBJECT_CONTEXT_CLEANUP)}}
  DEVICE_CONTEXT *ctx = GetContext(Object);
  WdfWaitLockAcquire(ctx->WaitLock, NULL); // expected-warning{{WdfWaitLockAcquire is called at DISPATCH_LEVEL (EvtCleanupCallback callbacks can run at DISPATCH_LEVEL) but may only run at PASSIVE_LEVEL or below; set WdfExecutionLevelPassive in the object's attributes or defer the work to a work item}} expected-note{{WdfWaitLockAcquire is called at DISPATCH_LEVEL}}
  WdfWaitLockRelease(ctx->WaitLock);
}

// ---- a queue under its callback spin lock ------------------------------------------

// PAGED_CODE() cannot narrow this: the framework holds a spin lock around
// the call, so the callback runs at DISPATCH_LEVEL whatever it asserts.
VOID LockedIoctl(WDFQUEUE Queue, WDFREQUEST Request, size_t OutputBufferLength, size_t InputBufferLength, ULONG IoControlCode) { // expected-note{{entered at DISPATCH_LEVEL (role: EVT_WDF_IO_QUEUE_IO_DEVICE_CONTROL, under the queue's callback spin lock)}}
  DEVICE_CONTEXT *ctx = GetContext(Queue);
  PAGED_CODE();
  WdfWaitLockAcquire(ctx->WaitLock, NULL); // expected-warning{{WdfWaitLockAcquire is called at DISPATCH_LEVEL (EvtIoDeviceControl callbacks of a queue with a Device or Queue synchronization scope run at DISPATCH_LEVEL) but may only run at PASSIVE_LEVEL or below; give the queue WdfSynchronizationScopeNone or WdfExecutionLevelPassive, or defer the work to a work item}} expected-note{{WdfWaitLockAcquire is called at DISPATCH_LEVEL}}
  WdfWaitLockRelease(ctx->WaitLock);
  WdfRequestComplete(Request, STATUS_SUCCESS);
}

// With a passive execution level the callback lock is a passive one.
VOID PassiveLockedIoctl(WDFQUEUE Queue, WDFREQUEST Request, size_t OutputBufferLength, size_t InputBufferLength, ULONG IoControlCode) {
  DEVICE_CONTEXT *ctx = GetContext(Queue);
  WdfWaitLockAcquire(ctx->WaitLock, NULL); // no-warning
  WdfWaitLockRelease(ctx->WaitLock);
  WdfRequestComplete(Request, STATUS_SUCCESS);
}

NTSTATUS AddDevice(WDFDRIVER Driver, PWDFDEVICE_INIT DeviceInit) {
  WDF_OBJECT_ATTRIBUTES attributes;
  WDF_IO_QUEUE_CONFIG config;
  WDFDEVICE device;
  WDFQUEUE queue;
  WDFSPINLOCK lock;
  NTSTATUS status;

  WDF_OBJECT_ATTRIBUTES_INIT_CONTEXT_TYPE(&attributes, DEVICE_CONTEXT);
  attributes.EvtCleanupCallback = DeviceCleanup;
  status = WdfDeviceCreate(&DeviceInit, &attributes, &device);
  if (!NT_SUCCESS(status))
    return status;

  WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
  attributes.ParentObject = device;
  attributes.EvtCleanupCallback = LockCleanup;
  status = WdfSpinLockCreate(&attributes, &lock);
  if (!NT_SUCCESS(status))
    return status;

  WDF_IO_QUEUE_CONFIG_INIT_DEFAULT_QUEUE(&config, WdfIoQueueDispatchParallel);
  config.EvtIoDeviceControl = LockedIoctl;
  WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
  attributes.SynchronizationScope = WdfSynchronizationScopeQueue;
  status = WdfIoQueueCreate(device, &config, &attributes, &queue);
  if (!NT_SUCCESS(status))
    return status;

  WDF_IO_QUEUE_CONFIG_INIT(&config, WdfIoQueueDispatchParallel);
  config.EvtIoDeviceControl = PassiveLockedIoctl;
  WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
  attributes.SynchronizationScope = WdfSynchronizationScopeQueue;
  attributes.ExecutionLevel = WdfExecutionLevelPassive;
  return WdfIoQueueCreate(device, &config, &attributes, &queue);
}

// ---- the limit that matters -----------------------------------------------------

// WdfInterruptGetInfo is documented (and annotated) <= DISPATCH_LEVEL, but
// the framework only copies a cached structure: drivers call it in the ISR
// and nothing breaks.  Declared here as a driver's own header may do.
typedef struct { ULONG Size; ULONG64 Reserved1; ULONG MessageNumber; KIRQL Irql; } MY_INTERRUPT_INFO;
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID WdfInterruptGetInfo(_In_ WDFINTERRUPT Interrupt, _Inout_ MY_INTERRUPT_INFO *Info);

EVT_WDF_INTERRUPT_ISR InfoIsr;
BOOLEAN InfoIsr(WDFINTERRUPT Interrupt, ULONG MessageID) { // expected-note 2 {{entered at DIRQL (role: EVT_WDF_INTERRUPT_ISR)}}
  MY_INTERRUPT_INFO info;
  DEVICE_CONTEXT *ctx = GetContext(WdfInterruptGetDevice(Interrupt));
  info.Size = sizeof(info);
  WdfInterruptGetInfo(Interrupt, &info); // no-warning
  WdfWaitLockAcquire(ctx->WaitLock, NULL); // expected-warning{{WdfWaitLockAcquire is called at DIRQL (EvtInterruptIsr callbacks can run at DIRQL) but may only run at PASSIVE_LEVEL or below; defer the work to the interrupt's DPC or work item}} expected-note{{WdfWaitLockAcquire is called at DIRQL}}
  WdfWaitLockRelease(ctx->WaitLock); // expected-warning{{WdfWaitLockRelease is called at DIRQL (EvtInterruptIsr callbacks can run at DIRQL) but may only run at DISPATCH_LEVEL or below}} expected-note{{WdfWaitLockRelease is called at DIRQL}}
  return info.Irql != 0;
}
