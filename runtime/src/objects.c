/*
 * objects.c - the object tree: parents, delete, references, callbacks.
 *
 * As in KMDF (FxObject in the framework's source): every object starts with one
 * reference, which its parent does not add to; an object made without a
 * parent belongs to the driver.  WdfObjectDelete removes the object from
 * its parent, runs the cleanup callbacks of its subtree child first, then
 * drops the initial references; an object is destroyed (destroy callbacks,
 * its memory freed, its handle retired) when its count reaches zero, so a
 * reference taken with WdfObjectReference keeps it -- deleted but usable
 * from its own callbacks -- until the matching WdfObjectDereference.
 *
 * A deletion marks the whole subtree before any callback runs: a callback
 * that deletes a member of that subtree again is then recognised as part of
 * the cascade, and the lists being walked never change under the walk.
 */
#include "wdfrt_internal.h"

#include <stdio.h>
#include <stdlib.h>

static const char *const kind_names[WDFRT_KIND_COUNT] = {
    [WDFRT_KIND_DRIVER] = "WDFDRIVER",         [WDFRT_KIND_DEVICE] = "WDFDEVICE",
    [WDFRT_KIND_QUEUE] = "WDFQUEUE",           [WDFRT_KIND_REQUEST] = "WDFREQUEST",
    [WDFRT_KIND_MEMORY] = "WDFMEMORY",         [WDFRT_KIND_LOOKASIDE] = "WDFLOOKASIDE",
    [WDFRT_KIND_SPINLOCK] = "WDFSPINLOCK",     [WDFRT_KIND_WAITLOCK] = "WDFWAITLOCK",
    [WDFRT_KIND_DPC] = "WDFDPC",               [WDFRT_KIND_TIMER] = "WDFTIMER",
    [WDFRT_KIND_WORKITEM] = "WDFWORKITEM",     [WDFRT_KIND_INTERRUPT] = "WDFINTERRUPT",
    [WDFRT_KIND_GENERAL] = "WDFOBJECT",        [WDFRT_KIND_FILEOBJECT] = "WDFFILEOBJECT",
};

const char *wdfrt_int_kind_name(wdfrt_int_kind_t kind) {
  return kind < WDFRT_KIND_COUNT ? kind_names[kind] : "WDFOBJECT";
}

/* Objects whose attributes may carry an execution level and a
   synchronization scope (FxValidateObjectAttributes: driver, device, file, general,
   queue, timer). */
static int kind_takes_levels(wdfrt_int_kind_t kind) {
  switch (kind) {
  case WDFRT_KIND_DRIVER:
  case WDFRT_KIND_DEVICE:
  case WDFRT_KIND_FILEOBJECT:
  case WDFRT_KIND_GENERAL:
  case WDFRT_KIND_QUEUE:
  case WDFRT_KIND_TIMER:
    return 1;
  default:
    return 0;
  }
}

NTSTATUS wdfrt_int_attributes_validate(PWDF_OBJECT_ATTRIBUTES attributes,
                                       int levels) {
  if (!attributes)
    return STATUS_SUCCESS;
  if (attributes->Size != sizeof(WDF_OBJECT_ATTRIBUTES))
    return STATUS_INFO_LENGTH_MISMATCH;
  PCWDF_OBJECT_CONTEXT_TYPE_INFO type = attributes->ContextTypeInfo;
  if (type && type->Size != sizeof(WDF_OBJECT_CONTEXT_TYPE_INFO))
    return STATUS_INFO_LENGTH_MISMATCH;
  if (type && type->ContextSize > 0 && !type->ContextName)
    return STATUS_WDF_OBJECT_ATTRIBUTES_INVALID;
  if (attributes->ContextSizeOverride > 0 &&
      (!type || attributes->ContextSizeOverride < type->ContextSize))
    return STATUS_WDF_OBJECT_ATTRIBUTES_INVALID;
  if (attributes->ExecutionLevel == WdfExecutionLevelInvalid ||
      attributes->ExecutionLevel > WdfExecutionLevelDispatch)
    return STATUS_WDF_OBJECT_ATTRIBUTES_INVALID;
  if (attributes->SynchronizationScope == WdfSynchronizationScopeInvalid ||
      attributes->SynchronizationScope > WdfSynchronizationScopeNone)
    return STATUS_WDF_OBJECT_ATTRIBUTES_INVALID;
  if (!levels) {
    if (attributes->SynchronizationScope !=
            WdfSynchronizationScopeInheritFromParent &&
        attributes->SynchronizationScope != WdfSynchronizationScopeNone)
      return STATUS_WDF_SYNCHRONIZATION_SCOPE_INVALID;
    if (attributes->ExecutionLevel != WdfExecutionLevelInheritFromParent)
      return STATUS_WDF_EXECUTION_LEVEL_INVALID;
  }
  return STATUS_SUCCESS;
}

/* --- the tree -------------------------------------------------------------- */

static void link_child(wdfrt_int_object_t *parent, wdfrt_int_object_t *child) {
  child->parent = parent;
  child->next_sibling = NULL;
  child->prev_sibling = parent->last_child;
  if (parent->last_child)
    parent->last_child->next_sibling = child;
  else
    parent->first_child = child;
  parent->last_child = child;
}

static void unlink_child(wdfrt_int_object_t *child) {
  wdfrt_int_object_t *parent = child->parent;
  if (!parent)
    return;
  if (child->prev_sibling)
    child->prev_sibling->next_sibling = child->next_sibling;
  else
    parent->first_child = child->next_sibling;
  if (child->next_sibling)
    child->next_sibling->prev_sibling = child->prev_sibling;
  else
    parent->last_child = child->prev_sibling;
  child->parent = child->next_sibling = child->prev_sibling = NULL;
}

/* Resolves attributes->ParentObject.  A bad parent handle is a bug check
   (0x10D/0x5) in KMDF; here the create fails. */
static NTSTATUS find_parent(PWDF_OBJECT_ATTRIBUTES attributes,
                            wdfrt_int_object_t *default_parent, const char *ddi,
                            wdfrt_int_site_t site,
                            wdfrt_int_object_t **parent) {
  *parent = default_parent;
  if (!attributes || attributes->Size != sizeof *attributes ||
      !attributes->ParentObject)
    return STATUS_SUCCESS;
  *parent =
      wdfrt_int_use(attributes->ParentObject, WDFRT_ANY_KIND, ddi, site, 1);
  if (!*parent)
    return STATUS_INVALID_HANDLE;
  if ((*parent)->state != WDFRT_ALIVE)
    return STATUS_DELETE_PENDING;
  return STATUS_SUCCESS;
}

/* The objects the framework disposes at PASSIVE_LEVEL: the WDF_ROLE_OBJECT
   rows of rules/roles.def, the rows the checker reads. */
typedef struct passive_object {
  enum wdf_ddi_id create;
  enum wdf_object_when when;
  enum wdf_object_level cleanup, destroy;
} passive_object_t;

static const passive_object_t passive_objects[] = {
#define WDF_ROLE_OBJECT(CreateDdi, When, Cleanup, Destroy)                     \
  {WDF_DDI_##CreateDdi, WDF_OBJECT_##When, WDF_OBJECT_LEVEL_##Cleanup,         \
   WDF_OBJECT_LEVEL_##Destroy},
#include "roles.def"
};

void wdfrt_int_object_set_disposal(wdfrt_int_object_t *object,
                                   int paged_pool) {
  /* FxObject::Commit: passive callbacks for the object's own level. */
  if (object->execution_level == WdfExecutionLevelPassive) {
    object->passive_cleanup = object->passive_destroy = 1;
    return;
  }
  size_t rows = sizeof passive_objects / sizeof passive_objects[0];
  for (size_t i = 0; i < rows; ++i) {
    const passive_object_t *row = &passive_objects[i];
    if (row->create != object->created_by ||
        (row->when == WDF_OBJECT_PAGED && !paged_pool))
      continue;
    object->passive_cleanup = row->cleanup == WDF_OBJECT_LEVEL_PASSIVE;
    object->passive_destroy = row->destroy == WDF_OBJECT_LEVEL_PASSIVE;
  }
}

NTSTATUS wdfrt_int_object_create(wdfrt_int_kind_t kind, size_t size,
                                 PWDF_OBJECT_ATTRIBUTES attributes,
                                 wdfrt_int_object_t *default_parent,
                                 enum wdf_ddi_id row, const char *ddi,
                                 wdfrt_int_site_t site,
                                 wdfrt_int_object_t **object) {
  wdfrt_int_object_t *parent;
  *object = NULL;
  NTSTATUS status = find_parent(attributes, default_parent, ddi, site, &parent);
  if (!NT_SUCCESS(status))
    return status;
  status = wdfrt_int_attributes_validate(attributes, kind_takes_levels(kind));
  if (!NT_SUCCESS(status))
    return status;
  if (row < WDF_DDI_COUNT && wdfrt_int_fault_allocation(row))
    return STATUS_INSUFFICIENT_RESOURCES;

  wdfrt_int_object_t *created = calloc(1, size);
  if (!created)
    return STATUS_INSUFFICIENT_RESOURCES;
  created->kind = kind;
  created->state = WDFRT_ALIVE;
  created->refs = 1;
  created->created_at = site;
  created->created_by = row;
  created->during_io = (unsigned char)wdfrt_int_in_io();
  created->execution_level = WdfExecutionLevelInheritFromParent;
  if (attributes) {
    created->evt_cleanup = attributes->EvtCleanupCallback;
    created->evt_destroy = attributes->EvtDestroyCallback;
    created->execution_level = attributes->ExecutionLevel;
    if (attributes->ContextTypeInfo &&
        !NT_SUCCESS(wdfrt_int_context_add(created, attributes, NULL))) {
      free(created);
      return STATUS_INSUFFICIENT_RESOURCES;
    }
  }
  wdfrt_int_object_set_disposal(created, 0);
  created->handle = wdfrt_int_handle_new(created);
  if (!created->handle) {
    wdfrt_int_contexts_free(created);
    free(created);
    return STATUS_INSUFFICIENT_RESOURCES;
  }
  if (parent)
    link_child(parent, created);
  *object = created;
  return STATUS_SUCCESS;
}

NTSTATUS wdfrt_int_object_create_or_fail(wdfrt_int_kind_t kind, size_t size,
                                         PWDF_OBJECT_ATTRIBUTES attributes,
                                         wdfrt_int_object_t *default_parent,
                                         enum wdf_ddi_id row,
                                         wdfrt_int_site_t site,
                                         const void *out_handle,
                                         wdfrt_int_object_t **object) {
  const char *ddi = wdfrt_ddi_name(row);
  NTSTATUS status = wdfrt_int_object_create(
      kind, size, attributes, default_parent, row, ddi, site, object);
  if (!NT_SUCCESS(status))
    wdfrt_int_failed_create(ddi, status, site, out_handle, NULL);
  return status;
}

void wdfrt_int_object_discard(wdfrt_int_object_t *object,
                              wdfrt_int_site_t site) {
  object->evt_cleanup = NULL;
  object->evt_destroy = NULL;
  wdfrt_int_object_delete(object, WDFRT_GONE_DELETED, site);
}

/* Cleanup and destroy callbacks run at the deleting thread's IRQL, except
   where the framework defers them to PASSIVE_LEVEL. */
static unsigned disposal_irql(const wdfrt_int_object_t *object,
                              wdfrt_int_role_t role) {
  int passive = role == WDFRT_ROLE_EVT_WDF_OBJECT_CONTEXT_DESTROY
                    ? object->passive_destroy
                    : object->passive_cleanup;
  return passive ? PASSIVE_LEVEL : wdfrt_current_irql();
}

void wdfrt_int_disposal_call(wdfrt_int_object_t *object,
                             wdfrt_int_role_t role,
                             PFN_WDF_OBJECT_CONTEXT_CLEANUP function) {
  wdfrt_int_frame_t frame;
  wdfrt_int_callback_begin_at(&frame, role, (const void *)function,
                              disposal_irql(object, role), object);
  function(WDFRT_HANDLE(object));
  wdfrt_int_callback_end(&frame);
}

static void run_cleanup(wdfrt_int_object_t *object) {
  if (object->cleaned_up)
    return;
  object->cleaned_up = 1;
  unsigned caller_irql = wdfrt_current_irql();
  wdfrt_int_contexts_cleanup(object);
  if (object->evt_cleanup)
    wdfrt_int_disposal_call(object, WDFRT_ROLE_EVT_WDF_OBJECT_CONTEXT_CLEANUP,
                            object->evt_cleanup);
  wdfrt_int_irql_set(caller_irql);
}

static void destroy(wdfrt_int_object_t *object) {
  unsigned caller_irql = wdfrt_current_irql();
  run_cleanup(object);
  wdfrt_int_contexts_destroy(object);
  if (object->evt_destroy)
    wdfrt_int_disposal_call(object, WDFRT_ROLE_EVT_WDF_OBJECT_CONTEXT_DESTROY,
                            object->evt_destroy);
  wdfrt_int_irql_set(caller_irql);
  if (object->on_destroy)
    object->on_destroy(object);
  unlink_child(object);
  wdfrt_int_handle_retire(object);
  wdfrt_int_contexts_free(object);
  free(object);
}

/* Marks the subtree deleted: no callback has run yet. */
static void mark_subtree(wdfrt_int_object_t *object, wdfrt_int_gone_t why,
                         wdfrt_int_site_t site) {
  object->state = WDFRT_DELETED;
  object->gone = why;
  object->deleted_at = site;
  for (wdfrt_int_object_t *c = object->first_child; c; c = c->next_sibling)
    mark_subtree(c, why == WDFRT_GONE_DELETED ? WDFRT_GONE_PARENT : why, site);
}

static void cleanup_subtree(wdfrt_int_object_t *object) {
  for (wdfrt_int_object_t *c = object->first_child; c; c = c->next_sibling)
    cleanup_subtree(c);
  run_cleanup(object);
}

/* Drops the initial references, children first; children are detached so
   one kept alive by a reference never points at a freed parent. */
static void release_subtree(wdfrt_int_object_t *object) {
  wdfrt_int_object_t *child = object->first_child;
  object->first_child = object->last_child = NULL;
  while (child) {
    wdfrt_int_object_t *next = child->next_sibling;
    child->parent = child->next_sibling = child->prev_sibling = NULL;
    release_subtree(child);
    child = next;
  }
  if (--object->refs == 0)
    destroy(object);
}

void wdfrt_int_object_delete(wdfrt_int_object_t *object, wdfrt_int_gone_t why,
                             wdfrt_int_site_t site) {
  if (object->state != WDFRT_ALIVE)
    return;
  unlink_child(object);
  mark_subtree(object, why, site);
  cleanup_subtree(object);
  release_subtree(object);
}

void wdfrt_int_object_reference(wdfrt_int_object_t *object) { ++object->refs; }

void wdfrt_int_object_dereference(wdfrt_int_object_t *object,
                                  wdfrt_int_site_t site) {
  if (object->refs == 1 && object->state == WDFRT_ALIVE) {
    /* The count would reach zero while the parent still holds the object:
       KMDF runs the destroy callbacks and bug checks (0x10D/0x7). */
    if (object->kind == WDFRT_KIND_MEMORY)
      wdfrt_int_report_at(
          WDF_RULE_WM006, site,
          "WdfObjectDereference without a matching "
          "WdfObjectReference frees the WDFMEMORY made at %s:%d "
          "behind its parent's back (bug check 0x10D/0x7); "
          "delete it with WdfObjectDelete",
          object->created_at.file ? object->created_at.file : "<unknown>",
          object->created_at.line);
    else
      wdfrt_int_fault(site,
                      "WdfObjectDereference without a matching reference "
                      "on a %s (bug check 0x10D/0x7)",
                      wdfrt_int_kind_name(object->kind));
    return;
  }
  if (--object->refs == 0)
    destroy(object);
}

int wdfrt_int_is_passive(wdfrt_int_object_t *object) {
  for (; object; object = object->parent) {
    if (object->execution_level == WdfExecutionLevelPassive)
      return 1;
    if (object->execution_level == WdfExecutionLevelDispatch)
      return 0;
  }
  return 0;
}

/* --- handles given to DDIs ------------------------------------------------- */

static const char *site_file(wdfrt_int_site_t site) {
  return site.file ? site.file : "<unknown>";
}

static void report_stale(const void *handle, const wdfrt_int_tombstone_t *t,
                         const char *ddi, wdfrt_int_site_t site) {
  unsigned long long value = (unsigned long long)(uintptr_t)handle;
  if (t->kind == WDFRT_KIND_COUNT) {
    wdfrt_int_report_at(
        WDF_RULE_WM005, site,
        "%s gets the stale handle 0x%llx: its object was deleted", ddi, value);
    return;
  }
  static const char *const reasons[] = {
      [WDFRT_GONE_DELETED] = "was deleted at",
      [WDFRT_GONE_PARENT] = "was deleted with its parent at",
      [WDFRT_GONE_COMPLETED] = "belonged to a request completed at",
      [WDFRT_GONE_UNLOADED] = "was deleted at unload,"};
  const char *reason = reasons[t->gone];
  if (t->kind == WDFRT_KIND_REQUEST && t->gone == WDFRT_GONE_COMPLETED)
    reason = "was completed at";
  if (!t->created_at.file) {
    wdfrt_int_report_at(WDF_RULE_WM005, site,
                        "%s uses %s 0x%llx, which %s %s:%d", ddi,
                        wdfrt_int_kind_name(t->kind), value, reason,
                        site_file(t->gone_at), t->gone_at.line);
    return;
  }
  wdfrt_int_report_at(
      WDF_RULE_WM005, site, "%s uses %s 0x%llx (made at %s:%d), which %s %s:%d",
      ddi, wdfrt_int_kind_name(t->kind), value, site_file(t->created_at),
      t->created_at.line, reason, site_file(t->gone_at), t->gone_at.line);
}

/* A NULL or unknown value: WM009 when a failed create left it behind,
   otherwise a fault (KMDF bug checks 0x10D/0x5 either way). */
static void report_invalid(const void *handle, const char *ddi,
                           wdfrt_int_site_t site) {
  char why[200];
  if (wdfrt_int_failed_value(handle, 0, why, sizeof why)) {
    wdfrt_int_report_at(WDF_RULE_WM009, site,
                        "%s gets the handle %p left by a failed create: %s; "
                        "check NT_SUCCESS(status) before using the handle",
                        ddi, handle, why);
    return;
  }
  wdfrt_int_fault(site,
                  "%s gets %s %p, which is no handle the framework made (bug "
                  "check 0x10D/0x5)",
                  ddi, handle ? "the value" : "the NULL handle", handle);
}

static int is_ancestor(const wdfrt_int_object_t *ancestor,
                       const wdfrt_int_object_t *object) {
  for (const wdfrt_int_object_t *p = object->parent; p; p = p->parent)
    if (p == ancestor)
      return 1;
  return 0;
}

/* May a deleted object still be used here?  By its own callbacks, and by
   the cleanup and destroy callbacks of an object it belongs to: KMDF
   disposes the children first, but frees them only after the parent's
   cleanup, so a device's cleanup may still take the device's locks. */
static int own_callback(wdfrt_int_object_t *object) {
  for (wdfrt_int_frame_t *f = wdfrt_int_callback_current(); f; f = f->outer) {
    if (f->object == object)
      return 1;
    if ((f->role == WDFRT_ROLE_EVT_WDF_OBJECT_CONTEXT_CLEANUP ||
         f->role == WDFRT_ROLE_EVT_WDF_OBJECT_CONTEXT_DESTROY) &&
        f->object && is_ancestor(f->object, object))
      return 1;
  }
  return 0;
}

wdfrt_int_object_t *wdfrt_int_use(const void *handle, unsigned kinds,
                                  const char *ddi, wdfrt_int_site_t site,
                                  int allow_deleted) {
  wdfrt_int_object_t *object;
  wdfrt_int_tombstone_t tombstone;
  switch (wdfrt_int_handle_resolve(handle, &object, &tombstone)) {
  case WDFRT_HANDLE_NULL:
  case WDFRT_HANDLE_FORGED:
    report_invalid(handle, ddi, site);
    return NULL;
  case WDFRT_HANDLE_STALE:
    report_stale(handle, &tombstone, ddi, site);
    return NULL;
  case WDFRT_HANDLE_VALID:
    break;
  }
  if (!(kinds & WDFRT_KIND_BIT(object->kind))) {
    wdfrt_int_fault(site,
                    "%s gets a %s handle, which it does not take (bug "
                    "check 0x10D/0x5)",
                    ddi, wdfrt_int_kind_name(object->kind));
    return NULL;
  }
  if (object->state == WDFRT_DELETED && !allow_deleted &&
      !own_callback(object))
    wdfrt_int_report_at(WDF_RULE_WM005, site,
                        "%s uses %s 0x%llx after WdfObjectDelete at %s:%d (a "
                        "reference keeps it, but only its own callbacks may "
                        "use it now)",
                        ddi, wdfrt_int_kind_name(object->kind),
                        (unsigned long long)object->handle,
                        site_file(object->deleted_at), object->deleted_at.line);
  return object;
}

/* --- the DDIs ---------------------------------------------------------------- */

static void report_double_delete(const void *handle,
                                 const wdfrt_int_tombstone_t *t,
                                 wdfrt_int_site_t site) {
  if (t->kind == WDFRT_KIND_COUNT || t->kind == WDFRT_KIND_MEMORY) {
    if (t->kind == WDFRT_KIND_COUNT)
      wdfrt_int_report_at(WDF_RULE_WM006, site,
                          "WdfObjectDelete on 0x%llx, already deleted",
                          (unsigned long long)(uintptr_t)handle);
    else
      wdfrt_int_report_at(
          WDF_RULE_WM006, site,
          "WdfObjectDelete on WDFMEMORY 0x%llx (made at %s:%d), "
          "already %s at %s:%d",
          (unsigned long long)(uintptr_t)handle, site_file(t->created_at),
          t->created_at.line,
          t->gone == WDFRT_GONE_COMPLETED ? "freed with its request, completed"
                                          : "deleted",
          site_file(t->gone_at), t->gone_at.line);
    return;
  }
  wdfrt_int_fault(site, "WdfObjectDelete on a %s that no longer exists",
                  wdfrt_int_kind_name(t->kind));
}

VOID WdfObjectDelete(WDFOBJECT Object) {
  wdfrt_int_site_t site = wdfrt_int_enter(WDF_DDI_WdfObjectDelete);
  wdfrt_int_object_t *object;
  wdfrt_int_tombstone_t tombstone;
  switch (wdfrt_int_handle_resolve(Object, &object, &tombstone)) {
  case WDFRT_HANDLE_NULL:
  case WDFRT_HANDLE_FORGED:
    report_invalid(Object, __func__, site);
    return;
  case WDFRT_HANDLE_STALE:
    report_double_delete(Object, &tombstone, site);
    return;
  case WDFRT_HANDLE_VALID:
    break;
  }
  if (object->state == WDFRT_DELETED) {
    if (object->gone == WDFRT_GONE_DELETED &&
        object->kind == WDFRT_KIND_MEMORY)
      wdfrt_int_report_at(
          WDF_RULE_WM006, site,
          "WdfObjectDelete on WDFMEMORY 0x%llx, already deleted "
          "at %s:%d (a reference keeps it until "
          "WdfObjectDereference)",
          (unsigned long long)object->handle, site_file(object->deleted_at),
          object->deleted_at.line);
    return; /* deleted with its parent: part of that cascade */
  }
  if (object->framework_owned) {
    wdfrt_int_report_at(WDF_RULE_WM006, site,
                        "WdfObjectDelete on WDFMEMORY 0x%llx, which the "
                        "framework owns (retrieved from a request at %s:%d); "
                        "KMDF would delete the request itself",
                        (unsigned long long)object->handle,
                        site_file(object->created_at), object->created_at.line);
    return;
  }
  if (object->no_delete) {
    wdfrt_int_fault(site,
                    "WdfObjectDelete on the framework's %s: KMDF ignores "
                    "it (verifier break)",
                    wdfrt_int_kind_name(object->kind));
    return;
  }
  if (object->kind == WDFRT_KIND_REQUEST) {
    wdfrt_int_fault(site, "WdfObjectDelete on a WDFREQUEST the framework "
                          "delivered: complete it instead");
    return;
  }
  wdfrt_int_object_delete(object, WDFRT_GONE_DELETED, site);
}

/* Not wrapped by the site macros: the WdfObjectReference macros pass the
   caller's file and line themselves. */
VOID WdfObjectReferenceActual(WDFOBJECT Handle, PVOID Tag, LONG Line,
                              PCCH File) {
  wdfrt_int_site_t site = {File, File ? (int)Line : 0};
  (void)Tag;
  wdfrt_int_check_irql(WDF_DDI_WdfObjectReferenceActual, WDFRT_POOL_NONE, -1,
                       site);
  wdfrt_int_object_t *object =
      wdfrt_int_use(Handle, WDFRT_ANY_KIND, __func__, site, 0);
  if (object)
    wdfrt_int_object_reference(object);
}

VOID WdfObjectDereferenceActual(WDFOBJECT Handle, PVOID Tag, LONG Line,
                                PCCH File) {
  wdfrt_int_site_t site = {File, File ? (int)Line : 0};
  (void)Tag;
  wdfrt_int_check_irql(WDF_DDI_WdfObjectDereferenceActual, WDFRT_POOL_NONE, -1,
                       site);
  wdfrt_int_object_t *object =
      wdfrt_int_use(Handle, WDFRT_ANY_KIND, __func__, site, 1);
  if (object)
    wdfrt_int_object_dereference(object, site);
}

NTSTATUS WdfObjectCreate(PWDF_OBJECT_ATTRIBUTES Attributes, WDFOBJECT *Object) {
  wdfrt_int_site_t site = wdfrt_int_take_site();
  wdfrt_int_object_t *object;
  if (!wdfrt_int_check_out(__func__, Object, "Object", site))
    return STATUS_INVALID_PARAMETER;
  NTSTATUS status = wdfrt_int_object_create(
      WDFRT_KIND_GENERAL, sizeof *object, Attributes, wdfrt_int_driver_object(),
      WDF_DDI_COUNT, __func__, site, &object);
  *Object = NT_SUCCESS(status) ? WDFRT_HANDLE(object) : NULL;
  return status;
}
