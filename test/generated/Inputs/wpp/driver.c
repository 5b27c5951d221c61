// A WPP-traced driver source: trace.h, then the generated driver.tmh (or the
// other way round with -DTMH_FIRST).  TraceEvents comes from the project's
// <WppTraceFunction>, TraceDevice and Hexdump from trace.h's config block.
#include <ntddk.h>
#include <wdf.h>
#ifdef TMH_FIRST
#include "driver.tmh"
#include "trace.h"
#else
#include "trace.h"
#include "driver.tmh"
#endif

typedef struct _IO_STATE { ULONG Length; } IO_STATE;

NTSTATUS Fill(WDFMEMORY Memory, ULONG Length) {
  IO_STATE state = {Length};
  TraceEvents(TRACE_LEVEL_VERBOSE, FLAG_IO, "%!FUNC! memory %p", Memory);
  TraceEvents(TRACE_LEVEL_ERROR, FLAG_INIT | FLAG_IO, "no arguments");
  TraceDevice(FLAG_IO, "length %u state %!IOSTATE!", Length, state.Length);
  Hexdump((TRACE_LEVEL_INFORMATION, FLAG_IO, "%!HEXDUMP!", &state, sizeof state));
  return STATUS_SUCCESS;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath) {
  WPP_INIT_TRACING(DriverObject, RegistryPath);
  TraceEvents(TRACE_LEVEL_INFORMATION, FLAG_INIT, "DriverEntry");
  WPP_CLEANUP(DriverObject);
  return STATUS_SUCCESS;
}
