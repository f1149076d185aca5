/* pdf_font.c - loading, measuring and slimming the embedded fonts
 * (pdf_font.h). The slimming touches libharu's font objects through its
 * installed internal headers (hpdf_font.h, hpdf_fontdef.h, hpdf_objects.h),
 * the documented way to add to a dictionary before HPDF_SaveToStream. */
#include "pdf_font.h"

#include "hpdf_api.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>

#include "pdf_ttf.h"
#include "strbuf.h"
#include "utf8.h"

#define BMP 65536u

/* ---- checking the file ---------------------------------------------------- */

static const char *open_error_text(int err)
{
    switch (err) {
    case ENOENT: return "el archivo no existe";
    case EACCES: return "no hay permiso para leerlo";
    case EISDIR: return "es un directorio";
    default: return "no se puede leer";
    }
}

/* Reads the first bytes; a TrueType font starts with 0x00010000 or "true".
 * Returns NULL when it is one, else the reason. */
static const char *ttf_header_problem(FILE *fp, int *err)
{
    unsigned char tag[4];
    errno = 0;
    size_t n = fread(tag, 1, sizeof tag, fp);
    if (n != sizeof tag) {
        *err = errno;
        return errno ? open_error_text(errno) : "el archivo está vacío o incompleto";
    }
    if ((tag[0] == 0 && tag[1] == 1 && tag[2] == 0 && tag[3] == 0) || memcmp(tag, "true", 4) == 0)
        return NULL;
    if (memcmp(tag, "OTTO", 4) == 0)
        return "es una fuente OpenType con contornos CFF; se necesita una fuente TrueType (.ttf)";
    if (memcmp(tag, "ttcf", 4) == 0)
        return "es una colección de fuentes (.ttc); se necesita una sola fuente TrueType (.ttf)";
    return "no es una fuente TrueType (.ttf)";
}

bool pdf_font_check_file(const char *path, const char *hint)
{
    const char *problem = NULL;
    int err = 0;
    errno = 0;
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        problem = open_error_text(errno);
    } else {
        problem = ttf_header_problem(fp, &err);
        fclose(fp);
    }
    if (!problem)
        return true;
    fprintf(stderr, "ruta: error: no se puede usar la fuente '%s': %s\n", path, problem);
    if (hint)
        fprintf(stderr, "ayuda: %s\n", hint);
    return false;
}

/* ---- loading and measuring ------------------------------------------------ */

bool pdf_font_load(PdfFont *f, const HpdfApi *hp, HPDF_Doc doc, const char *path)
{
    memset(f, 0, sizeof *f);
    f->hp = hp;
    f->path = path;
    const char *name = f->hp->HPDF_LoadTTFontFromFile(doc, path, HPDF_TRUE);
    if (!name)
        return false;
    f->font = f->hp->HPDF_GetFont(doc, name, "UTF-8");
    if (!f->font)
        return false;
    f->width = malloc(BMP * sizeof *f->width);
    f->used = calloc(BMP / 8, 1);
    if (!f->width || !f->used) {
        fputs("ruta: error: memoria insuficiente\n", stderr);
        abort();
    }
    for (size_t i = 0; i < BMP; i++)
        f->width[i] = PDF_WIDTH_UNKNOWN;
    return true;
}

static HPDF_FontDef fontdef_of(const PdfFont *f)
{
    return ((HPDF_FontAttr)f->font->attr)->fontdef;
}

unsigned pdf_font_width(PdfFont *f, uint32_t cp)
{
    if (cp >= BMP)
        cp = 0xFFFD;
    if (f->width[cp] == PDF_WIDTH_UNKNOWN) {
        HPDF_INT16 w = f->hp->HPDF_TTFontDef_GetCharWidth(fontdef_of(f), (HPDF_UINT16)cp);
        f->width[cp] = (uint16_t)(w < 0 ? 0 : w); /* at most 0x7FFF: never UNKNOWN */
    }
    return f->width[cp];
}

bool pdf_font_mark(PdfFont *f, const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + n;
    bool wide = false;
    while (p < end) {
        size_t len;
        uint32_t cp = utf8_decode(p, end, &len);
        if (cp < BMP)
            f->used[cp >> 3] |= (uint8_t)(1u << (cp & 7));
        if (!wide)
            wide = pdf_font_width(f, cp) != 0;
        p += len;
    }
    return wide;
}

static bool is_used(const PdfFont *f, uint32_t cp)
{
    return f->used[cp >> 3] & (1u << (cp & 7));
}

/* ---- slimming ------------------------------------------------------------- */

/* /W: [first [w w ...] first [w ...]] for each run of consecutive code
 * points drawn. */
static bool rewrite_widths(PdfFont *f, HPDF_Dict cidfont)
{
    HPDF_Array w = f->hp->HPDF_Array_New(cidfont->mmgr);
    if (!w)
        return false;
    HPDF_Array run = NULL;
    for (uint32_t cp = 0; cp < BMP; cp++) {
        if (!is_used(f, cp)) {
            run = NULL;
            continue;
        }
        if (!run) {
            run = f->hp->HPDF_Array_New(cidfont->mmgr);
            if (!run || f->hp->HPDF_Array_AddNumber(w, (HPDF_INT32)cp) != HPDF_OK || f->hp->HPDF_Array_Add(w, run) != HPDF_OK)
                return false;
        }
        if (f->hp->HPDF_Array_AddNumber(run, (HPDF_INT32)pdf_font_width(f, cp)) != HPDF_OK)
            return false;
    }
    return f->hp->HPDF_Dict_Add(cidfont, "W", w) == HPDF_OK;
}

static uint32_t highest_used(const PdfFont *f)
{
    for (uint32_t cp = BMP; cp-- > 0;)
        if (is_used(f, cp))
            return cp;
    return 0;
}

/* /CIDToGIDMap up to the highest code point drawn; others map to glyph 0. */
static bool rewrite_gid_map(PdfFont *f, HPDF_Dict map)
{
    uint32_t n = highest_used(f) + 1;
    HPDF_BYTE *bytes = calloc(n, 2);
    if (!bytes)
        return false;
    HPDF_FontDef def = fontdef_of(f);
    for (uint32_t cp = 0; cp < n; cp++) {
        if (!is_used(f, cp))
            continue;
        HPDF_UINT16 gid = f->hp->HPDF_TTFontDef_GetGlyphid(def, (HPDF_UINT16)cp);
        bytes[2 * cp] = (HPDF_BYTE)(gid >> 8);
        bytes[2 * cp + 1] = (HPDF_BYTE)gid;
    }
    f->hp->HPDF_MemStream_FreeData(map->stream);
    bool ok = f->hp->HPDF_Stream_Write(map->stream, bytes, n * 2) == HPDF_OK;
    free(bytes);
    return ok;
}

/* A ToUnicode CMap: CID = code point (Identity-H over the UTF-8 encoder). */
static bool rewrite_to_unicode(PdfFont *f, HPDF_Dict cmap)
{
    StrBuf b;
    strbuf_init(&b);
    strbuf_puts(&b, "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                    "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
                    "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
    uint32_t cps[100];
    size_t n = 0;
    for (uint32_t cp = 0; cp <= BMP; cp++) {
        bool take = cp < BMP && is_used(f, cp);
        if (take)
            cps[n++] = cp;
        if (n == 100 || (cp == BMP && n > 0)) {
            strbuf_printf(&b, "%zu beginbfchar\n", n);
            for (size_t i = 0; i < n; i++)
                strbuf_printf(&b, "<%04X> <%04X>\n", (unsigned)cps[i], (unsigned)cps[i]);
            strbuf_puts(&b, "endbfchar\n");
            n = 0;
        }
    }
    strbuf_puts(&b, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    f->hp->HPDF_MemStream_FreeData(cmap->stream);
    bool ok = f->hp->HPDF_Stream_Write(cmap->stream, (const HPDF_BYTE *)b.data, (HPDF_UINT)b.len) == HPDF_OK;
    strbuf_free(&b);
    if (ok) {
        /* The CMap's own dictionary describes a cidrange CMap; drop it. */
        f->hp->HPDF_Dict_RemoveElement(cmap, "CIDSystemInfo");
        f->hp->HPDF_Dict_RemoveElement(cmap, "CMapName");
        f->hp->HPDF_Dict_RemoveElement(cmap, "Type");
        f->hp->HPDF_Dict_RemoveElement(cmap, "WMode");
    }
    return ok;
}

/* Reads a whole file into a heap buffer. */
static unsigned char *read_file(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return NULL;
    StrBuf b;
    strbuf_init(&b);
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
        strbuf_append(&b, chunk, n);
    bool bad = ferror(fp);
    fclose(fp);
    if (bad) {
        strbuf_free(&b);
        return NULL;
    }
    *len = b.len;
    return (unsigned char *)b.data;
}

/* The font program: a TrueType file with only the glyphs drawn, written
 * into a FontDescriptor made here (libharu then does not make its own). */
static bool rewrite_program(PdfFont *f)
{
    HPDF_FontAttr attr = (HPDF_FontAttr)f->font->attr;
    HPDF_FontDef def = attr->fontdef;
    if (def->descriptor)
        return true; /* the same TTF loaded for regular and bold: done once */
    size_t len = 0;
    unsigned char *ttf = read_file(f->path, &len);
    if (!ttf)
        return false;
    PdfGlyphMap *map = malloc(BMP * sizeof *map);
    if (!map)
        abort();
    size_t n = 0;
    for (uint32_t cp = 0; cp < BMP; cp++)
        if (is_used(f, cp))
            map[n++] = (PdfGlyphMap){ (uint16_t)cp, f->hp->HPDF_TTFontDef_GetGlyphid(def, (HPDF_UINT16)cp) };
    StrBuf out;
    strbuf_init(&out);
    bool ok = pdf_ttf_subset(ttf, len, map, n, &out);
    free(map);
    free(ttf);
    HPDF_Dict desc = ok ? f->hp->HPDF_Dict_New(f->font->mmgr) : NULL;
    HPDF_Dict data = desc ? f->hp->HPDF_DictStream_New(f->font->mmgr, attr->xref) : NULL;
    ok = data && f->hp->HPDF_Xref_Add(attr->xref, desc) == HPDF_OK;
    if (ok) {
        HPDF_STATUS r = f->hp->HPDF_Stream_Write(data->stream, (const HPDF_BYTE *)out.data, (HPDF_UINT)out.len);
        data->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
        r += f->hp->HPDF_Dict_AddNumber(data, "Length1", (HPDF_INT32)out.len);
        r += f->hp->HPDF_Dict_Add(desc, "FontFile2", data);
        r += f->hp->HPDF_Dict_AddName(desc, "Type", "FontDescriptor");
        r += f->hp->HPDF_Dict_AddNumber(desc, "Ascent", def->ascent);
        r += f->hp->HPDF_Dict_AddNumber(desc, "Descent", def->descent);
        r += f->hp->HPDF_Dict_AddNumber(desc, "Flags", (HPDF_INT32)def->flags);
        r += f->hp->HPDF_Dict_Add(desc, "FontBBox", f->hp->HPDF_Box_Array_New(f->font->mmgr, def->font_bbox));
        r += f->hp->HPDF_Dict_AddName(desc, "FontName", ((HPDF_TTFontDefAttr)def->attr)->base_font);
        r += f->hp->HPDF_Dict_AddNumber(desc, "ItalicAngle", def->italic_angle);
        r += f->hp->HPDF_Dict_AddNumber(desc, "StemV", (HPDF_INT32)def->stemv);
        r += f->hp->HPDF_Dict_AddNumber(desc, "XHeight", def->x_height);
        ok = r == HPDF_OK;
        if (ok)
            def->descriptor = desc;
    }
    strbuf_free(&out);
    return ok;
}

bool pdf_font_finish(PdfFont *f, HPDF_Doc doc)
{
    (void)doc;
    if (!f->font || f->finished)
        return true;
    f->finished = true;
    HPDF_FontAttr attr = (HPDF_FontAttr)f->font->attr;
    pdf_font_width(f, 0xFFFD);
    if (!attr->descendant_font || !attr->map_stream || !attr->cmap_stream)
        return false;
    return rewrite_widths(f, attr->descendant_font) && rewrite_gid_map(f, attr->map_stream) &&
           rewrite_to_unicode(f, attr->cmap_stream) && rewrite_program(f);
}

void pdf_font_free(PdfFont *f)
{
    free(f->width);
    free(f->used);
    f->width = NULL;
    f->used = NULL;
}
