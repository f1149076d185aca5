#!/usr/bin/python3
"""lsp_bench.py - how long `ruta lsp` takes to re-check a large plan after an edit.

    bench/lsp_bench.py RUTA [N] [--runs R]

Generates a valid, clean plan of N actions (default 1000) with
bench/gen_plan.py and opens it in `ruta lsp` through pipes. Then, R times
(default 41), it edits one action's title and measures the wall time from
sending textDocument/didChange (encoded beforehand: Python's json.dumps is
not the server's time) to receiving the textDocument/publishDiagnostics of
that version, and the server's own time for the same span (it logs it
when RUTA_LSP_TIMING is set). That covers decoding the message, the full
check (parse, resolve, schema, model, every consistency pass: the plan
stays valid), the index of names and the diagnostics. It repeats the
measure with an edit that introduces an error (the checks then stop after
the front end), times hover, completion and references, and reports the
server's CPU time per re-check (/proc/PID/stat, Linux).

All of that with full-document sync (the server's default: every change
carries the whole text), then once more with the incremental sync a client
can ask for ({"sync": "incremental"} in initializationOptions), where a
change carries only the edited range.

Reports median, 90th percentile and best; exits 0 (a benchmark reports, it
does not gate). Standard library only.
"""
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True  # no __pycache__ in tests/lsp/
sys.path.insert(0, os.path.join(HERE, "..", "tests", "lsp"))
from lspclient import Client, position_of, uri_of  # noqa: E402

AS_OF = "2026-06-04"
TARGET_MS = 50.0


def stats(ms):
    ms = sorted(ms)
    p90 = ms[min(len(ms) - 1, int(round(0.9 * (len(ms) - 1))))]
    return "median %6.1f ms   p90 %6.1f ms   best %6.1f ms" % (statistics.median(ms), p90, ms[0])


def cpu_seconds(pid):
    """User + system CPU time of a process so far (Linux /proc), or None."""
    try:
        with open("/proc/%d/stat" % pid) as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def framed(obj):
    body = json.dumps(obj, ensure_ascii=False).encode("utf-8")
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


class Edits:
    """The i-th edit of a text: a whole new text (full sync) or a range."""

    def __init__(self, text, at, insert, incremental):
        self.text, self.at, self.insert, self.incremental = text, at, insert, incremental

    def change(self, i):
        """(contentChanges, new text): even i insert, odd i take it back."""
        pos = position_of(self.text, self.at, delta=len(self.at))  # where replace() inserts
        if i % 2 == 0:
            new = self.text.replace(self.at, self.at + self.insert(i), 1)
            rng = {"start": pos, "end": pos}
            ins = self.insert(i)
        else:
            new = self.text
            end = dict(pos, character=pos["character"] + len(self.insert(i - 1)))
            rng = {"start": pos, "end": end}
            ins = ""
        if not self.incremental:
            return [{"text": new}], new
        return [{"range": rng, "text": ins}], new


def timed_changes(client, uri, edits, runs, version, expect_errors):
    times = []
    for i in range(runs):
        version += 1
        changes, _ = edits.change(i)
        msg = framed({"jsonrpc": "2.0", "method": "textDocument/didChange",
                      "params": {"textDocument": {"uri": uri, "version": version},
                                 "contentChanges": changes}})
        t0 = time.perf_counter()
        client.send_raw(msg)
        diags = client.diagnostics(uri, version)
        times.append((time.perf_counter() - t0) * 1000)
        errors = [d["code"] for d in diags if d["severity"] == 1]
        assert errors == (["E102"] if expect_errors and i % 2 == 0 else []), diags[:3]
    return times, version


def timed_requests(client, method, params, runs):
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        client.call(method, params)
        times.append((time.perf_counter() - t0) * 1000)
    return times


def session(ruta, tmp, path, text, runs, incremental):
    uri = uri_of(path)
    env = dict(os.environ, RUTA_LSP_TIMING="1")
    client = Client([ruta, "lsp", "--as-of", AS_OF], cwd=tmp, env=env)
    opts = {"sync": "incremental"} if incremental else {}
    caps = client.call("initialize", {"processId": os.getpid(), "rootUri": uri_of(tmp),
                                      "capabilities": {}, "initializationOptions": opts})["capabilities"]
    assert caps["textDocumentSync"]["change"] == (2 if incremental else 1)
    client.notify("initialized", {})
    t0 = time.perf_counter()
    client.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "ruta", "version": 1, "text": text}})
    diags = client.diagnostics(uri, 1)
    r = {"open": (time.perf_counter() - t0) * 1000, "diags": len(diags)}
    # A title edit keeps the plan valid: every check runs each time.
    title = text.index('"', text.index("accion ")) + 1
    valid = Edits(text, text[title:title + 12], lambda i: "Z", incremental)
    cpu0 = cpu_seconds(client.proc.pid)
    r["valid"], version = timed_changes(client, uri, valid, runs, 1, False)
    cpu1 = cpu_seconds(client.proc.pid)
    r["cpu"] = (cpu1 - cpu0) / runs * 1000 if cpu0 is not None and cpu1 is not None else None
    # An undefined responsable (every other edit): E102, the checks stop.
    broken = Edits(text, "responsable: ", lambda i: "nadie_%d" % i, incremental)
    r["error"], version = timed_changes(client, uri, broken, runs, version, True)
    doc = {"uri": uri}
    r["hover"] = timed_requests(client, "textDocument/hover", {
        "textDocument": doc, "position": position_of(text, "apoyo: ", delta=8)}, runs)
    r["completion"] = timed_requests(client, "textDocument/completion", {
        "textDocument": doc, "position": position_of(text, "responsable: ", delta=13)}, runs)
    r["references"] = timed_requests(client, "textDocument/references", {
        "textDocument": doc, "position": position_of(text, "apoyo: ", delta=8),
        "context": {"includeDeclaration": True}}, runs)
    client.call("shutdown")
    client.notify("exit")
    client.wait_exit()
    server = [float(x) for x in re.findall(rb"ruta lsp: ([0-9.]+) ms", client.stderr)]
    r["server_valid"] = server[1:1 + runs]
    r["server_error"] = server[1 + runs:1 + 2 * runs]
    return r


def report(name, r, runs):
    print("  %s" % name)
    print("    open (first check)          %6.1f ms" % r["open"])
    print("    re-check, valid plan        " + stats(r["valid"]))
    if len(r["server_valid"]) == runs:
        print("      inside the server         " + stats(r["server_valid"]))
    if r["cpu"] is not None:
        print("      server CPU per re-check   mean   %6.1f ms" % r["cpu"])
    print("    re-check, plan with error   " + stats(r["error"]))
    if len(r["server_error"]) == runs:
        print("      inside the server         " + stats(r["server_error"]))
    print("    hover                       " + stats(r["hover"]))
    print("    completion                  " + stats(r["completion"]))
    print("    references                  " + stats(r["references"]))


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    runs = 41
    if "--runs" in sys.argv:
        runs = int(sys.argv[sys.argv.index("--runs") + 1])
        args.remove(str(runs))
    ruta = os.path.abspath(args[0])
    n = int(args[1]) if len(args) > 1 else 1000
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "plan_%d.ruta" % n)
        subprocess.run([sys.executable, os.path.join(HERE, "gen_plan.py"), str(n), path], check=True)
        text = open(path, encoding="utf-8").read()
        full = session(ruta, tmp, path, text, runs, False)
        incremental = session(ruta, tmp, path, text, runs, True)
    size = len(text.encode("utf-8"))
    print("ruta lsp, plan of %d actions (%d lines, %.0f KB, %d diagnostics), %d runs each, %d CPUs, load %.2f"
          % (n, text.count("\n"), size / 1024, full["diags"], runs, os.cpu_count(), os.getloadavg()[0]))
    report("full-document sync (the default)", full, runs)
    report("incremental sync (initializationOptions {\"sync\": \"incremental\"})", incremental, runs)
    for name, r in [("full sync", full), ("incremental sync", incremental)]:
        med = statistics.median(r["valid"])
        print("target, %s: re-check under %.0f ms: %s (median %.1f ms)"
              % (name, TARGET_MS, "met" if med < TARGET_MS else "NOT MET", med))


if __name__ == "__main__":
    main()
