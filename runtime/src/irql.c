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

#include <ntddk.h>

static _Thread_local unsigned current_irql = PASSIVE_LEVEL;

/* DIRQL is modelled as one level above DISPATCH_LEVEL, as in rules/. */
const char *_wdfrt_irql_name(unsigned irql) {
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

unsigned wdfrt_current_irql(void) { return current_irql; }

void wdfrt_set_irql(unsigned irql) { current_irql = irql; }

KIRQL NTAPI KeGetCurrentIrql(VOID) { return (KIRQL)current_irql; }

KIRQL NTAPI KfRaiseIrql(KIRQL NewIrql) {
  KIRQL old = (KIRQL)current_irql;
  if (NewIrql < old) {
    _wdfrt_report(WDF_RULE_WM008, NULL, 0,
                  "%s to %s while at %s: raising to a lower level is bug "
                  "check 0x9 (IRQL_NOT_GREATER_OR_EQUAL)",
                  wdfrt_ddi_name(WDF_DDI_KeRaiseIrql), _wdfrt_irql_name(NewIrql),
                  _wdfrt_irql_name(old));
    return old;
  }
  current_irql = NewIrql;
  return old;
}

#if !WDFCHECK_SHAPE_IS_WDK
VOID NTAPI KeRaiseIrql(KIRQL NewIrql, PKIRQL OldIrql) {
  *OldIrql = KfRaiseIrql(NewIrql);
}
#endif

VOID NTAPI KeLowerIrql(KIRQL NewIrql) {
  if (NewIrql > current_irql) {
    _wdfrt_report(WDF_RULE_WM008, NULL, 0,
                  "%s to %s while at %s: lowering to a higher level is bug "
                  "check 0x9 (IRQL_NOT_GREATER_OR_EQUAL)",
                  wdfrt_ddi_name(WDF_DDI_KeLowerIrql), _wdfrt_irql_name(NewIrql),
                  _wdfrt_irql_name(current_irql));
    return;
  }
  current_irql = NewIrql;
}

KIRQL NTAPI KeRaiseIrqlToDpcLevel(VOID) { return KfRaiseIrql(DISPATCH_LEVEL); }
