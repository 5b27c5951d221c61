// WM004 wdf.HandleLeak for handles created straight into a field, in C++: a
// class holding the device context pointer, a class whose own member holds
// the handle, a context reached through a reference.  A second creation into
// the same field (or an assignment to it) on one path, while it holds the
// only handle of a driver-parented object this path created, loses that
// object -- reported at the overwrite, with a note at the first creation.
// Directly, in a loop, through a helper member function, on an error path;
// clean when the object was deleted in between, stored elsewhere, parented,
// in another element of an array field (a range-for over the slots), or
// created on an earlier call.
// RUN: %wdf_analyze -x c++ -std=c++17 -analyzer-checker=wdf.HandleLeak,wdf.MissingParent -verify %s
// RUN: %wdf_analyze -x c++ -std=c++17 -analyzer-checker=wdf.HandleLeak,wdf.MissingParent -verify %wdk_shape %s
// RUN: %wdf_analyze -x c++ -std=c++17 -analyzer-checker=wdf.HandleLeak,wdf.MissingParent -verify %msvc %wdk_shape %s
#include <ntddk.h>
#include <wdf.h>

constexpr ULONG Tag = 'dlFW';
constexpr ULONG Slots = 4;

struct DEV_CTX {
  WDFMEMORY Staging;
  WDFMEMORY Previous;
  WDFMEMORY Slots[Slots];
  WDFMEMORY Log; // never deleted by this file
};
using PDEV_CTX = DEV_CTX *;
WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(DEV_CTX, GetDevCtx)

// Holds the device context pointer; its members create into the context.
class Stager {
public:
  explicit Stager(WDFDEVICE device) : ctx_(GetDevCtx(device)) {}

  NTSTATUS allocate(size_t size) {
    return WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, NonPagedPoolNx, Tag, size, &ctx_->Staging, nullptr); // expected-note{{memory object created here without a parent; it lives until the driver unloads}} expected-warning{{'ctx_->Staging' is overwritten here while it holds the last handle}} expected-note{{'ctx_->Staging' is overwritten here}}
  }

  // The release path: the fields this file deletes through are managed (no
  // WM002 for them, no WM004 when a function returns holding them).
  void release() {
    WdfObjectDelete(ctx_->Staging);
    ctx_->Staging = nullptr;
    WdfObjectDelete(ctx_->Previous);
    for (WDFMEMORY slot : ctx_->Slots)
      WdfObjectDelete(slot);
  }

  NTSTATUS recreate();
  NTSTATUS recreateInLoop(ULONG passes);
  NTSTATUS recreateThroughHelper();
  NTSTATUS recreateOnErrorPath(PVOID seed, size_t length);

  NTSTATUS deleteInBetween(ULONG passes);
  NTSTATUS keepPrevious();
  NTSTATUS fillSlots();
  NTSTATUS logParented(WDFDEVICE device, ULONG passes);
  NTSTATUS replace();
  NTSTATUS allocateOnce();

private:
  PDEV_CTX ctx_;
};

// A class whose own member holds the handle; the object lives in a context.
// More members than the analyzer copies one by one: a copy of it is a
// snapshot of the whole object.
class Cache {
public:
  NTSTATUS grow(size_t length) {
    length_ = length;
    return WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, NonPagedPoolNx, tag_, length, &memory_, &buffer_);
  }
  NTSTATUS regrow(size_t length);
  void drop() {
    if (memory_ != nullptr)
      WdfObjectDelete(memory_);
    memory_ = nullptr;
  }

private:
  WDFMEMORY memory_ = nullptr;
  PVOID buffer_ = nullptr;
  size_t length_ = 0;
  ULONG tag_ = Tag;
};

// ---- lost ----

NTSTATUS Stager::recreate() {
  NTSTATUS status = WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, NonPagedPoolNx, Tag, 256, &ctx_->Staging, nullptr); // expected-note{{memory object created here without a parent; it lives until the driver unloads}}
  if (!NT_SUCCESS(status)) // expected-note{{Taking false branch}} expected-note 2 {{'status' is >= 0}}
    return status;
  return WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, NonPagedPoolNx, Tag, 512, &ctx_->Staging, nullptr); // expected-warning{{'ctx_->Staging' is overwritten here while it holds the last handle to the memory object from WdfMemoryCreate: it has no parent, so it stays allocated until the driver unloads; delete it with WdfObjectDelete before reusing 'ctx_->Staging', or give it a parent}} expected-note{{'ctx_->Staging' is overwritten here}}
}

NTSTATUS Stager::recreateInLoop(ULONG passes) {
  NTSTATUS status = STATUS_SUCCESS;
  for (ULONG i = 0; i < passes; ++i) { // expected-note{{Assuming 'i' is < 'passes'}} expected-note{{Loop condition is true}} expected-note{{Assuming 'i' is < 'passes'}} expected-note{{Loop condition is true}}
    status = WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, NonPagedPoolNx, Tag, 256, &ctx_->Staging, nullptr); // expected-note{{memory object created here without a parent; it lives until the driver unloads}} expected-warning{{'ctx_->Staging' is overwritten here while it holds the last handle}} expected-note{{'ctx_->Staging' is overwritten here}}
    if (!NT_SUCCESS(status)) // expected-note{{Taking false branch}} expected-note 2 {{'status' is >= 0}}
      break;
  }
  return status;
}

NTSTATUS Stager::recreateThroughHelper() {
  NTSTATUS status = allocate(256); // expected-note{{Calling 'Stager::allocate'}} expected-note{{Returning from 'Stager::allocate'}}
  if (!NT_SUCCESS(status)) // expected-note{{Taking false branch}} expected-note 2 {{'status' is >= 0}}
    return status;
  return allocate(512); // expected-note{{Calling 'Stager::allocate'}}
}

// The fallback allocation on the error path forgets the first object.
NTSTATUS Stager::recreateOnErrorPath(PVOID seed, size_t length) {
  NTSTATUS status = WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, NonPagedPoolNx, Tag, 4096, &ctx_->Staging, nullptr); // expected-note{{memory object created here without a parent; it lives until the driver unloads}}
  if (!NT_SUCCESS(status)) // expected-note{{Taking false branch}} expected-note 2 {{'status' is >= 0}}
    return status;
  status = WdfMemoryCopyFromBuffer(ctx_->Staging, 0, seed, length);
  if (!NT_SUCCESS(status)) // expected-note{{Assuming 'status' is < 0}} expected-note{{Taking true branch}} expected-note{{'status' is < 0}}
    status = WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, NonPagedPoolNx, Tag, 512, &ctx_->Staging, nullptr); // expected-warning{{'ctx_->Staging' is overwritten here while it holds the last handle}} expected-note{{'ctx_->Staging' is overwritten here}}
  return status;
}

// The class's own member, grown without deleting the first object.
NTSTATUS Cache::regrow(size_t length) {
  if (!NT_SUCCESS(WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, NonPagedPoolNx, Tag, 4096, &memory_, nullptr))) // expected-note{{memory object created here without a parent; it lives until the driver unloads}} expected-note{{Taking false branch}}
    return STATUS_INSUFFICIENT_RESOURCES;
  if (length > 4096) // expected-note{{Assuming 'length' is > 4096}} expected-note{{Taking true branch}}
    return WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, NonPagedPoolNx, Tag, length, &memory_, nullptr); // expected-warning{{'memory_' is overwritten here while it holds the last handle}} expected-note{{'memory_' is overwritten here}}
  return STATUS_SUCCESS;
}

// The context through a reference; the second buffer assigned over the first.
NTSTATUS SwapStagingByReference(WDFDEVICE device) {
  DEV_CTX &ctx = *GetDevCtx(device);
  WDFMEMORY fresh;
  if (!NT_SUCCESS(WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, NonPagedPoolNx, Tag, 64, &ctx.Staging, nullptr))) // expected-note{{memory object created here without a parent; it lives until the driver unloads}} expected-note{{Taking false branch}}
    return STATUS_INSUFFICIENT_RESOURCES;
  if (!NT_SUCCESS(WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, NonPagedPoolNx, Tag, 128, &fresh, nullptr))) // expected-note{{Taking false branch}}
    return STATUS_INSUFFICIENT_RESOURCES;
  ctx.Staging = fresh; // expected-warning{{'ctx.Staging' is overwritten here while it holds the last handle}} expected-note{{'ctx.Staging' is overwritten here}}
  return STATUS_SUCCESS;
}

// ---- clean twins ----

NTSTATUS Stager::deleteInBetween(ULONG passes) {
  NTSTATUS status = STATUS_SUCCESS;
  for (ULONG i = 0; i < passes; ++i) {
    status = allocate(256); // no-warning
    if (!NT_SUCCESS(status))
      break;
    if (i + 1 < passes)
      release();
  }
  return status;
}

NTSTATUS Stager::keepPrevious() {
  NTSTATUS status = allocate(256);
  if (!NT_SUCCESS(status))
    return status;
  ctx_->Previous = ctx_->Staging;
  return allocate(256); // no-warning
}

// A range-for over the array field: each element once.
NTSTATUS Stager::fillSlots() {
  for (WDFMEMORY &slot : ctx_->Slots) {
    NTSTATUS status = WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, NonPagedPoolNx, Tag, 64, &slot, nullptr); // no-warning
    if (!NT_SUCCESS(status))
      return status;
  }
  return STATUS_SUCCESS;
}

NTSTATUS Stager::logParented(WDFDEVICE device, ULONG passes) {
  WDF_OBJECT_ATTRIBUTES attributes;
  WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
  attributes.ParentObject = device;
  for (ULONG i = 0; i < passes; ++i)
    if (!NT_SUCCESS(WdfMemoryCreate(&attributes, NonPagedPoolNx, Tag, 64, &ctx_->Log, nullptr))) // no-warning
      return STATUS_INSUFFICIENT_RESOURCES;
  return STATUS_SUCCESS;
}

// What the field held came from an earlier call: not this path's object.
NTSTATUS Stager::replace() {
  return allocate(256); // no-warning
}

NTSTATUS Stager::allocateOnce() {
  NTSTATUS status = STATUS_SUCCESS;
  if (ctx_->Staging == nullptr)
    status = allocate(256);
  if (NT_SUCCESS(status) && ctx_->Staging == nullptr)
    status = allocate(256); // no-warning
  return status;
}

// A copy of the whole object (a trivially copyable class) keeps the handle:
// the rotation leaves the first buffer in 'previous'.
NTSTATUS RotateCache(Cache *current, Cache *previous, size_t length) {
  NTSTATUS status = current->grow(4096);
  if (!NT_SUCCESS(status))
    return status;
  *previous = *current;
  return current->grow(length); // no-warning
}

// Dropped (deleted and cleared) through the class before growing again.
NTSTATUS RegrowCache(Cache *cache, size_t length) {
  NTSTATUS status = cache->grow(4096);
  if (!NT_SUCCESS(status) || length <= 4096)
    return status;
  cache->drop();
  return cache->grow(length); // no-warning
}
