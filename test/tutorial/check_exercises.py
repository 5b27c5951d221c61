"""Checks every tutorial exercise under examples/tutorial/NN-topic/.

For each chapter directory present (so chapters added later are checked
without changing this script): driver.c must report exactly the findings
listed in expected.txt ("WMxxx driver.c:LINE", one a line), and
solution/driver.c must report nothing.

usage: check_exercises.py <examples/tutorial dir> <wdfcheck>
"""
import json
import os
import re
import subprocess
import sys

root, wdfcheck = sys.argv[1:3]
wdfcheck = os.path.abspath(wdfcheck) if os.sep in wdfcheck else wdfcheck
CHAPTER = re.compile(r"^\d\d-[a-z0-9-]+$")


def findings(directory, name):
    run = subprocess.run([wdfcheck, "--format=json", "--quiet", name, "--"],
                         capture_output=True, text=True, cwd=directory)
    if run.returncode not in (0, 1):
        raise AssertionError(f"wdfcheck failed on {directory}/{name}:\n{run.stderr}")
    return sorted(f"{f['ruleId']} driver.c:{f['location']['line']}"
                  for f in json.loads(run.stdout)["findings"])


failures = []
chapters = sorted(d for d in os.listdir(root)
                  if CHAPTER.match(d) and os.path.isdir(os.path.join(root, d)))
for chapter in chapters:
    d = os.path.join(root, chapter)
    for needed in ("driver.c", "expected.txt", "solution/driver.c"):
        if not os.path.isfile(os.path.join(d, needed)):
            failures.append(f"{chapter}: {needed} is missing")
    if failures and failures[-1].startswith(chapter):
        continue
    want = sorted(line.strip() for line in open(os.path.join(d, "expected.txt"))
                  if line.strip())
    if not want:
        failures.append(f"{chapter}: expected.txt lists no finding")
    got = findings(d, "driver.c")
    if got != want:
        failures.append(f"{chapter}: expected {want}, wdfcheck reported {got}")
    got = findings(os.path.join(d, "solution"), "driver.c")
    if got:
        failures.append(f"{chapter}/solution: expected no findings, wdfcheck reported {got}")

for f in failures:
    print("FAIL:", f)
print(f"{len(chapters)} exercises checked, {len(failures)} failures")
sys.exit(1 if failures else 0)
