# Fuzzing: libFuzzer targets over the whole check (fuzz/fuzz_check.c), over
# the formatter (fuzz/fuzz_fmt.c) and over the PDF report of clean plans
# (fuzz/fuzz_pdf.c).
#
#   make fuzz                   run the check target for FUZZ_SECONDS (default 60)
#   make fuzz FUZZ_SECONDS=3600 an hour; new inputs accumulate in the corpus
#   make fuzz FUZZ_TARGET=fmt   the formatter's target (corpus build/fuzz/corpus_fmt)
#   make fuzz FUZZ_TARGET=pdf   the PDF report's target (corpus build/fuzz/corpus_pdf)
#   make fuzz-smoke             short bounded runs of the three for CI (FUZZ_SMOKE_SECONDS,
#                               FUZZ_SMOKE_FMT_SECONDS, FUZZ_SMOKE_PDF_SECONDS)
#   make fuzz-build             only build build/fuzz/fuzz_check, fuzz_fmt and fuzz_pdf
#
# The compiler's objects are rebuilt with clang under build/fuzz/ with
# -fsanitize=fuzzer-no-link,address,undefined; the targets link them all
# but main.o. Seeds: samples/, tests/golden/*.ruta, the stdlib and the
# reference plan; the corpus grows in build/fuzz/corpus/ (corpus_fmt/ for
# the formatter), and a finding is written to build/fuzz/artifacts/ (then
# the run fails). Each finding becomes tests/golden/regress_NAME.ruta (see
# docs/performance.md).
#
# The scanner's buffer is 64 bytes here (RUTA_SCAN_BUFFER; 16 KiB in the
# release build, 16 bytes in the sanitizer build): every input crosses
# reads in the middle of its tokens, and a string, comment or text block
# of up to about 60 bytes still fits whole in a read, so that the
# scanner's fast paths over bodies take it (fuzz_check.c compares them
# with the DFA alone).

FUZZ_SECONDS       ?= 60
FUZZ_SMOKE_SECONDS ?= 45
FUZZ_SMOKE_FMT_SECONDS ?= 25
FUZZ_SMOKE_PDF_SECONDS ?= 25
FUZZ_TARGET        ?= check
FUZZ_B             := build/fuzz
FUZZ_FLAGS         ?= -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
                      -dict=fuzz/ruta.dict -print_final_stats=1

.PHONY: fuzz fuzz-smoke fuzz-build fuzz-seeds

fuzz-build:
	@$(MAKE) --no-print-directory B=$(FUZZ_B) CC=clang \
	    OPT="-O1 -g -fno-omit-frame-pointer" WARNINGS="-Wall -Wextra" \
	    EXTRA_CFLAGS="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all -DRUTA_SCAN_BUFFER=64 -DRUTA_SPLIT_MIN=128 -DRUTA_PAR_MIN=2 -DRUTA_EXPECT_MIN=1024" \
	    $(FUZZ_B)/fuzz_check $(FUZZ_B)/fuzz_fmt $(FUZZ_B)/fuzz_pdf

# Built inside the sub-make above, where B is build/fuzz.
$(B)/fuzz_%: fuzz/fuzz_%.c $(LIBOBJS)
	$(CC) $(CSTD) $(OPT) $(EXTRA_CFLAGS) $(CPPFLAGS) -fsanitize=fuzzer -o $@ $< $(LIBOBJS) $(LDLIBS)

fuzz-seeds:
	@mkdir -p $(FUZZ_B)/seeds $(FUZZ_B)/corpus $(FUZZ_B)/corpus_fmt $(FUZZ_B)/corpus_pdf $(FUZZ_B)/artifacts
	@for f in samples/*.ruta tests/golden/*.ruta fuzz/regress/*.ruta stdlib/*.ruta stdlib/*/*.ruta \
	          ../shared/spec/examples/*.ruta; do \
	    [ -f "$$f" ] && cp "$$f" $(FUZZ_B)/seeds/$$(echo "$$f" | tr '/' '_'); \
	done; true

FUZZ_CORPUS_check := $(FUZZ_B)/corpus
FUZZ_CORPUS_fmt   := $(FUZZ_B)/corpus_fmt
FUZZ_CORPUS_pdf   := $(FUZZ_B)/corpus_pdf

fuzz: fuzz-build fuzz-seeds
	ASAN_OPTIONS=detect_leaks=1 $(FUZZ_B)/fuzz_$(FUZZ_TARGET) $(FUZZ_FLAGS) \
	    -max_total_time=$(FUZZ_SECONDS) -artifact_prefix=$(FUZZ_B)/artifacts/ \
	    $(FUZZ_CORPUS_$(FUZZ_TARGET)) $(FUZZ_B)/seeds

# For CI: seeds only, a fixed time, a fresh corpus so runs are comparable.
fuzz-smoke: fuzz-build fuzz-seeds
	@rm -rf $(FUZZ_B)/smoke && mkdir -p $(FUZZ_B)/smoke
	ASAN_OPTIONS=detect_leaks=1 $(FUZZ_B)/fuzz_check $(FUZZ_FLAGS) \
	    -max_total_time=$(FUZZ_SMOKE_SECONDS) -artifact_prefix=$(FUZZ_B)/artifacts/ \
	    $(FUZZ_B)/smoke $(FUZZ_B)/seeds
	@rm -rf $(FUZZ_B)/smoke && mkdir -p $(FUZZ_B)/smoke
	ASAN_OPTIONS=detect_leaks=1 $(FUZZ_B)/fuzz_fmt $(FUZZ_FLAGS) \
	    -max_total_time=$(FUZZ_SMOKE_FMT_SECONDS) -artifact_prefix=$(FUZZ_B)/artifacts/ \
	    $(FUZZ_B)/smoke $(FUZZ_B)/seeds
	@rm -rf $(FUZZ_B)/smoke && mkdir -p $(FUZZ_B)/smoke
	ASAN_OPTIONS=detect_leaks=1 $(FUZZ_B)/fuzz_pdf $(FUZZ_FLAGS) \
	    -max_total_time=$(FUZZ_SMOKE_PDF_SECONDS) -artifact_prefix=$(FUZZ_B)/artifacts/ \
	    $(FUZZ_B)/smoke $(FUZZ_B)/seeds
