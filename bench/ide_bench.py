#!/usr/bin/env python3
"""Measures wdfcheck-clangd (bench/ide.sh runs it; prints, asserts nothing).

  ide_bench.py save  <bridge> <file> [bridge options...]
      didSave to merged diagnostics: the file is opened and analysed once,
      then saved REPS times; each time, the time from didSave to the
      publishDiagnostics that carries the new wdfcheck findings.
  ide_bench.py hover <clangd> <bridge> <file>
      hover round trip over N requests, clangd alone and through the bridge.
"""
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "test", "ide", "Inputs"))
from lspclient import Client, uri  # noqa: E402

REPS = int(os.environ.get("REPS", "5"))
N = int(os.environ.get("HOVERS", "200"))


def session(argv, path, log):
    client = Client(argv, log)
    client.initialize(os.path.dirname(path))
    with open(path) as f:
        client.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri(path), "languageId": "c", "version": 1,
            "text": f.read()}})
    return client


def publication(path):
    """A publishDiagnostics for path.  clangd does not publish again when a
    file is saved unchanged, so after a didSave the next one is the bridge's,
    with the new analysis (with or without findings)."""
    def check(n):
        return (n["method"] == "textDocument/publishDiagnostics" and
                n["params"]["uri"] == uri(path))
    return check


def close(client):
    client.request("shutdown", None)
    client.notify("exit", None)
    client.wait_exit()


def save(bridge, path, options):
    client = session([bridge] + options, path, "/dev/null")
    start = time.monotonic()
    # After didOpen: clangd's publication and the bridge's, in either order.
    _, first = client.wait_for("a first publication", publication(path),
                               timeout=600)
    _, seen = client.wait_for("a second publication", publication(path),
                              first + 1, timeout=600)
    print("  first analysis after didOpen: %.2f s" % (time.monotonic() - start))
    times = []
    for _ in range(REPS):
        start = time.monotonic()
        client.notify("textDocument/didSave",
                      {"textDocument": {"uri": uri(path)}})
        _, seen = client.wait_for("the analysis after didSave",
                                  publication(path), seen + 1,
                                  timeout=600)
        times.append(time.monotonic() - start)
    close(client)
    print("  didSave -> merged diagnostics over %d saves: median %.2f s, "
          "min %.2f s, max %.2f s" % (REPS, statistics.median(times),
                                      min(times), max(times)))


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * len(values))) - 1)]


def hovers(argv, path):
    client = session(argv, path, "/dev/null")
    # Wait until clangd has built the AST: the first hover answers then.
    client.request("textDocument/hover", {"textDocument": {"uri": uri(path)},
                                          "position": {"line": 0,
                                                       "character": 0}},
                   timeout=600)
    with open(path) as f:
        lines = f.read().split("\n")
    # A position on an identifier in each of a few hundred lines.
    positions = [(i, len(l) - len(l.lstrip()))
                 for i, l in enumerate(lines) if l.strip()[:1].isalpha()]
    times = []
    for k in range(N):
        line, col = positions[(k * 7) % len(positions)]
        start = time.monotonic()
        client.request("textDocument/hover", {
            "textDocument": {"uri": uri(path)},
            "position": {"line": line, "character": col}})
        times.append((time.monotonic() - start) * 1000)
    close(client)
    return statistics.median(times), percentile(times, 95)


def hover(clangd, bridge, path):
    direct = hovers([clangd, "--background-index=false"], path)
    bridged = hovers([bridge, "--clangd=" + clangd,
                      "--background-index=false"], path)
    print("  hover round trip over %d requests (ms):" % N)
    print("    %-22s p50 %7.2f   p95 %7.2f" % ("clangd alone", *direct))
    print("    %-22s p50 %7.2f   p95 %7.2f" % ("through the bridge", *bridged))
    print("    %-22s p50 %+7.2f   p95 %+7.2f" % (
        "added", bridged[0] - direct[0], bridged[1] - direct[1]))


if __name__ == "__main__":
    what = sys.argv[1]
    if what == "save":
        save(sys.argv[2], sys.argv[3], sys.argv[4:])
    else:
        hover(sys.argv[2], sys.argv[3], sys.argv[4])
