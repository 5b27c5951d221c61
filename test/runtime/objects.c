// The object tree as KMDF keeps it: deleting a parent deletes its children,
// cleanup callbacks run child first, destroy callbacks when each count
// reaches zero; a reference postpones the destroy (and the buffer's free);
// contexts are zero-filled and typed; attributes are validated with the
// framework's statuses.
// RUN: %wdfrt_driver %s %wdfrt_lib -o %t
// RUN: %t 2>&1 | FileCheck %s
#include <ntddk.h>
#include <wdf.h>
#include <stdio.h>

#include "wdfrt.h"

typedef struct _TAG_CONTEXT {
  const char *Name;
  ULONG Zero[4];
} TAG_CONTEXT;
WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(TAG_CONTEXT, TagOf)

typedef struct _EXTRA_CONTEXT {
  int Value;
} EXTRA_CONTEXT;
WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(EXTRA_CONTEXT, ExtraOf)

static VOID Cleanup(WDFOBJECT Object) {
  printf("cleanup %s\n", TagOf(Object)->Name);
}

static VOID Destroy(WDFOBJECT Object) {
  printf("destroy %s\n", TagOf(Object)->Name);
}

static WDFOBJECT Make(const char *name, WDFOBJECT parent) {
  WDF_OBJECT_ATTRIBUTES attributes;
  WDFMEMORY memory;
  WDF_OBJECT_ATTRIBUTES_INIT_CONTEXT_TYPE(&attributes, TAG_CONTEXT);
  attributes.ParentObject = parent;
  attributes.EvtCleanupCallback = Cleanup;
  attributes.EvtDestroyCallback = Destroy;
  if (!NT_SUCCESS(WdfMemoryCreate(&attributes, NonPagedPoolNx, 'tseT', 16,
                                  &memory, NULL)))
    return NULL;
  TAG_CONTEXT *tag = TagOf(memory);
  printf("%s context zero: %d\n", name,
         tag->Zero[0] == 0 && tag->Zero[3] == 0 && tag->Name == NULL);
  tag->Name = name;
  return memory;
}

/* A parent's cleanup that still uses its child, as a device's cleanup
   takes the device's locks: KMDF has disposed the child but frees it only
   after the parent's cleanup. */
static WDFMEMORY OwnedChild;
static VOID OwnerCleanup(WDFOBJECT Object) {
  UNREFERENCED_PARAMETER(Object);
  size_t length = 0;
  (void)WdfMemoryGetBuffer(OwnedChild, &length);
  printf("owner cleanup: child's %zu bytes\n", length);
}

int main(void) {
  WDFOBJECT parent = Make("parent", NULL);
  // CHECK: parent context zero: 1
  WDFOBJECT child = Make("child", parent);
  Make("grandchild", child);
  Make("sibling", parent);
  // CHECK: sibling context zero: 1

  // Children before the parent; destroy once each count is zero.
  WdfObjectDelete(parent);
  // CHECK-NEXT: cleanup grandchild
  // CHECK-NEXT: cleanup child
  // CHECK-NEXT: cleanup sibling
  // CHECK-NEXT: cleanup parent
  // CHECK-NEXT: destroy grandchild
  // CHECK-NEXT: destroy child
  // CHECK-NEXT: destroy sibling
  // CHECK-NEXT: destroy parent

  // A reference: cleanup at delete, destroy (and the free) at dereference.
  WDFOBJECT kept = Make("kept", NULL);
  PVOID buffer = WdfMemoryGetBuffer(kept, NULL);
  WdfObjectReference(kept);
  WdfObjectDelete(kept);
  // CHECK: cleanup kept
  printf("still kept\n");
  // CHECK-NEXT: still kept
  WdfObjectDereference(kept);
  // CHECK-NEXT: destroy kept
  (void)buffer;

  // A second context, and the way back from a context to its object.
  WDFOBJECT object = Make("object", NULL);
  WDF_OBJECT_ATTRIBUTES extra;
  PVOID data;
  WDF_OBJECT_ATTRIBUTES_INIT_CONTEXT_TYPE(&extra, EXTRA_CONTEXT);
  printf("allocate %08X\n",
         (unsigned)WdfObjectAllocateContext(object, &extra, &data));
  // CHECK: allocate 00000000
  printf("same %d %d back %d\n", data == (PVOID)ExtraOf(object),
         ExtraOf(object)->Value == 0,
         WdfObjectContextGetObject(data) == object);
  // CHECK-NEXT: same 1 1 back 1

  // Validation, in the framework's order and with its statuses.
  WDF_OBJECT_ATTRIBUTES bad;
  WDFMEMORY memory;
  WDF_OBJECT_ATTRIBUTES_INIT(&bad);
  bad.Size = 4;
  printf("size %08X\n", (unsigned)WdfMemoryCreate(&bad, NonPagedPoolNx, 'tseT',
                                                   8, &memory, NULL));
  // CHECK-NEXT: size C0000004
  WDF_OBJECT_ATTRIBUTES_INIT(&bad);
  bad.ExecutionLevel = WdfExecutionLevelPassive;
  printf("level %08X\n", (unsigned)WdfMemoryCreate(&bad, NonPagedPoolNx,
                                                    'tseT', 8, &memory, NULL));
  // CHECK-NEXT: level C0200211
  WDF_OBJECT_ATTRIBUTES_INIT(&bad);
  bad.SynchronizationScope = WdfSynchronizationScopeDevice;
  printf("scope %08X\n", (unsigned)WdfMemoryCreate(&bad, NonPagedPoolNx,
                                                    'tseT', 8, &memory, NULL));
  // CHECK-NEXT: scope C0200210
  RtlZeroMemory(&bad, sizeof bad);
  bad.Size = sizeof bad;
  printf("zeroed %08X\n", (unsigned)WdfMemoryCreate(&bad, NonPagedPoolNx,
                                                     'tseT', 8, &memory, NULL));
  // CHECK-NEXT: zeroed C0200209

  // A failed create runs no callback; a parent being deleted refuses
  // children.
  wdfrt_fail_next("WdfMemoryCreate");
  printf("failed %p\n", Make("failed", NULL));
  // CHECK-NEXT: failed (nil)
  WDF_OBJECT_ATTRIBUTES ownerAttributes;
  WDF_OBJECT_ATTRIBUTES_INIT(&ownerAttributes);
  ownerAttributes.EvtCleanupCallback = OwnerCleanup;
  WDFMEMORY owner;
  if (NT_SUCCESS(WdfMemoryCreate(&ownerAttributes, NonPagedPoolNx, 'tseT', 8,
                                 &owner, NULL))) {
    OwnedChild = (WDFMEMORY)Make("owned", owner);
    WdfObjectDelete(owner);
  }
  // CHECK-NEXT: owned context zero: 1
  // CHECK-NEXT: cleanup owned
  // CHECK-NEXT: owner cleanup: child's 16 bytes
  // CHECK-NEXT: destroy owned
  printf("live objects clean: %u reports\n", wdfrt_report_count(WDF_RULE_COUNT));
  // CHECK-NEXT: live objects clean: 0 reports
  return 0;
}
