# Limit: a plan file or a module has at most 256 MiB. A bigger file is
# refused from its size alone (fstat), before anything is read: the main
# file with exit 2 and a message that names the file and states the cap, a
# module with E107 at its `usar`. Non-regular files are refused the same
# way (the directory, FIFO and /dev/zero cases are in bad_inputs.sh).
# Run by tests/run.sh in an empty temporary directory, with RUTA and ROOT set.
set -eu
: "${RUTA:?}" "${ROOT:?}"
. "$ROOT/tests/lib/limits.sh"

# run NAME ARGS...: stdout+stderr in NAME.out, status in $rc. The limit
# must be enforced without reading the file: 60 s is for valgrind.
# Sparse files: no disk space is used.
truncate -s 257M grande.ruta
truncate -s 268435457 justo_encima.ruta   # 256 MiB + 1 byte

# 1. The main file, for check and for a backend: exit 2, nothing written.
run big_check check --as-of 2026-06-01 grande.ruta
expect_rc big_check 2
expect_in big_check "grande.ruta"
expect_in big_check "256 MiB"
n=$(grep -c '' big_check.out)
[ "$n" -le 3 ] || bad "big_check: $n lines of output for one refused file"

run one_byte_over check --as-of 2026-06-01 justo_encima.ruta
expect_rc one_byte_over 2
expect_in one_byte_over "256 MiB"

run big_csv csv --as-of 2026-06-01 grande.ruta -o salida.csv
expect_rc big_csv 2
expect_in big_csv "256 MiB"
[ -e salida.csv ] && bad "big_csv: an output file was written"

# 2. Several files: the big one is refused, the others still checked.
printf 'persona p "P" { rol: docentte }\n' > otro.ruta
run big_and_other check --as-of 2026-06-01 --color=never grande.ruta otro.ruta
expect_rc big_and_other 2
expect_in big_and_other "256 MiB"
expect_in big_and_other "otro.ruta:1:22: error:"

# 3. As a module: E107 at the `usar`, exit 1.
printf 'usar "grande.ruta"\n' > usa_grande.ruta
run big_module check --as-of 2026-06-01 --color=never usa_grande.ruta
expect_rc big_module 1
expect_in big_module "usa_grande.ruta:1:6: error:"
expect_in big_module "256 MiB"
expect_in big_module "[E107]"

# 4. Character devices are not plan files.
run dev_null check --as-of 2026-06-01 /dev/null
expect_rc dev_null 2
expect_in dev_null "/dev/null"

finish
