// WM005 at run time: a memory object used after WdfObjectDelete, and a
// request's memory and buffer used after the request was completed -- the
// handle is stale, the buffer is in quarantine; nothing crashes.
// RUN: %wdfrt_driver -I %S/Inputs %s %wdfrt_link -o %t
// RUN: not %t --no-leak-check -e 'write 8' -e 'ioctl 0x222000 0 8' 2> %t.err
// RUN: FileCheck %s < %t.err
#include "skeleton.h"

static UCHAR Saved[8];

static VOID EvtIoWrite(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  WDFMEMORY memory;
  UNREFERENCED_PARAMETER(Queue);
  WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, NonPagedPoolNx, 'tseT', Length,
                  &memory, NULL);
  WdfObjectDelete(memory);
  WdfMemoryCopyFromBuffer(memory, 0, Saved, sizeof Saved);
  // CHECK: wm005.c:[[@LINE-1]]: error: WdfMemoryCopyFromBuffer uses WDFMEMORY 0x{{[0-9a-f]+}} (made at {{.*}}wm005.c:[[@LINE-4]]), which was deleted at {{.*}}wm005.c:[[@LINE-2]] [WM005 wdf.UseAfterDelete]
  WdfRequestComplete(Request, STATUS_SUCCESS);
}

static VOID EvtIoDeviceControl(WDFQUEUE Queue, WDFREQUEST Request,
                               size_t OutputBufferLength,
                               size_t InputBufferLength, ULONG IoControlCode) {
  WDFMEMORY output;
  PVOID buffer;
  UNREFERENCED_PARAMETER(Queue);
  UNREFERENCED_PARAMETER(InputBufferLength);
  UNREFERENCED_PARAMETER(IoControlCode);
  WdfRequestRetrieveOutputMemory(Request, &output);
  buffer = WdfMemoryGetBuffer(output, NULL);
  RtlZeroMemory(buffer, OutputBufferLength);
  WdfRequestCompleteWithInformation(Request, STATUS_SUCCESS, OutputBufferLength);
  WdfMemoryGetBuffer(output, NULL);
  // CHECK: wm005.c:[[@LINE-1]]: error: WdfMemoryGetBuffer uses WDFMEMORY 0x{{[0-9a-f]+}} (made at {{.*}}wm005.c:[[@LINE-5]]), which belonged to a request completed at {{.*}}wm005.c:[[@LINE-2]] [WM005 wdf.UseAfterDelete]
  RtlCopyMemory(buffer, Saved, sizeof Saved);
  // CHECK: wm005.c:[[@LINE-1]]: error: RtlCopyMemory uses destination 0x{{[0-9a-f]+}}, a buffer of a request completed at {{.*}}wm005.c:[[@LINE-4]] [WM005 wdf.UseAfterDelete]
  WdfRequestComplete(Request, STATUS_SUCCESS);
  // CHECK: wm005.c:[[@LINE-1]]: error: WdfRequestComplete uses WDFREQUEST 0x{{[0-9a-f]+}}, which was completed at {{.*}}wm005.c:[[@LINE-6]] [WM005 wdf.UseAfterDelete]
}

static VOID ConfigureQueue(PWDF_IO_QUEUE_CONFIG Config) {
  Config->EvtIoWrite = EvtIoWrite;
  Config->EvtIoDeviceControl = EvtIoDeviceControl;
}
// CHECK: wdfrt: 4 findings (4 WM005) in 2 requests
