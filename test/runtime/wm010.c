// WM010 at run time, the way Driver Verifier finds it: paged pool is out
// while the IRQL is above APC_LEVEL (the runtime's paged arena is
// PROT_NONE then), so a touch under a spin lock faults and is reported at
// the touch, with the allocation's site; the driver then goes on.  Paged
// pool from ExAllocatePoolWithTag, ExAllocatePool2(POOL_FLAG_PAGED) and a
// paged WDFMEMORY and lookaside; a touch by RtlZeroMemory is the driver's call.  Paged
// pool made and touched in one raise is one finding: the WM001 at the
// allocation, as the analyzer reads it.
// RUN: %wdfrt_driver -I %S/Inputs %s %wdfrt_link -o %t
// RUN: not %t --no-leak-check -e 'irql passive' -e 'ioctl 0x222000 0 0' \
// RUN:   -e 'ioctl 0x222004 0 0' -e 'ioctl 0x222008 0 0' -e 'ioctl 0x22200C 0 0' \
// RUN:   -e 'ioctl 0x222010 0 0' -e 'ioctl 0x222014 0 0' -e 'ioctl 0x222018 0 0' 2> %t.err
// RUN: FileCheck %s < %t.err
// The clean cases alone: no finding.  Lowering the IRQL opens the arena
// again (0x222004 touches paged pool after releasing its lock), paged pool
// at PASSIVE_LEVEL and non-paged pool under a lock are fine.
// RUN: %t --no-leak-check -e 'irql passive' -e 'ioctl 0x222004 0 0' \
// RUN:   -e 'ioctl 0x22200C 0 0' -e 'ioctl 0x222004 0 0' 2>&1 | FileCheck --check-prefix=CLEAN %s
// The same under MemorySanitizer.
// RUN: %wdfrt_msan_driver -I %S/Inputs %s %wdfrt_msan_link -o %t.msan
// RUN: not %t.msan --no-leak-check -e 'irql passive' -e 'ioctl 0x222000 0 0' \
// RUN:   -e 'ioctl 0x222004 0 0' -e 'ioctl 0x222008 0 0' -e 'ioctl 0x22200C 0 0' \
// RUN:   -e 'ioctl 0x222010 0 0' -e 'ioctl 0x222014 0 0' -e 'ioctl 0x222018 0 0' 2> %t.msan.err
// RUN: FileCheck %s < %t.msan.err
// RUN: %t.msan --no-leak-check -e 'irql passive' -e 'ioctl 0x222004 0 0' \
// RUN:   -e 'ioctl 0x22200C 0 0' -e 'ioctl 0x222004 0 0' 2>&1 | FileCheck --check-prefix=CLEAN %s
// CLEAN: wdfrt: 0 findings in 3 requests
#include "skeleton.h"

static KSPIN_LOCK Lock;

static void TouchUnderLock(void) {
  KIRQL old;
  ULONG *paged = ExAllocatePoolWithTag(PagedPool, 16, 'gaPT');
  if (!paged)
    return;
  KeAcquireSpinLock(&Lock, &old);
  paged[1] = 7;
  // CHECK: wm010.c:[[@LINE-1]]: error: paged pool 0x{{[0-9a-f]+}} (16 bytes made at {{.*}}wm010.c:[[@LINE-5]]) touched at DISPATCH_LEVEL in TouchUnderLock: a page that is out cannot be brought in above APC_LEVEL (bug check 0xA, IRQL_NOT_LESS_OR_EQUAL) [WM010 wdf.PagedAccess]
  KeReleaseSpinLock(&Lock, old);
  ExFreePoolWithTag(paged, 'gaPT');
}

// Clean: non-paged pool under the lock, paged pool after its release.
static void TouchAfterRelease(void) {
  KIRQL old;
  ULONG *paged = ExAllocatePoolWithTag(PagedPool, 16, 'gaPT');
  ULONG *nonpaged = ExAllocatePoolWithTag(NonPagedPoolNx, 16, 'gaPT');
  if (!paged || !nonpaged)
    return;
  KeAcquireSpinLock(&Lock, &old);
  nonpaged[0] = 1;
  KeReleaseSpinLock(&Lock, old);
  paged[0] = nonpaged[0];
  ExFreePoolWithTag(nonpaged, 'gaPT');
  ExFreePoolWithTag(paged, 'gaPT');
}

static void ZeroPagedMemoryUnderLock(void) {
  KIRQL old;
  WDFMEMORY memory;
  PVOID buffer;
  if (!NT_SUCCESS(WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, PagedPool, 'gaPT',
                                  4096, &memory, &buffer)))
    return;
  KeAcquireSpinLock(&Lock, &old);
  RtlZeroMemory(buffer, 4096);
  // CHECK: wm010.c:[[@LINE-1]]: error: a paged WDFMEMORY 0x{{[0-9a-f]+}} (4096 bytes made at {{.*}}wm010.c:[[@LINE-5]]) touched at DISPATCH_LEVEL in ZeroPagedMemoryUnderLock: {{.*}} [WM010 wdf.PagedAccess]
  KeReleaseSpinLock(&Lock, old);
  WdfObjectDelete(memory);
}

// Clean: paged pool at PASSIVE_LEVEL.
static void TouchAtPassive(void) {
  UCHAR *paged = ExAllocatePoolWithTag(PagedPool, 64, 'gaPT');
  if (!paged)
    return;
  paged[63] = 1;
  ExFreePoolWithTag(paged, 'gaPT');
}

static void Pool2UnderRaisedIrql(void) {
  KIRQL old;
  UCHAR *paged = ExAllocatePool2(POOL_FLAG_PAGED, 100, 'gaPT');
  if (!paged)
    return;
  KeRaiseIrql(DISPATCH_LEVEL, &old);
  UCHAR first = paged[0];
  // CHECK: wm010.c:[[@LINE-1]]: error: paged pool 0x{{[0-9a-f]+}} (100 bytes made at {{.*}}wm010.c:[[@LINE-5]]) touched at DISPATCH_LEVEL in Pool2UnderRaisedIrql: {{.*}} [WM010 wdf.PagedAccess]
  KeLowerIrql(old);
  paged[1] = first;
  ExFreePoolWithTag(paged, 'gaPT');
}

static void AllocateAndTouchUnderLock(void) {
  KIRQL old;
  KeAcquireSpinLock(&Lock, &old);
  ULONG *paged = ExAllocatePoolWithTag(PagedPool, 8, 'gaPT');
  // CHECK: wm010.c:[[@LINE-1]]: error: ExAllocatePoolWithTag allocates paged pool at DISPATCH_LEVEL; paged pool needs <= APC_LEVEL [WM001 wdf.PoolIrql]
  // CHECK-NOT: WM010
  if (paged)
    paged[0] = 1;
  KeReleaseSpinLock(&Lock, old);
  if (paged)
    ExFreePoolWithTag(paged, 'gaPT');
}

static void LookasideUnderLock(void) {
  KIRQL old;
  WDFLOOKASIDE list;
  WDFMEMORY memory;
  if (!NT_SUCCESS(WdfLookasideListCreate(WDF_NO_OBJECT_ATTRIBUTES, 32,
                                         PagedPool, WDF_NO_OBJECT_ATTRIBUTES,
                                         'gaPT', &list)))
    return;
  if (NT_SUCCESS(WdfMemoryCreateFromLookaside(list, &memory))) {
    size_t size;
    UCHAR *block = WdfMemoryGetBuffer(memory, &size);
    KeAcquireSpinLock(&Lock, &old);
    block[size - 1] = 0;
    // CHECK: wm010.c:[[@LINE-1]]: error: a paged WDFMEMORY 0x{{[0-9a-f]+}} (32 bytes made at {{.*}}wm010.c:[[@LINE-5]]) touched at DISPATCH_LEVEL in LookasideUnderLock: {{.*}} [WM010 wdf.PagedAccess]
    KeReleaseSpinLock(&Lock, old);
    WdfObjectDelete(memory);
  }
  WdfObjectDelete(list);
}

static VOID EvtIoDeviceControl(WDFQUEUE Queue, WDFREQUEST Request,
                               size_t OutputBufferLength,
                               size_t InputBufferLength, ULONG IoControlCode) {
  UNREFERENCED_PARAMETER(Queue);
  UNREFERENCED_PARAMETER(OutputBufferLength);
  UNREFERENCED_PARAMETER(InputBufferLength);
  KeInitializeSpinLock(&Lock);
  switch (IoControlCode) {
  case 0x222000:
    TouchUnderLock();
    break;
  case 0x222004:
    TouchAfterRelease();
    break;
  case 0x222008:
    ZeroPagedMemoryUnderLock();
    break;
  case 0x22200C:
    TouchAtPassive();
    break;
  case 0x222010:
    Pool2UnderRaisedIrql();
    break;
  case 0x222014:
    AllocateAndTouchUnderLock();
    break;
  case 0x222018:
    LookasideUnderLock();
    break;
  }
  WdfRequestComplete(Request, STATUS_SUCCESS);
}

static VOID ConfigureQueue(PWDF_IO_QUEUE_CONFIG Config) {
  Config->EvtIoDeviceControl = EvtIoDeviceControl;
}
// CHECK: wdfrt: 5 findings (1 WM001, 4 WM010) in 7 requests
