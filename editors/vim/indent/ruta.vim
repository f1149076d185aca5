" Vim indent file for Ruta: one level (shiftwidth) per open '{', as
" `ruta fmt` writes it; text block content is left alone.
if exists('b:did_indent')
  finish
endif
let b:did_indent = 1

setlocal autoindent
setlocal indentexpr=RutaIndent(v:lnum)
setlocal indentkeys=0},0#,!^F,o,O

let b:undo_indent = 'setlocal autoindent< indentexpr< indentkeys<'

if exists('*RutaIndent')
  finish
endif

" Code of a line without strings and the trailing comment.
function! s:Code(lnum) abort
  let line = getline(a:lnum)
  let line = substitute(line, '"\%([^"\\]\|\\.\)*"', '""', 'g')
  return substitute(line, '#.*$', '', '')
endfunction

function! s:InTextBlock(lnum) abort
  return synIDattr(synID(a:lnum, 1, 1), 'name') ==# 'rutaTextBlock'
endfunction

" The previous code line, skipping blank lines and text block content.
function! s:PrevCode(lnum) abort
  let prev = prevnonblank(a:lnum - 1)
  while prev > 0 && s:InTextBlock(prev)
    let prev = prevnonblank(prev - 1)
  endwhile
  return prev
endfunction

function! s:Continues(lnum) abort
  return a:lnum > 0 && s:Code(a:lnum) =~# ',\s*$'
endfunction

" One level per open '{'; a list continued after a ',' is indented two
" levels more than its key, as `ruta fmt` writes it.
function! RutaIndent(lnum) abort
  if s:InTextBlock(a:lnum)
    return -1
  endif
  let prev = s:PrevCode(a:lnum)
  if prev == 0
    return 0
  endif
  if s:Continues(prev)
    return s:Continues(s:PrevCode(prev)) ? indent(prev) : indent(prev) + 2 * shiftwidth()
  endif
  let start = prev
  while s:Continues(s:PrevCode(start))
    let start = s:PrevCode(start)
  endwhile
  let ind = indent(start)
  let code = s:Code(prev)
  let opened = len(substitute(code, '[^{]', '', 'g')) - len(substitute(code, '[^}]', '', 'g'))
  if opened > 0 && code !~# '^\s*}'
    let ind += shiftwidth()
  endif
  if getline(a:lnum) =~# '^\s*}'
    let ind -= shiftwidth()
  endif
  return ind < 0 ? 0 : ind
endfunction
