// WM005 with cross-translation-unit analysis: a callee whose definition CTU
// imports from another file is followed like one of this file, so passing
// dead memory to it is not a use in itself; what the imported body does with
// it decides.  A callee CTU has no definition for is still a use at the call.
// RUN: rm -rf %t && split-file %s %t && mkdir %t/plain %t/wdk %t/msvc
// RUN: %wdf_cc1 -emit-pch -o %t/plain/other.c.ast %t/other.c
// RUN: cp %t/externalDefMap.txt %t/plain/
// RUN: %wdf_analyze -analyzer-checker=wdf.UseAfterDelete -analyzer-output=text-minimal -analyzer-config experimental-enable-naive-ctu-analysis=true -analyzer-config ctu-dir=%t/plain -verify %t/main.c
// RUN: %wdf_cc1 %wdk_shape -emit-pch -o %t/wdk/other.c.ast %t/other.c
// RUN: cp %t/externalDefMap.txt %t/wdk/
// RUN: %wdf_analyze -analyzer-checker=wdf.UseAfterDelete -analyzer-output=text-minimal -analyzer-config experimental-enable-naive-ctu-analysis=true -analyzer-config ctu-dir=%t/wdk -verify %wdk_shape %t/main.c
// RUN: %wdf_cc1 %msvc -emit-pch -o %t/msvc/other.c.ast %t/other.c
// RUN: cp %t/externalDefMap.txt %t/msvc/
// RUN: %wdf_analyze -analyzer-checker=wdf.UseAfterDelete -analyzer-output=text-minimal -analyzer-config experimental-enable-naive-ctu-analysis=true -analyzer-config ctu-dir=%t/msvc -verify %msvc %t/main.c

//--- main.c
#include <ntddk.h>
#include <wdf.h>

NTSTATUS SendMemory(WDFMEMORY Memory); // other.c: describes the memory
VOID Forget(WDFMEMORY Memory);         // other.c: does not use it
VOID Elsewhere(WDFMEMORY Memory);      // in no file CTU knows

EVT_WDF_IO_QUEUE_IO_WRITE PassedToImported;
VOID PassedToImported(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  WDFMEMORY input;
  if (!NT_SUCCESS(WdfRequestRetrieveInputMemory(Request, &input))) {
    WdfRequestComplete(Request, STATUS_INVALID_PARAMETER);
    return;
  }
  WdfRequestComplete(Request, STATUS_SUCCESS);
  Forget(input); // no-warning
  SendMemory(input); // no-warning: the use is the descriptor inside it
}
// expected-warning@other.c:6 {{the memory object from WdfRequestRetrieveInputMemory is put in a memory descriptor after its request was completed, which freed it}}

EVT_WDF_IO_QUEUE_IO_WRITE PassedToUnknown;
VOID PassedToUnknown(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  WDFMEMORY input;
  if (!NT_SUCCESS(WdfRequestRetrieveInputMemory(Request, &input))) {
    WdfRequestComplete(Request, STATUS_INVALID_PARAMETER);
    return;
  }
  WdfRequestComplete(Request, STATUS_SUCCESS);
  Elsewhere(input); // expected-warning{{the memory object from WdfRequestRetrieveInputMemory is passed to Elsewhere after its request was completed, which freed it; the callee may use it}}
}

//--- other.c
#include <ntddk.h>
#include <wdf.h>

NTSTATUS SendMemory(WDFMEMORY Memory) {
  WDF_MEMORY_DESCRIPTOR descriptor;
  WDF_MEMORY_DESCRIPTOR_INIT_HANDLE(&descriptor, Memory, NULL); // WM005
  return STATUS_SUCCESS;
}

VOID Forget(WDFMEMORY Memory) {
  UNREFERENCED_PARAMETER(Memory);
}

//--- externalDefMap.txt
15:c:@F@SendMemory other.c.ast
11:c:@F@Forget other.c.ast
