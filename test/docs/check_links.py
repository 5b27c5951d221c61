"""Checks the relative links of the documentation.

Every relative link target in README.md and docs/**/*.md (Markdown links
"[text](target)" and reference definitions "[label]: target", outside
code blocks and code spans) must name a file or directory of the
repository, relative to the page, or be a rule ID (WM001..WM012, as some
pages write them for "the rule's page"). A "#anchor" part is not checked;
http(s), mailto and pure "#anchor" links are skipped.

usage: check_links.py <repository root>
"""
import os
import re
import sys

root = sys.argv[1]
LINK = re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
REFDEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.M)
FENCE = re.compile(r"^(```|~~~).*?^\1", re.S | re.M)
SPAN = re.compile(r"`[^`\n]*`")
RULE = re.compile(r"^WM\d{3}$")


def pages():
    yield os.path.join(root, "README.md")
    for base, dirs, files in os.walk(os.path.join(root, "docs")):
        dirs.sort()
        for name in sorted(files):
            if name.endswith(".md"):
                yield os.path.join(base, name)


failures = []
links = 0
for page in pages():
    if not os.path.isfile(page):
        continue
    text = open(page, encoding="utf-8").read()
    text = SPAN.sub("", FENCE.sub("", text))
    for target in LINK.findall(text) + REFDEF.findall(text):
        if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.I) or target.startswith("#"):
            continue
        links += 1
        path = target.split("#", 1)[0].split("?", 1)[0]
        if RULE.match(path):
            continue
        if path.startswith("/"):
            resolved = os.path.join(root, path.lstrip("/"))
        else:
            resolved = os.path.join(os.path.dirname(page), path)
        if not os.path.exists(resolved):
            failures.append(f"{os.path.relpath(page, root)}: '{target}' does not resolve")

for f in failures:
    print("FAIL:", f)
print(f"{links} relative links checked, {len(failures)} broken")
sys.exit(1 if failures else 0)
