/* fuzz_fmt.c - libFuzzer target over the formatter (`ruta fmt`).
 *
 * Input: any byte string, taken as the text of a file "fuzz.ruta". The
 * target runs what `ruta fmt` runs: the parse and the layout (fmt_format),
 * and, when the file parses, the meaning check that `ruta fmt` makes before
 * it writes anything (fmt_same_meaning).
 *
 * Oracle, besides the sanitizers: for every input that parses,
 *   - the formatted text means what the input meant (a failure here is the
 *     "error interno" of `ruta fmt`: a formatter bug a user would hit);
 *   - formatting is idempotent: the formatted text formats to itself;
 *   - the output is valid UTF-8 when the input is, has no trailing blank
 *     on any line outside text blocks, and ends with exactly one newline
 *     (nothing when empty).
 * The target aborts with a message naming the broken property.
 *
 * Output: nothing. Memory is owned by the arena, the source manager and
 * the diagnostic engine, all freed per input.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "diag.h"
#include "fmt_tree.h"
#include "fmt_verify.h"
#include "source.h"
#include "strbuf.h"
#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void fail(const char *what)
{
    fprintf(stderr, "fuzz_fmt: %s\n", what);
    abort();
}

/* No blank at the end of a line outside text blocks (their lines are kept
 * as written: trailing blanks are part of the text), one final newline,
 * nothing when empty. The output is canonical, so a small scan tells text
 * blocks, strings and comments apart. */
static void require_layout(const StrBuf *out)
{
    if (out->len == 0)
        return;
    const char *s = out->data;
    size_t n = out->len;
    if (s[n - 1] != '\n')
        fail("the output does not end with a newline");
    if (n >= 2 && s[n - 2] == '\n')
        fail("the output ends with a blank line");
    bool in_block = false;
    for (size_t i = 0; i < n; i++) {
        if (in_block) {
            if (s[i] == '"' && i + 2 < n && s[i + 1] == '"' && s[i + 2] == '"') {
                in_block = false;
                i += 2;
            }
        } else if (s[i] == '#') {
            while (i + 1 < n && s[i + 1] != '\n')
                i++;
        } else if (s[i] == '"' && i + 2 < n && s[i + 1] == '"' && s[i + 2] == '"') {
            in_block = true;
            i += 2;
        } else if (s[i] == '"') {
            for (i++; i < n && s[i] != '"' && s[i] != '\n'; i++)
                if (s[i] == '\\' && i + 1 < n)
                    i++;
        }
        if (i < n && s[i] == '\n' && !in_block && i > 0 && (s[i - 1] == ' ' || s[i - 1] == '\t'))
            fail("a line of the output ends with a blank");
    }
}

/* Formats `text` in a fresh session; true when it parsed, with the
 * formatted text in *out. With `verify`, the result must mean what the
 * input meant. `limit`: the tree's memory budget (0: none). */
static bool format_text(const char *text, size_t len, StrBuf *out, bool verify, size_t limit)
{
    Arena arena;
    arena_init(&arena);
    arena.limit = limit;
    SourceManager sm;
    source_manager_init(&sm);
    DiagEngine diag;
    diag_init(&diag, &arena, &sm, 50);
    uint32_t file = source_add_text(&sm, "fuzz.ruta", NULL, text, len);
    FileAst *ast = NULL;
    bool ok = file != SOURCE_NO_FILE && fmt_format(&arena, &diag, &sm, file, out, &ast);
    if (ok && verify && !fmt_same_meaning(&arena, &sm, "fuzz.ruta", ast, out))
        fail("the formatted text does not mean what the input meant");
    diag_free(&diag);
    source_manager_free(&sm);
    arena_free(&arena);
    return ok;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    StrBuf once;
    strbuf_init(&once);
    /* As fuzz_check, a small budget: dense inputs take the E008 path. The
     * second pass has none, so a longer formatted text is not refused. */
    if (format_text((const char *)data, size, &once, true, 2u << 20)) {
        require_layout(&once);
        if (utf8_first_invalid((const char *)data, size) == size &&
            utf8_first_invalid(once.data ? once.data : "", once.len) != once.len)
            fail("the output of a UTF-8 input is not UTF-8");
        StrBuf twice;
        strbuf_init(&twice);
        if (!format_text(once.data ? once.data : "", once.len, &twice, false, 0))
            fail("the formatted text does not parse");
        if (twice.len != once.len || (once.len && memcmp(once.data, twice.data, once.len) != 0))
            fail("formatting is not idempotent");
        strbuf_free(&twice);
    }
    strbuf_free(&once);
    return 0;
}
