// WM005 wdf.UseAfterDelete and WM006 wdf.DoubleDelete through cleanup
// callbacks: WdfObjectDelete runs the EvtCleanupCallback of the object (and
// of the objects deleted with it), found from the attributes given at its
// creation on the path.  A callback that deletes memory the path already
// deleted deletes it twice (WM006 at the WdfObjectDelete that runs it); the
// memory a callback deleted is dead afterwards (WM005 on use, WM006 on an
// explicit delete).  A parent's callback may delete its own children.  An
// object the framework disposes at PASSIVE_LEVEL, deleted above it, runs
// its callback later in a work item: not inside the delete.
// RUN: %wdf_analyze -analyzer-checker=wdf.DoubleDelete,wdf.UseAfterDelete,wdf.DdiIrql -analyzer-output=text-minimal -verify %s
// RUN: %wdf_analyze -analyzer-checker=wdf.DoubleDelete,wdf.UseAfterDelete,wdf.DdiIrql -analyzer-output=text-minimal -verify %wdk_shape %s
// RUN: %wdf_analyze -analyzer-checker=wdf.DoubleDelete,wdf.UseAfterDelete,wdf.DdiIrql -analyzer-output=text-minimal -verify %msvc %wdk_shape %s
#include <ntddk.h>
#include <wdf.h>

#define TAG 'pCdW'

// A job: a memory object whose context owns a driver-parented scratch
// buffer, deleted by the job's cleanup callback.
typedef struct { WDFMEMORY Scratch; ULONG Id; } JOB_CTX, *PJOB_CTX;
WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(JOB_CTX, GetJobCtx)

// A batch: owns a child job, deletes it in its own cleanup.
typedef struct { WDFMEMORY Child; } BATCH_CTX, *PBATCH_CTX;
WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(BATCH_CTX, GetBatchCtx)

typedef struct { WDFMEMORY Scratch; } POLL_CTX, *PPOLL_CTX;
WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(POLL_CTX, GetPollCtx)

EVT_WDF_OBJECT_CONTEXT_CLEANUP JobCleanup;
VOID JobCleanup(WDFOBJECT Object) {
  PJOB_CTX job = GetJobCtx(Object);
  if (job->Scratch != NULL)
    WdfObjectDelete(job->Scratch);
}

EVT_WDF_OBJECT_CONTEXT_CLEANUP BatchCleanup;
VOID BatchCleanup(WDFOBJECT Object) {
  WdfObjectDelete(GetBatchCtx(Object)->Child);
}

EVT_WDF_OBJECT_CONTEXT_CLEANUP PollCleanup;
VOID PollCleanup(WDFOBJECT Object) {
  WdfObjectDelete(GetPollCtx(Object)->Scratch);
}

EVT_WDF_WORKITEM PollWork;
VOID PollWork(WDFWORKITEM WorkItem) {}

// A job parented to Parent (NULL: the driver), with its scratch buffer.
static NTSTATUS CreateJob(WDFOBJECT Parent, WDFMEMORY *Job) {
  WDF_OBJECT_ATTRIBUTES attributes;
  NTSTATUS status;
  WDF_OBJECT_ATTRIBUTES_INIT_CONTEXT_TYPE(&attributes, JOB_CTX);
  attributes.EvtCleanupCallback = JobCleanup;
  attributes.ParentObject = Parent;
  status = WdfMemoryCreate(&attributes, NonPagedPoolNx, TAG, 64, Job, NULL);
  if (!NT_SUCCESS(status))
    return status;
  status = WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, NonPagedPoolNx, TAG, 256, &GetJobCtx(*Job)->Scratch, NULL);
  if (!NT_SUCCESS(status)) {
    WdfObjectDelete(*Job);
    *Job = NULL;
  }
  return status;
}

// ---- buggy ----

VOID ScratchDeletedTwice(WDFREQUEST Request) {
  WDFMEMORY job;
  if (!NT_SUCCESS(CreateJob(Request, &job)))
    return;
  WdfObjectDelete(GetJobCtx(job)->Scratch);
  WdfObjectDelete(job); // expected-warning{{EvtCleanupCallback 'JobCleanup' runs inside this WdfObjectDelete and deletes 'job->Scratch', which was already deleted: the memory is freed twice; set 'job->Scratch' to NULL after deleting it and test it in the callback, or leave the delete to the callback}}
}

VOID ScratchUsedAfterJob(WDFREQUEST Request, PVOID data, size_t length) {
  WDFMEMORY job;
  PJOB_CTX ctx;
  if (!NT_SUCCESS(CreateJob(Request, &job)))
    return;
  ctx = GetJobCtx(job);
  WdfObjectDelete(job);
  WdfMemoryCopyFromBuffer(ctx->Scratch, 0, data, length); // expected-warning{{memory object used after EvtCleanupCallback 'JobCleanup' deleted it when its object was deleted: its handle is no longer valid; finish every use before the object is deleted or its request completed}}
}

VOID ScratchDeletedAfterJob(WDFREQUEST Request) {
  WDFMEMORY job;
  PJOB_CTX ctx;
  if (!NT_SUCCESS(CreateJob(Request, &job)))
    return;
  ctx = GetJobCtx(job);
  WdfObjectDelete(job);
  WdfObjectDelete(ctx->Scratch); // expected-warning{{memory object deleted after EvtCleanupCallback 'JobCleanup' already deleted it: this delete frees freed memory; leave the delete to the callback, or delete it here and set the field the callback reads to NULL}}
}

static VOID DestroyJob(WDFMEMORY job) {
  WdfObjectDelete(GetJobCtx(job)->Scratch);
  WdfObjectDelete(job); // expected-warning{{EvtCleanupCallback 'JobCleanup' runs inside this WdfObjectDelete and deletes 'job->Scratch'}}
}

VOID ThroughHelper(WDFREQUEST Request) {
  WDFMEMORY job;
  if (NT_SUCCESS(CreateJob(Request, &job)))
    DestroyJob(job);
}

VOID InLoop(WDFREQUEST Request, ULONG count) {
  ULONG i;
  for (i = 0; i < count; i++) {
    WDFMEMORY job;
    if (!NT_SUCCESS(CreateJob(NULL, &job)))
      return;
    WdfObjectDelete(GetJobCtx(job)->Scratch);
    WdfObjectDelete(job); // expected-warning{{EvtCleanupCallback 'JobCleanup' runs inside this WdfObjectDelete}}
  }
}

NTSTATUS OnErrorPath(WDFREQUEST Request, PVOID data, size_t length) {
  WDFMEMORY job;
  NTSTATUS status = CreateJob(NULL, &job);
  if (!NT_SUCCESS(status))
    return status;
  status = WdfMemoryCopyFromBuffer(GetJobCtx(job)->Scratch, 0, data, length);
  if (!NT_SUCCESS(status)) {
    WdfObjectDelete(GetJobCtx(job)->Scratch);
    WdfObjectDelete(job); // expected-warning{{EvtCleanupCallback 'JobCleanup' runs inside this WdfObjectDelete}}
    return status;
  }
  WdfObjectDelete(job);
  return STATUS_SUCCESS;
}

// Deleting the parent runs the child's callback too.
VOID ThroughParent(VOID) {
  WDFMEMORY batch, job;
  PJOB_CTX ctx;
  if (!NT_SUCCESS(WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, NonPagedPoolNx, TAG, 16, &batch, NULL)))
    return;
  if (!NT_SUCCESS(CreateJob(batch, &job))) {
    WdfObjectDelete(batch);
    return;
  }
  ctx = GetJobCtx(job);
  WdfObjectDelete(batch);
  WdfObjectDelete(ctx->Scratch); // expected-warning{{memory object deleted after EvtCleanupCallback 'JobCleanup' already deleted it}}
}

// A general object (WdfObjectCreate) whose cleanup deletes its counters.
typedef struct { WDFMEMORY Counts; } SUB_CTX, *PSUB_CTX;
WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(SUB_CTX, GetSubCtx)

EVT_WDF_OBJECT_CONTEXT_CLEANUP SubCleanup;
VOID SubCleanup(WDFOBJECT Object) {
  PSUB_CTX sub = GetSubCtx(Object);
  if (sub->Counts != NULL)
    WdfObjectDelete(sub->Counts);
}

NTSTATUS GeneralObjectCounters(WDFOBJECT Parent, ULONG first) {
  WDF_OBJECT_ATTRIBUTES attributes;
  WDFOBJECT subscription;
  WDFMEMORY counters;
  WDF_OBJECT_ATTRIBUTES_INIT_CONTEXT_TYPE(&attributes, SUB_CTX);
  attributes.ParentObject = Parent;
  attributes.EvtCleanupCallback = SubCleanup;
  if (!NT_SUCCESS(WdfObjectCreate(&attributes, &subscription)))
    return STATUS_INSUFFICIENT_RESOURCES;
  if (!NT_SUCCESS(WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, NonPagedPoolNx, TAG, 128, &counters, NULL))) {
    WdfObjectDelete(subscription); // no-warning
    return STATUS_INSUFFICIENT_RESOURCES;
  }
  GetSubCtx(subscription)->Counts = counters;
  if (first >= 32) {
    WdfObjectDelete(subscription);
    WdfObjectDelete(counters); // expected-warning{{memory object deleted after EvtCleanupCallback 'SubCleanup' already deleted it}}
    return STATUS_INVALID_PARAMETER;
  }
  return STATUS_SUCCESS;
}

// ---- clean ----

VOID ScratchDeletedAndCleared(WDFREQUEST Request) {
  WDFMEMORY job;
  PJOB_CTX ctx;
  if (!NT_SUCCESS(CreateJob(Request, &job)))
    return;
  ctx = GetJobCtx(job);
  WdfObjectDelete(ctx->Scratch);
  ctx->Scratch = NULL;
  WdfObjectDelete(job); // no-warning
}

VOID ScratchUsedBeforeJob(WDFREQUEST Request, PVOID data, size_t length) {
  WDFMEMORY job;
  if (!NT_SUCCESS(CreateJob(Request, &job)))
    return;
  WdfMemoryCopyFromBuffer(GetJobCtx(job)->Scratch, 0, data, length); // no-warning
  WdfObjectDelete(job);
}

// The batch's callback deletes its own child: the child dies with the
// batch anyway, and KMDF disposes children before the parent's cleanup.
VOID ParentCleanupDeletesChild(VOID) {
  WDF_OBJECT_ATTRIBUTES attributes;
  WDFMEMORY batch;
  WDF_OBJECT_ATTRIBUTES_INIT_CONTEXT_TYPE(&attributes, BATCH_CTX);
  attributes.EvtCleanupCallback = BatchCleanup;
  if (!NT_SUCCESS(WdfMemoryCreate(&attributes, NonPagedPoolNx, TAG, 16, &batch, NULL)))
    return;
  if (!NT_SUCCESS(CreateJob(batch, &GetBatchCtx(batch)->Child))) {
    WdfObjectDelete(batch);
    return;
  }
  WdfObjectDelete(batch); // no-warning
}

// A work item is disposed at PASSIVE_LEVEL: deleted under a spin lock, its
// callback runs later in a work item, not inside this delete.
static NTSTATUS CreatePoller(WDFDEVICE Device, WDFWORKITEM *Poller) {
  WDF_OBJECT_ATTRIBUTES attributes;
  WDF_WORKITEM_CONFIG config;
  NTSTATUS status;
  WDF_WORKITEM_CONFIG_INIT(&config, PollWork);
  WDF_OBJECT_ATTRIBUTES_INIT_CONTEXT_TYPE(&attributes, POLL_CTX);
  attributes.EvtCleanupCallback = PollCleanup;
  attributes.ParentObject = Device;
  status = WdfWorkItemCreate(&config, &attributes, Poller);
  if (!NT_SUCCESS(status))
    return status;
  return WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, NonPagedPoolNx, TAG, 64, &GetPollCtx(*Poller)->Scratch, NULL);
}

EVT_WDF_DEVICE_PREPARE_HARDWARE PrepareAtPassive;
NTSTATUS PrepareAtPassive(WDFDEVICE Device, WDFCMRESLIST Raw, WDFCMRESLIST Translated) {
  WDFWORKITEM poller;
  if (!NT_SUCCESS(CreatePoller(Device, &poller)))
    return STATUS_INSUFFICIENT_RESOURCES;
  WdfObjectDelete(poller);
  return WdfMemoryCopyFromBuffer(GetPollCtx(poller)->Scratch, 0, &Raw, sizeof Raw); // expected-warning{{memory object used after EvtCleanupCallback 'PollCleanup' deleted it}}
}

EVT_WDF_DEVICE_PREPARE_HARDWARE PrepareUnderLock;
NTSTATUS PrepareUnderLock(WDFDEVICE Device, WDFCMRESLIST Raw, WDFCMRESLIST Translated) {
  WDFWORKITEM poller;
  WDFSPINLOCK lock;
  PPOLL_CTX ctx;
  if (!NT_SUCCESS(WdfSpinLockCreate(WDF_NO_OBJECT_ATTRIBUTES, &lock)))
    return STATUS_INSUFFICIENT_RESOURCES;
  if (!NT_SUCCESS(CreatePoller(Device, &poller)))
    return STATUS_INSUFFICIENT_RESOURCES;
  ctx = GetPollCtx(poller);
  WdfSpinLockAcquire(lock);
  WdfObjectDelete(poller);
  WdfSpinLockRelease(lock);
  WdfObjectDelete(ctx->Scratch); // no-warning
  return STATUS_SUCCESS;
}
