// debug.wdf.IrqlEntry: what the object a callback belongs to says about its
// IRQL.
//  - A queue with SynchronizationScope Device or Queue at dispatch execution
//    level runs its I/O callbacks under the framework's callback spin lock:
//    DISPATCH_LEVEL only.  The scope is the queue's own, or its device's when
//    the queue inherits it (when every device of the file sets it); a
//    passive execution level makes the lock a passive one (PASSIVE_LEVEL).
//  - EvtCleanupCallback runs at PASSIVE_LEVEL for the objects KMDF disposes
//    at passive level (driver, device, queue, timer, DPC, interrupt, work
//    item, paged memory and lookaside lists) and for objects whose
//    attributes say WdfExecutionLevelPassive; PASSIVE_LEVEL or
//    DISPATCH_LEVEL for the others.  EvtDestroyCallback is PASSIVE_LEVEL only
//    where the callbacks are passive (driver, work item, paged memory,
//    execution level passive).
// The report is its own note: text-minimal keeps -verify to the warnings.
// RUN: %wdf_analyze -analyzer-output=text-minimal -analyzer-checker=debug.wdf.IrqlEntry -verify %s
// RUN: %wdf_analyze -analyzer-output=text-minimal -analyzer-checker=debug.wdf.IrqlEntry -verify %wdk_shape %s
#include <ntddk.h>
#include <wdf.h>

// ---- synchronization scope ----------------------------------------------------

VOID LockedRead(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {} // expected-warning{{entry IRQL DISPATCH_LEVEL from role EVT_WDF_IO_QUEUE_IO_READ (EvtIoRead) narrowed by the callback lock}}
VOID LockedStop(WDFQUEUE Queue, WDFREQUEST Request, ULONG ActionFlags) {} // expected-warning{{entry IRQL DISPATCH_LEVEL from role EVT_WDF_IO_QUEUE_IO_STOP (EvtIoStop) narrowed by the callback lock}}
VOID DeviceLockedWrite(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {} // expected-warning{{entry IRQL DISPATCH_LEVEL from role EVT_WDF_IO_QUEUE_IO_WRITE (EvtIoWrite) narrowed by the callback lock}}
VOID UnlockedRead(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {} // expected-warning{{entry IRQL PASSIVE_LEVEL or DISPATCH_LEVEL from role EVT_WDF_IO_QUEUE_IO_READ (EvtIoRead)}}
VOID PassiveLockedRead(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {} // expected-warning{{entry IRQL PASSIVE_LEVEL from role EVT_WDF_IO_QUEUE_IO_READ (EvtIoRead) narrowed by passive execution level}}

// ---- the object a cleanup or destroy callback belongs to ------------------------

VOID DeviceCleanup(WDFOBJECT Object) {} // expected-warning{{entry IRQL PASSIVE_LEVEL from role EVT_WDF_OBJECT_CONTEXT_CLEANUP (EvtCleanupCallback) narrowed by its object}}
VOID DeviceDestroy(WDFOBJECT Object) {} // expected-warning{{entry IRQL PASSIVE_LEVEL or DISPATCH_LEVEL from role EVT_WDF_OBJECT_CONTEXT_DESTROY (EvtDestroyCallback)}}
VOID QueueCleanup(WDFOBJECT Object) {} // expected-warning{{entry IRQL PASSIVE_LEVEL from role EVT_WDF_OBJECT_CONTEXT_CLEANUP (EvtCleanupCallback) narrowed by its object}}
VOID TimerCleanup(WDFOBJECT Object) {} // expected-warning{{entry IRQL PASSIVE_LEVEL from role EVT_WDF_OBJECT_CONTEXT_CLEANUP (EvtCleanupCallback) narrowed by its object}}
VOID WorkItemDestroy(WDFOBJECT Object) {} // expected-warning{{entry IRQL PASSIVE_LEVEL from role EVT_WDF_OBJECT_CONTEXT_DESTROY (EvtDestroyCallback) narrowed by its object}}
VOID PagedMemoryCleanup(WDFOBJECT Object) {} // expected-warning{{entry IRQL PASSIVE_LEVEL from role EVT_WDF_OBJECT_CONTEXT_CLEANUP (EvtCleanupCallback) narrowed by its object}}
VOID NonPagedMemoryCleanup(WDFOBJECT Object) {} // expected-warning{{entry IRQL PASSIVE_LEVEL or DISPATCH_LEVEL from role EVT_WDF_OBJECT_CONTEXT_CLEANUP (EvtCleanupCallback)}}
VOID SpinLockCleanup(WDFOBJECT Object) {} // expected-warning{{entry IRQL PASSIVE_LEVEL or DISPATCH_LEVEL from role EVT_WDF_OBJECT_CONTEXT_CLEANUP (EvtCleanupCallback)}}
VOID PassiveSpinLockCleanup(WDFOBJECT Object) {} // expected-warning{{entry IRQL PASSIVE_LEVEL from role EVT_WDF_OBJECT_CONTEXT_CLEANUP (EvtCleanupCallback) narrowed by passive execution level}}
VOID UnknownObjectCleanup(WDFOBJECT Object) {} // expected-warning{{entry IRQL PASSIVE_LEVEL or DISPATCH_LEVEL from role EVT_WDF_OBJECT_CONTEXT_CLEANUP (EvtCleanupCallback)}}
// One callback for a device and a spin lock: the union of the two.
VOID SharedCleanup(WDFOBJECT Object) {} // expected-warning{{entry IRQL PASSIVE_LEVEL or DISPATCH_LEVEL from role EVT_WDF_OBJECT_CONTEXT_CLEANUP (EvtCleanupCallback)}}

VOID OpaqueCreate(PWDF_OBJECT_ATTRIBUTES Attributes);

NTSTATUS AddDevice(WDFDRIVER Driver, PWDFDEVICE_INIT DeviceInit) { // expected-warning{{entry IRQL unknown}}
  WDF_OBJECT_ATTRIBUTES deviceAttributes, queueAttributes, attributes;
  WDF_IO_QUEUE_CONFIG locked, deviceLocked, unlocked, passiveLocked;
  WDF_TIMER_CONFIG timerConfig;
  WDF_WORKITEM_CONFIG workConfig;
  WDFDEVICE device;
  WDFQUEUE queue;
  WDFTIMER timer;
  WDFWORKITEM work;
  WDFMEMORY memory;
  WDFSPINLOCK lock;
  NTSTATUS status;

  WDF_OBJECT_ATTRIBUTES_INIT(&deviceAttributes);
  deviceAttributes.SynchronizationScope = WdfSynchronizationScopeDevice;
  deviceAttributes.EvtCleanupCallback = DeviceCleanup;
  deviceAttributes.EvtDestroyCallback = DeviceDestroy;
  status = WdfDeviceCreate(&DeviceInit, &deviceAttributes, &device);
  if (!NT_SUCCESS(status))
    return status;

  // The queue's own scope.
  WDF_IO_QUEUE_CONFIG_INIT(&locked, WdfIoQueueDispatchParallel);
  locked.EvtIoRead = LockedRead;
  locked.EvtIoStop = LockedStop;
  WDF_OBJECT_ATTRIBUTES_INIT(&queueAttributes);
  queueAttributes.SynchronizationScope = WdfSynchronizationScopeQueue;
  queueAttributes.EvtCleanupCallback = QueueCleanup;
  status = WdfIoQueueCreate(device, &locked, &queueAttributes, &queue);
  if (!NT_SUCCESS(status))
    return status;

  // Inherited from the device.
  WDF_IO_QUEUE_CONFIG_INIT(&deviceLocked, WdfIoQueueDispatchSequential);
  deviceLocked.EvtIoWrite = DeviceLockedWrite;
  status = WdfIoQueueCreate(device, &deviceLocked, WDF_NO_OBJECT_ATTRIBUTES, &queue);
  if (!NT_SUCCESS(status))
    return status;

  // The queue opts out.
  WDF_IO_QUEUE_CONFIG_INIT(&unlocked, WdfIoQueueDispatchParallel);
  unlocked.EvtIoRead = UnlockedRead;
  WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
  attributes.SynchronizationScope = WdfSynchronizationScopeNone;
  status = WdfIoQueueCreate(device, &unlocked, &attributes, &queue);
  if (!NT_SUCCESS(status))
    return status;

  // A passive lock.
  WDF_IO_QUEUE_CONFIG_INIT(&passiveLocked, WdfIoQueueDispatchParallel);
  passiveLocked.EvtIoRead = PassiveLockedRead;
  WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
  attributes.ExecutionLevel = WdfExecutionLevelPassive;
  attributes.SynchronizationScope = WdfSynchronizationScopeQueue;
  status = WdfIoQueueCreate(device, &passiveLocked, &attributes, &queue);
  if (!NT_SUCCESS(status))
    return status;

  WDF_TIMER_CONFIG_INIT(&timerConfig, NULL);
  WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
  attributes.ParentObject = device;
  attributes.EvtCleanupCallback = TimerCleanup;
  status = WdfTimerCreate(&timerConfig, &attributes, &timer);
  if (!NT_SUCCESS(status))
    return status;

  WDF_WORKITEM_CONFIG_INIT(&workConfig, NULL);
  WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
  attributes.ParentObject = device;
  attributes.EvtDestroyCallback = WorkItemDestroy;
  status = WdfWorkItemCreate(&workConfig, &attributes, &work);
  if (!NT_SUCCESS(status))
    return status;

  WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
  attributes.ParentObject = device;
  attributes.EvtCleanupCallback = PagedMemoryCleanup;
  status = WdfMemoryCreate(&attributes, PagedPool, 'tseT', 64, &memory, NULL);
  if (!NT_SUCCESS(status))
    return status;

  WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
  attributes.ParentObject = device;
  attributes.EvtCleanupCallback = NonPagedMemoryCleanup;
  status = WdfMemoryCreate(&attributes, NonPagedPoolNx, 'tseT', 64, &memory, NULL);
  if (!NT_SUCCESS(status))
    return status;

  WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
  attributes.ParentObject = device;
  attributes.EvtCleanupCallback = SpinLockCleanup;
  status = WdfSpinLockCreate(&attributes, &lock);
  if (!NT_SUCCESS(status))
    return status;

  WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
  attributes.ParentObject = device;
  attributes.ExecutionLevel = WdfExecutionLevelPassive;
  attributes.EvtCleanupCallback = PassiveSpinLockCleanup;
  status = WdfSpinLockCreate(&attributes, &lock);
  if (!NT_SUCCESS(status))
    return status;

  WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
  attributes.EvtCleanupCallback = UnknownObjectCleanup;
  OpaqueCreate(&attributes);

  WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
  attributes.ParentObject = device;
  attributes.EvtCleanupCallback = SharedCleanup;
  status = WdfSpinLockCreate(&attributes, &lock);
  if (!NT_SUCCESS(status))
    return status;
  WDF_OBJECT_ATTRIBUTES_INIT(&deviceAttributes);
  deviceAttributes.SynchronizationScope = WdfSynchronizationScopeDevice;
  deviceAttributes.EvtCleanupCallback = SharedCleanup;
  return WdfDeviceCreate(&DeviceInit, &deviceAttributes, &device);
}
