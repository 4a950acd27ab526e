// Text → data, with parse findings and where each node is (by JSON pointer).
// YAML is read by the report-subset reader (subset-yaml.ts); whatever it gives
// up on, the `yaml` package's Document (YAML 1.2, core schema) reads whole.
import type { Document, LineCounter, Node } from 'yaml';
import { yaml } from './yaml-lazy.js';
import type { Finding, Position } from '../diagnostics/finding.js';
import { escapePointerPart, joinPointer, parsePointer } from '../model/cells.js';
import { CONTROL, decode } from './decode.js';
import { lineStartsOf, offsetToPosition, scanJson, type JsonScan } from './json-scan.js';
import { REFUSED, isPlainNumber, offsetAt, readSubset } from './subset-yaml.js';
import { FULL_WIDTH, findSlip, type Slip } from './slips.js';

export type SourceKind = 'yaml' | 'json';
/** A real report is a few KB. */
export const MAX_BYTES = 5 * 1024 * 1024;
export const MAX_DEPTH = 20;
/** Flow nesting refused before the careful parser sees it (it recurses per level). */
const MAX_FLOW_DEPTH = 200;

export interface Located {
  /** Position of the value at `pointer`, or of its nearest existing ancestor. */
  locate(pointer: string, atKey?: boolean): Position;
}

export interface LoadResult extends Located {
  /** The parsed data; undefined when the file could not be parsed. */
  readonly data: unknown;
  /** Parse-stage findings (errors, and the encoding warning). */
  readonly findings: Finding[];
  readonly text: string;
  readonly kind: SourceKind;
  /**
   * Pointer → number as written, for numbers not written plainly (1e3, 0x10,
   * 1.0, integers past 2^53): the schema stage says what to write instead.
   */
  readonly numbers?: ReadonlyMap<string, string>;
}

type Loaded = { data: unknown; findings: Finding[]; locate: Located['locate']; numbers?: Map<string, string> };

export interface LoadOptions {
  /** File name; its extension chooses YAML or JSON. */
  readonly filename?: string;
  readonly kind?: SourceKind;
  /** The input's full size when only its head was read. */
  readonly byteLength?: number;
}

export function kindOf(filename: string | undefined): SourceKind {
  return filename && /\.json$/i.test(filename) ? 'json' : 'yaml';
}

const ORIGIN: Position = { line: 1, column: 1 };

/** Loads a report from bytes or text. Never throws on bad input. */
export function loadReport(input: Uint8Array | string, options: LoadOptions = {}): LoadResult {
  const kind = options.kind ?? kindOf(options.filename);
  const findings: Finding[] = [];
  let text: string;
  let mayHoldControl = true;
  let clean = false;
  if (typeof input === 'string') {
    text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  } else {
    if (input.length > MAX_BYTES || (options.byteLength ?? 0) > MAX_BYTES) {
      return failed('', kind, { ruleId: 'PARSE-TOO-LARGE', severity: 'error', pointer: '', params: { size: options.byteLength ?? input.length, limit: MAX_BYTES }, line: 1, column: 1 });
    }
    const d = decode(input);
    if (d.binary) return failed('', kind, { ruleId: 'PARSE-BINARY', severity: 'error', pointer: '', params: {}, line: 1, column: 1 });
    text = d.text;
    mayHoldControl = d.control === true;
    clean = d.clean === true;
    if (d.encoding) findings.push({ ruleId: 'PARSE-ENCODING', severity: 'warning', pointer: '', params: { encoding: d.encoding }, line: 1, column: 1 });
  }
  // A lone CR ends a line in YAML and in editors; as LF (same length) every parser and position agrees.
  if (text.includes('\r')) text = text.replace(/\r(?!\n)/g, '\n');
  // A control character no YAML or JSON allows, placed (copied from Word: U+000B).
  const control = mayHoldControl ? text.search(CONTROL) : -1;
  if (control >= 0) {
    const at = offsetToPosition(lineStartsOf(text), control);
    const code = text.charCodeAt(control).toString(16).toUpperCase().padStart(4, '0');
    const f: Finding = { ruleId: 'PARSE-SYNTAX', severity: 'error', pointer: '', params: { slip: 'control', code: `U+${code}`, ...at }, ...at };
    return { data: undefined, findings: [...findings, f], text, kind, locate: () => ORIGIN };
  }
  if (text.length > MAX_BYTES) {
    return failed(text, kind, { ruleId: 'PARSE-TOO-LARGE', severity: 'error', pointer: '', params: { size: text.length, limit: MAX_BYTES }, line: 1, column: 1 });
  }
  const result = kind === 'json' ? loadJson(text) : loadYaml(text, clean);
  findings.push(...result.findings);
  if (result.data !== undefined && findings.every((f) => f.severity !== 'error')) {
    const shape = checkShape(result.data);
    if (shape) findings.push({ ...shape, ...result.locate('') });
  }
  const ok = findings.every((f) => f.severity !== 'error');
  return { data: ok ? result.data : undefined, findings, text, kind, locate: result.locate, ...(ok && result.numbers?.size ? { numbers: result.numbers } : {}) };
}

function failed(text: string, kind: SourceKind, f: Finding): LoadResult {
  return { data: undefined, findings: [f], text, kind, locate: () => ORIGIN };
}

/** The top must be a mapping; nesting is bounded; shared objects mean aliases. */
function checkShape(data: unknown): Omit<Finding, 'line' | 'column'> | undefined {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { ruleId: 'PARSE-NOT-MAPPING', severity: 'error', pointer: '', params: { actual: data === null ? 'null' : Array.isArray(data) ? 'array' : typeof data === 'number' ? 'number' : typeof data } };
  }
  return undefined;
}

// ── YAML ──────────────────────────────────────────────────────────────────
/**
 * Largest text the `yaml` Document reads when the subset reader gave up: it
 * costs about 1 ms per KB of report text (a report is a few KB), more in dense
 * flow collections, so a file past this is refused where the reader stopped.
 */
const CAREFUL_MAX = 128 * 1024;

/** `window: false` reads a broken file's whole text with the Document (the differential test compares the two). */
export function loadYaml(text: string, clean = false, window = true): Loaded {
  // CRLF is read as LF: the same lines and columns (lone CRs are LF already).
  const lf = text.includes('\r') ? text.replace(/\r\n/g, '\n') : text;
  const r = readSubset(lf, MAX_DEPTH, clean);
  if (!('gaveUp' in r)) {
    let starts: number[] | undefined;
    const at = (offset: number) => offsetToPosition((starts ??= lineStartsOf(lf)), offset);
    const locate = (pointer: string, atKey?: boolean) => at(offsetAt(r.at, parsePointer(pointer), atKey));
    if (r.duplicate) return { data: undefined, findings: [{ ruleId: 'PARSE-DUPLICATE-KEY', severity: 'error', pointer: '', params: { key: clipKey(r.duplicate.key) }, ...at(r.duplicate.offset) }], locate };
    return { data: r.data, findings: [], locate, numbers: r.numbers };
  }
  // Nested past the limit where the reader stopped (placed at the collection), or, absurdly, in flow
  // collections anywhere (the Document recurses per level): refused before the Document runs.
  if (r.deep) return { data: undefined, findings: [tooDeepFinding(offsetToPosition(lineStartsOf(lf), r.gaveUp))], locate: () => ORIGIN };
  const flowDeep = flowDepthOffset(text, MAX_FLOW_DEPTH);
  if (flowDeep >= 0) return { data: undefined, findings: [tooDeepFinding(offsetToPosition(lineStartsOf(text), flowDeep))], locate: () => ORIGIN };
  if (text.length > CAREFUL_MAX) {
    const at = offsetToPosition(lineStartsOf(lf), r.gaveUp);
    const f: Finding = r.anchor
      ? { ruleId: 'PARSE-ALIAS', severity: 'error', pointer: '', params: { detail: r.anchor }, ...at }
      : { ruleId: 'PARSE-TOO-LARGE', severity: 'error', pointer: '', params: { size: text.length, limit: CAREFUL_MAX }, ...at };
    return { data: undefined, findings: [f], locate: () => ORIGIN };
  }
  // A broken entry is most often why the reader gave up: the Document of that entry and the one
  // before it (a few hundred characters, not the whole file) says whether the file is refused.
  // Safe because a top-level key line never continues what the entry before it began (YAML refuses
  // a quote, bracket or block left open into column 0); tests/differential/fuzz.test.ts proves the
  // verdict and the place the same as the whole Document's on 20,000 edits.
  const windowed = WINDOWED.test(lf);
  let stop = r.gaveUp;
  // The reader gives up at the first character it never reads (a tab, say) before reading anything:
  // the text before that entry is read, so that a slip above it is the one found.
  const head = windowed && REFUSED.test(lf[stop] ?? '') ? entryStart(lf, stop) : 0;
  if (head > 0) {
    const h = readSubset(lf.slice(0, head), MAX_DEPTH);
    if ('gaveUp' in h) stop = h.gaveUp;
  }
  const from = windowed ? entryStart(lf, entryStart(lf, stop) - 1) : 0;
  const to = windowed ? entryEnd(lf, stop) : lf.length;
  if (windowed && window) {
    // Where the reader stopped (having read every line above) at a slip YAML always refuses, the
    // slip says so without the Document (which, cold, costs a broken file more than its whole check).
    if (!REFUSED.test(lf[stop] ?? '')) {
      const s = findSlip(lf, from, to, { offset: stop, code: '' });
      if (s.sure && !lf.slice(Math.min(s.offset, stop), Math.max(s.offset, stop)).includes('\n')) return { data: undefined, findings: [slipFinding(s)], locate: () => ORIGIN };
    }
    const errs = slowParse(lf.slice(from, to)).doc.errors;
    if (errs.length && errs.every((e) => !UNTRUSTED.has(e.code) && !/call stack/i.test(e.message))) {
      return { data: undefined, findings: [syntaxFinding(lf, from, to, { offset: from + firstOf(errs).pos[0], code: firstOf(errs).code })], locate: () => ORIGIN };
    }
  }
  const doc = slowParse(lf);
  const locate = (pointer: string, atKey?: boolean) => locateInDoc(doc, pointer, atKey);
  const at = (offset: number): Position => {
    const p = doc.lc.linePos(offset);
    return { line: p.line, column: p.col };
  };
  const errs = doc.doc.errors;
  if (errs.length) {
    // One slip, one finding: what the parser says after the first error is about the same slip.
    const e = firstOf(errs);
    if (errs.some((x) => /call stack/i.test(x.message))) return { data: undefined, findings: [tooDeepFinding(at(errs.find((x) => /call stack/i.test(x.message))!.pos[0]))], locate };
    if (e.code === 'MULTIPLE_DOCS') return { data: undefined, findings: [{ ruleId: 'PARSE-MULTI-DOC', severity: 'error', pointer: '', params: {}, ...at(e.pos[0]) }], locate };
    return { data: undefined, findings: [syntaxFinding(lf, from, to, { offset: e.pos[0], code: e.code })], locate };
  }
  const found = survey(doc.doc, at);
  if (found.duplicates.length) return { data: undefined, findings: dedupe(found.duplicates).sort((x, y) => x.line! - y.line! || x.column! - y.column!), locate };
  // An alias first, else an anchor (placed at its `&`: the node's range starts after it).
  const alias = found.alias ?? found.anchor;
  if (alias) {
    const start = alias.range?.[0] ?? 0;
    const detail = found.alias ? `*${found.alias.source}` : `&${alias.anchor}`;
    const amp = found.alias ? start : text.lastIndexOf(detail, start);
    return { data: undefined, findings: [{ ruleId: 'PARSE-ALIAS', severity: 'error', pointer: '', params: { detail }, ...at(amp >= 0 ? amp : start) }], locate };
  }
  if (found.deep !== undefined) return { data: undefined, findings: [tooDeepFinding(locate(found.deep))], locate };
  if (found.collectionKey) {
    const where = at(found.collectionKey.range?.[0] ?? 0);
    return { data: undefined, findings: [{ ruleId: 'PARSE-SYNTAX', severity: 'error', pointer: '', params: { slip: 'collectionKey', ...where }, ...where }], locate };
  }
  let data: unknown;
  try {
    data = doc.doc.toJS({ maxAliasCount: 0 });
  } catch (e) {
    if (e instanceof RangeError) return { data: undefined, findings: [tooDeepFinding(ORIGIN)], locate };
    return { data: undefined, findings: [{ ruleId: 'PARSE-SYNTAX', severity: 'error', pointer: '', params: { slip: 'yaml', code: 'IMPOSSIBLE', ...ORIGIN }, ...ORIGIN }], locate };
  }
  return { data, findings: emptyFinding(text, data), locate, numbers: found.numbers.size ? found.numbers : undefined };
}

/**
 * One walk over the Document: keys written twice in a mapping (a set per
 * mapping: the `yaml` package's own check compares every pair), the first
 * alias and the first anchor, the first collection nested deeper than
 * MAX_DEPTH, and the numbers not written plainly, by pointer.
 */
function survey(d: Document, at: (offset: number) => Position) {
  const y = yaml();
  const out = { duplicates: [] as Finding[], numbers: new Map<string, string>(), deep: undefined as string | undefined, alias: undefined as (Node & { source: string }) | undefined, anchor: undefined as (Node & { anchor: string }) | undefined, collectionKey: undefined as Node | undefined };
  // `path` is undefined inside keys and pairs in sequences (whose numbers are not the data's).
  const walk = (n: unknown, path: string | undefined, depth: number): void => {
    if (y.isAlias(n)) out.alias ??= n as Node & { source: string };
    else if ((n as { anchor?: string } | null)?.anchor) out.anchor ??= n as Node & { anchor: string };
    if ((y.isMap(n) || y.isSeq(n)) && depth > MAX_DEPTH) out.deep ??= path ?? '';
    if (y.isScalar(n)) {
      if (path !== undefined && typeof n.value === 'number' && n.source !== undefined && !isPlainNumber(n.source, n.value)) out.numbers.set(path, n.source);
    } else if (y.isMap(n)) {
      const seen = new Set<string>();
      for (const p of n.items) {
        const k = y.isScalar(p.key) ? String(p.key.value) : String(p.key);
        if (y.isScalar(p.key)) {
          if (seen.has(k)) out.duplicates.push({ ruleId: 'PARSE-DUPLICATE-KEY', severity: 'error', pointer: '', params: { key: clipKey(k) }, ...at(p.key.range?.[0] ?? 0) });
          seen.add(k);
        }
        // A list or mapping as a key has no JSON form (toJS would make it the text "[object Object]" or "{ x }").
        if (y.isMap(p.key) || y.isSeq(p.key)) out.collectionKey ??= p.key;
        walk(p.key, undefined, depth + 1);
        walk(p.value, path === undefined ? undefined : `${path}/${escapePointerPart(k)}`, depth + 1);
      }
    } else if (y.isSeq(n)) {
      n.items.forEach((x, i) => {
        // A pair in a sequence is a mapping in the data.
        if (y.isPair(x)) {
          if (y.isMap(x.key) || y.isSeq(x.key)) out.collectionKey ??= x.key as Node;
          walk(x.key, undefined, depth + 2);
          walk(x.value, undefined, depth + 2);
        } else walk(x, path === undefined ? undefined : `${path}/${i}`, depth + 1);
      });
    }
  };
  walk(d.contents, '', 0);
  return out;
}

const clipKey = (k: string) => (k.length > 60 ? `${k.slice(0, 60)}…` : k);

/** Errors a part of the file may give where the whole does not: an alias or tag defined elsewhere, and the like. */
const UNTRUSTED = new Set(['BAD_ALIAS', 'TAG_RESOLVE_FAILED', 'MULTIPLE_DOCS', 'DUPLICATE_KEY', 'BAD_DIRECTIVE', 'RESOURCE_EXHAUSTION', 'IMPOSSIBLE']);
/** A file read in windows: a block mapping whose first key is plain (comments and `---` before it), no directives. */
const WINDOWED = /^(?:[ \t]*(?:#.*)?\n|---[ \t]*(?:#.*)?\n)*[^\s#\-?:%.[\]{},|>!&*@`'"](?![^]*\n%)/;
/** A line that starts a top-level entry: a plain key at column 0. */
const isEntryStart = (t: string, i: number) => i < t.length && !/[\s#\-?:%.[\]{},|>!&*@`'"]/.test(t[i]!);

/** The start of the top-level entry holding `offset` (the line of its key), or 0. */
function entryStart(t: string, offset: number): number {
  let s = t.lastIndexOf('\n', offset - 1) + 1;
  while (s > 0 && !isEntryStart(t, s)) s = t.lastIndexOf('\n', s - 2) + 1;
  return s;
}

/** The end of the top-level entry holding `offset`: the start of the next one, or the text's end. */
function entryEnd(t: string, offset: number): number {
  for (let i = t.indexOf('\n', offset); i >= 0; i = t.indexOf('\n', i + 1)) if (isEntryStart(t, i + 1)) return i + 1;
  return t.length;
}

const firstOf = <E extends { pos: [number, number] }>(errs: readonly E[]): E => errs.reduce((a, b) => (b.pos[0] < a.pos[0] ? b : a));

const syntaxFinding = (lf: string, from: number, to: number, error: { offset: number; code: string }) => slipFinding(findSlip(lf, from, to, error));

function slipFinding(s: Slip): Finding {
  return { ruleId: 'PARSE-SYNTAX', severity: 'error', pointer: '', params: s.params, line: s.params.line as number, column: s.params.column as number };
}

function tooDeepFinding(at: Position): Finding {
  return { ruleId: 'PARSE-TOO-DEEP', severity: 'error', pointer: '', params: { limit: MAX_DEPTH }, line: at.line, column: at.column };
}

/**
 * Offset of the first `[` or `{` nested deeper than `limit`, or -1. Counts
 * brackets outside comments only, so it over-counts in odd text; it guards
 * against hostile input at a depth no report comes near.
 */
export function flowDepthOffset(text: string, limit: number): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b || c === 0x7b) { if (++depth > limit) return i; }
    else if (c === 0x5d || c === 0x7d) { if (depth > 0) depth--; }
    else if (c === 0x23 && (i === 0 || text.charCodeAt(i - 1) <= 0x20)) {
      const nl = text.indexOf('\n', i);
      if (nl < 0) break;
      i = nl;
    }
  }
  return -1;
}

function emptyFinding(text: string, data: unknown): Finding[] {
  if (data !== undefined && data !== null) return [];
  // A document that holds nothing but comments, blank lines or "---".
  const blank = text.split(/\r\n|\r|\n/).every((l) => /^\s*(?:#.*)?$/.test(l) || /^(?:---|\.\.\.)\s*(?:#.*)?$/.test(l));
  return blank ? [{ ruleId: 'PARSE-EMPTY', severity: 'error', pointer: '', params: {}, line: 1, column: 1 }] : [];
}

function slowParse(text: string): { doc: Document; lc: LineCounter } {
  const lc = new (yaml().LineCounter)();
  // The errors it collects are reported by position: capturing a stack for each costs more than the parse.
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    // uniqueKeys compares every pair of keys (150,000 duplicates took minutes): survey() finds them in one pass.
    const doc = yaml().parseDocument(text, { lineCounter: lc, version: '1.2', schema: 'core', uniqueKeys: false, keepSourceTokens: false });
    return { doc, lc };
  } catch {
    // Stack overflow on absurd nesting: an empty document that places nothing.
    return { doc: yaml().parseDocument('', { lineCounter: lc }), lc };
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** One finding per rule and place. */
function dedupe(fs: Finding[]): Finding[] {
  const seen = new Set<string>();
  return fs.filter((f) => !seen.has(`${f.ruleId}:${f.line}:${f.column}`) && !!seen.add(`${f.ruleId}:${f.line}:${f.column}`));
}

function locateInDoc({ doc, lc }: { doc: Document; lc: LineCounter }, pointer: string, atKey = false): Position {
  let node: unknown = doc.contents;
  let keyNode: unknown;
  let best: unknown = node;
  let bestKey: unknown;
  for (const part of parsePointer(pointer)) {
    let next: unknown;
    if (yaml().isMap(node)) {
      const pair = node.items.find((p) => (yaml().isScalar(p.key) ? String(p.key.value) : String(p.key)) === part);
      if (pair) { next = pair.value ?? pair.key; keyNode = pair.key; }
    } else if (yaml().isSeq(node)) {
      next = node.items[Number(part)];
      keyNode = undefined;
    }
    if (next === undefined) break;
    node = next;
    best = next;
    bestKey = keyNode;
  }
  const target = (atKey && bestKey ? bestKey : best) as { range?: [number, number, number] } | null;
  const offset = target?.range?.[0];
  if (offset === undefined) return ORIGIN;
  const p = lc.linePos(offset);
  return { line: p.line, column: p.col };
}

// ── JSON ──────────────────────────────────────────────────────────────────
function loadJson(text: string): Loaded {
  let scan: JsonScan | undefined;
  let starts: number[] | undefined;
  const getScan = () => (scan ??= scanJson(text, MAX_DEPTH));
  const pos = (offset: number) => offsetToPosition((starts ??= lineStartsOf(text)), offset);
  const locate = (pointer: string, atKey = false): Position => {
    const s = getScan();
    const parts = parsePointer(pointer);
    for (let n = parts.length; n >= 0; n--) {
      const p = joinPointer(parts.slice(0, n));
      const off = (atKey && n === parts.length ? s.keys.get(p) : undefined) ?? s.values.get(p);
      if (off !== undefined) return pos(off);
    }
    return ORIGIN;
  };
  if (text.trim() === '') return { data: undefined, findings: [{ ruleId: 'PARSE-EMPTY', severity: 'error', pointer: '', params: {}, line: 1, column: 1 }], locate };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    const s = getScan();
    const at = pos(s.error?.offset ?? 0);
    if (s.error?.message === 'nesting too deep') return { data: undefined, findings: [tooDeepFinding(at)], locate };
    return { data: undefined, findings: [jsonFinding(text, s.error?.offset ?? 0, s.error?.message ?? '', at)], locate };
  }
  const s = getScan();
  if (s.error) {
    const at = pos(s.error.offset);
    return { data: undefined, findings: [s.error.message === 'nesting too deep' ? tooDeepFinding(at) : jsonFinding(text, s.error.offset, s.error.message, at)], locate };
  }
  if (s.duplicates.length) {
    return {
      data: undefined,
      findings: s.duplicates.map((d) => ({ ruleId: 'PARSE-DUPLICATE-KEY' as const, severity: 'error' as const, pointer: d.pointer, params: { key: d.key, firstLine: pos(d.firstOffset).line }, ...pos(d.offset) })),
      locate,
    };
  }
  // (scanJson refused anything nested deeper than MAX_DEPTH.)
  return { data, findings: [], locate, numbers: /[0-9][eE.]|[0-9]{16}/.test(text) ? numbersInJson(text, s) : undefined };
}

/** The JSON scanner's error as a slip: a full-width character where it stopped, else what was expected there. */
function jsonFinding(text: string, offset: number, message: string, at: Position): Finding {
  const c = text[offset] ?? '';
  const slip: Finding['params'] = FULL_WIDTH[c] !== undefined
    ? { slip: 'fullWidth', char: c, fix: FULL_WIDTH[c] }
    : { slip: 'json', expected: JSON_EXPECTED.find(([m]) => message.startsWith(m))?.[1] ?? 'value', ...(c && /\S/.test(c) ? { char: c } : {}) };
  return { ruleId: 'PARSE-SYNTAX', severity: 'error', pointer: '', params: { ...slip, ...at }, ...at };
}

/** The scanner's messages (json-scan.ts) by what the parse expected there. */
const JSON_EXPECTED: [string, string][] = [
  ['control character', 'noControl'], ['unterminated string', 'quote'], ['invalid escape', 'escape'], ['expected a "key"', 'key'],
  ['expected ":"', 'colon'], ['expected "," or "}"', 'commaBrace'], ['expected "," or "]"', 'commaBracket'], ['unexpected end', 'more'],
  ['unexpected character', 'value'], ['unexpected text after', 'end'],
];

const JSON_NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?/y;

function numbersInJson(text: string, s: JsonScan): Map<string, string> | undefined {
  const out = new Map<string, string>();
  for (const [pointer, offset] of s.values) {
    JSON_NUMBER.lastIndex = offset;
    const m = JSON_NUMBER.exec(text);
    if (m && !isPlainNumber(m[0], Number(m[0]))) out.set(pointer, m[0]);
  }
  return out.size ? out : undefined;
}
