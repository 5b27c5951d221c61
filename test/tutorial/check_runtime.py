"""Runs the tutorial's exercises under the runtime model.

For each runtime/scenarios/tutorial-NN-topic.scenario, the program
bin/tutorial-NN-topic (the exercise, built by runtime/CMakeLists.txt) must
report, at run time, every finding of examples/tutorial/NN-topic/expected.txt
(rule and driver.c line; it may report more, which the chapter's "At run
time" section explains), and bin/tutorial-NN-topic-solution must report
nothing.  Each runs twice, plain and as its -msan twin (MemorySanitizer:
exact never-written bytes, which the plain program tracks coarsely, so a
stack structure's padding, chapter 07, shows only there): an expected
finding must come from one of them, and the solution's runs report nothing.

usage: check_runtime.py <source root> <bin dir>
"""
import glob
import os
import re
import subprocess
import sys

src, bindir = sys.argv[1:3]
FINDING = re.compile(r"^\S*?([^/\s]+\.c):(\d+): error: .*\[(WM\d{3}) ", re.M)


def run(program, scenario):
    r = subprocess.run([os.path.join(bindir, program), scenario],
                       capture_output=True, text=True, cwd=src)
    if r.returncode not in (0, 1):
        raise AssertionError(f"{program} failed ({r.returncode}):\n{r.stderr}")
    return sorted({f"{rule} {f}:{line}"
                   for f, line, rule in FINDING.findall(r.stdout + r.stderr)})


failures = []
scenarios = sorted(glob.glob(os.path.join(src, "runtime", "scenarios", "tutorial-*.scenario")))
for scenario in scenarios:
    name = os.path.basename(scenario)[:-len(".scenario")]
    chapter = name[len("tutorial-"):]
    want = [line.strip() for line in
            open(os.path.join(src, "examples", "tutorial", chapter, "expected.txt"))
            if line.strip()]
    got = sorted(set(run(name, scenario)) | set(run(name + "-msan", scenario)))
    missing = [w for w in want if w not in got]
    if missing:
        failures.append(f"{chapter}: the run did not report {missing} (it reported {got})")
    for twin in ("-solution", "-solution-msan"):
        got = run(name + twin, scenario)
        if got:
            failures.append(f"{chapter}{twin}: expected nothing at run time, got {got}")

for f in failures:
    print("FAIL:", f)
print(f"{len(scenarios)} exercises run, {len(failures)} failures")
sys.exit(1 if failures else 0)
