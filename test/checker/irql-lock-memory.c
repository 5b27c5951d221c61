// The IRQL DDIs are modelled for the IRQL; for memory they stay calls the
// analyzer cannot see: what their arguments reach (the structure holding the
// lock) is forgotten, as are the globals such a call may change; locals are
// kept.  The findings a path
// carries across a lock are still reported.
// RUN: %wdf_analyze -analyzer-checker=wdf.PoolIrql,wdf.HandleLeak,wdf.UninitDisclosure,wdf.UseAfterDelete,debug.ExprInspection -analyzer-output=text-minimal -analyzer-config eagerly-assume=false -verify %s
// RUN: %wdf_analyze -analyzer-checker=wdf.PoolIrql,wdf.HandleLeak,wdf.UninitDisclosure,wdf.UseAfterDelete,debug.ExprInspection -analyzer-output=text-minimal -analyzer-config eagerly-assume=false -verify %wdk_shape %s
#include <ntddk.h>
#include <wdf.h>

void clang_analyzer_eval(int);

#define TAG 'kcoL'

typedef struct {
  KSPIN_LOCK Lock;
  WDFSPINLOCK WdfLock;
  LIST_ENTRY List;
  ULONG Count;
} CONTEXT;
WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(CONTEXT, GetContext)

// Another processor may change what the lock guards before it is taken.
EVT_WDF_WORKITEM GuardedDataReread;
VOID GuardedDataReread(WDFWORKITEM WorkItem) {
  CONTEXT *ctx = GetContext(WorkItem);
  ULONG local = 1;
  KIRQL old;
  ctx->Count = 1;
  KeAcquireSpinLock(&ctx->Lock, &old);
  clang_analyzer_eval(ctx->Count == 1);               // expected-warning{{UNKNOWN}}
  clang_analyzer_eval(local == 1);                    // expected-warning{{TRUE}}
  clang_analyzer_eval(old == PASSIVE_LEVEL);          // expected-warning{{TRUE}}
  clang_analyzer_eval(KeGetCurrentIrql() == DISPATCH_LEVEL); // expected-warning{{TRUE}}
  ctx->Count = 2;
  KeReleaseSpinLock(&ctx->Lock, old);
  clang_analyzer_eval(KeGetCurrentIrql() == PASSIVE_LEVEL); // expected-warning{{TRUE}}
}

// The same through a framework spin lock, an in-stack queued lock and a
// plain raise.
EVT_WDF_WORKITEM OtherLocks;
VOID OtherLocks(WDFWORKITEM WorkItem) {
  CONTEXT *ctx = GetContext(WorkItem);
  KLOCK_QUEUE_HANDLE handle;
  KIRQL old;
  WdfSpinLockAcquire(ctx->WdfLock);
  clang_analyzer_eval(KeGetCurrentIrql() == DISPATCH_LEVEL); // expected-warning{{TRUE}}
  WdfSpinLockRelease(ctx->WdfLock);
  clang_analyzer_eval(KeGetCurrentIrql() == PASSIVE_LEVEL); // expected-warning{{TRUE}}
  KeAcquireInStackQueuedSpinLock(&ctx->Lock, &handle);
  clang_analyzer_eval(KeGetCurrentIrql() == DISPATCH_LEVEL); // expected-warning{{TRUE}}
  KeReleaseInStackQueuedSpinLock(&handle);
  clang_analyzer_eval(KeGetCurrentIrql() == PASSIVE_LEVEL); // expected-warning{{TRUE}}
  KeRaiseIrql(DISPATCH_LEVEL, &old);
  KeLowerIrql(old);
  clang_analyzer_eval(KeGetCurrentIrql() == PASSIVE_LEVEL); // expected-warning{{TRUE}}
}

// A loop that takes the lock each turn and moves list entries: every turn
// still sees the IRQL, and a paged allocation under the lock is reported.
EVT_WDF_WORKITEM ListLoop;
VOID ListLoop(WDFWORKITEM WorkItem) {
  CONTEXT *ctx = GetContext(WorkItem);
  LIST_ENTRY drained;
  KIRQL old;
  InitializeListHead(&drained);
  for (;;) {
    KeAcquireSpinLock(&ctx->Lock, &old);
    if (IsListEmpty(&ctx->List)) {
      KeReleaseSpinLock(&ctx->Lock, old);
      break;
    }
    InsertTailList(&drained, RemoveHeadList(&ctx->List));
    ctx->Count--;
    if (ctx->Count == 7)
      ExAllocatePoolWithTag(PagedPool, 16, TAG); // expected-warning-re{{ExAllocatePoolWithTag allocates paged pool at DISPATCH_LEVEL (the IRQL was raised to DISPATCH_LEVEL by KeAcquireSpinLock{{(RaiseToDpc)?}})}}
    KeReleaseSpinLock(&ctx->Lock, old);
  }
  clang_analyzer_eval(KeGetCurrentIrql() == PASSIVE_LEVEL); // expected-warning{{TRUE}}
}

// Lifetime findings across a lock: a handle kept in a local is not lost to
// the lock (WM004 where it is dropped), a buffer used after its object was
// deleted is still a use after delete (WM005), and bytes never written are
// still disclosed (WM003).
EVT_WDF_IO_QUEUE_IO_READ LeakAcrossLock;
VOID LeakAcrossLock(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  CONTEXT *ctx = GetContext(Queue);
  WDFMEMORY memory;
  KIRQL old;
  if (!NT_SUCCESS(WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, NonPagedPoolNx, TAG, 64, &memory, NULL)))
    return;
  KeAcquireSpinLock(&ctx->Lock, &old);
  ctx->Count++;
  KeReleaseSpinLock(&ctx->Lock, old);
  WdfRequestComplete(Request, STATUS_SUCCESS);
} // expected-warning{{the last handle to the memory object from WdfMemoryCreate is lost here}}

EVT_WDF_IO_QUEUE_IO_READ UseAfterDeleteAcrossLock;
VOID UseAfterDeleteAcrossLock(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  CONTEXT *ctx = GetContext(Queue);
  WDFMEMORY memory;
  PUCHAR buffer;
  KIRQL old;
  if (!NT_SUCCESS(WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, NonPagedPoolNx, TAG, 64, &memory, (PVOID *)&buffer)))
    return;
  buffer[0] = 1;
  WdfObjectDelete(memory);
  KeAcquireSpinLock(&ctx->Lock, &old);
  ctx->Count = buffer[0]; // expected-warning{{buffer of a memory object used after WdfObjectDelete deleted it}}
  KeReleaseSpinLock(&ctx->Lock, old);
  WdfRequestComplete(Request, STATUS_SUCCESS);
}

typedef struct { ULONG Status; ULONG64 Value; } REPLY;

EVT_WDF_IO_QUEUE_IO_READ DisclosureAcrossLock;
VOID DisclosureAcrossLock(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  CONTEXT *ctx = GetContext(Queue);
  REPLY reply;
  REPLY *out;
  KIRQL old;
  if (!NT_SUCCESS(WdfRequestRetrieveOutputBuffer(Request, sizeof(REPLY), (PVOID *)&out, NULL))) {
    WdfRequestComplete(Request, STATUS_BUFFER_TOO_SMALL);
    return;
  }
  KeAcquireSpinLock(&ctx->Lock, &old);
  reply.Status = ctx->Count;
  KeReleaseSpinLock(&ctx->Lock, old);
  RtlCopyMemory(out, &reply, sizeof(reply)); // expected-warning{{bytes 4-15 of 'reply' were never written}}
  WdfRequestCompleteWithInformation(Request, STATUS_SUCCESS, sizeof(reply));
}
