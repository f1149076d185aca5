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
LDLIBS    += -lhpdf -lm -lpthread

B         ?= build
SRCS      := $(wildcard compiler/*.c)
OBJS      := $(SRCS:compiler/%.c=$(B)/%.o) $(B)/lexer.o $(B)/parser.o
LIBOBJS   := $(filter-out $(B)/main.o,$(OBJS))

.PHONY: all check demo deps asan install clean unit test

all: $(B)/ruta

$(B):
	mkdir -p $(B)

$(B)/parser.c $(B)/parser.h: grammar/parser.y | $(B)
	$(BISON) -Wall -Werror --defines=$(B)/parser.h -o $(B)/parser.c $<

$(B)/lexer.c $(B)/lexer.h: grammar/lexer.l | $(B)
	$(FLEX) --header-file=$(B)/lexer.h -o $(B)/lexer.c $<

# Generated code: same standard, warnings kept but not fatal for flex's
# unused helpers.
$(B)/lexer.o: $(B)/lexer.c $(B)/parser.h
	$(CC) $(CSTD) $(OPT) $(EXTRA_CFLAGS) $(CPPFLAGS) -Wall -Wno-unused-function -Wno-sign-compare -c -o $@ $<

$(B)/parser.o: $(B)/parser.c $(B)/lexer.h
	$(CC) $(CSTD) $(OPT) $(EXTRA_CFLAGS) $(CPPFLAGS) -Wall -Wextra -Werror -c -o $@ $<

$(B)/%.o: compiler/%.c $(B)/parser.h $(B)/lexer.h $(wildcard compiler/*.h compiler/*.def) | $(B)
	@echo "  CC      $<"
	@$(CC) $(CSTD) $(WARNINGS) $(OPT) $(EXTRA_CFLAGS) $(CPPFLAGS) -c -o $@ $<

$(B)/ruta: $(OBJS)
	$(CC) $(OPT) $(EXTRA_CFLAGS) $(LDFLAGS) -o $@ $(OBJS) $(LDLIBS)

# Unit tests link the compiler's modules with a test driver.
UNIT_SRCS := $(wildcard tests/unit/*.c)
$(B)/unit_tests: $(UNIT_SRCS) $(wildcard tests/unit/*.h) $(LIBOBJS)
	$(CC) $(CSTD) $(WARNINGS) $(OPT) $(EXTRA_CFLAGS) $(CPPFLAGS) -o $@ $(UNIT_SRCS) $(LIBOBJS) $(LDLIBS)

deps:
	@sh scripts/deps.sh

test: $(B)/ruta $(B)/unit_tests
	@sh tests/run.sh $(B)

check: deps
	@$(MAKE) --no-print-directory all $(B)/unit_tests
	@sh tests/run.sh $(B)
	@$(MAKE) --no-print-directory asan

asan:
	@$(MAKE) --no-print-directory B=build/asan OPT="-O1 -g -fno-omit-frame-pointer" \
	    EXTRA_CFLAGS="-fsanitize=address,undefined -fno-sanitize-recover=all" \
	    build/asan/ruta build/asan/unit_tests
	@ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 sh tests/run.sh build/asan

demo: deps
	@$(MAKE) --no-print-directory all
	@sh scripts/demo.sh $(B)/ruta

install: $(B)/ruta
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/stdlib $(DESTDIR)$(MANDIR)
	install -m 755 $(B)/ruta $(DESTDIR)$(BINDIR)/ruta
	cd stdlib && find . -name '*.ruta' -exec install -D -m 644 {} $(DESTDIR)$(DATADIR)/stdlib/{} \;
	install -m 644 docs/ruta.1 $(DESTDIR)$(MANDIR)/ruta.1

clean:
	rm -rf build out
