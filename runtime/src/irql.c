/*
 * irql.c - the processor's IRQL, one per thread.
 *
 * The IRQL is what the IRQL rules (WM001, WM008) are about, so the model
 * keeps it exactly as the kernel does: raised and lowered by the driver
 * (KeRaiseIrql, KeLowerIrql, spin locks) and set by the framework before it
 * calls a callback.  Raising to a lower level or lowering to a higher one is
 * a bug check on Windows (IRQL_NOT_GREATER_OR_EQUAL, 0x9); here it is a
 * WM008 report and the IRQL is left as it was.
 */
#include "wdfrt_internal.h"

static _Thread_local unsigned current_irql = PASSIVE_LEVEL;

/* DIRQL is modelled as one level above DISPATCH_LEVEL, as in rules/. */
const char *wdfrt_int_irql_name(unsigned irql) {
  switch (irql) {
  case PASSIVE_LEVEL:
    return "PASSIVE_LEVEL";
  case APC_LEVEL:
    return "APC_LEVEL";
  case DISPATCH_LEVEL:
    return "DISPATCH_LEVEL";
  case WDF_IRQL_DIRQL:
    return "DIRQL";
  default:
    return irql >= HIGH_LEVEL ? "HIGH_LEVEL" : "DIRQL";
  }
}

/* Level columns of rules/irql.def; zero (PASSIVE_LEVEL) for DDIs with no
   row. */
static const int op_levels[WDF_DDI_COUNT] = {
#define WDF_IRQL_OP(Name, Kind, Level, LevelArg, SaveArg, KeyArg)              \
  [WDF_DDI_##Name] = WDF_IRQL_##Level,
#include "irql.def"
};

unsigned wdfrt_int_irql_op_level(enum wdf_ddi_id ddi) {
  int level = op_levels[ddi];
  return level == WDF_IRQL_NONE ? PASSIVE_LEVEL : (unsigned)level;
}

unsigned wdfrt_current_irql(void) { return current_irql; }

/* Every change of the IRQL comes here: paged pool is out above APC_LEVEL
   (paged.c). */
static void set_level(unsigned irql) {
  unsigned old = current_irql;
  current_irql = irql;
  wdfrt_int_paged_irql_changed(old, irql);
}

void wdfrt_set_irql(unsigned irql) { set_level(irql); }

void wdfrt_int_irql_set(unsigned irql) { set_level(irql); }

KIRQL NTAPI KeGetCurrentIrql(VOID) {
  (void)wdfrt_int_take_site();
  return (KIRQL)current_irql;
}

/* Raising is checked against the level it raises to, not a table row:
   every level is allowed, only a lower one is a bug check. */
static KIRQL raise_to(KIRQL new_irql, enum wdf_ddi_id ddi,
                      wdfrt_int_site_t site) {
  KIRQL old = (KIRQL)current_irql;
  if (new_irql < old) {
    wdfrt_int_report_at(WDF_RULE_WM008, site,
                        "%s to %s while at %s: raising to a lower level is bug "
                        "check 0x9 (IRQL_NOT_GREATER_OR_EQUAL)",
                        wdfrt_ddi_name(ddi), wdfrt_int_irql_name(new_irql),
                        wdfrt_int_irql_name(old));
    return old;
  }
  set_level(new_irql);
  return old;
}

/* Reported under its own row, as the checkers name it.  The WDK shape's
   KeRaiseIrql is a macro over KfRaiseIrql, so a driver that wrote
   KeRaiseIrql lands here as well as one that called KfRaiseIrql; the two
   cannot be told apart, and the name KeRaiseIrql would be wrong for the
   second. */
KIRQL NTAPI KfRaiseIrql(KIRQL NewIrql) {
  wdfrt_int_site_t site = wdfrt_int_enter(WDF_DDI_KfRaiseIrql);
  return raise_to(NewIrql, WDF_DDI_KfRaiseIrql, site);
}

VOID NTAPI KeRaiseIrql(KIRQL NewIrql, PKIRQL OldIrql) {
  wdfrt_int_site_t site = wdfrt_int_enter(WDF_DDI_KeRaiseIrql);
  KIRQL old = raise_to(NewIrql, WDF_DDI_KeRaiseIrql, site);
  if (wdfrt_int_check_out(__func__, OldIrql, "OldIrql", site))
    *OldIrql = old;
}

VOID NTAPI KeLowerIrql(KIRQL NewIrql) {
  wdfrt_int_site_t site = wdfrt_int_enter(WDF_DDI_KeLowerIrql);
  if (NewIrql > current_irql) {
    wdfrt_int_report_at(
        WDF_RULE_WM008, site,
        "%s to %s while at %s: lowering to a higher level is bug "
        "check 0x9 (IRQL_NOT_GREATER_OR_EQUAL)",
        wdfrt_ddi_name(WDF_DDI_KeLowerIrql), wdfrt_int_irql_name(NewIrql),
        wdfrt_int_irql_name(current_irql));
    return;
  }
  set_level(NewIrql);
}

KIRQL NTAPI KeRaiseIrqlToDpcLevel(VOID) {
  wdfrt_int_site_t site = wdfrt_int_enter(WDF_DDI_KeRaiseIrqlToDpcLevel);
  KIRQL level = (KIRQL)wdfrt_int_irql_op_level(WDF_DDI_KeRaiseIrqlToDpcLevel);
  return raise_to(level, WDF_DDI_KeRaiseIrqlToDpcLevel, site);
}
