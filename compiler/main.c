/* main.c - the `ruta` command: parses the command line and runs a command. */
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "driver.h"
#include "schema.h"

static int worst(int a, int b)
{
    return a > b ? a : b;
}

/* ruta check FILE...: every file is its own compilation. */
static int run_check(DriverEnv *env)
{
    const CliOptions *o = env->cli;
    StrBuf docbuf;
    strbuf_init(&docbuf);
    JsonW doc;
    jsonw_init(&doc, &docbuf);
    bool machine = o->format != DIAG_TEXT;
    if (o->format == DIAG_JSON)
        diag_json_begin(&doc);
    else if (o->format == DIAG_SARIF)
        diag_sarif_begin(&doc);
    int status = 0;
    for (size_t i = 0; i < o->nfiles; i++) {
        Compilation c;
        status = worst(status, driver_compile(env, &c, o->files[i], false, machine ? &doc : NULL));
        compilation_free(&c);
    }
    if (o->format == DIAG_JSON)
        diag_json_end(&doc);
    else if (o->format == DIAG_SARIF)
        diag_sarif_end(&doc);
    if (machine)
        fwrite(docbuf.data, 1, docbuf.len, stdout);
    strbuf_free(&docbuf);
    return status;
}

static int print_table(void (*fn)(StrBuf *))
{
    StrBuf b;
    strbuf_init(&b);
    fn(&b);
    fputs(strbuf_cstr(&b), stdout);
    strbuf_free(&b);
    return 0;
}

int main(int argc, char **argv)
{
    CliOptions o;
    int r = cli_parse(argc, argv, &o, stdout, stderr);
    if (r != CLI_OK) {
        cli_free(&o);
        return r == CLI_EXIT_OK ? 0 : 2;
    }
    int status;
    DriverEnv env;
    driver_env_init(&env, &o);
    if (o.list_codes) {
        status = print_table(diag_catalog_markdown);
    } else if (o.list_schema) {
        status = print_table(schema_markdown);
    } else if (o.cmd == CMD_CHECK) {
        status = run_check(&env);
    } else {
        fprintf(stderr, "ruta: error: el comando '%s' aún no está disponible en esta versión\n",
                cli_command_name(o.cmd));
        status = 2;
    }
    cli_free(&o);
    return status;
}
