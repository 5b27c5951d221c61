// Handles carry a generation and a tag: a stale handle (its object deleted,
// or its request completed) is reported as WM005 with where the object was
// made and deleted, a forged one is a driver fault, a value a failed create
// left behind is WM009, a second delete is WM006 -- and the program goes on.
// RUN: %wdfrt_driver %s %wdfrt_lib -o %t
// RUN: %t > %t.out 2> %t.err
// RUN: FileCheck %s < %t.out
// RUN: FileCheck --check-prefix=REPORT %s < %t.err
#include <ntddk.h>
#include <wdf.h>
#include <stdio.h>

#include "wdfrt.h"

int main(void) {
  WDFMEMORY memory, stale;
  PVOID buffer;
  size_t size = 1;
  NTSTATUS status = WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, NonPagedPoolNx,
                                    'tseT', 32, &memory, &buffer);
  printf("create %08X\n", (unsigned)status);
  // CHECK: create 00000000
  stale = memory;
  WdfObjectDelete(memory);
  printf("stale buffer %p\n", WdfMemoryGetBuffer(stale, &size));
  // CHECK-NEXT: stale buffer (nil)
  // REPORT: handles.c:[[@LINE-2]]: error: WdfMemoryGetBuffer uses WDFMEMORY 0x{{[0-9a-f]+}} (made at {{.*}}handles.c:19), which was deleted at {{.*}}handles.c:24 [WM005 wdf.UseAfterDelete]
  printf("size %zu\n", size);
  // CHECK-NEXT: size 0

  // A second delete: WM006, not also WM005.
  WdfObjectDelete(stale);
  // REPORT-NEXT: handles.c:[[@LINE-1]]: error: WdfObjectDelete on WDFMEMORY 0x{{[0-9a-f]+}} (made at {{.*}}handles.c:19), already deleted at {{.*}}handles.c:24 [WM006 wdf.DoubleDelete]

  // A value that no framework call made: a fault, never dereferenced.
  WDFMEMORY forged = (WDFMEMORY)(ULONG_PTR)0x1234;
  printf("forged buffer %p\n", WdfMemoryGetBuffer(forged, NULL));
  // CHECK-NEXT: forged buffer (nil)
  // REPORT-NEXT: handles.c:[[@LINE-2]]: error: WdfMemoryGetBuffer gets the value 0x1234, which is no handle the framework made (bug check 0x10D/0x5) [driver fault]

  // A handle of another type.
  WDFSPINLOCK lock;
  WdfSpinLockCreate(WDF_NO_OBJECT_ATTRIBUTES, &lock);
  WdfMemoryGetBuffer((WDFMEMORY)lock, NULL);
  // REPORT-NEXT: handles.c:[[@LINE-1]]: error: WdfMemoryGetBuffer gets a WDFSPINLOCK handle, which it does not take (bug check 0x10D/0x5) [driver fault]

  // A failed create leaves *Memory NULL; using it is WM009.
  WDFMEMORY failed;
  wdfrt_fail_next("WdfMemoryCreate");
  status = WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, NonPagedPoolNx, 'tseT', 8,
                           &failed, NULL);
  printf("failed %08X %p\n", (unsigned)status, (void *)failed);
  // CHECK-NEXT: failed C000009A (nil)
  WdfMemoryGetBuffer(failed, NULL);
  // REPORT-NEXT: handles.c:[[@LINE-1]]: error: WdfMemoryGetBuffer gets the handle (nil) left by a failed create: WdfMemoryCreate at {{.*}}handles.c:[[@LINE-5]] failed with 0xC000009A; check NT_SUCCESS(status) before using the handle [WM009 wdf.UncheckedStatus]

  // A reference keeps a deleted object (and its buffer) until the matching
  // dereference; using it meanwhile is WM005, deleting it again WM006.
  WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, NonPagedPoolNx, 'tseT', 8, &memory,
                  NULL);
  WdfObjectReference(memory);
  WdfObjectDelete(memory);
  WdfMemoryGetBuffer(memory, NULL);
  // REPORT-NEXT: handles.c:[[@LINE-1]]: error: WdfMemoryGetBuffer uses WDFMEMORY 0x{{[0-9a-f]+}} after WdfObjectDelete at {{.*}}handles.c:[[@LINE-2]] (a reference keeps it, but only its own callbacks may use it now) [WM005 wdf.UseAfterDelete]
  WdfObjectDelete(memory);
  // REPORT-NEXT: handles.c:[[@LINE-1]]: error: WdfObjectDelete on WDFMEMORY 0x{{[0-9a-f]+}}, already deleted at {{.*}}handles.c:[[@LINE-4]] (a reference keeps it until WdfObjectDereference) [WM006 wdf.DoubleDelete]
  WdfObjectDereference(memory);
  WdfMemoryGetBuffer(memory, NULL);
  // REPORT-NEXT: handles.c:[[@LINE-1]]: error: WdfMemoryGetBuffer uses WDFMEMORY {{.*}} which was deleted at {{.*}}handles.c:[[@LINE-7]] [WM005 wdf.UseAfterDelete]

  printf("WM005 %u WM006 %u WM009 %u faults %u\n",
         wdfrt_report_count(WDF_RULE_WM005), wdfrt_report_count(WDF_RULE_WM006),
         wdfrt_report_count(WDF_RULE_WM009), wdfrt_fault_count());
  // CHECK-NEXT: WM005 3 WM006 2 WM009 1 faults 2
  return 0;
}
