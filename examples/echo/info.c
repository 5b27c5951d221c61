/*
 * info.c - the echo driver's internal queue: other drivers ask it for
 * information about the device with internal IOCTLs.
 */
#include "echo.h"

#define IOCTL_ECHO_GET_INFO 0x00222010u

typedef struct _ECHO_INFO {
  ULONG Version;
  ULONG64 LastWriteLength; /* 4 bytes of padding before this field */
} ECHO_INFO;

EVT_WDF_IO_QUEUE_IO_INTERNAL_DEVICE_CONTROL EchoEvtIoInternalDeviceControl;

/* Keeps a copy of each request's input for the trace log. */
static VOID TraceRequest(WDFREQUEST Request, size_t InputLength) {
  WDFMEMORY record;
  PVOID input;

  if (InputLength == 0 ||
      !NT_SUCCESS(WdfRequestRetrieveInputBuffer(Request, InputLength, &input,
                                                NULL)))
    return;
  /* BUG (WM004): the record has no parent and its handle is dropped: one
     leaks per request until the driver unloads. */
  if (NT_SUCCESS(WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, NonPagedPoolNx,
                                 ECHO_TAG, InputLength, &record, NULL)))
    WdfMemoryCopyFromBuffer(record, 0, input, InputLength);
}

VOID EchoEvtIoInternalDeviceControl(WDFQUEUE Queue, WDFREQUEST Request,
                                    size_t OutputBufferLength,
                                    size_t InputBufferLength,
                                    ULONG IoControlCode) {
  DEVICE_CONTEXT *context = DeviceGetContext(WdfIoQueueGetDevice(Queue));
  ECHO_INFO info;
  PVOID output;
  NTSTATUS status;

  UNREFERENCED_PARAMETER(OutputBufferLength);
  TraceRequest(Request, InputBufferLength);
  if (IoControlCode != IOCTL_ECHO_GET_INFO) {
    WdfRequestComplete(Request, STATUS_INVALID_DEVICE_REQUEST);
    return;
  }
  status = WdfRequestRetrieveOutputBuffer(Request, sizeof(ECHO_INFO), &output,
                                          NULL);
  if (!NT_SUCCESS(status)) {
    WdfRequestComplete(Request, status);
    return;
  }
  info.Version = 1;
  info.LastWriteLength = context->LastWriteLength;
  /* BUG (WM003): the padding after Version was never written and goes to
     the caller. */
  RtlCopyMemory(output, &info, sizeof info);
  WdfRequestCompleteWithInformation(Request, STATUS_SUCCESS, sizeof info);
}

NTSTATUS EchoInfoQueueInitialize(WDFDEVICE Device) {
  WDF_IO_QUEUE_CONFIG config;
  WDFQUEUE queue;

  WDF_IO_QUEUE_CONFIG_INIT(&config, WdfIoQueueDispatchParallel);
  config.EvtIoInternalDeviceControl = EchoEvtIoInternalDeviceControl;
  return WdfIoQueueCreate(Device, &config, WDF_NO_OBJECT_ATTRIBUTES, &queue);
}
