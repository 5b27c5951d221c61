// WM010 in C++: a class context whose member only ever holds paged memory,
// touched by a static member DPC; a paged buffer touched under an RAII
// lock guard; non-paged members and touches after the guard are clean.
// RUN: %wdf_analyze -x c++ -std=c++17 -analyzer-checker=wdf.PagedAccess -verify %s
// RUN: %wdf_analyze -x c++ -std=c++17 -analyzer-checker=wdf.PagedAccess -verify %wdk_shape %msvc %s
#include <ntddk.h>
#include <wdf.h>

class LockGuard {
public:
  explicit LockGuard(WDFSPINLOCK lock) : lock_(lock) { WdfSpinLockAcquire(lock_); } // expected-note{{IRQL raised to DISPATCH_LEVEL by WdfSpinLockAcquire}}
  ~LockGuard() { WdfSpinLockRelease(lock_); }

private:
  WDFSPINLOCK lock_;
};

struct Entry {
  ULONG key;
  ULONG value;
};

class Cache {
public:
  WDFSPINLOCK lock;
  Entry *entries = nullptr;   // only ever paged (Init)
  Entry *hot = nullptr;       // only ever non-paged

  NTSTATUS Init() {
    entries = static_cast<Entry *>(ExAllocatePool2(POOL_FLAG_PAGED, 16 * sizeof(Entry), 'hcaC')); // expected-note{{paged memory stored into 'entries' here (Init)}}
    hot = static_cast<Entry *>(ExAllocatePool2(POOL_FLAG_NON_PAGED, sizeof(Entry), 'hcaC'));
    return entries && hot ? STATUS_SUCCESS : STATUS_INSUFFICIENT_RESOURCES;
  }

  static EVT_WDF_DPC OnDpc;
  static EVT_WDF_WORKITEM OnWork;
};

Cache *GetCache(WDFOBJECT o);

VOID Cache::OnDpc(WDFDPC dpc) { // expected-note{{entered at DISPATCH_LEVEL (role: EVT_WDF_DPC)}}
  Cache *self = GetCache(dpc);
  self->hot->value = 1; // no-warning
  self->entries[0].value = 1; // expected-warning{{paged memory from field 'entries' is written at DISPATCH_LEVEL (EvtDpcFunc callbacks can run at DISPATCH_LEVEL)}} expected-note{{paged memory from field 'entries' is written at DISPATCH_LEVEL}}
}

VOID Cache::OnWork(WDFWORKITEM item) { // expected-note{{entered at PASSIVE_LEVEL (role: EVT_WDF_WORKITEM)}}
  Cache *self = GetCache(item);
  auto *scratch = static_cast<Entry *>(ExAllocatePoolWithTag(PagedPool, sizeof(Entry), 'hcaC')); // expected-note{{paged memory allocated here by ExAllocatePoolWithTag}}
  if (!scratch) // expected-note{{Assuming 'scratch' is non-null}} expected-note{{Taking false branch}}
    return;
  scratch->key = 0; // no-warning
  {
    LockGuard guard(self->lock); // expected-note{{Calling constructor for 'LockGuard'}} expected-note{{Returning from constructor for 'LockGuard'}}
    scratch->value = self->hot->value; // expected-warning{{paged memory from ExAllocatePoolWithTag is written at DISPATCH_LEVEL (the IRQL was raised to DISPATCH_LEVEL by WdfSpinLockAcquire)}} expected-note{{paged memory from ExAllocatePoolWithTag is written at DISPATCH_LEVEL}}
  }
  scratch->value = 2; // no-warning
  ExFreePoolWithTag(scratch, 'hcaC');
}

// A member that a constructor also initialises from a parameter is not
// known paged.
class Window {
public:
  explicit Window(UCHAR *bytes) : bytes_(bytes) {}
  void Grow() { bytes_ = static_cast<UCHAR *>(ExAllocatePool2(POOL_FLAG_PAGED, 64, 'niWC')); }
  static EVT_WDF_DPC OnDpc;
  UCHAR *bytes_;
};

Window *GetWindow(WDFOBJECT o);

VOID Window::OnDpc(WDFDPC dpc) {
  GetWindow(dpc)->bytes_[0] = 1; // no-warning
}
