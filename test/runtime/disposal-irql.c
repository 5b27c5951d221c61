// The IRQL of cleanup and destroy callbacks follows the WDF_ROLE_OBJECT
// rows of rules/roles.def, the rows the checker reads: a timer's cleanup is
// deferred to PASSIVE_LEVEL but its destroy runs where the last reference
// goes (MarkPassiveDispose); paged memory, and memory from a paged
// lookaside list, run both at PASSIVE_LEVEL (MarkPassiveCallbacks);
// nonpaged memory runs both at the deleting thread's level.  An object's
// own WdfExecutionLevelPassive defers both; a passive parent does not
// (FxObject::Commit reads the object's own attributes).
// RUN: %wdfrt_driver %s %wdfrt_lib -o %t
// RUN: %t 2>&1 | FileCheck %s
#include <ntddk.h>
#include <wdf.h>
#include <stdio.h>

static const char *Name;

static VOID Cleanup(WDFOBJECT Object) {
  UNREFERENCED_PARAMETER(Object);
  printf("%s cleanup at %u\n", Name, (unsigned)KeGetCurrentIrql());
}

static VOID Destroy(WDFOBJECT Object) {
  UNREFERENCED_PARAMETER(Object);
  printf("%s destroy at %u\n", Name, (unsigned)KeGetCurrentIrql());
}

static VOID EvtTimer(WDFTIMER Timer) { UNREFERENCED_PARAMETER(Timer); }

static void Attributes(WDF_OBJECT_ATTRIBUTES *attributes, WDFOBJECT parent) {
  WDF_OBJECT_ATTRIBUTES_INIT(attributes);
  attributes->ParentObject = parent;
  attributes->EvtCleanupCallback = Cleanup;
  attributes->EvtDestroyCallback = Destroy;
}

/* Deletes the object at `irql`, the way a DPC would. */
static void DeleteAt(WDFOBJECT object, KIRQL irql) {
  KIRQL old;
  KeRaiseIrql(irql, &old);
  WdfObjectDelete(object);
  KeLowerIrql(old);
}

static void Timer(WDFOBJECT parent) {
  WDF_TIMER_CONFIG config;
  WDF_OBJECT_ATTRIBUTES attributes;
  WDFTIMER timer;
  WDF_TIMER_CONFIG_INIT(&config, EvtTimer);
  Attributes(&attributes, parent);
  Name = "timer";
  if (NT_SUCCESS(WdfTimerCreate(&config, &attributes, &timer)))
    DeleteAt(timer, DISPATCH_LEVEL);
  // CHECK: timer cleanup at 0
  // CHECK-NEXT: timer destroy at 2
}

static void Memory(const char *name, POOL_TYPE pool, KIRQL irql) {
  WDF_OBJECT_ATTRIBUTES attributes;
  WDFMEMORY memory;
  Attributes(&attributes, NULL);
  Name = name;
  if (NT_SUCCESS(WdfMemoryCreate(&attributes, pool, 'tseT', 32, &memory, NULL)))
    DeleteAt(memory, irql);
}

static void Lookaside(const char *name, POOL_TYPE pool, KIRQL irql) {
  WDF_OBJECT_ATTRIBUTES attributes;
  WDFLOOKASIDE list;
  WDFMEMORY memory;
  Attributes(&attributes, NULL);
  Name = name;
  if (!NT_SUCCESS(WdfLookasideListCreate(WDF_NO_OBJECT_ATTRIBUTES, 64, pool,
                                         &attributes, 'tseT', &list)))
    return;
  if (NT_SUCCESS(WdfMemoryCreateFromLookaside(list, &memory)))
    DeleteAt(memory, irql);
  WdfObjectDelete(list);
}

static WDFOBJECT General(const char *name, WDF_EXECUTION_LEVEL level,
                         WDFOBJECT parent) {
  WDF_OBJECT_ATTRIBUTES attributes;
  WDFOBJECT object;
  Attributes(&attributes, parent);
  attributes.ExecutionLevel = level;
  Name = name;
  return NT_SUCCESS(WdfObjectCreate(&attributes, &object)) ? object : NULL;
}

int main(void) {
  WDFOBJECT passive = General("passive", WdfExecutionLevelPassive, NULL);
  Timer(passive);

  Memory("nonpaged", NonPagedPoolNx, DISPATCH_LEVEL);
  // CHECK-NEXT: nonpaged cleanup at 2
  // CHECK-NEXT: nonpaged destroy at 2
  Memory("paged", PagedPool, APC_LEVEL);
  // CHECK-NEXT: paged cleanup at 0
  // CHECK-NEXT: paged destroy at 0
  Lookaside("nonpaged lookaside", NonPagedPoolNx, DISPATCH_LEVEL);
  // CHECK-NEXT: nonpaged lookaside cleanup at 2
  // CHECK-NEXT: nonpaged lookaside destroy at 2
  Lookaside("paged lookaside", PagedPool, APC_LEVEL);
  // CHECK-NEXT: paged lookaside cleanup at 0
  // CHECK-NEXT: paged lookaside destroy at 0

  WDFOBJECT child = General("child", WdfExecutionLevelInheritFromParent,
                            passive);
  DeleteAt(child, DISPATCH_LEVEL);
  // CHECK-NEXT: child cleanup at 2
  // CHECK-NEXT: child destroy at 2
  Name = "passive";
  DeleteAt(passive, DISPATCH_LEVEL);
  // CHECK-NEXT: passive cleanup at 0
  // CHECK-NEXT: passive destroy at 0
  // CHECK-NOT: error
  return 0;
}
