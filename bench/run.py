#!/usr/bin/python3
"""run.py - the benchmark of `make bench`: ruta against tj3 on the same plans.

    bench/run.py RUTA DIR [--quick]

DIR holds the plans written by gen_plan.py: plan_N.ruta, plan_N.tjp and
plan_N.min.tjp for N in SIZES, and plan_35mb.ruta (see mk/bench.mk). Each
command is run several times as a separate process (process start
included, as a user or a CI job sees it), launched by DIR/spawn
(bench/spawn.c, built by make bench), which times it and reads its peak
resident memory (ru_maxrss from wait4, the same figure as /usr/bin/time
-v; a child of this Python process would start at its 15 MB). The runner
reports the median wall time, the throughput (input bytes / median time)
and the peak memory. tj3 and `ruta check` are timed alternately on the
same plan, so that the ratio compares the two in the same minutes of the
machine, on the equivalent project and on the bare one the issue
describes (plan_N.min.tjp); so are the plans of 10 000 and 100 000
actions, for the growth factors. The checks are then timed once more,
each run after a pause (COLD_PAUSE): back-to-back runs hand each other
warm memory, which a user's single run does not get (docs/performance.md
3.14); those figures are shown, the targets do not use them. It ends with
the table of targets of the issue, each marked met or NOT MET, and the
issue's estimate of the first target in milliseconds, which is shown but
is not a target (docs/performance.md 1); it exits 0 either way (a
benchmark reports; it does not gate).

Standard library only. Outputs go to a scratch directory inside DIR.
"""
import os
import statistics
import subprocess
import sys
import time

AS_OF = "2026-06-04"
SIZES = [100, 1000, 10000, 100000]
RUNS = {100: 21, 1000: 21, 10000: 7, 100000: 3, "35mb": 3}
TJ3_SIZES = [100, 1000]
TJ3_MIN_SIZES = [1000]      # the bare project (gen_plan.py), for the ratio
TJ3_RUNS = 3
RUTA_PER_TJ3 = 7            # check runs after each tj3 run, for the ratio
PDF_SIZES = [100, 1000, 10000]
GROWTH_ROUNDS = 5           # alternating runs of 10 000 and 100 000 actions
COLD_SIZES = [1000, 10000, 100000, "35mb"]
COLD_RUNS = 3
COLD_PAUSE = 3.0            # seconds idle before each of those runs

# The targets of the issue.
TARGET_RATIO = 200.0        # ruta check vs tj3, 1000 actions
# Not a target: the estimate of the ratio in milliseconds, from
# tj3 taking "about 1.5 s" (1.5 s / 200). Measured, tj3 takes 2.0 to
# 3.6 s even on the bare project here (docs/performance.md 1).
ESTIMATE_CHECK_1000_MS = 7.5
TARGET_MBS = 100.0          # MB/s on the 35 MB plan
TARGET_GROWTH = 12.0        # time(100 000) / time(10 000)
TARGET_MEM = 4.0            # peak RSS / input size
TARGET_PDF_S = 0.5          # ruta pdf, 1000 actions


class Result:
    def __init__(self, times, rss_kb, status, stderr, cpu=None):
        self.times = times
        self.cpu = cpu or [float("nan")]
        self.rss_kb = rss_kb
        self.status = status
        self.stderr = stderr

    @property
    def ok(self):
        return self.status == 0

    @property
    def median(self):
        return statistics.median(self.times)

    @property
    def cpu_median(self):
        return statistics.median(self.cpu)


SPAWN = None  # DIR/spawn, set by main()


def run_once(argv, cwd):
    """Runs argv through SPAWN; returns (seconds, peak RSS in KiB, exit
    status, stderr, CPU seconds user+system)."""
    errpath = os.path.join(cwd, "stderr.txt")
    respath = os.path.join(cwd, "spawn.txt")
    with open(errpath, "wb") as err, open(os.devnull, "wb") as null:
        launcher = subprocess.run([SPAWN, respath] + argv, stdout=null, stderr=err, cwd=cwd)
    with open(errpath, "rb") as err:
        text = err.read().decode("utf-8", "replace")
    if launcher.returncode != 0:
        return float("nan"), 0, 127, text, float("nan")
    with open(respath) as res:
        wall, cpu, rss, status = res.read().split()
    return float(wall), int(rss), int(status), text, float(cpu)


def measure(argv, runs, cwd, expect=0):
    """Median of `runs` runs after one warm-up run (page cache, dynamic loader);
    a run that does not exit with `expect` fails the measurement."""
    return measure_alternating([(argv, runs, expect)], 1, cwd)[0]


def measure_alternating(cmds, rounds, cwd):
    """Measures several commands in turn: `rounds` times, each command
    (argv, runs, expect) is run `runs` times, so that every command sees the
    same phases of the machine. One warm-up run of each first. Returns one
    Result per command; a run that does not exit with its `expect` fails
    that command's measurement."""
    acc = []
    for argv, _, expect in cmds:
        _, _, status, text, _ = run_once(argv, cwd)
        acc.append({"times": [], "cpu": [], "rss": 0, "failed": status != expect,
                    "status": status, "text": text})
    for _ in range(rounds):
        for (argv, runs, expect), a in zip(cmds, acc):
            for _ in range(runs):
                if a["failed"]:
                    break
                t, r, status, text, c = run_once(argv, cwd)
                a["status"], a["text"] = status, text
                if status != expect:
                    a["failed"] = True
                    break
                a["times"].append(t)
                a["cpu"].append(c)
                a["rss"] = max(a["rss"], r)
    return [Result([float("nan")], 0, a["status"], a["text"]) if a["failed"]
            else Result(a["times"], a["rss"], 0, a["text"], a["cpu"]) for a in acc]


def measure_after_pause(argv, runs, pause, cwd):
    """`runs` runs of argv, each after `pause` seconds of sleep, no warm-up:
    what a user who runs one check after an edit sees, where back-to-back
    runs reuse the memory the previous run just gave back."""
    times, cpu, rss = [], [], 0
    for _ in range(runs):
        time.sleep(pause)
        t, r, status, text, c = run_once(argv, cwd)
        if status != 0:
            return Result([float("nan")], 0, status, text)
        times.append(t)
        cpu.append(c)
        rss = max(rss, r)
    return Result(times, rss, 0, "", cpu)


def write_typos_plan(path, names=100000, typos=50):
    """A plan where the suggestions are the work: `names` personas with long
    names that differ only at the end, and `typos` references one edit away
    from one of them (each gets E102 with "¿quiso decir ...?")."""
    stem = "persona_de_la_red_con_un_nombre_largo_para_medir_las_sugerencias_del_compilador_"
    with open(path, "w", encoding="utf-8") as f:
        for i in range(names):
            f.write('persona %s%06d "Persona %d"\n' % (stem, i, i))
        for k in range(typos):
            f.write('equipo e%d "Equipo %d" { integrantes: %s%05dx }\n' % (k, k, stem, k * 7))


def fmt_secs(s):
    return "%8.1f ms" % (s * 1e3) if s < 10 else "%8.2f s " % s


def fmt_time(r):
    if not r.ok:
        return "failed (exit %d)" % r.status
    return fmt_secs(r.median)


def fmt_cpu(r):
    return fmt_secs(r.cpu_median) if r.ok else "-"


def mbs(size, r):
    return size / 1e6 / r.median if r.ok else float("nan")


def median_ratio(a, b):
    """a's median over b's, or NaN when either measurement failed."""
    return a.median / b.median if a.ok and b.ok else float("nan")


def verdict(ok):
    return "met" if ok else "NOT MET"


def main(argv):
    if len(argv) < 3:
        sys.stderr.write("uso: run.py RUTA DIR [--quick]\n")
        return 2
    global SPAWN
    ruta = os.path.abspath(argv[1])
    d = os.path.abspath(argv[2])
    SPAWN = os.path.join(d, "spawn")
    quick = "--quick" in argv[3:]
    scratch = os.path.join(d, "scratch")
    os.makedirs(scratch, exist_ok=True)
    runs = dict(RUNS)
    tj3_runs = TJ3_RUNS
    if quick:
        runs = {k: max(1, v // 5) for k, v in runs.items()}
        tj3_runs = 1

    plans = [(n, os.path.join(d, "plan_%d.ruta" % n)) for n in SIZES]
    plans.append(("35mb", os.path.join(d, "plan_35mb.ruta")))
    plans_by_n = dict(plans)
    sizes = {n: os.path.getsize(p) for n, p in plans}

    print("ruta benchmark: %s (as of %s), medians of repeated runs, process start included"
          % (ruta, AS_OF))
    print("machine: %d CPUs, load average %.2f at start (wall times need an idle machine; cpu:"
          " user+system time of the process, less sensitive to other load)"
          % (os.cpu_count() or 0, os.getloadavg()[0]))
    print("%-8s %9s %4s | %-11s %-11s %7s %10s | %-11s %-11s | %-11s %-11s" %
          ("actions", "bytes", "runs", "check wall", "check cpu", "MB/s", "peak RSS",
           "csv wall", "csv cpu", "pdf wall", "pdf cpu"))
    check, csv, pdf = {}, {}, {}
    table = {"check": check, "csv": csv}
    for n, path in plans:
        r = runs[n]
        check[n] = measure([ruta, "check", "--as-of", AS_OF, path], r, scratch)
        csv[n] = measure([ruta, "csv", "--as-of", AS_OF, path, "-o", "out.csv"], r, scratch)
        if n in PDF_SIZES:
            pdf[n] = measure([ruta, "pdf", "--as-of", AS_OF, path, "-o", "out.pdf"], max(1, r // 3), scratch)
        c = check[n]
        rss = "%7.1f MB" % (c.rss_kb / 1024) if c.ok else "-"
        label = "%d" % n if n != "35mb" else "35 MB"
        print("%-8s %9d %4d | %-11s %-11s %7.1f %10s | %-11s %-11s | %-11s %-11s" % (
            label, sizes[n], r, fmt_time(c), fmt_cpu(c), mbs(sizes[n], c), rss,
            fmt_time(csv[n]), fmt_cpu(csv[n]),
            fmt_time(pdf[n]) if n in pdf else "-", fmt_cpu(pdf[n]) if n in pdf else "-"))
        for res in (c, csv[n], pdf.get(n)):
            if res is not None and not res.ok:
                first = res.stderr.strip().splitlines()[:2]
                print("         %s" % " / ".join(first))
        sys.stdout.flush()

    print()
    # tj3 and ruta check alternately: each tj3 run is followed by
    # RUTA_PER_TJ3 runs of the check on the same plan. On the equivalent
    # project, then on the bare one the issue describes (plan_N.min.tjp:
    # tj3 is faster on it, so that ratio is the lower one).
    tj3, beside = {}, {}
    projects = ([(n, "tjp", "") for n in TJ3_SIZES]
                + [(n, "min.tjp", ", the bare project") for n in TJ3_MIN_SIZES])
    for n, ext, what in projects:
        tjp = os.path.join(d, "plan_%d.%s" % (n, ext))
        t, b = measure_alternating(
            [(["tj3", "--silent", "--no-color", "-o", scratch, tjp], 1, 0),
             ([ruta, "check", "--as-of", AS_OF, plans_by_n[n]], RUTA_PER_TJ3, 0)],
            tj3_runs, scratch)
        tj3[n, ext], beside[n, ext] = t, b
        cpu_ratio = t.cpu_median / b.cpu_median if t.ok and b.ok else float("nan")
        print("tj3 %6d actions%s: %s wall, %s cpu (%d runs); ruta check between them: %s wall,"
              " %s cpu (%d runs); ratio %.0fx wall, %.0fx cpu"
              % (n, what, fmt_time(t).strip(), fmt_cpu(t).strip(), tj3_runs,
                 fmt_time(b).strip(), fmt_cpu(b).strip(),
                 tj3_runs * RUTA_PER_TJ3, median_ratio(t, b), cpu_ratio))
        sys.stdout.flush()

    # The growth factors: the plans of 10 000 and 100 000 actions timed
    # alternately, so that both medians come from the same minutes (the
    # main table's are up to half a minute apart, and this machine's phases
    # moved one of them by more than a tenth). Each size writes a file of
    # its own, as in the main table, where each run replaces the output of
    # the run before it of the same size: replacing the larger plan's 15 MB
    # CSV would be charged to the smaller plan's run.
    grow = {}
    rounds = 1 if quick else GROWTH_ROUNDS
    for cmd, out in (("check", None), ("csv", "out_%d.csv")):
        small, big = measure_alternating(
            [([ruta, cmd, "--as-of", AS_OF, plans_by_n[n]] + (["-o", out % n] if out else []), 1, 0)
             for n in (10000, 100000)],
            rounds, scratch)
        grow[cmd] = median_ratio(big, small)
        main_growth = median_ratio(table[cmd][100000], table[cmd][10000])
        print("growth of %-5s 10 000 -> 100 000 actions, timed alternately (%d runs each):"
              " %s and %s, %.2fx (main table: %.2fx)"
              % (cmd, rounds, fmt_time(small).strip(), fmt_time(big).strip(), grow[cmd],
                 main_growth))
        sys.stdout.flush()

    typos_path = os.path.join(scratch, "typos.ruta")
    write_typos_plan(typos_path)
    typos = measure([ruta, "check", "--as-of", AS_OF, typos_path], max(1, runs[10000] // 2), scratch, expect=1)
    print("suggestions: 50 misspelled references among 100 000 names of %d bytes (%.1f MB): %s wall, %s cpu"
          % (len("persona_de_la_red_con_un_nombre_largo_para_medir_las_sugerencias_del_compilador_") + 6,
             os.path.getsize(typos_path) / 1e6, fmt_time(typos).strip(), fmt_cpu(typos).strip()))
    sys.stdout.flush()

    cold_runs = 1 if quick else COLD_RUNS
    cold = {n: measure_after_pause([ruta, "check", "--as-of", AS_OF, plans_by_n[n]], cold_runs,
                                   COLD_PAUSE, scratch) for n in COLD_SIZES}
    print("check after a pause of %.0f s (%d runs each, medians): %s" % (
        COLD_PAUSE, cold_runs, "; ".join(
            "%s: %s" % ("%d actions" % n if n != "35mb" else "35 MB",
                        fmt_time(cold[n]).strip() if cold[n].ok else "failed")
            for n in COLD_SIZES)))
    if cold[10000].ok and cold[100000].ok:
        print("  growth 10 000 -> 100 000 after a pause: %.2fx; 35 MB after a pause: %.1f MB/s"
              % (cold[100000].median / cold[10000].median, mbs(sizes["35mb"], cold["35mb"])))
    sys.stdout.flush()

    # Peak memory over every check and csv run of the large plans.
    mem = {}
    for n in (100000, "35mb"):
        worst = max(check[n].rss_kb, csv[n].rss_kb) * 1024
        mem[n] = worst / sizes[n] if check[n].ok else float("nan")
    growth, growth_csv = grow["check"], grow["csv"]
    ratio = median_ratio(tj3[1000, "tjp"], beside[1000, "tjp"])
    ratio_min = median_ratio(tj3[1000, "min.tjp"], beside[1000, "min.tjp"])
    t1000 = check[1000].median * 1e3
    thr = mbs(sizes["35mb"], check["35mb"])
    pdf1000 = pdf[1000].median if pdf[1000].ok else float("nan")

    print()
    print("load average %.2f at the end" % os.getloadavg()[0])
    print("targets")
    rows = [
        ("check, 1000 actions, vs tj3 on the same plan", ">= %.0fx" % TARGET_RATIO,
         "%.0fx" % ratio, ratio >= TARGET_RATIO),
        ("check, 1000 actions, vs tj3 on the bare project", ">= %.0fx" % TARGET_RATIO,
         "%.0fx" % ratio_min, ratio_min >= TARGET_RATIO),
        ("check throughput, %.1f MB plan" % (sizes["35mb"] / 1e6), ">= %.0f MB/s" % TARGET_MBS,
         "%.1f MB/s" % thr, thr >= TARGET_MBS),
        ("check growth, 10 000 -> 100 000 actions", "<= %.0fx" % TARGET_GROWTH,
         "%.2fx" % growth, growth <= TARGET_GROWTH),
        ("csv growth, 10 000 -> 100 000 actions", "<= %.0fx" % TARGET_GROWTH,
         "%.2fx" % growth_csv, growth_csv <= TARGET_GROWTH),
        ("peak RSS / input, 100 000 actions (check, csv)", "<= %.0fx" % TARGET_MEM,
         "%.2fx" % mem[100000], mem[100000] <= TARGET_MEM),
        ("peak RSS / input, 35 MB plan (check, csv)", "<= %.0fx" % TARGET_MEM,
         "%.2fx" % mem["35mb"], mem["35mb"] <= TARGET_MEM),
        ("pdf, 1000 actions", "<= %.1f s" % TARGET_PDF_S,
         "%.3f s" % pdf1000, pdf1000 <= TARGET_PDF_S),
    ]
    for what, target, value, ok in rows:
        print("  %-48s %-12s %-12s %s" % (what, target, value, verdict(ok)))
    missed = sum(1 for row in rows if not row[3])
    print("%d of %d targets met" % (len(rows) - missed, len(rows)))
    print("not a target: check, 1000 actions, against the issue's estimate (tj3 1.5 s / 200):"
          " %.1f ms, %s %.1f ms" % (t1000, "within" if t1000 <= ESTIMATE_CHECK_1000_MS else "over",
                                   ESTIMATE_CHECK_1000_MS))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
