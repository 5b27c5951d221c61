// WM003 wdf.UninitDisclosure: copies whose length the path does not pin
// down.  Such a copy moves at least the smallest length the path and the
// length's shape allow (sizeof(header) + n), and all of its source when the
// length reaches the source's end (the size the buffer was allocated with).
// A copy or fill into part of a buffer writes only that part.
// RUN: %wdf_analyze -analyzer-checker=wdf.UninitDisclosure -verify %s
// RUN: %wdf_analyze -analyzer-checker=wdf.UninitDisclosure -verify %wdk_shape %s
// RUN: %wdf_analyze -analyzer-checker=wdf.UninitDisclosure -verify %msvc %s
// RUN: %wdf_analyze -analyzer-checker=unix.cstring.CStringModeling,wdf.UninitDisclosure -verify %s
#include <ntddk.h>
#include <wdf.h>

#define TAG 'nelW'
#define MAX_NAME 64

typedef struct _INFO {
  ULONG Id;        // bytes 0-3
  ULONG NameLength;
  ULONG Reserved;  // bytes 8-11, then 4 bytes of padding
  ULONG64 Time;    // bytes 16-23
} INFO;            // the name follows

typedef struct _SAMPLE {
  ULONG64 Time;
  LONG Value;
  ULONG Flags;
} SAMPLE;          // 16 bytes

// ---- sizeof(header) + n ------------------------------------------------------

// The reply is at least the header, whose Reserved field was never written.
VOID HeaderPlusName(WDFREQUEST Request, const UCHAR *Name, ULONG NameLength) {
  INFO *info = (INFO *)ExAllocatePoolWithTag(NonPagedPoolNx, sizeof(INFO) + MAX_NAME, TAG); // expected-note{{pool from ExAllocatePoolWithTag is not zeroed}}
  WDFMEMORY output;
  if (info == NULL || NameLength > MAX_NAME) // expected-note{{Assuming 'info' is not equal to NULL}} expected-note{{Left side of '||' is false}} expected-note{{Assuming 'NameLength' is <= MAX_NAME}} expected-note{{Taking false branch}}
    return;
  info->Id = 1;
  info->NameLength = NameLength;
  info->Time = 0;
  RtlCopyMemory(info + 1, Name, NameLength);
  if (NT_SUCCESS(WdfRequestRetrieveOutputMemory(Request, &output))) // expected-note{{Taking true branch}}
    WdfMemoryCopyFromBuffer(output, 0, info, sizeof(INFO) + NameLength); // expected-warning{{bytes 8-15 of the buffer from ExAllocatePoolWithTag were never written ('Reserved' never assigned) and are copied to the request's output memory: they disclose kernel memory to user mode; zero the source first (RtlZeroMemory) or copy only what was written}} expected-note{{bytes 8-15 of the buffer from ExAllocatePoolWithTag were never written ('Reserved' never assigned) and are copied to the request's output memory: they disclose kernel memory to user mode; zero the source first (RtlZeroMemory) or copy only what was written}}
  ExFreePoolWithTag(info, TAG);
}

// Every header byte written, the name by a copy of its length.
VOID HeaderPlusNameWritten(WDFREQUEST Request, const UCHAR *Name, ULONG NameLength) {
  INFO *info = (INFO *)ExAllocatePoolWithTag(NonPagedPoolNx, sizeof(INFO) + MAX_NAME, TAG);
  WDFMEMORY output;
  if (info == NULL || NameLength > MAX_NAME)
    return;
  RtlZeroMemory(info, sizeof(INFO));
  info->Id = 1;
  info->NameLength = NameLength;
  RtlCopyMemory(info + 1, Name, NameLength);
  if (NT_SUCCESS(WdfRequestRetrieveOutputMemory(Request, &output)))
    WdfMemoryCopyFromBuffer(output, 0, info, sizeof(INFO) + NameLength); // no-warning
  ExFreePoolWithTag(info, TAG);
}

// The tail zeroed by a fill of known size leaves the header's gaps as they
// were.
VOID HeaderThenZeroedTail(WDFREQUEST Request) {
  INFO *info = (INFO *)ExAllocatePoolWithTag(NonPagedPoolNx, sizeof(INFO) + MAX_NAME, TAG); // expected-note{{pool from ExAllocatePoolWithTag is not zeroed}}
  WDFMEMORY output;
  if (info == NULL) // expected-note{{Assuming 'info' is not equal to NULL}} expected-note{{Taking false branch}}
    return;
  info->Id = 1;
  info->NameLength = 0;
  info->Reserved = 0;
  info->Time = 0;
  RtlZeroMemory(info + 1, MAX_NAME);
  if (NT_SUCCESS(WdfRequestRetrieveOutputMemory(Request, &output))) // expected-note{{Taking true branch}}
    WdfMemoryCopyFromBuffer(output, 0, info, sizeof(INFO) + MAX_NAME); // expected-warning{{bytes 12-15 of the buffer from ExAllocatePoolWithTag were never written (struct padding after 'Reserved') and are copied to the request's output memory: they disclose kernel memory to user mode; zero the source first (RtlZeroMemory) or copy only what was written}} expected-note{{bytes 12-15 of the buffer from ExAllocatePoolWithTag were never written (struct padding after 'Reserved') and are copied to the request's output memory: they disclose kernel memory to user mode; zero the source first (RtlZeroMemory) or copy only what was written}}
  ExFreePoolWithTag(info, TAG);
}

// A length kept in a ULONG may have wrapped (the analyzer drops the
// truncation): nothing is known to be copied.
VOID LengthMayWrap(WDFREQUEST Request, ULONG NameLength) {
  INFO *info = (INFO *)ExAllocatePoolWithTag(NonPagedPoolNx, sizeof(INFO), TAG);
  WDFMEMORY output;
  ULONG length;
  if (info == NULL)
    return;
  info->Id = 1;
  length = sizeof(INFO) + NameLength;
  if (NT_SUCCESS(WdfRequestRetrieveOutputMemory(Request, &output)))
    WdfMemoryCopyFromBuffer(output, 0, info, length); // no-warning
  ExFreePoolWithTag(info, TAG);
}

// ---- the whole buffer, of a size only the path knows -------------------------

// A loop writes the recorded samples; the whole buffer goes out.
VOID WholeBufferPartlyWritten(WDFREQUEST Request, ULONG Count, ULONG Recorded) {
  WDFMEMORY memory, output;
  SAMPLE *samples;
  size_t length;
  ULONG i;
  if (Count == 0 || Count > 64) // expected-note{{Assuming 'Count' is not equal to 0}} expected-note{{Left side of '||' is false}} expected-note{{Assuming 'Count' is <= 64}} expected-note{{Taking false branch}}
    return;
  length = (size_t)Count * sizeof(SAMPLE);
  if (!NT_SUCCESS(WdfMemoryCreate(NULL, NonPagedPoolNx, TAG, length, &memory, (PVOID *)&samples))) // expected-note{{buffer from WdfMemoryCreate is not zeroed}} expected-note{{Taking false branch}}
    return;
  for (i = 0; i < Recorded; i++) // expected-note{{Assuming 'i' is >= 'Recorded'}} expected-note{{Loop condition is false. Execution continues on line 108}}
    samples[i].Time = samples[i].Value = samples[i].Flags = 0;
  if (NT_SUCCESS(WdfRequestRetrieveOutputMemory(Request, &output))) // expected-note{{Taking true branch}}
    WdfMemoryCopyFromBuffer(output, 0, samples, length); // expected-warning{{bytes 0 to the end of the buffer from WdfMemoryCreate were never written ('Time' never assigned) and are copied to the request's output memory: they disclose kernel memory to user mode; zero the source first (RtlZeroMemory) or copy only what was written}} expected-note{{bytes 0 to the end of the buffer from WdfMemoryCreate were never written ('Time' never assigned) and are copied to the request's output memory: they disclose kernel memory to user mode; zero the source first (RtlZeroMemory) or copy only what was written}}
  WdfObjectDelete(memory);
}

// The path proves the buffer is longer than the first sample written.
VOID WholeBufferLongerThanWritten(WDFREQUEST Request, size_t Length) {
  WDFMEMORY memory, output;
  SAMPLE *samples;
  if (Length < 2 * sizeof(SAMPLE)) // expected-note{{Assuming the condition is false}} expected-note{{Taking false branch}}
    return;
  if (!NT_SUCCESS(WdfMemoryCreate(NULL, NonPagedPoolNx, TAG, Length, &memory, (PVOID *)&samples))) // expected-note{{buffer from WdfMemoryCreate is not zeroed}} expected-note{{Taking false branch}}
    return;
  samples[0].Time = 1;
  samples[0].Value = 2;
  samples[0].Flags = 3;
  if (NT_SUCCESS(WdfRequestRetrieveOutputMemory(Request, &output))) // expected-note{{Taking true branch}}
    WdfMemoryCopyFromBuffer(output, 0, samples, Length); // expected-warning{{bytes 16 to the end of the buffer from WdfMemoryCreate were never written and are copied to the request's output memory: they disclose kernel memory to user mode; zero the source first (RtlZeroMemory) or copy only what was written}} expected-note{{bytes 16 to the end of the buffer from WdfMemoryCreate were never written and are copied to the request's output memory: they disclose kernel memory to user mode; zero the source first (RtlZeroMemory) or copy only what was written}}
  WdfObjectDelete(memory);
}

VOID WholeBufferZeroed(WDFREQUEST Request, ULONG Count) {
  WDFMEMORY memory, output;
  SAMPLE *samples;
  size_t length = (size_t)Count * sizeof(SAMPLE);
  if (!NT_SUCCESS(WdfMemoryCreate(NULL, NonPagedPoolNx, TAG, length, &memory, (PVOID *)&samples)))
    return;
  RtlZeroMemory(samples, length);
  samples[0].Flags = 1;
  if (NT_SUCCESS(WdfRequestRetrieveOutputMemory(Request, &output)))
    WdfMemoryCopyFromBuffer(output, 0, samples, length); // no-warning
  WdfObjectDelete(memory);
}

VOID WholeBufferFilled(WDFREQUEST Request, size_t Length) {
  WDFMEMORY memory, output;
  PVOID buffer;
  if (!NT_SUCCESS(WdfMemoryCreate(NULL, NonPagedPoolNx, TAG, Length, &memory, &buffer)))
    return;
  memset(buffer, 0xFF, Length);
  if (NT_SUCCESS(WdfRequestRetrieveOutputMemory(Request, &output)))
    WdfMemoryCopyFromBuffer(output, 0, buffer, Length); // no-warning
  WdfObjectDelete(memory);
}

// A loop over every element writes all of it.
VOID WholeBufferLoopWritesAll(WDFREQUEST Request, ULONG Count) {
  WDFMEMORY memory, output;
  ULONG *values;
  size_t length;
  ULONG i;
  length = (size_t)Count * sizeof(ULONG);
  if (!NT_SUCCESS(WdfMemoryCreate(NULL, NonPagedPoolNx, TAG, length, &memory, (PVOID *)&values)))
    return;
  for (i = 0; i < Count; i++)
    values[i] = i;
  if (NT_SUCCESS(WdfRequestRetrieveOutputMemory(Request, &output)))
    WdfMemoryCopyFromBuffer(output, 0, values, length); // no-warning
  WdfObjectDelete(memory);
}

// Only the written prefix goes out.
VOID WrittenPrefixOnly(WDFREQUEST Request, ULONG Count, ULONG Recorded) {
  WDFMEMORY memory, output;
  SAMPLE *samples;
  ULONG i;
  if (Count == 0 || Count > 64 || Recorded > Count)
    return;
  if (!NT_SUCCESS(WdfMemoryCreate(NULL, NonPagedPoolNx, TAG, (size_t)Count * sizeof(SAMPLE), &memory, (PVOID *)&samples)))
    return;
  for (i = 0; i < Recorded; i++) {
    samples[i].Time = i;
    samples[i].Value = 0;
    samples[i].Flags = 0;
  }
  if (NT_SUCCESS(WdfRequestRetrieveOutputMemory(Request, &output)))
    WdfMemoryCopyFromBuffer(output, 0, samples, (size_t)Recorded * sizeof(SAMPLE)); // no-warning
  WdfObjectDelete(memory);
}

// A buffer the analyzer forgets (a call it does not analyse) counts as
// written, also after a partial copy into it.
void FillFromDevice(PVOID Buffer, size_t Size);
VOID ForgottenAfterPartialCopy(WDFREQUEST Request, const UCHAR *Name, ULONG NameLength) {
  INFO *info = (INFO *)ExAllocatePoolWithTag(NonPagedPoolNx, sizeof(INFO) + MAX_NAME, TAG);
  WDFMEMORY output;
  if (info == NULL || NameLength > MAX_NAME)
    return;
  info->Id = 1;
  RtlCopyMemory(info + 1, Name, NameLength);
  FillFromDevice(info, sizeof(INFO));
  if (NT_SUCCESS(WdfRequestRetrieveOutputMemory(Request, &output)))
    WdfMemoryCopyFromBuffer(output, 0, info, sizeof(INFO) + NameLength); // no-warning
  ExFreePoolWithTag(info, TAG);
}
