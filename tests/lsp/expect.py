"""expect.py - what `ruta check` says about a file, as LSP diagnostics.

The language server must publish the same codes, severities, messages
(with the help line appended as "\\nayuda: ...") and related information
(the notes) as `ruta check`. This module runs `ruta check
--diagnostics-format=json` on a file and converts each diagnostic to the
LSP form the server must publish: 0-based lines, and columns converted
from code points (what `ruta check` counts) to UTF-16 code units (what LSP
counts), reading the text of each file.
"""
import json
import os
import subprocess

from lspclient import uri_of


def utf16_column(line_text, codepoints):
    """UTF-16 units in the first `codepoints` code points of a line."""
    return len(line_text[:codepoints].encode("utf-16-le")) // 2


def _position(lines, line, column):
    if line <= 0:
        return {"line": 0, "character": 0}
    text = lines[line - 1] if line - 1 < len(lines) else ""
    return {"line": line - 1, "character": utf16_column(text, column - 1)}


def _range(files, cwd, item):
    path = item["file"]
    if path is None:
        return None, {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}
    full = path if os.path.isabs(path) else os.path.join(cwd, path)
    if full not in files:
        with open(full, encoding="utf-8") as f:
            files[full] = f.read().split("\n")
    lines = files[full]
    return full, {"start": _position(lines, item["line"], item["column"]),
                  "end": _position(lines, item["end_line"], item["end_column"])}


def check_as_lsp(ruta, path, as_of, cwd, options=()):
    """The diagnostics `ruta check [options]` gives for path, in LSP form
    (list)."""
    out = subprocess.run([ruta, "check", "--as-of", as_of, "--diagnostics-format=json", *options, path],
                         cwd=cwd, capture_output=True)
    items = json.loads(out.stdout.decode("utf-8"))
    files = {}
    result = []
    for item in items:
        _, rng = _range(files, cwd, item)
        message = item["message"]
        if item.get("help"):
            message += "\nayuda: " + item["help"]
        d = {"range": rng, "severity": 1 if item["severity"] == "error" else 2,
             "code": item["code"], "source": "ruta", "message": message}
        related = []
        for note in item["notes"]:
            nfile, nrange = _range(files, cwd, note)
            related.append({"location": {"uri": uri_of(nfile), "range": nrange},
                            "message": note["message"]})
        if related:
            d["relatedInformation"] = related
        result.append(d)
    return result
