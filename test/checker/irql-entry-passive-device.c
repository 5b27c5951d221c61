// debug.wdf.IrqlEntry: a device created with WdfExecutionLevelPassive makes
// the I/O callbacks of every queue of the translation unit PASSIVE_LEVEL,
// except those of a queue whose own attributes ask for the dispatch level.
// Timers, DPCs and callbacks never given to WdfIoQueueCreate keep their
// role's range.
// The report is its own note: text-minimal keeps -verify to the warnings.
// RUN: %wdf_analyze -analyzer-output=text-minimal -analyzer-checker=debug.wdf.IrqlEntry -verify %s
// RUN: %wdf_analyze -analyzer-output=text-minimal -analyzer-checker=debug.wdf.IrqlEntry -verify %wdk_shape %s
#include <ntddk.h>
#include <wdf.h>

EVT_WDF_DRIVER_DEVICE_ADD OnDeviceAdd;
EVT_WDF_IO_QUEUE_IO_READ OnRead;
EVT_WDF_IO_QUEUE_IO_WRITE OnWrite;
EVT_WDF_IO_QUEUE_IO_DEVICE_CONTROL OnIoctl;
EVT_WDF_IO_QUEUE_IO_STOP OnStop;
EVT_WDF_TIMER OnTimer;
EVT_WDF_DPC OnDpc;

VOID OnRead(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {} // expected-warning{{entry IRQL PASSIVE_LEVEL from role EVT_WDF_IO_QUEUE_IO_READ (EvtIoRead) narrowed by passive execution level}}
VOID OnWrite(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {} // expected-warning{{entry IRQL PASSIVE_LEVEL from role EVT_WDF_IO_QUEUE_IO_WRITE (EvtIoWrite) narrowed by passive execution level}}
VOID OnIoctl(WDFQUEUE Queue, WDFREQUEST Request, size_t OutputBufferLength, size_t InputBufferLength, ULONG IoControlCode) {} // expected-warning{{entry IRQL PASSIVE_LEVEL or DISPATCH_LEVEL from role EVT_WDF_IO_QUEUE_IO_DEVICE_CONTROL (EvtIoDeviceControl)}}
VOID OnStop(WDFQUEUE Queue, WDFREQUEST Request, ULONG ActionFlags) {} // expected-warning{{entry IRQL PASSIVE_LEVEL or DISPATCH_LEVEL from role EVT_WDF_IO_QUEUE_IO_STOP (EvtIoStop)}}
VOID OnTimer(WDFTIMER Timer) {} // expected-warning{{entry IRQL DISPATCH_LEVEL from role EVT_WDF_TIMER (EvtTimerFunc)}}
VOID OnDpc(WDFDPC Dpc) {} // expected-warning{{entry IRQL DISPATCH_LEVEL from role EVT_WDF_DPC (EvtDpcFunc)}}

NTSTATUS OnDeviceAdd(WDFDRIVER Driver, PWDFDEVICE_INIT DeviceInit) { // expected-warning{{entry IRQL PASSIVE_LEVEL from role EVT_WDF_DRIVER_DEVICE_ADD (EvtDriverDeviceAdd)}}
  NTSTATUS status;
  WDFDEVICE device;
  WDF_OBJECT_ATTRIBUTES deviceAttributes, dispatchAttributes, inheritAttributes, timerAttributes;
  WDF_IO_QUEUE_CONFIG defaultQueue, dispatchQueue, inheritQueue, unusedQueue;
  WDF_TIMER_CONFIG timer;
  WDF_DPC_CONFIG dpc;
  WDFTIMER timerHandle;

  WDF_OBJECT_ATTRIBUTES_INIT(&deviceAttributes);
  deviceAttributes.ExecutionLevel = WdfExecutionLevelPassive;
  status = WdfDeviceCreate(&DeviceInit, &deviceAttributes, &device);
  if (!NT_SUCCESS(status))
    return status;

  // No attributes: inherits the device's level.
  WDF_IO_QUEUE_CONFIG_INIT_DEFAULT_QUEUE(&defaultQueue, WdfIoQueueDispatchParallel);
  defaultQueue.EvtIoRead = OnRead;
  status = WdfIoQueueCreate(device, &defaultQueue, WDF_NO_OBJECT_ATTRIBUTES, WDF_NO_HANDLE);
  if (!NT_SUCCESS(status))
    return status;

  // Its own attributes ask for the dispatch level.
  WDF_IO_QUEUE_CONFIG_INIT(&dispatchQueue, WdfIoQueueDispatchParallel);
  dispatchQueue.EvtIoDeviceControl = OnIoctl;
  WDF_OBJECT_ATTRIBUTES_INIT(&dispatchAttributes);
  dispatchAttributes.ExecutionLevel = WdfExecutionLevelDispatch;
  status = WdfIoQueueCreate(device, &dispatchQueue, &dispatchAttributes, WDF_NO_HANDLE);
  if (!NT_SUCCESS(status))
    return status;

  // Attributes that inherit explicitly.
  WDF_IO_QUEUE_CONFIG_INIT(&inheritQueue, WdfIoQueueDispatchManual);
  inheritQueue.EvtIoWrite = OnWrite;
  WDF_OBJECT_ATTRIBUTES_INIT(&inheritAttributes);
  inheritAttributes.ExecutionLevel = WdfExecutionLevelInheritFromParent;
  status = WdfIoQueueCreate(device, &inheritQueue, &inheritAttributes, WDF_NO_HANDLE);
  if (!NT_SUCCESS(status))
    return status;

  // Never given to WdfIoQueueCreate in this file.
  WDF_IO_QUEUE_CONFIG_INIT(&unusedQueue, WdfIoQueueDispatchManual);
  unusedQueue.EvtIoStop = OnStop;

  // Timers and DPCs are not I/O queue callbacks.
  WDF_TIMER_CONFIG_INIT(&timer, OnTimer);
  WDF_OBJECT_ATTRIBUTES_INIT(&timerAttributes);
  timerAttributes.ParentObject = device;
  status = WdfTimerCreate(&timer, &timerAttributes, &timerHandle);
  if (!NT_SUCCESS(status))
    return status;
  WDF_DPC_CONFIG_INIT(&dpc, OnDpc);
  return STATUS_SUCCESS;
}
