// WM010 wdf.PagedAccess: paged memory touched above APC_LEVEL -- loads and
// stores, copies, fills and compares on either side, WdfMemoryCopyToBuffer
// on a paged object -- on one path and through a field that only ever holds
// paged memory.  Plain prototypes and the WDK's wrappers, Linux and MSVC.
// RUN: %wdf_analyze -analyzer-checker=wdf.PoolIrql,wdf.PagedAccess -verify %s
// RUN: %wdf_analyze -analyzer-checker=wdf.PoolIrql,wdf.PagedAccess -verify %wdk_shape %s
// RUN: %wdf_analyze -analyzer-checker=wdf.PoolIrql,wdf.PagedAccess -verify %msvc %wdk_shape %s
#include <ntddk.h>
#include <wdf.h>

#define TAG 'aPaW'

typedef struct {
  WDFSPINLOCK Lock;
  KSPIN_LOCK KLock;
  UCHAR *Table;     // only ever paged
  UCHAR *Scratch;   // paged in one place, non-paged in another
  WDFMEMORY Names;  // only ever a paged memory object
  UCHAR *Ring;      // only ever non-paged
  int Mode;
} DEVICE_CONTEXT;
WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(DEVICE_CONTEXT, GetDeviceContext)

// ---- one path ----------------------------------------------------------

// Under a WDF spin lock.
EVT_WDF_WORKITEM UnderWdfLock;
VOID UnderWdfLock(WDFWORKITEM WorkItem) { // expected-note{{entered at PASSIVE_LEVEL (role: EVT_WDF_WORKITEM)}}
  DEVICE_CONTEXT *ctx = GetDeviceContext(WorkItem);
  UCHAR *p = ExAllocatePoolWithTag(PagedPool, 64, TAG); // expected-note{{paged memory allocated here by ExAllocatePoolWithTag}}
  if (!p) // expected-note{{Assuming 'p' is non-null}} expected-note{{Taking false branch}}
    return;
  p[0] = 1; // no-warning
  WdfSpinLockAcquire(ctx->Lock); // expected-note{{IRQL raised to DISPATCH_LEVEL by WdfSpinLockAcquire}}
  p[1] = 2; // expected-warning{{paged memory from ExAllocatePoolWithTag is written at DISPATCH_LEVEL (the IRQL was raised to DISPATCH_LEVEL by WdfSpinLockAcquire): a page that is out cannot be brought in above APC_LEVEL and the system stops (IRQL_NOT_LESS_OR_EQUAL); allocate it non-paged (NonPagedPoolNx), or move the call before WdfSpinLockAcquire or after the lock is released}} expected-note{{paged memory from ExAllocatePoolWithTag is written at DISPATCH_LEVEL}}
  WdfSpinLockRelease(ctx->Lock);
  ExFreePoolWithTag(p, TAG);
}

// Under a KSPIN_LOCK, read; ExAllocatePool2 with POOL_FLAG_PAGED.
EVT_WDF_WORKITEM UnderKLock;
VOID UnderKLock(WDFWORKITEM WorkItem) { // expected-note{{entered at PASSIVE_LEVEL (role: EVT_WDF_WORKITEM)}}
  DEVICE_CONTEXT *ctx = GetDeviceContext(WorkItem);
  KIRQL old;
  ULONG *p = ExAllocatePool2(POOL_FLAG_PAGED, 64, TAG); // expected-note{{paged memory allocated here by ExAllocatePool2}}
  ULONG v;
  if (!p) // expected-note{{Assuming 'p' is non-null}} expected-note{{Taking false branch}}
    return;
  KeAcquireSpinLock(&ctx->KLock, &old); // expected-note{{IRQL raised to DISPATCH_LEVEL by KeAcquireSpinLock}}
  v = p[3]; // expected-warning{{paged memory from ExAllocatePool2 is read at DISPATCH_LEVEL (the IRQL was raised to DISPATCH_LEVEL by KeAcquireSpinLock}} expected-note{{paged memory from ExAllocatePool2 is read at DISPATCH_LEVEL}}
  KeReleaseSpinLock(&ctx->KLock, old);
  ExFreePoolWithTag(p, TAG);
}

// WdfMemoryCopyToBuffer on a paged object under a lock: the paged limit is
// WM010's, WM008 keeps the DDI's own (DISPATCH_LEVEL).
EVT_WDF_WORKITEM CopyToBufferLocked;
VOID CopyToBufferLocked(WDFWORKITEM WorkItem) { // expected-note{{entered at PASSIVE_LEVEL (role: EVT_WDF_WORKITEM)}}
  DEVICE_CONTEXT *ctx = GetDeviceContext(WorkItem);
  WDFMEMORY memory;
  ULONG v;
  if (!NT_SUCCESS(WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, PagedPool, TAG, 64, &memory, NULL))) // expected-note{{paged memory allocated here by WdfMemoryCreate}} expected-note{{Taking false branch}} expected-note{{Assuming the condition is true}}
    return;
  WdfSpinLockAcquire(ctx->Lock); // expected-note{{IRQL raised to DISPATCH_LEVEL by WdfSpinLockAcquire}}
  WdfMemoryCopyToBuffer(memory, 0, &v, sizeof v); // expected-warning{{WdfMemoryCopyToBuffer touches paged memory from WdfMemoryCreate at DISPATCH_LEVEL}} expected-note{{WdfMemoryCopyToBuffer touches paged memory from WdfMemoryCreate at DISPATCH_LEVEL}}
  WdfSpinLockRelease(ctx->Lock);
}

// Copies, fills and compares, with the paged memory on either side.
EVT_WDF_WORKITEM Copies;
VOID Copies(WDFWORKITEM WorkItem) { // expected-note 4 {{entered at PASSIVE_LEVEL (role: EVT_WDF_WORKITEM)}}
  DEVICE_CONTEXT *ctx = GetDeviceContext(WorkItem);
  UCHAR local[16] = {0};
  UCHAR *p = ExAllocatePoolWithTag(PagedPool, 16, TAG); // expected-note 4 {{paged memory allocated here by ExAllocatePoolWithTag}}
  if (!p) // expected-note 4 {{Assuming 'p' is non-null}} expected-note 4 {{Taking false branch}}
    return;
  WdfSpinLockAcquire(ctx->Lock); // expected-note 4 {{IRQL raised to DISPATCH_LEVEL by WdfSpinLockAcquire}}
  switch (ctx->Mode) { // expected-note 4 {{Control jumps to}}
  case 0:
    memcpy(local, p, sizeof local); // expected-warning{{memcpy touches paged memory from ExAllocatePoolWithTag at DISPATCH_LEVEL}} expected-note{{memcpy touches paged memory from ExAllocatePoolWithTag at DISPATCH_LEVEL}}
    break;
  case 1:
    RtlCopyMemory(p, local, sizeof local); // expected-warning{{touches paged memory from ExAllocatePoolWithTag at DISPATCH_LEVEL}} expected-note{{touches paged memory from ExAllocatePoolWithTag at DISPATCH_LEVEL}}
    break;
  case 2:
    RtlZeroMemory(p, 16); // expected-warning{{touches paged memory from ExAllocatePoolWithTag at DISPATCH_LEVEL}} expected-note{{touches paged memory from ExAllocatePoolWithTag at DISPATCH_LEVEL}}
    break;
  default:
    (void)RtlCompareMemory(local, p, sizeof local); // expected-warning{{RtlCompareMemory touches paged memory from ExAllocatePoolWithTag at DISPATCH_LEVEL}} expected-note{{RtlCompareMemory touches paged memory from ExAllocatePoolWithTag at DISPATCH_LEVEL}}
    break;
  }
  WdfSpinLockRelease(ctx->Lock);
}

// A paged lookaside list: the memory taken from it is paged.
EVT_WDF_WORKITEM PagedLookaside;
VOID PagedLookaside(WDFWORKITEM WorkItem) { // expected-note{{entered at PASSIVE_LEVEL (role: EVT_WDF_WORKITEM)}}
  DEVICE_CONTEXT *ctx = GetDeviceContext(WorkItem);
  WDFLOOKASIDE list;
  WDFMEMORY memory;
  UCHAR *buffer;
  if (!NT_SUCCESS(WdfLookasideListCreate(WDF_NO_OBJECT_ATTRIBUTES, 32, PagedPool, WDF_NO_OBJECT_ATTRIBUTES, TAG, &list))) // expected-note{{Taking false branch}} expected-note{{Assuming the condition is true}}
    return;
  if (!NT_SUCCESS(WdfMemoryCreateFromLookaside(list, &memory))) // expected-note{{paged memory allocated here by WdfMemoryCreateFromLookaside}} expected-note{{Taking false branch}} expected-note{{Assuming the condition is true}}
    return;
  buffer = WdfMemoryGetBuffer(memory, NULL);
  WdfSpinLockAcquire(ctx->Lock); // expected-note{{IRQL raised to DISPATCH_LEVEL by WdfSpinLockAcquire}}
  buffer[0] = 0; // expected-warning{{paged memory from WdfMemoryCreateFromLookaside is written at DISPATCH_LEVEL}} expected-note{{paged memory from WdfMemoryCreateFromLookaside is written at DISPATCH_LEVEL}}
  WdfSpinLockRelease(ctx->Lock);
}

// ---- tricky clean --------------------------------------------------------

// Paged memory touched only at PASSIVE_LEVEL (after the lock is released).
EVT_WDF_WORKITEM OnlyPassive;
VOID OnlyPassive(WDFWORKITEM WorkItem) {
  DEVICE_CONTEXT *ctx = GetDeviceContext(WorkItem);
  UCHAR *p = ExAllocatePool2(POOL_FLAG_PAGED, 64, TAG);
  if (!p)
    return;
  WdfSpinLockAcquire(ctx->Lock);
  ctx->Ring[0] = 1; // no-warning
  WdfSpinLockRelease(ctx->Lock);
  p[0] = 1; // no-warning
  ExFreePoolWithTag(p, TAG);
}

// A guard on the current IRQL.
EVT_WDF_IO_QUEUE_IO_READ GuardedRead;
VOID GuardedRead(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  DEVICE_CONTEXT *ctx = GetDeviceContext(Queue);
  if (KeGetCurrentIrql() <= APC_LEVEL)
    ctx->Table[0] = 1; // no-warning
  WdfRequestComplete(Request, STATUS_SUCCESS);
}

// Allocation and touch both above APC_LEVEL on one path: one finding, WM001
// at the allocation.
EVT_WDF_DPC AllocAndTouch;
VOID AllocAndTouch(WDFDPC Dpc) { // expected-note{{entered at DISPATCH_LEVEL (role: EVT_WDF_DPC)}}
  UCHAR *p = ExAllocatePoolWithTag(PagedPool, 64, TAG); // expected-warning{{ExAllocatePoolWithTag allocates paged pool at DISPATCH_LEVEL (EvtDpcFunc callbacks can run at DISPATCH_LEVEL)}} expected-note{{ExAllocatePoolWithTag allocates paged pool at DISPATCH_LEVEL (EvtDpcFunc callbacks can run at DISPATCH_LEVEL)}}
  if (p) {
    p[0] = 1; // no-warning
    RtlZeroMemory(p, 64); // no-warning
  }
}

// Non-paged memory touched in a DPC.
EVT_WDF_DPC NonPagedInDpc;
VOID NonPagedInDpc(WDFDPC Dpc) {
  DEVICE_CONTEXT *ctx = GetDeviceContext(Dpc);
  UCHAR *p = ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, TAG);
  ctx->Ring[0] = 1; // no-warning
  if (p) {
    p[0] = 1; // no-warning
    ExFreePoolWithTag(p, TAG);
  }
}

// ---- across functions: fields that only ever hold paged memory -----------

EVT_WDF_DRIVER_DEVICE_ADD EvtDeviceAdd;
NTSTATUS EvtDeviceAdd(WDFDRIVER Driver, PWDFDEVICE_INIT DeviceInit) {
  WDFDEVICE device;
  DEVICE_CONTEXT *devCtx;
  UCHAR *ring;
  NTSTATUS status = WdfDeviceCreate(&DeviceInit, WDF_NO_OBJECT_ATTRIBUTES, &device);
  if (!NT_SUCCESS(status))
    return status;
  devCtx = GetDeviceContext(device);
  devCtx->Table = ExAllocatePoolWithTag(PagedPool, 256, TAG); // expected-note 2 {{paged memory stored into 'devCtx->Table' here (EvtDeviceAdd)}}
  devCtx->Scratch = ExAllocatePoolWithTag(PagedPool, 256, TAG);
  status = WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, PagedPool, TAG, 64, &devCtx->Names, NULL); // expected-note{{paged memory stored into 'devCtx->Names' here (EvtDeviceAdd)}}
  ring = ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, TAG);
  devCtx->Ring = ring;
  return status;
}

EVT_WDF_DEVICE_PREPARE_HARDWARE PrepareHardware;
NTSTATUS PrepareHardware(WDFDEVICE Device, WDFCMRESLIST Raw, WDFCMRESLIST Translated) {
  DEVICE_CONTEXT *ctx = GetDeviceContext(Device);
  ctx->Scratch = ExAllocatePool2(POOL_FLAG_NON_PAGED, 256, TAG);
  return STATUS_SUCCESS;
}

// A field read in an EvtDpcFunc.
EVT_WDF_DPC EvtDpc;
VOID EvtDpc(WDFDPC Dpc) { // expected-note{{entered at DISPATCH_LEVEL (role: EVT_WDF_DPC)}}
  DEVICE_CONTEXT *ctx = GetDeviceContext(WdfDpcGetParentObject(Dpc));
  ctx->Scratch[0] = 1; // no-warning (also holds non-paged memory)
  ctx->Table[0] = 1; // expected-warning{{paged memory from field 'Table' is written at DISPATCH_LEVEL (EvtDpcFunc callbacks can run at DISPATCH_LEVEL)}} expected-note{{paged memory from field 'Table' is written at DISPATCH_LEVEL}}
}

// A field read in an EvtTimerFunc, through WdfMemoryCopyFromBuffer.
EVT_WDF_TIMER EvtTimer;
VOID EvtTimer(WDFTIMER Timer) { // expected-note 2 {{entered at DISPATCH_LEVEL (role: EVT_WDF_TIMER)}}
  DEVICE_CONTEXT *ctx = GetDeviceContext(WdfTimerGetParentObject(Timer));
  ULONG v = 0;
  if (ctx->Ring[0]) // no-warning (non-paged) expected-note{{Assuming the condition is true}} expected-note{{Taking true branch}} expected-note{{Assuming the condition is false}} expected-note{{Taking false branch}}
    WdfMemoryCopyFromBuffer(ctx->Names, 0, &v, sizeof v); // expected-warning{{WdfMemoryCopyFromBuffer touches paged memory from field 'Names' at DISPATCH_LEVEL}} expected-note{{WdfMemoryCopyFromBuffer touches paged memory from field 'Names' at DISPATCH_LEVEL}}
  else
    RtlZeroMemory(ctx->Table, 4); // expected-warning{{touches paged memory from field 'Table' at DISPATCH_LEVEL}} expected-note{{touches paged memory from field 'Table' at DISPATCH_LEVEL}}
}

// ---- more sources and stores ---------------------------------------------

typedef struct {
  WDFSPINLOCK Lock;
  UCHAR *ViaLocal;     // only ever paged, through a local
  UCHAR *Kept;         // paged, but its address is kept: anything may go there
  WDFMEMORY Described; // a preallocated object over paged memory
  UCHAR *Listed;       // paged, and non-paged in an initialiser list
} QUEUE_CONTEXT;
WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(QUEUE_CONTEXT, GetQueueContext)

UCHAR *g_Log; // a global that only ever holds paged memory
UCHAR **g_Slot;

EVT_WDF_WORKITEM QueueSetup;
VOID QueueSetup(WDFWORKITEM WorkItem) {
  QUEUE_CONTEXT *q = GetQueueContext(WorkItem);
  UCHAR *buf = ExAllocatePool2(POOL_FLAG_PAGED, 64, TAG);
  q->ViaLocal = buf; // expected-note{{paged memory stored into 'q->ViaLocal' here (QueueSetup)}}
  q->Kept = ExAllocatePool2(POOL_FLAG_PAGED, 64, TAG);
  g_Slot = &q->Kept;
  q->Listed = ExAllocatePool2(POOL_FLAG_PAGED, 64, TAG);
  g_Log = ExAllocatePoolWithTag(PagedPool, 64, TAG); // expected-note{{paged memory stored into 'g_Log' here (QueueSetup)}}
}

EVT_WDF_DPC QueueDpc;
VOID QueueDpc(WDFDPC Dpc) { // expected-note 2 {{entered at DISPATCH_LEVEL (role: EVT_WDF_DPC)}}
  QUEUE_CONTEXT *q = GetQueueContext(WdfDpcGetParentObject(Dpc));
  q->Kept[0] = 1; // no-warning (its address is kept)
  q->Listed[0] = 1; // no-warning (also non-paged)
  if (q->ViaLocal[0]) // expected-warning{{paged memory from field 'ViaLocal' is read at DISPATCH_LEVEL}} expected-note{{paged memory from field 'ViaLocal' is read at DISPATCH_LEVEL}} expected-note{{Assuming the condition is false}} expected-note{{Taking false branch}}
    return;
  g_Log[0] = 0; // expected-warning{{paged memory from global 'g_Log' is written at DISPATCH_LEVEL}} expected-note{{paged memory from global 'g_Log' is written at DISPATCH_LEVEL}}
}

VOID ResetQueueContext(QUEUE_CONTEXT *q, UCHAR *nonPaged) {
  QUEUE_CONTEXT fresh = {NULL, NULL, NULL, NULL, nonPaged};
  *q = fresh;
}

// WdfMemoryCreatePreallocated over a paged buffer, and the buffer of a
// paged object, on one path.
EVT_WDF_WORKITEM Preallocated;
VOID Preallocated(WDFWORKITEM WorkItem) { // expected-note 2 {{entered at PASSIVE_LEVEL (role: EVT_WDF_WORKITEM)}}
  QUEUE_CONTEXT *q = GetQueueContext(WorkItem);
  UCHAR *raw = ExAllocatePool2(POOL_FLAG_PAGED, 64, TAG); // expected-note 2 {{paged memory allocated here by ExAllocatePool2}}
  WDFMEMORY described;
  UCHAR *view;
  if (!raw) // expected-note 2 {{Assuming 'raw' is non-null}} expected-note 2 {{Taking false branch}}
    return;
  if (!NT_SUCCESS(WdfMemoryCreatePreallocated(WDF_NO_OBJECT_ATTRIBUTES, raw, 64, &described))) // expected-note 2 {{Assuming the condition is true}} expected-note 2 {{Taking false branch}}
    return;
  view = WdfMemoryGetBuffer(described, NULL);
  WdfSpinLockAcquire(q->Lock); // expected-note 2 {{IRQL raised to DISPATCH_LEVEL by WdfSpinLockAcquire}}
  if (q->Described) // expected-note{{Assuming field 'Described' is non-null}} expected-note{{Assuming field 'Described' is null}} expected-note 2 {{Taking}}
    WdfMemoryCopyFromBuffer(described, 0, q, 4); // expected-warning{{WdfMemoryCopyFromBuffer touches paged memory from ExAllocatePool2 at DISPATCH_LEVEL}} expected-note{{WdfMemoryCopyFromBuffer touches paged memory from ExAllocatePool2 at DISPATCH_LEVEL}}
  else
    view[1] = 0; // expected-warning{{paged memory from ExAllocatePool2 is written at DISPATCH_LEVEL}} expected-note{{paged memory from ExAllocatePool2 is written at DISPATCH_LEVEL}}
  WdfSpinLockRelease(q->Lock);
}

// ---- arrays: an element of an array field or global ----------------------

typedef struct {
  UCHAR *Pages[4];    // every element paged
  UCHAR *Mixed[2];    // one element paged, the other non-paged
  WDFMEMORY Blocks[2]; // paged memory objects, created into the elements
} ARRAY_CONTEXT;
WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(ARRAY_CONTEXT, GetArrayContext)

UCHAR *g_Pages[2]; // every element paged

EVT_WDF_WORKITEM ArraySetup;
VOID ArraySetup(WDFWORKITEM WorkItem) {
  ARRAY_CONTEXT *a = GetArrayContext(WorkItem);
  for (int i = 0; i < 4; i++)
    a->Pages[i] = ExAllocatePoolWithTag(PagedPool, 64, TAG); // expected-note{{paged memory stored into 'a->Pages[i]' here (ArraySetup)}}
  a->Mixed[0] = ExAllocatePoolWithTag(PagedPool, 64, TAG);
  a->Mixed[1] = ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, TAG);
  for (int i = 0; i < 2; i++)
    WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, PagedPool, TAG, 64, &a->Blocks[i], NULL); // expected-note{{paged memory stored into 'a->Blocks[i]' here (ArraySetup)}}
  g_Pages[0] = ExAllocatePool2(POOL_FLAG_PAGED, 64, TAG); // expected-note{{paged memory stored into 'g_Pages[0]' here (ArraySetup)}}
}

EVT_WDF_DPC ArrayDpc;
VOID ArrayDpc(WDFDPC Dpc) { // expected-note 3 {{entered at DISPATCH_LEVEL (role: EVT_WDF_DPC)}}
  ARRAY_CONTEXT *a = GetArrayContext(Dpc);
  ULONG v;
  a->Mixed[0][0] = 1; // no-warning (the array also holds non-paged memory)
  a->Pages[2][0] = 1; // expected-warning{{paged memory from field 'Pages' is written at DISPATCH_LEVEL}} expected-note{{paged memory from field 'Pages' is written at DISPATCH_LEVEL}}
  WdfMemoryCopyToBuffer(a->Blocks[1], 0, &v, sizeof v); // expected-warning{{WdfMemoryCopyToBuffer touches paged memory from field 'Blocks' at DISPATCH_LEVEL}} expected-note{{WdfMemoryCopyToBuffer touches paged memory from field 'Blocks' at DISPATCH_LEVEL}}
  g_Pages[1][0] = 0; // expected-warning{{paged memory from global 'g_Pages' is written at DISPATCH_LEVEL}} expected-note{{paged memory from global 'g_Pages' is written at DISPATCH_LEVEL}}
}

// Clean: a pointer field indexed is the memory it points to, not the field.
typedef struct {
  UCHAR **Slots; // points at a table of pointers
} SLOT_CONTEXT;
WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(SLOT_CONTEXT, GetSlotContext)

EVT_WDF_WORKITEM SlotSetup;
VOID SlotSetup(WDFWORKITEM WorkItem) {
  SLOT_CONTEXT *s = GetSlotContext(WorkItem);
  s->Slots[0] = ExAllocatePoolWithTag(PagedPool, 64, TAG);
}

EVT_WDF_DPC SlotDpc;
VOID SlotDpc(WDFDPC Dpc) {
  SLOT_CONTEXT *s = GetSlotContext(Dpc);
  s->Slots[1][0] = 1; // no-warning (nothing known of the table's elements)
}
