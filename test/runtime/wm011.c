// WM011 at run time: PAGED_CODE() checks the IRQL the way a checked build
// asserts, and reports pageable code running above APC_LEVEL at the line
// of the PAGED_CODE(), naming the function and the lock that raised the
// IRQL.  PAGED_CODE_LOCKED() asserts nothing.
// RUN: %wdfrt_driver -I %S/Inputs %s %wdfrt_link -o %t
// RUN: not %t --no-leak-check -e 'irql passive' -e 'ioctl 0x222000 0 0' \
// RUN:   -e 'ioctl 0x222004 0 0' -e 'ioctl 0x222008 0 0' 2> %t.err
// RUN: FileCheck %s < %t.err
// At PASSIVE_LEVEL (and with PAGED_CODE_LOCKED() under the lock) nothing
// is wrong:
// RUN: %t --no-leak-check -e 'irql passive' -e 'ioctl 0x222004 0 0' \
// RUN:   -e 'ioctl 0x222008 0 0' 2>&1 | FileCheck --check-prefix=CLEAN %s
// RUN: %wdfrt_msan_driver -I %S/Inputs %s %wdfrt_msan_link -o %t.msan
// RUN: not %t.msan --no-leak-check -e 'irql passive' -e 'ioctl 0x222000 0 0' \
// RUN:   -e 'ioctl 0x222004 0 0' -e 'ioctl 0x222008 0 0' 2> %t.msan.err
// RUN: FileCheck %s < %t.msan.err
// CLEAN: wdfrt: 0 findings in 2 requests
#include "skeleton.h"

static KSPIN_LOCK Lock;
static ULONG Counter;

// A pageable helper (alloc_text PAGE in the real driver).
static void CountPaged(void) {
  PAGED_CODE();
  // CHECK: wm011.c:[[@LINE-1]]: error: PAGED_CODE() in CountPaged runs at DISPATCH_LEVEL (KeAcquireSpinLock at {{.*}}wm011.c:[[#@LINE+11]] holds a lock): pageable code above APC_LEVEL stops the system when its page is out (bug check 0xA); a checked build asserts here [WM011 wdf.PagedCode]
  ++Counter;
}

static void CountLocked(void) {
  PAGED_CODE_LOCKED();
  ++Counter;
}

static void CountUnderLock(void) {
  KIRQL old;
  KeAcquireSpinLock(&Lock, &old);
  CountPaged();
  KeReleaseSpinLock(&Lock, old);
}

static void LockedUnderLock(void) {
  KIRQL old;
  KeAcquireSpinLock(&Lock, &old);
  CountLocked();
  KeReleaseSpinLock(&Lock, old);
}

static VOID EvtIoDeviceControl(WDFQUEUE Queue, WDFREQUEST Request,
                               size_t OutputBufferLength,
                               size_t InputBufferLength, ULONG IoControlCode) {
  UNREFERENCED_PARAMETER(Queue);
  UNREFERENCED_PARAMETER(OutputBufferLength);
  UNREFERENCED_PARAMETER(InputBufferLength);
  KeInitializeSpinLock(&Lock);
  if (IoControlCode == 0x222000)
    CountUnderLock();
  else if (IoControlCode == 0x222004)
    CountPaged(); /* at PASSIVE_LEVEL */
  else
    LockedUnderLock();
  WdfRequestComplete(Request, STATUS_SUCCESS);
}

static VOID ConfigureQueue(PWDF_IO_QUEUE_CONFIG Config) {
  Config->EvtIoDeviceControl = EvtIoDeviceControl;
}
// CHECK: wdfrt: 1 finding (1 WM011) in 3 requests
