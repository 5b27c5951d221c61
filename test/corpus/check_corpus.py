#!/usr/bin/env python3
"""check_corpus.py - run wdfcheck on the driver corpus and compare its
findings with the seeded bugs listed in manifest.txt.

Every manifest entry whose rule this wdfcheck build implements (status
"available" in `wdfcheck list-rules`) must be found: same rule, same file,
same line.  Every finding must be in the manifest.  Entries for rules that
are not available yet are reported as skipped and do not count.

Prints recall and precision per rule, the totals
    found X of Y seeded bugs; Z findings not in the manifest
the lists of misses and extras, and a last line
    N missed, M unexpected
Exit status: 0 when nothing is missed and nothing unexpected, 1 otherwise,
2 when wdfcheck could not run or a corpus file does not compile.

usage: check_corpus.py [--wdfcheck PATH] [--corpus DIR] [--shape plain|wdk]
                       [--ctu] [-j N] [--verbose]
"""
import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", ".."))

# The model headers of this source tree (not the copy in the build tree's
# share/, which is only refreshed by a build).
MODEL_INCLUDE = os.path.join(REPO, "runtime", "include")
C_FLAGS = ["-std=c11", "-I", MODEL_INCLUDE]
CXX_FLAGS = ["-std=c++17", "-x", "c++", "-I", MODEL_INCLUDE]
WDK_SHAPE_FLAGS = ["-DWDFCHECK_WDK_SHAPE=1"]


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wdfcheck",
                        default=os.environ.get(
                            "WDFCHECK",
                            os.path.join(REPO, "build", "bin", "wdfcheck")),
                        help="the wdfcheck command (default: build/bin/wdfcheck)")
    parser.add_argument("--corpus", default=HERE,
                        help="the corpus directory (default: this script's)")
    parser.add_argument("--shape", choices=["plain", "wdk"], default="plain",
                        help="model header shape: plain prototypes, or the "
                             "WDK's FORCEINLINE wrappers (-DWDFCHECK_WDK_SHAPE=1)")
    parser.add_argument("--ctu", action="store_true",
                        help="analyse each driver as a whole (a compile "
                             "database per driver directory, wdfcheck -p "
                             "--ctu); the manifest's RULE/ctu entries count")
    parser.add_argument("-j", dest="jobs", type=int, default=2,
                        help="files analysed at a time (default 2)")
    parser.add_argument("--verbose", action="store_true",
                        help="print each finding's message")
    return parser.parse_args()


def available_rules(wdfcheck):
    """Rule ID -> status, from `wdfcheck list-rules`."""
    out = subprocess.run([wdfcheck, "list-rules"], check=True,
                         stdout=subprocess.PIPE, universal_newlines=True).stdout
    rules = collections.OrderedDict()
    for line in out.splitlines():
        fields = line.split()
        if len(fields) >= 4 and fields[0].startswith("WM") and fields[0][2:].isdigit():
            rules[fields[0]] = fields[3]
    return rules


def read_manifest(corpus, ctu=False):
    """List of (file, line, rule, description); file relative to corpus.

    An entry whose rule is written RULE/ctu crosses files: only the
    whole-driver analysis (wdfcheck --ctu) can find it, so it is listed only
    when ctu is true."""
    entries = []
    path = os.path.join(corpus, "manifest.txt")
    with open(path) as fh:
        for number, raw in enumerate(fh, 1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            fields = line.split(None, 3)
            if len(fields) < 3 or not fields[1].isdigit():
                sys.exit(f"{path}:{number}: malformed entry: {line}")
            description = fields[3] if len(fields) > 3 else ""
            rule, _, mode = fields[2].partition("/")
            if mode not in ("", "ctu"):
                sys.exit(f"{path}:{number}: unknown mode '{mode}': {line}")
            if mode == "ctu" and not ctu:
                continue
            entries.append((fields[0], int(fields[1]), rule, description))
    return entries


def corpus_sources(corpus):
    """(C files, C++ files), absolute, sorted."""
    c_files, cxx_files = [], []
    for directory, subdirs, files in os.walk(corpus):
        subdirs.sort()
        for name in sorted(files):
            full = os.path.join(directory, name)
            if name.endswith(".c"):
                c_files.append(full)
            elif name.endswith((".cpp", ".cc", ".cxx")):
                cxx_files.append(full)
    return c_files, cxx_files


def write_database(database, files, flags):
    """Writes database/compile_commands.json: each file (absolute) compiled
    with flags in its own directory.  Also used by
    test/corpus-run/check_runtime.py."""
    with open(os.path.join(database, "compile_commands.json"), "w") as fh:
        json.dump([{"directory": os.path.dirname(f), "file": f,
                    "arguments": ["clang"] + flags + ["-c", f]}
                   for f in files], fh, indent=1)


def run_wdfcheck(wdfcheck, files, flags, jobs, database=None):
    """Findings as (file, line, column, rule, message); compile errors.
    With a database directory, the files' commands are written there and
    the driver is analysed as a whole (--ctu)."""
    if not files:
        return [], []
    command = [wdfcheck, "--format=json", "--quiet", "-j", str(jobs)]
    if database:
        write_database(database, files, flags)
        command += ["-p", database, "--ctu"]
    else:
        command += files + ["--"] + flags
    proc = subprocess.run(command, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, universal_newlines=True)
    if proc.returncode not in (0, 1, 2):
        sys.stderr.write(proc.stderr)
        sys.exit(f"wdfcheck failed with status {proc.returncode}")
    try:
        report = json.loads(proc.stdout)
    except ValueError:
        sys.stderr.write(proc.stderr)
        sys.exit("wdfcheck printed no JSON report")
    errors = list(report.get("errors", []))
    if proc.returncode == 2 and not errors:
        errors.append(proc.stderr.strip() or "wdfcheck exited with status 2")
    findings = []
    for finding in report.get("findings", []):
        location = finding.get("location", {})
        findings.append((location.get("file", "?"), location.get("line", 0),
                         location.get("column", 0), finding.get("ruleId", "?"),
                         finding.get("message", "")))
    return findings, errors


def driver_groups(corpus, c_files, cxx_files, per_driver):
    """[(C files, C++ files)]: one group per driver directory when each
    driver is analysed as a whole, else one group of everything."""
    if not per_driver:
        return [(c_files, cxx_files)]
    groups = collections.OrderedDict()
    for index, files in enumerate((c_files, cxx_files)):
        for f in files:
            driver = os.path.relpath(f, corpus).split(os.sep)[0]
            groups.setdefault(driver, ([], []))[index].append(f)
    return list(groups.values())


def relative(corpus, path):
    full = path if os.path.isabs(path) else os.path.join(os.getcwd(), path)
    return os.path.relpath(os.path.realpath(full), os.path.realpath(corpus))


def percent(numerator, denominator):
    return "-" if denominator == 0 else f"{100.0 * numerator / denominator:.0f}%"


def main():
    args = parse_args()
    corpus = os.path.abspath(args.corpus)
    rules = available_rules(args.wdfcheck)
    manifest = read_manifest(corpus, ctu=args.ctu)
    c_files, cxx_files = corpus_sources(corpus)

    shape = WDK_SHAPE_FLAGS if args.shape == "wdk" else []
    findings, errors = [], []
    for group in driver_groups(corpus, c_files, cxx_files, args.ctu):
        for files, flags in ((group[0], C_FLAGS), (group[1], CXX_FLAGS)):
            if not files:
                continue
            with tempfile.TemporaryDirectory() as database:
                more, more_errors = run_wdfcheck(
                    args.wdfcheck, files, flags + shape, args.jobs,
                    database if args.ctu else None)
            findings += more
            errors += more_errors

    mode = ", whole drivers (--ctu)" if args.ctu else ""
    print(f"corpus: {len(c_files)} C and {len(cxx_files)} C++ files, "
          f"{len(manifest)} seeded bugs, shape {args.shape}{mode}")
    if errors:
        for error in errors:
            print(f"error: {error}")

    # One finding per rule, file and line (a header seen by several
    # translation units reports once).
    found = collections.OrderedDict()
    for path, line, column, rule, message in findings:
        key = (relative(corpus, path), line, rule)
        found.setdefault(key, (column, message))

    seeded = {}
    for path, line, rule, description in manifest:
        seeded[(path, line, rule)] = description

    stats = collections.OrderedDict(
        (rule, {"seeded": 0, "found": 0, "missed": 0, "extra": 0})
        for rule in rules)
    misses, skipped, extras = [], [], []
    for key, description in sorted(seeded.items()):
        path, line, rule = key
        if rules.get(rule) != "available":
            skipped.append((key, description))
            continue
        stats.setdefault(rule, {"seeded": 0, "found": 0, "missed": 0, "extra": 0})
        stats[rule]["seeded"] += 1
        if key in found:
            stats[rule]["found"] += 1
        else:
            stats[rule]["missed"] += 1
            misses.append((key, description))
    for key, (column, message) in found.items():
        if key not in seeded:
            rule = key[2]
            stats.setdefault(rule, {"seeded": 0, "found": 0, "missed": 0, "extra": 0})
            stats[rule]["extra"] += 1
            extras.append((key, column, message))

    print()
    print(f"{'rule':6} {'status':10} {'seeded':>6} {'found':>6} {'missed':>6} "
          f"{'extra':>6} {'recall':>7} {'precision':>9}")
    for rule, s in stats.items():
        status = rules.get(rule, "unknown")
        if status != "available":
            count = sum(1 for k, _ in skipped if k[2] == rule)
            print(f"{rule:6} {status:10} {count:6} {'-':>6} {'-':>6} {'-':>6} "
                  f"{'-':>7} {'-':>9}  skipped (rule not available)")
            continue
        print(f"{rule:6} {status:10} {s['seeded']:6} {s['found']:6} "
              f"{s['missed']:6} {s['extra']:6} "
              f"{percent(s['found'], s['seeded']):>7} "
              f"{percent(s['found'], s['found'] + s['extra']):>9}")

    total_seeded = sum(s["seeded"] for s in stats.values())
    total_found = sum(s["found"] for s in stats.values())
    print()
    print(f"found {total_found} of {total_seeded} seeded bugs; "
          f"{len(extras)} findings not in the manifest")
    if skipped:
        print(f"{len(skipped)} seeded bugs skipped (rule not available): "
              + ", ".join(sorted(set(k[2] for k, _ in skipped))))

    if misses:
        print()
        print("missed (seeded, not reported):")
        for (path, line, rule), description in misses:
            print(f"  {path}:{line}: {rule} {description}")
    if extras:
        print()
        print("unexpected (reported, not in the manifest):")
        for (path, line, rule), column, message in extras:
            print(f"  {path}:{line}:{column}: {rule} {message}")
    if args.verbose:
        print()
        print("all findings:")
        for (path, line, rule), (column, message) in sorted(found.items()):
            mark = "seeded" if (path, line, rule) in seeded else "EXTRA"
            print(f"  {path}:{line}:{column}: {rule} [{mark}] {message}")
    if skipped and args.verbose:
        print()
        print("skipped (rule not available):")
        for (path, line, rule), description in skipped:
            print(f"  {path}:{line}: {rule} {description}")

    print()
    print(f"{len(misses)} missed, {len(extras)} unexpected")
    if errors:
        return 2
    return 1 if misses or extras else 0


if __name__ == "__main__":
    sys.exit(main())
