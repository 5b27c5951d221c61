"""Scripted editor sessions against wdfcheck-clangd, each printing a
transcript for FileCheck.

  scenarios.py main   <dir> <bridge> [bridge options...]
  scenarios.py robust <dir> <bridge> [bridge options...]

<dir> holds dpc.c and its compile_commands.json.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lspclient import (Client, apply_edits, describe, has, is_diagnostics,
                       uri)


def out(*words):
    print(*words, flush=True)


def start(directory, argv, name):
    client = Client(argv, os.path.join(directory, name + ".stderr"))
    client.initialize(directory)
    return client


def open_dpc(client, path, text):
    client.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri(path), "languageId": "c", "version": 1, "text": text}})


def main(directory, argv):
    path = os.path.join(directory, "dpc.c")
    with open(path) as f:
        text = f.read()
    client = start(directory, argv, "main")
    open_dpc(client, path, text)

    # Both clangd's warning and wdfcheck's finding, in one publication.
    note, seen = client.wait_for(
        "clangd's warning and WM001", is_diagnostics(
            path, lambda ds: has(ds, "clang", "-Wunused-variable") and
            has(ds, "wdfcheck", "WM001")))
    diagnostics = note["params"]["diagnostics"]
    for d in sorted(diagnostics, key=describe):
        out("OPEN", describe(d))
    wm001 = next(d for d in diagnostics if d.get("code") == "WM001")
    out("SEVERITY", wm001["severity"])
    out("HREF", wm001["codeDescription"]["href"])
    for r in wm001.get("relatedInformation", []):
        out("RELATED", r["location"]["range"]["start"]["line"] + 1,
            r["message"])

    # The quick fix at the finding's range.
    actions = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri(path)}, "range": wm001["range"],
        "context": {"diagnostics": [wm001]}})["result"] or []
    fixes = [a for a in actions if a.get("kind") == "quickfix" and
             any(d.get("code") == "WM001" for d in a.get("diagnostics", []))]
    for a in fixes:
        out("ACTION", a["title"])
    edits = fixes[0]["edit"]["changes"][uri(path)]

    # Hover over the finding: clangd's answer and the rule's summary.
    hover = client.request("textDocument/hover", {
        "textDocument": {"uri": uri(path)},
        "position": wm001["range"]["start"]})["result"]
    value = hover["contents"]["value"]
    out("HOVER-CLANGD", "ExAllocatePool2" in value and "---" in value)
    out("HOVER-RULE", [l for l in value.splitlines() if "WM001" in l][0])

    # The fix applied in the editor only: the file on disk keeps the bug.
    fixed = apply_edits(text, edits)
    client.notify("textDocument/didChange", {
        "textDocument": {"uri": uri(path), "version": 2},
        "contentChanges": [{"range": e["range"], "text": e["newText"]}
                           for e in edits]})
    note, _ = client.wait_for(
        "WM001 gone", is_diagnostics(
            path, lambda ds: not has(ds, "wdfcheck", "WM001")), seen + 1)
    for d in sorted(note["params"]["diagnostics"], key=describe):
        out("CHANGED", describe(d))
    with open(path) as f:
        out("DISK", "POOL_FLAG_PAGED" in f.read())
    out("EDITOR", "POOL_FLAG_NON_PAGED" in fixed)

    # Hover and completion still answered.
    hover = client.request("textDocument/hover", {
        "textDocument": {"uri": uri(path)},
        "position": {"line": 12, "character": 22}})
    out("HOVER", "ExAllocatePool2" in hover["result"]["contents"]["value"])
    completion = client.request("textDocument/completion", {
        "textDocument": {"uri": uri(path)},
        "position": {"line": 12, "character": 22}})
    items = completion["result"]
    items = items["items"] if isinstance(items, dict) else items
    out("COMPLETION", any(i["label"].strip().startswith("ExAllocatePool2")
                          for i in items))

    out("SHUTDOWN", client.request("shutdown", None).get("result", "missing"))
    client.notify("exit", None)
    out("EXIT", client.wait_exit())


def robust(directory, argv):
    """An analysis that crashes, one that runs over the time limit, garbage
    from the editor, and clangd's exit status passed on."""
    path = os.path.join(directory, "dpc.c")
    with open(path) as f:
        text = f.read()
    crash = os.path.join(directory, "crash.sh")
    with open(crash, "w") as f:
        f.write("#!/bin/sh\nkill -SEGV $$\n")
    os.chmod(crash, 0o755)
    slow = os.path.join(directory, "slow.sh")
    with open(slow, "w") as f:
        f.write("#!/bin/sh\nexec sleep 600\n")
    os.chmod(slow, 0o755)

    def logged(word):
        return lambda n: (n["method"] == "window/logMessage" and
                          word in n["params"]["message"])

    def hover_answered(client):
        reply = client.request("textDocument/hover", {
            "textDocument": {"uri": uri(path)},
            "position": {"line": 12, "character": 22}})
        return "ExAllocatePool2" in reply["result"]["contents"]["value"]

    # A crashing analysis: one message, and clangd goes on answering.
    client = start(directory, argv + ["--wdfcheck=" + crash], "crash")
    open_dpc(client, path, text)
    note, _ = client.wait_for("the crash message", logged("crashed"))
    out("CRASH", note["params"]["type"], note["params"]["message"])
    client.wait_for("clangd's diagnostics", is_diagnostics(
        path, lambda ds: has(ds, "clang", "-Wunused-variable")))
    out("CRASH-HOVER", hover_answered(client))
    out("CRASH-MESSAGES", client.count(logged("crashed")))
    # Saved: analysed again, crashes again, one more message.
    client.notify("textDocument/didSave", {"textDocument": {"uri": uri(path)}})
    client.wait_for("the second crash message",
                    lambda n: client.count(logged("crashed")) == 2)
    out("CRASH-MESSAGES", client.count(logged("crashed")))

    # Garbage from the editor: skipped, and the session goes on.
    client.send_raw(b"this is not LSP at all\r\n\r\n")
    client.send_raw(b"Content-Length: 9\r\n\r\n{not json")
    client.send_raw(b"Content-Length: 2\r\n\r\n[]")
    out("GARBAGE-HOVER", hover_answered(client))
    out("SHUTDOWN", client.request("shutdown", None).get("result", "missing"))
    client.notify("exit", None)
    out("EXIT", client.wait_exit())

    # An analysis over the time limit is stopped, with one message.
    client = start(directory, argv + ["--wdfcheck=" + slow,
                                      "--wdfcheck-timeout=1"], "slow")
    open_dpc(client, path, text)
    note, _ = client.wait_for("the time-limit message", logged("time limit"))
    out("TIMEOUT", note["params"]["type"], note["params"]["message"])
    out("TIMEOUT-HOVER", hover_answered(client))
    # exit without shutdown: clangd ends with status 1, and so does the bridge
    client.notify("exit", None)
    out("EXIT-NO-SHUTDOWN", client.wait_exit())


if __name__ == "__main__":
    scenario, directory, argv = sys.argv[1], sys.argv[2], sys.argv[3:]
    {"main": main, "robust": robust}[scenario](directory, argv)
