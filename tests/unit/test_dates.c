/* test_dates.c - civil date arithmetic and validation. */
#include "unit.h"

#include "date.h"

void test_dates(void)
{
    int d;
    CHECK(date_from_ymd(1970, 1, 1, &d) && d == 0);
    CHECK(date_from_ymd(2026, 3, 2, &d) && date_weekday(d) == 0);  /* Monday */
    CHECK(date_from_ymd(2026, 5, 14, &d) && date_weekday(d) == 3); /* Thursday */
    CHECK(date_from_ymd(2026, 6, 21, &d) && date_weekday(d) == 6); /* Sunday */
    CHECK(!date_from_ymd(2026, 2, 29, &d));
    CHECK(date_from_ymd(2028, 2, 29, &d));
    CHECK(!date_from_ymd(1900, 2, 29, &d));
    CHECK(date_from_ymd(2000, 2, 29, &d));
    CHECK(!date_from_ymd(2026, 4, 31, &d));
    CHECK(!date_from_ymd(2026, 13, 1, &d));
    CHECK(!date_from_ymd(2026, 0, 10, &d));
    CHECK(!date_from_ymd(2026, 1, 0, &d));

    int a, b;
    CHECK(date_parse_iso("2026-12-31", &a) && date_parse_iso("2027-01-01", &b) && b - a == 1);
    CHECK(date_parse_iso("2026-03-01", &a) && date_parse_iso("2026-02-28", &b) && a - b == 1);
    CHECK(!date_parse_iso("2026-02-30", &a));
    CHECK(!date_parse_iso("2026-2-3", &a));
    CHECK(!date_parse_iso("0999-01-01", &a));
    CHECK(!date_parse_iso("3000-01-01", &a));
    CHECK(!date_parse_iso("2026-01-01x", &a));

    int y, m, dd;
    for (int day = -30000; day < 400000; day += 997) {
        date_to_ymd(day, &y, &m, &dd);
        int back;
        if (!date_from_ymd(y, m, dd, &back) || back != day) {
            CHECK(!"round trip of day numbers");
            break;
        }
    }
    CHECK(date_from_ymd(2026, 6, 18, &a));
    char iso[11];
    date_format(a, iso);
    CHECK_STR(iso, "2026-06-18");
    date_format(-25567, iso); /* 1900-01-01 */
    CHECK_STR(iso, "1900-01-01");
}
