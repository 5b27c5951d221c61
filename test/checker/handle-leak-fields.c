// WM004 wdf.HandleLeak for handles created straight into a field: a second
// creation into the same field (or an assignment to it) on one path, while
// it holds the only handle of a driver-parented object this path created,
// loses that object -- reported at the overwrite, with a note at the first
// creation.  Directly, in a loop, through a helper, on an error path; clean
// when the object was deleted in between, stored elsewhere, parented, in
// another element of an array field, or created on an earlier call.
// RUN: %wdf_analyze -analyzer-checker=wdf.HandleLeak,wdf.MissingParent -verify %s
// RUN: %wdf_analyze -analyzer-checker=wdf.HandleLeak,wdf.MissingParent -verify %wdk_shape %s
// RUN: %wdf_analyze -analyzer-checker=wdf.HandleLeak,wdf.MissingParent -verify %msvc %wdk_shape %s
#include <ntddk.h>
#include <wdf.h>

#define TAG 'dlFW'
#define SLOTS 4

// A buffer and what the driver knows of it: more members than the analyzer
// copies one by one, so a copy of it is a snapshot of the whole record.
typedef struct {
  WDFMEMORY Memory;
  PVOID Buffer;
  size_t Length;
  ULONG Generation;
} REGION;

typedef struct {
  WDFMEMORY Staging;
  WDFMEMORY Previous;
  WDFMEMORY Slots[SLOTS];
  WDFMEMORY Log;          // never deleted by this file
  REGION Current;
  REGION Retired;
} DEV_CTX, *PDEV_CTX;
WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(DEV_CTX, GetDevCtx)

struct {
  WDFMEMORY Cache;
} g;


// The release path: the fields this file deletes through are managed (no
// WM002 for them, no WM004 when a function returns holding them).
VOID ReleaseBuffers(PDEV_CTX ctx) {
  ULONG i;
  WdfObjectDelete(ctx->Staging);
  WdfObjectDelete(ctx->Previous);
  for (i = 0; i < SLOTS; i++)
    WdfObjectDelete(ctx->Slots[i]);
  WdfObjectDelete(g.Cache);
  WdfObjectDelete(ctx->Current.Memory);
  WdfObjectDelete(ctx->Retired.Memory);
}

// ---- lost ----

NTSTATUS RecreatedDirectly(WDFDEVICE Device) {
  PDEV_CTX ctx = GetDevCtx(Device);
  NTSTATUS status = WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, NonPagedPoolNx, TAG, 256, &ctx->Staging, NULL); // expected-note{{memory object created here without a parent; it lives until the driver unloads}}
  if (!NT_SUCCESS(status)) // expected-note{{Taking false branch}} expected-note 2 {{'status' is >= 0}}
    return status;
  return WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, NonPagedPoolNx, TAG, 512, &ctx->Staging, NULL); // expected-warning{{'ctx->Staging' is overwritten here while it holds the last handle to the memory object from WdfMemoryCreate: it has no parent, so it stays allocated until the driver unloads; delete it with WdfObjectDelete before reusing 'ctx->Staging', or give it a parent}} expected-note{{'ctx->Staging' is overwritten here}}
}

NTSTATUS RecreatedInLoop(WDFDEVICE Device, ULONG passes) {
  PDEV_CTX ctx = GetDevCtx(Device);
  NTSTATUS status = STATUS_SUCCESS;
  ULONG i;
  for (i = 0; i < passes; i++) { // expected-note{{Assuming 'i' is < 'passes'}} expected-note{{Loop condition is true}} expected-note{{Assuming 'i' is < 'passes'}} expected-note{{Loop condition is true}}
    status = WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, NonPagedPoolNx, TAG, 256, &ctx->Staging, NULL); // expected-note{{memory object created here without a parent; it lives until the driver unloads}} expected-warning{{'ctx->Staging' is overwritten here while it holds the last handle}} expected-note{{'ctx->Staging' is overwritten here}}
    if (!NT_SUCCESS(status)) // expected-note{{Taking false branch}} expected-note 2 {{'status' is >= 0}}
      break;
  }
  return status;
}

static NTSTATUS AllocateStaging(PDEV_CTX ctx) {
  return WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, NonPagedPoolNx, TAG, 256, &ctx->Staging, NULL); // expected-note{{memory object created here without a parent; it lives until the driver unloads}} expected-warning{{'ctx->Staging' is overwritten here while it holds the last handle}} expected-note{{'ctx->Staging' is overwritten here}}
}

NTSTATUS RecreatedThroughHelper(WDFDEVICE Device) {
  PDEV_CTX ctx = GetDevCtx(Device);
  NTSTATUS status = AllocateStaging(ctx); // expected-note{{Calling 'AllocateStaging'}} expected-note{{Returning from 'AllocateStaging'}}
  if (!NT_SUCCESS(status)) // expected-note{{Taking false branch}} expected-note 2 {{'status' is >= 0}}
    return status;
  return AllocateStaging(ctx); // expected-note{{Calling 'AllocateStaging'}}
}

// The fallback allocation on the error path forgets the first object.
NTSTATUS RecreatedOnErrorPath(WDFDEVICE Device, PVOID seed, size_t length) {
  PDEV_CTX ctx = GetDevCtx(Device);
  NTSTATUS status = WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, NonPagedPoolNx, TAG, 4096, &ctx->Staging, NULL); // expected-note{{memory object created here without a parent; it lives until the driver unloads}}
  if (!NT_SUCCESS(status)) // expected-note{{Taking false branch}} expected-note 2 {{'status' is >= 0}}
    return status;
  status = WdfMemoryCopyFromBuffer(ctx->Staging, 0, seed, length);
  if (!NT_SUCCESS(status)) // expected-note{{Assuming 'status' is < 0}} expected-note{{Taking true branch}} expected-note{{'status' is < 0}}
    status = WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, NonPagedPoolNx, TAG, 512, &ctx->Staging, NULL); // expected-warning{{'ctx->Staging' is overwritten here while it holds the last handle}} expected-note{{'ctx->Staging' is overwritten here}}
  return status;
}

// A field of a global, grown without deleting the first object.
NTSTATUS RegrownGlobal(size_t length) {
  if (!NT_SUCCESS(WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, NonPagedPoolNx, TAG, 4096, &g.Cache, NULL))) // expected-note{{memory object created here without a parent; it lives until the driver unloads}} expected-note{{Taking false branch}}
    return STATUS_INSUFFICIENT_RESOURCES;
  if (length > 4096) // expected-note{{Assuming 'length' is > 4096}} expected-note{{Taking true branch}}
    return WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, NonPagedPoolNx, TAG, length, &g.Cache, NULL); // expected-warning{{'g.Cache' is overwritten here while it holds the last handle}} expected-note{{'g.Cache' is overwritten here}}
  return STATUS_SUCCESS;
}

// ---- clean twins ----

NTSTATUS DeletedInBetween(WDFDEVICE Device, ULONG passes) {
  PDEV_CTX ctx = GetDevCtx(Device);
  NTSTATUS status = STATUS_SUCCESS;
  ULONG i;
  for (i = 0; i < passes; i++) {
    status = WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, NonPagedPoolNx, TAG, 256, &ctx->Staging, NULL); // no-warning
    if (!NT_SUCCESS(status))
      break;
    if (i + 1 < passes)
      WdfObjectDelete(ctx->Staging);
  }
  return status;
}

NTSTATUS StoredElsewhere(WDFDEVICE Device) {
  PDEV_CTX ctx = GetDevCtx(Device);
  NTSTATUS status = WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, NonPagedPoolNx, TAG, 256, &ctx->Staging, NULL);
  if (!NT_SUCCESS(status))
    return status;
  ctx->Previous = ctx->Staging;
  return WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, NonPagedPoolNx, TAG, 256, &ctx->Staging, NULL); // no-warning
}

// The record copied whole keeps the handle: the first buffer is retired,
// not lost.
NTSTATUS RetiredByCopy(WDFDEVICE Device, size_t length) {
  PDEV_CTX ctx = GetDevCtx(Device);
  NTSTATUS status = WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, NonPagedPoolNx, TAG, 256, &ctx->Current.Memory, &ctx->Current.Buffer);
  if (!NT_SUCCESS(status))
    return status;
  ctx->Current.Length = 256;
  ctx->Retired = ctx->Current;
  ctx->Current.Length = length;
  return WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, NonPagedPoolNx, TAG, length, &ctx->Current.Memory, &ctx->Current.Buffer); // no-warning
}

NTSTATUS EachSlotOnce(WDFDEVICE Device) {
  PDEV_CTX ctx = GetDevCtx(Device);
  ULONG i;
  for (i = 0; i < SLOTS; i++) {
    NTSTATUS status = WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, NonPagedPoolNx, TAG, 64, &ctx->Slots[i], NULL); // no-warning
    if (!NT_SUCCESS(status))
      return status;
  }
  return STATUS_SUCCESS;
}

NTSTATUS ParentedToDevice(WDFDEVICE Device, ULONG passes) {
  PDEV_CTX ctx = GetDevCtx(Device);
  WDF_OBJECT_ATTRIBUTES attributes;
  ULONG i;
  WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
  attributes.ParentObject = Device;
  for (i = 0; i < passes; i++)
    if (!NT_SUCCESS(WdfMemoryCreate(&attributes, NonPagedPoolNx, TAG, 64, &ctx->Log, NULL))) // no-warning
      return STATUS_INSUFFICIENT_RESOURCES;
  return STATUS_SUCCESS;
}

// What the field held came from an earlier call: not this path's object.
NTSTATUS ReplacedFromEarlierCall(WDFDEVICE Device) {
  PDEV_CTX ctx = GetDevCtx(Device);
  return WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, NonPagedPoolNx, TAG, 256, &ctx->Staging, NULL); // no-warning
}

NTSTATUS CreatedOnlyWhenEmpty(WDFDEVICE Device) {
  PDEV_CTX ctx = GetDevCtx(Device);
  NTSTATUS status = STATUS_SUCCESS;
  if (ctx->Staging == NULL)
    status = WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, NonPagedPoolNx, TAG, 256, &ctx->Staging, NULL);
  if (NT_SUCCESS(status) && ctx->Staging == NULL)
    status = WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, NonPagedPoolNx, TAG, 256, &ctx->Staging, NULL); // no-warning
  return status;
}

