// WM007 at run time: arguments the framework rejects or that weaken the
// system -- a zero size, a pool tag with a byte above 0x7F, executable
// non-paged pool, a NULL out-handle (a bug check in KMDF; here a report and
// a failed call, and the run goes on).
// RUN: %wdfrt_driver -I %S/Inputs %s %wdfrt_link -o %t
// RUN: not %t --no-leak-check --verbose -e 'read 8' > %t.out 2> %t.err
// RUN: FileCheck %s < %t.err
// RUN: FileCheck --check-prefix=STATUS %s < %t.out
#include "skeleton.h"

static VOID EvtIoRead(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  WDF_OBJECT_ATTRIBUTES attributes;
  WDFMEMORY memory;
  NTSTATUS status;
  size_t empty = Length - 8;
  UNREFERENCED_PARAMETER(Queue);
  WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
  attributes.ParentObject = Request;
  status = WdfMemoryCreate(&attributes, NonPagedPoolNx, 'tseT', empty, &memory, NULL);
  // CHECK: wm007.c:[[@LINE-1]]: error: 'BufferSize' is 0 in this call of WdfMemoryCreate: the framework fails it with STATUS_INVALID_PARAMETER [WM007 wdf.BadArgument]
  WdfMemoryCreate(&attributes, NonPagedPoolNx, 0x80414243, 16, &memory, NULL);
  // CHECK: wm007.c:[[@LINE-1]]: error: WdfMemoryCreate gets pool tag 0x80414243 with the byte 0x80 above 0x7F; a pool tag is four ASCII characters [WM007 wdf.BadArgument]
  WdfMemoryCreate(&attributes, NonPagedPool, 'tseT', 16, &memory, NULL);
  // CHECK: wm007.c:[[@LINE-1]]: error: WdfMemoryCreate allocates executable non-paged memory (pool type 0); NonPagedPoolNx serves [WM007 wdf.BadArgument]
  PVOID pool = ExAllocatePool2(POOL_FLAG_NON_PAGED_EXECUTE, 16, 'tseT');
  // CHECK: wm007.c:[[@LINE-1]]: error: ExAllocatePool2 allocates executable non-paged memory (POOL_FLAG_NON_PAGED_EXECUTE); POOL_FLAG_NON_PAGED serves [WM007 wdf.BadArgument]
  ExFreePool(pool);
  NTSTATUS null = WdfMemoryCreate(&attributes, NonPagedPoolNx, 'tseT', 16, NULL, NULL);
  // CHECK: wm007.c:[[@LINE-1]]: error: 'Memory' is NULL in this call of WdfMemoryCreate: the framework bug checks (0x10D WDF_VIOLATION, 0x4 required parameter NULL); the runtime fails the call instead [WM007 wdf.BadArgument]
  WdfRequestCompleteWithInformation(Request, status == STATUS_INVALID_PARAMETER &&
                                                     null == STATUS_INVALID_PARAMETER
                                                 ? STATUS_SUCCESS
                                                 : STATUS_UNSUCCESSFUL,
                                    0);
}

static VOID ConfigureQueue(PWDF_IO_QUEUE_CONFIG Config) {
  Config->EvtIoRead = EvtIoRead;
}
// CHECK: wdfrt: 5 findings (5 WM007) in 1 request
// STATUS: request 1 (read 8): status 0x00000000, information 0
