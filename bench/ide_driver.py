#!/usr/bin/env python3
"""Makes the benchmark's driver file for bench/ide.sh: the sources of one
corpus driver joined into one file and repeated until the file has at least
LINES lines.  In each copy every function the driver defines is renamed (a
#define per name, with the header's declarations of them repeated under
the new names), so that the whole file is one translation unit that
compiles.  The corpus drivers' contexts share names (DEVICE_CONTEXT), so
two different drivers cannot be joined in one file.

  ide_driver.py <corpus-driver-dir> <lines> > driver.c
"""
import glob
import os
import re
import sys

directory, lines = sys.argv[1], int(sys.argv[2])
sources = sorted(glob.glob(os.path.join(directory, "*.c")))
headers, body = [], []
for path in sources:
    with open(path) as f:
        for line in f:
            if line.startswith('#include "'):
                name = os.path.abspath(os.path.join(directory,
                                                    line.split('"')[1]))
                if name not in headers:
                    headers.append(name)
                continue
            body.append(line)
text = "".join(body)
# Functions defined at file scope (the definition's name is followed by
# '(' on a line that starts in column 0).
defined = set(re.findall(r"^[A-Za-z_][\w \t\*]*?\b(\w+)\s*\([^;]*?$", text, re.M))
defined = {n for n in defined if not n.startswith("DECLARE_")}
defined -= {"if", "while", "for", "switch", "return", "sizeof"}
# Globals made by DECLARE_* macros paste their name into others: kept once,
# in the first copy, and shared by all.
shared = "".join(l for l in body if l.startswith("DECLARE_"))
text = "".join(l for l in body if not l.startswith("DECLARE_"))
# The headers' declarations of those functions (a statement ending in ';'
# at file scope), repeated in each copy.
declarations = []
for header in headers:
    statement = ""
    for line in open(header):
        if line.startswith("#") or (not statement and not line.strip()):
            continue
        statement += line
        if line.rstrip().endswith(";") or line.rstrip().endswith("}"):
            words = set(re.findall(r"\b\w+\b", statement))
            if ("typedef" not in words and "{" not in statement and
                    words & defined):
                declarations.append(statement)
            statement = ""
out = ["/* Made by bench/ide_driver.py from %s: not a real driver. */\n"
       % os.path.basename(directory)]
out += ['#include "%s"\n' % h for h in headers]
out.append(shared)
copy = 0
while sum(s.count("\n") for s in out) < lines:
    out += ["#define %s %s_%d\n" % (n, n, copy) for n in sorted(defined)]
    out += declarations
    out.append(text)
    out += ["#undef %s\n" % n for n in sorted(defined)]
    copy += 1
sys.stdout.write("".join(out))
