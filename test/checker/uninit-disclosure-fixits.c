// WM003's fix-it: zero the buffer right after its creation, or after the
// status check that follows it (the buffer is NULL when creation fails).
// RUN: %wdf_analyze -analyzer-checker=wdf.UninitDisclosure -analyzer-config wdf.UninitDisclosure:ShowFixIts=true -fdiagnostics-parseable-fixits %s 2>&1 | FileCheck %s
// RUN: %wdf_analyze -analyzer-checker=wdf.UninitDisclosure -fdiagnostics-parseable-fixits %s 2>&1 | FileCheck --check-prefix=OFF %s
#include <ntddk.h>
#include <wdf.h>

VOID AfterStatusCheck(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  WDFMEMORY memory;
  PVOID buffer, out;
  NTSTATUS status;
  status = WdfMemoryCreate(NULL, NonPagedPoolNx, 'xFzW', 32, &memory, &buffer);
  if (!NT_SUCCESS(status)) {
    WdfRequestComplete(Request, status);
    return;
  }
  if (NT_SUCCESS(WdfRequestRetrieveOutputBuffer(Request, 32, &out, NULL)))
    RtlCopyMemory(out, buffer, 32);
  WdfObjectDelete(memory);
}
// CHECK: warning: bytes 0-31 of the buffer from WdfMemoryCreate were never written
// CHECK: fix-it:"{{.*}}uninit-disclosure-fixits.c":{16:4-16:4}:"\n  RtlZeroMemory(buffer, 32);"

VOID InsideTheCheck(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  WDFMEMORY memory;
  PVOID buffer, out;
  if (!NT_SUCCESS(WdfMemoryCreate(NULL, NonPagedPoolNx, 'xFzW', 16, &memory, &buffer)))
    return;
  if (NT_SUCCESS(WdfRequestRetrieveOutputBuffer(Request, 16, &out, NULL)))
    RtlCopyMemory(out, buffer, 16);
  WdfObjectDelete(memory);
}
// CHECK: warning: bytes 0-15 of the buffer from WdfMemoryCreate were never written
// CHECK: fix-it:"{{.*}}uninit-disclosure-fixits.c":{28:12-28:12}:"\n  RtlZeroMemory(buffer, 16);"
// OFF-NOT: fix-it:
