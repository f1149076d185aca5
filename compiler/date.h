/* date.h - civil dates as day numbers (proleptic Gregorian calendar).
 *
 * Contract: a date is the number of days since 1970-01-01 (negative before
 * it). Only years 1900..2999 are accepted by the language (date_valid_year),
 * which keeps all arithmetic far from overflow. Pure functions.
 */
#ifndef RUTA_DATE_H
#define RUTA_DATE_H

#include <stdbool.h>

enum { DATE_MIN_YEAR = 1900, DATE_MAX_YEAR = 2999 };

/* Day number of y-m-d; returns false when the date does not exist. */
bool date_from_ymd(int y, int m, int d, int *days);
void date_to_ymd(int days, int *y, int *m, int *d);
/* 0 = Monday ... 6 = Sunday (ISO). */
int date_weekday(int days);
/* Writes "YYYY-MM-DD" (11 bytes with NUL). */
void date_format(int days, char out[11]);
/* Parses exactly "YYYY-MM-DD"; false if malformed or nonexistent. */
bool date_parse_iso(const char *s, int *days);
int date_days_in_month(int y, int m);
/* Today in local time. */
int date_today(void);

#endif
