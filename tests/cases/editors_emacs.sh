# The Emacs major mode in editors/emacs/ruta-mode.el: it byte-compiles
# without warnings, *.ruta opens in ruta-mode, the reference plan's keywords,
# keys, strings, comments and dates get their faces, indent-region gives a
# formatted plan its indentation back, compilation-mode jumps to the
# character a `ruta check` diagnostic names, and ruta-format-buffer formats
# like `ruta fmt`. Skipped, with the reason, when emacs is not installed.
# Run by tests/run.sh in an empty temporary directory, with RUTA, ROOT and
# SHARED set.
set -eu
: "${RUTA:?}" "${ROOT:?}" "${SHARED:?}"

if ! command -v emacs > /dev/null 2>&1; then
    echo "skip: emacs is not installed (editors/emacs not tested)"
    exit 0
fi

mkdir bin
ln -s "$RUTA" bin/ruta
PATH="$(pwd)/bin:$PATH"
export PATH

cp "$ROOT/editors/emacs/ruta-mode.el" .
cp "$SHARED/spec/examples/aromos.ruta" aromos.ruta
"$RUTA" fmt "$ROOT/tests/data/fmt/one_line.ruta" > formatted.ruta
sed 's/^[ \t]*//' formatted.ruta > flat.ruta
cp "$ROOT/tests/data/fmt/messy.ruta" messy.ruta
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

if ! timeout 60 emacs -Q --batch --eval '(setq byte-compile-error-on-warn t)' \
        -f batch-byte-compile ruta-mode.el > compile.log 2>&1; then
    echo "FAIL: ruta-mode.el does not byte-compile cleanly"
    cat compile.log
    exit 1
fi

cat > test.el <<'EOF'
(setq load-path (cons default-directory load-path))
(require 'ruta-mode)
(defvar failures 0)
(defun fail (fmt &rest args)
  (setq failures (1+ failures))
  (princ (concat "FAIL: " (apply #'format fmt args) "\n")))
(defun face-at (regexp &optional offset)
  (goto-char (point-min))
  (if (re-search-forward regexp nil t)
      (let ((f (get-text-property (+ (match-beginning 0) (or offset 0)) 'face)))
        (if (listp f) (car f) f))
    'not-found))

;; Detection and highlighting.
(find-file "aromos.ruta")
(unless (eq major-mode 'ruta-mode) (fail "*.ruta opens in %s" major-mode))
(font-lock-ensure)
(dolist (c '(("^# Plan" font-lock-comment-delimiter-face) ("^usar" font-lock-preprocessor-face)
             ("\"mdc\"" font-lock-string-face) ("^plan" font-lock-keyword-face)
             ("pat_2026" font-lock-type-face) ("establecimiento:" font-lock-constant-face)
             ("2026-03-02" font-lock-constant-face) ("Fortalecer" font-lock-string-face)
             ("^persona" font-lock-keyword-face) ("^  accion" font-lock-keyword-face 2)
             ("avance fortalezas" font-lock-keyword-face) ("avance fortalezas" font-lock-variable-name-face 7)
             ("^seguimiento" font-lock-keyword-face) ("\\$500" font-lock-constant-face)
             ("100%" font-lock-constant-face) ("nudo mentoria" font-lock-keyword-face)))
  (let ((got (face-at (car c) (nth 2 c))))
    (unless (eq got (nth 1 c)) (fail "face at %S: %S, expected %S" (car c) got (nth 1 c)))))

;; Indentation of a formatted plan without text blocks.
(find-file "flat.ruta")
(indent-region (point-min) (point-max))
(write-region (point-min) (point-max) "reindented.ruta")

;; A diagnostic in compilation-mode.
(with-current-buffer (get-buffer-create "*diag*")
  (insert-file-contents "diag.txt")
  (compilation-mode)
  (if (fboundp 'compilation--ensure-parse)
      (compilation--ensure-parse (point-max))
    (font-lock-ensure))
  (goto-char (point-min))
  (let ((compilation-auto-jump-to-first-error nil))
    (compile-goto-error)
    (unless (and (equal (file-name-nondirectory (or buffer-file-name "")) "plan.ruta")
                 (= (line-number-at-pos) 9)
                 (looking-at "crojass"))
      (fail "compile-goto-error went to %s:%d:%d" buffer-file-name (line-number-at-pos)
            (current-column)))))

;; ruta-format-buffer.
(find-file "messy.ruta")
(ruta-format-buffer)
(write-region (point-min) (point-max) "fmt_result.ruta")

(kill-emacs (if (> failures 0) 1 0))
EOF

errors=0
if ! timeout 60 emacs -Q --batch -l test.el > test.log 2>&1; then
    grep '^FAIL' test.log || tail -20 test.log
    errors=$((errors + 1))
fi
if ! cmp -s formatted.ruta reindented.ruta; then
    echo "FAIL: indent-region does not reproduce the formatted indentation"
    diff formatted.ruta reindented.ruta | head -20
    errors=$((errors + 1))
fi
if ! cmp -s fmt_result.ruta "$ROOT/tests/data/fmt/messy.expected"; then
    echo "FAIL: ruta-format-buffer does not format as ruta fmt does"
    errors=$((errors + 1))
fi
[ "$errors" -eq 0 ] || exit 1
echo "emacs: ruta-mode compiles, highlights, indents, jumps to diagnostics and formats"
