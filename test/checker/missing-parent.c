// WM002 wdf.MissingParent: a memory object created without a parent outside
// DriverEntry and kept somewhere that outlives the function.  A handle kept
// in a field that this file passes to WdfObjectDelete somewhere is managed:
// neither WM002 nor WM004 (wdf.HandleLeak runs too: one finding per object).
// A deletion made while the same function stores a new handle into the
// field only retires the previous object: it does not manage the field.
// RUN: %wdf_analyze -analyzer-checker=wdf.MissingParent,wdf.HandleLeak -verify %s
// RUN: %wdf_analyze -analyzer-checker=wdf.MissingParent,wdf.HandleLeak -verify %wdk_shape %s
// RUN: %wdf_analyze -analyzer-checker=wdf.MissingParent,wdf.HandleLeak -verify %msvc %wdk_shape %s
#include <ntddk.h>
#include <wdf.h>

#define TAG 'tnrP'

typedef struct {
  WDFMEMORY Kept;       // never deleted by this file
  WDFMEMORY Scratch;    // deleted through the field (ScratchDone)
  WDFMEMORY Staging;    // deleted through a local copy (StagingDone)
  WDFMEMORY Reply;      // deleted through the field (ReplyDone)
  WDFMEMORY Latest;     // deleted only when replaced (LatestReplaced)
  WDFMEMORY Table;      // deleted only when re-created (TableResized)
} QUEUE_CTX;
WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(QUEUE_CTX, GetQueueCtx)

// Another structure with a field of the same name: a different field.
typedef struct {
  WDFMEMORY Scratch;
} FILE_CTX;
WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(FILE_CTX, GetFileCtx)

struct {
  WDFMEMORY Log;        // deleted through the global (LogDone)
  WDFMEMORY History;    // never deleted
} Globals;

// ---- Without a parent, kept beyond the function ---------------------------------

NTSTATUS KeptInContext(WDFQUEUE Queue) {
  QUEUE_CTX *ctx = GetQueueCtx(Queue);
  return WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, NonPagedPoolNx, TAG, 64, &ctx->Kept, NULL); // expected-warning{{memory object from WdfMemoryCreate has no parent and outlives this function: it belongs to the driver and lives until unload, so one per request piles up; set attributes.ParentObject (e.g. to the request) or delete it when done}} expected-note{{memory object from WdfMemoryCreate has no parent and outlives this function}}
}

// Attributes initialised, ParentObject never set: still the driver's.
NTSTATUS AttributesWithoutParent(WDFQUEUE Queue) {
  WDF_OBJECT_ATTRIBUTES attributes;
  QUEUE_CTX *ctx = GetQueueCtx(Queue);
  WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
  return WdfMemoryCreate(&attributes, NonPagedPoolNx, TAG, 64, &ctx->Kept, NULL); // expected-warning{{memory object from WdfMemoryCreate has no parent and outlives this function}} expected-note{{memory object from WdfMemoryCreate has no parent and outlives this function}}
}

void KeptInGlobal(PVOID buffer, size_t length) {
  WdfMemoryCreatePreallocated(WDF_NO_OBJECT_ATTRIBUTES, buffer, length, &Globals.History); // expected-warning{{memory object from WdfMemoryCreatePreallocated has no parent and outlives this function}} expected-note{{memory object from WdfMemoryCreatePreallocated has no parent and outlives this function}}
}

// ---- With a parent, or a parent the path cannot tell ----------------------------

NTSTATUS ParentedToRequest(WDFQUEUE Queue, WDFREQUEST Request) {
  WDF_OBJECT_ATTRIBUTES attributes;
  QUEUE_CTX *ctx = GetQueueCtx(Queue);
  WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
  attributes.ParentObject = Request;
  return WdfMemoryCreate(&attributes, NonPagedPoolNx, TAG, 64, &ctx->Kept, NULL); // no-warning
}

NTSTATUS ParentFromCaller(WDFQUEUE Queue, PWDF_OBJECT_ATTRIBUTES attributes) {
  QUEUE_CTX *ctx = GetQueueCtx(Queue);
  return WdfMemoryCreate(attributes, NonPagedPoolNx, TAG, 64, &ctx->Kept, NULL); // no-warning
}

// ---- Managed through a field that this file deletes through ---------------------

NTSTATUS ScratchCreated(WDFQUEUE Queue, PVOID buffer, size_t length) {
  QUEUE_CTX *ctx = GetQueueCtx(Queue);
  return WdfMemoryCreatePreallocated(WDF_NO_OBJECT_ATTRIBUTES, buffer, length, &ctx->Scratch); // no-warning
}

void ScratchDone(WDFQUEUE Queue) {
  QUEUE_CTX *ctx = GetQueueCtx(Queue);
  if (ctx->Scratch != NULL) {
    WdfObjectDelete(ctx->Scratch);
    ctx->Scratch = NULL;
  }
}

// Stored into the field after the creation, not by it.
void ReplyCreated(WDFQUEUE Queue) {
  QUEUE_CTX *ctx = GetQueueCtx(Queue);
  WDFMEMORY reply;
  if (NT_SUCCESS(WdfMemoryCreate(NULL, NonPagedPoolNx, TAG, 32, &reply, NULL))) // no-warning
    ctx->Reply = reply;
}

void ReplyDone(QUEUE_CTX *ctx) {
  WdfObjectDelete(ctx->Reply);
}

NTSTATUS StagingCreated(WDFQUEUE Queue) {
  QUEUE_CTX *ctx = GetQueueCtx(Queue);
  return WdfMemoryCreate(NULL, NonPagedPoolNx, TAG, 128, &ctx->Staging, NULL); // no-warning
}

void StagingDone(QUEUE_CTX *ctx) {
  WDFMEMORY staging = ctx->Staging;
  ctx->Staging = NULL;
  WdfObjectDelete(staging);
}

void LogCreated(void) {
  WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, PagedPool, TAG, 256, &Globals.Log, NULL); // no-warning
}

void LogDone(void) {
  WdfObjectDelete(Globals.Log);
}

// The previous object is deleted when a new one takes its place; the newest
// one is never deleted.
NTSTATUS LatestReplaced(WDFQUEUE Queue) {
  QUEUE_CTX *ctx = GetQueueCtx(Queue);
  WDFMEMORY fresh;
  NTSTATUS status = WdfMemoryCreate(NULL, NonPagedPoolNx, TAG, 64, &fresh, NULL); // expected-warning{{memory object from WdfMemoryCreate has no parent and outlives this function}} expected-note{{memory object from WdfMemoryCreate has no parent and outlives this function}}
  if (!NT_SUCCESS(status))
    return status;
  if (ctx->Latest != NULL)
    WdfObjectDelete(ctx->Latest);
  ctx->Latest = fresh;
  return STATUS_SUCCESS;
}

// Re-created in place: the same, with the creation storing the new handle.
NTSTATUS TableResized(WDFQUEUE Queue, size_t length) {
  QUEUE_CTX *ctx = GetQueueCtx(Queue);
  if (ctx->Table != NULL) // expected-note{{Assuming field 'Table' is equal to NULL}} expected-note{{Taking false branch}}
    WdfObjectDelete(ctx->Table);
  return WdfMemoryCreate(NULL, NonPagedPoolNx, TAG, length, &ctx->Table, NULL); // expected-warning{{memory object from WdfMemoryCreate has no parent and outlives this function}} expected-note{{memory object from WdfMemoryCreate has no parent and outlives this function}}
}

// FILE_CTX's Scratch is never deleted: only QUEUE_CTX's is.
NTSTATUS SameNameOtherStructure(WDFFILEOBJECT File) {
  FILE_CTX *ctx = GetFileCtx(File);
  return WdfMemoryCreate(NULL, NonPagedPoolNx, TAG, 64, &ctx->Scratch, NULL); // expected-warning{{memory object from WdfMemoryCreate has no parent and outlives this function}} expected-note{{memory object from WdfMemoryCreate has no parent and outlives this function}}
}

// ---- DriverEntry ----------------------------------------------------------------

WDFMEMORY DriverWide;

// Created at load time: meant to live until unload.
NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath) {
  return WdfMemoryCreate(NULL, NonPagedPoolNx, TAG, 64, &DriverWide, NULL); // no-warning
}
