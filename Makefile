# Ruta - build, test and install.
#
#   make            build build/ruta
#   make check      install missing packages, build, run every test
#   make demo       install missing packages, build, turn a sample into out/
#   make deps       install the Debian packages the build and tests need
#   make asan       build build/asan/ruta with ASan+UBSan and run the tests on it
#   make install PREFIX=/usr/local
#   make clean

PREFIX    ?= /usr/local
BINDIR    ?= $(PREFIX)/bin
DATADIR   ?= $(PREFIX)/share/ruta
MANDIR    ?= $(PREFIX)/share/man/man1

CC        ?= cc
FLEX      ?= flex
BISON     ?= bison
WARNINGS  := -Wall -Wextra -Wpedantic -Werror
CSTD      := -std=c11 -D_XOPEN_SOURCE=700
OPT       ?= -O2 -g
SRCDIR    := $(CURDIR)
CPPFLAGS  += -Icompiler -I$(B) \
             -DRUTA_STDLIB_INSTALLED='"$(DATADIR)/stdlib"' \
             -DRUTA_STDLIB_SOURCE='"$(SRCDIR)/stdlib"'
# libharu is not linked: hpdf_api.c loads it by its soname, read here from
# the development library, when a command makes a PDF. libjansson is
# linked in, and libm only where a compiler calls it (GCC inlines the few
# functions used): each shared library costs every start its mapping and
# relocation (docs/performance.md 3.8, 3.11).
LDLIBS    += -Wl,-Bstatic -ljansson -Wl,-Bdynamic -Wl,--as-needed -lm -Wl,--no-as-needed -lpthread
HPDF_SONAME = $(shell objdump -p "$$($(CC) -print-file-name=libhpdf.so)" 2>/dev/null | awk '/SONAME/ { print $$2 }')

B         ?= build
SRCS      := $(wildcard compiler/*.c)
OBJS      := $(SRCS:compiler/%.c=$(B)/%.o) $(B)/lexer.o $(B)/parser.o $(B)/parser_quick.o
LIBOBJS   := $(filter-out $(B)/main.o,$(OBJS))

.PHONY: all check demo deps asan asan-build install clean unit test docs

all: $(B)/ruta

$(B):
	mkdir -p $(B)

$(B)/parser.c $(B)/parser.h &: grammar/parser.y | $(B)
	$(BISON) -Wall -Werror --defines=$(B)/parser.h -o $(B)/parser.c $<

# The same grammar without LAC, tried first (compiler/parse.h): its yyparse
# is renamed at compile time, its types are those of parser.h. It has no
# `key` rule either: `key` only passes KEY through for the yyerrok of error
# recovery, which the quick parser never reaches (it gives up at its first
# syntax error), and its reduction costs 3 % of a check's instructions;
# the tree is the same (docs/performance.md 3.12). The sed turns `key`
# into KEY at the start of an alternative (`| key ...`, `| items key
# ...`). bison -Werror rejects a half-done edit (a `key` left without
# rules or unused); the cmp, an edit of parser.y that the sed no longer
# matches.
$(B)/parser_quick.y: grammar/parser.y Makefile | $(B)
	sed -e 's/^\(    [:|] \(items \)\{0,1\}\)key /\1KEY /' -e '/^key$$/,/^    ;$$/d' \
	    -e 's/^\(%type <name> persona_kw\) key$$/\1/' $< > $@.tmp
	! cmp -s $< $@.tmp
	mv $@.tmp $@

$(B)/parser_quick.c: $(B)/parser_quick.y
	$(BISON) -Wall -Werror -Fparse.lac=none -o $@ $<

$(B)/lexer.c $(B)/lexer.h &: grammar/lexer.l | $(B)
	$(FLEX) --header-file=$(B)/lexer.h -o $(B)/lexer.c $<

# Generated code: same standard, warnings kept but not fatal for flex's
# unused helpers.
HEADERS   := $(wildcard compiler/*.h compiler/*.def)

$(B)/lexer.o: $(B)/lexer.c $(B)/parser.h $(HEADERS)
	$(CC) $(CSTD) $(OPT) $(EXTRA_CFLAGS) $(CPPFLAGS) -Wall -Wno-unused-function -Wno-sign-compare -c -o $@ $<

$(B)/parser.o: $(B)/parser.c $(B)/lexer.h $(HEADERS)
	$(CC) $(CSTD) $(OPT) $(EXTRA_CFLAGS) $(CPPFLAGS) -Wall -Wextra -Werror -c -o $@ $<

$(B)/parser_quick.o: $(B)/parser_quick.c $(B)/lexer.h $(HEADERS)
	$(CC) $(CSTD) $(OPT) $(EXTRA_CFLAGS) $(CPPFLAGS) -Dyyparse=ruta_parse_quick -Wall -Wextra -Werror -c -o $@ $<

$(B)/hpdf_api.o: CPPFLAGS += $(if $(HPDF_SONAME),-DRUTA_HPDF_SONAME='"$(HPDF_SONAME)"')

$(B)/%.o: compiler/%.c $(B)/parser.h $(B)/lexer.h $(HEADERS) | $(B)
	@echo "  CC      $<"
	@$(CC) $(CSTD) $(WARNINGS) $(OPT) $(EXTRA_CFLAGS) $(CPPFLAGS) -c -o $@ $<

$(B)/ruta: $(OBJS) Makefile
	$(CC) $(OPT) $(EXTRA_CFLAGS) $(LDFLAGS) -o $@ $(OBJS) $(LDLIBS)

# Unit tests link the compiler's modules with a test driver.
UNIT_SRCS := $(wildcard tests/unit/*.c)
$(B)/unit_tests: $(UNIT_SRCS) $(wildcard tests/unit/*.h) $(LIBOBJS)
	$(CC) $(CSTD) $(WARNINGS) $(OPT) $(EXTRA_CFLAGS) $(CPPFLAGS) -o $@ $(UNIT_SRCS) $(LIBOBJS) $(LDLIBS)

deps:
	@sh scripts/deps.sh

ASAN_FLAGS := -fsanitize=address,undefined,float-cast-overflow -fno-sanitize-recover=all
export ASAN_OPTIONS := detect_leaks=1
export UBSAN_OPTIONS := print_stacktrace=1

test: $(B)/ruta $(B)/unit_tests
	@sh tests/run.sh $(B)

# The whole suite on the normal build and on the ASan+UBSan build, in one
# run that ends with a single "N passed, N failed" line.
check: deps
	@$(MAKE) --no-print-directory all $(B)/unit_tests
	@$(MAKE) --no-print-directory asan-build
	@$(MAKE) --no-print-directory fuzz-smoke
	@sh tests/run.sh $(B) build/asan

asan-build:
	@$(MAKE) --no-print-directory B=build/asan OPT="-O1 -g -fno-omit-frame-pointer" \
	    EXTRA_CFLAGS="$(ASAN_FLAGS) -DRUTA_SCAN_BUFFER=16 -DRUTA_SPLIT_MIN=128 -DRUTA_PAR_MIN=2 -DRUTA_EXPECT_MIN=1024" build/asan/ruta build/asan/unit_tests

asan: asan-build
	@sh tests/run.sh build/asan

demo: deps
	@$(MAKE) --no-print-directory all
	@sh scripts/demo.sh $(B)/ruta

# Generated reference pages: the catalogue and the schema are the source.
docs: $(B)/ruta
	@{ printf '# Diagnostics catalogue\n\nGenerated by `make docs` from `compiler/diag_catalog.def`; do not edit by hand.\nEach code keeps its number forever. Severity `warning` codes can be silenced with\n`permitir:` in the plan or `--allow CODE`, and promoted with `--deny CODE` or `-Werror`.\n\n'; \
	   $(B)/ruta --list-codes; } > docs/diagnostics.md
	@{ printf '# Attribute schema\n\nGenerated by `make docs` from `compiler/schema.def`; do not edit by hand.\nKeys are listed in canonical order (the order `ruta fmt` writes).\n'; \
	   $(B)/ruta --list-schema; } > docs/schema.md
	@echo "docs/diagnostics.md and docs/schema.md regenerated"

install: $(B)/ruta
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/stdlib $(DESTDIR)$(MANDIR)
	install -m 755 $(B)/ruta $(DESTDIR)$(BINDIR)/ruta
	cd stdlib && find . -name '*.ruta' -exec install -D -m 644 {} $(DESTDIR)$(DATADIR)/stdlib/{} \;
	install -m 644 docs/ruta.1 $(DESTDIR)$(MANDIR)/ruta.1

clean:
	rm -rf build out

# Fragments for further targets (bench, fuzz...) live beside their code.
-include $(wildcard mk/*.mk)
