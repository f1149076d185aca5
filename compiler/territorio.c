/* territorio.c - `ruta territorio`: check every plan of a territory in
 * parallel and consolidate the results (CSV, ICS, PDF). */
#include "territorio.h"

#include <dirent.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "checks.h"
#include "date.h"
#include "output.h"
#include "progress.h"
#include "territorio_out.h"
#include "utf8.h"

/* ---- finding the plan files ------------------------------------------ */

typedef struct PathList {
    char **items;
    size_t n, cap;
} PathList;

static void paths_push(PathList *l, const char *p)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 64;
        char **q = realloc(l->items, l->cap * sizeof *q);
        if (!q)
            abort();
        l->items = q;
    }
    size_t n = strlen(p) + 1;
    char *copy = malloc(n);
    if (!copy)
        abort();
    memcpy(copy, p, n);
    l->items[l->n++] = copy;
}

static bool has_ruta_suffix(const char *name)
{
    size_t n = strlen(name);
    return n > 5 && strcmp(name + n - 5, ".ruta") == 0;
}

/* Every *.ruta below dir; hidden entries are skipped. Depth is bounded so
 * that a symlink loop cannot recurse forever. */
static void walk(const char *dir, PathList *out, int depth)
{
    if (depth > 32)
        return;
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        size_t n = strlen(dir) + strlen(e->d_name) + 2;
        char *full = malloc(n);
        if (!full)
            abort();
        snprintf(full, n, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", e->d_name);
        struct stat st;
        if (stat(full, &st) == 0) {
            if (S_ISDIR(st.st_mode))
                walk(full, out, depth + 1);
            else if (S_ISREG(st.st_mode) && has_ruta_suffix(e->d_name))
                paths_push(out, full);
        }
        free(full);
    }
    closedir(d);
}

static int compare_paths(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Files and directories of the command line, sorted, without repeats.
 * Returns false (message printed) when an argument does not exist. */
static bool find_files(const CliOptions *o, PathList *out)
{
    for (size_t i = 0; i < o->nfiles; i++) {
        struct stat st;
        if (stat(o->files[i], &st) != 0) {
            fprintf(stderr, "ruta: error: no existe '%s'\n", o->files[i]);
            return false;
        }
        if (S_ISDIR(st.st_mode))
            walk(o->files[i], out, 0);
        else
            paths_push(out, o->files[i]);
    }
    if (out->n > 1)
        qsort(out->items, out->n, sizeof *out->items, compare_paths);
    size_t k = 0;
    for (size_t i = 0; i < out->n; i++) {
        if (k && strcmp(out->items[k - 1], out->items[i]) == 0) {
            free(out->items[i]);
            continue;
        }
        out->items[k++] = out->items[i];
    }
    out->n = k;
    return true;
}

/* ---- checking in parallel -------------------------------------------- */

typedef struct Work {
    const DriverEnv *env;
    const CompileOptions *copt;
    PathList *paths;
    TerritoryPlan *plans;   /* one per path */
    size_t next;            /* next path to take */
    pthread_mutex_t lock;
} Work;

static void check_one(Work *w, size_t i)
{
    TerritoryPlan *tp = &w->plans[i];
    tp->path = w->paths->items[i];
    SourceError err;
    if (!driver_check(w->copt, &tp->c, tp->path, &tp->model, &err)) {
        tp->unreadable = true;
        tp->read_error = err;
        return;
    }
    tp->compiled = true;
    tp->is_plan = tp->c.plan != NULL || tp->c.by_kind[DECL_PLAN].n > 0;
}

static void *worker(void *arg)
{
    Work *w = arg;
    for (;;) {
        pthread_mutex_lock(&w->lock);
        size_t i = w->next++;
        pthread_mutex_unlock(&w->lock);
        if (i >= w->paths->n)
            return NULL;
        check_one(w, i);
    }
}

static void run_workers(Work *w, int jobs)
{
    if (jobs <= 1 || w->paths->n <= 1) {
        worker(w);
        return;
    }
    if ((size_t)jobs > w->paths->n)
        jobs = (int)w->paths->n;
    pthread_t *t = malloc((size_t)jobs * sizeof *t);
    if (!t)
        abort();
    int started = 0;
    for (int k = 0; k < jobs; k++)
        if (pthread_create(&t[k], NULL, worker, w) == 0)
            started++;
        else
            break;
    if (started == 0)
        worker(w); /* no thread could start: do the work here */
    for (int k = 0; k < started; k++)
        pthread_join(t[k], NULL);
    free(t);
}

/* ---- W501: one person at two schools' hitos at once ------------------- */

typedef struct Booking {
    const char *person;    /* identity key (see person_key) */
    const char *nombre;    /* display name */
    long long start, end;  /* minutes, half-open */
    size_t plan;           /* index in the plans array */
    const MHito *hito;
} Booking;

/* A person is the same across plans when the correo matches (case
 * folded) or, with no correo, when the display name matches after accent
 * and case folding. */
static const char *person_key(Arena *a, const MPersona *p)
{
    const char *src = p->correo ? p->correo : p->nombre;
    const char *folded = utf8_fold_name(a, src, strlen(src));
    char *k = arena_strdup(a, folded);
    for (char *q = k; *q; q++) {
        if (*q >= 'A' && *q <= 'Z')
            *q = (char)(*q - 'A' + 'a');
        else if ((unsigned char)q[0] == 0xC3 && (unsigned char)q[1] == 0x91)
            q[1] = (char)0xB1; /* Ñ -> ñ */
    }
    return arena_printf(a, "%s:%s", p->correo ? "correo" : "nombre", k);
}

static void add_party(Booking **v, size_t *n, size_t *cap, Arena *a, const MParty *party, size_t plan,
                      const MHito *h, long long start, long long end)
{
    MPersona *one[1];
    MPersona **people = one;
    size_t count = 0;
    if (party->persona) {
        one[0] = party->persona;
        count = 1;
    } else if (party->equipo) {
        people = party->equipo->integrantes;
        count = party->equipo->nintegrantes;
    }
    for (size_t i = 0; i < count; i++) {
        if (*n == *cap) {
            *cap = *cap ? *cap * 2 : 256;
            Booking *p = realloc(*v, *cap * sizeof *p);
            if (!p)
                abort();
            *v = p;
        }
        (*v)[(*n)++] = (Booking){ person_key(a, people[i]), people[i]->nombre, start, end, plan, h };
    }
}

static int compare_bookings(const void *pa, const void *pb)
{
    const Booking *a = pa, *b = pb;
    int c = strcmp(a->person, b->person);
    if (c)
        return c;
    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    if (a->plan != b->plan)
        return a->plan < b->plan ? -1 : 1;
    return a->hito->decl->loc.begin < b->hito->decl->loc.begin ? -1 : a->hito->decl->loc.begin > b->hito->decl->loc.begin;
}

static const char *when_text(Arena *a, const MHito *h)
{
    char day[11];
    date_format(h->fecha, day);
    if (h->minutos < 0)
        return arena_strdup(a, day);
    return arena_printf(a, "%s %02d:%02d", day, h->minutos / 60, h->minutos % 60);
}

static const char *school_name(const TerritoryPlan *tp)
{
    const MPlan *p = tp->model->plan;
    return p->establecimiento ? p->establecimiento : p->titulo;
}

/* Reports W501 in the plan of the later hito, with a note at the other one
 * (whose file is imported into that plan's source manager). */
static void report_double_booking(TerritoryPlan *plans, const Booking *x, const Booking *y)
{
    TerritoryPlan *tp = &plans[y->plan], *other = &plans[x->plan];
    Compilation *c = &tp->c;
    Attr *fa = decl_attr(y->hito->decl, "fecha");
    Loc loc = fa ? fa->values->loc : y->hito->decl->name_loc;
    Diagnostic *g = diag_report(&c->diag, DIAG_PERSON_DOUBLE_BOOKED, loc,
                                arena_printf(&c->arena, "'%s'", y->nombre), y->hito->id,
                                when_text(&c->arena, y->hito), x->hito->id,
                                arena_strdup(&c->arena, school_name(other)),
                                when_text(&c->arena, x->hito), NULL);
    if (!g)
        return;
    source_prepare_shared(&other->c.sm);
    uint32_t id = source_import(&c->sm, source_file(&other->c.sm, x->hito->decl->loc.file));
    Attr *ofa = decl_attr(x->hito->decl, "fecha");
    Loc oloc = ofa ? ofa->values->loc : x->hito->decl->name_loc;
    oloc.file = id;
    diag_note(&c->diag, g, DIAG_NOTE_OTHER_SCHOOL, oloc, x->hito->id,
              arena_strdup(&c->arena, school_name(other)), NULL);
}

/* A network session written in several schools' plans (same start, end
 * and lugar) is one meeting, not a double booking. */
static bool same_meeting(const Booking *a, const Booking *b)
{
    return a->start == b->start && a->end == b->end && a->hito->lugar && b->hito->lugar &&
           strcmp(a->hito->lugar, b->hito->lugar) == 0;
}

/* Sorted by person and start, a sweep keeps the booking that ends last:
 * each booking that starts before it ends, in another plan, overlaps it
 * (intervals are half-open: back-to-back meetings do not overlap). */
static void check_double_bookings(TerritoryPlan *plans, size_t n)
{
    Arena scratch;
    arena_init(&scratch);
    Booking *v = NULL;
    size_t nv = 0, cap = 0;
    for (size_t i = 0; i < n; i++) {
        if (!plans[i].model || !plans[i].model->plan)
            continue;
        const Model *m = plans[i].model;
        for (size_t k = 0; k < m->nhitos; k++) {
            const MHito *h = m->hitos[k];
            long long s, e;
            model_hito_span(h, &s, &e);
            if (h->responsable.decl)
                add_party(&v, &nv, &cap, &scratch, &h->responsable, i, h, s, e);
            for (size_t j = 0; j < h->participantes.n; j++)
                add_party(&v, &nv, &cap, &scratch, &h->participantes.items[j], i, h, s, e);
        }
    }
    if (nv > 1)
        qsort(v, nv, sizeof *v, compare_bookings);
    size_t longest = 0;
    for (size_t i = 1; i < nv; i++) {
        if (strcmp(v[i].person, v[longest].person) != 0) {
            longest = i;
            continue;
        }
        if (v[i].start < v[longest].end && v[i].plan != v[longest].plan && !same_meeting(&v[i], &v[longest]))
            report_double_booking(plans, &v[longest], &v[i]);
        if (v[i].end > v[longest].end)
            longest = i;
    }
    free(v);
    arena_free(&scratch);
}

/* ---- the command ------------------------------------------------------ */

static int worst(int a, int b)
{
    return a > b ? a : b;
}

static int emit_diagnostics(const DriverEnv *env, TerritoryPlan *plans, size_t n)
{
    const CliOptions *o = env->cli;
    StrBuf text, docbuf;
    strbuf_init(&text);
    strbuf_init(&docbuf);
    JsonW doc;
    jsonw_init(&doc, &docbuf);
    bool machine = o->format != DIAG_TEXT;
    if (o->format == DIAG_JSON)
        diag_json_begin(&doc);
    else if (o->format == DIAG_SARIF)
        diag_sarif_begin(&doc);
    int status = 0;
    for (size_t i = 0; i < n; i++) {
        TerritoryPlan *tp = &plans[i];
        if (tp->unreadable) {
            fprintf(stderr, "ruta: error: no se puede leer '%s': %s\n", tp->path, source_error_text(tp->read_error));
            status = 2;
            continue;
        }
        if (!tp->is_plan)
            continue;
        driver_finalize(env, &tp->c);
        driver_emit(env, &tp->c, machine ? &doc : NULL, &text);
        tp->errors = diag_count(&tp->c.diag, SEV_ERROR);
        tp->warnings = diag_count(&tp->c.diag, SEV_WARNING);
        if (tp->errors)
            status = worst(status, 1);
    }
    fwrite(text.data ? text.data : "", 1, text.len, stderr);
    if (o->format == DIAG_JSON)
        diag_json_end(&doc);
    else if (o->format == DIAG_SARIF)
        diag_sarif_end(&doc);
    if (machine)
        fwrite(docbuf.data, 1, docbuf.len, stdout);
    strbuf_free(&text);
    strbuf_free(&docbuf);
    return status;
}

typedef struct TerritoryOutput {
    const char *path;
    int (*render)(const TerritoryCtx *, StrBuf *);
    StrBuf text;
} TerritoryOutput;

/* Renders every requested output first and writes them only when all of
 * them rendered: a PDF that cannot be made (a missing font) leaves the CSV
 * and the calendar of the same run unwritten too, so a run never leaves a
 * mixed set of old and new files. Returns false on any failure. */
static bool write_outputs(const CliOptions *o, const TerritoryCtx *t)
{
    TerritoryOutput outs[3];
    size_t n = 0;
    if (o->csv_out)
        outs[n++] = (TerritoryOutput){ o->csv_out, territory_csv, { 0 } };
    if (o->ics_out)
        outs[n++] = (TerritoryOutput){ o->ics_out, territory_ics, { 0 } };
    if (o->pdf_out)
        outs[n++] = (TerritoryOutput){ o->pdf_out, territory_pdf, { 0 } };
    bool ok = true;
    for (size_t i = 0; i < n && ok; i++) {
        strbuf_init(&outs[i].text);
        ok = outs[i].render(t, &outs[i].text) == 0;
        if (!ok)
            n = i + 1; /* free what was rendered */
    }
    for (size_t i = 0; i < n && ok; i++)
        ok = output_write(outs[i].path, outs[i].text.data ? outs[i].text.data : "", outs[i].text.len);
    for (size_t i = 0; i < n; i++)
        strbuf_free(&outs[i].text);
    return ok;
}

int territorio_run(DriverEnv *env)
{
    const CliOptions *o = env->cli;
    PathList paths = { 0 };
    if (!find_files(o, &paths)) {
        free(paths.items);
        return 2;
    }
    CompileOptions copt = env->copt;
    copt.need_plan = false;
    ModuleCache cache;
    bool cached = module_cache_build(&cache, &copt);
    if (cached)
        copt.cache = &cache;
    Work w = { env, &copt, &paths, calloc(paths.n ? paths.n : 1, sizeof(TerritoryPlan)), 0,
               PTHREAD_MUTEX_INITIALIZER };
    if (!w.plans)
        abort();
    run_workers(&w, cli_threads(o));
    check_double_bookings(w.plans, paths.n);
    int status = emit_diagnostics(env, w.plans, paths.n);
    TerritoryCtx t = { o, w.plans, paths.n, o->as_of, 0 };
    const char *sde = getenv("SOURCE_DATE_EPOCH");
    t.epoch = sde && *sde ? strtoll(sde, NULL, 10) : (long long)o->as_of * 86400;
    if (!write_outputs(o, &t))
        status = 2;
    for (size_t i = 0; i < paths.n; i++) {
        if (w.plans[i].compiled || w.plans[i].unreadable)
            compilation_free(&w.plans[i].c);
        free(paths.items[i]);
    }
    free(w.plans);
    free(paths.items);
    if (cached)
        module_cache_free(&cache);
    return status;
}
