"""lspclient.py - a minimal LSP client for the tests of `ruta lsp`.

Starts the server with pipes, frames messages with Content-Length, reads
the server's messages on a thread and lets a test wait for a response (by
id) or a notification (by method and predicate) with a timeout. Python 3
standard library only. Every message received is kept in `log`, so a
failing test can print the whole exchange.
"""
import json
import os
import queue
import subprocess
import sys
import threading
import time

TIMEOUT = float(os.environ.get("LSP_TEST_TIMEOUT", "20"))


class LspError(AssertionError):
    pass


class Client:
    def __init__(self, argv, cwd=None, env=None):
        self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, cwd=cwd, env=env)
        self.queue = queue.Queue()
        self.pending = []      # messages read but not consumed yet
        self.log = []
        self.next_id = 1
        self.reader = threading.Thread(target=self._read_loop, daemon=True)
        self.reader.start()
        self.stderr = b""
        self.err_reader = threading.Thread(target=self._read_stderr, daemon=True)
        self.err_reader.start()

    # -- transport ---------------------------------------------------------
    def _read_stderr(self):
        self.stderr = self.proc.stderr.read()

    def _read_loop(self):
        out = self.proc.stdout
        while True:
            headers = {}
            while True:
                line = out.readline()
                if not line:
                    self.queue.put(None)
                    return
                line = line.rstrip(b"\r\n")
                if not line:
                    break
                name, _, value = line.partition(b":")
                headers[name.strip().lower()] = value.strip()
            n = int(headers[b"content-length"])
            body = out.read(n)
            self.queue.put(json.loads(body.decode("utf-8")))

    def send_raw(self, data):
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def send(self, obj):
        body = json.dumps(obj, ensure_ascii=False).encode("utf-8")
        self.send_raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def request(self, method, params=None):
        rid = self.next_id
        self.next_id += 1
        msg = {"jsonrpc": "2.0", "id": rid, "method": method}
        if params is not None:
            msg["params"] = params
        self.send(msg)
        return rid

    def notify(self, method, params=None):
        msg = {"jsonrpc": "2.0", "method": method}
        if params is not None:
            msg["params"] = params
        self.send(msg)

    # -- waiting -----------------------------------------------------------
    def _take(self, pred, timeout, what):
        for i, m in enumerate(self.pending):
            if pred(m):
                return self.pending.pop(i)
        deadline = time.time() + timeout
        while True:
            left = deadline - time.time()
            if left <= 0:
                raise LspError("timeout waiting for %s; received: %s" % (what, self.dump()))
            try:
                m = self.queue.get(timeout=left)
            except queue.Empty:
                continue
            if m is None:
                raise LspError("server closed its output waiting for %s; stderr: %s; received: %s"
                               % (what, self.stderr.decode("utf-8", "replace"), self.dump()))
            self.log.append(m)
            if pred(m):
                return m
            self.pending.append(m)

    def response(self, rid, timeout=TIMEOUT):
        return self._take(lambda m: "method" not in m and m.get("id") == rid, timeout,
                          "the response to %r" % (rid,))

    def call(self, method, params=None, timeout=TIMEOUT):
        """A request and its result (an error response raises)."""
        m = self.response(self.request(method, params), timeout)
        if "error" in m:
            raise LspError("%s failed: %r" % (method, m["error"]))
        return m["result"]

    def notification(self, method, pred=lambda p: True, timeout=TIMEOUT):
        m = self._take(lambda m: m.get("method") == method and pred(m.get("params")), timeout,
                       "notification %s" % method)
        return m["params"]

    def diagnostics(self, uri, version=None, timeout=TIMEOUT):
        """The next publishDiagnostics for uri (and version, when given)."""
        return self.notification(
            "textDocument/publishDiagnostics",
            lambda p: p["uri"] == uri and (version is None or p.get("version") == version),
            timeout)["diagnostics"]

    def nothing_pending(self, wait=0.3):
        """No message arrives within `wait` seconds."""
        time.sleep(wait)
        while not self.queue.empty():
            m = self.queue.get()
            if m is not None:
                self.log.append(m)
                self.pending.append(m)
        return not self.pending

    def wait_exit(self, timeout=TIMEOUT):
        try:
            code = self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            raise LspError("server did not exit")
        self.err_reader.join(timeout=5)
        return code

    def dump(self):
        return json.dumps(self.log[-20:], ensure_ascii=False, indent=1)[:6000]


# -- helpers shared by the tests ------------------------------------------------

def uri_of(path):
    from urllib.parse import quote
    return "file://" + quote(os.path.realpath(path))


def position_of(text, needle, occurrence=1, delta=0):
    """LSP position (UTF-16) of the `occurrence`-th `needle` in text, plus
    delta characters."""
    idx = -1
    for _ in range(occurrence):
        idx = text.index(needle, idx + 1)
    idx += delta
    line = text.count("\n", 0, idx)
    start = text.rfind("\n", 0, idx) + 1
    prefix = text[start:idx]
    return {"line": line, "character": len(prefix.encode("utf-16-le")) // 2}


def initialize(client, root):
    result = client.call("initialize", {
        "processId": os.getpid(), "rootUri": uri_of(root), "capabilities": {},
        "clientInfo": {"name": "ruta-tests"}})
    client.notify("initialized", {})
    return result


def check(cond, message, client=None):
    if not cond:
        if client is not None:
            message += "\nlast messages: " + client.dump()
            message += "\nstderr: " + client.stderr.decode("utf-8", "replace")
        raise LspError(message)


def expect_equal(actual, expected, what, client=None):
    check(actual == expected, "%s: expected %r, got %r" % (what, expected, actual), client)


def main(test):
    """Runs test(ruta_path) and reports like the other test scripts."""
    ruta = sys.argv[1]
    try:
        test(ruta)
    except LspError as e:
        print("FAIL:", e)
        sys.exit(1)
    print("ok")
