"""GitHub code scanning's upload rules for a SARIF log, written from its
documentation ("SARIF support for code scanning"): the properties it reads
and the limits beyond which it rejects an upload.  Usage:
check_code_scanning.py <log>; exit 1 with the broken rule printed."""
import json
import sys

# Documented limits (per file, per run, per result).
MAX_RUNS = 20
MAX_RESULTS_PER_RUN = 25000
MAX_RULES_PER_RUN = 25000
MAX_LOCATIONS_PER_RESULT = 1000
MAX_THREAD_FLOW_LOCATIONS = 10000
MAX_TAGS_PER_RULE = 20

problems = []


def need(cond, what):
    if not cond:
        problems.append(what)


log = json.load(open(sys.argv[1], encoding="utf-8"))
need(log.get("version") == "2.1.0", "version 2.1.0")
runs = log.get("runs", [])
need(0 < len(runs) <= MAX_RUNS, "1..20 runs")
for run in runs:
    driver = run["tool"]["driver"]
    rules = driver.get("rules", [])
    results = run.get("results", [])
    need(len(results) <= MAX_RESULTS_PER_RUN, "results per run")
    need(len(rules) <= MAX_RULES_PER_RUN, "rules per run")
    bases = run.get("originalUriBaseIds", {})
    need("%SRCROOT%" in bases, "a %SRCROOT% uriBaseId")
    for rule in rules:
        props = rule.get("properties", {})
        need(rule.get("help", {}).get("markdown"), f"{rule['id']}: help.markdown")
        tags = props.get("tags", [])
        need(tags and len(tags) <= MAX_TAGS_PER_RULE, f"{rule['id']}: properties.tags")
        need(props.get("precision") in ("very-high", "high", "medium", "low"),
             f"{rule['id']}: properties.precision")
        need(props.get("problem.severity") in ("error", "warning", "recommendation"),
             f"{rule['id']}: properties.problem.severity")
    for r in results:
        where = f"{r.get('ruleId')} result"
        need(r.get("partialFingerprints"), f"{where}: partialFingerprints")
        locs = r.get("locations", [])
        need(0 < len(locs) <= MAX_LOCATIONS_PER_RESULT, f"{where}: locations")
        for loc in locs:
            art = loc["physicalLocation"]["artifactLocation"]
            need(art.get("uriBaseId") == "%SRCROOT%" and not art["uri"].startswith(("/", "file:")),
                 f"{where}: repository-relative uri")
        need(len(r.get("relatedLocations", [])) <= MAX_LOCATIONS_PER_RESULT,
             f"{where}: relatedLocations")
        for flow in r.get("codeFlows", []):
            for tf in flow["threadFlows"]:
                need(len(tf["locations"]) <= MAX_THREAD_FLOW_LOCATIONS,
                     f"{where}: threadFlow locations")

if problems:
    print("\n".join(problems))
    sys.exit(1)
print(f"code scanning: ok ({sum(len(r.get('results', [])) for r in runs)} results)")
