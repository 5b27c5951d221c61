#!/usr/bin/env python3
"""check_runtime.py - run every corpus driver under the runtime model and
confirm its static findings with `wdfcheck confirm`.

For each driver of test/corpus: wdfcheck analyses it as a whole (SARIF; a
compile database of its sources, written as check_corpus.py --ctu writes
it, and `wdfcheck -p <db> --ctu`: calls into the driver's other files are
followed, as the run follows them, and the manifest's RULE/ctu entries
count), the driver's harness program (bin/corpus-<driver>[-msan], built by
test/corpus-run/CMakeLists.txt) runs scenarios/<driver>.scenario (SARIF),
and `wdfcheck confirm` pairs the two.  expected.txt lists the seeded bugs
(manifest entries: file, line, rule) the run must confirm.  The check
fails on

  - a listed bug not confirmed (the scenario no longer reaches it, or the
    runtime no longer sees it),
  - a confirmed finding that is not in the manifest (a static false
    positive the runtime "confirmed"),
  - a runtime finding with no static counterpart that expected.txt does not
    list as runtime-only (a false positive of the runtime model),
  - a run that could not be made (exit status 2: the driver did not start,
    crashed, or the scenario is malformed).

Prints per driver what was confirmed, then
`confirmed X of Y expected; Z unexpected` and `N missed, M unexpected`.
Exit status 0 when all is as expected, 1 otherwise, 2 when a tool failed.

usage: check_runtime.py [--bin DIR] [--wdfcheck PATH] [--plain] [--driver NAME ...] [--keep DIR]
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
CORPUS = os.path.join(REPO, "test", "corpus")
MODEL_INCLUDE = os.path.join(REPO, "runtime", "include")
DRIVERS = ["ringbuf", "senshub", "usbstream", "daqcard", "xform",
           "pagedcfg", "evtnotify", "xfer"]

sys.path.insert(0, CORPUS)
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
import check_corpus  # noqa: E402  (the manifest reader, the database writer)

Expected = collections.namedtuple("Expected", "path line rule kind")


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bin", default=os.path.join(REPO, "build", "bin"),
                        help="where wdfcheck and the corpus programs are")
    parser.add_argument("--wdfcheck", help="the wdfcheck command "
                        "(default: wdfcheck in --bin)")
    parser.add_argument("--plain", action="store_true",
                        help="the plain programs (coarse model for "
                             "never-written bytes) instead of the MSan ones")
    parser.add_argument("--driver", action="append",
                        help="only this driver (repeatable)")
    parser.add_argument("--keep", help="keep the SARIF logs in this directory")
    return parser.parse_args()


def read_expected(path):
    """Driver -> list of Expected.  Lines: <path> <line> <rule> [runtime-only]
    with the path relative to test/corpus."""
    table = collections.defaultdict(list)
    with open(path) as fh:
        for number, raw in enumerate(fh, 1):
            line = raw.split("#", 1)[0].strip()
            if not line:
                continue
            fields = line.split()
            if len(fields) not in (3, 4) or not fields[1].isdigit() or \
                    (len(fields) == 4 and fields[3] != "runtime-only"):
                sys.exit(f"{path}:{number}: malformed entry: {raw.rstrip()}")
            kind = fields[3] if len(fields) == 4 else "confirmed"
            entry = Expected(fields[0], int(fields[1]), fields[2], kind)
            table[fields[0].split("/", 1)[0]].append(entry)
    return table


def read_manifest():
    """The manifest's (file, line, rule), read as check_corpus.py --ctu
    reads it: the RULE/ctu entries (bugs whose path crosses files) count,
    since each driver is analysed as a whole."""
    return {(path, line, rule)
            for path, line, rule, _ in check_corpus.read_manifest(CORPUS, ctu=True)}


def sources(driver):
    directory = os.path.join(CORPUS, driver)
    names = sorted(os.listdir(directory))
    return [os.path.join(directory, n) for n in names
            if n.endswith((".c", ".cpp"))]


def run(command, **kwargs):
    return subprocess.run(command, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, universal_newlines=True,
                          cwd=REPO, **kwargs)


def corpus_path(uri):
    """'file:///.../test/corpus/x/y.c' or 'test/corpus/x/y.c' -> 'x/y.c'."""
    path = re.sub(r"^file://", "", uri)
    marker = "test/corpus/"
    return path[path.rfind(marker) + len(marker):] if marker in path else path


def confirmed_results(merged_path):
    """(path, line, rule, confirmed) of every static result."""
    with open(merged_path) as fh:
        log = json.load(fh)
    results = []
    for sarif_run in log.get("runs", []):
        for result in sarif_run.get("results", []):
            location = result["locations"][0]["physicalLocation"]
            uri = location["artifactLocation"]["uri"]
            line = location["region"]["startLine"]
            confirmed = result.get("properties", {}).get("confirmed", False)
            results.append((corpus_path(uri), line, result["ruleId"], confirmed))
    return results


RUNTIME_ONLY = re.compile(r"^\s+runtime only: (\S+?):(\d+)(?::\d+)?: (WM\d+)")


def check_driver(driver, args, expected, manifest, workdir):
    """Returns (confirmed list, missed list, unexpected list)."""
    program = os.path.join(args.bin, f"corpus-{driver}" + ("" if args.plain else "-msan"))
    wdfcheck = args.wdfcheck or os.path.join(args.bin, "wdfcheck")
    scenario = os.path.join(HERE, "scenarios", f"{driver}.scenario")
    static_log = os.path.join(workdir, f"{driver}.static.sarif")
    dynamic_log = os.path.join(workdir, f"{driver}.dynamic.sarif")
    merged_log = os.path.join(workdir, f"{driver}.merged.sarif")
    files = sources(driver)
    cxx = any(f.endswith(".cpp") for f in files)
    flags = (["-std=c++17", "-x", "c++"] if cxx else ["-std=c11"]) + ["-I", MODEL_INCLUDE]

    # The whole driver: its compile database, calls across files followed.
    database = os.path.join(workdir, f"{driver}.db")
    os.makedirs(database, exist_ok=True)
    check_corpus.write_database(database, files, flags)
    proc = run([wdfcheck, "--format=sarif", "--quiet", "-o", static_log,
                "-p", database, "--ctu"])
    if proc.returncode not in (0, 1):
        sys.stderr.write(proc.stderr)
        sys.exit(f"{driver}: wdfcheck failed with status {proc.returncode}")
    if not os.access(program, os.X_OK):
        sys.exit(f"{driver}: {program} is not built (ninja -C build)")
    proc = run([program, "--quiet", "--srcroot", REPO, "--sarif", dynamic_log, scenario])
    if proc.returncode not in (0, 1):
        sys.stderr.write(proc.stderr)
        sys.exit(f"{driver}: the run failed with status {proc.returncode}")
    proc = run([wdfcheck, "confirm", static_log, dynamic_log, "-o", merged_log])
    if proc.returncode != 0:
        sys.stderr.write(proc.stdout + proc.stderr)
        sys.exit(f"{driver}: wdfcheck confirm failed with status {proc.returncode}")

    results = confirmed_results(merged_log)
    confirmed = {(p, l, r) for p, l, r, c in results if c}
    runtime_only = set()
    for line in proc.stdout.splitlines():
        match = RUNTIME_ONLY.match(line)
        if match:
            runtime_only.add((corpus_path(match.group(1)), int(match.group(2)),
                              match.group(3)))

    want = {(e.path, e.line, e.rule) for e in expected if e.kind == "confirmed"}
    allowed_alone = {(e.path, e.line, e.rule) for e in expected if e.kind == "runtime-only"}
    missed = sorted(want - confirmed) + sorted(allowed_alone - runtime_only)
    unexpected = [("confirmed, not in the manifest",) + c
                  for c in sorted(confirmed - manifest)]
    unexpected += [("confirmed, not in expected.txt",) + c
                   for c in sorted((confirmed & manifest) - want)]
    unexpected += [("runtime only",) + c for c in sorted(runtime_only - allowed_alone)]
    return sorted(confirmed & want) + sorted(runtime_only & allowed_alone), missed, unexpected


def main():
    args = parse_args()
    expected = read_expected(os.path.join(HERE, "expected.txt"))
    manifest = read_manifest()
    drivers = args.driver or DRIVERS
    total_want = total_found = 0
    all_missed, all_unexpected = [], []
    with tempfile.TemporaryDirectory() as scratch:
        workdir = args.keep or scratch
        os.makedirs(workdir, exist_ok=True)
        for driver in drivers:
            found, missed, unexpected = check_driver(driver, args, expected[driver],
                                                     manifest, workdir)
            total_want += len(expected[driver])
            total_found += len(found)
            print(f"{driver}: {len(found)} of {len(expected[driver])} confirmed")
            for entry in found:
                print(f"  confirmed: {entry[0]}:{entry[1]} {entry[2]}")
            all_missed += missed
            all_unexpected += unexpected
    print(f"confirmed {total_found} of {total_want} expected; "
          f"{len(all_unexpected)} unexpected")
    for path, line, rule in all_missed:
        print(f"missed: {path}:{line} {rule}")
    for why, path, line, rule in all_unexpected:
        print(f"unexpected ({why}): {path}:{line} {rule}")
    print(f"{len(all_missed)} missed, {len(all_unexpected)} unexpected")
    return 1 if all_missed or all_unexpected else 0


if __name__ == "__main__":
    sys.exit(main())
