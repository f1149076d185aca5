# The Vim support in editors/vim: *.ruta is detected, the syntax file loads
# and highlights the reference plan's keywords and literals, the compiler
# plugin's errorformat reads real `ruta check` diagnostics (`:make` jumps to
# the character the diagnostic names, accents included), the indent file
# re-indents a formatted plan to itself, and :RutaFmt formats the buffer.
# Runs with vim, else nvim; skipped, with the reason, when neither is installed.
# Run by tests/run.sh in an empty temporary directory, with RUTA, ROOT and
# SHARED set.
set -eu
: "${RUTA:?}" "${ROOT:?}" "${SHARED:?}"

# Vim, or Neovim (which reads the same runtime files) when Vim is absent.
VIM=$(command -v vim || command -v nvim || true)
if [ -z "$VIM" ]; then
    echo "skip: neither vim nor nvim is installed (editors/vim not tested)"
    exit 0
fi

errors=0
bad() {
    echo "FAIL: $*"
    errors=$((errors + 1))
}

# `ruta` on the PATH for :make and :RutaFmt.
mkdir bin
ln -s "$RUTA" bin/ruta
PATH="$(pwd)/bin:$PATH"
export PATH

cp "$SHARED/spec/examples/aromos.ruta" aromos.ruta

# vimrun SCRIPT FILE: runs SCRIPT in Vim on FILE with editors/vim installed;
# the script writes its findings to vim.out, one line each.
vimrun() {
    rm -f vim.out
    timeout 30 "$VIM" -Nu NONE -i NONE -Es \
        -c "set rtp^=$ROOT/editors/vim" -c 'filetype plugin indent on' -c 'syntax on' \
        -c "edit $2" -c "source $1" -c 'qa!' < /dev/null > vim.log 2>&1 || true
    [ -f vim.out ] || { bad "$1: vim did not run the script"; cat vim.log; }
}

# --- detection and highlighting ------------------------------------------------
cat > syntax.vim <<'EOF'
let out = ['filetype=' . &filetype, 'syntax=' . get(b:, 'current_syntax', '')]
" At the first match of the pattern (plus an offset), the syntax group.
function! At(pattern, offset) abort
  call cursor(1, 1)
  let [l, c] = searchpos(a:pattern, 'cW')
  return l == 0 ? 'NOTFOUND' : synIDattr(synID(l, c + a:offset, 1), 'name')
endfunction
for [pat, off, want] in [
      \ ['^# Plan', 0, 'rutaComment'], ['^usar', 0, 'rutaUsar'], ['"mdc"', 0, 'rutaString'],
      \ ['^plan', 0, 'rutaDecl'], ['pat_2026', 0, 'rutaDeclName'], ['establecimiento:', 0, 'rutaKey'],
      \ ['2026-03-02', 0, 'rutaDate'], ['Fortalecer', 0, 'rutaTextBlock'], ['\$500', 0, 'rutaMoney'],
      \ ['8 semanas', 2, 'rutaUnit'], ['^persona', 0, 'rutaDecl'], ['^equipo', 0, 'rutaDecl'],
      \ ['^capacidad', 0, 'rutaDecl'], ['  accion', 2, 'rutaDecl'], ['indicador ', 0, 'rutaDecl'],
      \ ['hito taller', 0, 'rutaDecl'], ['^seguimiento', 0, 'rutaDecl'], ['avance fortalezas', 0, 'rutaEntry'],
      \ ['avance fortalezas', 7, 'rutaEntryTarget'], ['100%', 0, 'rutaPercent'], ['15:30', 0, 'rutaTime'],
      \ ['medicion', 0, 'rutaEntry'], ['nudo mentoria', 0, 'rutaEntry'], ['logro', 0, 'rutaEntry'],
      \ ['acuerdo duplas', 0, 'rutaEntry'], ['\.\.', 0, 'rutaRange'], ['{', 0, 'rutaBrace'],
      \ ['capacidad: x', 0, 'rutaKey'], ['90 min', 3, 'rutaUnit']]
  let got = At(pat, off)
  call add(out, (got ==# want || (want ==# 'rutaKey' && got ==# 'NOTFOUND') ? 'ok ' : 'FAIL ') . pat . ' ' . got)
endfor
call writefile(out, 'vim.out')
EOF
vimrun syntax.vim aromos.ruta
if [ -f vim.out ]; then
    grep -qx 'filetype=ruta' vim.out || bad "*.ruta is not detected as ruta: $(head -1 vim.out)"
    grep -qx 'syntax=ruta' vim.out || bad "the syntax file did not load"
    grep '^FAIL' vim.out | while read -r line; do echo "FAIL: highlight: $line"; done
    fails=$(grep -c '^FAIL' vim.out || true)
    errors=$((errors + fails))
    [ "$(grep -c '^ok' vim.out)" -ge 28 ] || bad "too few highlight checks ran"
fi
grep -qi 'error\|E[0-9][0-9]*:' vim.log && { bad "vim reported errors"; cat vim.log; }

# --- errorformat and :make ---------------------------------------------------------
cat > plan.ruta <<'EOF'
plan pme_2026 "Plan de mejoramiento 2026" {
  establecimiento: "Escuela Básica El Sauce"
  periodo: 2026-03-02 .. 2026-12-11
  objetivo: "Instalar la reflexión pedagógica en los consejos de profesores."
}

persona crojas "Carolina Rojas" { rol: profesional_uatp }

hito reunión_1 "Reunión" { fecha: 2026-06-18 15:30  tipo: monitoreo  responsable: crojass }
EOF
set +e
"$RUTA" check --as-of 2026-06-01 --color=never plan.ruta 2> diag.txt
set -e
grep -q "^plan.ruta:9:83: error: .*\[E102\]" diag.txt || { bad "unexpected diagnostic"; cat diag.txt; }

cat > efm.vim <<'EOF'
compiler ruta
let out = []
" The diagnostic as ruta printed it.
cgetfile diag.txt
let qf = filter(getqflist(), 'v:val.valid')
call add(out, 'count=' . len(qf))
if len(qf) > 0
  call add(out, printf('first=%d:%d:%s:%s', qf[0].lnum, qf[0].col, qf[0].type, qf[0].text))
  silent cfirst
  call add(out, 'at=' . virtcol('.') . ':' . strpart(getline('.'), col('.') - 1, 7))
endif
" :make runs ruta itself.
silent make --as-of 2026-06-01
let qf = filter(getqflist(), 'v:val.valid')
call add(out, 'make=' . len(qf) . ':' . (len(qf) ? qf[0].lnum . ':' . qf[0].type : ''))
call add(out, 'makeprg=' . &makeprg)
call writefile(out, 'vim.out')
EOF
vimrun efm.vim plan.ruta
if [ -f vim.out ]; then
    grep -qx 'count=2' vim.out || bad "errorformat: expected the error and its note: $(cat vim.out)"
    grep -q "^first=9:83:e:'crojass' no está declarado" vim.out || bad "errorformat: wrong entry: $(grep first vim.out)"
    grep -qx 'at=83:crojass' vim.out || bad ":cfirst does not land on the name: $(grep at= vim.out)"
    grep -qx 'make=2:9:e' vim.out || bad ":make did not fill the quickfix list: $(grep make vim.out)"
fi

# --- indentation -------------------------------------------------------------------
# A formatted plan without text blocks, its indentation removed, re-indented.
"$RUTA" fmt "$ROOT/tests/data/fmt/one_line.ruta" > formatted.ruta
sed 's/^[ \t]*//' formatted.ruta > flat.ruta
cat > indent.vim <<'EOF'
silent normal! gg=G
silent write! reindented.ruta
call writefile(['done'], 'vim.out')
EOF
vimrun indent.vim flat.ruta
if ! cmp -s formatted.ruta reindented.ruta; then
    bad "gg=G does not reproduce the formatted indentation"
    diff formatted.ruta reindented.ruta | head -20
fi

# --- :RutaFmt ----------------------------------------------------------------------------
cp "$ROOT/tests/data/fmt/messy.ruta" messy.ruta
cat > fmt.vim <<'EOF'
RutaFmt
silent write! fmt_result.ruta
call writefile(['done'], 'vim.out')
EOF
vimrun fmt.vim messy.ruta
cmp -s fmt_result.ruta "$ROOT/tests/data/fmt/messy.expected" || bad ":RutaFmt did not format the buffer as ruta fmt does"

if [ "$errors" -gt 0 ]; then
    echo "$errors check(s) failed"
    exit 1
fi
echo "vim: detection, syntax, errorformat, :make, indent and :RutaFmt work"
