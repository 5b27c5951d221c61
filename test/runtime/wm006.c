// WM006 at run time: WdfObjectDelete on memory already deleted, and on
// memory the framework owns (retrieved from a request).  The second delete
// is WM006 only, not also WM005; neither deletes anything.
// RUN: %wdfrt_driver -I %S/Inputs %s %wdfrt_link -o %t
// RUN: not %t --no-leak-check --verbose -e 'write 8' > %t.out 2> %t.err
// RUN: FileCheck %s < %t.err
// RUN: FileCheck --check-prefix=STATUS %s < %t.out
#include "skeleton.h"

static VOID EvtIoWrite(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  WDFMEMORY memory, input;
  UNREFERENCED_PARAMETER(Queue);
  WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, NonPagedPoolNx, 'tseT', Length,
                  &memory, NULL);
  WdfObjectDelete(memory);
  WdfObjectDelete(memory);
  // CHECK: wm006.c:[[@LINE-1]]: error: WdfObjectDelete on WDFMEMORY 0x{{[0-9a-f]+}} (made at {{.*}}wm006.c:[[@LINE-4]]), already deleted at {{.*}}wm006.c:[[@LINE-2]] [WM006 wdf.DoubleDelete]
  WdfRequestRetrieveInputMemory(Request, &input);
  WdfObjectDelete(input);
  // CHECK: wm006.c:[[@LINE-1]]: error: WdfObjectDelete on WDFMEMORY 0x{{[0-9a-f]+}}, which the framework owns (retrieved from a request at {{.*}}wm006.c:[[@LINE-2]]); KMDF would delete the request itself [WM006 wdf.DoubleDelete]
  WdfRequestCompleteWithInformation(Request, STATUS_SUCCESS,
                                    WdfMemoryGetBuffer(input, NULL) ? Length : 0);
}

static VOID ConfigureQueue(PWDF_IO_QUEUE_CONFIG Config) {
  Config->EvtIoWrite = EvtIoWrite;
}
// CHECK-NOT: WM005
// CHECK: wdfrt: 2 findings (2 WM006) in 1 request
// STATUS: request 1 (write 8): status 0x00000000, information 8
