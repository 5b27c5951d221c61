/*
 * sarif.c - the runtime's findings as a SARIF 2.1.0 log.
 *
 * One run of the tool "wdfrt" with the rule catalog (rules/rules.def) as
 * tool.driver.rules and one result per distinct finding: its rule, the
 * driver's file and line, the callback concerned as a logical location,
 * and how often it happened (properties.occurrences).  `wdfcheck confirm`
 * pairs these results with the static analysis's.  Source paths that
 * __FILE__ gave as absolute become file:// URIs; relative ones are given
 * relative to %SRCROOT%, which the log defines.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "wdfrt_internal.h"

#ifndef WDFRT_VERSION
#define WDFRT_VERSION "0.1.0"
#endif

typedef struct rule_info {
  const char *id, *name, *level, *title, *summary;
} rule_info_t;

static const rule_info_t rule_table[WDF_RULE_COUNT] = {
#define WDF_RULE(Id, Checker, Severity, Title, Summary, Sdv, Prefast, Codeql, \
                 Model)                                                        \
  {#Id, #Checker, #Severity, Title, Summary},
#include "rules.def"
};

static void json_string(FILE *out, const char *text) {
  fputc('"', out);
  for (const unsigned char *p = (const unsigned char *)text; *p; ++p) {
    if (*p == '"' || *p == '\\')
      fprintf(out, "\\%c", *p);
    else if (*p == '\n')
      fputs("\\n", out);
    else if (*p < 0x20)
      fprintf(out, "\\u%04x", *p);
    else
      fputc(*p, out);
  }
  fputc('"', out);
}

/* Percent-encodes what a URI path may not hold. */
static void uri_path(FILE *out, const char *path) {
  for (const unsigned char *p = (const unsigned char *)path; *p; ++p) {
    if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
        (*p >= '0' && *p <= '9') || strchr("/-_.~", *p))
      fputc(*p, out);
    else
      fprintf(out, "%%%02X", *p);
  }
}

static void artifact(FILE *out, const char *file) {
  fputs("\"artifactLocation\": {\"uri\": \"", out);
  if (file[0] == '/') {
    fputs("file://", out);
    uri_path(out, file);
    fputs("\"}", out);
    return;
  }
  uri_path(out, file);
  fputs("\", \"uriBaseId\": \"%SRCROOT%\"}", out);
}

static void rules(FILE *out) {
  fputs("      \"rules\": [\n", out);
  for (int i = 0; i < WDF_RULE_COUNT; ++i) {
    const rule_info_t *r = &rule_table[i];
    fprintf(out, "        {\"id\": \"%s\", \"name\": \"%s\", ", r->id, r->name);
    fputs("\"shortDescription\": {\"text\": ", out);
    json_string(out, r->title);
    fputs("}, \"fullDescription\": {\"text\": ", out);
    json_string(out, r->summary);
    fprintf(out,
            "}, \"defaultConfiguration\": {\"level\": \"%s\"}, "
            "\"properties\": {\"checker\": \"wdf.%s\"}}%s\n",
            r->level, r->name, i + 1 < WDF_RULE_COUNT ? "," : "");
  }
  fputs("      ]\n", out);
}

static void result(FILE *out, const wdfrt_finding_t *f, int last) {
  const rule_info_t *r = &rule_table[f->rule];
  fprintf(out, "      {\"ruleId\": \"%s\", \"ruleIndex\": %d, \"level\": \"%s\",\n",
          r->id, (int)f->rule, r->level);
  fputs("       \"message\": {\"text\": ", out);
  json_string(out, f->message);
  fputs("},\n       \"locations\": [{", out);
  int known = f->file && strcmp(f->file, "<unknown>") != 0;
  if (known) {
    fputs("\"physicalLocation\": {", out);
    artifact(out, f->file);
    if (f->line > 0)
      fprintf(out, ", \"region\": {\"startLine\": %d}", f->line);
    fputs("}", out);
  }
  if (f->function) {
    fprintf(out, "%s\"logicalLocations\": [{\"name\": ", known ? ", " : "");
    json_string(out, f->function);
    fputs(", \"kind\": \"function\"}]", out);
  }
  fprintf(out, "}],\n       \"properties\": {\"occurrences\": %u", f->count);
  if (f->kind) {
    fputs(", \"kind\": ", out);
    json_string(out, f->kind);
  }
  fprintf(out, "}}%s\n", last ? "" : ",");
}

int wdfrt_write_sarif(const char *path, const char *srcroot) {
  char cwd[4096];
  FILE *out = fopen(path, "w");
  if (!out)
    return -1;
  if (!srcroot)
    srcroot = getcwd(cwd, sizeof cwd) ? cwd : "/";
  fputs("{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n"
        "  \"version\": \"2.1.0\",\n  \"runs\": [{\n"
        "    \"tool\": {\"driver\": {\n      \"name\": \"wdfrt\",\n"
        "      \"fullName\": \"wdfcheck runtime model\",\n",
        out);
  fprintf(out, "      \"version\": \"%s\",\n", WDFRT_VERSION);
  rules(out);
  fputs("    }},\n    \"invocations\": [{\"executionSuccessful\": true, "
        "\"properties\": {\"uninitializedBytes\": ",
        out);
  fprintf(out, "\"%s\"}}],\n",
          wdfrt_precise_uninit() ? "memory-sanitizer" : "coarse");
  fputs("    \"originalUriBaseIds\": {\"%SRCROOT%\": {\"uri\": \"file://", out);
  uri_path(out, srcroot);
  fputs(srcroot[0] && srcroot[strlen(srcroot) - 1] == '/' ? "\"}},\n"
                                                           : "/\"}},\n",
        out);
  fputs("    \"results\": [\n", out);
  size_t count = wdfrt_finding_count();
  for (size_t i = 0; i < count; ++i)
    result(out, wdfrt_finding(i), i + 1 == count);
  fputs("    ]\n  }]\n}\n", out);
  return fclose(out) == 0 ? 0 : -1;
}
