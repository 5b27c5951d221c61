/*
 * report.c - how the runtime tells the world a rule was broken.
 *
 * One path for every report: format it into a stack buffer, count it,
 * remember it as a finding (the first time its rule, file, line and
 * function are seen), hand it to the handler.  The default handler prints
 * one line in the compiler's format, so editors and CI parse runtime
 * findings like static ones.  Nothing here allocates: a report may come
 * from a path that is already short of memory, so the findings live in a
 * fixed table and what does not fit is counted.
 */
#include "wdfrt_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define MAX_FINDINGS 512
#define MESSAGE_SIZE 400

static const char *const rule_ids[WDF_RULE_COUNT] = {
#define WDF_RULE(Id, Checker, Severity, Title, Summary, Sdv, Prefast, Codeql, \
                 Model)                                                        \
  #Id,
#include "rules.def"
};

static const char *const rule_checkers[WDF_RULE_COUNT] = {
#define WDF_RULE(Id, Checker, Severity, Title, Summary, Sdv, Prefast, Codeql, \
                 Model)                                                        \
  "wdf." #Checker,
#include "rules.def"
};

typedef struct finding_slot {
  wdfrt_finding_t finding;
  char message[MESSAGE_SIZE];
} finding_slot_t;

static unsigned report_counts[WDF_RULE_COUNT];
static finding_slot_t findings[MAX_FINDINGS];
static size_t finding_count;
static unsigned findings_dropped;
static unsigned fault_count;

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
  finding_count = 0;
  findings_dropped = 0;
  fault_count = 0;
}

size_t wdfrt_finding_count(void) { return finding_count; }

const wdfrt_finding_t *wdfrt_finding(size_t index) {
  return index < finding_count ? &findings[index].finding : NULL;
}

unsigned wdfrt_findings_dropped(void) { return findings_dropped; }

unsigned wdfrt_fault_count(void) { return fault_count; }

static int same_text(const char *a, const char *b) {
  if (a == b)
    return 1;
  return a && b && strcmp(a, b) == 0;
}

/* The finding a report belongs to, new or seen before; NULL when the table
   is full.  Returns whether it is new through *fresh. */
static wdfrt_finding_t *remember(enum wdf_rule_id rule, const char *file,
                                 int line,
                                 const wdfrt_int_report_extra_t *extra,
                                 const char *message, int *fresh) {
  const char *function = extra ? extra->function : NULL;
  *fresh = 0;
  for (size_t i = 0; i < finding_count; ++i) {
    wdfrt_finding_t *f = &findings[i].finding;
    if (f->rule == rule && f->line == line && same_text(f->file, file) &&
        same_text(f->function, function)) {
      ++f->count;
      return f;
    }
  }
  if (finding_count == MAX_FINDINGS) {
    ++findings_dropped;
    return NULL;
  }
  finding_slot_t *slot = &findings[finding_count++];
  snprintf(slot->message, sizeof slot->message, "%s", message);
  slot->finding = (wdfrt_finding_t){rule,     file,          line,
                                    function, extra ? extra->kind : NULL,
                                    slot->message, 1};
  *fresh = 1;
  return &slot->finding;
}

static void report_va(enum wdf_rule_id rule, wdfrt_int_site_t site,
                      const wdfrt_int_report_extra_t *extra, const char *format,
                      va_list args) {
  char message[MESSAGE_SIZE];
  int fresh;
  vsnprintf(message, sizeof message, format, args);
  if (rule < WDF_RULE_COUNT)
    ++report_counts[rule];
  const char *file = site.file ? site.file : "<unknown>";
  remember(rule, file, site.line, extra, message, &fresh);
  wdfrt_report_t report = {rule, file, site.line, message,
                           extra ? extra->function : NULL};
  report_handler(&report, report_handler_arg);
}

void wdfrt_int_report(enum wdf_rule_id rule, const char *file, int line,
                      const char *format, ...) {
  va_list args;
  wdfrt_int_site_t site = {file, line};
  va_start(args, format);
  report_va(rule, site, NULL, format, args);
  va_end(args);
}

void wdfrt_int_report_at(enum wdf_rule_id rule, wdfrt_int_site_t site,
                         const char *format, ...) {
  va_list args;
  va_start(args, format);
  report_va(rule, site, NULL, format, args);
  va_end(args);
}

void wdfrt_int_report_extra(enum wdf_rule_id rule, wdfrt_int_site_t site,
                            const wdfrt_int_report_extra_t *extra,
                            const char *format, ...) {
  va_list args;
  va_start(args, format);
  report_va(rule, site, extra, format, args);
  va_end(args);
}

void wdfrt_int_fault(wdfrt_int_site_t site, const char *format, ...) {
  char message[MESSAGE_SIZE];
  va_list args;
  va_start(args, format);
  vsnprintf(message, sizeof message, format, args);
  va_end(args);
  ++fault_count;
  if (site.file)
    fprintf(stderr, "%s:%d: error: %s [driver fault]\n", site.file, site.line,
            message);
  else /* no driver line to blame: a harness's or a model's call */
    fprintf(stderr, "wdfrt: error: %s [driver fault]\n", message);
}
