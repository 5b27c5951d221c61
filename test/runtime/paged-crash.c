// A fault outside the paged arena is a real crash, as before the arena
// existed: under the harness, its crash message and exit status 2, no
// WM010; without the harness (a program with the runtime library only),
// death by SIGSEGV.  A fault in the arena while the IRQL is low is no
// WM010 either: the arena is open then, so only an address past its
// blocks faults, and that is a crash too.
// RUN: %wdfrt_driver -DHARNESS %s %wdfrt_link -o %t
// RUN: %t --no-leak-check -e 'irql passive' -e 'ioctl 0x222000 0 0' 2> %t.err; test $? -eq 2
// RUN: FileCheck --check-prefix=HARNESS %s < %t.err
// RUN: %wdfrt_msan_driver -DHARNESS %s %wdfrt_msan_link -o %t.msan
// RUN: %t.msan --no-leak-check -e 'irql passive' -e 'ioctl 0x222000 0 0' 2> %t.msan.err; test $? -eq 2
// RUN: FileCheck --check-prefix=HARNESS %s < %t.msan.err
// HARNESS-NOT: WM010
// HARNESS: wdfrt: error: the driver crashed (signal 11) after its call at {{.*}}paged-crash.c:{{[0-9]+}}
// HARNESS-NOT: WM010
// RUN: %clang %wdfrt_cflags -DWDFCHECK_RUNTIME=1 -g %s %wdfrt_lib -o %t.bare
// RUN: not --crash %t.bare outside 2> %t.bare.err
// RUN: FileCheck --check-prefix=BARE %s < %t.bare.err
// RUN: %t.bare arena 2>&1 | FileCheck --check-prefix=ARENA %s
// BARE: before the crash
// BARE-NOT: WM010
#include <ntddk.h>

#ifdef HARNESS
#include "Inputs/skeleton.h"

static VOID EvtIoDeviceControl(WDFQUEUE Queue, WDFREQUEST Request,
                               size_t OutputBufferLength,
                               size_t InputBufferLength, ULONG IoControlCode) {
  KIRQL old;
  UNREFERENCED_PARAMETER(Queue);
  UNREFERENCED_PARAMETER(OutputBufferLength);
  UNREFERENCED_PARAMETER(InputBufferLength);
  UNREFERENCED_PARAMETER(IoControlCode);
  PVOID paged = ExAllocatePoolWithTag(PagedPool, 16, 'gaPT');
  volatile ULONG *wild = (volatile ULONG *)(ULONG_PTR)0x10;
  KeRaiseIrql(DISPATCH_LEVEL, &old);
  *wild = 1;
  KeLowerIrql(old);
  ExFreePoolWithTag(paged, 'gaPT');
  WdfRequestComplete(Request, STATUS_SUCCESS);
}

static VOID ConfigureQueue(PWDF_IO_QUEUE_CONFIG Config) {
  Config->EvtIoDeviceControl = EvtIoDeviceControl;
}
#else
#include <stdio.h>
#include <string.h>

#include "wdfrt.h"

int main(int argc, char **argv) {
  volatile UCHAR *paged = ExAllocatePool2(POOL_FLAG_PAGED, 32, 'gaPT');
  volatile ULONG *wild = (volatile ULONG *)(ULONG_PTR)0x10;
  KIRQL old;
  if (!paged || argc < 2)
    return 2;
  KeRaiseIrql(DISPATCH_LEVEL, &old);
  if (!strcmp(argv[1], "arena")) {
    paged[3] = 1;
    // ARENA: paged-crash.c:[[@LINE-1]]: error: paged pool {{.*}} (32 bytes made at {{.*}}paged-crash.c:[[@LINE-8]]) touched at DISPATCH_LEVEL in main: {{.*}} [WM010 wdf.PagedAccess]
    // ARENA-NEXT: went on
    KeLowerIrql(old);
    fprintf(stderr, "went on\n");
    return 0;
  }
  fprintf(stderr, "before the crash\n");
  *wild = 1;
  fprintf(stderr, "after the crash\n");
  return 0;
}
#endif
