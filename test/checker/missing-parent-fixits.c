// WM002's fix-it: with a local attributes variable and a WDFREQUEST
// parameter in scope, set the request as the parent before the creation.
// RUN: %wdf_analyze -analyzer-checker=wdf.MissingParent -analyzer-config wdf.MissingParent:ShowFixIts=true -fdiagnostics-parseable-fixits %s 2>&1 | FileCheck %s
#include <ntddk.h>
#include <wdf.h>

typedef struct { WDFMEMORY Pending; } CTX;
WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(CTX, GetCtx)

NTSTATUS SavePending(WDFDEVICE Device, WDFREQUEST Request) {
  WDF_OBJECT_ATTRIBUTES attributes;
  CTX *ctx = GetCtx(Device);
  WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
  return WdfMemoryCreate(&attributes, NonPagedPoolNx, 'dneP', 64, &ctx->Pending, NULL);
}
// CHECK: warning: memory object from WdfMemoryCreate has no parent and outlives this function
// CHECK: fix-it:"{{.*}}missing-parent-fixits.c":{[[@LINE-3]]:3-[[@LINE-3]]:3}:"attributes.ParentObject = Request;\n  "

// No attributes variable to set: no fix-it.
NTSTATUS SaveNoAttributes(WDFDEVICE Device, WDFREQUEST Request) {
  CTX *ctx = GetCtx(Device);
  return WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, NonPagedPoolNx, 'dneP', 64, &ctx->Pending, NULL);
}
// CHECK: warning: memory object from WdfMemoryCreate has no parent and outlives this function
// CHECK-NOT: fix-it:
