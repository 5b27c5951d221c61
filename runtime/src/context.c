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

struct _wdfrt_context {
  uint32_t magic;
  _wdfrt_context_t *next;
  _wdfrt_object_t *object;
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

static _wdfrt_context_t *find(_wdfrt_object_t *object,
                              PCWDF_OBJECT_CONTEXT_TYPE_INFO type) {
  PCWDF_OBJECT_CONTEXT_TYPE_INFO id = unique(type);
  for (_wdfrt_context_t *c = object->contexts; c; c = c->next)
    if (c->type == id)
      return c;
  return NULL;
}

NTSTATUS _wdfrt_context_add(_wdfrt_object_t *object,
                            PWDF_OBJECT_ATTRIBUTES attributes, void **data) {
  PCWDF_OBJECT_CONTEXT_TYPE_INFO type = unique(attributes->ContextTypeInfo);
  size_t size = attributes->ContextSizeOverride ? attributes->ContextSizeOverride
                                                : type->ContextSize;
  _wdfrt_context_t *context = calloc(1, sizeof *context + size);
  if (!context)
    return STATUS_INSUFFICIENT_RESOURCES;
  context->magic = CONTEXT_MAGIC;
  context->object = object;
  context->type = type;
  context->size = size;
  /* Append: the creation context comes first, as the framework keeps it. */
  _wdfrt_context_t **tail = &object->contexts;
  while (*tail)
    tail = &(*tail)->next;
  *tail = context;
  if (data)
    *data = context->data;
  return STATUS_SUCCESS;
}

static void call(_wdfrt_object_t *object, _wdfrt_role_t role,
                 PFN_WDF_OBJECT_CONTEXT_CLEANUP function) {
  _wdfrt_frame_t frame;
  unsigned irql =
      object->passive_callbacks ? PASSIVE_LEVEL : wdfrt_current_irql();
  _wdfrt_callback_begin(&frame, role, (const void *)function, irql, object);
  function(WDFRT_HANDLE(object));
  _wdfrt_callback_end(&frame);
}

void _wdfrt_contexts_cleanup(_wdfrt_object_t *object) {
  for (_wdfrt_context_t *c = object->contexts; c; c = c->next)
    if (c->cleanup)
      call(object, WDFRT_ROLE_EVT_WDF_OBJECT_CONTEXT_CLEANUP, c->cleanup);
}

void _wdfrt_contexts_destroy(_wdfrt_object_t *object) {
  for (_wdfrt_context_t *c = object->contexts; c; c = c->next)
    if (c->destroy)
      call(object, WDFRT_ROLE_EVT_WDF_OBJECT_CONTEXT_DESTROY, c->destroy);
}

void _wdfrt_contexts_free(_wdfrt_object_t *object) {
  _wdfrt_context_t *c = object->contexts;
  while (c) {
    _wdfrt_context_t *next = c->next;
    c->magic = 0;
    free(c);
    c = next;
  }
  object->contexts = NULL;
}

void _wdfrt_contexts_each(_wdfrt_object_t *object,
                          void (*visit)(const void *, size_t, void *),
                          void *arg) {
  for (_wdfrt_context_t *c = object->contexts; c; c = c->next)
    visit(c->data, c->size, arg);
}

PVOID WdfObjectGetTypedContextWorker(WDFOBJECT Handle,
                                     PCWDF_OBJECT_CONTEXT_TYPE_INFO TypeInfo) {
  _wdfrt_site_t site = _wdfrt_enter(WDF_DDI_WdfObjectGetTypedContextWorker);
  /* Contexts stay reachable while cleanup and destroy callbacks run. */
  _wdfrt_object_t *object = _wdfrt_use(Handle, WDFRT_ANY_KIND, __func__, site, 1);
  if (!object || !TypeInfo)
    return NULL;
  _wdfrt_context_t *context = find(object, TypeInfo);
  return context ? context->data : NULL;
}

NTSTATUS WdfObjectAllocateContext(WDFOBJECT Handle,
                                  PWDF_OBJECT_ATTRIBUTES ContextAttributes,
                                  PVOID *Context) {
  _wdfrt_site_t site = _wdfrt_take_site();
  _wdfrt_object_t *object = _wdfrt_use(Handle, WDFRT_ANY_KIND, __func__, site, 0);
  if (!object)
    return STATUS_INVALID_HANDLE;
  if (!ContextAttributes || !ContextAttributes->ContextTypeInfo)
    return STATUS_WDF_OBJECT_ATTRIBUTES_INVALID;
  NTSTATUS status = _wdfrt_attributes_validate(ContextAttributes, 1);
  if (!NT_SUCCESS(status))
    return status;
  if (ContextAttributes->ParentObject)
    return STATUS_WDF_OBJECT_ATTRIBUTES_INVALID;
  _wdfrt_context_t *existing = find(object, ContextAttributes->ContextTypeInfo);
  if (existing) {
    if (Context)
      *Context = existing->data;
    return STATUS_OBJECT_NAME_EXISTS;
  }
  void *data;
  status = _wdfrt_context_add(object, ContextAttributes, &data);
  if (!NT_SUCCESS(status))
    return status;
  _wdfrt_context_t *added = find(object, ContextAttributes->ContextTypeInfo);
  added->cleanup = ContextAttributes->EvtCleanupCallback;
  added->destroy = ContextAttributes->EvtDestroyCallback;
  if (Context)
    *Context = data;
  return STATUS_SUCCESS;
}

WDFOBJECT WdfObjectContextGetObject(PVOID ContextPointer) {
  _wdfrt_site_t site = _wdfrt_take_site();
  if (!ContextPointer) {
    _wdfrt_fault(site, "WdfObjectContextGetObject gets NULL");
    return NULL;
  }
  _wdfrt_context_t *context = (_wdfrt_context_t *)(
      (unsigned char *)ContextPointer - offsetof(_wdfrt_context_t, data));
  if (context->magic != CONTEXT_MAGIC) {
    _wdfrt_fault(site, "WdfObjectContextGetObject gets %p, which is no "
                       "object context",
                 ContextPointer);
    return NULL;
  }
  return WDFRT_HANDLE(context->object);
}
