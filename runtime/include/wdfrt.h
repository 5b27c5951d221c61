/*
 * wdfrt.h - the wdfcheck runtime model's own API.
 *
 * The runtime plays the Windows kernel and KMDF for a driver built on Linux
 * against the model headers (ntddk.h, wdf.h): the DDIs keep their WDK names
 * and are implemented by the runtime; this header adds what a harness or a
 * test needs to drive and observe it.
 *
 * Preconditions shared by every function here: the runtime needs no
 * initialisation; state is per process, except the IRQL, which is per
 * thread as on a real processor.
 */
#ifndef WDFCHECK_WDFRT_H
#define WDFCHECK_WDFRT_H

#include "wdfrules.h"

#ifdef __cplusplus
extern "C" {
#endif

/* One finding of the runtime: the rule broken, where, and why. */
typedef struct wdfrt_report {
  enum wdf_rule_id rule;
  const char *file; /* the driver's source file, or "<unknown>" */
  int line;
  const char *message;
} wdfrt_report_t;

typedef void wdfrt_report_handler_t(const wdfrt_report_t *report, void *arg);

/* Every report goes to the handler; the default one prints the report to
 * standard error in the compiler's format.  NULL restores the default. */
void wdfrt_set_report_handler(wdfrt_report_handler_t *handler, void *arg);

/* How many reports of a rule (or of all rules, with WDF_RULE_COUNT) were
 * made since the process started or the last wdfrt_reset_reports(). */
unsigned wdfrt_report_count(enum wdf_rule_id rule);
void wdfrt_reset_reports(void);

/* The rule's ID ("WM008") and checker name ("wdf.DdiIrql"). */
const char *wdfrt_rule_id(enum wdf_rule_id rule);
const char *wdfrt_rule_checker(enum wdf_rule_id rule);

/* The calling thread's IRQL, and setting it the way the framework does
 * before it calls a callback (no check, no report). */
unsigned wdfrt_current_irql(void);
void wdfrt_set_irql(unsigned irql);

/* Checks that a DDI may be called at the calling thread's IRQL, per
 * rules/ddis.def; paged says whether the pool involved is paged.  Reports
 * WM001 (pool-dependent limit) or WM008 and returns 0 when it may not. */
int wdfrt_check_ddi_irql(enum wdf_ddi_id ddi, int paged, const char *file,
                         int line);

/* The name of a DDI, for messages. */
const char *wdfrt_ddi_name(enum wdf_ddi_id ddi);

#ifdef __cplusplus
}
#endif

#endif /* WDFCHECK_WDFRT_H */
