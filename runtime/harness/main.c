/*
 * main.c - the harness: a driver linked with the runtime becomes a program
 * that plays the framework around it.
 *
 *   DriverEntry -> WdfDriverCreate -> EvtDriverDeviceAdd -> queues
 *   -> the scenario's requests (N times, then N more for the leak check)
 *   -> unload
 *
 * Findings are printed once each, in the compiler's format, on standard
 * error, and written as SARIF with --sarif.  The exit status is 0 when the
 * run found nothing, 1 when it found something, 2 when it could not run
 * (bad options or scenario, no device to send requests to, a crash).
 */
#define _POSIX_C_SOURCE 200809L
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <ntddk.h>

#include "scenario.h"
#include "wdfrt.h"

extern DRIVER_INITIALIZE DriverEntry;

/* Under MemorySanitizer a use of never-written bytes in the driver's own
   code is reported and the run goes on (the runtime is built with
   -fsanitize-recover=memory); the sinks are the runtime's to report. */
#if defined(__has_feature)
#if __has_feature(memory_sanitizer)
const char *__msan_default_options(void);
const char *__msan_default_options(void) { return "halt_on_error=0"; }
#endif
#endif

typedef struct options {
  scenario_t scenario;
  const char *sarif, *srcroot;
  unsigned long fail_nth;
  int stop_on_error, leak_check, verbose, quiet, dbgprint;
} options_t;

static options_t options;
static char cwd[4096];
static size_t printed_findings;
static unsigned requests_sent;

static void usage(FILE *out, const char *program) {
  fprintf(out,
          "usage: %s [options] [scenario-file]\n"
          "\n"
          "Runs the driver linked into this program under the wdfcheck\n"
          "runtime model: DriverEntry, EvtDriverDeviceAdd, the scenario's\n"
          "requests, unload.\n"
          "\n"
          "options:\n"
          "  -e, --step STEP      one scenario step, e.g. -e 'read 16',\n"
          "                       -e 'ioctl 0x222000 0 8', -e 'irql passive',\n"
          "                       -e open, -e close\n"
          "  --repeat N           run the scenario N times (the leak check\n"
          "                       runs it N more times)\n"
          "  --irql passive|dispatch  the IRQL of the I/O callbacks\n"
          "  --fail-alloc N|DDI   make the Nth framework allocation, or the\n"
          "                       next call of an allocating DDI, fail\n"
          "  --sarif FILE         write the findings as SARIF 2.1.0\n"
          "  --srcroot DIR        relative source paths are relative to DIR\n"
          "  --stop-on-error      stop at the first finding\n"
          "  --no-leak-check      do not run the scenario twice for leaks\n"
          "  --dbgprint           show the driver's DbgPrint output\n"
          "  --verbose            print each request's completion\n"
          "  --quiet              no summary line\n"
          "\n"
          "exit status: 0 nothing found, 1 findings, 2 the run failed\n",
          program);
}

static int bad_usage(const char *program, const char *message,
                     const char *value) {
  fprintf(stderr, "%s: error: ", program);
  fprintf(stderr, message, value);
  fprintf(stderr, "\n(%s --help shows the usage)\n", program);
  return 2;
}

static int takes_value(const char *arg) {
  static const char *const options_with_values[] = {
      "-e", "--step", "--repeat", "--irql", "--fail-alloc", "--sarif",
      "--srcroot"};
  for (size_t i = 0; i < sizeof options_with_values / sizeof *options_with_values;
       ++i)
    if (!strcmp(arg, options_with_values[i]))
      return 1;
  return 0;
}

static int parse(int argc, char **argv) {
  char error[300];
  const char *scenario_file = NULL;
  options.leak_check = 1;
  options.scenario.repeat = 1;
  for (int i = 1; i < argc; ++i) {
    const char *arg = argv[i];
    const char *value = i + 1 < argc ? argv[i + 1] : NULL;
    int takes = 1;
    if (!strcmp(arg, "-h") || !strcmp(arg, "--help")) {
      usage(stdout, argv[0]);
      exit(0);
    } else if (!strcmp(arg, "--stop-on-error")) {
      options.stop_on_error = 1;
      takes = 0;
    } else if (!strcmp(arg, "--no-leak-check")) {
      options.leak_check = 0;
      takes = 0;
    } else if (!strcmp(arg, "--verbose")) {
      options.verbose = 1;
      takes = 0;
    } else if (!strcmp(arg, "--quiet")) {
      options.quiet = 1;
      takes = 0;
    } else if (!strcmp(arg, "--dbgprint")) {
      options.dbgprint = 1;
      takes = 0;
    } else if (arg[0] == '-' && !takes_value(arg)) {
      return bad_usage(argv[0], "unknown option '%s'", arg);
    } else if (arg[0] == '-' && !value) {
      return bad_usage(argv[0], "'%s' needs a value", arg);
    } else if (!strcmp(arg, "-e") || !strcmp(arg, "--step")) {
      if (scenario_add(&options.scenario, value, error, sizeof error) < 0)
        return bad_usage(argv[0], "%s", error);
    } else if (!strcmp(arg, "--repeat")) {
      snprintf(error, sizeof error, "repeat %s", value);
      char message[200];
      if (scenario_add(&options.scenario, error, message, sizeof message) < 0)
        return bad_usage(argv[0], "%s", message);
    } else if (!strcmp(arg, "--irql")) {
      snprintf(error, sizeof error, "irql %s", value);
      char message[200];
      if (scenario_add(&options.scenario, error, message, sizeof message) < 0)
        return bad_usage(argv[0], "%s", message);
    } else if (!strcmp(arg, "--fail-alloc")) {
      char *end;
      options.fail_nth = strtoul(value, &end, 10);
      if (*end != '\0' || options.fail_nth == 0) {
        options.fail_nth = 0;
        snprintf(error, sizeof error, "fail %s", value);
        char message[200];
        if (scenario_add(&options.scenario, error, message, sizeof message) < 0)
          return bad_usage(argv[0], "--fail-alloc takes a count or a DDI: %s",
                           message);
      }
    } else if (!strcmp(arg, "--sarif")) {
      options.sarif = value;
    } else if (!strcmp(arg, "--srcroot")) {
      options.srcroot = value;
    } else if (scenario_file) {
      return bad_usage(argv[0], "one scenario file only, not also '%s'", arg);
    } else {
      scenario_file = arg;
      takes = 0;
    }
    i += takes;
  }
  if (scenario_file &&
      scenario_load(&options.scenario, scenario_file, error, sizeof error) < 0)
    return bad_usage(argv[0], "%s", error);
  return 0;
}

/* --- the end of a run ------------------------------------------------------------ */

static unsigned summary(void) {
  unsigned per_rule[WDF_RULE_COUNT] = {0};
  size_t findings = wdfrt_finding_count();
  for (size_t i = 0; i < findings; ++i)
    ++per_rule[wdfrt_finding(i)->rule];
  if (options.quiet)
    return (unsigned)findings;
  fprintf(stderr, "wdfrt: %zu finding%s", findings, findings == 1 ? "" : "s");
  const char *separator = " (";
  for (int rule = 0; rule < WDF_RULE_COUNT; ++rule)
    if (per_rule[rule]) {
      fprintf(stderr, "%s%u %s", separator, per_rule[rule],
              wdfrt_rule_id((enum wdf_rule_id)rule));
      separator = ", ";
    }
  fprintf(stderr, "%s in %u request%s", findings ? ")" : "", requests_sent,
          requests_sent == 1 ? "" : "s");
  if (wdfrt_fault_count())
    fprintf(stderr, "; %u driver fault%s", wdfrt_fault_count(),
            wdfrt_fault_count() == 1 ? "" : "s");
  fprintf(stderr, "; never-written bytes: %s\n",
          wdfrt_precise_uninit() ? "MemorySanitizer" : "coarse model");
  return (unsigned)findings;
}

static int finish(void) {
  if (options.sarif &&
      wdfrt_write_sarif(options.sarif, options.srcroot) != 0) {
    fprintf(stderr, "wdfrt: error: cannot write '%s'\n", options.sarif);
    return 2;
  }
  return summary() ? 1 : 0;
}

/* A path as the user typed it: relative to the current directory when
   inside it (CMake compiles with absolute paths). */
static const char *shown(const char *path) {
  size_t length = strlen(cwd);
  if (length && !strncmp(path, cwd, length) && path[length] == '/')
    return path + length + 1;
  return path;
}

/* Prints each finding the first time it is seen. */
static void on_report(const wdfrt_report_t *report, void *arg) {
  (void)arg;
  if (wdfrt_finding_count() <= printed_findings)
    return;
  printed_findings = wdfrt_finding_count();
  fprintf(stderr, "%s:%d: error: %s [%s %s]\n", shown(report->file), report->line,
          report->message, wdfrt_rule_id(report->rule),
          wdfrt_rule_checker(report->rule));
  if (options.stop_on_error) {
    fprintf(stderr, "wdfrt: stopping at the first finding (--stop-on-error)\n");
    exit(finish());
  }
}

/* The driver's own crash ends the run, with what was found so far. */
static void on_crash(int signal_number) {
  const char *file;
  int line;
  if (wdfrt_last_call(&file, &line))
    fprintf(stderr, "wdfrt: error: the driver crashed (signal %d) after its "
                    "call at %s:%d\n",
            signal_number, file, line);
  else
    fprintf(stderr, "wdfrt: error: the driver crashed (signal %d)\n",
            signal_number);
  finish();
  _exit(2);
}

/* --- the run ---------------------------------------------------------------------- */

static const char *status_text(int32_t status, char *buffer, size_t size) {
  snprintf(buffer, size, "0x%08X", (unsigned)status);
  return buffer;
}

/* A handle opened or closed; opens are not requests of the count. */
static int open_file(void) {
  int32_t status;
  char text[16];
  if (wdfrt_file_open(&status) < 0) {
    fprintf(stderr, "wdfrt: error: the driver made no device to open\n");
    return -1;
  }
  if (options.verbose)
    printf("open: status %s%s\n", status_text(status, text, sizeof text),
           NT_SUCCESS(status) ? "" : ", the file object is deleted");
  return 0;
}

static int close_file(void) {
  if (wdfrt_file_close() < 0) {
    fprintf(stderr, "wdfrt: error: 'close' with no handle open (an 'open' "
                    "step must come first)\n");
    return -1;
  }
  if (options.verbose)
    printf("close\n");
  return 0;
}

static int run_step(const step_t *step) {
  wdfrt_completion_t done;
  char text[16];
  switch (step->kind) {
  case STEP_OPEN:
    return open_file();
  case STEP_CLOSE:
    return close_file();
  case STEP_IRQL:
    wdfrt_set_callback_irql(step->irql);
    return 0;
  case STEP_FAIL:
    if (!wdfrt_fail_next(step->ddi)) {
      fprintf(stderr, "wdfrt: error: '%s' allocates nothing; 'fail' needs an "
                      "allocating DDI\n",
              step->ddi);
      return -1;
    }
    return 0;
  case STEP_INTERRUPT:
    wdfrt_fire_interrupts();
    return 0;
  case STEP_WAIT:
    wdfrt_advance_time((uint64_t)step->wait_ms * 10000u);
    return 0;
  case STEP_QUEUE:
    wdfrt_set_target_queue(step->queue);
    return 0;
  case STEP_REQUEST:
    break;
  }
  ++requests_sent;
  if (wdfrt_submit(&step->request, &done) < 0) {
    fprintf(stderr, "wdfrt: error: the driver made no device to send '%s' "
                    "to\n",
            step->text);
    return -1;
  }
  if (!options.verbose)
    return 0;
  if (done.completed)
    printf("request %u (%s): status %s, information %llu\n", requests_sent,
           step->text, status_text(done.status, text, sizeof text),
           (unsigned long long)done.information);
  else
    printf("request %u (%s): pending, the driver holds it\n", requests_sent,
           step->text);
  return 0;
}

static int run_scenario(unsigned times) {
  for (unsigned t = 0; t < times; ++t)
    for (size_t i = 0; i < options.scenario.count; ++i)
      if (run_step(&options.scenario.steps[i]) < 0)
        return -1;
  return 0;
}

int main(int argc, char **argv) {
  char text[16];
  int usage_status = parse(argc, argv);
  if (usage_status)
    return usage_status;
  if (!getcwd(cwd, sizeof cwd))
    cwd[0] = '\0';
  wdfrt_set_report_handler(on_report, NULL);
  wdfrt_set_dbgprint(options.dbgprint);
  wdfrt_fail_allocation(options.fail_nth);
  signal(SIGSEGV, on_crash);
  signal(SIGBUS, on_crash);

  int32_t status = wdfrt_driver_load(DriverEntry);
  if (!NT_SUCCESS(status)) {
    fprintf(stderr, "wdfrt: DriverEntry or EvtDriverDeviceAdd failed with %s; "
                    "no request was sent\n",
            status_text(status, text, sizeof text));
    return finish();
  }
  unsigned repeat = options.scenario.repeat;
  int failed = run_scenario(repeat);
  if (!failed && options.leak_check && requests_sent) {
    wdfrt_leak_checkpoint(requests_sent);
    failed = run_scenario(repeat);
    wdfrt_leak_checkpoint(requests_sent);
    wdfrt_leak_report();
  }
  wdfrt_driver_unload();
  int result = finish();
  return failed ? 2 : result;
}
