#include <ntddk.h>
#include <wdf.h>
#include "roles.h"

NTSTATUS CreateQueues(WDFDEVICE Device) {
  WDF_IO_QUEUE_CONFIG config;
  WDF_OBJECT_ATTRIBUTES attributes;
  NTSTATUS status;

  /* Reads wait for the device: a passive-level queue. */
  WDF_IO_QUEUE_CONFIG_INIT(&config, WdfIoQueueDispatchSequential);
  config.EvtIoRead = EvtPassiveRead;
  WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
  attributes.ExecutionLevel = WdfExecutionLevelPassive;
  status = WdfIoQueueCreate(Device, &config, &attributes, WDF_NO_HANDLE);
  if (!NT_SUCCESS(status))
    return status;

  /* Writes: the default, dispatch-level queue. */
  WDF_IO_QUEUE_CONFIG_INIT(&config, WdfIoQueueDispatchParallel);
  config.EvtIoWrite = EvtDispatchWrite;
  return WdfIoQueueCreate(Device, &config, WDF_NO_OBJECT_ATTRIBUTES,
                          WDF_NO_HANDLE);
}
