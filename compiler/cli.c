/* cli.c - parsing the command line (spec section 8). */
#include "cli.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "date.h"
#include "version.h"

static const char *const COMMAND_NAMES[CMD_COUNT] = {
    "check", "pdf", "csv", "ics", "json", "fmt", "status", "territorio", "lsp",
};

const char *cli_command_name(Command c)
{
    return COMMAND_NAMES[c];
}

static const char USAGE[] =
    "uso: ruta COMANDO [opciones] ARCHIVO...\n"
    "\n"
    "Comandos:\n"
    "  check  ARCHIVO...                          valida los planes\n"
    "  pdf    ARCHIVO -o SALIDA.pdf [--paper carta|a4|oficio] [--font TTF]\n"
    "  csv    ARCHIVO -o SALIDA.csv [--sep ,|;] [--bom] [--with-calendar]\n"
    "  ics    ARCHIVO -o SALIDA.ics\n"
    "  json   ARCHIVO [-o SALIDA.json]\n"
    "  fmt    ARCHIVO... [--check | -w]           formato canónico\n"
    "  status ARCHIVO                             avance de acciones e indicadores\n"
    "  territorio DIR|ARCHIVO... [-j N] [--csv F] [--ics F] [--pdf F]\n"
    "  lsp                                        servidor de lenguaje (stdio)\n"
    "\n"
    "Opciones comunes:\n"
    "  --as-of AAAA-MM-DD          fecha de corte (por omisión, hoy)\n"
    "  -I DIR                      busca módulos de 'usar' en DIR\n"
    "  --diagnostics-format=text|json|sarif\n"
    "  -Werror                     las advertencias cuentan como errores\n"
    "  --allow CÓDIGO              silencia una advertencia (p. ej. W205)\n"
    "  --deny CÓDIGO               convierte una advertencia en error\n"
    "  --max-errors N              se detiene tras N errores (50; 0 = sin límite)\n"
    "  --max-memory MiB            memoria máxima del análisis de un plan (4096; 0 = sin límite)\n"
    "  -j N                        hilos de trabajo (por omisión, uno por núcleo; 1 = sin hilos)\n"
    "  --color=auto|always|never\n"
    "  -h, --help, --version\n"
    "\n"
    "Salida: 0 sin errores; 1 con errores; 2 uso incorrecto o archivo ilegible.\n"
    "'ruta COMANDO --help' describe un comando; 'man ruta', el manual completo.\n";

static const char *const COMMAND_HELP[CMD_COUNT] = {
    [CMD_CHECK] = "uso: ruta check [opciones] ARCHIVO...\n"
                  "Valida cada plan (o módulo sin plan) con los módulos que usa y muestra los\n"
                  "diagnósticos en la salida de errores; no muestra nada si no hay ninguno.\n"
                  "\n"
                  "  --as-of AAAA-MM-DD          fecha de corte de las alertas (por omisión, hoy)\n"
                  "  --diagnostics-format=json|sarif  un solo documento en la salida estándar\n"
                  "  -Werror, --allow CÓDIGO, --deny CÓDIGO, --max-errors N, --max-memory MiB, -I DIR, -j N,\n"
                  "  --color=WHEN\n"
                  "\n"
                  "Salida: 0 sin errores (puede haber advertencias); 1 con errores.\n"
                  "Ejemplo: ruta check --as-of 2026-06-01 plan.ruta\n",
    [CMD_PDF] = "uso: ruta pdf ARCHIVO -o SALIDA.pdf [opciones]\n"
                "Genera el informe imprimible del plan, si el plan no tiene errores.\n"
                "\n"
                "  -o SALIDA.pdf               archivo que se escribe (obligatorio)\n"
                "  --paper carta|a4|oficio     tamaño del papel (carta)\n"
                "  --font TTF                  fuente TrueType (por omisión, DejaVu Sans)\n"
                "  --as-of AAAA-MM-DD          fecha de corte del avance y las alertas\n"
                "\n"
                "Ejemplo: ruta pdf plan.ruta -o plan.pdf --paper oficio\n",
    [CMD_CSV] = "uso: ruta csv ARCHIVO -o SALIDA.csv [opciones]\n"
                "Genera el calendario del plan como CSV (RFC 4180): acciones, hitos,\n"
                "seguimientos y acuerdos con plazo, ordenados por fecha.\n"
                "\n"
                "  -o SALIDA.csv               archivo que se escribe (obligatorio)\n"
                "  --sep ,|;                   separador (';' para planillas en castellano)\n"
                "  --bom                       marca BOM para que Excel lea bien las tildes\n"
                "  --with-calendar             agrega feriados y vacaciones\n"
                "\n"
                "Ejemplo: ruta csv plan.ruta -o calendario.csv --sep ';' --bom\n",
    [CMD_ICS] = "uso: ruta ics ARCHIVO -o SALIDA.ics [--as-of AAAA-MM-DD]\n"
                "Genera el calendario del plan como iCalendar (RFC 5545), para importarlo en\n"
                "Google Calendar, Outlook o el teléfono; reimportarlo actualiza los eventos.\n"
                "\n"
                "Ejemplo: ruta ics plan.ruta -o plan.ics\n",
    [CMD_JSON] = "uso: ruta json ARCHIVO [-o SALIDA.json] [--as-of AAAA-MM-DD]\n"
                 "Escribe el plan resuelto como JSON (en la salida estándar sin -o).\n",
    [CMD_FMT] = "uso: ruta fmt ARCHIVO... [--check | -w]\n"
                "Da a los planes el formato canónico (dos espacios de sangría, un atributo por\n"
                "línea, claves en el orden de la referencia) sin cambiar su contenido ni sus\n"
                "comentarios. Un archivo con errores de sintaxis no se modifica.\n"
                "\n"
                "  (sin opción)                escribe el resultado en la salida estándar\n"
                "  -w                          reescribe los archivos que cambian\n"
                "  --check                     solo nombra los archivos sin el formato (salida 1)\n"
                "  -                           como ARCHIVO: lee la entrada estándar\n"
                "\n"
                "Ejemplos: ruta fmt -w *.ruta      ruta fmt --check *.ruta\n",
    [CMD_STATUS] = "uso: ruta status ARCHIVO [--as-of AAAA-MM-DD]\n"
                   "Muestra el avance esperado y el registrado de cada acción, y el último valor de\n"
                   "cada indicador frente a su meta, a la fecha de corte.\n"
                   "\n"
                   "Ejemplo: ruta status --as-of 2026-06-30 plan.ruta\n",
    [CMD_TERRITORIO] = "uso: ruta territorio DIR|ARCHIVO... [-j N] [--csv F] [--ics F] [--pdf F]\n"
                       "Revisa todos los planes de un territorio y consolida sus resultados.\n"
                       "\n"
                       "  -j N                        planes revisados a la vez (por omisión, uno por núcleo)\n"
                       "  --csv F, --ics F, --pdf F   calendario o informe consolidado\n",
    [CMD_LSP] = "uso: ruta lsp\n"
                "Servidor del protocolo de lenguaje (LSP) por la entrada y salida estándar, para\n"
                "editores: diagnósticos mientras se escribe, completado y formato.\n",
};

/* Appends to a heap array of strings. */
static void push(const char ***arr, size_t *n, const char *s)
{
    const char **p = realloc(*arr, (*n + 1) * sizeof *p);
    if (!p)
        abort();
    p[(*n)++] = s;
    *arr = p;
}

int cli_threads(const CliOptions *o)
{
    if (o->jobs > 0)
        return o->jobs;
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 64 ? 64 : (int)n;
}

void cli_free(CliOptions *o)
{
    free(o->files);
    free(o->include);
    free(o->allow);
    free(o->deny);
}

static bool is_code(const char *s)
{
    return (s[0] == 'E' || s[0] == 'W') && strlen(s) == 4 && s[1] >= '0' && s[1] <= '9' &&
           s[2] >= '0' && s[2] <= '9' && s[3] >= '0' && s[3] <= '9';
}

static int usage_error(FILE *err, const char *fmt, const char *arg)
{
    fputs("ruta: error: ", err);
    fprintf(err, fmt, arg);
    fputs("\nUse 'ruta --help' para ver las opciones.\n", err);
    return CLI_USAGE;
}

static bool parse_count(const char *s, long min, long max, long *out)
{
    char *end;
    if (!*s)
        return false;
    long v = strtol(s, &end, 10);
    if (*end || v < min || v > max)
        return false;
    *out = v;
    return true;
}

/* Option names that take a value, and whether the command may use them. */
typedef struct OptionSpec {
    const char *name;
    bool takes_value;
} OptionSpec;

static const OptionSpec OPTIONS[] = {
    { "--as-of", true }, { "-I", true }, { "--diagnostics-format", true }, { "-Werror", false },
    { "--allow", true }, { "--deny", true }, { "--max-errors", true }, { "--max-memory", true }, { "--color", true },
    { "--help", false }, { "-h", false }, { "--version", false }, { "-o", true },
    { "--paper", true }, { "--font", true }, { "--sep", true }, { "--bom", false },
    { "--with-calendar", false }, { "--check", false }, { "-w", false }, { "-j", true },
    { "--csv", true }, { "--ics", true }, { "--pdf", true },
    { "--list-codes", false }, { "--list-schema", false },
    { "--stdio", false },
};

static const OptionSpec *find_option(const char *name, size_t len)
{
    for (size_t i = 0; i < sizeof OPTIONS / sizeof OPTIONS[0]; i++)
        if (strlen(OPTIONS[i].name) == len && strncmp(OPTIONS[i].name, name, len) == 0)
            return &OPTIONS[i];
    return NULL;
}

static int check_code_option(FILE *err, const char *opt, const char *code, bool allow)
{
    DiagSeverity sev;
    if (!is_code(code) || !diag_code_severity(code, &sev))
        return usage_error(err, "'%s' no es un código de diagnóstico de Ruta", code);
    if (sev == SEV_ERROR)
        return usage_error(err, allow ? "'%s' es un error y los errores no se pueden silenciar"
                                      : "'%s' ya es un error", code);
    (void)opt;
    return CLI_OK;
}

static int apply_option(CliOptions *o, const char *name, const char *value, FILE *out, FILE *err)
{
    long n;
    if (strcmp(name, "--as-of") == 0) {
        if (!date_parse_iso(value, &o->as_of))
            return usage_error(err, "--as-of espera una fecha AAAA-MM-DD válida, no '%s'", value);
        o->as_of_given = true;
    } else if (strcmp(name, "-I") == 0) {
        push(&o->include, &o->ninclude, value);
    } else if (strcmp(name, "--diagnostics-format") == 0) {
        if (strcmp(value, "text") == 0)
            o->format = DIAG_TEXT;
        else if (strcmp(value, "json") == 0)
            o->format = DIAG_JSON;
        else if (strcmp(value, "sarif") == 0)
            o->format = DIAG_SARIF;
        else
            return usage_error(err, "--diagnostics-format acepta text, json o sarif, no '%s'", value);
    } else if (strcmp(name, "-Werror") == 0) {
        o->werror = true;
    } else if (strcmp(name, "--allow") == 0 || strcmp(name, "--deny") == 0) {
        bool allow = name[2] == 'a';
        int r = check_code_option(err, name, value, allow);
        if (r != CLI_OK)
            return r;
        if (allow)
            push(&o->allow, &o->nallow, value);
        else
            push(&o->deny, &o->ndeny, value);
    } else if (strcmp(name, "--max-errors") == 0) {
        if (!parse_count(value, 0, 1000000, &n))
            return usage_error(err, "--max-errors espera un número entero entre 0 y 1000000, no '%s'", value);
        o->max_errors = (size_t)n;
    } else if (strcmp(name, "--max-memory") == 0) {
        if (!parse_count(value, 0, 1048576, &n))
            return usage_error(err, "--max-memory espera un número entero de MiB entre 0 y 1048576, no '%s'", value);
        o->max_memory_mib = (size_t)n;
    } else if (strcmp(name, "--color") == 0) {
        if (strcmp(value, "auto") == 0)
            o->color = COLOR_AUTO;
        else if (strcmp(value, "always") == 0)
            o->color = COLOR_ALWAYS;
        else if (strcmp(value, "never") == 0)
            o->color = COLOR_NEVER;
        else
            return usage_error(err, "--color acepta auto, always o never, no '%s'", value);
    } else if (strcmp(name, "--version") == 0) {
        fprintf(out, "ruta %s\n", RUTA_VERSION);
        return CLI_EXIT_OK;
    } else if (strcmp(name, "-o") == 0) {
        o->output = value;
    } else if (strcmp(name, "--paper") == 0) {
        if (strcmp(value, "carta") && strcmp(value, "a4") && strcmp(value, "oficio"))
            return usage_error(err, "--paper acepta carta, a4 u oficio, no '%s'", value);
        o->paper = value;
    } else if (strcmp(name, "--font") == 0) {
        o->font = value;
    } else if (strcmp(name, "--sep") == 0) {
        if (strcmp(value, ",") && strcmp(value, ";"))
            return usage_error(err, "--sep acepta ',' o ';', no '%s'", value);
        o->sep = value[0];
    } else if (strcmp(name, "--bom") == 0) {
        o->bom = true;
    } else if (strcmp(name, "--with-calendar") == 0) {
        o->with_calendar = true;
    } else if (strcmp(name, "--check") == 0) {
        o->fmt_check = true;
    } else if (strcmp(name, "-w") == 0) {
        o->fmt_write = true;
    } else if (strcmp(name, "-j") == 0) {
        if (!parse_count(value, 1, 256, &n))
            return usage_error(err, "-j espera un número entre 1 y 256, no '%s'", value);
        o->jobs = (int)n;
    } else if (strcmp(name, "--csv") == 0) {
        o->csv_out = value;
    } else if (strcmp(name, "--ics") == 0) {
        o->ics_out = value;
    } else if (strcmp(name, "--pdf") == 0) {
        o->pdf_out = value;
    } else if (strcmp(name, "--stdio") == 0) {
        /* lsp: stdio is the only transport; clients may say so. */
    } else if (strcmp(name, "--list-codes") == 0) {
        o->list_codes = true;
    } else if (strcmp(name, "--list-schema") == 0) {
        o->list_schema = true;
    }
    return CLI_OK;
}

/* Options that only make sense for some commands. */
static bool option_allowed(Command cmd, const char *name)
{
    static const struct { const char *name; unsigned cmds; } ONLY[] = {
        { "-o", 1u << CMD_PDF | 1u << CMD_CSV | 1u << CMD_ICS | 1u << CMD_JSON },
        { "--paper", 1u << CMD_PDF }, { "--font", 1u << CMD_PDF | 1u << CMD_TERRITORIO },
        { "--sep", 1u << CMD_CSV | 1u << CMD_TERRITORIO }, { "--bom", 1u << CMD_CSV }, { "--with-calendar", 1u << CMD_CSV },
        { "--check", 1u << CMD_FMT }, { "-w", 1u << CMD_FMT },
        { "-j", ~(1u << CMD_FMT | 1u << CMD_LSP) }, { "--csv", 1u << CMD_TERRITORIO }, { "--stdio", 1u << CMD_LSP },
        { "--ics", 1u << CMD_TERRITORIO }, { "--pdf", 1u << CMD_TERRITORIO },
    };
    for (size_t i = 0; i < sizeof ONLY / sizeof ONLY[0]; i++)
        if (strcmp(ONLY[i].name, name) == 0)
            return (ONLY[i].cmds >> cmd) & 1u;
    return true;
}

static int validate(CliOptions *o, FILE *err)
{
    switch (o->cmd) {
    case CMD_LSP:
        if (o->nfiles)
            return usage_error(err, "'ruta lsp' no recibe archivos (recibió '%s')", o->files[0]);
        return CLI_OK;
    case CMD_CHECK:
    case CMD_FMT:
    case CMD_TERRITORIO:
        if (!o->nfiles)
            return usage_error(err, "'ruta %s' necesita al menos un archivo", cli_command_name(o->cmd));
        break;
    default:
        if (o->nfiles != 1)
            return usage_error(err, "'ruta %s' recibe exactamente un archivo", cli_command_name(o->cmd));
    }
    if ((o->cmd == CMD_PDF || o->cmd == CMD_CSV || o->cmd == CMD_ICS) && !o->output)
        return usage_error(err, "'ruta %s' necesita '-o SALIDA'", cli_command_name(o->cmd));
    if (o->cmd == CMD_FMT && o->fmt_check && o->fmt_write)
        return usage_error(err, "%s: use --check o -w, no ambos", "fmt");
    return CLI_OK;
}

int cli_parse(int argc, char **argv, CliOptions *o, FILE *out, FILE *err)
{
    memset(o, 0, sizeof *o);
    o->cmd = CMD_COUNT;
    o->sep = ',';
    o->max_errors = 50;
    o->max_memory_mib = CLI_DEFAULT_MAX_MEMORY;
    o->paper = "carta";
    if (argc < 2) {
        fputs(USAGE, err);
        return CLI_USAGE;
    }
    int i = 1;
    for (int k = 0; k < CMD_COUNT; k++)
        if (strcmp(argv[1], COMMAND_NAMES[k]) == 0) {
            o->cmd = (Command)k;
            i = 2;
        }
    bool help = false;
    bool only_files = false;
    for (; i < argc; i++) {
        const char *arg = argv[i];
        if (only_files || arg[0] != '-' || strcmp(arg, "-") == 0) {
            push(&o->files, &o->nfiles, arg);
            continue;
        }
        if (strcmp(arg, "--") == 0) {
            only_files = true;
            continue;
        }
        const char *eq = strchr(arg, '=');
        size_t len = eq ? (size_t)(eq - arg) : strlen(arg);
        const OptionSpec *spec = find_option(arg, len);
        if (!spec)
            return usage_error(err, "opción desconocida '%s'", arg);
        const char *name = spec->name;
        if (o->cmd != CMD_COUNT && !option_allowed(o->cmd, name)) {
            fprintf(err, "ruta: error: la opción '%s' no corresponde al comando '%s'\n", name,
                    cli_command_name(o->cmd));
            fputs("Use 'ruta --help' para ver las opciones.\n", err);
            return CLI_USAGE;
        }
        const char *value = NULL;
        if (spec->takes_value) {
            if (eq)
                value = eq + 1;
            else if (i + 1 < argc)
                value = argv[++i];
            else
                return usage_error(err, "la opción '%s' necesita un valor", name);
        } else if (eq) {
            return usage_error(err, "la opción '%s' no recibe un valor", name);
        }
        if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0) {
            help = true;
            continue;
        }
        int r = apply_option(o, name, value, out, err);
        if (r != CLI_OK)
            return r;
    }
    /* Today only when no --as-of says otherwise: reading the time zone
     * costs a file read and page faults on every run. */
    if (!o->as_of_given)
        o->as_of = date_today();
    if (help) {
        fputs(o->cmd < CMD_COUNT ? COMMAND_HELP[o->cmd] : USAGE, out);
        return CLI_EXIT_OK;
    }
    if (o->list_codes || o->list_schema)
        return CLI_OK;
    if (o->cmd == CMD_COUNT) {
        if (argv[1][0] != '-')
            return usage_error(err, "comando desconocido '%s'", argv[1]);
        fputs(USAGE, err);
        return CLI_USAGE;
    }
    return validate(o, err);
}
