# The TextMate grammar of editors/vscode (VS Code and other editors that
# read TextMate grammars): the grammar, the language configuration and the
# extension manifest are valid JSON, and the engine VS Code uses
# (vscode-textmate + vscode-oniguruma, pinned in editors/package.json)
# gives the reference plan's keywords, keys and literals their scopes and no
# `invalid` scope to any sample or stdlib module (editors/test/textmate_test.js).
# The npm packages are installed into editors/node_modules on first use
# (`npm ci`). Skipped, with the reason, only when node is not installed.
# Run by tests/run.sh in an empty temporary directory, with ROOT and SHARED.
set -eu
: "${ROOT:?}" "${SHARED:?}"
ED="$ROOT/editors"

if ! command -v node > /dev/null 2>&1; then
    echo "skip: node is not installed (the TextMate grammar is not tested)"
    exit 0
fi

for f in "$ED/vscode/syntaxes/ruta.tmLanguage.json" "$ED/vscode/language-configuration.json" \
         "$ED/vscode/package.json" "$ED/package.json"; do
    node -e 'JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))' "$f" ||
        { echo "FAIL: $f is not valid JSON"; exit 1; }
done

if [ ! -f "$ED/node_modules/vscode-textmate/package.json" ] ||
   [ ! -f "$ED/node_modules/vscode-oniguruma/package.json" ]; then
    if ! (cd "$ED" && npm ci --no-audit --no-fund --ignore-scripts > npm.log 2>&1); then
        echo "FAIL: cannot install the grammar test tools (cd editors && npm ci):"
        tail -20 "$ED/npm.log"
        rm -f "$ED/npm.log"
        exit 1
    fi
    rm -f "$ED/npm.log"
fi

node "$ED/test/textmate_test.js" "$SHARED/spec/examples/aromos.ruta" \
    "$ROOT"/samples/*.ruta "$ROOT"/stdlib/*.ruta "$ROOT"/stdlib/calendario/*.ruta \
    "$ROOT"/tests/data/fmt/*.ruta
