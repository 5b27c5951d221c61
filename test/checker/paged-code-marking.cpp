// WM012 wdf.PagedCodeMarking in C++: member functions and templates in a
// code_seg("PAGE") region or declared __declspec(code_seg("PAGE")), and
// PAGED_CODE() in a member outside the section.
// RUN: %wdf_analyze -x c++ -std=c++17 -analyzer-checker=wdf.PagedCodeMarking -verify %msvc %s
// RUN: %wdf_analyze -x c++ -std=c++17 -analyzer-checker=wdf.PagedCodeMarking -verify %msvc %wdk_shape -DDBG=1 %s
#include <ntddk.h>
#include <wdf.h>

struct Device {
  ULONG count;
  void Reset();
  void Clear();
  void Bump();
  __declspec(code_seg("PAGE")) void Inline() { PAGED_CODE(); count = 0; }
  __declspec(code_seg("PAGE")) void InlineUnmarked() { count = 0; } // expected-warning{{'InlineUnmarked' is in a PAGE section but does not state PAGED_CODE()}} expected-note{{'InlineUnmarked' is in a PAGE section}}
};

#pragma code_seg("PAGE")
void Device::Reset() {
  PAGED_CODE();
  count = 0;
}

void Device::Clear() { // expected-warning{{'Clear' is in a PAGE section but does not state PAGED_CODE()}} expected-note{{'Clear' is in a PAGE section}}
  count = 0;
}

template <typename T> void Zero(T *value) { // expected-warning{{'Zero' is in a PAGE section but does not state PAGED_CODE()}} expected-note{{'Zero' is in a PAGE section}}
  *value = T();
}
#pragma code_seg()

void Device::Bump() { // expected-warning{{'Bump' states PAGED_CODE() but is not in a PAGE section}} expected-note{{'Bump' states PAGED_CODE()}}
  PAGED_CODE();
  count++;
}

namespace helpers {
void Resident(Device *dev) { dev->count++; }
}

void UseZero(Device *dev) { Zero(&dev->count); }
