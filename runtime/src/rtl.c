/*
 * rtl.c - the Rtl memory and string routines.
 *
 * The model header makes RtlCopyMemory, RtlMoveMemory, RtlZeroMemory and
 * RtlFillMemory macros over the C routines, as the WDK does; built for the
 * runtime (WDFCHECK_RUNTIME) they call the functions below instead, which
 * know the driver's call site.  A copy into a request's output buffer is a
 * sink for WM003, checked at the copy; a pointer a failed create left
 * behind is WM009 and the copy is skipped (it would crash); a deleted
 * object's or completed request's buffer is WM005.
 */
#include <stdio.h>
#include <string.h>

#include "wdfrt_internal.h"

void *wdfrt_int_RtlCopyMemory(void *Destination, const void *Source,
                              size_t Length);
void *wdfrt_int_RtlMoveMemory(void *Destination, const void *Source,
                              size_t Length);
void *wdfrt_int_RtlFillMemory(void *Destination, size_t Length, int Fill);
void *wdfrt_int_RtlZeroMemory(void *Destination, size_t Length);

static void *copy(void *destination, const void *source, size_t length,
                  int overlap, const char *name) {
  wdfrt_int_site_t site = wdfrt_int_take_site();
  char what[64];
  if (length == 0)
    return destination;
  int ok =
      wdfrt_int_check_pointer(destination, length, name, "destination", site);
  ok &= wdfrt_int_check_pointer(source, length, name, "source", site);
  if (!ok)
    return destination;
  snprintf(what, sizeof what, "%s copies", name);
  wdfrt_int_copy(destination, source, length, overlap, what, site);
  return destination;
}

/* The Rtl macro a function below serves, named in messages: the
   function's name without the internal prefix (the macro RtlCopyMemory
   expands to wdfrt_int_RtlCopyMemory). */
static const char *macro_name(const char *function) {
  return function + strlen("wdfrt_int_");
}

void *wdfrt_int_RtlCopyMemory(void *Destination, const void *Source,
                              size_t Length) {
  return copy(Destination, Source, Length, 0, macro_name(__func__));
}

void *wdfrt_int_RtlMoveMemory(void *Destination, const void *Source,
                              size_t Length) {
  return copy(Destination, Source, Length, 1, macro_name(__func__));
}

static void *fill(void *destination, size_t length, int value,
                  const char *name) {
  wdfrt_int_site_t site = wdfrt_int_take_site();
  if (length == 0 ||
      !wdfrt_int_check_pointer(destination, length, name, "destination", site))
    return destination;
  memset(destination, value, length);
  wdfrt_int_uninit_note_written(destination, length);
  return destination;
}

void *wdfrt_int_RtlFillMemory(void *Destination, size_t Length, int Fill) {
  return fill(Destination, Length, Fill, macro_name(__func__));
}

void *wdfrt_int_RtlZeroMemory(void *Destination, size_t Length) {
  return fill(Destination, Length, 0, macro_name(__func__));
}

PVOID NTAPI RtlSecureZeroMemory(PVOID ptr, SIZE_T cnt) {
  return fill(ptr, cnt, 0, __func__);
}

SIZE_T NTAPI RtlCompareMemory(const VOID *Source1, const VOID *Source2,
                              SIZE_T Length) {
  const unsigned char *a = Source1, *b = Source2;
  SIZE_T same = 0;
  (void)wdfrt_int_take_site();
  while (same < Length && a[same] == b[same])
    ++same;
  return same;
}

VOID NTAPI RtlInitUnicodeString(PUNICODE_STRING DestinationString,
                                PCWSTR SourceString) {
  size_t count = 0;
  (void)wdfrt_int_take_site();
  if (SourceString)
    while (SourceString[count])
      ++count;
  DestinationString->Length = (USHORT)(count * sizeof(WCHAR));
  DestinationString->MaximumLength =
      SourceString ? (USHORT)((count + 1) * sizeof(WCHAR)) : 0;
  DestinationString->Buffer = (PWCH)SourceString;
}

VOID NTAPI RtlCopyUnicodeString(PUNICODE_STRING DestinationString,
                                PCUNICODE_STRING SourceString) {
  (void)wdfrt_int_take_site();
  if (!SourceString) {
    DestinationString->Length = 0;
    return;
  }
  USHORT length = SourceString->Length < DestinationString->MaximumLength
                      ? SourceString->Length
                      : DestinationString->MaximumLength;
  memmove(DestinationString->Buffer, SourceString->Buffer, length);
  DestinationString->Length = length;
  if (length + sizeof(WCHAR) <= DestinationString->MaximumLength)
    DestinationString->Buffer[length / sizeof(WCHAR)] = 0;
}
