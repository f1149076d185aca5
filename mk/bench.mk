# Benchmark: ruta against TaskJuggler (tj3) on the same generated plans.
#
#   make bench          generate the plans once, then measure (a few minutes)
#   make bench-quick    fewer repetitions, for a rough look while profiling
#
# bench/gen_plan.py writes build/bench/plan_N.ruta, the equivalent
# plan_N.tjp and the bare plan_N.min.tjp (tasks with start, end and
# responsible) for N = 100, 1000, 10000, 100000 actions, and plan_35mb.ruta
# (34 400 actions, about 35 MB); they are regenerated only when the
# generator changes. bench/run.py runs `ruta check`, `ruta csv` and
# `ruta pdf` on them (medians of repeated runs, process start included),
# tj3 on the 100- and 1000-action projects and the bare 1000-action one
# (alternating with `ruta check` on the same plan, for the ratio), and
# prints the throughput, the peak memory, the growth factor and a table
# of the issue's targets.
# Figures and the profiling notes are in docs/performance.md.

BENCH_B     := build/bench
BENCH_SIZES := 100 1000 10000 100000
BENCH_PLANS := $(foreach n,$(BENCH_SIZES),$(BENCH_B)/plan_$(n).ruta) $(BENCH_B)/plan_35mb.ruta
BENCH_TJPS  := $(foreach n,$(BENCH_SIZES),$(BENCH_B)/plan_$(n).tjp $(BENCH_B)/plan_$(n).min.tjp)
BENCH_PY    ?= /usr/bin/python3

.PHONY: bench bench-quick bench-plans

bench-plans: $(BENCH_PLANS) $(BENCH_TJPS) $(BENCH_B)/spawn

# The launcher that times each run and reads its peak memory (bench/spawn.c).
$(BENCH_B)/spawn: bench/spawn.c
	@mkdir -p $(BENCH_B)
	$(CC) $(CSTD) $(WARNINGS) -O2 -o $@ $<

$(BENCH_B)/plan_35mb.ruta: bench/gen_plan.py
	@mkdir -p $(BENCH_B)
	$(BENCH_PY) bench/gen_plan.py 34400 $@

# One run writes the three files of a size (a pattern rule with several
# targets makes them together), so a missing project is made again too.
$(BENCH_B)/plan_%.ruta $(BENCH_B)/plan_%.tjp $(BENCH_B)/plan_%.min.tjp: bench/gen_plan.py
	@mkdir -p $(BENCH_B)
	$(BENCH_PY) bench/gen_plan.py $* $(BENCH_B)/plan_$*.ruta $(BENCH_B)/plan_$*.tjp $(BENCH_B)/plan_$*.min.tjp

bench: all bench-plans
	@$(BENCH_PY) bench/run.py $(B)/ruta $(BENCH_B)

bench-quick: all bench-plans
	@$(BENCH_PY) bench/run.py $(B)/ruta $(BENCH_B) --quick
