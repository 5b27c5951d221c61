// WM006 wdf.DoubleDelete: WdfObjectDelete on an object already deleted (by
// WdfObjectDelete, with its parent, at its request's completion) or on
// memory the framework owns.  It is WM006 only, not also WM005.
// RUN: %wdf_analyze -analyzer-checker=wdf.DoubleDelete,wdf.UseAfterDelete -verify %s
// RUN: %wdf_analyze -analyzer-checker=wdf.DoubleDelete,wdf.UseAfterDelete -verify %wdk_shape %s
// RUN: %wdf_analyze -analyzer-checker=wdf.DoubleDelete,wdf.UseAfterDelete -verify %msvc %wdk_shape %s
#include <ntddk.h>
#include <wdf.h>

#define TAG 'leDD'
typedef struct { WDFMEMORY Saved; } CTX;
WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(CTX, GetCtx)

void DeleteTwice(void) {
  WDFMEMORY memory;
  if (!NT_SUCCESS(WdfMemoryCreate(NULL, NonPagedPoolNx, TAG, 64, &memory, NULL))) // expected-note{{memory object created here without a parent; it lives until the driver unloads}} expected-note{{Taking false branch}}
    return;
  WdfObjectDelete(memory); // expected-note{{deleted here}}
  WdfObjectDelete(memory); // expected-warning{{memory object deleted twice: the first WdfObjectDelete freed it, so this one frees freed memory; delete each object once}} expected-note{{memory object deleted twice: the first WdfObjectDelete freed it, so this one frees freed memory; delete each object once}}
}

// A handle kept in a context, deleted twice without being cleared.
void DeleteStoredTwice(WDFDEVICE Device) {
  CTX *ctx = GetCtx(Device);
  WdfObjectDelete(ctx->Saved); // expected-note{{deleted here}}
  WdfObjectDelete(ctx->Saved); // expected-warning{{memory object deleted twice: the first WdfObjectDelete freed it, so this one frees freed memory; delete each object once}} expected-note{{memory object deleted twice: the first WdfObjectDelete freed it, so this one frees freed memory; delete each object once}}
}

// Cleared after the delete: the second delete does not happen.
void DeleteOnceAndClear(WDFDEVICE Device) {
  CTX *ctx = GetCtx(Device);
  if (ctx->Saved != NULL) {
    WdfObjectDelete(ctx->Saved);
    ctx->Saved = NULL;
  }
  if (ctx->Saved != NULL)
    WdfObjectDelete(ctx->Saved); // no-warning
}

// Deleting memory retrieved from the request deletes the request itself.
EVT_WDF_IO_QUEUE_IO_WRITE DeleteFrameworkMemory;
VOID DeleteFrameworkMemory(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  WDFMEMORY input;
  if (NT_SUCCESS(WdfRequestRetrieveInputMemory(Request, &input))) // expected-note{{memory retrieved from the request here; it belongs to the framework}} expected-note{{Taking true branch}}
    WdfObjectDelete(input); // expected-warning{{memory from WdfRequestRetrieveInputMemory belongs to the framework: WdfObjectDelete on it deletes the request that owns it; do not delete it, complete the request instead}} expected-note{{memory from WdfRequestRetrieveInputMemory belongs to the framework: WdfObjectDelete on it deletes the request that owns it; do not delete it, complete the request instead}}
  WdfRequestComplete(Request, STATUS_SUCCESS);
}

// A child is deleted with its parent.
void DeleteChildAfterParent(void) {
  WDF_OBJECT_ATTRIBUTES attributes;
  WDFMEMORY parent, child;
  if (!NT_SUCCESS(WdfMemoryCreate(NULL, NonPagedPoolNx, TAG, 64, &parent, NULL))) // expected-note{{Taking false branch}}
    return;
  WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
  attributes.ParentObject = parent;
  if (!NT_SUCCESS(WdfMemoryCreate(&attributes, NonPagedPoolNx, TAG, 64, &child, NULL))) { // expected-note{{memory object created here}} expected-note{{Taking false branch}}
    WdfObjectDelete(parent);
    return;
  }
  WdfObjectDelete(parent); // expected-note{{deleted here with its parent}}
  WdfObjectDelete(child); // expected-warning{{memory object deleted after it was already freed with its parent or request; delete it before that or not at all}} expected-note{{memory object deleted after it was already freed with its parent or request; delete it before that or not at all}}
}

void DeleteChildThenParent(void) {
  WDF_OBJECT_ATTRIBUTES attributes;
  WDFMEMORY parent, child;
  if (!NT_SUCCESS(WdfMemoryCreate(NULL, NonPagedPoolNx, TAG, 64, &parent, NULL)))
    return;
  WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
  attributes.ParentObject = parent;
  if (NT_SUCCESS(WdfMemoryCreate(&attributes, NonPagedPoolNx, TAG, 64, &child, NULL)))
    WdfObjectDelete(child); // no-warning
  WdfObjectDelete(parent); // no-warning
}

// Memory parented to the request is freed at completion.
EVT_WDF_IO_QUEUE_IO_READ DeleteAfterComplete;
VOID DeleteAfterComplete(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  WDF_OBJECT_ATTRIBUTES attributes;
  WDFMEMORY memory;
  WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
  attributes.ParentObject = Request;
  if (!NT_SUCCESS(WdfMemoryCreate(&attributes, NonPagedPoolNx, TAG, 64, &memory, NULL))) { // expected-note{{memory object created here}} expected-note{{Taking false branch}}
    WdfRequestComplete(Request, STATUS_INSUFFICIENT_RESOURCES);
    return;
  }
  WdfRequestComplete(Request, STATUS_SUCCESS); // expected-note{{request completed here; memory parented to it is freed}}
  WdfObjectDelete(memory); // expected-warning{{memory object deleted after it was already freed with its parent or request; delete it before that or not at all}} expected-note{{memory object deleted after it was already freed with its parent or request; delete it before that or not at all}}
}

// Deleting a handle passed to code the analyzer cannot see is still tracked.
void Consume(WDFMEMORY memory);
void HandedAwayThenDeletedTwice(void) {
  WDFMEMORY memory;
  if (!NT_SUCCESS(WdfMemoryCreate(NULL, NonPagedPoolNx, TAG, 64, &memory, NULL))) // expected-note{{memory object created here without a parent; it lives until the driver unloads}} expected-note{{Taking false branch}}
    return;
  Consume(memory);
  WdfObjectDelete(memory); // expected-note{{deleted here}}
  WdfObjectDelete(memory); // expected-warning{{memory object deleted twice: the first WdfObjectDelete freed it, so this one frees freed memory; delete each object once}} expected-note{{memory object deleted twice: the first WdfObjectDelete freed it, so this one frees freed memory; delete each object once}}
}
