# Every example of docs/tutorial.md is true. The tutorial marks its code
# blocks with an HTML comment on the line before them:
#   <!-- archivo: F -->        the block is tests/data/tutorial/F, exactly
#   <!-- fragmento: F -->      the block appears, as is, in tests/data/tutorial/F
#   <!-- salida N: CMD -->     CMD prints the block (stdout and stderr) and
#                              exits N (0 when N is omitted)
#   <!-- sin salida: CMD -->   CMD prints nothing and exits 0; a file it
#                              writes with -o exists and is not empty
# Commands run in a copy of tests/data/tutorial with `ruta` on the PATH.
# Every file of tests/data/tutorial must be used by the tutorial.
# Run by tests/run.sh in an empty temporary directory, with RUTA and ROOT.
set -eu
: "${RUTA:?}" "${ROOT:?}"
DOC="$ROOT/docs/tutorial.md"
DATA="$ROOT/tests/data/tutorial"

errors=0
bad() {
    echo "FAIL: $*"
    errors=$((errors + 1))
}

mkdir bin blocks work
ln -s "$RUTA" bin/ruta
PATH="$(pwd)/bin:$PATH"
export PATH
cp "$DATA"/* work/

# blocks/N holds the Nth marked block; index has "N<TAB>kind<TAB>status<TAB>argument".
awk -v dir=blocks '
    /^<!-- (archivo|fragmento|sin salida|salida( [0-9]+)?): .* -->$/ {
        line = $0
        sub(/^<!-- /, "", line); sub(/ -->$/, "", line)
        colon = index(line, ": ")
        kind = substr(line, 1, colon - 1); arg = substr(line, colon + 2)
        status = 0
        if (kind ~ /^salida [0-9]+$/) { status = substr(kind, 8); kind = "salida" }
        if (kind == "sin salida") kind = "vacio"
        pending = 1
        next
    }
    pending && !inblock && /^```/ {
        inblock = 1; n++
        printf "%d\t%s\t%s\t%s\n", n, kind, status, arg > "index"
        printf "" > (dir "/" n)
        next
    }
    inblock && /^```$/ { inblock = 0; pending = 0; close(dir "/" n); next }
    inblock { print > (dir "/" n) }
' "$DOC"
[ -f index ] || { echo "FAIL: no marked examples in docs/tutorial.md"; exit 1; }

tab=$(printf '\t')
used=""
while IFS="$tab" read -r n kind status arg; do
    block="blocks/$n"
    case $kind in
    archivo)
        used="$used $arg"
        cmp -s "$block" "$DATA/$arg" || { bad "tutorial block $n differs from tests/data/tutorial/$arg"; diff "$block" "$DATA/$arg" | head -10; }
        ;;
    fragmento)
        used="$used $arg"
        awk -v RS='\001' 'NR == FNR { frag = $0; next } { found = index($0, frag) } END { exit found ? 0 : 1 }' \
            "$block" "$DATA/$arg" || bad "tutorial block $n is not in tests/data/tutorial/$arg"
        ;;
    salida | vacio)
        for w in $arg; do
            case $w in *.ruta) used="$used $w" ;; esac
        done
        set +e
        (cd work && timeout 60 sh -c "$arg" > ../out.txt 2>&1 < /dev/null)
        rc=$?
        set -e
        if [ "$kind" = vacio ]; then
            [ "$rc" -eq 0 ] || bad "'$arg': exit $rc, the tutorial says it succeeds"
            [ -s out.txt ] && { bad "'$arg' printed something, the tutorial says nothing"; head -10 out.txt; }
            out=$(printf '%s\n' "$arg" | sed -n 's/.* -o \([^ ]*\).*/\1/p')
            if [ -n "$out" ] && [ ! -s "work/$out" ]; then bad "'$arg' did not write $out"; fi
        else
            [ "$rc" -eq "$status" ] || bad "'$arg': exit $rc, the tutorial shows $status"
            cmp -s out.txt "$block" || { bad "'$arg' prints something else than the tutorial shows"; diff "$block" out.txt | head -20; }
        fi
        ;;
    esac
done < index

count=$(wc -l < index)
[ "$count" -ge 10 ] || bad "only $count marked examples in the tutorial"
for f in "$DATA"/*; do
    name=$(basename "$f")
    case " $used " in *" $name "*) ;; *) bad "tests/data/tutorial/$name is not used by the tutorial" ;; esac
done

if [ "$errors" -gt 0 ]; then
    echo "$errors check(s) failed"
    exit 1
fi
echo "$count tutorial examples checked"
