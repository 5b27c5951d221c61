/*
 * uninit.c - never-written bytes.
 *
 * Output buffers, WdfMemoryCreate buffers and uninitialised pool start
 * never written.  Two models answer "which of these bytes were never
 * written" at a sink (a copy into a request's output buffer, a completion
 * that reports Information bytes):
 *
 * - under MemorySanitizer (-fsanitize=memory, the -msan build), new
 *   buffers are poisoned and the shadow follows every write and copy the
 *   driver makes, struct padding included; __msan_test_shadow, walked over
 *   the range, lists the never-written spans byte for byte;
 * - otherwise a coarse model: new buffers are filled with 0xD0 and carry
 *   one "written" bit per byte, set by the runtime's own writes (DDI
 *   copies, RtlZeroMemory, ...) and copied along by RtlCopyMemory; a byte
 *   counts as never written when its bit is clear and it still holds 0xD0.
 *   The driver's direct stores change the value; a direct store of 0xD0
 *   itself, or a memcpy over bytes the runtime marked, fools it.
 */
#include <stdio.h>
#include <string.h>

#include "wdfrt_internal.h"

#if WDFRT_MSAN
#include <sanitizer/msan_interface.h>
#endif

int wdfrt_precise_uninit(void) { return WDFRT_MSAN; }

/* --- the coarse model's bits ------------------------------------------------- */

static void set_bit(unsigned char *bits, size_t i, int value) {
  unsigned char mask = (unsigned char)(1u << (i % 8));
  if (value)
    bits[i / 8] |= mask;
  else
    bits[i / 8] &= (unsigned char)~mask;
}

/* Bits [offset, offset + n) of the buffer, whole bytes at a time where the
   range allows: a page-sized buffer is marked on every create. */
static void set_bits(wdfrt_int_buffer_t *b, size_t offset, size_t n,
                     int value) {
  if (!b->written)
    return;
  size_t end = offset + n < b->size ? offset + n : b->size;
  if (offset >= end)
    return;
  size_t i = offset;
  for (; i < end && i % 8; ++i)
    set_bit(b->written, i, value);
  size_t whole = (end - i) / 8;
  memset(b->written + i / 8, value ? 0xFF : 0, whole);
  for (i += whole * 8; i < end; ++i)
    set_bit(b->written, i, value);
}

static WDFRT_NO_MSAN int byte_written(const wdfrt_int_buffer_t *b, size_t i) {
  if (b->written && (b->written[i / 8] >> (i % 8)) & 1)
    return 1;
  return b->data[i] != WDFRT_FILL_UNWRITTEN;
}

/* The tracked buffer holding p, and p's offset in it. */
static wdfrt_int_buffer_t *locate(const void *p, size_t *offset) {
  wdfrt_int_buffer_t *b = wdfrt_int_buffer_find(p, 0);
  if (b)
    *offset = (size_t)((const unsigned char *)p - b->data);
  return b;
}

void wdfrt_int_uninit_mark_unwritten(void *p, size_t n) {
  size_t offset;
  memset(p, WDFRT_FILL_UNWRITTEN, n);
#if WDFRT_MSAN
  __msan_poison(p, n);
#endif
  wdfrt_int_buffer_t *b = locate(p, &offset);
  if (b)
    set_bits(b, offset, n, 0);
}

void wdfrt_int_uninit_note_written(void *p, size_t n) {
  size_t offset = 0;
  wdfrt_int_buffer_t *b = WDFRT_MSAN ? NULL : locate(p, &offset);
  if (b)
    set_bits(b, offset, n, 1);
}

void wdfrt_int_uninit_mark_reported(void *p, size_t n) {
#if WDFRT_MSAN
  __msan_unpoison(p, n);
#else
  wdfrt_int_uninit_note_written(p, n);
#endif
}

void wdfrt_int_uninit_note_copy(void *dst, const void *src, size_t n) {
  size_t to, from;
  if (WDFRT_MSAN)
    return;
  wdfrt_int_buffer_t *d = locate(dst, &to);
  if (!d)
    return;
  wdfrt_int_buffer_t *s = locate(src, &from);
  for (size_t i = 0; i < n && to + i < d->size; ++i) {
    int written = !s || from + i >= s->size || byte_written(s, from + i);
    set_bits(d, to + i, 1, written);
  }
}

/* --- finding never-written spans ---------------------------------------------- */

static size_t add_range(wdfrt_int_range_t *ranges, size_t max, size_t count,
                        size_t first, size_t last) {
  if (count < max)
    ranges[count] = (wdfrt_int_range_t){first, last};
  return count + 1;
}

#if WDFRT_MSAN
size_t wdfrt_int_uninit_find(const void *p, size_t n, wdfrt_int_range_t *ranges,
                             size_t max) {
  const unsigned char *bytes = p;
  size_t count = 0, at = 0;
  while (at < n) {
    intptr_t first = __msan_test_shadow(bytes + at, n - at);
    if (first < 0)
      break;
    size_t start = at + (size_t)first, end = start;
    while (end + 1 < n && __msan_test_shadow(bytes + end + 1, 1) == 0)
      ++end;
    count = add_range(ranges, max, count, start, end);
    at = end + 1;
  }
  return count;
}
#else
size_t wdfrt_int_uninit_find(const void *p, size_t n, wdfrt_int_range_t *ranges,
                             size_t max) {
  size_t offset, count = 0;
  wdfrt_int_buffer_t *b = locate(p, &offset);
  if (!b)
    return 0; /* not a framework buffer: the coarse model knows nothing */
  size_t i = 0;
  while (i < n) {
    if (offset + i >= b->size || byte_written(b, offset + i)) {
      ++i;
      continue;
    }
    size_t start = i;
    while (i + 1 < n && offset + i + 1 < b->size &&
           !byte_written(b, offset + i + 1))
      ++i;
    count = add_range(ranges, max, count, start, i);
    ++i;
  }
  return count;
}
#endif

char *wdfrt_int_format_ranges(const wdfrt_int_range_t *ranges, size_t count,
                              size_t total, char *out, size_t size) {
  size_t used = 0;
  int single = count == 1 && ranges[0].first == ranges[0].last;
  used += (size_t)snprintf(out, size, single ? "byte " : "bytes ");
  for (size_t i = 0; i < count && used < size; ++i) {
    const char *separator = i == 0 ? "" : i + 1 == count ? " and " : ", ";
    if (ranges[i].first == ranges[i].last)
      used += (size_t)snprintf(out + used, size - used, "%s%zu", separator,
                               ranges[i].first);
    else
      used += (size_t)snprintf(out + used, size - used, "%s%zu-%zu",
                               separator, ranges[i].first, ranges[i].last);
  }
  if (total > count && used < size)
    snprintf(out + used, size - used, " and %zu more spans", total - count);
  return out;
}

size_t wdfrt_int_uninit_check_sink(const void *src, size_t n, const char *what,
                                   wdfrt_int_site_t site) {
  enum { MAX_SPANS = 8 };
  wdfrt_int_range_t ranges[MAX_SPANS];
  char spans[200];
  size_t count = wdfrt_int_uninit_find(src, n, ranges, MAX_SPANS);
  if (count == 0)
    return 0;
  wdfrt_int_format_ranges(ranges, count < MAX_SPANS ? count : MAX_SPANS, count,
                          spans, sizeof spans);
  wdfrt_int_report_at(WDF_RULE_WM003, site,
                      "%s %zu bytes to the request's output buffer; %s of them "
                      "were never written and disclose kernel memory",
                      what, n, spans);
  return count;
}

void wdfrt_int_copy(void *dst, const void *src, size_t n, int overlap,
                    const char *what, wdfrt_int_site_t site) {
  size_t spans = 0;
  if (wdfrt_int_request_output_of(dst, n))
    spans = wdfrt_int_uninit_check_sink(src, n, what, site);
  if (overlap)
    memmove(dst, src, n);
  else
    memcpy(dst, src, n);
  wdfrt_int_uninit_note_copy(dst, src, n);
  if (spans)
    wdfrt_int_uninit_mark_reported(dst, n);
}
