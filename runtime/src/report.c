/*
 * report.c - how the runtime tells the world a rule was broken.
 *
 * One path for every report: count it, hand it to the handler.  The default
 * handler prints one line in the compiler's format, so editors and CI parse
 * runtime findings like static ones.  Nothing here allocates: a report may
 * come from a path that is already short of memory.
 */
#include "wdfrt_internal.h"

#include <stdarg.h>
#include <stdio.h>

static const char *const rule_ids[WDF_RULE_COUNT] = {
#define WDF_RULE(Id, Checker, Severity, Title, Summary, Sdv, Prefast, Codeql) #Id,
#include "rules.def"
};

static const char *const rule_checkers[WDF_RULE_COUNT] = {
#define WDF_RULE(Id, Checker, Severity, Title, Summary, Sdv, Prefast, Codeql) \
  "wdf." #Checker,
#include "rules.def"
};

static unsigned report_counts[WDF_RULE_COUNT];

static void print_report(const wdfrt_report_t *report, void *arg) {
  (void)arg;
  fprintf(stderr, "%s:%d: error: %s [%s %s]\n", report->file, report->line,
          report->message, wdfrt_rule_id(report->rule),
          wdfrt_rule_checker(report->rule));
}

static wdfrt_report_handler_t *report_handler = print_report;
static void *report_handler_arg;

const char *wdfrt_rule_id(enum wdf_rule_id rule) {
  return rule < WDF_RULE_COUNT ? rule_ids[rule] : "WM???";
}

const char *wdfrt_rule_checker(enum wdf_rule_id rule) {
  return rule < WDF_RULE_COUNT ? rule_checkers[rule] : "wdf.?";
}

void wdfrt_set_report_handler(wdfrt_report_handler_t *handler, void *arg) {
  report_handler = handler ? handler : print_report;
  report_handler_arg = handler ? arg : NULL;
}

unsigned wdfrt_report_count(enum wdf_rule_id rule) {
  unsigned total = 0;
  if (rule < WDF_RULE_COUNT)
    return report_counts[rule];
  for (int i = 0; i < WDF_RULE_COUNT; ++i)
    total += report_counts[i];
  return total;
}

void wdfrt_reset_reports(void) {
  for (int i = 0; i < WDF_RULE_COUNT; ++i)
    report_counts[i] = 0;
}

void _wdfrt_report(enum wdf_rule_id rule, const char *file, int line,
                   const char *format, ...) {
  char message[512];
  va_list args;
  va_start(args, format);
  vsnprintf(message, sizeof message, format, args);
  va_end(args);
  if (rule < WDF_RULE_COUNT)
    ++report_counts[rule];
  wdfrt_report_t report = {rule, file ? file : "<unknown>", line, message};
  report_handler(&report, report_handler_arg);
}
