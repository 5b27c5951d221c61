// A read callback that zeroes its reply before filling half of it.
#include <ntddk.h>
#include <wdf.h>

typedef struct {
  ULONG Version;
  ULONG Reserved;
} REPLY;

EVT_WDF_IO_QUEUE_IO_READ EvtRead;
VOID EvtRead(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  REPLY reply;
  REPLY *out;
  RtlZeroMemory(&reply, sizeof reply);
  reply.Version = 1;
  if (!NT_SUCCESS(WdfRequestRetrieveOutputBuffer(Request, sizeof reply, (PVOID *)&out, NULL))) {
    WdfRequestComplete(Request, STATUS_BUFFER_TOO_SMALL);
    return;
  }
  *out = reply;
  WdfRequestCompleteWithInformation(Request, STATUS_SUCCESS, sizeof reply);
}
