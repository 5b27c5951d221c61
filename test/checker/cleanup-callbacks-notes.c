// The path of a use after a cleanup callback deleted the memory: the note
// at the WdfObjectDelete that runs the callback names it and what it
// deletes.
// RUN: %wdf_analyze -analyzer-checker=wdf.UseAfterDelete -verify %s
// RUN: %wdf_analyze -analyzer-checker=wdf.UseAfterDelete -verify %wdk_shape %s
// RUN: %wdf_analyze -analyzer-checker=wdf.UseAfterDelete -verify %msvc %wdk_shape %s
#include <ntddk.h>
#include <wdf.h>

typedef struct { WDFMEMORY Scratch; } JOB_CTX, *PJOB_CTX;
WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(JOB_CTX, GetJobCtx)

EVT_WDF_OBJECT_CONTEXT_CLEANUP JobCleanup;
VOID JobCleanup(WDFOBJECT Object) {
  PJOB_CTX job = GetJobCtx(Object);
  WdfObjectDelete(job->Scratch);
}

VOID UseAfterOwner(WDFREQUEST Request, WDFMEMORY job, WDFMEMORY scratch, PVOID data) {
  WDF_OBJECT_ATTRIBUTES attributes;
  WDF_OBJECT_ATTRIBUTES_INIT_CONTEXT_TYPE(&attributes, JOB_CTX);
  attributes.EvtCleanupCallback = JobCleanup;
  attributes.ParentObject = Request;
  if (!NT_SUCCESS(WdfMemoryCreate(&attributes, NonPagedPoolNx, 'boJW', 64, &job, NULL))) // expected-note{{Taking false branch}}
    return;
  GetJobCtx(job)->Scratch = scratch;
  WdfObjectDelete(job); // expected-note{{EvtCleanupCallback 'JobCleanup' runs here and deletes 'job->Scratch'}}
  WdfMemoryCopyFromBuffer(scratch, 0, data, 4); // expected-warning{{memory object used after EvtCleanupCallback 'JobCleanup' deleted it when its object was deleted}} expected-note{{memory object used after EvtCleanupCallback 'JobCleanup' deleted it when its object was deleted}}
}
