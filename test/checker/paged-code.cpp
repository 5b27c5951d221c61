// WM011 wdf.PagedCode in C++: an RAII spin-lock guard constructed in
// pageable code leaves the rest of the function raised (reported at the
// guard); a pageable member function called under a guard (reported at the
// call, with a note in the callee).  code_seg, as alloc_text needs C linkage.
// RUN: %wdf_analyze -x c++ -std=c++17 -analyzer-checker=wdf.PagedCode -verify %msvc %s
// RUN: %wdf_analyze -x c++ -std=c++17 -analyzer-checker=wdf.PagedCode -verify=expected,checked %msvc -DDBG=1 %s
// RUN: %wdf_analyze -x c++ -std=c++17 -analyzer-checker=wdf.PagedCode -verify=expected,checked %msvc %wdk_shape -DDBG=1 %s
#include <ntddk.h>
#include <wdf.h>

class SpinLockGuard {
public:
  explicit SpinLockGuard(WDFSPINLOCK lock) : lock_(lock) { WdfSpinLockAcquire(lock_); } // expected-note 2 {{IRQL raised to DISPATCH_LEVEL by WdfSpinLockAcquire}}
  ~SpinLockGuard() { WdfSpinLockRelease(lock_); }
  SpinLockGuard(const SpinLockGuard &) = delete;
  SpinLockGuard &operator=(const SpinLockGuard &) = delete;

private:
  WDFSPINLOCK lock_;
};

struct Device {
  WDFSPINLOCK lock;
  ULONG count;

  void Reset();
  void Bump();
  void BumpLocked();
  void LockedReset();
};

// The guard's constructor returns at DISPATCH_LEVEL: the rest runs raised.
__declspec(code_seg("PAGE")) void PagedCount(Device *dev) { // expected-note{{entered at PASSIVE_LEVEL (pageable: in a PAGE section)}}
  SpinLockGuard guard(dev->lock); // expected-warning{{'PagedCount' is pageable (in a PAGE section) but goes on running at DISPATCH_LEVEL (the IRQL was raised to DISPATCH_LEVEL by WdfSpinLockAcquire)}} expected-note{{Calling constructor for 'SpinLockGuard'}} expected-note{{Returning from constructor for 'SpinLockGuard'}} expected-note{{'PagedCount' is pageable}}
  dev->count++;
}

#pragma code_seg("PAGE")
void Device::Reset() { // expected-note{{'Reset' is pageable: in a PAGE section}}
  PAGED_CODE();
  count = 0;
}
#pragma code_seg()

// Resident code may hold the lock; calling the pageable member under it is
// the bug.
void Device::Bump() {
  SpinLockGuard guard(lock); // expected-note{{Calling constructor for 'SpinLockGuard'}} expected-note{{Returning from constructor for 'SpinLockGuard'}}
  Reset(); // expected-warning{{'Reset' is pageable but is called at DISPATCH_LEVEL (the IRQL was raised to DISPATCH_LEVEL by WdfSpinLockAcquire)}} expected-note{{'Reset' is pageable but is called at DISPATCH_LEVEL}}
}

// ---- clean --------------------------------------------------------------------------

// Resident code under the guard, calling nothing pageable.
void Device::BumpLocked() {
  SpinLockGuard guard(lock); // no-warning
  count++;
}

// Locked in memory: may run raised.
#pragma code_seg("PAGE")
void Device::LockedReset() {
  PAGED_CODE_LOCKED();
  SpinLockGuard guard(lock); // no-warning
  count = 0;
}
#pragma code_seg()

// The pageable member after the guard's scope ends.
void ResetAfterScope(Device *dev) {
  {
    SpinLockGuard guard(dev->lock);
    dev->count++;
  }
  dev->Reset(); // no-warning
}
