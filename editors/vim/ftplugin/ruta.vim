" Vim filetype plugin for Ruta plans: comments, indentation, `:make` with
" `ruta check` (compiler/ruta.vim) and `gq` / `:RutaFmt` with `ruta fmt`.
if exists('b:did_ftplugin')
  finish
endif
let b:did_ftplugin = 1

let s:cpo_save = &cpo
set cpo&vim

setlocal commentstring=#\ %s
setlocal comments=:#
setlocal formatoptions-=t formatoptions+=croql
setlocal expandtab shiftwidth=2 softtabstop=2
setlocal iskeyword=@,48-57,_,192-255
setlocal suffixesadd=.ruta
compiler ruta

" Formats the whole buffer with `ruta fmt -`; on a syntax error the buffer
" is left as it was and the diagnostics go to the quickfix list.
function! s:RutaFmt() abort
  let view = winsaveview()
  let lines = getline(1, '$')
  let out = systemlist('ruta fmt -', lines)
  if v:shell_error == 0
    if out !=# lines
      silent! undojoin
      call setline(1, out)
      if line('$') > len(out)
        silent execute (len(out) + 1) . ',$delete _'
      endif
    endif
    call winrestview(view)
  else
    let errs = map(copy(out), 'substitute(v:val, "^<stdin>", expand("%"), "")')
    cexpr errs
    echohl WarningMsg | echo 'ruta fmt: el archivo tiene errores de sintaxis (:copen)' | echohl None
  endif
endfunction
command! -buffer RutaFmt call s:RutaFmt()

let b:undo_ftplugin = 'setlocal commentstring< comments< formatoptions< expandtab< shiftwidth<'
      \ . ' softtabstop< iskeyword< suffixesadd< makeprg< errorformat<'
      \ . ' | delcommand RutaFmt'

let &cpo = s:cpo_save
unlet s:cpo_save
