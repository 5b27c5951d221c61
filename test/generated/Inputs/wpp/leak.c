// A WDFMEMORY handle that is only passed to a trace call: the trace is a
// use of the handle (its argument stays in the program), and it does not
// hand the object on, so the lost handle is still a leak (WM004).
#include <ntddk.h>
#include <wdf.h>
#include "trace.h"
#include "leak.tmh"

NTSTATUS TracedThenLost(ULONG Length) {
  WDFMEMORY memory;
  NTSTATUS status = WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, NonPagedPoolNx,
                                    'tseT', Length, &memory, NULL);
  if (!NT_SUCCESS(status))
    return status;
  TraceEvents(TRACE_LEVEL_VERBOSE, FLAG_IO, "created %p", memory);
  return STATUS_SUCCESS;
}

NTSTATUS DumpedThenLost(ULONG Length) {
  WDFMEMORY memory;
  NTSTATUS status = WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, NonPagedPoolNx,
                                    'tseT', Length, &memory, NULL);
  if (!NT_SUCCESS(status))
    return status;
  Hexdump((TRACE_LEVEL_VERBOSE, FLAG_IO, "created %p", memory));
  return STATUS_SUCCESS;
}

NTSTATUS NotTracedLost(ULONG Length) {
  WDFMEMORY memory;
  NTSTATUS status = WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, NonPagedPoolNx,
                                    'tseT', Length, &memory, NULL);
  if (!NT_SUCCESS(status))
    return status;
  return STATUS_SUCCESS;
}

NTSTATUS DeletedThenTraced(ULONG Length) {
  WDFMEMORY memory;
  NTSTATUS status = WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, NonPagedPoolNx,
                                    'tseT', Length, &memory, NULL);
  if (!NT_SUCCESS(status))
    return status;
  WdfObjectDelete(memory);
  TraceEvents(TRACE_LEVEL_VERBOSE, FLAG_IO, "deleted %p", memory);
  return STATUS_SUCCESS;
}
