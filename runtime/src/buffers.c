/*
 * buffers.c - the buffers the framework makes: registry and quarantine.
 *
 * Memory objects, pool allocations and request buffers are all made here,
 * so the runtime can tell, for any address a DDI is given, whose buffer it
 * is: a request's output buffer (a sink for WM003), a deleted object's or a
 * completed request's buffer (WM005).  A freed buffer is not given back at
 * once: it is filled with the freed pattern (0xDF) and kept in a bounded
 * quarantine, oldest out first, so a late use through a DDI is recognised
 * and a late direct use reads junk instead of crashing the harness.
 *
 * Lookups walk the lists: a harness run keeps few buffers alive, and the
 * hot path (create, delete) never looks anything up.
 */
#include <stdlib.h>
#include <string.h>

#include "wdfrt_internal.h"

#define QUARANTINE_BUFFERS 4096
#define QUARANTINE_BYTES (64u << 20)

typedef struct buffer_list {
  wdfrt_int_buffer_t *head, *tail;
  size_t count, bytes;
} buffer_list_t;

static buffer_list_t live, quarantine;

static void push(buffer_list_t *list, wdfrt_int_buffer_t *b) {
  b->next = NULL;
  b->prev = list->tail;
  if (list->tail)
    list->tail->next = b;
  else
    list->head = b;
  list->tail = b;
  ++list->count;
  list->bytes += b->size;
}

static void unlink_buffer(buffer_list_t *list, wdfrt_int_buffer_t *b) {
  if (b->prev)
    b->prev->next = b->next;
  else
    list->head = b->next;
  if (b->next)
    b->next->prev = b->prev;
  else
    list->tail = b->prev;
  b->prev = b->next = NULL;
  --list->count;
  list->bytes -= b->size;
}

static void release(wdfrt_int_buffer_t *b) {
  if (b->paged)
    wdfrt_int_paged_free(b->data, b->size);
  else
    free(b->data);
  free(b->written);
  free(b);
}

/* Page-aligned from a page up, as the system allocator returns them. */
static unsigned char *allocate(size_t size) {
  if (size >= PAGE_SIZE) {
    size_t rounded = (size + PAGE_SIZE - 1) & ~(size_t)(PAGE_SIZE - 1);
    return aligned_alloc(PAGE_SIZE, rounded);
  }
  return malloc(size ? size : 1);
}

wdfrt_int_buffer_t *wdfrt_int_buffer_new_in(size_t size, int zeroed,
                                            wdfrt_int_buffer_role_t role,
                                            int paged, wdfrt_int_site_t site) {
  wdfrt_int_buffer_t *b = calloc(1, sizeof *b);
  if (!b)
    return NULL;
  b->paged = paged;
  b->made_in_raise = paged ? wdfrt_int_paged_raise() : 0;
  b->size = size;
  b->data = paged ? wdfrt_int_paged_alloc(size) : allocate(size);
  if (!WDFRT_MSAN)
    b->written = calloc(size / 8 + 1, 1);
  if (!b->data || (!WDFRT_MSAN && !b->written)) {
    release(b);
    return NULL;
  }
  b->role = role;
  b->made_at = site;
  push(&live, b);
  /* Made above APC_LEVEL (a WM001, reported): filled all the same. */
  int was_closed = paged && wdfrt_int_paged_open();
  if (zeroed) {
    memset(b->data, 0, size);
    wdfrt_int_uninit_note_written(b->data, size);
  } else {
    wdfrt_int_uninit_mark_unwritten(b->data, size);
  }
  wdfrt_int_paged_close(was_closed);
  return b;
}

wdfrt_int_buffer_t *wdfrt_int_buffer_new(size_t size, int zeroed,
                                         wdfrt_int_buffer_role_t role,
                                         wdfrt_int_site_t site) {
  return wdfrt_int_buffer_new_in(size, zeroed, role, 0, site);
}

void wdfrt_int_buffer_free(wdfrt_int_buffer_t *b, wdfrt_int_gone_t why,
                           wdfrt_int_site_t site) {
  if (!b || b->freed)
    return;
  unlink_buffer(&live, b);
  b->freed = 1;
  b->gone = why;
  b->freed_at = site;
  /* Freed under a spin lock, paged pool is filled with the arena opened
     for the runtime alone. */
  int was_closed = b->paged && wdfrt_int_paged_open();
  memset(b->data, WDFRT_FILL_FREED, b->size);
  wdfrt_int_paged_close(was_closed);
  push(&quarantine, b);
  while (quarantine.count > QUARANTINE_BUFFERS ||
         quarantine.bytes > QUARANTINE_BYTES) {
    wdfrt_int_buffer_t *oldest = quarantine.head;
    unlink_buffer(&quarantine, oldest);
    release(oldest);
  }
}

static int holds(const wdfrt_int_buffer_t *b, const unsigned char *p) {
  return p >= b->data && p < b->data + (b->size ? b->size : 1);
}

wdfrt_int_buffer_t *wdfrt_int_buffer_find(const void *p, size_t n) {
  const unsigned char *at = p;
  (void)n; /* a range is attributed to the buffer holding its start */
  if (!p)
    return NULL;
  for (wdfrt_int_buffer_t *b = live.tail; b; b = b->prev)
    if (holds(b, at))
      return b;
  for (wdfrt_int_buffer_t *b = quarantine.tail; b; b = b->prev)
    if (holds(b, at))
      return b;
  return NULL;
}

static const char *site_file(wdfrt_int_site_t site) {
  return site.file ? site.file : "<unknown>";
}

int wdfrt_int_check_pointer(const void *p, size_t n, const char *ddi,
                            const char *what, wdfrt_int_site_t site) {
  char why[200];
  if (wdfrt_int_failed_value(p, 1, why, sizeof why)) {
    wdfrt_int_report_at(WDF_RULE_WM009, site,
                        "%s gets %s %p, which a failed create left behind: %s; "
                        "check NT_SUCCESS(status) before using the buffer",
                        ddi, what, p, why);
    return 0;
  }
  if (!p) {
    if (n == 0)
      return 1;
    wdfrt_int_fault(site, "%s gets a NULL %s", ddi, what);
    return 0;
  }
  wdfrt_int_buffer_t *b = wdfrt_int_buffer_find(p, n);
  if (!b || !b->freed || b->role == WDFRT_BUFFER_POOL)
    return 1;
  if (b->role == WDFRT_BUFFER_MEMORY)
    wdfrt_int_report_at(
        WDF_RULE_WM005, site,
        "%s uses %s %p, the buffer of a WDFMEMORY made at %s:%d "
        "and deleted at %s:%d",
        ddi, what, p, site_file(b->made_at), b->made_at.line,
        site_file(b->freed_at), b->freed_at.line);
  else
    wdfrt_int_report_at(
        WDF_RULE_WM005, site,
        "%s uses %s %p, a buffer of a request completed at %s:%d", ddi, what, p,
        site_file(b->freed_at), b->freed_at.line);
  return 1;
}

void wdfrt_int_buffers_each(void (*visit)(const void *, size_t, void *),
                            void *arg) {
  /* The leak scan reads paged buffers too, whatever the IRQL was left at. */
  int was_closed = wdfrt_int_paged_open();
  for (wdfrt_int_buffer_t *b = live.head; b; b = b->next)
    visit(b->data, b->size, arg);
  wdfrt_int_paged_close(was_closed);
}

void wdfrt_int_buffers_reset(void) {
  while (quarantine.head) {
    wdfrt_int_buffer_t *b = quarantine.head;
    unlink_buffer(&quarantine, b);
    release(b);
  }
}
