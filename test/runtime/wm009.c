// WM009 at run time: a handle or buffer from a create or retrieval that
// failed, used without checking its status.  The runtime makes the failure
// happen (fail DDI, like the KMDF verifier's VerifierAllocateFailCount) or
// the request causes it (a zero-length output buffer), recognises the
// values the failed call left behind, and skips the use instead of
// crashing.
// RUN: %wdfrt_driver -I %S/Inputs %s %wdfrt_link -o %t
// RUN: not %t --no-leak-check -e 'fail WdfMemoryCreate' -e 'write 8' -e 'ioctl 0x222000 0 0' 2> %t.err
// RUN: FileCheck %s < %t.err
// The nth allocation of the run fails with --fail-alloc N (the driver, the
// device and the queue are the first three):
// RUN: not %t --no-leak-check --fail-alloc 4 -e 'write 8' 2>&1 | FileCheck --check-prefix=NTH %s
// Nothing fails, nothing is reported:
// RUN: %t -e 'write 8' 2>&1 | FileCheck --check-prefix=CLEAN %s
#include "skeleton.h"

static VOID EvtIoWrite(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  WDFMEMORY memory;
  PVOID buffer = NULL;
  UCHAR data[8] = {0};
  UNREFERENCED_PARAMETER(Queue);
  WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, NonPagedPoolNx, 'tseT', Length,
                  &memory, &buffer);
  WdfMemoryCopyFromBuffer(memory, 0, data, sizeof data);
  // CHECK: wm009.c:[[@LINE-1]]: error: WdfMemoryCopyFromBuffer gets the handle (nil) left by a failed create: WdfMemoryCreate at {{.*}}wm009.c:[[@LINE-3]] failed with 0xC000009A; check NT_SUCCESS(status) before using the handle [WM009 wdf.UncheckedStatus]
  // NTH: wm009.c:[[@LINE-2]]: error: WdfMemoryCopyFromBuffer gets the handle (nil) left by a failed create
  RtlCopyMemory(buffer, data, sizeof data);
  // CHECK: wm009.c:[[@LINE-1]]: error: RtlCopyMemory gets destination (nil), which a failed create left behind: WdfMemoryCreate at {{.*}}wm009.c:[[@LINE-6]] failed with 0xC000009A; check NT_SUCCESS(status) before using the buffer [WM009 wdf.UncheckedStatus]
  if (memory)
    WdfObjectDelete(memory);
  WdfRequestComplete(Request, STATUS_SUCCESS);
}

static VOID EvtIoDeviceControl(WDFQUEUE Queue, WDFREQUEST Request,
                               size_t OutputBufferLength,
                               size_t InputBufferLength, ULONG IoControlCode) {
  PVOID out;
  UNREFERENCED_PARAMETER(Queue);
  UNREFERENCED_PARAMETER(InputBufferLength);
  UNREFERENCED_PARAMETER(IoControlCode);
  /* A zero-length buffer cannot be retrieved: STATUS_BUFFER_TOO_SMALL. */
  WdfRequestRetrieveOutputBuffer(Request, 0, &out, NULL);
  RtlZeroMemory(out, 4);
  // CHECK: wm009.c:[[@LINE-1]]: error: RtlZeroMemory gets destination (nil), which a failed create left behind: WdfRequestRetrieveOutputBuffer at {{.*}}wm009.c:[[@LINE-2]] failed with 0xC0000023; check NT_SUCCESS(status) before using the buffer [WM009 wdf.UncheckedStatus]
  WdfRequestCompleteWithInformation(Request, STATUS_SUCCESS, OutputBufferLength);
}

static VOID ConfigureQueue(PWDF_IO_QUEUE_CONFIG Config) {
  Config->EvtIoWrite = EvtIoWrite;
  Config->EvtIoDeviceControl = EvtIoDeviceControl;
}
// CHECK: wdfrt: 3 findings (3 WM009) in 2 requests
// CLEAN: wdfrt: 0 findings in 2 requests
