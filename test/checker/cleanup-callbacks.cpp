// WM005 wdf.UseAfterDelete and WM006 wdf.DoubleDelete through cleanup
// callbacks, in C++: the callbacks are static member functions, the job is
// held by a small class, the context is read through `auto *` and a
// reference.  WdfObjectDelete runs the EvtCleanupCallback of the object (and
// of the objects deleted with it), found from the attributes given at its
// creation on the path.  A callback that deletes memory the path already
// deleted deletes it twice (WM006 at the WdfObjectDelete that runs it); the
// memory a callback deleted is dead afterwards (WM005 on use, WM006 on an
// explicit delete).  A parent's callback may delete its own children.  An
// object the framework disposes at PASSIVE_LEVEL, deleted above it, runs
// its callback later in a work item: not inside the delete.
// RUN: %wdf_analyze -x c++ -std=c++17 -analyzer-checker=wdf.DoubleDelete,wdf.UseAfterDelete,wdf.DdiIrql -analyzer-output=text-minimal -verify %s
// RUN: %wdf_analyze -x c++ -std=c++17 -analyzer-checker=wdf.DoubleDelete,wdf.UseAfterDelete,wdf.DdiIrql -analyzer-output=text-minimal -verify %wdk_shape %s
// RUN: %wdf_analyze -x c++ -std=c++17 -analyzer-checker=wdf.DoubleDelete,wdf.UseAfterDelete,wdf.DdiIrql -analyzer-output=text-minimal -verify %msvc %wdk_shape %s
#include <ntddk.h>
#include <wdf.h>

constexpr ULONG Tag = 'pCdW';

// A job: a memory object whose context owns a driver-parented scratch
// buffer, deleted by the job's cleanup callback.
struct JOB_CTX {
  WDFMEMORY Scratch;
  ULONG Id;
};
WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(JOB_CTX, GetJobCtx)

// A batch: owns a child job, deletes it in its own cleanup.
struct BATCH_CTX {
  WDFMEMORY Child;
};
WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(BATCH_CTX, GetBatchCtx)

// A record: its context, read through a reference in its cleanup, owns a
// log buffer.
struct RECORD_CTX {
  WDFMEMORY Log;
  ULONG Sequence;
};
WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(RECORD_CTX, GetRecordCtx)

struct POLL_CTX {
  WDFMEMORY Scratch;
};
WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(POLL_CTX, GetPollCtx)

struct Callbacks {
  static EVT_WDF_OBJECT_CONTEXT_CLEANUP JobCleanup;
  static EVT_WDF_OBJECT_CONTEXT_CLEANUP BatchCleanup;
  static EVT_WDF_OBJECT_CONTEXT_CLEANUP PollCleanup;
  static EVT_WDF_OBJECT_CONTEXT_CLEANUP RecordCleanup;
  static EVT_WDF_WORKITEM PollWork;
};

VOID Callbacks::JobCleanup(WDFOBJECT object) {
  auto *job = GetJobCtx(object);
  if (job->Scratch != nullptr)
    WdfObjectDelete(job->Scratch);
}

VOID Callbacks::BatchCleanup(WDFOBJECT object) {
  WdfObjectDelete(GetBatchCtx(object)->Child);
}

VOID Callbacks::PollCleanup(WDFOBJECT object) {
  POLL_CTX *poll = GetPollCtx(object);
  if (!poll)
    return;
  WdfObjectDelete(poll->Scratch);
}

VOID Callbacks::RecordCleanup(WDFOBJECT object) {
  RECORD_CTX &record = *GetRecordCtx(object);
  if (record.Log != nullptr)
    WdfObjectDelete(record.Log);
}

VOID Callbacks::PollWork(WDFWORKITEM) {}

// A record parented to the request, with its log buffer.
static NTSTATUS CreateRecord(WDFREQUEST request, WDFMEMORY *record) {
  WDF_OBJECT_ATTRIBUTES attributes;
  WDF_OBJECT_ATTRIBUTES_INIT_CONTEXT_TYPE(&attributes, RECORD_CTX);
  attributes.EvtCleanupCallback = Callbacks::RecordCleanup;
  attributes.ParentObject = request;
  NTSTATUS status = WdfMemoryCreate(&attributes, NonPagedPoolNx, Tag, 32, record, nullptr);
  if (!NT_SUCCESS(status))
    return status;
  RECORD_CTX &ctx = *GetRecordCtx(*record);
  status = WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, NonPagedPoolNx, Tag, 128, &ctx.Log, nullptr);
  if (!NT_SUCCESS(status))
    WdfObjectDelete(*record);
  return status;
}

// Holds a job parented to a parent object (nullptr: the driver), with its
// scratch buffer.
class Job {
public:
  NTSTATUS create(WDFOBJECT parent) {
    WDF_OBJECT_ATTRIBUTES attributes;
    WDF_OBJECT_ATTRIBUTES_INIT_CONTEXT_TYPE(&attributes, JOB_CTX);
    attributes.EvtCleanupCallback = Callbacks::JobCleanup;
    attributes.ParentObject = parent;
    NTSTATUS status = WdfMemoryCreate(&attributes, NonPagedPoolNx, Tag, 64, &job_, nullptr);
    if (!NT_SUCCESS(status))
      return status;
    status = WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, NonPagedPoolNx, Tag, 256, &context()->Scratch, nullptr);
    if (!NT_SUCCESS(status)) {
      WdfObjectDelete(job_);
      job_ = nullptr;
    }
    return status;
  }
  JOB_CTX *context() const { return GetJobCtx(job_); }
  WDFMEMORY scratch() const { return context()->Scratch; }
  WDFMEMORY handle() const { return job_; }
  void destroy() { WdfObjectDelete(job_); }

private:
  WDFMEMORY job_ = nullptr;
};

// ---- buggy ----

VOID ScratchDeletedTwice(WDFREQUEST request) {
  Job job;
  if (!NT_SUCCESS(job.create(request)))
    return;
  WdfObjectDelete(job.scratch());
  WdfObjectDelete(job.handle()); // expected-warning{{EvtCleanupCallback 'JobCleanup' runs inside this WdfObjectDelete and deletes 'job->Scratch', which was already deleted: the memory is freed twice; set 'job->Scratch' to NULL after deleting it and test it in the callback, or leave the delete to the callback}}
}

VOID ScratchUsedAfterJob(WDFREQUEST request, PVOID data, size_t length) {
  Job job;
  if (!NT_SUCCESS(job.create(request)))
    return;
  JOB_CTX &ctx = *job.context();
  job.destroy();
  WdfMemoryCopyFromBuffer(ctx.Scratch, 0, data, length); // expected-warning{{memory object used after EvtCleanupCallback 'JobCleanup' deleted it when its object was deleted: its handle is no longer valid; finish every use before the object is deleted or its request completed}}
}

VOID ScratchDeletedAfterJob(WDFREQUEST request) {
  Job job;
  if (!NT_SUCCESS(job.create(request)))
    return;
  auto *ctx = job.context();
  job.destroy();
  WdfObjectDelete(ctx->Scratch); // expected-warning{{memory object deleted after EvtCleanupCallback 'JobCleanup' already deleted it: this delete frees freed memory; leave the delete to the callback, or delete it here and set the field the callback reads to NULL}}
}

// A member function that deletes the scratch and then the job.
class Pipeline {
public:
  explicit Pipeline(WDFMEMORY job) : job_(job) {}
  void teardown() {
    WdfObjectDelete(GetJobCtx(job_)->Scratch);
    WdfObjectDelete(job_); // expected-warning{{EvtCleanupCallback 'JobCleanup' runs inside this WdfObjectDelete and deletes 'job->Scratch'}}
  }

private:
  WDFMEMORY job_;
};

VOID ThroughHelper(WDFREQUEST request) {
  Job job;
  if (NT_SUCCESS(job.create(request)))
    Pipeline(job.handle()).teardown();
}

VOID InLoop(ULONG count) {
  for (ULONG i = 0; i < count; ++i) {
    Job job;
    if (!NT_SUCCESS(job.create(nullptr)))
      return;
    WdfObjectDelete(job.scratch());
    WdfObjectDelete(job.handle()); // expected-warning{{EvtCleanupCallback 'JobCleanup' runs inside this WdfObjectDelete}}
  }
}

NTSTATUS OnErrorPath(PVOID data, size_t length) {
  Job job;
  NTSTATUS status = job.create(nullptr);
  if (!NT_SUCCESS(status))
    return status;
  status = WdfMemoryCopyFromBuffer(job.scratch(), 0, data, length);
  if (!NT_SUCCESS(status)) {
    WdfObjectDelete(job.scratch());
    WdfObjectDelete(job.handle()); // expected-warning{{EvtCleanupCallback 'JobCleanup' runs inside this WdfObjectDelete}}
    return status;
  }
  job.destroy();
  return STATUS_SUCCESS;
}

// The callback reads the context through a reference.
VOID LogDeletedTwice(WDFREQUEST request) {
  WDFMEMORY record;
  if (!NT_SUCCESS(CreateRecord(request, &record)))
    return;
  WdfObjectDelete(GetRecordCtx(record)->Log);
  WdfObjectDelete(record); // expected-warning{{EvtCleanupCallback 'RecordCleanup' runs inside this WdfObjectDelete and deletes 'record.Log', which was already deleted}}
}

// Deleting the parent runs the child's callback too.
VOID ThroughParent() {
  WDFMEMORY batch;
  if (!NT_SUCCESS(WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, NonPagedPoolNx, Tag, 16, &batch, nullptr)))
    return;
  Job job;
  if (!NT_SUCCESS(job.create(batch))) {
    WdfObjectDelete(batch);
    return;
  }
  JOB_CTX *ctx = job.context();
  WdfObjectDelete(batch);
  WdfObjectDelete(ctx->Scratch); // expected-warning{{memory object deleted after EvtCleanupCallback 'JobCleanup' already deleted it}}
}

// ---- clean ----

VOID ScratchDeletedAndCleared(WDFREQUEST request) {
  Job job;
  if (!NT_SUCCESS(job.create(request)))
    return;
  JOB_CTX &ctx = *job.context();
  WdfObjectDelete(ctx.Scratch);
  ctx.Scratch = nullptr;
  job.destroy(); // no-warning
}

VOID LogDeletedAndCleared(WDFREQUEST request) {
  WDFMEMORY record;
  if (!NT_SUCCESS(CreateRecord(request, &record)))
    return;
  RECORD_CTX &ctx = *GetRecordCtx(record);
  WdfObjectDelete(ctx.Log);
  ctx.Log = nullptr;
  WdfObjectDelete(record); // no-warning
}

VOID ScratchUsedBeforeJob(WDFREQUEST request, PVOID data, size_t length) {
  Job job;
  if (!NT_SUCCESS(job.create(request)))
    return;
  WdfMemoryCopyFromBuffer(job.scratch(), 0, data, length); // no-warning
  job.destroy();
}

// The batch's callback deletes its own child: the child dies with the
// batch anyway, and KMDF disposes children before the parent's cleanup.
VOID ParentCleanupDeletesChild() {
  WDF_OBJECT_ATTRIBUTES attributes;
  WDFMEMORY batch;
  WDF_OBJECT_ATTRIBUTES_INIT_CONTEXT_TYPE(&attributes, BATCH_CTX);
  attributes.EvtCleanupCallback = Callbacks::BatchCleanup;
  if (!NT_SUCCESS(WdfMemoryCreate(&attributes, NonPagedPoolNx, Tag, 16, &batch, nullptr)))
    return;
  Job child;
  if (!NT_SUCCESS(child.create(batch))) {
    WdfObjectDelete(batch);
    return;
  }
  GetBatchCtx(batch)->Child = child.handle();
  WdfObjectDelete(batch); // no-warning
}

// A work item is disposed at PASSIVE_LEVEL: deleted under a spin lock, its
// callback runs later in a work item, not inside this delete.
static NTSTATUS CreatePoller(WDFDEVICE device, WDFWORKITEM *poller) {
  WDF_OBJECT_ATTRIBUTES attributes;
  WDF_WORKITEM_CONFIG config;
  WDF_WORKITEM_CONFIG_INIT(&config, Callbacks::PollWork);
  WDF_OBJECT_ATTRIBUTES_INIT_CONTEXT_TYPE(&attributes, POLL_CTX);
  attributes.EvtCleanupCallback = Callbacks::PollCleanup;
  attributes.ParentObject = device;
  NTSTATUS status = WdfWorkItemCreate(&config, &attributes, poller);
  if (!NT_SUCCESS(status))
    return status;
  return WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, NonPagedPoolNx, Tag, 64, &GetPollCtx(*poller)->Scratch, nullptr);
}

struct Hardware {
  static EVT_WDF_DEVICE_PREPARE_HARDWARE PrepareAtPassive;
  static EVT_WDF_DEVICE_PREPARE_HARDWARE PrepareUnderLock;
};

NTSTATUS Hardware::PrepareAtPassive(WDFDEVICE device, WDFCMRESLIST raw, WDFCMRESLIST) {
  WDFWORKITEM poller;
  if (!NT_SUCCESS(CreatePoller(device, &poller)))
    return STATUS_INSUFFICIENT_RESOURCES;
  WdfObjectDelete(poller);
  return WdfMemoryCopyFromBuffer(GetPollCtx(poller)->Scratch, 0, &raw, sizeof raw); // expected-warning{{memory object used after EvtCleanupCallback 'PollCleanup' deleted it}}
}

NTSTATUS Hardware::PrepareUnderLock(WDFDEVICE device, WDFCMRESLIST, WDFCMRESLIST) {
  WDFWORKITEM poller;
  WDFSPINLOCK lock;
  if (!NT_SUCCESS(WdfSpinLockCreate(WDF_NO_OBJECT_ATTRIBUTES, &lock)))
    return STATUS_INSUFFICIENT_RESOURCES;
  if (!NT_SUCCESS(CreatePoller(device, &poller)))
    return STATUS_INSUFFICIENT_RESOURCES;
  POLL_CTX *ctx = GetPollCtx(poller);
  WdfSpinLockAcquire(lock);
  WdfObjectDelete(poller);
  WdfSpinLockRelease(lock);
  WdfObjectDelete(ctx->Scratch); // no-warning
  return STATUS_SUCCESS;
}
