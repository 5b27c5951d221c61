// WM006 at run time through an EvtCleanupCallback: WdfObjectDelete runs the
// deleted object's cleanup callback (and its children's, when a parent is
// deleted), and a callback that deletes the scratch memory of the object's
// context makes the driver's own delete of that memory the second one.  The
// handle generations report it with both sites: the explicit delete, and the
// callback's delete that came first -- or, in the other order, the
// callback's delete, naming the explicit one.  A callback whose field was
// cleared after an explicit delete deletes nothing, and nothing is reported.
// RUN: %wdfrt_driver -I %S/Inputs %s %wdfrt_link -o %t
// RUN: not %t --no-leak-check --verbose -e 'write 8' -e 'read 8' -e 'ioctl 0x222000 0 0' -e 'ioctl 0x222004 0 0' > %t.out 2> %t.err
// RUN: FileCheck %s < %t.err
// RUN: FileCheck --check-prefix=STATUS %s < %t.out
#include "skeleton.h"

typedef struct _JOB_CONTEXT {
  WDFMEMORY Scratch;
} JOB_CONTEXT;
WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(JOB_CONTEXT, GetJob)

static VOID JobCleanup(WDFOBJECT Object) {
  JOB_CONTEXT *job = GetJob(Object);
  if (job->Scratch != NULL)
    WdfObjectDelete(job->Scratch);
}

// A job (parented to Parent, the driver when NULL) and its driver-parented
// scratch memory (line 37), which the job's cleanup deletes (line 23).
static WDFMEMORY MakeJob(WDFOBJECT Parent, WDFMEMORY *Scratch) {
  WDF_OBJECT_ATTRIBUTES attributes;
  WDFMEMORY job;
  WDF_OBJECT_ATTRIBUTES_INIT_CONTEXT_TYPE(&attributes, JOB_CONTEXT);
  attributes.ParentObject = Parent;
  attributes.EvtCleanupCallback = JobCleanup;
  if (!NT_SUCCESS(WdfMemoryCreate(&attributes, NonPagedPoolNx, 'boJT', 16,
                                  &job, NULL)))
    return NULL;
  if (!NT_SUCCESS(WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, NonPagedPoolNx,
                                  'rcST', 64, Scratch, NULL))) {
    WdfObjectDelete(job);
    return NULL;
  }
  GetJob(job)->Scratch = *Scratch;
  return job;
}

// The job first: its callback deletes the scratch, then the driver does.
static VOID EvtIoWrite(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  WDFMEMORY scratch;
  WDFMEMORY job = MakeJob(NULL, &scratch);
  UNREFERENCED_PARAMETER(Queue);
  if (job) {
    WdfObjectDelete(job);
    WdfObjectDelete(scratch);
    // CHECK: wm006-cleanup.c:[[@LINE-1]]: error: WdfObjectDelete on WDFMEMORY 0x{{[0-9a-f]+}} (made at {{.*}}wm006-cleanup.c:37), already deleted at {{.*}}wm006-cleanup.c:23 [WM006 wdf.DoubleDelete]
  }
  WdfRequestCompleteWithInformation(Request, STATUS_SUCCESS, Length);
}

// Through the parent: deleting the batch runs the job's callback too.
static VOID EvtIoRead(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  WDFMEMORY batch, scratch;
  UNREFERENCED_PARAMETER(Queue);
  UNREFERENCED_PARAMETER(Length);
  if (NT_SUCCESS(WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, NonPagedPoolNx,
                                 'taBT', 16, &batch, NULL))) {
    if (MakeJob(batch, &scratch)) {
      WdfObjectDelete(batch);
      WdfObjectDelete(scratch);
      // CHECK: wm006-cleanup.c:[[@LINE-1]]: error: WdfObjectDelete on WDFMEMORY 0x{{[0-9a-f]+}} (made at {{.*}}wm006-cleanup.c:37), already deleted at {{.*}}wm006-cleanup.c:23 [WM006 wdf.DoubleDelete]
    } else {
      WdfObjectDelete(batch);
    }
  }
  WdfRequestComplete(Request, STATUS_SUCCESS);
}

static VOID EvtIoDeviceControl(WDFQUEUE Queue, WDFREQUEST Request,
                               size_t OutputBufferLength,
                               size_t InputBufferLength, ULONG IoControlCode) {
  WDFMEMORY scratch;
  WDFMEMORY job = MakeJob(NULL, &scratch);
  UNREFERENCED_PARAMETER(Queue);
  UNREFERENCED_PARAMETER(OutputBufferLength);
  UNREFERENCED_PARAMETER(InputBufferLength);
  if (job) {
    WdfObjectDelete(scratch);
    if (IoControlCode == 0x222004)
      GetJob(job)->Scratch = NULL; // cleared: the callback deletes nothing
    WdfObjectDelete(job);
  }
  WdfRequestComplete(Request, STATUS_SUCCESS);
}

static VOID ConfigureQueue(PWDF_IO_QUEUE_CONFIG Config) {
  Config->EvtIoWrite = EvtIoWrite;
  Config->EvtIoRead = EvtIoRead;
  Config->EvtIoDeviceControl = EvtIoDeviceControl;
}

// The scratch deleted first (line 86), then the job: the callback's delete (line 23) is the
// second, reported at the callback with the driver's delete named.
// CHECK: wm006-cleanup.c:23: error: WdfObjectDelete on WDFMEMORY 0x{{[0-9a-f]+}} (made at {{.*}}wm006-cleanup.c:37), already deleted at {{.*}}wm006-cleanup.c:86 [WM006 wdf.DoubleDelete]
// CHECK-NOT: WM006
// CHECK-NOT: WM005
// CHECK: wdfrt: 3 findings (3 WM006) in 4 requests
// STATUS: request 1 (write 8): status 0x00000000, information 8
// STATUS: request 4 (ioctl 0x222004 0 0): status 0x00000000
