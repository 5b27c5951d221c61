/*
 * site.c - the driver's file:line of the DDI being called.
 *
 * Built for the runtime, the model headers turn every DDI name into a
 * macro that calls wdfrt_int_at(__FILE__, __LINE__) before the call
 * (wdfrt_ntddk_sites.h, wdfrt_wdf_sites.h), so the driver's source stays
 * unchanged and reports point at the driver's own call.
 *
 * The sites form a small stack: in f(a, g(b)) the order in which C
 * evaluates the designator f and the argument g(b) is unspecified, so two
 * sites may be recorded before either call happens; each DDI takes the
 * most recent one, which is its own either way.  The stack is per thread,
 * like the IRQL, and is cleared whenever the framework calls the driver.
 */
#include "wdfrt_internal.h"

#define MAX_PENDING 8

static _Thread_local wdfrt_int_site_t pending[MAX_PENDING];
static _Thread_local size_t pending_count;
static _Thread_local wdfrt_int_site_t last_site;

void wdfrt_int_at(const char *file, int line) {
  if (pending_count == MAX_PENDING) {
    /* Sites nobody took (a DDI's address taken, not called): drop the
       oldest. */
    for (size_t i = 1; i < MAX_PENDING; ++i)
      pending[i - 1] = pending[i];
    --pending_count;
  }
  pending[pending_count].file = file;
  pending[pending_count].line = line;
  ++pending_count;
  last_site = pending[pending_count - 1];
}

wdfrt_int_site_t wdfrt_int_take_site(void) {
  wdfrt_int_site_t none = {NULL, 0};
  return pending_count ? pending[--pending_count] : none;
}

void wdfrt_int_sites_clear(void) { pending_count = 0; }

wdfrt_int_site_t wdfrt_int_last_site(void) { return last_site; }

int wdfrt_last_call(const char **file, int *line) {
  *file = last_site.file;
  *line = last_site.line;
  return last_site.file != NULL;
}
