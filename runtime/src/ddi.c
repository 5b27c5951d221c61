/*
 * ddi.c - the IRQL limits of rules/ddis.def, checked at run time.
 *
 * The same rows the static checkers read: a DDI called above its maximum or
 * below its minimum IRQL is WM008; a pool allocation above the limit of its
 * (paged) pool type is WM001.
 */
#include "wdfrt_internal.h"

typedef struct ddi_limits {
  const char *name;
  int min_irql, max_irql, paged_max_irql;
} ddi_limits_t;

static const ddi_limits_t ddi_table[WDF_DDI_COUNT] = {
#define WDF_DDI(Name, Params, Family, MinIrql, MaxIrql, PagedMaxIrql, PoolArg, \
                PoolKind, TagArg, SizeArg, AttrArg, HandleArg, OutArg,        \
                OutBufArg, BufArg)                                            \
  {#Name, WDF_IRQL_##MinIrql, WDF_IRQL_##MaxIrql, WDF_IRQL_##PagedMaxIrql},
#include "ddis.def"
};

const char *wdfrt_ddi_name(enum wdf_ddi_id ddi) {
  return ddi < WDF_DDI_COUNT ? ddi_table[ddi].name : "<unknown DDI>";
}

int wdfrt_check_ddi_irql(enum wdf_ddi_id ddi, int paged, const char *file,
                         int line) {
  const ddi_limits_t *limits = &ddi_table[ddi];
  int irql = (int)wdfrt_current_irql();
  if (irql > limits->max_irql) {
    _wdfrt_report(WDF_RULE_WM008, file, line,
                  "%s called at %s; it may only run at <= %s",
                  limits->name, _wdfrt_irql_name((unsigned)irql),
                  _wdfrt_irql_name((unsigned)limits->max_irql));
    return 0;
  }
  if (irql < limits->min_irql) {
    _wdfrt_report(WDF_RULE_WM008, file, line,
                  "%s called at %s; it needs >= %s", limits->name,
                  _wdfrt_irql_name((unsigned)irql),
                  _wdfrt_irql_name((unsigned)limits->min_irql));
    return 0;
  }
  if (paged && limits->paged_max_irql != WDF_IRQL_NONE &&
      irql > limits->paged_max_irql) {
    _wdfrt_report(WDF_RULE_WM001, file, line,
                  "%s allocates paged pool at %s; paged pool needs <= %s",
                  limits->name, _wdfrt_irql_name((unsigned)irql),
                  _wdfrt_irql_name((unsigned)limits->paged_max_irql));
    return 0;
  }
  return 1;
}
