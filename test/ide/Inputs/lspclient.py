"""A small LSP client for the wdfcheck-clangd tests (standard library only).

It starts a server, writes framed JSON-RPC messages to it, and reads what
it sends on a thread: replies are matched to requests by id, everything
else is kept in order so that a test can wait for a notification that
satisfies a condition.  Every wait has a timeout; a timeout raises.
"""
import json
import os
import subprocess
import threading
import time

TIMEOUT = float(os.environ.get("WDFCHECK_IDE_TIMEOUT", "240"))


class Timeout(Exception):
    pass


def uri(path):
    return "file://" + os.path.abspath(path)


class Client:
    def __init__(self, argv, stderr_path):
        self.stderr = open(stderr_path, "wb")
        self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE,
                                     stderr=self.stderr)
        self.lock = threading.Condition()
        self.replies = {}
        self.notifications = []
        self.next_id = 1
        self.closed = False
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    # -- sending ----------------------------------------------------------
    def send_raw(self, data):
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def send(self, message):
        body = json.dumps(message).encode()
        self.send_raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def request_async(self, method, params):
        with self.lock:
            rid = self.next_id
            self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": rid, "method": method,
                   "params": params})
        return rid

    def reply(self, rid, timeout=TIMEOUT):
        deadline = time.monotonic() + timeout
        with self.lock:
            while rid not in self.replies:
                left = deadline - time.monotonic()
                if left <= 0 or self.closed:
                    raise Timeout("no reply to request %d" % rid)
                self.lock.wait(left)
            return self.replies.pop(rid)

    def request(self, method, params, timeout=TIMEOUT):
        return self.reply(self.request_async(method, params), timeout)

    # -- receiving --------------------------------------------------------
    def _read(self):
        out = self.proc.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    with self.lock:
                        self.closed = True
                        self.lock.notify_all()
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value)
            body = out.read(length)
            message = json.loads(body)
            if "method" in message and "id" in message:
                # A request from the server: answered with no result.
                self.send({"jsonrpc": "2.0", "id": message["id"],
                           "result": None})
                continue
            with self.lock:
                if "method" in message:
                    self.notifications.append(message)
                else:
                    self.replies[message["id"]] = message
                self.lock.notify_all()

    def wait_for(self, what, condition, start=0, timeout=TIMEOUT):
        """The first notification from index start on for which condition
        holds, and its index."""
        deadline = time.monotonic() + timeout
        with self.lock:
            i = start
            while True:
                while i < len(self.notifications):
                    if condition(self.notifications[i]):
                        return self.notifications[i], i
                    i += 1
                left = deadline - time.monotonic()
                if left <= 0 or self.closed:
                    raise Timeout("timed out waiting for " + what)
                self.lock.wait(left)

    def count(self, condition):
        with self.lock:
            return sum(1 for n in self.notifications if condition(n))

    def wait_exit(self, timeout=TIMEOUT):
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            raise Timeout("the server did not exit")

    # -- LSP steps --------------------------------------------------------
    def initialize(self, root):
        result = self.request("initialize", {
            "processId": os.getpid(),
            "rootUri": uri(root),
            "capabilities": {
                "textDocument": {
                    "publishDiagnostics": {"relatedInformation": True,
                                           "codeDescriptionSupport": True},
                    "codeAction": {"codeActionLiteralSupport": {
                        "codeActionKind": {"valueSet": ["quickfix"]}}},
                    "hover": {"contentFormat": ["markdown", "plaintext"]},
                    "completion": {"completionItem": {}},
                }
            }})
        self.notify("initialized", {})
        return result


def is_diagnostics(path, condition=lambda ds: True):
    def check(n):
        return (n["method"] == "textDocument/publishDiagnostics" and
                n["params"]["uri"] == uri(path) and
                condition(n["params"]["diagnostics"]))
    return check


def has(diagnostics, source, code):
    return any(d.get("source") == source and d.get("code") == code
               for d in diagnostics)


def describe(d):
    r = d["range"]
    return "%s %s %d:%d-%d:%d %s" % (
        d.get("source"), d.get("code"), r["start"]["line"] + 1,
        r["start"]["character"] + 1, r["end"]["line"] + 1,
        r["end"]["character"] + 1, d["message"].splitlines()[0])


def apply_edits(text, edits):
    """Applies TextEdits (UTF-16 positions; ASCII text here)."""
    lines = text.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    def offset(p):
        return offsets[p["line"]] + p["character"]
    for e in sorted(edits, key=lambda e: offset(e["range"]["start"]),
                    reverse=True):
        b, en = offset(e["range"]["start"]), offset(e["range"]["end"])
        text = text[:b] + e["newText"] + text[en:]
    return text
