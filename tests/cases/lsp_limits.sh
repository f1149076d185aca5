#!/bin/sh
# ruta lsp --max-memory: tests/lsp/test_limits.py checks E008 through the
# server, and that the server goes on serving (see its docstring).
set -eu
/usr/bin/python3 -B "$ROOT/tests/lsp/test_limits.py" "$RUTA"
