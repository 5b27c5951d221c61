/*
 * faults.c - fault injection, and what failed creates leave behind.
 *
 * Like the KMDF verifier's VerifierAllocateFailCount, the runtime can make
 * a framework allocation fail: the nth of the process (object creations
 * and pool allocations count, from 1), or the next call of one allocating
 * DDI.  A driver that then uses the handle or buffer the failed call left
 * in its out-parameters (NULL, or whatever the variable held) breaks WM009;
 * to recognise those values the runtime remembers, for the creates that
 * failed since the current request was sent, what their out-parameters
 * held afterwards.
 */
#include <stdio.h>

#include "wdfrt_internal.h"

#define FAILED_CREATES 16

typedef struct failed_create {
  const char *ddi;
  NTSTATUS status;
  wdfrt_int_site_t site;
  int has_handle, has_buffer;
  const void *handle, *buffer;
} failed_create_t;

/* Rows that allocate: creations of memory, lookaside lists and pool, and
   every DDI that creates an object from attributes. */
static const unsigned char allocating[WDF_DDI_COUNT] = {
#define WDF_DDI(Name, Params, Family, MinIrql, MaxIrql, PagedMaxIrql, PoolArg, \
                PoolKind, TagArg, SizeArg, AttrArg, HandleArg, OutArg,        \
                OutBufArg, BufArg, CheckedMaxIrql, MinimumArg,                \
                LengthArg, SizeOutArg, ConfigArg, Creates)                    \
  [WDF_DDI_##Name] = WDF_FAMILY_##Family == WDF_FAMILY_MEMORY_CREATE ||         \
                     WDF_FAMILY_##Family == WDF_FAMILY_LOOKASIDE_CREATE ||      \
                     WDF_FAMILY_##Family == WDF_FAMILY_POOL_ALLOC ||            \
                     ((AttrArg) >= 0 && (OutArg) >= 0),
#include "ddis.def"
};

static unsigned long allocations, fail_nth;
static unsigned char fail_next[WDF_DDI_COUNT];
static failed_create_t failed[FAILED_CREATES];
static size_t failed_next, failed_count;

void wdfrt_fail_allocation(unsigned long nth) { fail_nth = nth; }

int wdfrt_fail_next(const char *ddi_name) {
  int ddi = wdfrt_ddi_by_name(ddi_name);
  if (ddi < 0 || !allocating[ddi])
    return 0;
  fail_next[ddi] = 1;
  return 1;
}

unsigned long wdfrt_allocation_count(void) { return allocations; }

int wdfrt_int_fault_allocation(enum wdf_ddi_id ddi) {
  ++allocations;
  if (fail_nth && allocations == fail_nth)
    return 1;
  if (ddi < WDF_DDI_COUNT && fail_next[ddi]) {
    fail_next[ddi] = 0;
    return 1;
  }
  return 0;
}

/* Out-parameters may hold whatever the driver's variable held, never
   written: read them as they are. */
static WDFRT_NO_MSAN const void *read_slot(const void *slot) {
  return *(const void *const *)slot;
}

NTSTATUS wdfrt_int_failed_create(const char *ddi, NTSTATUS status,
                                 wdfrt_int_site_t site,
                                 const void *out_handle_slot,
                                 const void *out_buffer_slot) {
  failed_create_t *f = &failed[failed_next];
  failed_next = (failed_next + 1) % FAILED_CREATES;
  if (failed_count < FAILED_CREATES)
    ++failed_count;
  *f = (failed_create_t){ddi, status, site, out_handle_slot != NULL,
                         out_buffer_slot != NULL, NULL, NULL};
  if (out_handle_slot)
    f->handle = read_slot(out_handle_slot);
  if (out_buffer_slot)
    f->buffer = read_slot(out_buffer_slot);
  return status;
}

WDFRT_NO_MSAN int wdfrt_int_failed_value(const void *value, int is_buffer,
                                         char *why, size_t size) {
  for (size_t k = 1; k <= failed_count; ++k) {
    const failed_create_t *f =
        &failed[(failed_next + FAILED_CREATES - k) % FAILED_CREATES];
    int match = is_buffer ? f->has_buffer && f->buffer == value
                          : f->has_handle && f->handle == value;
    if (!match)
      continue;
    snprintf(why, size, "%s at %s:%d failed with 0x%08X", f->ddi,
             f->site.file ? f->site.file : "<unknown>", f->site.line,
             (unsigned)f->status);
    return 1;
  }
  return 0;
}

void wdfrt_int_faults_reset(void) { failed_count = failed_next = 0; }
