/* cli.h - the command line of section 8: parsing and validation.
 *
 * Contract: cli_parse() fills a CliOptions from argv (pointers into argv and
 * into the options' own heap arrays, released by cli_free). It validates
 * every option value (dates, codes, numbers, choices) and returns
 * CLI_OK, CLI_EXIT_OK (help or version was printed: exit 0) or CLI_USAGE
 * (a message was printed: exit 2). It prints only to the given streams.
 */
#ifndef RUTA_CLI_H
#define RUTA_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "diag.h"

typedef enum Command {
    CMD_CHECK, CMD_PDF, CMD_CSV, CMD_ICS, CMD_JSON, CMD_FMT, CMD_STATUS,
    CMD_TERRITORIO, CMD_LSP, CMD_COUNT
} Command;

typedef enum ColorMode { COLOR_AUTO, COLOR_ALWAYS, COLOR_NEVER } ColorMode;

typedef struct CliOptions {
    Command cmd;
    const char **files;      /* positional arguments */
    size_t nfiles;
    const char *output;      /* -o */
    const char *paper;       /* --paper: carta, a4, oficio */
    const char *font;        /* --font */
    char sep;                /* --sep: ',' or ';' */
    bool bom;                /* --bom */
    bool with_calendar;      /* --with-calendar */
    bool fmt_check;          /* fmt --check */
    bool fmt_write;          /* fmt -w */
    int jobs;                /* -j (0 = number of cores: cli_threads) */
    const char *csv_out, *ics_out, *pdf_out; /* territorio outputs */
    int as_of;               /* day number */
    bool as_of_given;
    const char **include;    /* -I */
    size_t ninclude;
    const char **allow;      /* --allow */
    size_t nallow;
    const char **deny;       /* --deny */
    size_t ndeny;
    bool werror;             /* -Werror */
    size_t max_errors;       /* --max-errors (default 50) */
    size_t max_memory_mib;   /* --max-memory in MiB (default CLI_DEFAULT_MAX_MEMORY, 0 = none) */
    DiagFormat format;       /* --diagnostics-format */
    ColorMode color;         /* --color */
    /* Maintainer options that print the tables docs/ is made from. */
    bool list_codes, list_schema;
} CliOptions;

enum { CLI_OK = 0, CLI_EXIT_OK = 1, CLI_USAGE = 2 };

/* Default memory budget of one plan's tree, in MiB (E008). A real plan
 * takes about 7 times its size; the largest accepted file (256 MiB) fits. */
enum { CLI_DEFAULT_MAX_MEMORY = 4096 };

int cli_parse(int argc, char **argv, CliOptions *o, FILE *out, FILE *err);
void cli_free(CliOptions *o);
/* The threads a command may use: -j when given, else the online cores
 * (1 to 64). */
int cli_threads(const CliOptions *o);
const char *cli_command_name(Command c);

#endif
