// WM005 wdf.UseAfterDelete: a memory handle or its buffer used after
// WdfObjectDelete, after its parent was deleted, or after the request that
// owns it (as parent, or because it was retrieved from it) was completed.
// RUN: %wdf_analyze -analyzer-checker=wdf.UseAfterDelete -verify %s
// RUN: %wdf_analyze -analyzer-checker=wdf.UseAfterDelete -verify %wdk_shape %s
// RUN: %wdf_analyze -analyzer-checker=wdf.UseAfterDelete -verify %msvc %s
#include <ntddk.h>
#include <wdf.h>

#define TAG 'dAsU'

NTSTATUS HandleAfterDelete(ULONG value) {
  WDFMEMORY memory;
  if (!NT_SUCCESS(WdfMemoryCreate(NULL, NonPagedPoolNx, TAG, 64, &memory, NULL))) // expected-note{{memory object created here without a parent; it lives until the driver unloads}} expected-note{{Taking false branch}}
    return STATUS_NO_MEMORY;
  WdfObjectDelete(memory); // expected-note{{deleted here}}
  return WdfMemoryCopyFromBuffer(memory, 0, &value, sizeof value); // expected-warning{{memory object used after WdfObjectDelete deleted it: its handle is no longer valid; finish every use before the object is deleted or its request completed}} expected-note{{memory object used after WdfObjectDelete deleted it: its handle is no longer valid; finish every use before the object is deleted or its request completed}}
}

ULONG BufferAfterDelete(void) {
  WDFMEMORY memory;
  ULONG *buffer;
  if (!NT_SUCCESS(WdfMemoryCreate(NULL, NonPagedPoolNx, TAG, 64, &memory, (PVOID *)&buffer))) // expected-note{{memory object created here without a parent; it lives until the driver unloads}} expected-note{{Taking false branch}}
    return 0;
  buffer[0] = 1;
  WdfObjectDelete(memory); // expected-note{{deleted here}}
  return buffer[0]; // expected-warning{{buffer of a memory object used after WdfObjectDelete deleted it: the buffer was freed with the object; finish every use before the object is deleted}} expected-note{{buffer of a memory object used after WdfObjectDelete deleted it: the buffer was freed with the object; finish every use before the object is deleted}}
}

ULONG BufferAfterParentDeleted(void) {
  WDF_OBJECT_ATTRIBUTES attributes;
  WDFMEMORY parent, child;
  ULONG *buffer;
  if (!NT_SUCCESS(WdfMemoryCreate(NULL, NonPagedPoolNx, TAG, 64, &parent, NULL))) // expected-note{{Taking false branch}}
    return 0;
  WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
  attributes.ParentObject = parent;
  if (!NT_SUCCESS(WdfMemoryCreate(&attributes, NonPagedPoolNx, TAG, 64, &child, (PVOID *)&buffer))) { // expected-note{{memory object created here}} expected-note{{Taking false branch}}
    WdfObjectDelete(parent);
    return 0;
  }
  WdfObjectDelete(parent); // expected-note{{deleted here with its parent}}
  return buffer[0]; // expected-warning{{buffer of a memory object used after it was deleted with its parent: the buffer was freed with the object; finish every use before the object is deleted}} expected-note{{buffer of a memory object used after it was deleted with its parent: the buffer was freed with the object; finish every use before the object is deleted}}
}

// SDV's BufAfterReqCompleted: the output buffer after completion.
EVT_WDF_IO_QUEUE_IO_READ ReadAfterComplete;
VOID ReadAfterComplete(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  ULONG *out;
  if (!NT_SUCCESS(WdfRequestRetrieveOutputBuffer(Request, sizeof(ULONG), (PVOID *)&out, NULL))) { // expected-note{{Taking false branch}}
    WdfRequestComplete(Request, STATUS_BUFFER_TOO_SMALL);
    return;
  }
  *out = 7; // no-warning
  WdfRequestCompleteWithInformation(Request, STATUS_SUCCESS, sizeof(ULONG)); // expected-note{{request completed here; memory parented to it is freed}}
  *out = 8; // expected-warning{{buffer of a request used after the request was completed: completion hands it back to the I/O manager; use it before completing the request}} expected-note{{buffer of a request used after the request was completed: completion hands it back to the I/O manager; use it before completing the request}}
}

// Memory parented to the request dies with it.
EVT_WDF_IO_QUEUE_IO_WRITE ChildAfterComplete;
VOID ChildAfterComplete(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  WDF_OBJECT_ATTRIBUTES attributes;
  WDFMEMORY memory;
  WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
  attributes.ParentObject = Request;
  if (!NT_SUCCESS(WdfMemoryCreate(&attributes, NonPagedPoolNx, TAG, 16, &memory, NULL))) { // expected-note{{memory object created here}} expected-note{{Taking false branch}}
    WdfRequestComplete(Request, STATUS_NO_MEMORY);
    return;
  }
  WdfRequestComplete(Request, STATUS_SUCCESS); // expected-note{{request completed here; memory parented to it is freed}}
  WdfMemoryGetBuffer(memory, NULL); // expected-warning{{memory object used after its request was completed, which freed it: its handle is no longer valid; finish every use before the object is deleted or its request completed}} expected-note{{memory object used after its request was completed, which freed it: its handle is no longer valid; finish every use before the object is deleted or its request completed}}
}

// SDV's MemAfterReqCompleted: retrieved memory after completion.
EVT_WDF_IO_QUEUE_IO_WRITE InputMemoryAfterComplete;
VOID InputMemoryAfterComplete(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  WDFMEMORY input;
  ULONG value;
  if (!NT_SUCCESS(WdfRequestRetrieveInputMemory(Request, &input))) { // expected-note{{memory retrieved from the request here; it belongs to the framework}} expected-note{{Taking false branch}}
    WdfRequestComplete(Request, STATUS_INVALID_PARAMETER);
    return;
  }
  WdfRequestComplete(Request, STATUS_SUCCESS); // expected-note{{request completed here; memory parented to it is freed}}
  WdfMemoryCopyToBuffer(input, 0, &value, sizeof value); // expected-warning{{memory object used after its request was completed, which freed it: its handle is no longer valid; finish every use before the object is deleted or its request completed}} expected-note{{memory object used after its request was completed, which freed it: its handle is no longer valid; finish every use before the object is deleted or its request completed}}
}

// Request memory used before completion only: clean.
EVT_WDF_IO_QUEUE_IO_WRITE InputMemoryBeforeComplete;
VOID InputMemoryBeforeComplete(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  WDFMEMORY input;
  ULONG value = 0;
  NTSTATUS status = WdfRequestRetrieveInputMemory(Request, &input);
  if (NT_SUCCESS(status))
    status = WdfMemoryCopyToBuffer(input, 0, &value, sizeof value); // no-warning
  WdfRequestCompleteWithInformation(Request, status, value);
}

// Comparing a handle's value is not a use.
void CompareIsNotUse(void) {
  WDFMEMORY memory;
  if (!NT_SUCCESS(WdfMemoryCreate(NULL, NonPagedPoolNx, TAG, 64, &memory, NULL)))
    return;
  WdfObjectDelete(memory);
  if (memory != NULL) // no-warning
    memory = NULL;
}

// Dead memory passed to other functions or put in a memory descriptor:
// use-after-delete-passed.c.
