/* queue.c - DriverEntry, the device and its device controls. */
#include "tally.h"

/* A failed request is counted and the callback returns early: the unlock
   is skipped, and the callback returns holding the lock lock.c took --
   the last DDI it called. */
static VOID TallyEvtIoDeviceControl(WDFQUEUE Queue, WDFREQUEST Request,
                                    size_t OutputBufferLength,
                                    size_t InputBufferLength,
                                    ULONG IoControlCode) {
  PTALLY_CONTEXT context = TallyGetContext(WdfIoQueueGetDevice(Queue));
  NTSTATUS status = IoControlCode == IOCTL_TALLY_COUNT
                        ? STATUS_SUCCESS
                        : STATUS_INVALID_DEVICE_REQUEST;

  UNREFERENCED_PARAMETER(OutputBufferLength);
  UNREFERENCED_PARAMETER(InputBufferLength);

  WdfRequestComplete(Request, status);
  TallyLock(context);
  context->Completed++;
  if (!NT_SUCCESS(status)) {
    context->Failed++;
    return;
  }
  TallyUnlock(context);
}

/* A write is completed by finish.c under the lock; an empty one returns
   holding it, and the last DDI the callback called is finish.c's. */
static VOID TallyEvtIoWrite(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  PTALLY_CONTEXT context = TallyGetContext(WdfIoQueueGetDevice(Queue));

  TallyLock(context);
  context->Completed++;
  TallyFinish(Request, Length);
  if (Length == 0)
    return;
  TallyUnlock(context);
}

static NTSTATUS TallyEvtDeviceAdd(WDFDRIVER Driver, PWDFDEVICE_INIT DeviceInit) {
  WDF_OBJECT_ATTRIBUTES attributes;
  WDF_IO_QUEUE_CONFIG config;
  PTALLY_CONTEXT context;
  WDFDEVICE device;
  NTSTATUS status;

  UNREFERENCED_PARAMETER(Driver);
  WDF_OBJECT_ATTRIBUTES_INIT_CONTEXT_TYPE(&attributes, TALLY_CONTEXT);
  status = WdfDeviceCreate(&DeviceInit, &attributes, &device);
  if (!NT_SUCCESS(status))
    return status;
  context = TallyGetContext(device);
  WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
  attributes.ParentObject = device;
  status = WdfSpinLockCreate(&attributes, &context->Lock);
  if (!NT_SUCCESS(status))
    return status;
  WDF_IO_QUEUE_CONFIG_INIT_DEFAULT_QUEUE(&config, WdfIoQueueDispatchSequential);
  config.EvtIoDeviceControl = TallyEvtIoDeviceControl;
  config.EvtIoWrite = TallyEvtIoWrite;
  return WdfIoQueueCreate(device, &config, WDF_NO_OBJECT_ATTRIBUTES,
                          WDF_NO_HANDLE);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath) {
  WDF_DRIVER_CONFIG config;
  WDF_DRIVER_CONFIG_INIT(&config, TallyEvtDeviceAdd);
  return WdfDriverCreate(DriverObject, RegistryPath, WDF_NO_OBJECT_ATTRIBUTES,
                         &config, WDF_NO_HANDLE);
}
