"""Checks the wrong/right examples of the rule pages (docs/rules/WM*.md).

Every example must compile against the model headers.  For each rule this
build implements, wdfcheck must report exactly that rule, exactly once, on
the line the wrong example marks with "// WMxxx:", and nothing on the right
example.  A page has at least one C pair ("```c wrong", "```c right") and
may pair more (a form of the rule the first pair does not show), and may add
C++ pairs ("```cpp wrong", "```cpp right"), checked the same way as C++17:
as many wrong as right blocks of each language.

The same script checks the tutorial's chapters (docs/tutorial/NN-*.md),
whose pages are not named after a rule: there a page may have no pairs at
all, and a wrong block names its rule in its "// WMxxx:" marker.

usage: check_examples.py <docs/rules or docs/tutorial dir> <wdfcheck> <clang> <model include>
"""
import json
import os
import re
import subprocess
import sys
import tempfile

docs, wdfcheck, clang, model = sys.argv[1:5]

BLOCK = re.compile(r"^```(c|cpp) (wrong|right)\n(.*?)^```", re.S | re.M)
# language -> (file suffix, standard)
LANGUAGES = {"c": (".c", "-std=c11"), "cpp": (".cpp", "-std=c++17")}


def available_rules():
    out = subprocess.run([wdfcheck, "list-rules"], capture_output=True,
                         text=True, check=True).stdout
    return {line.split()[0] for line in out.splitlines()
            if line.startswith("WM") and " available " in line}


def findings(path, std):
    run = subprocess.run([wdfcheck, "--format=json", "--quiet", path, "--",
                          std], capture_output=True, text=True)
    if run.returncode not in (0, 1):
        raise AssertionError(f"wdfcheck failed on {path}:\n{run.stderr}")
    return json.loads(run.stdout)["findings"]


failures = []
checked = compiled = 0
available = available_rules()
with tempfile.TemporaryDirectory() as tmp:
    for page in sorted(os.listdir(docs)):
        if not page.endswith(".md"):
            continue
        rule = page[:-3]
        # a rule page (WM001.md) or a tutorial chapter (01-memory.md)
        rule_page = re.fullmatch(r"WM\d{3}", rule) is not None
        text = open(os.path.join(docs, page)).read()
        blocks = BLOCK.findall(text)
        kinds = [f"{lang} {k}" for lang, k, _ in blocks]
        c_pairs = kinds.count("c wrong"), kinds.count("c right")
        cpp_pairs = kinds.count("cpp wrong"), kinds.count("cpp right")
        if ((rule_page and c_pairs[0] < 1) or c_pairs[0] != c_pairs[1] or
                cpp_pairs[0] != cpp_pairs[1]):
            failures.append(f"{page}: needs 'c wrong' and 'c right' blocks in "
                            f"pairs (and 'cpp' ones in pairs), has {kinds}")
            continue
        for index, (lang, kind, code) in enumerate(blocks):
            suffix, std = LANGUAGES[lang]
            path = os.path.join(tmp, f"{rule}-{index}-{kind}{suffix}")
            with open(path, "w") as f:
                f.write(code)
            cc = subprocess.run([clang, std, "-fsyntax-only", "-Wall",
                                 "-I", model, path], capture_output=True, text=True)
            if cc.returncode != 0:
                failures.append(f"{page} ({lang} {kind}) does not compile:\n{cc.stderr}")
                continue
            compiled += 1
            if not rule_page:
                # a tutorial's wrong block names its rule; the right block
                # after it must report nothing of any rule
                named = re.findall(r"// (WM\d{3}):", code)
                if kind == "wrong":
                    if not named:
                        failures.append(f"{page} ({lang} wrong): no '// WMxxx:' marker")
                        continue
                    rule = named[0]
            if rule not in available and (rule_page or kind == "wrong"):
                continue
            got = [(f["ruleId"], f["location"]["line"])
                   for f in findings(path, std)]
            if kind == "wrong":
                marked = [i + 1 for i, line in enumerate(code.splitlines())
                          if f"// {rule}:" in line]
                want = [(rule, line) for line in marked]
                if len(marked) != 1 or got != want:
                    failures.append(f"{page} ({lang} wrong): expected {want}, wdfcheck reported {got}")
            elif got:
                failures.append(f"{page} ({lang} right): expected no findings, wdfcheck reported {got}")
            checked += 1

for f in failures:
    print("FAIL:", f)
print(f"{compiled} examples compiled, {checked} checked with wdfcheck, "
      f"{len(failures)} failures")
sys.exit(1 if failures else 0)
