// The lifetime rules in C++: a class holding the handle, an RAII deleter,
// static member callbacks, a member the class deletes itself (managed).
// RUN: %wdf_analyze -x c++ -std=c++17 -analyzer-checker=wdf.HandleLeak,wdf.MissingParent,wdf.UseAfterDelete,wdf.DoubleDelete,wdf.UncheckedStatus -verify %s
// RUN: %wdf_analyze -x c++ -std=c++17 -analyzer-checker=wdf.HandleLeak,wdf.MissingParent,wdf.UseAfterDelete,wdf.DoubleDelete,wdf.UncheckedStatus -verify %wdk_shape %msvc %s
#include <ntddk.h>
#include <wdf.h>

constexpr ULONG Tag = 'ppCL';

// Deletes the object when it goes out of scope.
class ScopedMemory {
public:
  ScopedMemory() = default;
  ~ScopedMemory() {
    if (memory_ != nullptr) // expected-note{{Taking true branch}}
      WdfObjectDelete(memory_); // expected-warning{{memory object deleted twice: the first WdfObjectDelete freed it, so this one frees freed memory; delete each object once}} expected-note{{memory object deleted twice: the first WdfObjectDelete freed it, so this one frees freed memory; delete each object once}}
  }
  ScopedMemory(const ScopedMemory &) = delete;
  ScopedMemory &operator=(const ScopedMemory &) = delete;

  NTSTATUS create(size_t size) {
    return WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, NonPagedPoolNx, Tag, size, &memory_, nullptr); // expected-note{{memory object created here without a parent; it lives until the driver unloads}} expected-note{{memory object created here without a parent; it lives until the driver unloads}}
  }
  WDFMEMORY get() const { return memory_; }
  WDFMEMORY release() {
    WDFMEMORY m = memory_;
    memory_ = nullptr;
    return m;
  }

private:
  WDFMEMORY memory_ = nullptr;
};

struct Queue {
  static EVT_WDF_IO_QUEUE_IO_WRITE OnWrite;
  static EVT_WDF_IO_QUEUE_IO_READ OnRead;
};

// The RAII deleter frees the object on every path: no leak.
VOID Queue::OnWrite(WDFQUEUE q, WDFREQUEST request, size_t length) {
  ScopedMemory scratch;
  NTSTATUS status = scratch.create(64);
  if (!NT_SUCCESS(status)) {
    WdfRequestComplete(request, status);
    return;
  }
  if (length == 0) {
    WdfRequestComplete(request, STATUS_INVALID_PARAMETER);
    return;
  }
  WdfRequestComplete(request, STATUS_SUCCESS);
} // no-warning

// Released from the wrapper and then dropped: a leak.
VOID Queue::OnRead(WDFQUEUE q, WDFREQUEST request, size_t length) {
  ScopedMemory scratch;
  if (!NT_SUCCESS(scratch.create(64))) { // expected-note{{Calling 'ScopedMemory::create'}} expected-note{{Returning from 'ScopedMemory::create'}} expected-note{{Taking false branch}}
    WdfRequestComplete(request, STATUS_INSUFFICIENT_RESOURCES);
    return;
  }
  WDFMEMORY raw = scratch.release();
  WdfRequestComplete(request, raw != nullptr ? STATUS_SUCCESS : STATUS_UNSUCCESSFUL); // expected-note{{'?' condition is true}}
} // expected-warning{{the last handle to the memory object from WdfMemoryCreate is lost here: it has no parent, so it stays allocated until the driver unloads; delete it with WdfObjectDelete, give it a parent, or store the handle}} expected-note{{the last handle to the memory object from WdfMemoryCreate is lost here: it has no parent, so it stays allocated until the driver unloads; delete it with WdfObjectDelete, give it a parent, or store the handle}}

// Deleted by hand and then by the destructor.
void DeletedTwice() {
  ScopedMemory scratch;
  if (!NT_SUCCESS(scratch.create(16))) // expected-note{{Calling 'ScopedMemory::create'}} expected-note{{Returning from 'ScopedMemory::create'}} expected-note{{Taking false branch}}
    return;
  WdfObjectDelete(scratch.get()); // expected-note{{deleted here}}
} // expected-note{{Calling '~ScopedMemory'}}

// A class that keeps the handle for the device's lifetime.
class DeviceCache {
public:
  NTSTATUS init(WDFDEVICE device) {
    WDF_OBJECT_ATTRIBUTES attributes;
    WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
    attributes.ParentObject = device;
    return WdfMemoryCreate(&attributes, NonPagedPoolNx, Tag, 256, &cache_, nullptr); // no-warning
  }

private:
  WDFMEMORY cache_ = nullptr;
};

NTSTATUS InitCache(DeviceCache *cache, WDFDEVICE device) { return cache->init(device); }

// Kept in an object context; close() deletes the buffer through its member,
// so the handle there is managed.  The trace is never deleted.
class Session {
public:
  NTSTATUS open(PVOID data, size_t size) {
    return WdfMemoryCreatePreallocated(WDF_NO_OBJECT_ATTRIBUTES, data, size, &buffer_); // no-warning
  }
  NTSTATUS openTrace() {
    return WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, NonPagedPoolNx, Tag, 64, &trace_, nullptr); // expected-warning{{memory object from WdfMemoryCreate has no parent and outlives this function}} expected-note{{memory object from WdfMemoryCreate has no parent and outlives this function}}
  }
  void close() {
    if (buffer_ != nullptr) {
      WdfObjectDelete(buffer_);
      buffer_ = nullptr;
    }
  }

private:
  WDFMEMORY buffer_ = nullptr;
  WDFMEMORY trace_ = nullptr;
};

NTSTATUS OpenSession(Session *session, PVOID data, size_t size) {
  return session->open(data, size); // no-warning
}
