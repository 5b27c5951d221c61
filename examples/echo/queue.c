/*
 * queue.c - the I/O queue of the echo driver: writes are kept, reads echo
 * the last write back, IOCTLs report statistics and set a byte filter.
 */
#include "echo.h"

NTSTATUS EchoQueueInitialize(WDFDEVICE Device) {
  WDF_IO_QUEUE_CONFIG config;
  WDF_OBJECT_ATTRIBUTES attributes;
  DEVICE_CONTEXT *context = DeviceGetContext(Device);
  NTSTATUS status;

  WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
  attributes.ParentObject = Device;
  status = WdfSpinLockCreate(&attributes, &context->StatsLock);
  if (!NT_SUCCESS(status))
    return status;
  WDF_IO_QUEUE_CONFIG_INIT_DEFAULT_QUEUE(&config, WdfIoQueueDispatchSequential);
  config.EvtIoRead = EchoEvtIoRead;
  config.EvtIoWrite = EchoEvtIoWrite;
  config.EvtIoDeviceControl = EchoEvtIoDeviceControl;
  return WdfIoQueueCreate(Device, &config, WDF_NO_OBJECT_ATTRIBUTES,
                          &context->Queue);
}

VOID EchoEvtIoWrite(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  DEVICE_CONTEXT *context = DeviceGetContext(WdfIoQueueGetDevice(Queue));
  WDF_OBJECT_ATTRIBUTES attributes;
  WDFMEMORY input, copy;
  PVOID buffer;
  NTSTATUS status;

  if (Length > ECHO_MAX_WRITE) {
    WdfRequestComplete(Request, STATUS_INVALID_BUFFER_SIZE);
    return;
  }
  status = WdfRequestRetrieveInputMemory(Request, &input);
  if (!NT_SUCCESS(status)) {
    WdfRequestComplete(Request, status);
    return;
  }
  /* The copy outlives the request: the device owns it. */
  WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
  attributes.ParentObject = WdfIoQueueGetDevice(Queue);
  /* BUG (WM007): NonPagedPool is executable; NonPagedPoolNx serves. */
  status = WdfMemoryCreate(&attributes, NonPagedPool, ECHO_TAG, Length, &copy,
                           &buffer);
  if (!NT_SUCCESS(status)) {
    WdfRequestComplete(Request, status);
    return;
  }
  status = WdfMemoryCopyToBuffer(input, 0, buffer, Length);
  if (!NT_SUCCESS(status)) {
    WdfObjectDelete(copy);
    WdfRequestComplete(Request, status);
    return;
  }
  if (context->LastWrite != NULL)
    WdfObjectDelete(context->LastWrite);
  context->LastWrite = copy;
  context->LastWriteLength = Length;
  context->Writes++;
  WdfRequestCompleteWithInformation(Request, STATUS_SUCCESS, Length);
}

VOID EchoEvtIoRead(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  DEVICE_CONTEXT *context = DeviceGetContext(WdfIoQueueGetDevice(Queue));
  WDFMEMORY output;
  size_t count;
  NTSTATUS status;

  if (context->LastWrite == NULL) {
    WdfRequestCompleteWithInformation(Request, STATUS_SUCCESS, 0);
    return;
  }
  status = WdfRequestRetrieveOutputMemory(Request, &output);
  if (!NT_SUCCESS(status)) {
    WdfRequestComplete(Request, status);
    return;
  }
  count = Length < context->LastWriteLength ? Length : context->LastWriteLength;
  status = WdfMemoryCopyFromBuffer(
      output, 0, WdfMemoryGetBuffer(context->LastWrite, NULL), count);
  context->Reads++;
  WdfRequestCompleteWithInformation(Request, status,
                                    NT_SUCCESS(status) ? count : 0);
}

/* Replaces the byte filter with the table in the request's input buffer. */
static NTSTATUS SetFilter(DEVICE_CONTEXT *context, WDFREQUEST Request,
                          size_t InputLength) {
  ECHO_FILTER_ENTRY *entries, *table;
  size_t count = InputLength / sizeof(ECHO_FILTER_ENTRY);
  NTSTATUS status;

  status = WdfRequestRetrieveInputBuffer(Request, 0, (PVOID *)&entries, NULL);
  if (!NT_SUCCESS(status))
    return status;
  if (count == 0)
    DbgPrint("echo: filter cleared\n");
  /* BUG (WM007): count is 0 on the path above, and so is the size; a
     zero-byte pool allocation is a Driver Verifier violation. */
  table = ExAllocatePool2(POOL_FLAG_NON_PAGED, count * sizeof(ECHO_FILTER_ENTRY),
                          ECHO_TAG);
  if (table == NULL)
    return STATUS_INSUFFICIENT_RESOURCES;
  RtlCopyMemory(table, entries, count * sizeof(ECHO_FILTER_ENTRY));
  if (context->Filter != NULL)
    ExFreePoolWithTag(context->Filter, ECHO_TAG);
  context->Filter = table;
  context->FilterCount = count;
  return STATUS_SUCCESS;
}

VOID EchoEvtIoDeviceControl(WDFQUEUE Queue, WDFREQUEST Request,
                            size_t OutputBufferLength, size_t InputBufferLength,
                            ULONG IoControlCode) {
  DEVICE_CONTEXT *context = DeviceGetContext(WdfIoQueueGetDevice(Queue));
  NTSTATUS status = STATUS_INVALID_DEVICE_REQUEST;
  size_t information = 0;

  UNREFERENCED_PARAMETER(OutputBufferLength);
  switch (IoControlCode) {
  case IOCTL_ECHO_SET_FILTER:
    status = SetFilter(context, Request, InputBufferLength);
    break;
  case IOCTL_ECHO_GET_STATS: {
    ECHO_STATS *stats, *snapshot;
    status = WdfRequestRetrieveOutputBuffer(Request, sizeof(ECHO_STATS),
                                            (PVOID *)&stats, NULL);
    if (!NT_SUCCESS(status))
      break;
    WdfSpinLockAcquire(context->StatsLock);
    /* BUG (WM001): paged pool under a spin lock, at DISPATCH_LEVEL. */
    snapshot = ExAllocatePool2(POOL_FLAG_PAGED, sizeof(ECHO_STATS), ECHO_TAG);
    if (snapshot == NULL) {
      status = STATUS_INSUFFICIENT_RESOURCES;
      /* BUG (WM008): leaves with the spin lock held. */
      break;
    }
    snapshot->Reads = context->Reads;
    snapshot->Writes = context->Writes;
    WdfSpinLockRelease(context->StatsLock);
    *stats = *snapshot;
    ExFreePoolWithTag(snapshot, ECHO_TAG);
    information = sizeof(ECHO_STATS);
    break;
  }
  default:
    break;
  }
  WdfRequestCompleteWithInformation(Request, status, information);
}
