// WM001's fix-it: a paged pool type written at the call becomes the
// non-paged NX one (PagedPool -> NonPagedPoolNx, POOL_FLAG_PAGED ->
// POOL_FLAG_NON_PAGED); a pool type through a variable gets none.
// RUN: %wdf_analyze -analyzer-checker=wdf.PoolIrql -analyzer-config wdf.PoolIrql:ShowFixIts=true -fdiagnostics-parseable-fixits %s 2>&1 | FileCheck %s
// RUN: %wdf_analyze -analyzer-checker=wdf.PoolIrql -fdiagnostics-parseable-fixits %s 2>&1 | FileCheck --check-prefix=OFF %s
#include <ntddk.h>
#include <wdf.h>

EVT_WDF_DPC DpcPagedPool;
VOID DpcPagedPool(WDFDPC Dpc) {
  ExAllocatePoolWithTag(PagedPool, 64, 'xFrI');
}
// (once on the warning, once on its path note)
// CHECK-COUNT-2: fix-it:"{{.*}}pool-irql-fixits.c":{[[@LINE-3]]:25-[[@LINE-3]]:34}:"NonPagedPoolNx"

EVT_WDF_DPC DpcPagedFlag;
VOID DpcPagedFlag(WDFDPC Dpc) {
  ExAllocatePool2(POOL_FLAG_PAGED, 64, 'xFrI');
}
// CHECK-COUNT-2: fix-it:"{{.*}}pool-irql-fixits.c":{[[@LINE-2]]:19-[[@LINE-2]]:34}:"POOL_FLAG_NON_PAGED"

EVT_WDF_DPC DpcPagedVariable;
VOID DpcPagedVariable(WDFDPC Dpc) {
  POOL_TYPE pool = PagedPool;
  ExAllocatePoolWithTag(pool, 64, 'xFrI');
}
// CHECK: warning: ExAllocatePoolWithTag allocates paged pool at DISPATCH_LEVEL
// CHECK-NOT: fix-it:
// OFF-NOT: fix-it:
