" Vim syntax file for Ruta, the language of school-improvement plans.
" Keywords are accent-folded as in the language (`acción` is `accion`);
" a name followed by ':' is an attribute key even when it is a keyword.
if exists('b:current_syntax')
  finish
endif
scriptencoding utf-8

let s:cpo_save = &cpo
set cpo&vim

syntax case match
syntax sync minlines=200

" Literals and punctuation.
syntax match rutaNumber /\v<\d+(_\d+)*(\.\d+(_\d+)*)?>/
syntax match rutaUnit /\v(<\d+(_\d+)*(\.\d+(_\d+)*)?\s*)@<=[A-Za-z_áéíóúüñÁÉÍÓÚÜÑ][A-Za-z_áéíóúüñÁÉÍÓÚÜÑ0-9]*>(\s*:)@!/
syntax match rutaPercent /\v<\d+(_\d+)*(\.\d+(_\d+)*)?[%]/
syntax match rutaMoney /\v\$\d+(\.\d{3})*/
syntax match rutaMoney /\v<\d+(_\d+)*(\.\d+(_\d+)*)?\s*(CLP|UF)>/
syntax match rutaDate /\v<\d{4}-\d{2}-\d{2}>/
syntax match rutaTime /\v<\d{1,2}:\d{2}>/
syntax match rutaRange /\.\./
syntax match rutaBrace /[{}]/
syntax match rutaDelimiter /[,;]/
syntax keyword rutaConstant creciente decreciente si sí no no_aplica

" Keys, then declarations and entries (defined later: `nudo:` is an entry).
syntax match rutaKey /\v<[A-Za-z_áéíóúüñÁÉÍÓÚÜÑ][A-Za-z_áéíóúüñÁÉÍÓÚÜÑ0-9]*>\ze[ \t]*:/
syntax keyword rutaUsar usar
syntax match rutaDecl /\v<(pl[aá]n|p[eé]rs[oó]n[aá]|[eé]q[uúü][ií]p[oó]|c[aá]p[aá]c[ií]d[aá]d|[aá]cc[ií][oó]n|[ií]nd[ií]c[aá]d[oó]r|h[ií]t[oó]|v[oó]c[aá]b[uúü]l[aá]r[ií][oó]|c[aá]l[eé]nd[aá]r[ií][oó])>(\s*:)@!/ skipwhite nextgroup=rutaDeclName
syntax match rutaDeclName /\v[A-Za-z_áéíóúüñÁÉÍÓÚÜÑ][A-Za-z_áéíóúüñÁÉÍÓÚÜÑ0-9]*/ contained
syntax match rutaDecl /\v<(s[eé]g[uúü][ií]m[ií][eé]nt[oó]|[aá][uúü]t[oó][eé]v[aá]l[uúü][aá]c[ií][oó]n)>(\s*:)@!/
syntax match rutaEntry /\v<([aá]v[aá]nc[eé]|m[eé]d[ií]c[ií][oó]n|n[uúü]d[oó]|l[oó]gr[oó]|[aá]c[uúü][eé]rd[oó]|[aá]pr[eé]nd[ií]z[aá]j[eé]|[oó]bs[eé]rv[aá]c[ií][oó]n|c[uúü]mpl[ií]d[oó]|r[eé]s[uúü][eé]lt[oó]|[aá]j[uúü]st[eé])>(\s*:)@!/ skipwhite nextgroup=rutaEntryTarget
syntax match rutaEntryTarget /\v[A-Za-z_áéíóúüñÁÉÍÓÚÜÑ][A-Za-z_áéíóúüñÁÉÍÓÚÜÑ0-9]*\ze[ \t]*:/ contained
syntax match rutaEntry /\v<([aá]v[aá]nc[eé]|m[eé]d[ií]c[ií][oó]n|n[uúü]d[oó]|l[oó]gr[oó]|[aá]c[uúü][eé]rd[oó]|[aá]pr[eé]nd[ií]z[aá]j[eé]|[oó]bs[eé]rv[aá]c[ií][oó]n|c[uúü]mpl[ií]d[oó]|r[eé]s[uúü][eé]lt[oó]|[aá]j[uúü]st[eé])>\ze[ \t]*:/
syntax match rutaCalendar /\v<(feriado|vacaciones)>(\s*:)@!/

" Strings, text blocks and comments come last: they win over the rest.
syntax match rutaEscape /\\["\\nt]/ contained
syntax match rutaBadEscape /\\[^"\\nt]/ contained
syntax region rutaString start=/"/ skip=/\\\\\|\\"/ end=/"/ end=/$/ oneline contains=rutaEscape,rutaBadEscape
syntax region rutaTextBlock start=/"""/ end=/"""/ keepend
syntax keyword rutaTodo TODO FIXME XXX PENDIENTE contained
syntax match rutaComment /#.*$/ contains=rutaTodo,@Spell

highlight default link rutaComment Comment
highlight default link rutaTodo Todo
highlight default link rutaString String
highlight default link rutaTextBlock String
highlight default link rutaEscape SpecialChar
highlight default link rutaBadEscape Error
highlight default link rutaUsar Include
highlight default link rutaDecl Structure
highlight default link rutaDeclName Identifier
highlight default link rutaEntry Statement
highlight default link rutaEntryTarget Identifier
highlight default link rutaCalendar Statement
highlight default link rutaKey Type
highlight default link rutaNumber Number
highlight default link rutaPercent Number
highlight default link rutaMoney Number
highlight default link rutaDate Constant
highlight default link rutaTime Constant
highlight default link rutaUnit Special
highlight default link rutaRange Operator
highlight default link rutaBrace Delimiter
highlight default link rutaDelimiter Delimiter
highlight default link rutaConstant Boolean

let b:current_syntax = 'ruta'

let &cpo = s:cpo_save
unlet s:cpo_save
