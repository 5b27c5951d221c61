// WM010's fix-it, on the allocation of the memory touched too high: a paged
// pool written at the call becomes the non-paged NX one (PagedPool ->
// NonPagedPoolNx, POOL_FLAG_PAGED -> POOL_FLAG_NON_PAGED), also when the
// allocation is in another function of the file; a pool type through a
// variable gets none.
// RUN: %wdf_analyze -analyzer-checker=wdf.PagedAccess -analyzer-config wdf.PagedAccess:ShowFixIts=true -fdiagnostics-parseable-fixits %s 2>&1 | FileCheck %s
// RUN: %wdf_analyze -analyzer-checker=wdf.PagedAccess -fdiagnostics-parseable-fixits %s 2>&1 | FileCheck --check-prefix=OFF %s
#include <ntddk.h>
#include <wdf.h>

typedef struct {
  WDFSPINLOCK Lock;
  UCHAR *Table;
} CONTEXT;
WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(CONTEXT, GetContext)

EVT_WDF_WORKITEM PagedUnderLock;
VOID PagedUnderLock(WDFWORKITEM WorkItem) {
  CONTEXT *ctx = GetContext(WorkItem);
  UCHAR *p = ExAllocatePoolWithTag(PagedPool, 64, 'xFaP');
  if (!p)
    return;
  WdfSpinLockAcquire(ctx->Lock);
  p[0] = 1;
  WdfSpinLockRelease(ctx->Lock);
}
// (once on the warning, once on its path note)
// CHECK-COUNT-2: fix-it:"{{.*}}paged-access-fixits.c":{[[@LINE-8]]:36-[[@LINE-8]]:45}:"NonPagedPoolNx"

EVT_WDF_DRIVER_DEVICE_ADD DeviceAdd;
NTSTATUS DeviceAdd(WDFDRIVER Driver, PWDFDEVICE_INIT DeviceInit) {
  WDFDEVICE device;
  NTSTATUS status = WdfDeviceCreate(&DeviceInit, WDF_NO_OBJECT_ATTRIBUTES, &device);
  if (NT_SUCCESS(status))
    GetContext(device)->Table = ExAllocatePool2(POOL_FLAG_PAGED, 64, 'xFaP');
  return status;
}
// The touch is in Dpc, below; the fix-it is on the allocation here.
// CHECK-COUNT-2: fix-it:"{{.*}}paged-access-fixits.c":{[[@LINE-4]]:49-[[@LINE-4]]:64}:"POOL_FLAG_NON_PAGED"

EVT_WDF_DPC Dpc;
VOID Dpc(WDFDPC Object) {
  CONTEXT *ctx = GetContext(WdfDpcGetParentObject(Object));
  UCHAR v = ctx->Table[0];
  (void)v;
}

EVT_WDF_WORKITEM PagedVariable;
VOID PagedVariable(WDFWORKITEM WorkItem) {
  CONTEXT *ctx = GetContext(WorkItem);
  POOL_TYPE pool = PagedPool;
  UCHAR *p = ExAllocatePoolWithTag(pool, 64, 'xFaP');
  if (!p)
    return;
  WdfSpinLockAcquire(ctx->Lock);
  p[0] = 1;
  WdfSpinLockRelease(ctx->Lock);
}
// CHECK: paged-access-fixits.c:[[@LINE-3]]:8: warning: paged memory from ExAllocatePoolWithTag is written at DISPATCH_LEVEL
// CHECK-NOT: fix-it:
// OFF-NOT: fix-it:
