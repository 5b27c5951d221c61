/*
 * kernel.c - the rest of the kernel a KMDF driver calls: events, waits,
 * debug output, assertions, probing, IofCompleteRequest.
 *
 * One thread runs the model, so a wait on an event nobody will set would
 * block forever: the model reports it as a fault and returns instead.
 * DbgPrint goes to standard error only when asked (wdfrt_set_dbgprint);
 * its format is passed to the C library, which does not know the
 * Windows-only conversions (%wZ, %ws).
 */
#include <stdarg.h>
#include <stdio.h>

#include "wdfrt_internal.h"

static int dbgprint_on;

void wdfrt_set_dbgprint(int on) { dbgprint_on = on; }

static ULONG print(const char *format, va_list args) {
  if (!dbgprint_on)
    return 0;
  fputs("DbgPrint: ", stderr);
  vfprintf(stderr, format, args);
  return 0;
}

ULONG DbgPrint(PCSTR Format, ...) {
  va_list args;
  (void)wdfrt_int_take_site();
  va_start(args, Format);
  ULONG result = print(Format, args);
  va_end(args);
  return result;
}

ULONG DbgPrintEx(ULONG ComponentId, ULONG Level, PCSTR Format, ...) {
  va_list args;
  (void)ComponentId;
  (void)Level;
  (void)wdfrt_int_take_site();
  va_start(args, Format);
  ULONG result = print(Format, args);
  va_end(args);
  return result;
}

VOID NTAPI DbgBreakPoint(VOID) {
  wdfrt_int_site_t site = wdfrt_int_take_site();
  if (dbgprint_on)
    fprintf(stderr, "%s:%d: note: DbgBreakPoint (no debugger here)\n",
            site.file ? site.file : "<unknown>", site.line);
}

VOID NTAPI RtlAssert(PVOID VoidFailedAssertion, PVOID VoidFileName,
                     ULONG LineNumber, PSTR MutableMessage) {
  wdfrt_int_site_t site = {(const char *)VoidFileName, (int)LineNumber};
  (void)wdfrt_int_take_site();
  wdfrt_int_fault(site, "assertion failed: %s%s%s",
                  (const char *)VoidFailedAssertion, MutableMessage ? ": " : "",
                  MutableMessage ? MutableMessage : "");
}

VOID NTAPI ProbeForRead(const volatile VOID *Address, SIZE_T Length,
                        ULONG Alignment) {
  (void)Address;
  (void)Length;
  (void)Alignment;
  (void)wdfrt_int_take_site();
}

VOID NTAPI ProbeForWrite(volatile VOID *Address, SIZE_T Length,
                         ULONG Alignment) {
  (void)Address;
  (void)Length;
  (void)Alignment;
  (void)wdfrt_int_take_site();
}

VOID FASTCALL IofCompleteRequest(PIRP Irp, CCHAR PriorityBoost) {
  (void)Irp;
  (void)PriorityBoost;
  (void)wdfrt_int_take_site();
}

/* --- events ------------------------------------------------------------------ */

VOID NTAPI KeInitializeEvent(PRKEVENT Event, EVENT_TYPE Type, BOOLEAN State) {
  (void)wdfrt_int_take_site();
  Event->Header.Type = (UCHAR)Type;
  Event->Header.SignalState = State ? 1 : 0;
  InitializeListHead(&Event->Header.WaitListHead);
}

LONG NTAPI KeSetEvent(PRKEVENT Event, KPRIORITY Increment, BOOLEAN Wait) {
  (void)Increment;
  (void)Wait;
  (void)wdfrt_int_take_site();
  LONG previous = Event->Header.SignalState;
  Event->Header.SignalState = 1;
  return previous;
}

VOID NTAPI KeClearEvent(PRKEVENT Event) {
  (void)wdfrt_int_take_site();
  Event->Header.SignalState = 0;
}

LONG NTAPI KeReadStateEvent(PRKEVENT Event) {
  (void)wdfrt_int_take_site();
  return Event->Header.SignalState;
}

NTSTATUS NTAPI KeWaitForSingleObject(PVOID Object, KWAIT_REASON WaitReason,
                                     KPROCESSOR_MODE WaitMode,
                                     BOOLEAN Alertable,
                                     PLARGE_INTEGER Timeout) {
  wdfrt_int_site_t site = wdfrt_int_take_site();
  PDISPATCHER_HEADER header = Object;
  (void)WaitReason;
  (void)WaitMode;
  (void)Alertable;
  if (header->SignalState) {
    if (header->Type == SynchronizationEvent)
      header->SignalState = 0;
    return STATUS_SUCCESS;
  }
  if (Timeout)
    return STATUS_TIMEOUT;
  wdfrt_int_fault(site,
                  "KeWaitForSingleObject waits forever: nothing else runs "
                  "to signal the object");
  return STATUS_SUCCESS;
}

NTSTATUS NTAPI KeDelayExecutionThread(KPROCESSOR_MODE WaitMode,
                                      BOOLEAN Alertable,
                                      PLARGE_INTEGER Interval) {
  (void)WaitMode;
  (void)Alertable;
  (void)Interval;
  (void)wdfrt_int_enter(WDF_DDI_KeDelayExecutionThread);
  return STATUS_SUCCESS;
}

VOID NTAPI KeStallExecutionProcessor(ULONG MicroSeconds) {
  (void)MicroSeconds;
  (void)wdfrt_int_take_site();
}
