/*
 * ddi.c - the rows of rules/ddis.def, checked at run time.
 *
 * The same rows the static checkers read.  A DDI called above its maximum
 * or below its minimum IRQL is WM008; an allocation above the limit of its
 * pool (paged pool above APC_LEVEL, any pool above DISPATCH_LEVEL) is WM001
 * only, as in the catalog.  The argument checks of WM007 (zero size, bad
 * pool tag, executable pool, NULL out-pointer) report instead of bug
 * checking, so the run goes on.
 */
#include "wdfrt_internal.h"

#include <string.h>

typedef struct ddi_limits {
  const char *name;
  int min_irql, max_irql, paged_max_irql;
} ddi_limits_t;

static const ddi_limits_t ddi_table[WDF_DDI_COUNT] = {
#define WDF_DDI(Name, Params, Family, MinIrql, MaxIrql, PagedMaxIrql, PoolArg, \
                PoolKind, TagArg, SizeArg, AttrArg, HandleArg, OutArg,        \
                OutBufArg, BufArg, CheckedMaxIrql, MinimumArg,                \
                LengthArg, SizeOutArg, ConfigArg, Creates)                    \
  [WDF_DDI_##Name] = {#Name, WDF_IRQL_##MinIrql,                              \
                      WDF_IRQL_CHECKED(MaxIrql, CheckedMaxIrql),               \
                      WDF_IRQL_##PagedMaxIrql},
#include "ddis.def"
};

/* DDIs that may run higher when their timeout points to zero. */
typedef struct zero_timeout {
  enum wdf_ddi_id ddi;
  int max_irql;
} zero_timeout_t;

static const zero_timeout_t zero_timeouts[] = {
#define WDF_DDI_ZERO_TIMEOUT(Name, TimeoutArg, MaxIrql)                          {WDF_DDI_##Name, WDF_IRQL_##MaxIrql},
#include "ddis.def"
};

int wdfrt_int_zero_timeout_max_irql(enum wdf_ddi_id ddi) {
  for (size_t i = 0; i < sizeof zero_timeouts / sizeof zero_timeouts[0]; ++i)
    if (zero_timeouts[i].ddi == ddi)
      return zero_timeouts[i].max_irql;
  return -1;
}

const char *wdfrt_ddi_name(enum wdf_ddi_id ddi) {
  return ddi < WDF_DDI_COUNT ? ddi_table[ddi].name : "<unknown DDI>";
}

int wdfrt_ddi_by_name(const char *name) {
  for (int i = 0; i < WDF_DDI_COUNT; ++i)
    if (strcmp(ddi_table[i].name, name) == 0)
      return i;
  return -1;
}

static int is_allocation(const ddi_limits_t *limits) {
  return limits->paged_max_irql != WDF_IRQL_NONE;
}

int wdfrt_int_check_irql(enum wdf_ddi_id ddi, wdfrt_int_pool_t pool,
                         int max_override, wdfrt_int_site_t site) {
  const ddi_limits_t *limits = &ddi_table[ddi];
  int irql = (int)wdfrt_current_irql();
  int max = max_override >= 0 ? max_override : limits->max_irql;
  const char *now = wdfrt_int_irql_name((unsigned)irql);
  if (is_allocation(limits)) {
    if (pool == WDFRT_POOL_PAGED && irql > limits->paged_max_irql) {
      wdfrt_int_report_at(
          WDF_RULE_WM001, site,
          "%s allocates paged pool at %s; paged pool needs <= %s", limits->name,
          now, wdfrt_int_irql_name((unsigned)limits->paged_max_irql));
      return 0;
    }
    if (irql > max) {
      wdfrt_int_report_at(
          WDF_RULE_WM001, site, "%s allocates pool at %s; any pool needs <= %s",
          limits->name, now, wdfrt_int_irql_name((unsigned)max));
      return 0;
    }
  } else if (irql > max) {
    wdfrt_int_report_at(WDF_RULE_WM008, site,
                        "%s called at %s; it may only run at <= %s",
                        limits->name, now, wdfrt_int_irql_name((unsigned)max));
    return 0;
  }
  if (irql < limits->min_irql) {
    wdfrt_int_report_at(WDF_RULE_WM008, site, "%s called at %s; it needs >= %s",
                        limits->name, now,
                        wdfrt_int_irql_name((unsigned)limits->min_irql));
    return 0;
  }
  return 1;
}

int wdfrt_check_ddi_irql(enum wdf_ddi_id ddi, int paged, const char *file,
                         int line) {
  wdfrt_int_site_t site = {file, line};
  return wdfrt_int_check_irql(ddi, paged ? WDFRT_POOL_PAGED : WDFRT_POOL_NONE,
                              -1, site);
}

wdfrt_int_site_t wdfrt_int_enter(enum wdf_ddi_id ddi) {
  wdfrt_int_site_t site = wdfrt_int_take_site();
  wdfrt_int_check_irql(ddi, WDFRT_POOL_NONE, -1, site);
  return site;
}

wdfrt_int_site_t wdfrt_int_enter_pool(enum wdf_ddi_id ddi,
                                      wdfrt_int_pool_t pool) {
  wdfrt_int_site_t site = wdfrt_int_take_site();
  wdfrt_int_check_irql(ddi, pool, -1, site);
  return site;
}

NTSTATUS wdfrt_int_check_allocation(enum wdf_ddi_id ddi, const char *function,
                                    int paged, size_t size,
                                    wdfrt_int_site_t site) {
  if (!wdfrt_int_check_irql(ddi, paged ? WDFRT_POOL_PAGED : WDFRT_POOL_NONPAGED,
                            -1, site))
    return STATUS_INVALID_DEVICE_REQUEST;
  if (!wdfrt_int_check_size(
          function, size, "BufferSize",
          "the framework fails it with STATUS_INVALID_PARAMETER", site))
    return STATUS_INVALID_PARAMETER;
  return STATUS_SUCCESS;
}

/* --- WM007 ---------------------------------------------------------------- */

int wdfrt_int_check_size(const char *ddi, size_t size, const char *what,
                         const char *consequence, wdfrt_int_site_t site) {
  if (size != 0)
    return 1;
  wdfrt_int_report_at(WDF_RULE_WM007, site, "'%s' is 0 in this call of %s: %s",
                      what, ddi, consequence);
  return 0;
}

int wdfrt_int_check_out(const char *ddi, const void *pointer, const char *what,
                        wdfrt_int_site_t site) {
  if (pointer)
    return 1;
  wdfrt_int_report_at(
      WDF_RULE_WM007, site,
      "'%s' is NULL in this call of %s: the framework bug checks "
      "(0x10D WDF_VIOLATION, 0x4 required parameter NULL); the "
      "runtime fails the call instead",
      what, ddi);
  return 0;
}

int wdfrt_int_check_tag(const char *ddi, unsigned long long tag,
                        wdfrt_int_site_t site) {
  int bad = wdf_pool_tag_bad_byte(tag);
  if (bad < 0 && wdf_pool_tag_is_default(tag)) {
    wdfrt_int_report_at(
        WDF_RULE_WM007, site,
        "%s gets the system's default pool tag 0x%08llX: its memory cannot "
        "be told from other drivers' in !pool and poolmon; use a tag of "
        "the driver's own",
        ddi, tag & 0xFFFFFFFFull);
    return 0;
  }
  if (bad < 0)
    return 1;
  wdfrt_int_report_at(
      WDF_RULE_WM007, site,
      "%s gets pool tag 0x%08llX with the byte 0x%02X above 0x7F; "
      "a pool tag is four ASCII characters",
      ddi, tag & 0xFFFFFFFFull, (unsigned)bad);
  return 0;
}

int wdfrt_int_check_pool_type(const char *ddi, unsigned long long pool_type,
                              wdfrt_int_site_t site) {
  if (!wdf_pool_type_is_executable(pool_type))
    return 1;
  wdfrt_int_report_at(
      WDF_RULE_WM007, site,
      "%s allocates executable non-paged memory (pool type %llu); "
      "NonPagedPoolNx serves",
      ddi, pool_type);
  return 0;
}

void wdfrt_int_check_tag_and_pool_type(const char *ddi, unsigned long long tag,
                                       unsigned long long pool_type,
                                       wdfrt_int_site_t site) {
  wdfrt_int_check_tag(ddi, tag, site);
  wdfrt_int_check_pool_type(ddi, pool_type, site);
}

int wdfrt_int_check_pool_flags(const char *ddi, unsigned long long flags,
                               wdfrt_int_site_t site) {
  if ((flags & WDF_POOL_FLAG_NON_PAGED_EXECUTE) == 0)
    return 1;
  wdfrt_int_report_at(
      WDF_RULE_WM007, site,
      "%s allocates executable non-paged memory "
      "(POOL_FLAG_NON_PAGED_EXECUTE); POOL_FLAG_NON_PAGED serves",
      ddi);
  return 0;
}
