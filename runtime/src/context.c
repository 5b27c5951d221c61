/*
 * context.c - typed context space.
 *
 * A context is zero-filled memory the framework keeps with an object, one
 * per context type (WDF_DECLARE_CONTEXT_TYPE_WITH_NAME makes the accessor
 * that calls WdfObjectGetTypedContextWorker).  A type is identified by the
 * address of its descriptor's UniqueType, one object per program.  Each
 * context carries its own cleanup and destroy callbacks when it was added
 * with WdfObjectAllocateContext.  A header before the data leads back to
 * the object (WdfObjectContextGetObject) and is checked by a magic number.
 */
#include "wdfrt_internal.h"

#include <stdlib.h>
#include <string.h>

#define CONTEXT_MAGIC 0x57434F4Eu /* "WCON" */

/* Informational: WdfObjectAllocateContext found the type already there. */
#ifndef STATUS_OBJECT_NAME_EXISTS
#define STATUS_OBJECT_NAME_EXISTS ((NTSTATUS)0x40000000L)
#endif

struct wdfrt_int_context {
  uint32_t magic;
  wdfrt_int_context_t *next;
  wdfrt_int_object_t *object;
  PCWDF_OBJECT_CONTEXT_TYPE_INFO type;
  PFN_WDF_OBJECT_CONTEXT_CLEANUP cleanup; /* WdfObjectAllocateContext only */
  PFN_WDF_OBJECT_CONTEXT_DESTROY destroy;
  size_t size;
  _Alignas(16) unsigned char data[];
};

/* The identity of a type: its UniqueType (or the descriptor itself). */
static PCWDF_OBJECT_CONTEXT_TYPE_INFO unique(PCWDF_OBJECT_CONTEXT_TYPE_INFO t) {
  if (!t)
    return NULL;
  if (t->EvtDriverGetUniqueContextType)
    return t->EvtDriverGetUniqueContextType();
  return t->UniqueType ? t->UniqueType : t;
}

static wdfrt_int_context_t *find(wdfrt_int_object_t *object,
                                 PCWDF_OBJECT_CONTEXT_TYPE_INFO type) {
  PCWDF_OBJECT_CONTEXT_TYPE_INFO id = unique(type);
  for (wdfrt_int_context_t *c = object->contexts; c; c = c->next)
    if (c->type == id)
      return c;
  return NULL;
}

NTSTATUS wdfrt_int_context_add(wdfrt_int_object_t *object,
                               PWDF_OBJECT_ATTRIBUTES attributes, void **data) {
  PCWDF_OBJECT_CONTEXT_TYPE_INFO type = unique(attributes->ContextTypeInfo);
  size_t size = attributes->ContextSizeOverride ? attributes->ContextSizeOverride
                                                : type->ContextSize;
  wdfrt_int_context_t *context = calloc(1, sizeof *context + size);
  if (!context)
    return STATUS_INSUFFICIENT_RESOURCES;
  context->magic = CONTEXT_MAGIC;
  context->object = object;
  context->type = type;
  context->size = size;
  /* Append: the creation context comes first, as the framework keeps it. */
  wdfrt_int_context_t **tail = &object->contexts;
  while (*tail)
    tail = &(*tail)->next;
  *tail = context;
  if (data)
    *data = context->data;
  return STATUS_SUCCESS;
}

void wdfrt_int_contexts_cleanup(wdfrt_int_object_t *object) {
  for (wdfrt_int_context_t *c = object->contexts; c; c = c->next)
    if (c->cleanup)
      wdfrt_int_disposal_call(object, WDFRT_ROLE_EVT_WDF_OBJECT_CONTEXT_CLEANUP,
                              c->cleanup);
}

void wdfrt_int_contexts_destroy(wdfrt_int_object_t *object) {
  for (wdfrt_int_context_t *c = object->contexts; c; c = c->next)
    if (c->destroy)
      wdfrt_int_disposal_call(object, WDFRT_ROLE_EVT_WDF_OBJECT_CONTEXT_DESTROY,
                              c->destroy);
}

void wdfrt_int_contexts_free(wdfrt_int_object_t *object) {
  wdfrt_int_context_t *c = object->contexts;
  while (c) {
    wdfrt_int_context_t *next = c->next;
    c->magic = 0;
    free(c);
    c = next;
  }
  object->contexts = NULL;
}

void wdfrt_int_contexts_each(wdfrt_int_object_t *object,
                             void (*visit)(const void *, size_t, void *),
                             void *arg) {
  for (wdfrt_int_context_t *c = object->contexts; c; c = c->next)
    visit(c->data, c->size, arg);
}

PVOID WdfObjectGetTypedContextWorker(WDFOBJECT Handle,
                                     PCWDF_OBJECT_CONTEXT_TYPE_INFO TypeInfo) {
  wdfrt_int_site_t site =
      wdfrt_int_enter(WDF_DDI_WdfObjectGetTypedContextWorker);
  /* Contexts stay reachable while cleanup and destroy callbacks run. */
  wdfrt_int_object_t *object =
      wdfrt_int_use(Handle, WDFRT_ANY_KIND, __func__, site, 1);
  if (!object || !TypeInfo)
    return NULL;
  wdfrt_int_context_t *context = find(object, TypeInfo);
  return context ? context->data : NULL;
}

NTSTATUS WdfObjectAllocateContext(WDFOBJECT Handle,
                                  PWDF_OBJECT_ATTRIBUTES ContextAttributes,
                                  PVOID *Context) {
  wdfrt_int_site_t site = wdfrt_int_take_site();
  wdfrt_int_object_t *object =
      wdfrt_int_use(Handle, WDFRT_ANY_KIND, __func__, site, 0);
  if (!object)
    return STATUS_INVALID_HANDLE;
  if (!ContextAttributes || !ContextAttributes->ContextTypeInfo)
    return STATUS_WDF_OBJECT_ATTRIBUTES_INVALID;
  NTSTATUS status = wdfrt_int_attributes_validate(ContextAttributes, 1);
  if (!NT_SUCCESS(status))
    return status;
  if (ContextAttributes->ParentObject)
    return STATUS_WDF_OBJECT_ATTRIBUTES_INVALID;
  wdfrt_int_context_t *existing =
      find(object, ContextAttributes->ContextTypeInfo);
  if (existing) {
    if (Context)
      *Context = existing->data;
    return STATUS_OBJECT_NAME_EXISTS;
  }
  void *data;
  status = wdfrt_int_context_add(object, ContextAttributes, &data);
  if (!NT_SUCCESS(status))
    return status;
  wdfrt_int_context_t *added = find(object, ContextAttributes->ContextTypeInfo);
  added->cleanup = ContextAttributes->EvtCleanupCallback;
  added->destroy = ContextAttributes->EvtDestroyCallback;
  if (Context)
    *Context = data;
  return STATUS_SUCCESS;
}

WDFOBJECT WdfObjectContextGetObject(PVOID ContextPointer) {
  wdfrt_int_site_t site = wdfrt_int_take_site();
  if (!ContextPointer) {
    wdfrt_int_fault(site, "WdfObjectContextGetObject gets NULL");
    return NULL;
  }
  wdfrt_int_context_t *context =
      (wdfrt_int_context_t *)((unsigned char *)ContextPointer -
                              offsetof(wdfrt_int_context_t, data));
  if (context->magic != CONTEXT_MAGIC) {
    wdfrt_int_fault(site,
                    "WdfObjectContextGetObject gets %p, which is no "
                    "object context",
                    ContextPointer);
    return NULL;
  }
  return WDFRT_HANDLE(context->object);
}
