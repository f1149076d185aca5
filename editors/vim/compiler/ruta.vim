" Vim compiler file for Ruta: `:compiler ruta` then `:make` runs
" `ruta check` on the current file and fills the quickfix list from its
" diagnostics (GCC-style lines: FILE:LINE:COL: error|warning|note: MESSAGE).
" Extra arguments go to ruta: `:make --as-of 2026-06-01`.
" Columns count characters, as Vim's %v does.
if exists('current_compiler')
  finish
endif
let current_compiler = 'ruta'

if exists(':CompilerSet') != 2
  command -nargs=* CompilerSet setlocal <args>
endif

let s:cpo_save = &cpo
set cpo&vim

CompilerSet makeprg=ruta\ check\ --color=never\ $*\ %:S
CompilerSet errorformat=%f:%l:%v:\ %trror:\ %m,
      \%f:%l:%v:\ %tarning:\ %m,
      \%f:%l:%v:\ %tote:\ %m,
      \%-G%.%#

let &cpo = s:cpo_save
unlet s:cpo_save
