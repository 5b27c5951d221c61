#!/usr/bin/env python3
"""The work of bench/realworld.sh (see there and bench/README.md).

Runs wdfcheck and `clang --analyze` (core checkers) on each entry of a
compile database of Microsoft's KMDF samples, one process per file and tool,
measures each process's wall time and peak RSS (os.wait4), and compares
wdfcheck's findings with the triage file.

Exit status: 0 the run matches the triage file, 1 findings differ from it,
2 a tool could not do its job (or bad usage, bad input).
"""
import argparse, collections, json, os, re, signal, subprocess, sys, tempfile, threading, time, traceback
import urllib.parse

COMPILE_ERROR = "compile-error"  # the rule of a file wdfcheck could not compile
VERDICTS = ("true", "false", "untriaged")
ENTRY = re.compile(r"^(\S+)\s+(.+):(\d+)\s+(" + "|".join(VERDICTS) + r")(?:\s+(.*))?$")
COMMITS = ("samples_commit", "wdf_commit")

HEADER = """\
# wdfcheck's findings on Microsoft's KMDF samples (bench/realworld.sh), triaged.
#
# One finding per line:   RULE FILE:LINE  VERDICT  REASON
#   RULE     the SARIF ruleId (WM008, ...); compile-error for a file wdfcheck
#            could not compile (LINE: its first error)
#   FILE     relative to <database>/src/ (a header outside it: relative too,
#            e.g. ../wdf/kmdf/1.33/wdfmemory.h)
#   VERDICT  true (a real bug; for compile-error: the code really does not
#            compile with clang), false (a false alarm; for compile-error:
#            wdfcheck's fault), untriaged (nobody has looked yet)
#   REASON   the rest of the line: why, in one line
# RULE, FILE and LINE are the key a finding is matched by.  The line below
# names the commits of microsoft/Windows-driver-samples and
# microsoft/Windows-Driver-Frameworks the lines refer to (prepare.info).
# `bench/realworld.sh --write-triage` rewrites this file from a run, keeping
# the verdicts and reasons of the findings still found.
"""


def die(msg):
    print(f"realworld: {msg}", file=sys.stderr)
    sys.exit(2)


def fmt(key):
    return f"{key[0]} {key[1]}:{key[2]}"


def short(message, width=100):
    return message if len(message) <= width else message[:width - 3] + "..."


def read_info(db):
    """prepare.info as a dict (empty if it is missing)."""
    try:
        with open(os.path.join(db, "prepare.info")) as f:
            return dict(l.rstrip("\n").split("=", 1) for l in f if "=" in l)
    except OSError:
        return {}


def read_triage(path):
    """(commits dict, {(rule, file, line): (verdict, reason)}) of a triage file."""
    commits, entries = {}, {}
    try:
        with open(path) as f:
            lines = f.read().splitlines()
    except (OSError, UnicodeDecodeError) as e:
        die(f"cannot read the triage file {path}: {e}" +
            ("\n  --write-triage creates it" if isinstance(e, FileNotFoundError) else ""))
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith(COMMITS[0] + "="):
            commits = dict(w.split("=", 1) for w in line.split() if "=" in w)
            continue
        m = ENTRY.match(line)
        if not m:
            die(f"{path}:{n}: not 'RULE FILE:LINE VERDICT REASON' (verdict one of {', '.join(VERDICTS)}): {line}")
        key = (m[1], m[2], int(m[3]))
        if key in entries:
            die(f"{path}:{n}: {fmt(key)} is listed twice")
        entries[key] = (m[4], m[5] or "")
    return commits, entries


def write_triage(path, info, found, old):
    keys = sorted(found, key=lambda k: (k[0] == COMPILE_ERROR, k))
    width = max((len(fmt(k)) for k in keys), default=0)
    with open(path, "w") as f:
        f.write(HEADER)
        f.write(" ".join(f"{k}={info.get(k, 'unknown')}" for k in COMMITS) + "\n")
        for k in keys:
            verdict, reason = old.get(k, ("untriaged", ""))
            f.write(f"{fmt(k):{width}}  {verdict:9}  {reason}".rstrip() + "\n")


def entry_args(e):
    """The compiler arguments of a database entry without the compiler, -c and the file."""
    args = list(e["arguments"][1:])
    if args[-2:] != ["-c", e["file"]]:
        die(f"compile_commands.json: the entry of {e['file']} does not end in '-c <file>'")
    return args[:-2]


class Run:
    """One process: a tool on one file."""

    def __init__(self, tool, index, cmd, cwd, stderr):
        self.tool, self.index, self.cmd, self.cwd, self.stderr = tool, index, cmd, cwd, stderr
        self.code = None  # exit status, -signal, "timeout" or "cannot start: ..."
        self.seconds = self.rss_kb = 0

    def ok(self):
        return self.code in ((0, 1) if self.tool == "wdfcheck" else (0,))

    def first_line(self):
        """The first line of the stderr."""
        try:
            with open(self.stderr, errors="replace") as f:
                return f.readline().strip()
        except OSError:
            return ""

    def first_error(self):
        """(file, line, text) of the first 'error:' line of the stderr, or None."""
        try:
            with open(self.stderr, errors="replace") as f:
                for line in f:
                    m = re.match(r"^(.*?):(\d+):\d+: (?:fatal )?error: (.*)$", line.rstrip())
                    if m:
                        return m[1], int(m[2]), m[3]
        except OSError:
            pass
        return None


def run_all(runs, jobs, timeout):
    """Runs every Run, `jobs` at a time, filling in code, seconds and rss_kb;
    yields each one when it has finished."""
    queue, running, timed_out = list(runs), {}, set()

    def kill(pid):
        timed_out.add(pid)
        try:
            os.killpg(pid, signal.SIGKILL)
        except OSError:
            pass

    try:
        while queue or running:
            while queue and len(running) < jobs:
                r = queue.pop(0)
                t0 = time.monotonic()
                try:
                    with open(r.stderr, "wb") as err:
                        p = subprocess.Popen(r.cmd, cwd=r.cwd, stdin=subprocess.DEVNULL,
                                             stdout=subprocess.DEVNULL, stderr=err, start_new_session=True)
                except OSError as e:
                    r.code = f"cannot start: {e}"
                    yield r
                    continue
                timer = threading.Timer(timeout, kill, (p.pid,))
                timer.start()
                running[p.pid] = (r, p, t0, timer)
            if not running:
                continue
            pid, status, usage = os.wait4(-1, 0)  # the rusage of this one child
            t1 = time.monotonic()
            r, p, t0, timer = running.pop(pid)
            timer.cancel()
            p.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
            r.code = "timeout" if pid in timed_out else p.returncode
            r.seconds, r.rss_kb = t1 - t0, usage.ru_maxrss
            yield r
    finally:  # interrupted: stop the processes still running
        for pid, (_, p, _, timer) in running.items():
            timer.cancel()
            kill(pid)
            p.wait()


def sarif_findings(path, cwd):
    """[(rule, absolute file, line, message)] of the results of a SARIF file."""
    with open(path) as f:
        sarif = json.load(f)
    out = []
    for run in sarif.get("runs", []):
        bases = {k: v.get("uri", "") for k, v in (run.get("originalUriBaseIds") or {}).items()}
        for res in run.get("results", []):
            phys = (res.get("locations") or [{}])[0].get("physicalLocation", {})
            art = phys.get("artifactLocation", {})
            uri = urllib.parse.urljoin(bases.get(art.get("uriBaseId"), ""), art.get("uri", ""))
            if uri.startswith("file:"):
                uri = urllib.parse.unquote(urllib.parse.urlparse(uri).path)
            out.append((res.get("ruleId", "?"), os.path.join(cwd, uri),
                        phys.get("region", {}).get("startLine", 0),
                        res.get("message", {}).get("text", "")))
    return out


def failure(r, name, timeout):
    """A line on a Run that failed."""
    what = (f"killed by signal {-r.code}" if isinstance(r.code, int) and r.code < 0 else
            f"exit status {r.code}" if isinstance(r.code, int) else
            f"timeout ({timeout} s)" if r.code == "timeout" else r.code)
    line = r.first_line()
    return f"{r.tool} {name}: {what}" + (f": {short(line)}" if line else "")


def whole_driver(a, db, entries, out, rel, single_found):
    """The database analysed as a whole: `wdfcheck -p` (each file on its
    own) against `wdfcheck -p --ctu` (calls followed across files), the
    index built cold and then reused.  Prints wall time, peak RSS, the index
    build's share, and compares the findings only --ctu makes with the
    cross-file triage file.  Returns 0, 1 (differs) or 2 (a run failed)."""
    files = [e["file"] for e in entries] if a.files else []
    cache = os.path.join(db, ".wdfcheck-ctu")
    if os.path.isdir(cache):
        for name in os.listdir(cache):
            os.remove(os.path.join(cache, name))
    modes = (("single-file", []), ("--ctu, cold", ["--ctu"]), ("--ctu, index reused", ["--ctu"]))
    runs = []
    for n, (name, flags) in enumerate(modes):
        sarif = os.path.join(out, f"whole-{n}.sarif")
        runs.append(Run("wdfcheck", n, [a.wdfcheck, "-p", db, *flags, "-j", str(a.j),
                                        "--format=sarif", "-o", sarif, *files],
                        db, os.path.join(out, f"whole-{n}.err")))
    for r in runs:  # one after the other: each may use -j cores
        for _ in run_all([r], 1, a.timeout * len(entries)):
            pass
    # Status 2 with a SARIF file: a file of the database does not compile,
    # which the per-file runs above already list.
    failed = [failure(r, modes[r.index][0], a.timeout) for r in runs
              if r.code not in (0, 1, 2) or not os.path.exists(os.path.join(out, f"whole-{r.index}.sarif"))]
    print(f"\nwhole database ({len(entries)} files, -j{a.j}, one process each run):")
    print(f"  {'':24} {'wall s':>8} {'peak RSS':>9}")
    for r in runs:
        print(f"  {modes[r.index][0]:24} {r.seconds:8.1f} {r.rss_kb // 1024:6} MB")
    if failed:
        for f in failed:
            print(f"  FAILED {f}")
        return 2
    single, cold, warm = runs
    build = None
    with open(cold.stderr, errors="replace") as f:
        m = re.search(r"cross-file index of (\d+) functions from (\d+) files built in ([0-9.]+) s", f.read())
        if m:
            build = (int(m[1]), int(m[2]), float(m[3]))
    print(f"  {'--ctu / single-file':24} {cold.seconds / single.seconds:7.2f}x "
          f"{cold.rss_kb / single.rss_kb:8.2f}x  (index reused: {warm.seconds / single.seconds:.2f}x)")
    if build:
        print(f"  index: {build[0]} functions of {build[1]} files, built in {build[2]:.1f} s "
              f"({100 * build[2] / cold.seconds:.0f}% of the cold --ctu run)")

    found = collections.defaultdict(list)
    for rule, path, line, msg in sarif_findings(os.path.join(out, "whole-1.sarif"), db):
        found[(rule, rel(path), line)].append(msg)
    single_whole = {(rule, rel(path), line)
                    for rule, path, line, _ in sarif_findings(os.path.join(out, "whole-0.sarif"), db)}
    # The --ctu run's findings, every one triaged in the cross-file triage
    # file (a use the single-file run reports at a call is reported inside
    # the callee once the callee is followed: it moves).
    path = a.ctu_triage or os.path.join(os.path.dirname(a.triage), "triage-ctu.txt")
    _, triage = read_triage(path) if os.path.exists(path) else ({}, {})
    chosen = {rel(f) for f in files}
    new = sorted(k for k in found if k not in triage)
    gone = sorted(k for k in triage if k not in found and (not a.files or k[1] in chosen))
    verdicts = collections.Counter(triage[k][0] for k in found if k in triage)
    print(f"  findings: single-file {len(single_whole)}, --ctu {len(found)} "
          f"({verdicts['true']} true, {verdicts['false']} false alarm, {verdicts['untriaged']} untriaged, "
          f"{len(new)} not in {os.path.basename(path)})")
    for k in sorted(set(found) - single_whole):
        print(f"    only with --ctu: {fmt(k)}  {triage.get(k, ('NEW',))[0]}  {short(found[k][0])}")
    for k in sorted(single_whole - set(found)):
        print(f"    only single-file: {fmt(k)}")
    for k in gone:
        print(f"  GONE (in {os.path.basename(path)}, no longer found): {fmt(k)}")
    for k in new:
        print(f"  NEW (not in {os.path.basename(path)}): {fmt(k)}  {short(found[k][0])}")
    if single_whole != {k for k in single_found if k[0] != COMPILE_ERROR}:
        print("  note: -p over the database found other findings than the per-file runs")
    return 1 if new or gone else 0


def percentile(sorted_values, p):
    """Nearest-rank percentile of a sorted list."""
    return sorted_values[max(0, -(-len(sorted_values) * p // 100) - 1)]


def main():
    tmp = tempfile.gettempdir()
    ap = argparse.ArgumentParser(prog="bench/realworld.sh", description=__doc__.split("\n\n")[1],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="*", help="only these files or directories (relative to <db>/src/)")
    ap.add_argument("--db", default=os.environ.get("WDF_REALWORLD_DIR") or os.path.join(tmp, "wdf-realworld"),
                    help="the compile database's directory (default $WDF_REALWORLD_DIR or %(default)s)")
    ap.add_argument("--wdfcheck", required=True, help="the wdfcheck binary (default $WDFCHECK_BUILD_DIR/bin/wdfcheck, build/ if unset)")
    ap.add_argument("--clang", default="clang-19", help="the clang of the baseline (default %(default)s)")
    ap.add_argument("--triage", required=True, help="the triage file (default test/realworld/triage.txt)")
    ap.add_argument("-j", type=int, default=1, metavar="N", help="N processes at a time (default 1)")
    ap.add_argument("--out", help="keep the SARIF and stderr of every file here (default: a new temp dir)")
    ap.add_argument("--timeout", type=int, default=600, help="seconds per process (default %(default)s)")
    ap.add_argument("--list", action="store_true", help="print every finding (file:line, verdict, message)")
    ap.add_argument("--write-triage", action="store_true",
                    help="write the findings into the triage file, keeping known verdicts")
    ap.add_argument("--ctu", action="store_true",
                    help="also analyse the database as a whole, once per file (wdfcheck -p <db>) and "
                         "across files (wdfcheck -p <db> --ctu, index built cold, then reused): "
                         "times, peak RSS, index build share, and the findings only the "
                         "whole-driver analysis makes against --ctu-triage")
    ap.add_argument("--ctu-triage", help="the triage file of the cross-file findings "
                    "(default: triage-ctu.txt beside --triage)")
    a = ap.parse_args()
    if a.j < 1:
        die("-j wants a positive number")

    # Inputs: the database, the tools, the triage file.
    db = os.path.abspath(a.db)
    ccj = os.path.join(db, "compile_commands.json")
    try:
        with open(ccj) as f:
            entries = json.load(f)
    except (OSError, ValueError) as e:
        die(f"no compile database: {e}\n  build it with the samples harness "
            f"(test/realworld/README.md), or name its directory with --db or WDF_REALWORLD_DIR")
    if not (isinstance(entries, list) and entries and
            all(isinstance(e, dict) and {"directory", "file", "arguments"} <= e.keys() for e in entries)):
        die(f"{ccj}: not a list of entries with directory, file and arguments")
    src, real_db = os.path.realpath(os.path.join(db, "src")), os.path.realpath(db)

    def rel(path):  # a file's name in the output and in the triage file
        path = os.path.realpath(path)
        return os.path.relpath(path, src) if path.startswith(real_db + "/") else path

    sources = {rel(e["file"]) for e in entries}  # of the whole database
    if a.files:
        within = lambda e, f: (rel(e["file"]) + "/").startswith(f.rstrip("/") + "/")
        chosen = [e for e in entries if any(within(e, f) for f in a.files)]
        unknown = [f for f in a.files if not any(within(e, f) for e in chosen)]
        if unknown:
            die(f"not in {ccj}: {', '.join(unknown)}")
        if a.write_triage:
            die("--write-triage wants the whole database, not a subset of files")
        entries = chosen
    if not os.access(a.wdfcheck, os.X_OK):
        die(f"{a.wdfcheck} not built (set WDFCHECK_BUILD_DIR)")
    for tool in (a.wdfcheck, a.clang):
        try:
            p = subprocess.run([tool, "--version"], capture_output=True, text=True)
        except OSError as e:
            die(f"cannot run {tool}: {e}")
        if p.returncode:
            die(f"cannot run {tool} (exit status {p.returncode}): {p.stderr.strip()}")
    info = read_info(db)
    commits, triage = read_triage(a.triage) if os.path.exists(a.triage) or not a.write_triage else ({}, {})

    out = a.out or tempfile.mkdtemp(prefix="wdf-realworld-sarif.")
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "index.txt"), "w") as f:
        f.writelines(f"{n} {rel(e['file'])}\n" for n, e in enumerate(entries))

    # The runs: wdfcheck and clang on each file, one after the other.
    runs = []
    for n, e in enumerate(entries):
        args, sarif = entry_args(e), os.path.join(out, f"{n}.sarif")
        if os.path.exists(sarif):
            os.remove(sarif)
        runs.append(Run("wdfcheck", n, [a.wdfcheck, "--format=sarif", "-o", sarif, e["file"], "--", *args],
                        e["directory"], os.path.join(out, f"{n}.wdfcheck.err")))
        runs.append(Run("clang", n, [a.clang, "--analyze", "-o", "/dev/null", "-w", *args, e["file"]],
                        e["directory"], os.path.join(out, f"{n}.clang.err")))
    t0 = time.monotonic()
    for done, r in enumerate(run_all(runs, a.j, a.timeout), 1):
        print(f"[{done:3}/{len(runs)}] {r.tool:8} {r.code!s:>3} {r.seconds:7.2f} s {r.rss_kb // 1024:5} MB "
              f"{rel(entries[r.index]['file'])}", file=sys.stderr, flush=True)
    elapsed = time.monotonic() - t0

    # The outcome of each file.
    found = collections.defaultdict(list)  # (rule, file, line) -> messages
    failures, compile_errors, both, analysed = [], [], [], set()
    for n, e in enumerate(entries):
        w, c, name = runs[2 * n], runs[2 * n + 1], rel(e["file"])
        error = w.first_error() if w.code == 2 else None
        if w.ok():
            try:
                for rule, path, line, msg in sarif_findings(os.path.join(out, f"{n}.sarif"), e["directory"]):
                    found[(rule, rel(path), line)].append(msg)
                analysed.add(name)
            except (OSError, ValueError) as err:
                failures.append(f"wdfcheck {name}: exit status {w.code} but no SARIF ({err})")
        elif error:
            analysed.add(name)
            key = (COMPILE_ERROR, rel(os.path.join(e["directory"], error[0])), error[1])
            found[key].append(error[2])
            compile_errors.append((key, error[2], c.ok()))
        else:
            failures.append(failure(w, name, a.timeout))
        if not c.ok() and not error:
            failures.append(failure(c, name, a.timeout))
        if name in analysed and not error and c.ok():
            both.append((w, c, name))

    # Time and memory on the files both tools analysed.
    print(f"realworld: {len(entries)} files of {db}, samples {info.get('samples_commit', '?')[:12]}, "
          f"WDF {info.get('wdf_commit', '?')[:12]}, KMDF {info.get('kmdf_version', '?')}; "
          f"-j{a.j}, {elapsed:.0f} s elapsed")
    print(f"SARIF and stderr of each file in {out}")
    if both:
        tw, tc = sum(w.seconds for w, _, _ in both), sum(c.seconds for _, c, _ in both)
        mw, mc = max(both, key=lambda x: x[0].rss_kb), max(both, key=lambda x: x[1].rss_kb)
        print(f"\ntime and peak RSS on the {len(both)} files both tools analysed (one process each):")
        print(f"  {'':24} {'total s':>8} {'peak RSS':>9}")
        print(f"  {'clang --analyze (core)':24} {tc:8.1f} {mc[1].rss_kb // 1024:6} MB  ({mc[2]})")
        print(f"  {'wdfcheck':24} {tw:8.1f} {mw[0].rss_kb // 1024:6} MB  ({mw[2]})")
        print(f"  {'wdfcheck / clang':24} {tw / tc:7.2f}x {mw[0].rss_kb / mc[1].rss_kb:8.2f}x")
        times = sorted(both, key=lambda x: x[0].seconds)
        secs = [w.seconds for w, _, _ in times]
        print(f"wdfcheck per file: p50 {percentile(secs, 50):.2f} s, p95 {percentile(secs, 95):.2f} s, "
              f"max {secs[-1]:.2f} s ({times[-1][2]})")

    print(f"\ntool failures: {len(failures)}")
    for f in failures:
        print(f"  {f}")
    print(f"files that do not compile (wdfcheck exit status 2): {len(compile_errors)}")
    for key, msg, clang_ok in compile_errors:
        print(f"  {key[1]}:{key[2]}: {msg}" + ("  (clang --analyze compiles it)" if clang_ok else ""))

    findings = sorted(k for k in found if k[0] != COMPILE_ERROR)
    print(f"\nfindings: {len(findings)} (rule + file + line) in {len({k[1] for k in findings})} files")
    for rule in sorted({k[0] for k in findings}):
        mine = [k for k in findings if k[0] == rule]
        v = collections.Counter(triage.get(k, ("NEW",))[0] for k in mine)
        print(f"  {rule:6} {len(mine):4} in {len({k[1] for k in mine}):3} files: "
              + ", ".join(f"{v[x]} {x}" for x in (*VERDICTS, "NEW") if v[x]))
        for k in mine if a.list else []:
            print(f"    {k[1]}:{k[2]}  {triage.get(k, ('NEW',))[0]}  {short(found[k][0])}")

    if a.write_triage:
        if failures:
            die(f"{a.triage} not written: a tool failed on some files, their findings would be lost")
        write_triage(a.triage, info, found, triage)
        kept = sum(1 for k in found if k in triage)
        print(f"\nwrote {a.triage}: {len(found)} entries ({kept} kept, {len(found) - kept} new untriaged, "
              f"{len(set(triage) - set(found))} dropped)")
        return 0

    ctu_status = whole_driver(a, db, entries, out, rel, set(found)) if a.ctu else 0

    # Against the triage file.  The entries of a source file are expected
    # when wdfcheck analysed it; those of a header, in a run of all files.
    expected = {k for k in triage if (k[1] in analysed if k[1] in sources else not a.files)}
    new, gone = sorted(set(found) - set(triage)), sorted(expected - set(found))
    print(f"\ntriage ({a.triage}):")
    if commits and any(commits.get(k) != info.get(k) for k in COMMITS):
        print(f"  WARNING: triaged on {commits}, the database is {({k: info.get(k) for k in COMMITS})}: "
              "lines may have moved")
    verdicts = collections.Counter(triage[k][0] for k in findings if k in triage)
    print(f"  verdicts of the {len(findings)} findings: {verdicts['true']} true, {verdicts['false']} false alarm, "
          f"{verdicts['untriaged']} untriaged, {sum(k[0] != COMPILE_ERROR for k in new)} not in the file")
    print(f"  NEW (not in the triage file): {len(new)}")
    for k in new:
        print(f"    {fmt(k)}  {short(found[k][0])}")
    print(f"  GONE (in the triage file, no longer found): {len(gone)}")
    for k in gone:
        print(f"    {fmt(k)}  {' '.join(triage[k])}".rstrip())
    status = 2 if failures or ctu_status == 2 else 1 if new or gone or ctu_status else 0
    print("\nresult: " + ("a tool failed (exit status 2)" if status == 2 else
                         "differs from the triage file (exit status 1)" if status == 1 else
                         "matches the triage file (exit status 0)"))
    return status


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BaseException as e:  # exit status 1 would mean "differs from the triage file"
        if isinstance(e, SystemExit):
            raise
        if not isinstance(e, KeyboardInterrupt):
            traceback.print_exc()
        die("stopped" + (" (interrupted)" if isinstance(e, KeyboardInterrupt) else " by an internal error"))
