// How a request's buffers are retrieved when something is wrong, in the
// framework's order: the request handle, then the pointer arguments (a
// NULL one is WM007 and fails the call with STATUS_INVALID_PARAMETER,
// only the first reported), then the buffer itself.  The Buffer and
// Length out-parameters are cleared once Buffer is known good, whatever
// fails after; *Memory is never written on failure.
// RUN: %wdfrt_driver -I %S/Inputs %s %wdfrt_link -o %t
// RUN: not %t --no-leak-check -e 'irql passive' -e 'ioctl 0x222000 4 4' > %t.out 2> %t.err
// RUN: FileCheck %s < %t.out
// RUN: FileCheck --check-prefix=REPORT %s < %t.err
#include "skeleton.h"

#include <stdio.h>

static void Show(const char *what, NTSTATUS status, PVOID buffer,
                 size_t length) {
  printf("%s: 0x%08X buffer %s length %zu\n", what, (unsigned)status,
         buffer ? "set" : "NULL", length);
}

static VOID EvtIoDeviceControl(WDFQUEUE Queue, WDFREQUEST Request,
                               size_t OutputBufferLength,
                               size_t InputBufferLength, ULONG IoControlCode) {
  UCHAR user[4] = {0};
  PVOID buffer = user;
  size_t length = 99;
  WDFMEMORY memory = (WDFMEMORY)(ULONG_PTR)0x1234;
  NTSTATUS status;
  UNREFERENCED_PARAMETER(Queue);
  UNREFERENCED_PARAMETER(OutputBufferLength);
  UNREFERENCED_PARAMETER(InputBufferLength);
  UNREFERENCED_PARAMETER(IoControlCode);

  status = WdfRequestRetrieveInputBuffer(Request, 0, NULL, &length);
  // REPORT: retrieve.c:[[@LINE-1]]: error: 'Buffer' is NULL in this call of WdfRequestRetrieveInputBuffer{{.*}}[WM007 wdf.BadArgument]
  Show("no Buffer", status, buffer, length);
  // CHECK: no Buffer: 0xC000000D buffer set length 99

  status = WdfRequestRetrieveOutputBuffer(Request, 1000, &buffer, &length);
  Show("too small", status, buffer, length);
  // CHECK-NEXT: too small: 0xC0000023 buffer NULL length 0

  buffer = user;
  length = 99;
  status = WdfRequestRetrieveUnsafeUserInputBuffer(Request, 0, &buffer, &length);
  Show("unsafe outside EvtIoInCallerContext", status, buffer, length);
  // CHECK-NEXT: unsafe outside EvtIoInCallerContext: 0xC0000010 buffer NULL length 0

  status = WdfRequestRetrieveInputMemory(Request, NULL);
  // REPORT-NEXT: retrieve.c:[[@LINE-1]]: error: 'Memory' is NULL in this call of WdfRequestRetrieveInputMemory{{.*}}[WM007 wdf.BadArgument]
  printf("no Memory: 0x%08X\n", (unsigned)status);
  // CHECK-NEXT: no Memory: 0xC000000D

  status = WdfRequestProbeAndLockUserBufferForRead(Request, NULL, 4, NULL);
  // REPORT-NEXT: retrieve.c:[[@LINE-1]]: error: 'Buffer' is NULL in this call of WdfRequestProbeAndLockUserBufferForRead{{.*}}[WM007 wdf.BadArgument]
  status = WdfRequestProbeAndLockUserBufferForRead(Request, user, 4, NULL);
  // REPORT-NEXT: retrieve.c:[[@LINE-1]]: error: 'MemoryObject' is NULL in this call of WdfRequestProbeAndLockUserBufferForRead{{.*}}[WM007 wdf.BadArgument]
  status = WdfRequestProbeAndLockUserBufferForWrite(Request, user, 0, &memory);
  // REPORT-NEXT: retrieve.c:[[@LINE-1]]: error: 'Length' is 0 in this call of WdfRequestProbeAndLockUserBufferForWrite{{.*}}[WM007 wdf.BadArgument]
  printf("probe and lock: 0x%08X, memory untouched: %d\n", (unsigned)status,
         memory == (WDFMEMORY)(ULONG_PTR)0x1234);
  // CHECK-NEXT: probe and lock: 0xC000000D, memory untouched: 1

  buffer = user;
  length = 99;
  status = WdfRequestRetrieveInputBuffer(NULL, 0, &buffer, &length);
  // REPORT-NEXT: retrieve.c:[[@LINE-1]]: error: {{.*}}WdfRequestRetrieveInputBuffer{{.*}}
  Show("no request", status, buffer, length);
  // CHECK-NEXT: no request: 0xC0000008 buffer NULL length 0

  /* A NULL pointer argument fails the call before a bad request does. */
  status = WdfRequestProbeAndLockUserBufferForRead(NULL, user, 4, NULL);
  // REPORT-NEXT: retrieve.c:[[@LINE-1]]: error: {{.*}}WdfRequestProbeAndLockUserBufferForRead{{.*}}
  // REPORT-NEXT: retrieve.c:[[@LINE-2]]: error: 'MemoryObject' is NULL in this call of WdfRequestProbeAndLockUserBufferForRead{{.*}}[WM007 wdf.BadArgument]
  printf("no request, no MemoryObject: 0x%08X\n", (unsigned)status);
  // CHECK-NEXT: no request, no MemoryObject: 0xC000000D
  status = WdfRequestProbeAndLockUserBufferForRead(NULL, user, 4, &memory);
  // REPORT-NEXT: retrieve.c:[[@LINE-1]]: error: {{.*}}WdfRequestProbeAndLockUserBufferForRead{{.*}}
  printf("no request: 0x%08X\n", (unsigned)status);
  // CHECK-NEXT: no request: 0xC0000008

  status = WdfRequestRetrieveInputBuffer(Request, 4, &buffer, &length);
  Show("input", status, buffer, length);
  // CHECK-NEXT: input: 0x00000000 buffer set length 4
  WdfRequestComplete(Request, STATUS_SUCCESS);
}

static VOID ConfigureQueue(PWDF_IO_QUEUE_CONFIG Config) {
  Config->EvtIoDeviceControl = EvtIoDeviceControl;
}
// REPORT: wdfrt: 6 findings (6 WM007) in 1 request; 3 driver faults
