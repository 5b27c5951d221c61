// The runtime keeps the IRQL per thread as the kernel does, checks DDI
// limits from rules/ddis.def, and reports with the rule IDs.
// RUN: %clang %wdfrt_cflags %s %wdfrt_lib -o %t
// RUN: %t 2> %t.err | FileCheck %s
// RUN: FileCheck --check-prefix=REPORT %s < %t.err
#include <ntddk.h>
#include <stdio.h>

#include "wdfrt.h"

int main(void) {
  KIRQL old;
  printf("start %u\n", KeGetCurrentIrql());
  // CHECK: start 0
  KeRaiseIrql(DISPATCH_LEVEL, &old);
  printf("raised %u from %u\n", KeGetCurrentIrql(), old);
  // CHECK-NEXT: raised 2 from 0

  // Paged pool at DISPATCH_LEVEL breaks the pool-dependent limit: WM001.
  printf("paged ok=%d\n", wdfrt_check_ddi_irql(WDF_DDI_WdfMemoryCreate, 1, "drv.c", 10));
  // CHECK-NEXT: paged ok=0
  // REPORT: drv.c:10: error: WdfMemoryCreate allocates paged pool at DISPATCH_LEVEL; paged pool needs <= APC_LEVEL [WM001 wdf.PoolIrql]
  printf("nonpaged ok=%d\n", wdfrt_check_ddi_irql(WDF_DDI_WdfMemoryCreate, 0, "drv.c", 11));
  // CHECK-NEXT: nonpaged ok=1

  // Lowering to a higher level is a bug check on Windows: WM008.
  KeLowerIrql(HIGH_LEVEL);
  // REPORT-NEXT: <unknown>:0: error: KeLowerIrql to HIGH_LEVEL while at DISPATCH_LEVEL: lowering to a higher level is bug check 0x9 (IRQL_NOT_GREATER_OR_EQUAL) [WM008 wdf.DdiIrql]
  KeLowerIrql(old);
  printf("lowered %u\n", KeGetCurrentIrql());
  // CHECK-NEXT: lowered 0

  // A DDI with a minimum IRQL called below it: WM008.
  wdfrt_check_ddi_irql(WDF_DDI_KeAcquireSpinLockAtDpcLevel, 0, "drv.c", 20);
  // REPORT-NEXT: drv.c:20: error: KeAcquireSpinLockAtDpcLevel called at PASSIVE_LEVEL; it needs >= DISPATCH_LEVEL [WM008 wdf.DdiIrql]
  printf("reports %u %u %u\n", wdfrt_report_count(WDF_RULE_WM001),
         wdfrt_report_count(WDF_RULE_WM008), wdfrt_report_count(WDF_RULE_COUNT));
  // CHECK-NEXT: reports 1 2 3
  return 0;
}
