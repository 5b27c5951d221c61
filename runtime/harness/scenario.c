/*
 * scenario.c - reading scenario steps (see scenario.h for the grammar).
 */
#include "scenario.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_WORDS 8

/* Splits a line into words in place; a '#' ends it. */
static size_t split(char *line, char **words) {
  size_t count = 0;
  char *hash = strchr(line, '#');
  if (hash)
    *hash = '\0';
  for (char *word = strtok(line, " \t\r\n"); word && count < MAX_WORDS;
       word = strtok(NULL, " \t\r\n"))
    words[count++] = word;
  return count;
}

static int number(const char *word, unsigned long long *value) {
  char *end;
  errno = 0;
  *value = strtoull(word, &end, 0);
  return errno == 0 && *end == '\0' && word[0] != '-';
}

static int hex_digit(int c) {
  return isdigit(c) ? c - '0' : tolower(c) - 'a' + 10;
}

static int hex_bytes(const char *word, step_t *step) {
  size_t length = strlen(word);
  if (length % 2 || length / 2 > SCENARIO_MAX_INPUT)
    return 0;
  for (size_t i = 0; i < length; ++i)
    if (!isxdigit((unsigned char)word[i]))
      return 0;
  for (size_t i = 0; i < length / 2; ++i)
    step->input[i] = (unsigned char)(hex_digit(word[2 * i]) * 16 +
                                     hex_digit(word[2 * i + 1]));
  step->request.input = step->input;
  step->request.input_size = length / 2;
  return 1;
}

static int fail(char *error, size_t size, const char *format, const char *what) {
  snprintf(error, size, format, what);
  return -1;
}

static int request(step_t *step, char **words, size_t count, char *error,
                   size_t size) {
  unsigned long long a = 0, b = 0, c = 0;
  const char *verb = words[0];
  wdfrt_request_spec_t *r = &step->request;
  if (!strcmp(verb, "read")) {
    if (count != 2 || !number(words[1], &a))
      return fail(error, size, "'%s' needs a length: read LENGTH", verb);
    r->type = WDFRT_REQUEST_READ;
    r->output_length = a;
    return 0;
  }
  if (!strcmp(verb, "write")) {
    if (count < 2 || count > 3 || !number(words[1], &a))
      return fail(error, size, "'%s' needs a length: write LENGTH [HEX]", verb);
    r->type = WDFRT_REQUEST_WRITE;
    r->input_length = a;
    if (count == 3 && !hex_bytes(words[2], step))
      return fail(error, size, "'%s' is not hex bytes (e.g. 00ff10)", words[2]);
    return 0;
  }
  int internal = !strcmp(verb, "internal-ioctl");
  if (!internal && strcmp(verb, "ioctl"))
    return fail(error, size, "unknown step '%s' (read, write, ioctl, "
                             "internal-ioctl, irql, fail, queue, interrupt, "
                             "open, close, repeat)",
                verb);
  if (count < 4 || count > 5 || !number(words[1], &a) ||
      !number(words[2], &b) || !number(words[3], &c) || a > 0xFFFFFFFFull)
    return fail(error, size, "'%s' needs a code and two lengths: ioctl CODE "
                             "IN OUT [HEX]",
                verb);
  r->type = internal ? WDFRT_REQUEST_INTERNAL_IOCTL : WDFRT_REQUEST_IOCTL;
  r->ioctl = (uint32_t)a;
  r->input_length = b;
  r->output_length = c;
  if (count == 5 && !hex_bytes(words[4], step))
    return fail(error, size, "'%s' is not hex bytes (e.g. 00ff10)", words[4]);
  return 0;
}

int scenario_add(scenario_t *scenario, const char *line, char *error,
                 size_t size) {
  char copy[512], *words[MAX_WORDS];
  unsigned long long value;
  snprintf(copy, sizeof copy, "%s", line);
  size_t count = split(copy, words);
  if (count == 0)
    return 0;
  if (!strcmp(words[0], "repeat")) {
    if (count != 2 || !number(words[1], &value) || value == 0 ||
        value > 100000)
      return fail(error, size, "'%s' needs a count from 1 to 100000", "repeat");
    scenario->repeat = (unsigned)value;
    return 0;
  }
  if (scenario->count == SCENARIO_MAX_STEPS)
    return fail(error, size, "more than %s steps", "256");
  step_t *step = &scenario->steps[scenario->count];
  memset(step, 0, sizeof *step);
  snprintf(step->text, sizeof step->text, "%s", line);
  step->text[strcspn(step->text, "#\r\n")] = '\0';
  /* Without the blanks before a comment: the text is quoted in messages. */
  for (size_t n = strlen(step->text); n > 0 && isspace((unsigned char)step->text[n - 1]); --n)
    step->text[n - 1] = '\0';
  if (!strcmp(words[0], "irql")) {
    if (count != 2 || (strcmp(words[1], "passive") && strcmp(words[1], "dispatch")))
      return fail(error, size, "'%s' takes passive or dispatch", "irql");
    step->kind = STEP_IRQL;
    step->irql = !strcmp(words[1], "passive") ? 0 : -1;
  } else if (!strcmp(words[0], "fail")) {
    if (count != 2 || wdfrt_ddi_by_name(words[1]) < 0)
      return fail(error, size, "'fail' needs an allocating DDI of rules/"
                               "ddis.def, not '%s'",
                  count > 1 ? words[1] : "");
    step->kind = STEP_FAIL;
    snprintf(step->ddi, sizeof step->ddi, "%s", words[1]);
  } else if (!strcmp(words[0], "queue")) {
    int fallback = count == 2 && !strcmp(words[1], "default");
    if (count != 2 || (!fallback && (!number(words[1], &value) || value == 0 ||
                                     value > 1000)))
      return fail(error, size, "'%s' takes a queue number (1 is the first "
                               "queue created) or default",
                  "queue");
    step->kind = STEP_QUEUE;
    step->queue = fallback ? 0 : (unsigned)value;
  } else if (!strcmp(words[0], "wait")) {
    if (count != 2 || !number(words[1], &value) || value == 0 ||
        value > 3600000)
      return fail(error, size, "'%s' takes milliseconds, from 1 to 3600000",
                  "wait");
    step->kind = STEP_WAIT;
    step->wait_ms = (unsigned long)value;
  } else if (!strcmp(words[0], "interrupt") || !strcmp(words[0], "open") ||
             !strcmp(words[0], "close")) {
    if (count != 1)
      return fail(error, size, "'%s' takes no arguments", words[0]);
    step->kind = !strcmp(words[0], "open")    ? STEP_OPEN
                 : !strcmp(words[0], "close") ? STEP_CLOSE
                                              : STEP_INTERRUPT;
  } else {
    step->kind = STEP_REQUEST;
    if (request(step, words, count, error, size) < 0)
      return -1;
  }
  ++scenario->count;
  return 0;
}

int scenario_load(scenario_t *scenario, const char *path, char *error,
                  size_t size) {
  char line[512], message[256];
  FILE *file = fopen(path, "r");
  if (!file) {
    snprintf(error, size, "cannot read the scenario '%s'", path);
    return -1;
  }
  for (int number = 1; fgets(line, sizeof line, file); ++number)
    if (scenario_add(scenario, line, message, sizeof message) < 0) {
      snprintf(error, size, "%s:%d: %s", path, number, message);
      fclose(file);
      return -1;
    }
  fclose(file);
  return 0;
}
