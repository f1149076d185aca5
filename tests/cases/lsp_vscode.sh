#!/bin/sh
# editors/vscode: the extension's manifest and configuration are valid JSON,
# name files that exist (the client script, the language configuration, the
# TextMate grammar of editors/), declare the language client and its
# settings, and the client script parses (node --check when node is
# installed). The client itself runs only inside VS Code.
set -eu
ext=$ROOT/editors/vscode
/usr/bin/python3 - "$ext" <<'PY'
import json, os, sys
ext = sys.argv[1]
pkg = json.load(open(os.path.join(ext, "package.json"), encoding="utf-8"))
conf = json.load(open(os.path.join(ext, "language-configuration.json"), encoding="utf-8"))
lang = pkg["contributes"]["languages"][0]
assert lang["id"] == "ruta" and ".ruta" in lang["extensions"], lang
assert os.path.isfile(os.path.join(ext, lang["configuration"])), lang["configuration"]
assert os.path.isfile(os.path.join(ext, pkg["main"])), pkg["main"]
assert "onLanguage:ruta" in pkg["activationEvents"]
assert "vscode-languageclient" in pkg["dependencies"]
assert conf["comments"]["lineComment"] == "#"
grammar = pkg["contributes"]["grammars"][0]
assert grammar["language"] == "ruta" and grammar["scopeName"] == "source.ruta"
path = os.path.normpath(os.path.join(ext, grammar["path"]))
g = json.load(open(path, encoding="utf-8"))
assert g.get("scopeName") == "source.ruta", "the grammar's scopeName: %r" % g.get("scopeName")
conf_s = pkg["contributes"]["configuration"]["properties"]
assert conf_s["ruta.path"]["default"] == "ruta" and conf_s["ruta.args"]["type"] == "array"
PY
if command -v node >/dev/null 2>&1; then
    node --check "$ext/extension.js"
fi
grep -q "'lsp'" "$ext/extension.js"
