#!/usr/bin/env python3
"""vcxproj.py - wdfcheck on Microsoft's KMDF samples through their own
.vcxproj files, against the open-source KMDF headers, compared with the
measuring harness's compile database (bench/realworld.sh, whose findings are
triaged in test/realworld/triage.txt).

For each project of the list (default: the harness's projects.txt), runs
    wdfcheck compdb <project> --kmdf-headers=<WDF checkout>   (timed: evaluation)
    wdfcheck <project> --kmdf-headers=<WDF checkout> --format=json
and prints the parse rate (files analysed of files the projects compile),
each file that did not compile with its first error, the findings against
the triage file (same / only here / only in the harness run), and the time
spent evaluating projects as a share of the analysis time.

The samples and the WDF headers are taken from git mirrors (fetched, not
shipped): --samples and --wdf name the git directories (default: the
mirrors under /work/.mirror or $MIRRORS).

usage: bench/vcxproj.py [--wdfcheck PATH] [--samples GITDIR] [--wdf GITDIR]
                        [--projects FILE] [--work DIR] [-j N] [--config C]
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def mirror(name):
    base = os.environ.get("MIRRORS", os.path.join(os.path.dirname(ROOT), "..", ".mirror"))
    for candidate in (os.path.join(base, name, "repo"),
                      os.path.join("/work/.mirror", name, "repo")):
        if os.path.isdir(candidate):
            return os.path.abspath(candidate)
    return None


def parse_args():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--wdfcheck", default=os.path.join(ROOT, "build", "bin", "wdfcheck"))
    ap.add_argument("--samples", default=mirror("microsoft+Windows-driver-samples"),
                    help="git dir of microsoft/Windows-driver-samples")
    ap.add_argument("--wdf", default=mirror("microsoft+Windows-Driver-Frameworks"),
                    help="git dir of microsoft/Windows-Driver-Frameworks")
    ap.add_argument("--projects", default=os.path.normpath(
        os.path.join(ROOT, "..", "shared", "realworld", "projects.txt")),
        help="one .vcxproj per line, relative to the samples ('#' comments)")
    ap.add_argument("--triage", default=os.path.join(ROOT, "test", "realworld", "triage.txt"))
    ap.add_argument("--work", default="/tmp/wdfcheck-vcxproj")
    ap.add_argument("--config", default="Debug")
    ap.add_argument("-j", dest="jobs", type=int, default=2)
    return ap.parse_args()


def die(message):
    sys.exit("vcxproj.py: error: " + message)


def extract(gitdir, paths, dest):
    """The HEAD tree's paths into dest (no working-tree filters run)."""
    if os.path.isdir(dest):
        return
    os.makedirs(dest)
    archive = subprocess.run(["git", "--git-dir", gitdir, "archive", "HEAD"] + paths,
                             stdout=subprocess.PIPE, check=True).stdout
    subprocess.run(["tar", "-x", "-C", dest], input=archive, check=True)


def read_projects(path):
    projects = []
    with open(path) as fh:
        for line in fh:
            line = line.split("#", 1)[0].strip()
            if line:
                projects.append(line)
    return projects


def read_triage(path):
    keys = {}
    with open(path) as fh:
        for line in fh:
            if line.startswith("#") or "=" in line.split(" ", 1)[0] or not line.strip():
                continue
            rule, where, verdict = line.split()[:3]
            if rule == "compile-error":
                continue
            keys[(rule, where)] = verdict
    return keys


def example_findings(args, extra, cache):
    run = subprocess.run([args.wdfcheck, os.path.join(ROOT, "examples", "echo", "echo.vcxproj"),
                          "--format=json", "--quiet", "--cache-dir=" + cache] + extra,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         universal_newlines=True)
    report = json.loads(run.stdout)
    return (sorted((f["ruleId"], os.path.basename(f["location"]["file"]), f["location"]["line"])
                   for f in report.get("findings", [])),
            len(report.get("errors", [])))


def compare_example(args, wdf, cache):
    """examples/echo through its .vcxproj with each header set at hand."""
    sets = [("model headers", [])]
    sets.append(("--kmdf-headers", ["--kmdf-headers=" + wdf]))
    if os.environ.get("WDK_DIR"):
        sets.append(("--wdk", ["--wdk=" + os.environ["WDK_DIR"]]))
    results = [(name, example_findings(args, extra, os.path.join(cache, "echo-%d" % i)))
               for i, (name, extra) in enumerate(sets)]
    base = results[0][1]
    print("examples/echo/echo.vcxproj by header set (WDK_DIR=<dir> adds --wdk):")
    for name, (found, errors) in results:
        same = "same as the model headers" if (found, errors) == base else "DIFFERENT"
        print("  %-16s %d findings, %d files not compiled: %s" % (name, len(found), errors, same))


def main():
    args = parse_args()
    if not args.samples or not args.wdf:
        die("no git mirrors of the samples and of WDF (give --samples and --wdf)")
    if not os.path.exists(args.wdfcheck):
        die("no wdfcheck at " + args.wdfcheck + " (build it first)")
    projects = read_projects(args.projects)
    tops = sorted({p.split("/")[0] if not p.startswith(("network/", "security/", "tools/"))
                   else "/".join(p.split("/")[:2]) for p in projects})
    samples = os.path.join(args.work, "samples")
    wdf = os.path.join(args.work, "wdf")
    # The tree's Directory.Build.props is read as MSBuild reads it.
    extract(args.samples, tops + ["Directory.Build.props"], samples)
    extract(args.wdf, ["src/publicinc"], wdf)
    cache = os.path.join(args.work, "cache")
    shutil.rmtree(cache, ignore_errors=True)

    eval_seconds = analysis_seconds = 0.0
    files = analysed = 0
    failures, findings, notes = [], set(), []
    for index, project in enumerate(projects):
        path = os.path.join(samples, project)
        common = ["--kmdf-headers=" + wdf, "--config=" + args.config,
                  "--cache-dir=" + os.path.join(cache, str(index))]
        start = time.monotonic()
        compdb = subprocess.run([args.wdfcheck, "compdb", path] + common,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                universal_newlines=True)
        eval_seconds += time.monotonic() - start
        if compdb.returncode != 0:
            failures.append((project, "project not evaluated: " + compdb.stderr.strip()))
            continue
        files += len(json.loads(compdb.stdout))
        notes += [(project, n) for n in compdb.stderr.splitlines() if n.strip()]
        start = time.monotonic()
        run = subprocess.run([args.wdfcheck, path, "--format=json", "--quiet",
                              "-j", str(args.jobs)] + common,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             universal_newlines=True)
        analysis_seconds += time.monotonic() - start
        try:
            report = json.loads(run.stdout)
        except ValueError:
            failures.append((project, "no JSON report: " + run.stderr.strip()[:300]))
            continue
        for error in report.get("errors", []):
            first = next((l for l in error["message"].splitlines() if "error:" in l),
                         error["message"].splitlines()[0] if error["message"] else "")
            failures.append((os.path.relpath(error["file"], samples), first.strip()))
        analysed += len(json.loads(compdb.stdout)) - len(report.get("errors", []))
        for f in report.get("findings", []):
            loc = f["location"]
            where = os.path.relpath(os.path.realpath(loc["file"]), os.path.realpath(samples))
            findings.add((f["ruleId"], "%s:%d" % (where, loc["line"])))

    print("samples through their .vcxproj (%d projects, %s|x64, --kmdf-headers)" %
          (len(projects), args.config))
    print("parse rate: %d of %d files analysed" % (analysed, files))
    for where, message in failures:
        print("  not analysed: %s: %s" % (where, message))
    if notes:
        print("project notes: %d" % len(notes))
        for project, note in notes:
            print("  %s: %s" % (project, note))
    triage = read_triage(args.triage)
    same = sorted(k for k in findings if k in triage)
    only_here = sorted(k for k in findings if k not in triage)
    only_harness = sorted(k for k in triage if k not in findings)
    print("findings: %d (%d as in the harness run, %d only here, %d only in the harness run)"
          % (len(findings), len(same), len(only_here), len(only_harness)))
    for rule, where in only_here:
        print("  only here:          %s %s" % (rule, where))
    for rule, where in only_harness:
        print("  only in harness run: %s %s" % (rule, where))
    compare_example(args, wdf, cache)
    share = eval_seconds / analysis_seconds if analysis_seconds else 0.0
    print("time: evaluating projects %.1f s, analysis %.1f s (evaluation %.1f%% of it)"
          % (eval_seconds, analysis_seconds, 100 * share))


if __name__ == "__main__":
    main()
