// debug.wdf.IrqlEntry: WdfExecutionLevelPassive in the attributes a queue or
// a timer is created with narrows the callbacks registered in its config to
// PASSIVE_LEVEL.  Default attributes, no attributes, an explicit dispatch
// level, or a second creation at dispatch level leave the role's range.
// The report is its own note: text-minimal keeps -verify to the warnings.
// RUN: %wdf_analyze -analyzer-output=text-minimal -analyzer-checker=debug.wdf.IrqlEntry -verify %s
// RUN: %wdf_analyze -analyzer-output=text-minimal -analyzer-checker=debug.wdf.IrqlEntry -verify %wdk_shape %s
#include <ntddk.h>
#include <wdf.h>

VOID PassiveRead(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {} // expected-warning{{entry IRQL PASSIVE_LEVEL from role EVT_WDF_IO_QUEUE_IO_READ (EvtIoRead) narrowed by passive execution level}}
VOID PassiveIoctl(WDFQUEUE Queue, WDFREQUEST Request, size_t OutputBufferLength, size_t InputBufferLength, ULONG IoControlCode) {} // expected-warning{{entry IRQL PASSIVE_LEVEL from role EVT_WDF_IO_QUEUE_IO_DEVICE_CONTROL (EvtIoDeviceControl) narrowed by passive execution level}}
VOID DefaultRead(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {} // expected-warning{{entry IRQL PASSIVE_LEVEL or DISPATCH_LEVEL from role EVT_WDF_IO_QUEUE_IO_READ (EvtIoRead)}}
VOID NoAttributesRead(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {} // expected-warning{{entry IRQL PASSIVE_LEVEL or DISPATCH_LEVEL from role EVT_WDF_IO_QUEUE_IO_READ (EvtIoRead)}}
VOID DispatchRead(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {} // expected-warning{{entry IRQL PASSIVE_LEVEL or DISPATCH_LEVEL from role EVT_WDF_IO_QUEUE_IO_READ (EvtIoRead)}}
VOID SharedRead(WDFQUEUE Queue, WDFREQUEST Request) {} // expected-warning{{entry IRQL PASSIVE_LEVEL or DISPATCH_LEVEL from role EVT_WDF_IO_QUEUE_IO_DEFAULT (EvtIoDefault)}}
VOID NeverCreatedRead(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {} // expected-warning{{entry IRQL PASSIVE_LEVEL or DISPATCH_LEVEL from role EVT_WDF_IO_QUEUE_IO_READ (EvtIoRead)}}
VOID HelperWrite(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {} // expected-warning{{entry IRQL PASSIVE_LEVEL from role EVT_WDF_IO_QUEUE_IO_WRITE (EvtIoWrite) narrowed by passive execution level}}
VOID PointerRead(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {} // expected-warning{{entry IRQL PASSIVE_LEVEL from role EVT_WDF_IO_QUEUE_IO_READ (EvtIoRead) narrowed by passive execution level}}
VOID DesignatedRead(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {} // expected-warning{{entry IRQL PASSIVE_LEVEL from role EVT_WDF_IO_QUEUE_IO_READ (EvtIoRead) narrowed by passive execution level}}
VOID QueueCleanup(WDFOBJECT Object) {} // expected-warning{{entry IRQL PASSIVE_LEVEL from role EVT_WDF_OBJECT_CONTEXT_CLEANUP (EvtCleanupCallback) narrowed by passive execution level}}
VOID PassiveTimer(WDFTIMER Timer) {} // expected-warning{{entry IRQL PASSIVE_LEVEL from role EVT_WDF_TIMER (EvtTimerFunc) narrowed by passive execution level}}
VOID DefaultTimer(WDFTIMER Timer) {} // expected-warning{{entry IRQL DISPATCH_LEVEL from role EVT_WDF_TIMER (EvtTimerFunc)}}

static void passive_attributes(PWDF_OBJECT_ATTRIBUTES attributes) { // expected-warning{{entry IRQL unknown}}
  WDF_OBJECT_ATTRIBUTES_INIT(attributes);
  attributes->ExecutionLevel = WdfExecutionLevelPassive;
}

static void init_write_queue(PWDF_IO_QUEUE_CONFIG config) { // expected-warning{{entry IRQL unknown}}
  WDF_IO_QUEUE_CONFIG_INIT(config, WdfIoQueueDispatchSequential);
  config->EvtIoWrite = HelperWrite;
}

static NTSTATUS create_queue(WDFDEVICE device, PWDF_IO_QUEUE_CONFIG config, PWDF_OBJECT_ATTRIBUTES attributes) { // expected-warning{{entry IRQL unknown}}
  return WdfIoQueueCreate(device, config, attributes, WDF_NO_HANDLE);
}

NTSTATUS create_queues(WDFDEVICE device) { // expected-warning{{entry IRQL unknown}}
  NTSTATUS status;
  WDFQUEUE queue;
  WDF_IO_QUEUE_CONFIG passive, plain, bare, dispatch, helper, never;
  WDF_OBJECT_ATTRIBUTES passiveAttributes, plainAttributes, dispatchAttributes, helperAttributes;

  WDF_IO_QUEUE_CONFIG_INIT(&passive, WdfIoQueueDispatchParallel);
  passive.EvtIoRead = PassiveRead;
  passive.EvtIoDeviceControl = PassiveIoctl;
  passive.EvtIoDefault = SharedRead;
  WDF_OBJECT_ATTRIBUTES_INIT(&passiveAttributes);
  passiveAttributes.ExecutionLevel = WdfExecutionLevelPassive;
  passiveAttributes.EvtCleanupCallback = QueueCleanup;
  status = WdfIoQueueCreate(device, &passive, &passiveAttributes, &queue);
  if (!NT_SUCCESS(status))
    return status;

  WDF_IO_QUEUE_CONFIG_INIT(&plain, WdfIoQueueDispatchParallel);
  plain.EvtIoRead = DefaultRead;
  plain.EvtIoDefault = SharedRead;
  WDF_OBJECT_ATTRIBUTES_INIT(&plainAttributes);
  status = WdfIoQueueCreate(device, &plain, &plainAttributes, &queue);
  if (!NT_SUCCESS(status))
    return status;

  WDF_IO_QUEUE_CONFIG_INIT(&bare, WdfIoQueueDispatchParallel);
  bare.EvtIoRead = NoAttributesRead;
  status = WdfIoQueueCreate(device, &bare, WDF_NO_OBJECT_ATTRIBUTES, &queue);
  if (!NT_SUCCESS(status))
    return status;

  WDF_IO_QUEUE_CONFIG_INIT(&dispatch, WdfIoQueueDispatchParallel);
  dispatch.EvtIoRead = DispatchRead;
  WDF_OBJECT_ATTRIBUTES_INIT(&dispatchAttributes);
  dispatchAttributes.ExecutionLevel = WdfExecutionLevelDispatch;
  status = WdfIoQueueCreate(device, &dispatch, &dispatchAttributes, &queue);
  if (!NT_SUCCESS(status))
    return status;

  // Configuration, attributes and creation each in a helper.
  init_write_queue(&helper);
  passive_attributes(&helperAttributes);
  status = create_queue(device, &helper, &helperAttributes);
  if (!NT_SUCCESS(status))
    return status;

  WDF_IO_QUEUE_CONFIG_INIT(&never, WdfIoQueueDispatchParallel);
  never.EvtIoRead = NeverCreatedRead;
  return STATUS_SUCCESS;
}

// Registration and execution level through local pointers.
NTSTATUS create_through_pointers(WDFDEVICE device) { // expected-warning{{entry IRQL unknown}}
  WDF_IO_QUEUE_CONFIG config;
  WDF_OBJECT_ATTRIBUTES attributes;
  PWDF_IO_QUEUE_CONFIG pConfig = &config;
  PWDF_OBJECT_ATTRIBUTES pAttributes = &attributes;
  WDF_IO_QUEUE_CONFIG_INIT(pConfig, WdfIoQueueDispatchSequential);
  pConfig->EvtIoRead = PointerRead;
  WDF_OBJECT_ATTRIBUTES_INIT(pAttributes);
  pAttributes->ExecutionLevel = WdfExecutionLevelPassive;
  return WdfIoQueueCreate(device, &config, &attributes, WDF_NO_HANDLE);
}

// Configuration and attributes written as initialiser lists.
NTSTATUS create_designated(WDFDEVICE device) { // expected-warning{{entry IRQL unknown}}
  WDF_IO_QUEUE_CONFIG config = {.Size = sizeof(WDF_IO_QUEUE_CONFIG),
                                .DispatchType = WdfIoQueueDispatchSequential,
                                .EvtIoRead = DesignatedRead};
  WDF_OBJECT_ATTRIBUTES attributes = {.Size = sizeof(WDF_OBJECT_ATTRIBUTES),
                                      .ExecutionLevel = WdfExecutionLevelPassive,
                                      .SynchronizationScope = WdfSynchronizationScopeInheritFromParent};
  return WdfIoQueueCreate(device, &config, &attributes, WDF_NO_HANDLE);
}

// A timer's own attributes decide its callback's level.
NTSTATUS create_timers(WDFDEVICE device) { // expected-warning{{entry IRQL unknown}}
  WDF_TIMER_CONFIG passiveConfig, defaultConfig;
  WDF_OBJECT_ATTRIBUTES passiveAttributes, defaultAttributes;
  WDFTIMER timer;
  NTSTATUS status;

  WDF_TIMER_CONFIG_INIT(&passiveConfig, PassiveTimer);
  WDF_OBJECT_ATTRIBUTES_INIT(&passiveAttributes);
  passiveAttributes.ParentObject = device;
  passiveAttributes.ExecutionLevel = WdfExecutionLevelPassive;
  status = WdfTimerCreate(&passiveConfig, &passiveAttributes, &timer);
  if (!NT_SUCCESS(status))
    return status;

  WDF_TIMER_CONFIG_INIT(&defaultConfig, DefaultTimer);
  WDF_OBJECT_ATTRIBUTES_INIT(&defaultAttributes);
  defaultAttributes.ParentObject = device;
  return WdfTimerCreate(&defaultConfig, &defaultAttributes, &timer);
}
