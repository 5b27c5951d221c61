// WM005 at run time for a memory descriptor: filling one names memory that
// is about to be sent, so a stale handle or a completed request's buffer is
// used there -- the SDV-FailDriver-KMDF defect.  In both header shapes (the
// initializers are FORCEINLINE functions in both).
// RUN: %wdfrt_driver -I %S/Inputs %s %wdfrt_link -o %t
// RUN: not %t --no-leak-check -e 'write 8' -e 'read 8' 2> %t.err
// RUN: FileCheck %s < %t.err
// RUN: %wdfrt_driver -DWDFCHECK_WDK_SHAPE=1 -I %S/Inputs %s %wdfrt_link -o %t.wdk
// RUN: not %t.wdk --no-leak-check -e 'write 8' -e 'read 8' 2> %t.wdk.err
// RUN: FileCheck %s < %t.wdk.err
#include "skeleton.h"

// A helper of the driver's library: it only describes the memory to send.
static ULONG Describe(WDFMEMORY Memory) {
  WDF_MEMORY_DESCRIPTOR descriptor;
  WDF_MEMORY_DESCRIPTOR_INIT_HANDLE(&descriptor, Memory, NULL);
  // CHECK: wm005-descriptor.c:[[@LINE-1]]: error: WDF_MEMORY_DESCRIPTOR_INIT_HANDLE uses WDFMEMORY 0x{{[0-9a-f]+}} (made at {{.*}}wm005-descriptor.c:[[#@LINE+8]]), which belonged to a request completed at {{.*}}wm005-descriptor.c:[[#@LINE+12]] [WM005 wdf.UseAfterDelete]
  return (ULONG)descriptor.Type;
}

static VOID EvtIoWrite(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  WDFMEMORY input;
  UNREFERENCED_PARAMETER(Queue);
  UNREFERENCED_PARAMETER(Length);
  if (!NT_SUCCESS(WdfRequestRetrieveInputMemory(Request, &input))) {
    WdfRequestComplete(Request, STATUS_INVALID_PARAMETER);
    return;
  }
  WdfRequestComplete(Request, STATUS_SUCCESS);
  Describe(input);
}

static VOID EvtIoRead(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  WDF_MEMORY_DESCRIPTOR descriptor;
  PVOID out;
  UNREFERENCED_PARAMETER(Queue);
  if (!NT_SUCCESS(WdfRequestRetrieveOutputBuffer(Request, Length, &out, NULL))) {
    WdfRequestComplete(Request, STATUS_INVALID_PARAMETER);
    return;
  }
  WDF_MEMORY_DESCRIPTOR_INIT_BUFFER(&descriptor, out, (ULONG)Length); // alive
  WdfRequestCompleteWithInformation(Request, STATUS_SUCCESS, 0);
  WDF_MEMORY_DESCRIPTOR_INIT_BUFFER(&descriptor, out, (ULONG)Length);
  // CHECK: wm005-descriptor.c:[[@LINE-1]]: error: WDF_MEMORY_DESCRIPTOR_INIT_BUFFER uses the buffer 0x{{[0-9a-f]+}}, a buffer of a request completed at {{.*}}wm005-descriptor.c:[[@LINE-2]] [WM005 wdf.UseAfterDelete]
}

static VOID ConfigureQueue(PWDF_IO_QUEUE_CONFIG Config) {
  Config->EvtIoWrite = EvtIoWrite;
  Config->EvtIoRead = EvtIoRead;
}
// CHECK: wdfrt: 2 findings (2 WM005) in 2 requests
