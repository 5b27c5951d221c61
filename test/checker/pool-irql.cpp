// WM001 in C++: callbacks as static members, an allocation helper template,
// an RAII lock guard, a lambda.
// RUN: %wdf_analyze -x c++ -std=c++17 -analyzer-checker=wdf.PoolIrql -verify %s
// RUN: %wdf_analyze -x c++ -std=c++17 -analyzer-checker=wdf.PoolIrql -verify %wdk_shape %msvc %s
#include <ntddk.h>
#include <wdf.h>

template <typename T> T *Allocate(POOL_TYPE pool) {
  return static_cast<T *>(ExAllocatePoolWithTag(pool, sizeof(T), 'ppCI')); // expected-warning{{ExAllocatePoolWithTag allocates paged pool at DISPATCH_LEVEL (EvtIoRead callbacks can run at DISPATCH_LEVEL)}} expected-warning{{ExAllocatePoolWithTag allocates paged pool at DISPATCH_LEVEL (the IRQL was raised to DISPATCH_LEVEL by WdfSpinLockAcquire)}} expected-note{{ExAllocatePoolWithTag allocates paged pool at DISPATCH_LEVEL (EvtIoRead callbacks can run at DISPATCH_LEVEL)}} expected-note{{ExAllocatePoolWithTag allocates paged pool at DISPATCH_LEVEL (the IRQL was raised to DISPATCH_LEVEL by WdfSpinLockAcquire)}}
}

class LockGuard {
public:
  explicit LockGuard(WDFSPINLOCK lock) : lock_(lock) { WdfSpinLockAcquire(lock_); } // expected-note{{IRQL raised to DISPATCH_LEVEL by WdfSpinLockAcquire}}
  ~LockGuard() { WdfSpinLockRelease(lock_); }

private:
  WDFSPINLOCK lock_;
};

struct Record {
  ULONG id;
  ULONG flags;
};

struct Queue {
  WDFSPINLOCK lock;
  static EVT_WDF_IO_QUEUE_IO_READ OnRead;
  static EVT_WDF_IO_QUEUE_IO_WRITE OnWrite;
  static EVT_WDF_WORKITEM OnWork;
};

Queue *GetQueue(WDFQUEUE q);

VOID Queue::OnRead(WDFQUEUE q, WDFREQUEST request, size_t length) { // expected-note{{entered at PASSIVE_LEVEL or DISPATCH_LEVEL (role: EVT_WDF_IO_QUEUE_IO_READ)}}
  Record *r = Allocate<Record>(PagedPool); // expected-note{{Calling 'Allocate<Record>'}}
  WdfRequestComplete(request, r ? STATUS_SUCCESS : STATUS_INSUFFICIENT_RESOURCES);
}

VOID Queue::OnWrite(WDFQUEUE q, WDFREQUEST request, size_t length) {
  Record *r = Allocate<Record>(NonPagedPoolNx); // no-warning
  WdfRequestComplete(request, r ? STATUS_SUCCESS : STATUS_INSUFFICIENT_RESOURCES);
}

VOID Queue::OnWork(WDFWORKITEM item) { // expected-note{{entered at PASSIVE_LEVEL (role: EVT_WDF_WORKITEM)}}
  Queue *self = GetQueue(nullptr);
  Record *before = Allocate<Record>(PagedPool); // no-warning
  {
    LockGuard guard(self->lock); // expected-note{{Calling constructor for 'LockGuard'}} expected-note{{Returning from constructor for 'LockGuard'}}
    auto grab = [] { return Allocate<Record>(PagedPool); }; // expected-note{{Calling 'Allocate<Record>'}}
    Record *inside = grab(); // expected-note{{Calling 'operator()'}}
    (void)inside;
  }
  Record *after = Allocate<Record>(PagedPool); // no-warning
  (void)before;
  (void)after;
}
