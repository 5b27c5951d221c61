// Execution levels follow the order of the code when a config or attributes
// variable is reused for several queues.
// RUN: %wdf_analyze -analyzer-output=text-minimal -analyzer-checker=debug.wdf.IrqlEntry -verify %s
// RUN: %wdf_analyze -analyzer-output=text-minimal -analyzer-checker=debug.wdf.IrqlEntry -verify %wdk_shape %s
#include <ntddk.h>
#include <wdf.h>

VOID FirstRead(WDFQUEUE Q, WDFREQUEST R, size_t L) {} // expected-warning{{entry IRQL PASSIVE_LEVEL from role EVT_WDF_IO_QUEUE_IO_READ (EvtIoRead) narrowed by passive execution level}}
VOID SecondRead(WDFQUEUE Q, WDFREQUEST R, size_t L) {} // expected-warning{{entry IRQL PASSIVE_LEVEL or DISPATCH_LEVEL from role EVT_WDF_IO_QUEUE_IO_READ (EvtIoRead)}}
VOID ThirdRead(WDFQUEUE Q, WDFREQUEST R, size_t L) {} // expected-warning{{entry IRQL PASSIVE_LEVEL from role EVT_WDF_IO_QUEUE_IO_READ (EvtIoRead) narrowed by passive execution level}}

NTSTATUS CreateQueues(WDFDEVICE Device) { // expected-warning{{entry IRQL unknown}}
  WDF_IO_QUEUE_CONFIG config;
  WDF_OBJECT_ATTRIBUTES attributes;
  WDFQUEUE q;
  // One config, one attributes variable, three queues.
  WDF_IO_QUEUE_CONFIG_INIT(&config, WdfIoQueueDispatchSequential);
  config.EvtIoRead = FirstRead;
  WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
  attributes.ExecutionLevel = WdfExecutionLevelPassive;
  WdfIoQueueCreate(Device, &config, &attributes, &q);

  WDF_IO_QUEUE_CONFIG_INIT(&config, WdfIoQueueDispatchSequential);
  config.EvtIoRead = SecondRead;
  attributes.ExecutionLevel = WdfExecutionLevelDispatch;
  WdfIoQueueCreate(Device, &config, &attributes, &q);

  WDF_IO_QUEUE_CONFIG_INIT(&config, WdfIoQueueDispatchSequential);
  config.EvtIoRead = ThirdRead;
  attributes.ExecutionLevel = WdfExecutionLevelPassive;
  return WdfIoQueueCreate(Device, &config, &attributes, &q);
}
