// A completed request is forgotten once nothing can be used through it any
// more (its handle is dead and it owns no live buffer), so that paths that
// differ only in it merge; while one of its buffers is in use, the use after
// completion is still reported.
// RUN: %wdf_analyze -analyzer-checker=wdf.UseAfterDelete -analyzer-output=text-minimal -verify %s
// RUN: %wdf_analyze -analyzer-checker=wdf.UseAfterDelete -analyzer-output=text-minimal -verify %wdk_shape %s
#include <ntddk.h>
#include <wdf.h>

static VOID Finish(WDFREQUEST Request) {
  WdfRequestCompleteWithInformation(Request, STATUS_SUCCESS, sizeof(ULONG));
}

// The request's handle is not used after Finish: the buffer it owns keeps
// the completion known.
EVT_WDF_IO_QUEUE_IO_READ BufferOutlivesHandle;
VOID BufferOutlivesHandle(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  ULONG *out;
  if (!NT_SUCCESS(WdfRequestRetrieveOutputBuffer(Request, sizeof(ULONG), (PVOID *)&out, NULL))) {
    WdfRequestComplete(Request, STATUS_BUFFER_TOO_SMALL);
    return;
  }
  Finish(Request);
  *out = 8; // expected-warning{{buffer of a request used after the request was completed}}
}

// Memory parented to a completed request whose handle is dead is still
// known to be freed.
EVT_WDF_IO_QUEUE_IO_READ ChildOutlivesHandle;
VOID ChildOutlivesHandle(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  WDF_OBJECT_ATTRIBUTES attributes;
  WDFMEMORY memory;
  WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
  attributes.ParentObject = Request;
  if (!NT_SUCCESS(WdfMemoryCreate(&attributes, NonPagedPoolNx, 'tseT', 64, &memory, NULL))) {
    WdfRequestComplete(Request, STATUS_INSUFFICIENT_RESOURCES);
    return;
  }
  Finish(Request);
  WdfMemoryGetBuffer(memory, NULL); // expected-warning{{memory object used after its request was completed, which freed it}}
}

// A request completed in one branch and not in the other: afterwards only
// the other request is used, and nothing is reported.
EVT_WDF_IO_QUEUE_IO_READ CompletedInOneBranch;
VOID CompletedInOneBranch(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  WDFREQUEST next;
  ULONG *out;
  if (NT_SUCCESS(WdfIoQueueRetrieveNextRequest(Queue, &next)))
    WdfRequestComplete(next, STATUS_CANCELLED);
  if (!NT_SUCCESS(WdfRequestRetrieveOutputBuffer(Request, sizeof(ULONG), (PVOID *)&out, NULL))) {
    WdfRequestComplete(Request, STATUS_BUFFER_TOO_SMALL);
    return;
  }
  *out = 8; // no-warning
  WdfRequestCompleteWithInformation(Request, STATUS_SUCCESS, sizeof(ULONG));
}
