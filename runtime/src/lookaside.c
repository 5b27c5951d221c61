/*
 * lookaside.c - WdfLookasideListCreate and WdfMemoryCreateFromLookaside.
 *
 * As in KMDF (fxlookasidelistapi.cpp): memory taken from a list is parented
 * as the list's
 * MemoryAttributes say (the driver by default, not the list), holds a
 * reference on the list (deleting the list leaves its memory alive), and
 * goes back to the list when deleted.  Buffers below PAGE_SIZE come out
 * zeroed (the framework zeroes the block), larger ones do not.  A paged
 * list's memory has passive cleanup and destroy callbacks.
 */
#include <string.h>

#include "wdfrt_internal.h"

struct wdfrt_int_lookaside {
  wdfrt_int_object_t base;
  size_t size;
  unsigned long long pool_type;
  ULONG tag;
  int has_memory_attributes;
  WDF_OBJECT_ATTRIBUTES memory_attributes;
};

static int paged_pool(unsigned long long pool_type) {
  return wdf_pool_type_is_paged(pool_type);
}

NTSTATUS WdfLookasideListCreate(PWDF_OBJECT_ATTRIBUTES LookasideAttributes,
                                size_t BufferSize, POOL_TYPE PoolType,
                                PWDF_OBJECT_ATTRIBUTES MemoryAttributes,
                                ULONG PoolTag, WDFLOOKASIDE *Lookaside) {
  int paged = paged_pool((unsigned long long)PoolType);
  wdfrt_int_site_t site = wdfrt_int_take_site();
  NTSTATUS status;
  if (!wdfrt_int_check_out(__func__, Lookaside, "Lookaside", site))
    return STATUS_INVALID_PARAMETER;
  *Lookaside = NULL;
  status = wdfrt_int_check_allocation(WDF_DDI_WdfLookasideListCreate, __func__,
                                      paged, BufferSize, site);
  if (!NT_SUCCESS(status))
    goto failed;
  status = wdfrt_int_attributes_validate(MemoryAttributes, 0);
  if (!NT_SUCCESS(status))
    goto failed;
  wdfrt_int_check_tag_and_pool_type(__func__, PoolTag,
                                    (unsigned long long)PoolType, site);

  wdfrt_int_object_t *object;
  status = wdfrt_int_object_create(
      WDFRT_KIND_LOOKASIDE, sizeof(wdfrt_int_lookaside_t), LookasideAttributes,
      wdfrt_int_driver_object(), WDF_DDI_WdfLookasideListCreate, __func__, site,
      &object);
  if (!NT_SUCCESS(status))
    goto failed;
  wdfrt_int_lookaside_t *list = (wdfrt_int_lookaside_t *)object;
  list->size = BufferSize;
  list->pool_type = (unsigned long long)PoolType;
  list->tag = PoolTag;
  wdfrt_int_object_set_disposal(object, paged);
  if (MemoryAttributes) {
    list->has_memory_attributes = 1;
    list->memory_attributes = *MemoryAttributes;
  }
  *Lookaside = (WDFLOOKASIDE)WDFRT_HANDLE(object);
  return STATUS_SUCCESS;

failed:
  return wdfrt_int_failed_create(__func__, status, site, Lookaside, NULL);
}

NTSTATUS WdfMemoryCreateFromLookaside(WDFLOOKASIDE Lookaside,
                                      WDFMEMORY *Memory) {
  wdfrt_int_site_t site = wdfrt_int_take_site();
  wdfrt_int_lookaside_t *list = (wdfrt_int_lookaside_t *)wdfrt_int_use(
      Lookaside, WDFRT_KIND_BIT(WDFRT_KIND_LOOKASIDE), __func__, site, 0);
  NTSTATUS status;
  if (!list)
    return STATUS_INVALID_HANDLE;
  int paged = paged_pool(list->pool_type);
  if (!wdfrt_int_check_out(__func__, Memory, "Memory", site))
    return STATUS_INVALID_PARAMETER;
  *Memory = NULL;
  wdfrt_int_check_irql(WDF_DDI_WdfMemoryCreateFromLookaside,
                       paged ? WDFRT_POOL_PAGED : WDFRT_POOL_NONPAGED, -1,
                       site);

  wdfrt_int_memory_t *memory;
  status = wdfrt_int_memory_create_with_buffer(
      list->has_memory_attributes ? &list->memory_attributes : NULL,
      WDFRT_MEMORY_LOOKASIDE, WDF_DDI_WdfMemoryCreateFromLookaside, list->size,
      list->size < PAGE_SIZE, paged, site, &memory);
  if (!NT_SUCCESS(status))
    goto failed;
  memory->pool_type = list->pool_type;
  memory->tag = list->tag;
  memory->lookaside = list;
  wdfrt_int_object_set_disposal(&memory->base, paged);
  wdfrt_int_object_reference(&list->base);
  *Memory = (WDFMEMORY)WDFRT_HANDLE(&memory->base);
  return STATUS_SUCCESS;

failed:
  return wdfrt_int_failed_create(__func__, status, site, Memory, NULL);
}
