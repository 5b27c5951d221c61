/* A traced driver: compiles only with the headers its build generates
   (traced.tmh from WPP, tracedlog.h from mc). */
#include <ntddk.h>
#include <wdf.h>
#include "trace.h"
#include "tracedlog.h"
#include "traced.tmh"

#define TAG 'dcrT'

NTSTATUS ReadFailure(void) { return TRACED_READ_FAILED; }

EVT_WDF_IO_QUEUE_IO_READ TracedEvtIoRead;
VOID TracedEvtIoRead(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  WDFMEMORY memory;
  NTSTATUS status = WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, NonPagedPoolNx,
                                    TAG, 64, &memory, NULL);
  if (!NT_SUCCESS(status)) {
    TraceEvents(TRACE_LEVEL_ERROR, TRACE_QUEUE, "create failed %!STATUS!",
                status);
    WdfRequestComplete(Request, ReadFailure());
    return;
  }
  /* Printed, not kept: the memory object is still lost below. */
  DoTrace(TRACE_LEVEL_INFORMATION, "memory %p", memory);
  WdfRequestComplete(Request, STATUS_SUCCESS);
}
