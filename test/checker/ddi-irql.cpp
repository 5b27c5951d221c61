// WM008 wdf.DdiIrql in C++: an RAII spin-lock guard releases before the
// function returns; member functions, templates and lambdas.
// RUN: %wdf_analyze -x c++ -std=c++17 -analyzer-checker=wdf.DdiIrql -verify %s
// RUN: %wdf_analyze -x c++ -std=c++17 -analyzer-checker=wdf.DdiIrql -verify %wdk_shape %msvc %s
#include <ntddk.h>
#include <wdf.h>

class SpinLockGuard {
public:
  explicit SpinLockGuard(WDFSPINLOCK lock) : lock_(lock) { WdfSpinLockAcquire(lock_); } // expected-note{{IRQL raised to DISPATCH_LEVEL by WdfSpinLockAcquire}}
  ~SpinLockGuard() { WdfSpinLockRelease(lock_); }
  SpinLockGuard(const SpinLockGuard &) = delete;
  SpinLockGuard &operator=(const SpinLockGuard &) = delete;

private:
  WDFSPINLOCK lock_;
};

struct Device {
  WDFSPINLOCK lock;
  WDFWAITLOCK waitLock;
  ULONG count;

  static EVT_WDF_IO_QUEUE_IO_READ OnRead;
  static EVT_WDF_IO_QUEUE_IO_WRITE OnWrite;
};

Device *GetDevice(WDFQUEUE queue);

// The guard's destructor runs before control leaves: no finding.
VOID Device::OnRead(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  Device *dev = GetDevice(Queue);
  {
    SpinLockGuard guard(dev->lock);
    dev->count++;
    if (Length == 0)
      return;
  }
  WdfRequestComplete(Request, STATUS_SUCCESS);
} // no-warning

// A wait lock under the guard: above its maximum.
VOID Device::OnWrite(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) { // expected-note{{entered at PASSIVE_LEVEL or DISPATCH_LEVEL (role: EVT_WDF_IO_QUEUE_IO_WRITE)}}
  Device *dev = GetDevice(Queue);
  SpinLockGuard guard(dev->lock); // expected-note{{Calling constructor for 'SpinLockGuard'}} expected-note{{Returning from constructor for 'SpinLockGuard'}}
  WdfWaitLockAcquire(dev->waitLock, nullptr); // expected-warning{{WdfWaitLockAcquire is called at DISPATCH_LEVEL (the IRQL was raised to DISPATCH_LEVEL by WdfSpinLockAcquire) but may only run at PASSIVE_LEVEL or below; move the call before WdfSpinLockAcquire or after the lock is released}} expected-note{{WdfWaitLockAcquire is called at DISPATCH_LEVEL (the IRQL was raised to DISPATCH_LEVEL by WdfSpinLockAcquire) but may only run at PASSIVE_LEVEL or below; move the call before WdfSpinLockAcquire or after the lock is released}}
  WdfWaitLockRelease(dev->waitLock);
}

template <typename F> void WithLock(WDFSPINLOCK lock, F body) {
  WdfSpinLockAcquire(lock); // expected-note{{IRQL raised to DISPATCH_LEVEL by WdfSpinLockAcquire}}
  body(); // expected-note{{Calling 'operator()'}}
  WdfSpinLockRelease(lock);
}

EVT_WDF_WORKITEM WorkWithLambda;
VOID WorkWithLambda(WDFWORKITEM WorkItem) { // expected-note{{entered at PASSIVE_LEVEL (role: EVT_WDF_WORKITEM)}}
  Device *dev = GetDevice(nullptr);
  WithLock(dev->lock, [dev] { WdfWaitLockAcquire(dev->waitLock, nullptr); }); // expected-warning{{WdfWaitLockAcquire is called at DISPATCH_LEVEL (the IRQL was raised to DISPATCH_LEVEL by WdfSpinLockAcquire) but may only run at PASSIVE_LEVEL or below; move the call before WdfSpinLockAcquire or after the lock is released}} expected-note-re{{Calling 'WithLock<(lambda at {{.*}})>'}} expected-note{{WdfWaitLockAcquire is called at DISPATCH_LEVEL (the IRQL was raised to DISPATCH_LEVEL by WdfSpinLockAcquire) but may only run at PASSIVE_LEVEL or below; move the call before WdfSpinLockAcquire or after the lock is released}}
}
