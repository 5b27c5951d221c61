/*
 * leaks.c - leaks confirmed by growth.
 *
 * A memory object made during I/O and still parented to the driver at
 * unload may be legitimate (a cache, the last write kept for the next
 * read) or a leak; what tells them apart is growth.  The harness takes a
 * checkpoint after N requests and another after 2N; a creation site whose
 * count of such objects grew is reported.  Which rule depends on whether
 * the driver still holds the handle: the runtime scans, like a
 * conservative leak checker, the places a driver keeps handles (object
 * contexts, live framework buffers and pool, the program's writable data)
 * for the handle's value.  A handle found nowhere is lost (WM004); one
 * still stored belongs to an object without a parent that piles up
 * (WM002).  Handle values carry a tag, so a stray match is unlikely.
 */
#define _GNU_SOURCE
#include <link.h>
#include <stdlib.h>

#include "wdfrt_internal.h"

#define MAX_SITES 256
#define HANDLE_TAG 0x57D0ull

typedef struct leak_site {
  const char *file;
  int line;
  enum wdf_ddi_id ddi;
  unsigned alive[2], lost[2];
} leak_site_t;

static leak_site_t sites[MAX_SITES];
static size_t site_count;
static unsigned checkpoints;
static unsigned requests_at[2];

/* --- the values stored anywhere the driver keeps handles ------------------------ */

typedef struct value_set {
  uint64_t *values;
  size_t count, capacity;
} value_set_t;

static void add_value(value_set_t *set, uint64_t value) {
  if (set->count == set->capacity) {
    size_t capacity = set->capacity ? set->capacity * 2 : 256;
    uint64_t *grown = realloc(set->values, capacity * sizeof *grown);
    if (!grown)
      return;
    set->values = grown;
    set->capacity = capacity;
  }
  set->values[set->count++] = value;
}

/* Reads bytes the driver may never have written: no MSan checks here. */
static WDFRT_NO_MSAN void scan(const void *start, size_t size, void *arg) {
  uintptr_t first = ((uintptr_t)start + 7) & ~(uintptr_t)7;
  uintptr_t end = (uintptr_t)start + size;
  for (uintptr_t p = first; p + 8 <= end; p += 8) {
    uint64_t value = *(const uint64_t *)p;
    if (value >> 48 == HANDLE_TAG)
      add_value(arg, value);
  }
}

static void scan_contexts(wdfrt_int_object_t *object, void *arg) {
  wdfrt_int_contexts_each(object, scan, arg);
}

static int scan_program(struct dl_phdr_info *info, size_t size, void *arg) {
  (void)size;
  for (int i = 0; i < info->dlpi_phnum; ++i) {
    const ElfW(Phdr) *segment = &info->dlpi_phdr[i];
    if (segment->p_type == PT_LOAD && (segment->p_flags & PF_W))
      scan((const void *)(info->dlpi_addr + segment->p_vaddr),
           segment->p_memsz, arg);
  }
  return 1; /* the main program only: the driver is linked into it */
}

static int compare(const void *a, const void *b) {
  uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return x < y ? -1 : x > y;
}

static void collect(value_set_t *set) {
  wdfrt_int_handle_each(scan_contexts, set);
  wdfrt_int_buffers_each(scan, set);
  dl_iterate_phdr(scan_program, set);
  if (set->count)
    qsort(set->values, set->count, sizeof *set->values, compare);
}

static int stored(const value_set_t *set, uint64_t handle) {
  return set->count &&
         bsearch(&handle, set->values, set->count, sizeof handle, compare);
}

/* --- checkpoints ------------------------------------------------------------------- */

static leak_site_t *site_of(const wdfrt_int_object_t *object) {
  for (size_t i = 0; i < site_count; ++i)
    if (sites[i].line == object->created_at.line &&
        sites[i].file == object->created_at.file)
      return &sites[i];
  if (site_count == MAX_SITES)
    return NULL;
  leak_site_t *site = &sites[site_count++];
  *site = (leak_site_t){object->created_at.file, object->created_at.line,
                        object->created_by, {0, 0}, {0, 0}};
  return site;
}

typedef struct census {
  unsigned index;
  value_set_t stored;
} census_t;

static void count(wdfrt_int_object_t *object, void *arg) {
  census_t *census = arg;
  if (object->kind != WDFRT_KIND_MEMORY || !object->during_io ||
      object->state != WDFRT_ALIVE || object->framework_owned ||
      object->parent != wdfrt_int_driver_object())
    return;
  leak_site_t *site = site_of(object);
  if (!site)
    return;
  ++site->alive[census->index];
  if (!stored(&census->stored, object->handle))
    ++site->lost[census->index];
}

void wdfrt_leak_checkpoint(unsigned requests) {
  if (checkpoints >= 2 || !wdfrt_int_driver_object())
    return;
  census_t census = {checkpoints, {NULL, 0, 0}};
  requests_at[checkpoints++] = requests;
  collect(&census.stored);
  wdfrt_int_handle_each(count, &census);
  free(census.stored.values);
}

unsigned wdfrt_leak_report(void) {
  unsigned reports = 0;
  if (checkpoints < 2)
    return 0;
  for (size_t i = 0; i < site_count; ++i) {
    leak_site_t *s = &sites[i];
    wdfrt_int_site_t where = {s->file, s->line};
    wdfrt_int_report_extra_t extra = {NULL, "leak"};
    unsigned kept[2] = {s->alive[0] - s->lost[0], s->alive[1] - s->lost[1]};
    if (s->lost[1] > s->lost[0]) {
      wdfrt_int_report_extra(
          WDF_RULE_WM004, where, &extra,
          "memory objects made here by %s pile up, parented to the driver "
          "with no handle left anywhere: %u after %u requests, %u after %u; "
          "only unload frees them (delete each, or parent it to the request)",
          wdfrt_ddi_name(s->ddi), s->lost[0], requests_at[0], s->lost[1],
          requests_at[1]);
      ++reports;
    }
    if (kept[1] > kept[0]) {
      wdfrt_int_report_extra(
          WDF_RULE_WM002, where, &extra,
          "memory objects made here by %s have no parent and pile up: %u "
          "alive after %u requests, %u after %u, all owned by the driver "
          "until unload (set attributes.ParentObject, or delete them)",
          wdfrt_ddi_name(s->ddi), kept[0], requests_at[0], kept[1],
          requests_at[1]);
      ++reports;
    }
  }
  return reports;
}
