/* fmt_src.c - scanning the source text for what the syntax tree omits. */
#include "fmt_src.h"

/* Length of the blank at pos (0 when the byte there is not blank). */
static uint32_t blank_len(const char *text, size_t len, uint32_t pos)
{
    if (pos >= len)
        return 0;
    char c = text[pos];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
        return 1;
    if (c == '\xC2' && pos + 1 < len && text[pos + 1] == '\xA0')
        return 2;
    return 0;
}

/* Length of the blank ending just before pos, looking backwards. */
static uint32_t blank_len_back(const char *text, uint32_t start, uint32_t pos)
{
    if (pos <= start)
        return 0;
    char c = text[pos - 1];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
        return 1;
    if (c == '\xA0' && pos - 1 > start && text[pos - 2] == '\xC2')
        return 2;
    return 0;
}

uint32_t fmt_src_skip(const char *text, size_t len, uint32_t pos)
{
    while (pos < len) {
        uint32_t b = blank_len(text, len, pos);
        if (b) {
            pos += b;
        } else if (text[pos] == ';') {
            pos++;
        } else if (text[pos] == '#') {
            while (pos < len && text[pos] != '\n')
                pos++;
        } else {
            break;
        }
    }
    return pos;
}

uint32_t fmt_src_find(const char *text, size_t len, uint32_t pos, char want)
{
    for (;;) {
        pos = fmt_src_skip(text, len, pos);
        if (pos >= len || text[pos] == want)
            return pos;
        pos = text[pos] == '"' ? fmt_src_string_end(text, len, pos) : pos + 1;
    }
}

uint32_t fmt_src_string_end(const char *text, size_t len, uint32_t pos)
{
    uint32_t i = pos + 1;
    while (i < len && text[i] != '"' && text[i] != '\n')
        i += text[i] == '\\' && i + 1 < len && text[i + 1] != '\n' ? 2 : 1;
    return i < len && text[i] == '"' ? i + 1 : i;
}

uint32_t fmt_src_number_end(const char *text, size_t len, uint32_t pos)
{
    while (pos < len && ((text[pos] >= '0' && text[pos] <= '9') || text[pos] == '_' || text[pos] == '.'))
        pos++;
    return pos;
}

bool fmt_src_own_line(const char *text, uint32_t start, uint32_t pos)
{
    for (;;) {
        if (pos <= start || text[pos - 1] == '\n')
            return true;
        uint32_t b = blank_len_back(text, start, pos);
        if (!b)
            return false;
        pos -= b;
    }
}

uint32_t fmt_src_prev_token(const char *text, uint32_t start, uint32_t pos)
{
    uint32_t p = pos;
    for (uint32_t b; (b = blank_len_back(text, start, p)) != 0;)
        p -= b;
    return p > start ? p - 1 : pos;
}

bool fmt_src_blank_before(const char *text, uint32_t start, uint32_t pos)
{
    int newlines = 0;
    for (uint32_t b; (b = blank_len_back(text, start, pos)) != 0;) {
        pos -= b;
        newlines += text[pos] == '\n';
    }
    return pos > start && newlines >= 2;
}

bool fmt_src_blank_after(const char *text, size_t len, uint32_t end)
{
    int newlines = 0;
    for (uint32_t b; (b = blank_len(text, len, end)) != 0;) {
        newlines += text[end] == '\n';
        end += b;
    }
    return end < len && newlines >= 2;
}
