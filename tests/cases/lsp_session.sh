#!/bin/sh
# ruta lsp: tests/lsp/test_session.py drives the server through pipes and checks
# every answer (see the docstring of that script).
set -eu
/usr/bin/python3 -B "$ROOT/tests/lsp/test_session.py" "$RUTA"
