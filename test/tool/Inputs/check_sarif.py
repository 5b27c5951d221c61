"""Structural checks of a wdfcheck SARIF log: the parts code scanning
relies on.  Usage: check_sarif.py <log> <expected number of results>"""
import json
import sys

log = json.load(open(sys.argv[1]))
expected = int(sys.argv[2])
assert log["version"] == "2.1.0", log["version"]
run, = log["runs"]
driver = run["tool"]["driver"]
assert driver["name"] == "wdfcheck"
rules = {r["id"]: i for i, r in enumerate(driver["rules"])}
results = run["results"]
assert len(results) == expected, len(results)
for r in results:
    assert r["ruleIndex"] == rules[r["ruleId"]], r
    assert r["level"] in ("note", "warning", "error")
    loc = r["locations"][0]["physicalLocation"]
    assert loc["region"]["startLine"] > 0
    for flow in r.get("codeFlows", []):
        for tf in flow["threadFlows"]:
            assert tf["locations"], "empty thread flow"
    for fix in r.get("fixes", []):
        change = fix["artifactChanges"][0]
        region = change["replacements"][0]["deletedRegion"]
        # an insertion deletes an empty region
        assert region["endColumn"] >= region["startColumn"]
for rule in driver["rules"]:
    assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
    assert rule["defaultConfiguration"]["level"] in ("note", "warning", "error")
print("ok")
