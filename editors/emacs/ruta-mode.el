;;; ruta-mode.el --- Major mode for Ruta school-improvement plans  -*- lexical-binding: t; -*-

;; Keywords: languages
;; Package-Requires: ((emacs "25.1"))

;;; Commentary:

;; Highlighting, indentation (two spaces per open brace, as `ruta fmt'
;; writes), `#' comments, `M-x compile' with `ruta check' (its diagnostics
;; use the GNU format that `compilation-mode' already reads), and
;; `ruta-format-buffer' (`C-c C-f') with `ruta fmt'.  With Eglot, `M-x eglot'
;; starts the language server `ruta lsp'.
;;
;; Install: put this file on `load-path' and add (require 'ruta-mode).

;;; Code:

(require 'compile)

(defgroup ruta nil
  "Ruta school-improvement plans."
  :group 'languages)

(defcustom ruta-command "ruta"
  "The `ruta' program."
  :type 'string)

(defcustom ruta-indent-offset 2
  "Columns per indentation level."
  :type 'integer)

(defconst ruta--letter "A-Za-z_áéíóúüñÁÉÍÓÚÜÑ"
  "Characters that start a Ruta name.")

(defun ruta--folded (words)
  "A regexp matching WORDS with any vowel accented (names are accent-folded)."
  (concat "\\_<\\(?:"
          (mapconcat
           (lambda (w)
             (mapconcat (lambda (c)
                          (pcase c
                            (?a "[aá]") (?e "[eé]") (?i "[ií]") (?o "[oó]") (?u "[uúü]")
                            (_ (regexp-quote (string c)))))
                        w ""))
           words "\\|")
          "\\)\\_>"))

(defconst ruta--declarations
  '("plan" "persona" "equipo" "capacidad" "accion" "indicador" "hito"
    "seguimiento" "vocabulario" "calendario" "autoevaluacion"))

(defconst ruta--entries
  '("avance" "medicion" "nudo" "logro" "acuerdo" "aprendizaje" "observacion"
    "cumplido" "resuelto" "ajuste"))

(defconst ruta--name (concat "[" ruta--letter "][" ruta--letter "0-9]*"))

(defconst ruta-font-lock-keywords
  `(;; A key: a name followed by `:' (even a keyword, `capacidad: x').
    (,(concat "\\(" (ruta--folded ruta--entries) "\\)[ \t]+\\(" ruta--name "\\)[ \t]*:")
     (1 font-lock-keyword-face) (2 font-lock-variable-name-face))
    (,(concat "\\(" (ruta--folded ruta--entries) "\\)[ \t]*:") 1 font-lock-keyword-face)
    (,(concat "\\_<\\(" ruta--name "\\)[ \t]*:") 1 font-lock-constant-face)
    (,(concat "\\(" (ruta--folded ruta--declarations) "\\)\\(?:[ \t]+\\(" ruta--name "\\)\\)?")
     (1 font-lock-keyword-face) (2 font-lock-type-face nil t))
    ("\\_<\\(usar\\)\\_>" 1 font-lock-preprocessor-face)
    (,(ruta--folded '("feriado" "vacaciones")) . font-lock-keyword-face)
    (,(ruta--folded ruta--entries) . font-lock-keyword-face)
    ("\\_<[0-9]\\{4\\}-[0-9]\\{2\\}-[0-9]\\{2\\}\\_>" . font-lock-constant-face)
    ("\\_<[0-9]\\{1,2\\}:[0-9]\\{2\\}\\_>" . font-lock-constant-face)
    ("\\$[0-9][0-9.]*" . font-lock-constant-face)
    ("\\_<[0-9][0-9_.]*%" . font-lock-constant-face)
    ("\\_<\\(creciente\\|decreciente\\|s[ií]\\|no\\|no_aplica\\)\\_>" . font-lock-builtin-face))
  "Highlighting of Ruta plans.")

(defvar ruta-mode-syntax-table
  (let ((st (make-syntax-table)))
    (modify-syntax-entry ?# "<" st)
    (modify-syntax-entry ?\n ">" st)
    (modify-syntax-entry ?\" "\"" st)
    (modify-syntax-entry ?\\ "\\" st)
    (modify-syntax-entry ?_ "_" st)
    (modify-syntax-entry ?{ "(}" st)
    (modify-syntax-entry ?} "){" st)
    (modify-syntax-entry ?% "." st)
    (modify-syntax-entry ?$ "." st)
    (dolist (c (string-to-list "áéíóúüñÁÉÍÓÚÜÑ"))
      (modify-syntax-entry c "w" st))
    st)
  "Syntax table of `ruta-mode'.")

(defun ruta--continued-p ()
  "Does the code line before point end with a `,' (a list going on)?"
  (save-excursion
    (beginning-of-line)
    (when (re-search-backward "[^ \t\n]" nil t)
      (let ((ppss (syntax-ppss)))
        (when (nth 4 ppss) (goto-char (nth 8 ppss)) (skip-chars-backward " \t")
              (backward-char)))
      (eq (char-after) ?,))))

(defun ruta-indent-line ()
  "Indent the current line: one level per brace still open before it, two
more for a list continued after a `,', as `ruta fmt' writes it."
  (interactive)
  (let* ((ppss (save-excursion (syntax-ppss (line-beginning-position))))
         (in-string (nth 3 ppss))
         (depth (car ppss))
         (closing (save-excursion (back-to-indentation) (eq (char-after) ?}))))
    (unless in-string                   ; text blocks keep their lines
      (let ((col (* ruta-indent-offset (+ (max 0 (- depth (if closing 1 0)))
                                          (if (ruta--continued-p) 2 0))))
            (offset (- (current-column) (current-indentation))))
        (indent-line-to col)
        (when (> offset 0) (move-to-column (+ col offset)))))))

(defun ruta-format-buffer ()
  "Format the buffer with `ruta fmt'.
On syntax errors, show them and keep the text as it is."
  (interactive)
  (let ((out (generate-new-buffer " *ruta fmt*"))
        (err (make-temp-file "ruta-fmt"))
        (point (point)))
    (unwind-protect
        (if (zerop (call-process-region (point-min) (point-max) ruta-command nil
                                        (list out err) nil "fmt" "-"))
            (progn
              (unless (= 0 (compare-buffer-substrings nil nil nil out nil nil))
                (if (fboundp 'replace-buffer-contents)
                    (replace-buffer-contents out)
                  (erase-buffer)
                  (insert-buffer-substring out)))
              (goto-char (min point (point-max))))
          (with-current-buffer (get-buffer-create "*ruta fmt errors*")
            (let ((inhibit-read-only t))
              (erase-buffer)
              (insert-file-contents err))
            (compilation-mode)
            (display-buffer (current-buffer))))
      (kill-buffer out)
      (delete-file err))))

(defvar ruta-mode-map
  (let ((map (make-sparse-keymap)))
    (define-key map (kbd "C-c C-f") #'ruta-format-buffer)
    map)
  "Keymap of `ruta-mode'.")

;;;###autoload
(define-derived-mode ruta-mode prog-mode "Ruta"
  "Major mode for Ruta school-improvement plans."
  :syntax-table ruta-mode-syntax-table
  (setq-local comment-start "# ")
  (setq-local comment-start-skip "#+[ \t]*")
  (setq-local font-lock-defaults '(ruta-font-lock-keywords))
  (setq-local indent-line-function #'ruta-indent-line)
  (setq-local indent-tabs-mode nil)
  (setq-local compile-command
              (concat ruta-command " check --color=never "
                      (when buffer-file-name (shell-quote-argument buffer-file-name)))))

;;;###autoload
(add-to-list 'auto-mode-alist '("\\.ruta\\'" . ruta-mode))

(with-eval-after-load 'eglot
  (when (boundp 'eglot-server-programs)
    (add-to-list 'eglot-server-programs '(ruta-mode "ruta" "lsp"))))

(provide 'ruta-mode)
;;; ruta-mode.el ends here
