// WM005 wdf.UseAfterDelete: dead memory handed on is a use.  A deleted
// memory object, or the memory and buffers of a completed request, passed
// to a function the analysis does not follow (declared here, defined in
// another file), or put in a WDF_MEMORY_DESCRIPTOR, is used at that call.
// A function whose body the analyzer sees is followed instead: what it does
// with the argument counts, not the call.
// RUN: %wdf_analyze -analyzer-checker=wdf.UseAfterDelete,wdf.DoubleDelete -verify %s
// RUN: %wdf_analyze -analyzer-checker=wdf.UseAfterDelete,wdf.DoubleDelete -verify %wdk_shape %s
// RUN: %wdf_analyze -analyzer-checker=wdf.UseAfterDelete,wdf.DoubleDelete -verify %msvc %s
#include <ntddk.h>
#include <wdf.h>
#include "Inputs/library.h"

#define TAG 'sPsU'

// Defined in another file of the driver.
NTSTATUS SendIt(WDFMEMORY Memory);
VOID LogBytes(PVOID Buffer, ULONG Length);

// --- Buggy ---------------------------------------------------------------

VOID DeletedThenPassed(VOID) {
  WDFMEMORY memory;
  if (!NT_SUCCESS(WdfMemoryCreate(NULL, NonPagedPoolNx, TAG, 64, &memory, NULL))) // expected-note{{memory object created here without a parent; it lives until the driver unloads}} expected-note{{Taking false branch}}
    return;
  WdfObjectDelete(memory); // expected-note{{deleted here}}
  SendIt(memory); // expected-warning{{the memory object from WdfMemoryCreate is passed to SendIt after WdfObjectDelete deleted it; the callee may use it: its handle is no longer valid; call SendIt before deleting the object}} expected-note{{the memory object from WdfMemoryCreate is passed to SendIt after WdfObjectDelete deleted it; the callee may use it: its handle is no longer valid; call SendIt before deleting the object}}
}

// SDV-FailDriver-KMDF's defect: the request's input memory handed to a
// helper of another file after the request was completed.
EVT_WDF_IO_QUEUE_IO_WRITE CompletedThenPassed;
VOID CompletedThenPassed(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  WDFMEMORY input;
  if (!NT_SUCCESS(WdfRequestRetrieveInputMemory(Request, &input))) { // expected-note{{memory retrieved from the request here; it belongs to the framework}} expected-note{{Taking false branch}}
    WdfRequestComplete(Request, STATUS_INVALID_PARAMETER);
    return;
  }
  WdfRequestComplete(Request, STATUS_SUCCESS); // expected-note{{request completed here; memory parented to it is freed}}
  SendIt(input); // expected-warning{{the memory object from WdfRequestRetrieveInputMemory is passed to SendIt after its request was completed, which freed it; the callee may use it: its handle is no longer valid; call SendIt before completing the request}} expected-note{{the memory object from WdfRequestRetrieveInputMemory is passed to SendIt after its request was completed, which freed it; the callee may use it: its handle is no longer valid; call SendIt before completing the request}}
}

VOID BufferOfDeletedPassed(VOID) {
  WDFMEMORY memory;
  PVOID buffer;
  if (!NT_SUCCESS(WdfMemoryCreate(NULL, NonPagedPoolNx, TAG, 64, &memory, &buffer))) // expected-note{{memory object created here without a parent; it lives until the driver unloads}} expected-note{{Taking false branch}}
    return;
  WdfObjectDelete(memory); // expected-note{{deleted here}}
  LogBytes(buffer, 64); // expected-warning{{the buffer from WdfMemoryCreate is passed to LogBytes after WdfObjectDelete deleted its memory object; the callee may use it: the buffer was freed with the object; call LogBytes before deleting the object}} expected-note{{the buffer from WdfMemoryCreate is passed to LogBytes after WdfObjectDelete deleted its memory object; the callee may use it: the buffer was freed with the object; call LogBytes before deleting the object}}
}

// An inline routine of a system header is the library's, like the WDK's DDI
// wrappers: the call hands the buffer over.
VOID BufferOfDeletedForwarded(VOID) {
  WDFMEMORY memory;
  PVOID buffer;
  if (!NT_SUCCESS(WdfMemoryCreate(NULL, NonPagedPoolNx, TAG, 64, &memory, &buffer))) // expected-note{{memory object created here without a parent; it lives until the driver unloads}} expected-note{{Taking false branch}}
    return;
  WdfObjectDelete(memory); // expected-note{{deleted here}}
  LibraryForward(buffer); // expected-warning{{the buffer from WdfMemoryCreate is passed to LibraryForward after WdfObjectDelete deleted its memory object; the callee may use it: the buffer was freed with the object; call LibraryForward before deleting the object}} expected-note{{the buffer from WdfMemoryCreate is passed to LibraryForward after WdfObjectDelete deleted its memory object; the callee may use it: the buffer was freed with the object; call LibraryForward before deleting the object}}
}

// A DDI whose row does not list the argument among its uses still gets it:
// here the buffer a preallocated object would describe.
VOID BufferOfDeletedPreallocated(VOID) {
  WDFMEMORY memory, again;
  PVOID buffer;
  if (!NT_SUCCESS(WdfMemoryCreate(NULL, NonPagedPoolNx, TAG, 64, &memory, &buffer))) // expected-note{{memory object created here without a parent; it lives until the driver unloads}} expected-note{{Taking false branch}}
    return;
  WdfObjectDelete(memory); // expected-note{{deleted here}}
  if (NT_SUCCESS(WdfMemoryCreatePreallocated(NULL, buffer, 64, &again))) // expected-warning{{the buffer from WdfMemoryCreate is passed to WdfMemoryCreatePreallocated after WdfObjectDelete deleted its memory object; the callee may use it: the buffer was freed with the object; call WdfMemoryCreatePreallocated before deleting the object}} expected-note{{the buffer from WdfMemoryCreate is passed to WdfMemoryCreatePreallocated after WdfObjectDelete deleted its memory object; the callee may use it: the buffer was freed with the object; call WdfMemoryCreatePreallocated before deleting the object}}
    WdfObjectDelete(again);
}

// The library function of SDV-FailDriver-KMDF, in this file: the descriptor
// is the use, inside the callee.
static NTSTATUS SendMemory(WDFMEMORY Memory) {
  WDF_MEMORY_DESCRIPTOR descriptor;
  WDF_MEMORY_DESCRIPTOR_INIT_HANDLE(&descriptor, Memory, NULL); // expected-warning{{the memory object from WdfRequestRetrieveInputMemory is put in a memory descriptor after its request was completed, which freed it; a descriptor only exists to hand it to a DDI: its handle is no longer valid; fill and send the descriptor before completing the request}} expected-note{{the memory object from WdfRequestRetrieveInputMemory is put in a memory descriptor after its request was completed, which freed it; a descriptor only exists to hand it to a DDI: its handle is no longer valid; fill and send the descriptor before completing the request}}
  return descriptor.Type == WdfMemoryDescriptorTypeHandle ? STATUS_SUCCESS : STATUS_UNSUCCESSFUL;
}

EVT_WDF_IO_QUEUE_IO_WRITE DescribedAfterCompletion;
VOID DescribedAfterCompletion(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  WDFMEMORY input;
  if (!NT_SUCCESS(WdfRequestRetrieveInputMemory(Request, &input))) { // expected-note{{memory retrieved from the request here; it belongs to the framework}} expected-note{{Taking false branch}}
    WdfRequestComplete(Request, STATUS_INVALID_PARAMETER);
    return;
  }
  WdfRequestComplete(Request, STATUS_SUCCESS); // expected-note{{request completed here; memory parented to it is freed}}
  SendMemory(input); // expected-note{{Calling 'SendMemory'}}
}

EVT_WDF_IO_QUEUE_IO_READ BufferDescribedAfterCompletion;
VOID BufferDescribedAfterCompletion(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  PVOID out;
  WDF_MEMORY_DESCRIPTOR descriptor;
  if (!NT_SUCCESS(WdfRequestRetrieveOutputBuffer(Request, sizeof(ULONG), &out, NULL))) { // expected-note{{Taking false branch}}
    WdfRequestComplete(Request, STATUS_BUFFER_TOO_SMALL);
    return;
  }
  WdfRequestComplete(Request, STATUS_SUCCESS); // expected-note{{request completed here; memory parented to it is freed}}
  WDF_MEMORY_DESCRIPTOR_INIT_BUFFER(&descriptor, out, sizeof(ULONG)); // expected-warning{{the buffer from WdfRequestRetrieveOutputBuffer is put in a memory descriptor after its request was completed; a descriptor only exists to hand it to a DDI: completion hands it back to the I/O manager; fill and send the descriptor before completing the request}} expected-note{{the buffer from WdfRequestRetrieveOutputBuffer is put in a memory descriptor after its request was completed; a descriptor only exists to hand it to a DDI: completion hands it back to the I/O manager; fill and send the descriptor before completing the request}}
}

// --- Clean and tricky ------------------------------------------------------

// A callee the analyzer follows and that does not use the handle.
static VOID Forget(WDFMEMORY Memory) {
  UNREFERENCED_PARAMETER(Memory);
}
VOID PassedToNonUser(VOID) {
  WDFMEMORY memory;
  if (!NT_SUCCESS(WdfMemoryCreate(NULL, NonPagedPoolNx, TAG, 64, &memory, NULL)))
    return;
  WdfObjectDelete(memory);
  Forget(memory); // no-warning
}

// A callee the analyzer follows and that uses the handle: the finding is
// the use inside it, not the call.
static PVOID BufferOf(WDFMEMORY Memory) {
  return WdfMemoryGetBuffer(Memory, NULL); // expected-warning{{memory object used after WdfObjectDelete deleted it: its handle is no longer valid; finish every use before the object is deleted or its request completed}} expected-note{{memory object used after WdfObjectDelete deleted it: its handle is no longer valid; finish every use before the object is deleted or its request completed}}
}
VOID PassedToUser(VOID) {
  WDFMEMORY memory;
  if (!NT_SUCCESS(WdfMemoryCreate(NULL, NonPagedPoolNx, TAG, 64, &memory, NULL))) // expected-note{{memory object created here without a parent; it lives until the driver unloads}} expected-note{{Taking false branch}}
    return;
  WdfObjectDelete(memory); // expected-note{{deleted here}}
  BufferOf(memory); // expected-note{{Calling 'BufferOf'}}
}

// A variadic argument is printed: its value, not what it points to.
VOID PrintedAfterDelete(VOID) {
  WDFMEMORY memory;
  if (!NT_SUCCESS(WdfMemoryCreate(NULL, NonPagedPoolNx, TAG, 64, &memory, NULL)))
    return;
  WdfObjectDelete(memory);
  DbgPrint("deleted memory %p\n", memory); // no-warning
  KdPrint(("deleted memory %p\n", memory)); // no-warning
}

// Comparing the handle is not a use.
NTSTATUS ComparedAfterDelete(VOID) {
  WDFMEMORY memory;
  if (!NT_SUCCESS(WdfMemoryCreate(NULL, NonPagedPoolNx, TAG, 64, &memory, NULL)))
    return STATUS_NO_MEMORY;
  WdfObjectDelete(memory);
  return memory == NULL ? STATUS_UNSUCCESSFUL : STATUS_SUCCESS; // no-warning
}

// Deleting again is WM006, and only WM006.
VOID DeletedTwice(VOID) {
  WDFMEMORY memory;
  if (!NT_SUCCESS(WdfMemoryCreate(NULL, NonPagedPoolNx, TAG, 64, &memory, NULL))) // expected-note{{memory object created here without a parent; it lives until the driver unloads}} expected-note{{Taking false branch}}
    return;
  WdfObjectDelete(memory); // expected-note{{deleted here}}
  WdfObjectDelete(memory); // expected-warning{{memory object deleted twice: the first WdfObjectDelete freed it, so this one frees freed memory; delete each object once}} expected-note{{memory object deleted twice: the first WdfObjectDelete freed it, so this one frees freed memory; delete each object once}}
}

// Passed while it is alive.
VOID PassedBeforeDelete(VOID) {
  WDFMEMORY memory;
  if (!NT_SUCCESS(WdfMemoryCreate(NULL, NonPagedPoolNx, TAG, 64, &memory, NULL)))
    return;
  SendIt(memory); // no-warning
  WdfObjectDelete(memory);
}

// The variable holds a new object by the time it is passed.
VOID RecreatedThenPassed(VOID) {
  WDFMEMORY memory;
  if (!NT_SUCCESS(WdfMemoryCreate(NULL, NonPagedPoolNx, TAG, 64, &memory, NULL)))
    return;
  WdfObjectDelete(memory);
  if (!NT_SUCCESS(WdfMemoryCreate(NULL, NonPagedPoolNx, TAG, 64, &memory, NULL)))
    return;
  SendIt(memory); // no-warning
  WdfObjectDelete(memory);
}

// The address of the variable is not the dead object: the callee may store
// a new handle there.
VOID CreateInto(WDFMEMORY *Memory);
VOID AddressPassedAfterDelete(VOID) {
  WDFMEMORY memory;
  if (!NT_SUCCESS(WdfMemoryCreate(NULL, NonPagedPoolNx, TAG, 64, &memory, NULL)))
    return;
  WdfObjectDelete(memory);
  CreateInto(&memory); // no-warning
}

// A preallocated memory object describes the driver's own buffer: deleting
// the object does not free it, so the driver frees and uses it afterwards.
VOID PreallocatedBufferAfterDelete(VOID) {
  WDFMEMORY memory;
  PUCHAR storage = (PUCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, 64, TAG);
  if (storage == NULL)
    return;
  if (NT_SUCCESS(WdfMemoryCreatePreallocated(NULL, storage, 64, &memory)))
    WdfObjectDelete(memory);
  storage[0] = 0; // no-warning
  LogBytes(storage, 64); // no-warning
  ExFreePoolWithTag(storage, TAG); // no-warning
}

// Through a function pointer the analysis cannot resolve, the callee is
// unknown (it may be this file's own code): no finding.
typedef NTSTATUS SEND_FN(WDFMEMORY Memory);
VOID ThroughPointer(SEND_FN *Send) {
  WDFMEMORY memory;
  if (!NT_SUCCESS(WdfMemoryCreate(NULL, NonPagedPoolNx, TAG, 64, &memory, NULL)))
    return;
  WdfObjectDelete(memory);
  Send(memory); // no-warning
}
