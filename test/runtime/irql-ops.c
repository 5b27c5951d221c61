// The levels the IRQL DDIs set are those of rules/irql.def: a spin lock
// (plain, raise-to-DPC, in-stack queued) raises to DISPATCH_LEVEL, a fast
// mutex to APC_LEVEL, KeRaiseIrqlToDpcLevel to DISPATCH_LEVEL; a release
// gives back the level the acquire saved.  Raising to a lower level is a
// bug check on Windows, reported under the name of the DDI that was
// called.  MmMapIoSpaceEx may run up to DISPATCH_LEVEL (its row in
// rules/ddis.def): above, it is WM008 like any DDI.
// RUN: %clang %wdfrt_cflags %s %wdfrt_lib -o %t
// RUN: %t 2> %t.err | FileCheck %s
// RUN: FileCheck --check-prefix=REPORT %s < %t.err
#include <ntddk.h>
#include <stdio.h>

#include "wdfrt.h"

static void say(const char *what) {
  printf("%s: %u\n", what, (unsigned)KeGetCurrentIrql());
}

int main(void) {
  KSPIN_LOCK lock;
  KLOCK_QUEUE_HANDLE queued;
  FAST_MUTEX mutex;
  KIRQL old;

  KeInitializeSpinLock(&lock);
  KeAcquireSpinLock(&lock, &old);
  say("KeAcquireSpinLock");
  // CHECK: KeAcquireSpinLock: 2
  KeReleaseSpinLock(&lock, old);
  say("KeReleaseSpinLock");
  // CHECK-NEXT: KeReleaseSpinLock: 0

  old = KeAcquireSpinLockRaiseToDpc(&lock);
  say("KeAcquireSpinLockRaiseToDpc");
  // CHECK-NEXT: KeAcquireSpinLockRaiseToDpc: 2
  KeReleaseSpinLock(&lock, old);

  KeAcquireInStackQueuedSpinLock(&lock, &queued);
  say("KeAcquireInStackQueuedSpinLock");
  // CHECK-NEXT: KeAcquireInStackQueuedSpinLock: 2
  KeReleaseInStackQueuedSpinLock(&queued);
  say("KeReleaseInStackQueuedSpinLock");
  // CHECK-NEXT: KeReleaseInStackQueuedSpinLock: 0

  ExInitializeFastMutex(&mutex);
  ExAcquireFastMutex(&mutex);
  say("ExAcquireFastMutex");
  // CHECK-NEXT: ExAcquireFastMutex: 1
  ExReleaseFastMutex(&mutex);
  printf("ExTryToAcquireFastMutex: %d\n", ExTryToAcquireFastMutex(&mutex));
  say("after ExTryToAcquireFastMutex");
  // CHECK-NEXT: ExTryToAcquireFastMutex: 1
  // CHECK-NEXT: after ExTryToAcquireFastMutex: 1
  ExReleaseFastMutex(&mutex);
  say("ExReleaseFastMutex");
  // CHECK-NEXT: ExReleaseFastMutex: 0

  old = KeRaiseIrqlToDpcLevel();
  say("KeRaiseIrqlToDpcLevel");
  // CHECK-NEXT: KeRaiseIrqlToDpcLevel: 2

  /* At DISPATCH_LEVEL, the highest level it may run at: nothing to say. */
  PHYSICAL_ADDRESS physical;
  physical.QuadPart = 0x10000;
  PVOID window = MmMapIoSpaceEx(physical, 16, PAGE_READWRITE | PAGE_NOCACHE);
  printf("mapped: %d\n", window != NULL);
  // CHECK-NEXT: mapped: 1
  MmUnmapIoSpace(window, 16);

  /* KfRaiseIrql to a lower level: the IRQL stays. */
  KfRaiseIrql(APC_LEVEL);
  // REPORT: <unknown>:0: error: KfRaiseIrql to APC_LEVEL while at DISPATCH_LEVEL: raising to a lower level is bug check 0x9 (IRQL_NOT_GREATER_OR_EQUAL) [WM008 wdf.DdiIrql]
  say("after raising lower");
  // CHECK-NEXT: after raising lower: 2

  /* Above DISPATCH_LEVEL. */
  KfRaiseIrql(DISPATCH_LEVEL + 1);
  window = MmMapIoSpaceEx(physical, 16, PAGE_READWRITE | PAGE_NOCACHE);
  // REPORT-NEXT: <unknown>:0: error: MmMapIoSpaceEx called at DIRQL; it may only run at <= DISPATCH_LEVEL [WM008 wdf.DdiIrql]
  KeLowerIrql(old);
  MmUnmapIoSpace(window, 16);
  say("lowered");
  // CHECK-NEXT: lowered: 0
  printf("reports %u, faults %u\n", wdfrt_report_count(WDF_RULE_COUNT),
         wdfrt_fault_count());
  // CHECK-NEXT: reports 2, faults 0
  return 0;
}
