// WM004 wdf.HandleLeak and WM002 wdf.MissingParent: the last handle of a live
// driver-parented memory object lost (WM004); such an object kept somewhere
// that outlives the function (WM002).  One finding per object and cause.
// A handle kept in a field that this file deletes through is managed; losing
// it by overwriting that field is still WM004, reported at the overwrite.
// RUN: %wdf_analyze -analyzer-checker=wdf.HandleLeak,wdf.MissingParent -verify %s
// RUN: %wdf_analyze -analyzer-checker=wdf.HandleLeak,wdf.MissingParent -verify %wdk_shape %s
// RUN: %wdf_analyze -analyzer-checker=wdf.HandleLeak,wdf.MissingParent -verify %msvc %wdk_shape %s
#include <wdf.h>
#define TAG 'kaeL'
typedef struct { WDFMEMORY Saved; } CTX;
WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(CTX, GetCtx)
void Consume(WDFMEMORY m);

// The handle is never read again after the call: lost right there.
EVT_WDF_IO_QUEUE_IO_READ LeakNoParent;
VOID LeakNoParent(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  WDFMEMORY memory;
  PVOID buffer;
  NTSTATUS status = WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, NonPagedPoolNx, TAG, 64, &memory, &buffer); // expected-note{{memory object created here without a parent; it lives until the driver unloads}}
  if (!NT_SUCCESS(status)) { // expected-note{{'status' is >= 0}} expected-note{{'status' is >= 0}} expected-note{{Taking false branch}}
    WdfRequestComplete(Request, status);
    return;
  }
  RtlZeroMemory(buffer, 64);
  WdfRequestComplete(Request, STATUS_SUCCESS);
} // expected-warning{{the last handle to the memory object from WdfMemoryCreate is lost here: it has no parent, so it stays allocated until the driver unloads; delete it with WdfObjectDelete, give it a parent, or store the handle}} expected-note{{the last handle to the memory object from WdfMemoryCreate is lost here: it has no parent, so it stays allocated until the driver unloads; delete it with WdfObjectDelete, give it a parent, or store the handle}}

// Parented to the request: completing the request frees it.
EVT_WDF_IO_QUEUE_IO_READ ParentIsRequest;
VOID ParentIsRequest(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  WDF_OBJECT_ATTRIBUTES attributes;
  WDFMEMORY memory;
  WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
  attributes.ParentObject = Request;
  if (!NT_SUCCESS(WdfMemoryCreate(&attributes, NonPagedPoolNx, TAG, 64, &memory, NULL))) {
    WdfRequestComplete(Request, STATUS_INSUFFICIENT_RESOURCES);
    return;
  }
  WdfRequestComplete(Request, STATUS_SUCCESS);
}

// Deleted on every path, error paths included.
NTSTATUS DeletedOnAllPaths(WDFREQUEST Request, ULONG value) {
  WDFMEMORY memory;
  NTSTATUS status = WdfMemoryCreate(NULL, NonPagedPoolNx, TAG, sizeof(ULONG), &memory, NULL);
  if (!NT_SUCCESS(status))
    return status;
  status = WdfMemoryCopyFromBuffer(memory, 0, &value, sizeof value);
  if (!NT_SUCCESS(status)) {
    WdfObjectDelete(memory);
    return status;
  }
  WdfObjectDelete(memory);
  return STATUS_SUCCESS;
}

// Deleted on the success path only.
NTSTATUS LeakOnErrorPath(WDFREQUEST Request, ULONG value) {
  WDFMEMORY memory;
  NTSTATUS status = WdfMemoryCreate(NULL, NonPagedPoolNx, TAG, sizeof(ULONG), &memory, NULL); // expected-note{{memory object created here without a parent; it lives until the driver unloads}}
  if (!NT_SUCCESS(status)) // expected-note{{'status' is >= 0}} expected-note{{'status' is >= 0}} expected-note{{Taking false branch}}
    return status;
  status = WdfMemoryCopyFromBuffer(memory, 0, &value, sizeof value);
  if (!NT_SUCCESS(status)) // expected-note{{Assuming 'status' is < 0}} expected-note{{'status' is < 0}} expected-note{{Taking true branch}}
    return status; // expected-warning{{the last handle to the memory object from WdfMemoryCreate is lost here: it has no parent, so it stays allocated until the driver unloads; delete it with WdfObjectDelete, give it a parent, or store the handle}} expected-note{{the last handle to the memory object from WdfMemoryCreate is lost here: it has no parent, so it stays allocated until the driver unloads; delete it with WdfObjectDelete, give it a parent, or store the handle}}
  WdfObjectDelete(memory);
  return STATUS_SUCCESS;
}

// Stored in a device context without a parent: WM002, not WM004.
NTSTATUS StoredInContext(WDFDEVICE Device) {
  CTX *ctx = GetCtx(Device);
  return WdfMemoryCreate(NULL, NonPagedPoolNx, TAG, 64, &ctx->Saved, NULL); // expected-warning{{memory object from WdfMemoryCreate has no parent and outlives this function: it belongs to the driver and lives until unload, so one per request piles up; set attributes.ParentObject (e.g. to the request) or delete it when done}} expected-note{{memory object from WdfMemoryCreate has no parent and outlives this function: it belongs to the driver and lives until unload, so one per request piles up; set attributes.ParentObject (e.g. to the request) or delete it when done}}
}

// Handed to code the analyzer cannot see, which may delete it: nothing.
void HandedAway(void) {
  WDFMEMORY memory;
  if (NT_SUCCESS(WdfMemoryCreate(NULL, NonPagedPoolNx, TAG, 64, &memory, NULL)))  // no-warning
    Consume(memory);
}

// The first handle is overwritten by the second creation.
void Overwritten(void) {
  WDFMEMORY memory;
  if (!NT_SUCCESS(WdfMemoryCreate(NULL, NonPagedPoolNx, TAG, 64, &memory, NULL))) // expected-note{{memory object created here without a parent; it lives until the driver unloads}} expected-note{{Taking false branch}}
    return;
  if (!NT_SUCCESS(WdfMemoryCreate(NULL, NonPagedPoolNx, TAG, 64, &memory, NULL))) // expected-note{{Taking true branch}}
    return; // expected-warning{{the last handle to the memory object from WdfMemoryCreate is lost here: it has no parent, so it stays allocated until the driver unloads; delete it with WdfObjectDelete, give it a parent, or store the handle}} expected-note{{the last handle to the memory object from WdfMemoryCreate is lost here: it has no parent, so it stays allocated until the driver unloads; delete it with WdfObjectDelete, give it a parent, or store the handle}}
  WdfObjectDelete(memory);
}

// Whether there is a parent is not known on the path: nothing.
void UnknownParent(PWDF_OBJECT_ATTRIBUTES attributes) {
  WDFMEMORY memory;
  WdfMemoryCreate(attributes, NonPagedPoolNx, TAG, 64, &memory, NULL); // no-warning
}

// Returned to the caller: stored somewhere that outlives the function.
WDFMEMORY Returned(void) {
  WDFMEMORY memory;
  if (!NT_SUCCESS(WdfMemoryCreate(NULL, NonPagedPoolNx, TAG, 64, &memory, NULL))) // expected-warning{{memory object from WdfMemoryCreate has no parent and outlives this function: it belongs to the driver and lives until unload, so one per request piles up; set attributes.ParentObject (e.g. to the request) or delete it when done}} expected-note{{memory object from WdfMemoryCreate has no parent and outlives this function: it belongs to the driver and lives until unload, so one per request piles up; set attributes.ParentObject (e.g. to the request) or delete it when done}}
    return NULL;
  return memory;
}

// Created in DriverEntry: meant to live until unload.
WDFMEMORY GlobalMemory;
NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath) {
  return WdfMemoryCreate(NULL, NonPagedPoolNx, TAG, 64, &GlobalMemory, NULL); // no-warning
}

// ---- A field this file deletes through (SlotDone): the handle is managed ----

typedef struct { WDFMEMORY Current; WDFMEMORY Previous; } SLOT_CTX;
WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(SLOT_CTX, GetSlotCtx)

void SlotDone(SLOT_CTX *slot) {
  WdfObjectDelete(slot->Current);
  WdfObjectDelete(slot->Previous);
}

// Kept in the field when the function returns: neither lost nor WM002.
NTSTATUS SlotFilled(WDFDEVICE Device) {
  SLOT_CTX *slot = GetSlotCtx(Device);
  return WdfMemoryCreate(NULL, NonPagedPoolNx, TAG, 64, &slot->Current, NULL); // no-warning
}

// Refilled while it holds the object this path created: that one is lost.
void SlotRefilled(WDFDEVICE Device) {
  SLOT_CTX *slot = GetSlotCtx(Device);
  if (!NT_SUCCESS(WdfMemoryCreate(NULL, NonPagedPoolNx, TAG, 64, &slot->Current, NULL))) // expected-note{{memory object created here without a parent; it lives until the driver unloads}} expected-note{{Taking false branch}}
    return;
  WdfMemoryCreate(NULL, NonPagedPoolNx, TAG, 64, &slot->Current, NULL); // expected-warning{{'slot->Current' is overwritten here while it holds the last handle to the memory object from WdfMemoryCreate: it has no parent, so it stays allocated until the driver unloads; delete it with WdfObjectDelete before reusing 'slot->Current', or give it a parent}} expected-note{{'slot->Current' is overwritten here while it holds the last handle}}
}

// Cleared by an assignment while it holds the object this path created.
void SlotCleared(WDFDEVICE Device) {
  SLOT_CTX *slot = GetSlotCtx(Device);
  if (!NT_SUCCESS(WdfMemoryCreate(NULL, NonPagedPoolNx, TAG, 64, &slot->Current, NULL))) // expected-note{{memory object created here without a parent; it lives until the driver unloads}} expected-note{{Taking false branch}}
    return;
  slot->Current = NULL; // expected-warning{{'slot->Current' is overwritten here while it holds the last handle}} expected-note{{'slot->Current' is overwritten here while it holds the last handle}}
}

// Deleted before the field is refilled.
void SlotRefilledAfterDelete(WDFDEVICE Device) {
  SLOT_CTX *slot = GetSlotCtx(Device);
  if (!NT_SUCCESS(WdfMemoryCreate(NULL, NonPagedPoolNx, TAG, 64, &slot->Current, NULL)))
    return;
  WdfObjectDelete(slot->Current);
  WdfMemoryCreate(NULL, NonPagedPoolNx, TAG, 64, &slot->Current, NULL);
} // no-warning

// Moved to another managed field before the refill: still held.
void SlotRotated(WDFDEVICE Device) {
  SLOT_CTX *slot = GetSlotCtx(Device);
  if (!NT_SUCCESS(WdfMemoryCreate(NULL, NonPagedPoolNx, TAG, 64, &slot->Current, NULL)))
    return;
  slot->Previous = slot->Current;
  WdfMemoryCreate(NULL, NonPagedPoolNx, TAG, 64, &slot->Current, NULL);
} // no-warning

// Copied to a local before the refill, and deleted through the copy.
void SlotSwapped(WDFDEVICE Device) {
  SLOT_CTX *slot = GetSlotCtx(Device);
  WDFMEMORY old;
  if (!NT_SUCCESS(WdfMemoryCreate(NULL, NonPagedPoolNx, TAG, 64, &slot->Current, NULL)))
    return;
  old = slot->Current;
  WdfMemoryCreate(NULL, NonPagedPoolNx, TAG, 64, &slot->Current, NULL);
  WdfObjectDelete(old);
} // no-warning

// A handle printed (a variadic argument of a function without a body, as
// DbgPrint or a WPP trace) is not kept by the call: still lost at the end.
EVT_WDF_IO_QUEUE_IO_READ LeakAfterPrint;
VOID LeakAfterPrint(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  WDFMEMORY memory;
  if (!NT_SUCCESS(WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, NonPagedPoolNx, TAG, 64, &memory, NULL))) { // expected-note{{memory object created here without a parent; it lives until the driver unloads}} expected-note{{Taking false branch}}
    WdfRequestComplete(Request, STATUS_INSUFFICIENT_RESOURCES);
    return;
  }
  DbgPrint("memory %p\n", memory);
  WdfRequestComplete(Request, STATUS_SUCCESS);
} // expected-warning{{the last handle to the memory object from WdfMemoryCreate is lost here}} expected-note{{the last handle to the memory object from WdfMemoryCreate is lost here}}

// A variadic logger that takes the handle as a fixed argument may keep it.
void LogAndKeep(WDFMEMORY m, const char *Format, ...);
EVT_WDF_IO_QUEUE_IO_READ KeptByFixedArgument;
VOID KeptByFixedArgument(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  WDFMEMORY memory;
  if (!NT_SUCCESS(WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, NonPagedPoolNx, TAG, 64, &memory, NULL))) {
    WdfRequestComplete(Request, STATUS_INSUFFICIENT_RESOURCES);
    return;
  }
  LogAndKeep(memory, "memory %p\n", memory);
  WdfRequestComplete(Request, STATUS_SUCCESS);
}
