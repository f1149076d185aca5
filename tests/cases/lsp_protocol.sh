#!/bin/sh
# ruta lsp: tests/lsp/test_protocol.py drives the server through pipes and checks
# every answer (see the docstring of that script).
set -eu
/usr/bin/python3 -B "$ROOT/tests/lsp/test_protocol.py" "$RUTA"
