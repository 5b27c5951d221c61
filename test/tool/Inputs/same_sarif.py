"""Compares SARIF logs the way `wdfcheck merge` promises: equal after
sorting each run's results (the JSON text of each, keys sorted).  Usage:
same_sarif.py a.sarif b.sarif -> exit 0 when equal; prints the first
difference otherwise."""
import json
import sys


def canonical(path):
    with open(path, encoding="utf-8") as f:
        log = json.load(f)
    for run in log["runs"]:
        run["results"] = sorted(json.dumps(r, sort_keys=True)
                                for r in run.get("results", []))
    return json.dumps(log, sort_keys=True, indent=1)


a, b = canonical(sys.argv[1]), canonical(sys.argv[2])
if a != b:
    for i, (x, y) in enumerate(zip(a.splitlines(), b.splitlines())):
        if x != y:
            print(f"line {i}: {x!r} != {y!r}")
            break
    sys.exit(1)
print("same")
