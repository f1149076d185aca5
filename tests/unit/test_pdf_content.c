/* test_pdf_content.c - the page operators Ruta writes itself, checked
 * against libharu's own number formatting, and the threaded compression
 * checked by decompressing with zlib. */
#include "unit.h"

#include <dlfcn.h>
#include <stdint.h>
#include <stdlib.h>

#include "deflate_jobs.h"
#include "hpdf_api.h"
#include "pdf_content.h"

static const char *num(float v)
{
    static char buf[PDF_NUM_MAX + 1];
    buf[pdf_num(buf, v)] = '\0';
    return buf;
}

/* Every number must come out as libharu's HPDF_FToA writes it: that is
 * what keeps the reports byte for byte what they were. */
static void against_libharu(void)
{
    HpdfApi api;
    if (!hpdf_api_open(&api)) {
        CHECK(!"libharu could not be loaded");
        return;
    }
    char *(*ftoa)(char *, HPDF_REAL, char *) = NULL;
    void *sym = dlsym(api.handle, "HPDF_FToA");
    CHECK(sym != NULL);
    if (!sym) {
        hpdf_api_close(&api);
        return;
    }
    memcpy(&ftoa, &sym, sizeof ftoa);
    size_t tried = 0, wrong = 0;
    char want[64];
    float first_wrong = 0;
    uint32_t seed = 12345;
    for (long i = -2000000; i <= 2000000; i += 41) {
        float vals[3];
        vals[0] = (float)i / 1000.0f;                       /* 3 decimals, -2000..2000 */
        seed = seed * 1664525u + 1013904223u;
        vals[1] = (float)((double)seed / 4294967296.0 * 70000.0 - 35000.0); /* beyond the clamp */
        seed = seed * 1664525u + 1013904223u;
        vals[2] = (float)((double)seed / 4294967296.0 * 2.0 - 1.0);          /* colours, tiny values */
        for (int k = 0; k < 3; k++) {
            memset(want, 0, sizeof want);
            ftoa(want, vals[k], want + sizeof want - 1);
            tried++;
            if (strcmp(num(vals[k]), want) != 0 && wrong++ == 0)
                first_wrong = vals[k];
        }
    }
    const float edges[] = { 0.0f, -0.0f, 1.0f, -1.0f, 0.5f, 0.000004f, -0.000004f, 0.000005f, 0.999996f,
                            0.99999f, 32767.0f, 32767.5f, -32767.0f, 1e9f, -1e9f, 716.45f, 7.5f, 0.13f };
    for (size_t k = 0; k < sizeof edges / sizeof *edges; k++) {
        memset(want, 0, sizeof want);
        ftoa(want, edges[k], want + sizeof want - 1);
        tried++;
        if (strcmp(num(edges[k]), want) != 0 && wrong++ == 0)
            first_wrong = edges[k];
    }
    if (wrong) {
        memset(want, 0, sizeof want);
        ftoa(want, first_wrong, want + sizeof want - 1);
        printf("# %zu of %zu numbers differ from libharu, first %.9g: \"%s\" vs \"%s\"\n", wrong, tried,
               (double)first_wrong, num(first_wrong), want);
    }
    CHECK(tried > 250000 && wrong == 0);
    hpdf_api_close(&api);
}

static void operators(void)
{
    CHECK_STR(num(0), "0");
    CHECK_STR(num(0.4f), "0.4");
    CHECK_STR(num(716.45f), "716.45001"); /* the float, as libharu shows it */
    CHECK_STR(num(-12.5f), "-12.5");
    CHECK_STR(num(99999.0f), "32767");

    StrBuf b;
    strbuf_init(&b);
    pdf_op(&b, (const float[]){ 56, 710.4f, 500, 16.6f }, 4, "re");
    CHECK_STR(b.data, "56 710.40002 500 16.6 re\n");
    strbuf_clear(&b);
    pdf_op_font(&b, "F1", 7.5f);
    CHECK_STR(b.data, "/F1 7.5 Tf\n");
    strbuf_clear(&b);
    pdf_op_dash(&b, 2, 2);
    pdf_op_dash(&b, 0, 0);
    CHECK_STR(b.data, "[2 2 ] 0 d\n[] 0 d\n");
    strbuf_clear(&b);
    /* Two bytes per code point, upper-case hex; beyond the BMP a space. */
    pdf_op_text(&b, "Aé€😀", strlen("Aé€😀"));
    CHECK_STR(b.data, "<004100E920AC0020> Tj\n");
    strbuf_clear(&b);
    /* A long line crosses the operator's internal buffer. */
    char line[301];
    memset(line, 'x', 300);
    line[300] = '\0';
    pdf_op_text(&b, line, 300);
    CHECK(b.len == 1 + 1200 + 5 && strncmp(b.data + 1, "0078", 4) == 0 && strncmp(b.data + 1197, "0078> Tj\n", 9) == 0);
    strbuf_free(&b);
}

typedef int (*UncompressFn)(unsigned char *, unsigned long *, const unsigned char *, unsigned long);

static void compression(void)
{
    void *z = dlopen("libz.so.1", RTLD_NOW | RTLD_LOCAL);
    CHECK(z != NULL);
    if (!z)
        return;
    UncompressFn uncompress = NULL;
    void *sym = dlsym(z, "uncompress");
    memcpy(&uncompress, &sym, sizeof uncompress);
    enum { N = 40 };
    static unsigned char data[N][20000];
    DeflateJob one[N], many[N];
    uint32_t seed = 7;
    for (size_t i = 0; i < N; i++) {
        size_t len = i == 3 ? 0 : (i * 997) % sizeof data[i];
        for (size_t k = 0; k < len; k++) {
            seed = seed * 1664525u + 1013904223u;
            data[i][k] = (unsigned char)"0123456789ABCDEF Tj\n"[(seed >> 24) % 20];
        }
        one[i] = (DeflateJob){ data[i], len, NULL, 0 };
        many[i] = one[i];
    }
    CHECK(deflate_jobs(one, N, 1));
    CHECK(deflate_jobs(many, N, 4));
    size_t same = 0, back = 0;
    static unsigned char out[20000];
    for (size_t i = 0; i < N; i++) {
        same += one[i].out_len == many[i].out_len && memcmp(one[i].out, many[i].out, one[i].out_len) == 0;
        unsigned long n = sizeof out;
        back += sym && uncompress(out, &n, many[i].out, many[i].out_len) == 0 && n == many[i].in_len &&
                memcmp(out, data[i], n) == 0;
    }
    CHECK(same == N);  /* the thread count changes no byte */
    CHECK(back == N);  /* and zlib reads every buffer back, the empty one too */
    deflate_jobs_free(one, N);
    deflate_jobs_free(many, N);
    CHECK(one[0].out == NULL && one[N - 1].out_len == 0);
    CHECK(deflate_jobs(NULL, 0, 4));
    dlclose(z);
}

void test_pdf_content(void)
{
    operators();
    against_libharu();
    compression();
}
