// WM003 wdf.UninitDisclosure: never-written bytes copied to the request's
// output buffer or output memory.  Every source (WdfMemoryCreate buffers,
// uninitialised pool, stack objects with padding) and sink (RtlCopyMemory,
// WdfMemoryCopyFromBuffer into output memory, WdfMemoryCopyToBuffer into an
// output buffer, structure assignment).
// RUN: %wdf_analyze -analyzer-checker=wdf.UninitDisclosure -verify %s
// RUN: %wdf_analyze -analyzer-checker=wdf.UninitDisclosure -verify %wdk_shape %s
// RUN: %wdf_analyze -analyzer-checker=wdf.UninitDisclosure -verify %msvc %s
#include <ntddk.h>
#include <wdf.h>

#define TAG 'csiD'

typedef struct _REPLY {
  ULONG Status;   // bytes 0-3, then 4 bytes of padding
  ULONG64 Value;  // bytes 8-15
  UCHAR Flags;    // byte 16, then 7 bytes of padding
} REPLY;

static NTSTATUS OutputOf(WDFREQUEST Request, size_t Size, PVOID *Out) {
  return WdfRequestRetrieveOutputBuffer(Request, Size, Out, NULL);
}

// ---- stack objects ---------------------------------------------------------

VOID StackPadding(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  REPLY reply;
  REPLY *out;
  if (!NT_SUCCESS(OutputOf(Request, sizeof(REPLY), (PVOID *)&out))) // expected-note{{Taking false branch}}
    return;
  reply.Status = 0;
  reply.Value = 42;
  reply.Flags = 1;
  RtlCopyMemory(out, &reply, sizeof reply); // expected-warning{{bytes 4-7 and 17-23 of 'reply' were never written (struct padding after 'Status') and are copied to the request's output buffer: they disclose kernel memory to user mode; zero the source first (RtlZeroMemory) or copy only what was written}} expected-note{{bytes 4-7 and 17-23 of 'reply' were never written (struct padding after 'Status') and are copied to the request's output buffer: they disclose kernel memory to user mode; zero the source first (RtlZeroMemory) or copy only what was written}}
}

VOID StackFieldNeverAssigned(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  REPLY reply;
  REPLY *out;
  if (!NT_SUCCESS(OutputOf(Request, sizeof(REPLY), (PVOID *)&out))) // expected-note{{Taking false branch}}
    return;
  reply.Status = 1;
  reply.Flags = 1;
  RtlCopyMemory(out, &reply, sizeof reply); // expected-warning{{bytes 4-15 and 17-23 of 'reply' were never written (struct padding after 'Status') and are copied to the request's output buffer: they disclose kernel memory to user mode; zero the source first (RtlZeroMemory) or copy only what was written}} expected-note{{bytes 4-15 and 17-23 of 'reply' were never written (struct padding after 'Status') and are copied to the request's output buffer: they disclose kernel memory to user mode; zero the source first (RtlZeroMemory) or copy only what was written}}
}

VOID StackStructAssignment(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  REPLY reply;
  REPLY *out;
  if (!NT_SUCCESS(OutputOf(Request, sizeof(REPLY), (PVOID *)&out))) // expected-note{{Taking false branch}}
    return;
  reply.Status = 1;
  reply.Value = 2;
  *out = reply; // expected-warning{{bytes 4-7 and 16-23 of 'reply' were never written (struct padding after 'Status') and are copied to the request's output buffer: they disclose kernel memory to user mode; zero the source first (RtlZeroMemory) or copy only what was written}} expected-note{{bytes 4-7 and 16-23 of 'reply' were never written (struct padding after 'Status') and are copied to the request's output buffer: they disclose kernel memory to user mode; zero the source first (RtlZeroMemory) or copy only what was written}}
}

VOID StackZeroedFirst(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  REPLY reply;
  REPLY *out;
  if (!NT_SUCCESS(OutputOf(Request, sizeof(REPLY), (PVOID *)&out)))
    return;
  RtlZeroMemory(&reply, sizeof reply);
  reply.Status = 1;
  RtlCopyMemory(out, &reply, sizeof reply); // no-warning
}

VOID StackInitialized(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  REPLY reply = {0};
  REPLY *out;
  if (!NT_SUCCESS(OutputOf(Request, sizeof(REPLY), (PVOID *)&out)))
    return;
  reply.Value = 7;
  *out = reply; // no-warning
}

// Copying only the written prefix discloses nothing.
VOID StackWrittenPrefix(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  REPLY reply;
  REPLY *out;
  if (!NT_SUCCESS(OutputOf(Request, sizeof(REPLY), (PVOID *)&out)))
    return;
  reply.Status = 1;
  RtlCopyMemory(out, &reply, sizeof reply.Status); // no-warning
}

// ---- WdfMemoryCreate buffers -------------------------------------------------

VOID MemoryToOutputMemory(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  WDF_OBJECT_ATTRIBUTES attributes;
  WDFMEMORY memory, output;
  ULONG *buffer;
  WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
  attributes.ParentObject = Request;
  if (!NT_SUCCESS(WdfMemoryCreate(&attributes, NonPagedPoolNx, TAG, 16, &memory, (PVOID *)&buffer))) // expected-note{{buffer from WdfMemoryCreate is not zeroed}} expected-note{{Taking false branch}}
    return;
  if (!NT_SUCCESS(WdfRequestRetrieveOutputMemory(Request, &output))) // expected-note{{Taking false branch}}
    return;
  buffer[0] = 1;
  buffer[1] = 2;
  WdfMemoryCopyFromBuffer(output, 0, buffer, 16); // expected-warning{{bytes 8-15 of the buffer from WdfMemoryCreate were never written and are copied to the request's output memory: they disclose kernel memory to user mode; zero the source first (RtlZeroMemory) or copy only what was written}} expected-note{{bytes 8-15 of the buffer from WdfMemoryCreate were never written and are copied to the request's output memory: they disclose kernel memory to user mode; zero the source first (RtlZeroMemory) or copy only what was written}}
}

VOID MemoryToOutputBuffer(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  WDF_OBJECT_ATTRIBUTES attributes;
  WDFMEMORY memory;
  UCHAR *buffer;
  PVOID out;
  WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
  attributes.ParentObject = Request;
  if (!NT_SUCCESS(WdfMemoryCreate(&attributes, NonPagedPoolNx, TAG, 16, &memory, (PVOID *)&buffer))) // expected-note{{buffer from WdfMemoryCreate is not zeroed}} expected-note{{Taking false branch}}
    return;
  if (!NT_SUCCESS(OutputOf(Request, 16, &out))) // expected-note{{Taking false branch}}
    return;
  buffer[0] = 'A';
  WdfMemoryCopyToBuffer(memory, 0, out, 16); // expected-warning{{bytes 1-15 of the buffer from WdfMemoryCreate were never written and are copied to the request's output buffer: they disclose kernel memory to user mode; zero the source first (RtlZeroMemory) or copy only what was written}} expected-note{{bytes 1-15 of the buffer from WdfMemoryCreate were never written and are copied to the request's output buffer: they disclose kernel memory to user mode; zero the source first (RtlZeroMemory) or copy only what was written}}
}

// Through WdfMemoryGetBuffer on the output memory.
VOID MemoryGetBufferSink(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  WDFMEMORY memory, output;
  ULONG *buffer;
  if (!NT_SUCCESS(WdfMemoryCreate(NULL, NonPagedPoolNx, TAG, 8, &memory, (PVOID *)&buffer))) // expected-note{{buffer from WdfMemoryCreate is not zeroed}} expected-note{{Taking false branch}}
    return;
  if (NT_SUCCESS(WdfRequestRetrieveOutputMemory(Request, &output))) { // expected-note{{Taking true branch}}
    buffer[1] = 5;
    RtlCopyMemory(WdfMemoryGetBuffer(output, NULL), buffer, 8); // expected-warning{{bytes 0-3 of the buffer from WdfMemoryCreate were never written and are copied to the request's output buffer: they disclose kernel memory to user mode; zero the source first (RtlZeroMemory) or copy only what was written}} expected-note{{bytes 0-3 of the buffer from WdfMemoryCreate were never written and are copied to the request's output buffer: they disclose kernel memory to user mode; zero the source first (RtlZeroMemory) or copy only what was written}}
  }
  WdfObjectDelete(memory);
}

VOID MemoryZeroedFirst(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  WDFMEMORY memory;
  PVOID buffer, out;
  if (!NT_SUCCESS(WdfMemoryCreate(NULL, NonPagedPoolNx, TAG, 16, &memory, &buffer)))
    return;
  RtlZeroMemory(buffer, 16);
  if (NT_SUCCESS(OutputOf(Request, 16, &out)))
    RtlCopyMemory(out, buffer, 16); // no-warning
  WdfObjectDelete(memory);
}

// Filled by WdfMemoryCopyFromBuffer before it goes out.
VOID MemoryFilledByCopy(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  WDFMEMORY memory;
  UCHAR source[16] = {0};
  PVOID buffer, out;
  if (!NT_SUCCESS(WdfMemoryCreate(NULL, NonPagedPoolNx, TAG, 16, &memory, &buffer)))
    return;
  WdfMemoryCopyFromBuffer(memory, 0, source, 16);
  if (NT_SUCCESS(OutputOf(Request, 16, &out)))
    RtlCopyMemory(out, buffer, 16); // no-warning
  WdfObjectDelete(memory);
}

// ---- pool ------------------------------------------------------------------------

VOID PoolUninitialized(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  UCHAR *pool = (UCHAR *)ExAllocatePoolWithTag(NonPagedPoolNx, 32, TAG); // expected-note{{pool from ExAllocatePoolWithTag is not zeroed}}
  PVOID out;
  if (pool == NULL) // expected-note{{Assuming 'pool' is not equal to NULL}} expected-note{{Taking false branch}}
    return;
  if (NT_SUCCESS(OutputOf(Request, 32, &out))) { // expected-note{{Taking true branch}}
    pool[0] = 1;
    RtlCopyMemory(out, pool, 32); // expected-warning{{bytes 1-31 of the buffer from ExAllocatePoolWithTag were never written and are copied to the request's output buffer: they disclose kernel memory to user mode; zero the source first (RtlZeroMemory) or copy only what was written}} expected-note{{bytes 1-31 of the buffer from ExAllocatePoolWithTag were never written and are copied to the request's output buffer: they disclose kernel memory to user mode; zero the source first (RtlZeroMemory) or copy only what was written}}
  }
  ExFreePoolWithTag(pool, TAG);
}

VOID Pool2UninitializedFlag(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  PVOID pool = ExAllocatePool2(POOL_FLAG_NON_PAGED | POOL_FLAG_UNINITIALIZED, 8, TAG); // expected-note{{pool from ExAllocatePool2 is not zeroed}}
  PVOID out;
  if (pool == NULL) // expected-note{{Assuming 'pool' is not equal to NULL}} expected-note{{Taking false branch}}
    return;
  if (NT_SUCCESS(OutputOf(Request, 8, &out))) // expected-note{{Taking true branch}}
    RtlMoveMemory(out, pool, 8); // expected-warning{{bytes 0-7 of the buffer from ExAllocatePool2 were never written and are copied to the request's output buffer: they disclose kernel memory to user mode; zero the source first (RtlZeroMemory) or copy only what was written}} expected-note{{bytes 0-7 of the buffer from ExAllocatePool2 were never written and are copied to the request's output buffer: they disclose kernel memory to user mode; zero the source first (RtlZeroMemory) or copy only what was written}}
  ExFreePoolWithTag(pool, TAG);
}

VOID Pool2Zeroes(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  PVOID pool = ExAllocatePool2(POOL_FLAG_NON_PAGED, 32, TAG);
  PVOID out;
  if (pool == NULL)
    return;
  if (NT_SUCCESS(OutputOf(Request, 32, &out)))
    RtlCopyMemory(out, pool, 32); // no-warning
  ExFreePoolWithTag(pool, TAG);
}

// ---- loops and helpers ----------------------------------------------------------

VOID LoopFillsPart(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  UCHAR *pool = (UCHAR *)ExAllocatePoolWithTag(NonPagedPoolNx, 8, TAG); // expected-note{{pool from ExAllocatePoolWithTag is not zeroed}}
  PVOID out;
  int i;
  if (pool == NULL) // expected-note{{Assuming 'pool' is not equal to NULL}} expected-note{{Taking false branch}}
    return;
  for (i = 0; i < 2; ++i) // expected-note{{Loop condition is true.  Entering loop body}} expected-note{{Loop condition is true.  Entering loop body}} expected-note{{Loop condition is false. Execution continues on line 199}}
    pool[i] = (UCHAR)i;
  if (NT_SUCCESS(OutputOf(Request, 8, &out))) // expected-note{{Taking true branch}}
    RtlCopyMemory(out, pool, 8); // expected-warning{{bytes 2-7 of the buffer from ExAllocatePoolWithTag were never written and are copied to the request's output buffer: they disclose kernel memory to user mode; zero the source first (RtlZeroMemory) or copy only what was written}} expected-note{{bytes 2-7 of the buffer from ExAllocatePoolWithTag were never written and are copied to the request's output buffer: they disclose kernel memory to user mode; zero the source first (RtlZeroMemory) or copy only what was written}}
  ExFreePoolWithTag(pool, TAG);
}

// A write the analyzer cannot place counts as covering the buffer.
VOID SymbolicOffsetWrite(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  UCHAR *pool = (UCHAR *)ExAllocatePoolWithTag(NonPagedPoolNx, 8, TAG);
  PVOID out;
  if (pool == NULL)
    return;
  pool[Length % 8] = 0;
  if (NT_SUCCESS(OutputOf(Request, 8, &out)))
    RtlCopyMemory(out, pool, 8); // no-warning
  ExFreePoolWithTag(pool, TAG);
}

void FillFromDevice(PVOID Buffer, size_t Size);
VOID UnknownInitializer(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  PVOID pool = ExAllocatePoolWithTag(NonPagedPoolNx, 32, TAG);
  PVOID out;
  if (pool == NULL)
    return;
  FillFromDevice(pool, 32);
  if (NT_SUCCESS(OutputOf(Request, 32, &out)))
    RtlCopyMemory(out, pool, 32); // no-warning
  ExFreePoolWithTag(pool, TAG);
}

static void FillHeader(REPLY *r) {
  r->Status = 0;
  r->Value = 1;
}

VOID FilledInHelper(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  REPLY reply;
  REPLY *out;
  if (!NT_SUCCESS(OutputOf(Request, sizeof(REPLY), (PVOID *)&out))) // expected-note{{Taking false branch}}
    return;
  FillHeader(&reply);
  RtlCopyMemory(out, &reply, 16); // expected-warning{{bytes 4-7 of 'reply' were never written (struct padding after 'Status') and are copied to the request's output buffer: they disclose kernel memory to user mode; zero the source first (RtlZeroMemory) or copy only what was written}} expected-note{{bytes 4-7 of 'reply' were never written (struct padding after 'Status') and are copied to the request's output buffer: they disclose kernel memory to user mode; zero the source first (RtlZeroMemory) or copy only what was written}}
}

// A copy to a buffer that is not the request's output is not a disclosure.
VOID CopyToLocal(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  REPLY reply;
  REPLY local;
  reply.Status = 1;
  RtlCopyMemory(&local, &reply, sizeof reply); // no-warning
  WdfRequestComplete(Request, STATUS_SUCCESS);
}

// A length the path bounds from below: at least the first 8 bytes go out.
VOID LengthAtLeast(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  UCHAR *pool = (UCHAR *)ExAllocatePoolWithTag(NonPagedPoolNx, 64, TAG); // expected-note{{pool from ExAllocatePoolWithTag is not zeroed}}
  PVOID out;
  if (pool == NULL) // expected-note{{Assuming 'pool' is not equal to NULL}} expected-note{{Taking false branch}}
    return;
  pool[0] = 1;
  if (Length >= 8 && Length <= 64 && NT_SUCCESS(OutputOf(Request, Length, &out))) // expected-note{{Assuming 'Length' is >= 8}} expected-note{{Left side of '&&' is true}} expected-note{{Assuming 'Length' is <= 64}} expected-note{{Left side of '&&' is true}} expected-note{{Taking true branch}}
    RtlCopyMemory(out, pool, Length); // expected-warning{{bytes 1-7 of the buffer from ExAllocatePoolWithTag were never written and are copied to the request's output buffer: they disclose kernel memory to user mode; zero the source first (RtlZeroMemory) or copy only what was written}} expected-note{{bytes 1-7 of the buffer from ExAllocatePoolWithTag were never written and are copied to the request's output buffer: they disclose kernel memory to user mode; zero the source first (RtlZeroMemory) or copy only what was written}}
  ExFreePoolWithTag(pool, TAG);
}

// ---- copies ----------------------------------------------------------------

// A copy holds what its source had written: the padding stays unwritten.
VOID StackCopyOfPartial(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  REPLY reply;
  REPLY *out;
  if (!NT_SUCCESS(OutputOf(Request, sizeof(REPLY), (PVOID *)&out))) // expected-note{{Taking false branch}}
    return;
  reply.Status = 1;
  reply.Value = 2;
  reply.Flags = 3;
  REPLY copy = reply;
  RtlCopyMemory(out, &copy, sizeof copy); // expected-warning{{bytes 4-7 and 17-23 of 'copy' were never written (struct padding after 'Status')}} expected-note{{bytes 4-7 and 17-23 of 'copy' were never written (struct padding after 'Status')}}
}

VOID StackCopyOfZeroed(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  REPLY reply = {0};
  REPLY *out;
  if (!NT_SUCCESS(OutputOf(Request, sizeof(REPLY), (PVOID *)&out)))
    return;
  reply.Value = 2;
  REPLY copy = reply;
  REPLY assigned;
  assigned = reply;
  RtlCopyMemory(out, &copy, sizeof copy); // no-warning
  *out = assigned; // no-warning
}

VOID StackCopiedWithRtlCopyMemory(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  REPLY reply;
  REPLY copy;
  REPLY *out;
  if (!NT_SUCCESS(OutputOf(Request, sizeof(REPLY), (PVOID *)&out))) // expected-note{{Taking false branch}}
    return;
  reply.Status = 1;
  reply.Value = 2;
  RtlCopyMemory(&copy, &reply, sizeof copy);
  copy.Flags = 3;
  *out = copy; // expected-warning{{bytes 4-7 and 17-23 of 'copy' were never written (struct padding after 'Status')}} expected-note{{bytes 4-7 and 17-23 of 'copy' were never written (struct padding after 'Status')}}
}
