// textmate_test.js - tokenizes Ruta files with the Ruta TextMate grammar,
// using the engine VS Code uses (vscode-textmate + vscode-oniguruma), and
// checks the scopes of the language's keywords and literals.
//
//   node editors/test/textmate_test.js REFERENCE.ruta [OTHER.ruta...]
//
// REFERENCE.ruta is the reference plan (aromos.ruta): every keyword, key and
// literal of it must get its scope, and every keyword of the language it
// uses must be seen. The other files must tokenize without an `invalid`
// scope. Prints one line per failure and exits 1 when there is any.
'use strict';

const fs = require('fs');
const path = require('path');

const here = __dirname;
const grammarPath = path.join(here, '..', 'vscode', 'syntaxes', 'ruta.tmLanguage.json');

let failures = 0;
function fail(msg) {
    console.log('FAIL: ' + msg);
    failures++;
}

async function loadGrammar() {
    const vsctm = require('vscode-textmate');
    const onig = require('vscode-oniguruma');
    const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await onig.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new vsctm.Registry({
        onigLib: Promise.resolve({
            createOnigScanner: (sources) => new onig.OnigScanner(sources),
            createOnigString: (s) => new onig.OnigString(s),
        }),
        loadGrammar: async (scope) =>
            scope === 'source.ruta'
                ? vsctm.parseRawGrammar(fs.readFileSync(grammarPath, 'utf8'), grammarPath)
                : null,
    });
    return { vsctm, grammar: await registry.loadGrammar('source.ruta') };
}

// Tokens of a text: [{line, text, scopes}] (blank tokens dropped).
function tokenize(vsctm, grammar, text) {
    const out = [];
    let stack = vsctm.INITIAL;
    text.split(/\r?\n/).forEach((line, i) => {
        const r = grammar.tokenizeLine(line, stack);
        for (const t of r.tokens) {
            const s = line.slice(t.startIndex, t.endIndex);
            if (s.trim() !== '')
                out.push({ line: i + 1, text: s.trim(), scopes: t.scopes });
        }
        stack = r.ruleStack;
    });
    return out;
}

const has = (tok, scope) => tok.scopes.some((s) => s === scope || s.startsWith(scope + '.'));
const inside = (tok) => has(tok, 'string') || has(tok, 'comment');

// Keywords of the language and the scope each must get.
const KEYWORDS = {
    usar: 'keyword.control.import.ruta',
    plan: 'storage.type.ruta', persona: 'storage.type.ruta', equipo: 'storage.type.ruta',
    capacidad: 'storage.type.ruta', accion: 'storage.type.ruta', indicador: 'storage.type.ruta',
    hito: 'storage.type.ruta', seguimiento: 'storage.type.ruta', vocabulario: 'storage.type.ruta',
    calendario: 'storage.type.ruta', autoevaluacion: 'storage.type.ruta',
    avance: 'keyword.other.entry.ruta', medicion: 'keyword.other.entry.ruta',
    nudo: 'keyword.other.entry.ruta', logro: 'keyword.other.entry.ruta',
    acuerdo: 'keyword.other.entry.ruta', aprendizaje: 'keyword.other.entry.ruta',
    observacion: 'keyword.other.entry.ruta', cumplido: 'keyword.other.entry.ruta',
    resuelto: 'keyword.other.entry.ruta', ajuste: 'keyword.other.entry.ruta',
    feriado: 'keyword.other.calendar.ruta', vacaciones: 'keyword.other.calendar.ruta',
};
const fold = (s) => s.normalize('NFD').replace(/[\u0301\u0308]/g, '').normalize('NFC');

// Literal shapes and their scopes (checked on tokens outside strings and comments).
const LITERALS = [
    [/^\d{4}-\d{2}-\d{2}$/, 'constant.numeric.date.ruta'],
    [/^\d{1,2}:\d{2}$/, 'constant.numeric.time.ruta'],
    [/^\$[\d.]+$/, 'constant.numeric.money.ruta'],
    [/^[\d_.]+%$/, 'constant.numeric.percent.ruta'],
    [/^\.\.$/, 'keyword.operator.range.ruta'],
    [/^\{$/, 'punctuation.section.block.begin.ruta'],
    [/^\}$/, 'punctuation.section.block.end.ruta'],
];

function checkReference(vsctm, grammar, file) {
    const text = fs.readFileSync(file, 'utf8');
    const toks = tokenize(vsctm, grammar, text);
    const seen = new Set();
    const counts = { key: 0, string: 0, comment: 0, text: 0, literal: 0 };
    toks.forEach((t, i) => {
        const where = `${path.basename(file)}:${t.line} '${t.text}'`;
        if (has(t, 'comment')) counts.comment++;
        if (has(t, 'string.quoted.double')) counts.string++;
        if (has(t, 'string.quoted.triple')) counts.text++;
        if (has(t, 'invalid')) fail(`${where}: invalid scope ${t.scopes.join(' ')}`);
        if (inside(t)) return;
        const next = toks[i + 1];
        const isKey = next && next.line === t.line && next.text === ':';
        const kw = KEYWORDS[fold(t.text)];
        if (isKey && !has(t, 'support.type.property-name.ruta') && !has(t, 'variable.other.reference.ruta') &&
            !has(t, 'keyword.other.entry.ruta'))
            fail(`${where}: a key, scoped ${t.scopes.join(' ')}`);
        else if (isKey) counts.key++;
        if (kw && !isKey) {
            seen.add(fold(t.text));
            if (!has(t, kw)) fail(`${where}: expected ${kw}, got ${t.scopes.join(' ')}`);
        }
        for (const [re, scope] of LITERALS)
            if (re.test(t.text)) {
                counts.literal++;
                if (!has(t, scope)) fail(`${where}: expected ${scope}, got ${t.scopes.join(' ')}`);
            }
    });
    for (const k of ['usar', 'plan', 'persona', 'equipo', 'capacidad', 'accion', 'indicador', 'hito',
                     'seguimiento', 'avance', 'medicion', 'nudo', 'logro', 'acuerdo'])
        if (!seen.has(k)) fail(`${path.basename(file)}: keyword '${k}' never seen as a keyword`);
    if (counts.key < 50 || counts.string < 30 || counts.comment < 3 || counts.text < 4 || counts.literal < 40)
        fail(`${path.basename(file)}: too few tokens recognised: ${JSON.stringify(counts)}`);
    return counts;
}

// Small cases: [source line, token, expected scope].
const CASES = [
    ['acción taller "Taller" {', 'acción', 'storage.type.ruta'],
    ['acción taller "Taller" {', 'taller', 'entity.name.type.ruta'],
    ['  capacidad: colaboracion', 'capacidad', 'support.type.property-name.ruta'],
    ['  avance taller: 60% "bien"', 'avance', 'keyword.other.entry.ruta'],
    ['  avance taller: 60% "bien"', 'taller', 'variable.other.reference.ruta'],
    ['  avance taller: 60% "bien"', '60%', 'constant.numeric.percent.ruta'],
    ['  medición lectura: 12 conversaciones', 'medición', 'keyword.other.entry.ruta'],
    ['  medición lectura: 12 conversaciones', 'conversaciones', 'keyword.other.unit.ruta'],
    ['  nudo: "Faltan horas"', 'nudo', 'keyword.other.entry.ruta'],
    ['  costo: 2.5 UF', 'UF', 'keyword.other.unit.money.ruta'],
    ['  costo: $150.000', '$150.000', 'constant.numeric.money.ruta'],
    ['  fechas: 2026-04-06..2026-07-31', '2026-07-31', 'constant.numeric.date.ruta'],
    ['  fecha: 2026-05-14 15:30', '15:30', 'constant.numeric.time.ruta'],
    ['  carga_maxima: 3  uatp: crojas', 'uatp', 'support.type.property-name.ruta'],
    ['  nombre: "a\\"b\\q"', '\\q', 'invalid.illegal.unrecognized-escape.ruta'],
    ['  sentido: decreciente', 'decreciente', 'constant.language.ruta'],
    ['  feriado 2026-05-01 "Día del Trabajo"  # irrenunciable', 'feriado', 'keyword.other.calendar.ruta'],
    ['  feriado 2026-05-01 "Día del Trabajo"  # irrenunciable', 'irrenunciable', 'comment.line.number-sign.ruta'],
    ['autoevaluación 2026-06-11 "Junio" {', 'autoevaluación', 'storage.type.ruta'],
];

function checkCases(vsctm, grammar) {
    for (const [src, token, scope] of CASES) {
        const toks = tokenize(vsctm, grammar, src);
        const t = toks.find((x) => x.text === token);
        if (!t) fail(`'${src}': no token '${token}' (${toks.map((x) => x.text).join('|')})`);
        else if (!has(t, scope)) fail(`'${src}': '${token}' expected ${scope}, got ${t.scopes.join(' ')}`);
    }
}

function checkNoInvalid(vsctm, grammar, file) {
    const toks = tokenize(vsctm, grammar, fs.readFileSync(file, 'utf8'));
    for (const t of toks)
        if (has(t, 'invalid')) fail(`${path.basename(file)}:${t.line} '${t.text}': ${t.scopes.join(' ')}`);
}

async function main() {
    const files = process.argv.slice(2);
    if (files.length === 0) {
        console.log('usage: node textmate_test.js REFERENCE.ruta [OTHER.ruta...]');
        process.exit(2);
    }
    JSON.parse(fs.readFileSync(grammarPath, 'utf8'));
    JSON.parse(fs.readFileSync(path.join(here, '..', 'vscode', 'language-configuration.json'), 'utf8'));
    JSON.parse(fs.readFileSync(path.join(here, '..', 'vscode', 'package.json'), 'utf8'));
    const { vsctm, grammar } = await loadGrammar();
    const counts = checkReference(vsctm, grammar, files[0]);
    checkCases(vsctm, grammar);
    for (const f of files.slice(1)) checkNoInvalid(vsctm, grammar, f);
    if (failures) {
        console.log(`${failures} failure(s)`);
        process.exit(1);
    }
    console.log(`grammar ok: ${JSON.stringify(counts)} in ${path.basename(files[0])}, ` +
                `${CASES.length} cases, ${files.length - 1} other files`);
}

main().catch((e) => {
    console.log('FAIL: ' + (e && e.stack ? e.stack : e));
    process.exit(1);
});
