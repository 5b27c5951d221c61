// WM003 in C++: a reply built in a class method, a template that copies an
// object into the output buffer, value-initialisation that zeroes.
// RUN: %wdf_analyze -x c++ -std=c++17 -analyzer-checker=wdf.UninitDisclosure -verify %s
// RUN: %wdf_analyze -x c++ -std=c++17 -analyzer-checker=wdf.UninitDisclosure -verify %wdk_shape %msvc %s
#include <ntddk.h>
#include <wdf.h>

struct Stats {
  ULONG Reads;
  ULONG64 Bytes;
};

template <typename T> NTSTATUS Reply(WDFREQUEST request, const T &value) {
  T *out;
  NTSTATUS status = WdfRequestRetrieveOutputBuffer(request, sizeof(T), reinterpret_cast<PVOID *>(&out), nullptr);
  if (NT_SUCCESS(status)) // expected-note{{'status' is >= 0}} expected-note{{Taking true branch}}
    RtlCopyMemory(out, &value, sizeof(T)); // expected-warning{{bytes 4-7 of 'stats' were never written (struct padding after 'Reads') and are copied to the request's output buffer: they disclose kernel memory to user mode; zero the source first (RtlZeroMemory) or copy only what was written}} expected-note{{bytes 4-7 of 'stats' were never written (struct padding after 'Reads') and are copied to the request's output buffer: they disclose kernel memory to user mode; zero the source first (RtlZeroMemory) or copy only what was written}}
  return status;
}

class Device {
public:
  NTSTATUS replyStats(WDFREQUEST request) {
    Stats stats;
    stats.Reads = reads_;
    stats.Bytes = bytes_;
    return Reply(request, stats); // expected-note{{Calling 'Reply<Stats>'}}
  }
  NTSTATUS replyStatsZeroed(WDFREQUEST request) {
    Stats stats{};
    stats.Reads = reads_;
    return Reply(request, stats); // no-warning
  }

private:
  ULONG reads_ = 0;
  ULONG64 bytes_ = 0;
};

NTSTATUS Handle(Device &device, WDFREQUEST request) {
  return device.replyStats(request); // expected-note{{Calling 'Device::replyStats'}}
}

NTSTATUS HandleZeroed(Device &device, WDFREQUEST request) {
  return device.replyStatsZeroed(request);
}
