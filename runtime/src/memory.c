/*
 * memory.c - WDFMEMORY: WdfMemoryCreate, WdfMemoryCreatePreallocated,
 * WdfMemoryGetBuffer, WdfMemoryAssignBuffer, WdfMemoryCopyToBuffer and
 * WdfMemoryCopyFromBuffer; the checks of WDF_MEMORY_DESCRIPTOR_INIT_HANDLE
 * and WDF_MEMORY_DESCRIPTOR_INIT_BUFFER.
 *
 * Validation happens in the framework's order (its memory and lookaside
 * DDIs in microsoft/Windows-Driver-Frameworks),
 * with its statuses; what KMDF does with a bug check (a NULL out-pointer, a
 * bad handle) is reported and the call fails instead.  The IRQL check is
 * the verifier's: a create above its limit fails with
 * STATUS_INVALID_DEVICE_REQUEST and leaves *Memory untouched.  A
 * WdfMemoryCreate buffer is not zeroed: it starts never written.
 */
#include "wdfrt_internal.h"

/* Called through the macros of wdfrt_wdf_sites.h. */
VOID wdfrt_int_WDF_MEMORY_DESCRIPTOR_INIT_HANDLE(
    PWDF_MEMORY_DESCRIPTOR Descriptor, WDFMEMORY Memory,
    PWDFMEMORY_OFFSET Offsets);
VOID wdfrt_int_WDF_MEMORY_DESCRIPTOR_INIT_BUFFER(
    PWDF_MEMORY_DESCRIPTOR Descriptor, PVOID Buffer, ULONG BufferLength);

wdfrt_int_memory_t *wdfrt_int_memory_from(wdfrt_int_object_t *object) {
  return object && object->kind == WDFRT_KIND_MEMORY
             ? (wdfrt_int_memory_t *)object
             : NULL;
}

static void memory_destroy(wdfrt_int_object_t *object) {
  wdfrt_int_memory_t *memory = (wdfrt_int_memory_t *)object;
  wdfrt_int_gone_t why = object->gone;
  if (memory->origin == WDFRT_MEMORY_POOL ||
      memory->origin == WDFRT_MEMORY_LOOKASIDE)
    wdfrt_int_buffer_free(memory->buffer, why, object->deleted_at);
  if (memory->lookaside)
    wdfrt_int_object_dereference((wdfrt_int_object_t *)memory->lookaside,
                                 object->deleted_at);
}

static NTSTATUS make_memory(PWDF_OBJECT_ATTRIBUTES attributes,
                            wdfrt_int_memory_origin_t origin,
                            enum wdf_ddi_id row, const char *ddi,
                            wdfrt_int_site_t site,
                            wdfrt_int_memory_t **memory) {
  wdfrt_int_object_t *object;
  NTSTATUS status = wdfrt_int_object_create(
      WDFRT_KIND_MEMORY, sizeof **memory, attributes, wdfrt_int_driver_object(),
      row, ddi, site, &object);
  if (!NT_SUCCESS(status))
    return status;
  *memory = (wdfrt_int_memory_t *)object;
  (*memory)->origin = origin;
  object->on_destroy = memory_destroy;
  return STATUS_SUCCESS;
}

NTSTATUS wdfrt_int_memory_create_with_buffer(PWDF_OBJECT_ATTRIBUTES attributes,
                                             wdfrt_int_memory_origin_t origin,
                                             enum wdf_ddi_id row, size_t size,
                                             int zeroed, int paged,
                                             wdfrt_int_site_t site,
                                             wdfrt_int_memory_t **memory) {
  wdfrt_int_memory_t *made;
  NTSTATUS status =
      make_memory(attributes, origin, row, wdfrt_ddi_name(row), site, &made);
  if (!NT_SUCCESS(status))
    return status;
  made->buffer =
      wdfrt_int_buffer_new_in(size, zeroed, WDFRT_BUFFER_MEMORY, paged, site);
  if (!made->buffer) {
    wdfrt_int_object_discard(&made->base, site);
    return STATUS_INSUFFICIENT_RESOURCES;
  }
  made->data = made->buffer->data;
  made->size = size;
  *memory = made;
  return STATUS_SUCCESS;
}

NTSTATUS WdfMemoryCreate(PWDF_OBJECT_ATTRIBUTES Attributes, POOL_TYPE PoolType,
                         ULONG PoolTag, size_t BufferSize, WDFMEMORY *Memory,
                         PVOID *Buffer) {
  int paged = wdf_pool_type_is_paged((unsigned long long)PoolType);
  wdfrt_int_site_t site = wdfrt_int_take_site();
  NTSTATUS status;
  if (!wdfrt_int_check_out(__func__, Memory, "Memory", site))
    return STATUS_INVALID_PARAMETER;
  status = wdfrt_int_check_allocation(WDF_DDI_WdfMemoryCreate, __func__, paged,
                                      BufferSize, site);
  if (!NT_SUCCESS(status))
    goto failed;
  wdfrt_int_check_tag_and_pool_type(__func__, PoolTag,
                                    (unsigned long long)PoolType, site);
  *Memory = NULL;

  wdfrt_int_memory_t *memory;
  status = wdfrt_int_memory_create_with_buffer(Attributes, WDFRT_MEMORY_POOL,
                                               WDF_DDI_WdfMemoryCreate,
                                               BufferSize, 0, paged, site,
                                               &memory);
  if (!NT_SUCCESS(status))
    goto failed;
  wdfrt_int_object_set_disposal(&memory->base, paged);
  memory->pool_type = (unsigned long long)PoolType;
  memory->tag = PoolTag;
  *Memory = (WDFMEMORY)WDFRT_HANDLE(&memory->base);
  if (Buffer)
    *Buffer = memory->data;
  return STATUS_SUCCESS;

failed:
  return wdfrt_int_failed_create(__func__, status, site, Memory, Buffer);
}

NTSTATUS WdfMemoryCreatePreallocated(PWDF_OBJECT_ATTRIBUTES Attributes,
                                     PVOID Buffer, size_t BufferSize,
                                     WDFMEMORY *Memory) {
  wdfrt_int_site_t site = wdfrt_int_enter(WDF_DDI_WdfMemoryCreatePreallocated);
  NTSTATUS status;
  if (!wdfrt_int_check_out(__func__, Buffer, "Buffer", site) ||
      !wdfrt_int_check_out(__func__, Memory, "Memory", site))
    return STATUS_INVALID_PARAMETER;
  *Memory = NULL;
  if (!wdfrt_int_check_size(
          __func__, BufferSize, "BufferSize",
          "the framework fails it with STATUS_INVALID_PARAMETER", site)) {
    status = STATUS_INVALID_PARAMETER;
    goto failed;
  }
  wdfrt_int_memory_t *memory;
  status = make_memory(Attributes, WDFRT_MEMORY_PREALLOCATED,
                       WDF_DDI_WdfMemoryCreatePreallocated, __func__, site,
                       &memory);
  if (!NT_SUCCESS(status))
    goto failed;
  memory->data = Buffer;
  memory->size = BufferSize;
  *Memory = (WDFMEMORY)WDFRT_HANDLE(&memory->base);
  return STATUS_SUCCESS;

failed:
  return wdfrt_int_failed_create(__func__, status, site, Memory, NULL);
}

wdfrt_int_memory_t *wdfrt_int_memory_for_request(wdfrt_int_request_t *request,
                                                 void *data, size_t size,
                                                 wdfrt_int_buffer_t *buffer,
                                                 int read_only,
                                                 wdfrt_int_site_t site) {
  WDF_OBJECT_ATTRIBUTES attributes;
  WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
  attributes.ParentObject = WDFRT_HANDLE(&request->base);
  wdfrt_int_memory_t *memory;
  if (!NT_SUCCESS(make_memory(&attributes, WDFRT_MEMORY_REQUEST, WDF_DDI_COUNT,
                              "the framework", site, &memory)))
    return NULL;
  memory->base.framework_owned = 1;
  memory->data = data;
  memory->size = size;
  memory->buffer = buffer;
  memory->read_only = read_only;
  memory->request = request;
  return memory;
}

static wdfrt_int_memory_t *use_memory(WDFMEMORY handle, const char *ddi,
                                      wdfrt_int_site_t site) {
  return wdfrt_int_memory_from(
      wdfrt_int_use(handle, WDFRT_KIND_BIT(WDFRT_KIND_MEMORY), ddi, site, 0));
}

PVOID WdfMemoryGetBuffer(WDFMEMORY Memory, size_t *BufferSize) {
  wdfrt_int_site_t site = wdfrt_int_enter(WDF_DDI_WdfMemoryGetBuffer);
  wdfrt_int_memory_t *memory = use_memory(Memory, __func__, site);
  if (BufferSize)
    *BufferSize = memory ? memory->size : 0;
  return memory ? memory->data : NULL;
}

/* --- memory descriptors ------------------------------------------------------
   FORCEINLINE functions of the header; a driver built for the runtime calls
   these instead (wdfrt_wdf_sites.h).  A descriptor is filled only to be
   sent, so what it names is used now: a stale handle or a freed buffer is
   WM005, what a failed create left is WM009.  A NULL that no failed create
   left is not checked: the DDI the descriptor goes to rejects it. */

VOID wdfrt_int_WDF_MEMORY_DESCRIPTOR_INIT_HANDLE(
    PWDF_MEMORY_DESCRIPTOR Descriptor, WDFMEMORY Memory,
    PWDFMEMORY_OFFSET Offsets) {
  wdfrt_int_site_t site = wdfrt_int_take_site();
  if (Memory || wdfrt_int_failed_value(Memory, 0, NULL, 0))
    use_memory(Memory, "WDF_MEMORY_DESCRIPTOR_INIT_HANDLE", site);
  WDF_MEMORY_DESCRIPTOR_INIT_HANDLE(Descriptor, Memory, Offsets);
}

VOID wdfrt_int_WDF_MEMORY_DESCRIPTOR_INIT_BUFFER(
    PWDF_MEMORY_DESCRIPTOR Descriptor, PVOID Buffer, ULONG BufferLength) {
  wdfrt_int_site_t site = wdfrt_int_take_site();
  wdfrt_int_check_pointer(Buffer, Buffer ? BufferLength : 0,
                          "WDF_MEMORY_DESCRIPTOR_INIT_BUFFER", "the buffer",
                          site);
  WDF_MEMORY_DESCRIPTOR_INIT_BUFFER(Descriptor, Buffer, BufferLength);
}

NTSTATUS WdfMemoryAssignBuffer(WDFMEMORY Memory, PVOID Buffer,
                               size_t BufferSize) {
  wdfrt_int_site_t site = wdfrt_int_enter(WDF_DDI_WdfMemoryAssignBuffer);
  wdfrt_int_memory_t *memory = use_memory(Memory, __func__, site);
  if (!memory)
    return STATUS_INVALID_HANDLE;
  if (memory->origin != WDFRT_MEMORY_PREALLOCATED) {
    wdfrt_int_fault(site, "WdfMemoryAssignBuffer on a WDFMEMORY that was not "
                          "made by WdfMemoryCreatePreallocated (bug check "
                          "0x10D/0x5)");
    return STATUS_INVALID_PARAMETER;
  }
  if (!wdfrt_int_check_out(__func__, Buffer, "Buffer", site))
    return STATUS_INVALID_PARAMETER;
  if (!wdfrt_int_check_size(
          __func__, BufferSize, "BufferSize",
          "the framework fails it with STATUS_INVALID_PARAMETER", site))
    return STATUS_INVALID_PARAMETER;
  memory->data = Buffer;
  memory->size = BufferSize;
  return STATUS_SUCCESS;
}

NTSTATUS WdfMemoryCopyToBuffer(WDFMEMORY SourceMemory, size_t SourceOffset,
                               PVOID Buffer, size_t NumBytesToCopyTo) {
  wdfrt_int_site_t site = wdfrt_int_enter(WDF_DDI_WdfMemoryCopyToBuffer);
  wdfrt_int_memory_t *memory = use_memory(SourceMemory, __func__, site);
  if (!memory)
    return STATUS_INVALID_HANDLE;
  if (!wdfrt_int_check_out(__func__, Buffer, "Buffer", site))
    return STATUS_INVALID_PARAMETER;
  if (!wdfrt_int_check_size(
          __func__, NumBytesToCopyTo, "NumBytesToCopyTo",
          "the framework fails it with STATUS_INVALID_PARAMETER", site) ||
      !memory->data)
    return STATUS_INVALID_PARAMETER;
  if ((SourceOffset != 0 && SourceOffset >= memory->size) ||
      NumBytesToCopyTo > memory->size - SourceOffset)
    return STATUS_BUFFER_TOO_SMALL;
  if (!wdfrt_int_check_pointer(Buffer, NumBytesToCopyTo, __func__, "the buffer",
                               site))
    return STATUS_INVALID_PARAMETER;
  wdfrt_int_copy(Buffer, (unsigned char *)memory->data + SourceOffset,
                 NumBytesToCopyTo, 0, "WdfMemoryCopyToBuffer copies", site);
  return STATUS_SUCCESS;
}

NTSTATUS WdfMemoryCopyFromBuffer(WDFMEMORY DestinationMemory,
                                 size_t DestinationOffset, PVOID Buffer,
                                 size_t NumBytesToCopyFrom) {
  wdfrt_int_site_t site = wdfrt_int_enter(WDF_DDI_WdfMemoryCopyFromBuffer);
  wdfrt_int_memory_t *memory = use_memory(DestinationMemory, __func__, site);
  if (!memory)
    return STATUS_INVALID_HANDLE;
  if (!wdfrt_int_check_out(__func__, Buffer, "Buffer", site))
    return STATUS_INVALID_PARAMETER;
  if (!wdfrt_int_check_size(
          __func__, NumBytesToCopyFrom, "NumBytesToCopyFrom",
          "the framework fails it with STATUS_INVALID_PARAMETER", site) ||
      !memory->data)
    return STATUS_INVALID_PARAMETER;
  if (memory->read_only) {
    wdfrt_int_fault(site, "WdfMemoryCopyFromBuffer into read-only request "
                          "memory (verifier break)");
    return STATUS_ACCESS_VIOLATION;
  }
  if ((DestinationOffset != 0 && DestinationOffset >= memory->size) ||
      NumBytesToCopyFrom > memory->size - DestinationOffset)
    return STATUS_INVALID_BUFFER_SIZE;
  if (!wdfrt_int_check_pointer(Buffer, NumBytesToCopyFrom, __func__,
                               "the buffer", site))
    return STATUS_INVALID_PARAMETER;
  wdfrt_int_copy((unsigned char *)memory->data + DestinationOffset, Buffer,
                 NumBytesToCopyFrom, 0, "WdfMemoryCopyFromBuffer copies", site);
  return STATUS_SUCCESS;
}
