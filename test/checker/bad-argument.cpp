// WM007 wdf.BadArgument in C++ drivers: member functions, templates, lambdas,
// RAII wrappers, and user functions that merely share a DDI's name.
// RUN: %wdf_analyze -x c++ -std=c++17 -analyzer-checker=wdf.BadArgument -verify %s
// RUN: %wdf_analyze -x c++ -std=c++17 -analyzer-checker=wdf.BadArgument -verify %wdk_shape %s
// RUN: %wdf_analyze -x c++ -std=c++17 -analyzer-checker=wdf.BadArgument -verify %msvc %s
// RUN: %wdf_analyze -x c++ -std=c++17 -analyzer-checker=wdf.BadArgument -verify %msvc %wdk_shape %s
#include <ntddk.h>
#include <wdf.h>

constexpr ULONG Tag = 'ppCD';

class ScratchBuffer {
public:
  explicit ScratchBuffer(WDFOBJECT parent) : parent_(parent) {}
  ~ScratchBuffer() {
    if (memory_ != nullptr)
      WdfObjectDelete(memory_);
  }

  NTSTATUS create(size_t size) {
    WDF_OBJECT_ATTRIBUTES attributes;
    WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
    attributes.ParentObject = parent_;
    return WdfMemoryCreate(&attributes, pool_, Tag, size, &memory_, nullptr); // expected-warning{{'BufferSize' is 0 on this path}} expected-note{{'BufferSize' is 0 on this path}}
  }

  void useExecutablePool() { pool_ = NonPagedPool; }

  NTSTATUS createExecutable() {
    WDF_OBJECT_ATTRIBUTES attributes;
    WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
    attributes.ParentObject = parent_;
    return WdfMemoryCreate(&attributes, NonPagedPool, Tag, 32, &memory_, nullptr); // expected-warning{{WdfMemoryCreate allocates executable non-paged memory}} expected-note{{WdfMemoryCreate allocates executable non-paged memory}}
  }

private:
  WDFOBJECT parent_;
  WDFMEMORY memory_ = nullptr;
  POOL_TYPE pool_ = NonPagedPoolNx;
};

void member_function_zero_size(WDFREQUEST request) {
  ScratchBuffer scratch(request);
  scratch.create(0); // expected-note{{Passing the value 0 via 1st parameter 'size'}} expected-note{{Calling 'ScratchBuffer::create'}}
}

void member_function_fine(WDFREQUEST request) {
  ScratchBuffer scratch(request);
  scratch.create(128); // no-warning
}

void member_function_executable(WDFREQUEST request) {
  ScratchBuffer scratch(request);
  scratch.createExecutable(); // expected-note{{Calling 'ScratchBuffer::createExecutable'}}
}

template <typename T> T *allocateArray(size_t count) {
  return static_cast<T *>(ExAllocatePoolWithTag(NonPagedPoolNx, count * sizeof(T), Tag)); // expected-warning{{'NumberOfBytes' is 0 on this path}} expected-note{{'NumberOfBytes' is 0 on this path}}
}

struct Record {
  ULONG id;
  ULONG value;
};

Record *template_zero_count() {
  return allocateArray<Record>(0); // expected-note{{Passing the value 0 via 1st parameter 'count'}} expected-note{{Calling 'allocateArray<Record>'}}
}

Record *template_fine() {
  return allocateArray<Record>(4); // no-warning
}

PVOID lambda_tag() {
  auto allocate = [](ULONG tag) { return ExAllocatePoolWithTag(NonPagedPoolNx, 16, tag); }; // expected-warning{{pool tag 0x000000ff has a byte above 0x7F (0xff)}} expected-note{{pool tag 0x000000ff has a byte above 0x7F}}
  return allocate(0xFF); // expected-note{{Passing the value 255 via 1st parameter 'tag'}} expected-note{{Calling 'operator()'}}
}

namespace mine {
// Shares a DDI's name, not its signature: not a DDI.
int WdfMemoryCreate(int a, int b, int c, int d, int e, int f) { return a + b + c + d + e + f; }
} // namespace mine

int same_name_other_function() {
  return mine::WdfMemoryCreate(0, 0, 0, 0, 0, 0); // no-warning
}
