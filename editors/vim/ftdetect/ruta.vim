" Vim filetype detection for Ruta plans (*.ruta).
autocmd BufRead,BufNewFile *.ruta setfiletype ruta
