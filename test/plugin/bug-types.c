// Each finding's bug type and category are its rule's title and the model's
// category in the catalog (rules/rules.def): scan-build's index and the
// plist output say what list-rules and SARIF say.
// RUN: %wdf_analyze -analyzer-checker=wdf.HandleLeak,wdf.UseAfterDelete,wdf.DoubleDelete,wdf.UncheckedStatus,wdf.DdiIrql -analyzer-output=plist -o %t.plist %s
// RUN: FileCheck %s < %t.plist
#include <ntddk.h>
#include <wdf.h>

VOID LostHandle(WDFREQUEST Request) {
  WDFMEMORY memory;
  WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, NonPagedPoolNx, 'tseT', 16, &memory, NULL);
}

VOID UsedAfterDelete(WDFMEMORY memory) {
  WdfObjectDelete(memory);
  WdfMemoryGetBuffer(memory, NULL);
}

VOID DeletedTwice(WDFMEMORY memory) {
  WdfObjectDelete(memory);
  WdfObjectDelete(memory);
}

VOID Unchecked(WDFREQUEST Request) {
  WDFMEMORY memory;
  WdfRequestRetrieveOutputMemory(Request, &memory);
  WdfMemoryGetBuffer(memory, NULL);
}

EVT_WDF_DPC WaitsInDpc;
VOID WaitsInDpc(WDFDPC Dpc) {
  KeDelayExecutionThread(KernelMode, FALSE, NULL);
}

// CHECK-DAG: <key>type</key><string>Lost handle of a live memory object</string>
// CHECK-DAG: <key>type</key><string>Memory used after deletion or request completion</string>
// CHECK-DAG: <key>type</key><string>Memory deleted twice or not the driver&apos;s to delete</string>
// CHECK-DAG: <key>type</key><string>Handle or buffer used after an unchecked failure</string>
// CHECK-DAG: <key>type</key><string>DDI called at the wrong IRQL</string>
// CHECK-DAG: <key>category</key><string>WDF memory rules</string>
// CHECK-DAG: <key>category</key><string>WDF IRQL rules</string>
