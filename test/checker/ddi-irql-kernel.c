// WM008 wdf.DdiIrql on kernel DDIs: their IRQL limits come from
// rules/ddis.def, so they hold where the headers carry no SAL (mingw-w64's,
// and the model's declarations of these routines).
// RUN: %wdf_analyze -analyzer-checker=wdf.DdiIrql -verify %s
// RUN: %wdf_analyze -analyzer-checker=wdf.DdiIrql -verify %wdk_shape %s
// RUN: %wdf_analyze -analyzer-checker=wdf.DdiIrql -verify %msvc %s
#include <ntddk.h>
#include <wdf.h>

typedef struct {
  KSPIN_LOCK Lock;
  WDFSPINLOCK WdfLock;
  KEVENT Event;
  HANDLE File;
  PDEVICE_OBJECT Pdo;
  PMDL Mdl;
  ERESOURCE Resource;
} DEVICE_CONTEXT;
WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(DEVICE_CONTEXT, GetContext)

// ---- PASSIVE_LEVEL DDIs where the IRQL can be DISPATCH_LEVEL ----------------

EVT_WDF_IO_QUEUE_IO_DEVICE_CONTROL IoctlReferencesHandle;
VOID IoctlReferencesHandle(WDFQUEUE Queue, WDFREQUEST Request, size_t Out, size_t In, ULONG Code) { // expected-note{{entered at PASSIVE_LEVEL or DISPATCH_LEVEL (role: EVT_WDF_IO_QUEUE_IO_DEVICE_CONTROL)}}
  DEVICE_CONTEXT *ctx = GetContext(Queue);
  PVOID object;
  NTSTATUS status = ObReferenceObjectByHandle(ctx->File, 0, *IoFileObjectType, KernelMode, &object, NULL); // expected-warning{{ObReferenceObjectByHandle is called at DISPATCH_LEVEL (EvtIoDeviceControl callbacks can run at DISPATCH_LEVEL) but may only run at PASSIVE_LEVEL or below; set WdfExecutionLevelPassive on the queue, defer to a work item, or, if only PASSIVE_LEVEL callers reach it, say so with PAGED_CODE()}} expected-note{{ObReferenceObjectByHandle is called at DISPATCH_LEVEL}}
  if (NT_SUCCESS(status))
    ObDereferenceObject(object);
  WdfRequestComplete(Request, status);
}

VOID DpcOpensFile(WDFDPC Dpc); // registered below: DISPATCH_LEVEL
VOID DpcOpensFile(WDFDPC Dpc) { // expected-note{{entered at DISPATCH_LEVEL (role: EVT_WDF_DPC)}}
  DEVICE_CONTEXT *ctx = GetContext(Dpc);
  OBJECT_ATTRIBUTES attributes = {sizeof attributes, NULL, NULL, OBJ_KERNEL_HANDLE, NULL, NULL};
  IO_STATUS_BLOCK iosb;
  HANDLE file;
  if (NT_SUCCESS(ZwCreateFile(&file, GENERIC_READ, &attributes, &iosb, NULL, FILE_ATTRIBUTE_NORMAL, FILE_SHARE_READ, FILE_OPEN, FILE_SYNCHRONOUS_IO_NONALERT, NULL, 0))) // expected-warning{{ZwCreateFile is called at DISPATCH_LEVEL (EvtDpcFunc callbacks can run at DISPATCH_LEVEL) but may only run at PASSIVE_LEVEL or below}} expected-note{{ZwCreateFile is called at DISPATCH_LEVEL}}
    ctx->File = file;
}

EVT_WDF_WORKITEM WorkQueriesUnderLock;
VOID WorkQueriesUnderLock(WDFWORKITEM WorkItem) { // expected-note{{entered at PASSIVE_LEVEL (role: EVT_WDF_WORKITEM)}}
  DEVICE_CONTEXT *ctx = GetContext(WorkItem);
  WCHAR name[64];
  ULONG length;
  KIRQL old;
  KeAcquireSpinLock(&ctx->Lock, &old); // expected-note-re{{IRQL raised to DISPATCH_LEVEL by KeAcquireSpinLock{{(RaiseToDpc)?}}}}
  IoGetDeviceProperty(ctx->Pdo, DevicePropertyDriverKeyName, sizeof name, name, &length); // expected-warning-re{{IoGetDeviceProperty is called at DISPATCH_LEVEL (the IRQL was raised to DISPATCH_LEVEL by KeAcquireSpinLock{{(RaiseToDpc)?}}) but may only run at PASSIVE_LEVEL or below; move the call before KeAcquireSpinLock{{(RaiseToDpc)?}} or after the lock is released}} expected-note{{IoGetDeviceProperty is called at DISPATCH_LEVEL}}
  KeReleaseSpinLock(&ctx->Lock, old);
}

// ---- KeWaitForSingleObject: APC_LEVEL unless the timeout is zero -------------

EVT_WDF_DPC DpcWaitsForever;
VOID DpcWaitsForever(WDFDPC Dpc) { // expected-note{{entered at DISPATCH_LEVEL (role: EVT_WDF_DPC)}}
  DEVICE_CONTEXT *ctx = GetContext(Dpc);
  KeWaitForSingleObject(&ctx->Event, Executive, KernelMode, FALSE, NULL); // expected-warning{{KeWaitForSingleObject is called at DISPATCH_LEVEL (EvtDpcFunc callbacks can run at DISPATCH_LEVEL) but may only run at APC_LEVEL or below}} expected-note{{KeWaitForSingleObject is called at DISPATCH_LEVEL}}
}

EVT_WDF_WORKITEM WorkWaitsUnderLock;
VOID WorkWaitsUnderLock(WDFWORKITEM WorkItem) { // expected-note{{entered at PASSIVE_LEVEL (role: EVT_WDF_WORKITEM)}}
  DEVICE_CONTEXT *ctx = GetContext(WorkItem);
  LARGE_INTEGER timeout;
  timeout.QuadPart = -10000; // 1 ms
  WdfSpinLockAcquire(ctx->WdfLock); // expected-note{{IRQL raised to DISPATCH_LEVEL by WdfSpinLockAcquire}}
  KeWaitForSingleObject(&ctx->Event, Executive, KernelMode, FALSE, &timeout); // expected-warning{{KeWaitForSingleObject is called at DISPATCH_LEVEL (the IRQL was raised to DISPATCH_LEVEL by WdfSpinLockAcquire) but may only run at APC_LEVEL or below}} expected-note{{KeWaitForSingleObject is called at DISPATCH_LEVEL}}
  WdfSpinLockRelease(ctx->WdfLock);
}

// A zero timeout only polls the object: fine at DISPATCH_LEVEL.
EVT_WDF_DPC DpcPollsEvent;
VOID DpcPollsEvent(WDFDPC Dpc) {
  DEVICE_CONTEXT *ctx = GetContext(Dpc);
  LARGE_INTEGER zero;
  zero.QuadPart = 0;
  KeWaitForSingleObject(&ctx->Event, Executive, KernelMode, FALSE, &zero); // no-warning
}

// A timeout the analysis cannot read may be zero: nothing is reported.
EVT_WDF_DPC DpcWaitsCallersTimeout;
LARGE_INTEGER CallersTimeout;
VOID DpcWaitsCallersTimeout(WDFDPC Dpc) {
  DEVICE_CONTEXT *ctx = GetContext(Dpc);
  KeWaitForSingleObject(&ctx->Event, Executive, KernelMode, FALSE, &CallersTimeout); // no-warning
}

// ---- the same calls where the IRQL allows them -------------------------------

EVT_WDF_WORKITEM WorkAtPassive;
VOID WorkAtPassive(WDFWORKITEM WorkItem) {
  DEVICE_CONTEXT *ctx = GetContext(WorkItem);
  PVOID object;
  WCHAR name[64];
  ULONG length;
  if (NT_SUCCESS(ObReferenceObjectByHandle(ctx->File, 0, *IoFileObjectType, KernelMode, &object, NULL))) // no-warning
    ObDereferenceObject(object); // no-warning
  IoGetDeviceProperty(ctx->Pdo, DevicePropertyDriverKeyName, sizeof name, name, &length); // no-warning
  KeWaitForSingleObject(&ctx->Event, Executive, KernelMode, FALSE, NULL); // no-warning
  KeFlushQueuedDpcs(); // no-warning
  ZwClose(ctx->File); // no-warning
  if (ExAcquireResourceExclusiveLite(&ctx->Resource, TRUE)) // no-warning
    ExReleaseResourceLite(&ctx->Resource); // no-warning
}

// Guarded by the IRQL: only the PASSIVE_LEVEL path references the handle.
EVT_WDF_IO_QUEUE_IO_DEVICE_CONTROL IoctlGuarded;
VOID IoctlGuarded(WDFQUEUE Queue, WDFREQUEST Request, size_t Out, size_t In,
                  ULONG Code) {
  DEVICE_CONTEXT *ctx = GetContext(Queue);
  PVOID object;
  if (KeGetCurrentIrql() == PASSIVE_LEVEL &&
      NT_SUCCESS(ObReferenceObjectByHandle(ctx->File, 0, *IoFileObjectType, KernelMode, &object, NULL))) // no-warning
    ObDereferenceObject(object);
  WdfRequestComplete(Request, STATUS_SUCCESS);
}

// DISPATCH_LEVEL DDIs under a spin lock are fine; not above it.
EVT_WDF_DPC DpcMapsMdl;
VOID DpcMapsMdl(WDFDPC Dpc) {
  DEVICE_CONTEXT *ctx = GetContext(Dpc);
  KeAcquireSpinLockAtDpcLevel(&ctx->Lock);
  PVOID va = MmGetSystemAddressForMdlSafe(ctx->Mdl, 16); // no-warning
  PMDL mdl = IoAllocateMdl(va, 64, FALSE, FALSE, NULL); // no-warning
  if (mdl)
    IoFreeMdl(mdl); // no-warning
  KeSetEvent(&ctx->Event, 0, FALSE); // no-warning
  KeReleaseSpinLockFromDpcLevel(&ctx->Lock);
}

EVT_WDF_DPC DpcFlushesDpcs;
VOID DpcFlushesDpcs(WDFDPC Dpc) { // expected-note{{entered at DISPATCH_LEVEL (role: EVT_WDF_DPC)}}
  KeFlushQueuedDpcs(); // expected-warning{{KeFlushQueuedDpcs is called at DISPATCH_LEVEL (EvtDpcFunc callbacks can run at DISPATCH_LEVEL) but may only run at PASSIVE_LEVEL or below}} expected-note{{KeFlushQueuedDpcs is called at DISPATCH_LEVEL}}
}

NTSTATUS RegisterDpc(WDFDEVICE Device) {
  WDF_DPC_CONFIG config;
  WDF_OBJECT_ATTRIBUTES attributes;
  WDFDPC dpc;
  WDF_DPC_CONFIG_INIT(&config, DpcOpensFile);
  WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
  attributes.ParentObject = Device;
  return WdfDpcCreate(&config, &attributes, &dpc);
}
