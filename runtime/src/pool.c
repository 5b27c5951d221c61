/*
 * pool.c - ExAllocatePool* and ExFreePool*.
 *
 * Pool allocations are checked like the framework's (WM001 for the IRQL,
 * WM007 for a zero size, a bad tag, executable memory) and made as tracked
 * buffers: never written unless the call zeroes (ExAllocatePool2/3 zero
 * unless POOL_FLAG_UNINITIALIZED; the older calls only with
 * POOL_ZERO_ALLOCATION), so never-written pool bytes that reach an output
 * buffer are found like any other.  A zero-byte allocation is a Driver
 * Verifier stop (0xC4/0x0); without the verifier it succeeds, and so it
 * does here once reported.
 */
#include <string.h>

#include "wdfrt_internal.h"

/* NonPagedPool under POOL_NX_OPTIN: executable until DriverEntry calls
   ExInitializeDriverRuntime(DrvRtPoolNxOptIn). */
POOL_TYPE ExDefaultNonPagedPoolType = NonPagedPoolExecute;

/* 'enoN': ExAllocatePool's tag; ASCII, so the tag check passes it. */
#define TAG_NONE 0x656E6F4Eu

static const char *const zero_size =
    "a zero-byte pool allocation is a Driver Verifier violation (bug check "
    "0xC4/0x0)";

static PVOID allocate(enum wdf_ddi_id ddi, size_t size, int zeroed, int paged,
                      wdfrt_int_site_t site) {
  if (wdfrt_int_fault_allocation(ddi))
    return NULL;
  wdfrt_int_buffer_t *buffer =
      wdfrt_int_buffer_new_in(size, zeroed, WDFRT_BUFFER_POOL, paged, site);
  return buffer ? buffer->data : NULL;
}

static PVOID allocate_typed(enum wdf_ddi_id ddi, const char *name,
                            POOL_TYPE type, SIZE_T size, ULONG tag) {
  unsigned long long pool_type = (unsigned long long)type;
  int paged = wdf_pool_type_is_paged(pool_type);
  wdfrt_int_site_t site = wdfrt_int_enter_pool(
      ddi, paged ? WDFRT_POOL_PAGED : WDFRT_POOL_NONPAGED);
  wdfrt_int_check_size(name, size, "NumberOfBytes", zero_size, site);
  wdfrt_int_check_tag_and_pool_type(name, tag, pool_type, site);
  return allocate(ddi, size, (pool_type & POOL_ZERO_ALLOCATION) != 0, paged,
                  site);
}

PVOID ExAllocatePoolWithTag(POOL_TYPE PoolType, SIZE_T NumberOfBytes,
                            ULONG Tag) {
  return allocate_typed(WDF_DDI_ExAllocatePoolWithTag, __func__, PoolType,
                        NumberOfBytes, Tag);
}

PVOID ExAllocatePool(POOL_TYPE PoolType, SIZE_T NumberOfBytes) {
  return allocate_typed(WDF_DDI_ExAllocatePool, __func__, PoolType,
                        NumberOfBytes, TAG_NONE);
}

/* Exactly one of paged, non-paged and non-paged executable must be set. */
static int valid_flags(POOL_FLAGS flags) {
  int kinds = ((flags & POOL_FLAG_PAGED) != 0) +
              ((flags & POOL_FLAG_NON_PAGED) != 0) +
              ((flags & POOL_FLAG_NON_PAGED_EXECUTE) != 0);
  return kinds == 1;
}

static PVOID allocate_flagged(enum wdf_ddi_id ddi, const char *name,
                              POOL_FLAGS flags, SIZE_T size, ULONG tag) {
  wdfrt_int_site_t site = wdfrt_int_enter_pool(
      ddi, (flags & POOL_FLAG_PAGED) ? WDFRT_POOL_PAGED : WDFRT_POOL_NONPAGED);
  wdfrt_int_check_size(name, size, "NumberOfBytes", zero_size, site);
  wdfrt_int_check_tag(name, tag, site);
  wdfrt_int_check_pool_flags(name, flags, site);
  if (!valid_flags(flags)) {
    wdfrt_int_fault(site, "%s gets pool flags 0x%llx, which name no pool", name,
                    (unsigned long long)flags);
    return NULL;
  }
  return allocate(ddi, size, (flags & POOL_FLAG_UNINITIALIZED) == 0,
                  (flags & POOL_FLAG_PAGED) != 0, site);
}

PVOID ExAllocatePool2(POOL_FLAGS Flags, SIZE_T NumberOfBytes, ULONG Tag) {
  return allocate_flagged(WDF_DDI_ExAllocatePool2, __func__, Flags,
                          NumberOfBytes, Tag);
}

PVOID ExAllocatePool3(POOL_FLAGS Flags, SIZE_T NumberOfBytes, ULONG Tag,
                      PCPOOL_EXTENDED_PARAMETER ExtendedParameters,
                      ULONG ExtendedParametersCount) {
  (void)ExtendedParameters;
  (void)ExtendedParametersCount;
  return allocate_flagged(WDF_DDI_ExAllocatePool3, __func__, Flags,
                          NumberOfBytes, Tag);
}

static void release(PVOID pointer, const char *name, wdfrt_int_site_t site) {
  wdfrt_int_buffer_t *buffer = wdfrt_int_buffer_find(pointer, 0);
  if (!buffer || buffer->role != WDFRT_BUFFER_POOL || buffer->data != pointer) {
    wdfrt_int_fault(site,
                    "%s gets %p, which is no pool allocation (bug check "
                    "0xC2)",
                    name, pointer);
    return;
  }
  if (buffer->freed) {
    wdfrt_int_fault(site, "%s frees %p twice (bug check 0xC2/0x7)", name,
                    pointer);
    return;
  }
  wdfrt_int_buffer_free(buffer, WDFRT_GONE_DELETED, site);
}

VOID ExFreePoolWithTag(PVOID P, ULONG Tag) {
  wdfrt_int_site_t site = wdfrt_int_enter(WDF_DDI_ExFreePoolWithTag);
  (void)Tag;
  release(P, __func__, site);
}

VOID ExFreePool(PVOID P) {
  wdfrt_int_site_t site = wdfrt_int_enter(WDF_DDI_ExFreePool);
  release(P, __func__, site);
}
