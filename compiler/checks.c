/* checks.c - runs the consistency passes in order. */
#include "checks.h"

#include "date.h"

const char *checks_date(Compilation *c, int day)
{
    char buf[11];
    date_format(day, buf);
    return arena_strdup(&c->arena, buf);
}

void checks_run(Compilation *c, Model *m)
{
    check_schedule(c, m);
    check_plan(c, m);
    check_progress(c, m);
    check_records(c, m);
}
