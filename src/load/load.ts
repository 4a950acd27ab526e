// Text → data, with parse findings and where each node is (by JSON pointer).
// YAML is read by the report-subset reader (subset-yaml.ts); whatever it gives
// up on, the `yaml` package's Document (YAML 1.2, core schema) reads whole.
import type { Document, LineCounter, Node } from 'yaml';
import { yaml } from './yaml-lazy.js';
import type { Finding, Position } from '../diagnostics/finding.js';
import { escapePointerPart, joinPointer, parsePointer } from '../model/cells.js';
import { CONTROL, decode } from './decode.js';
import { lineStartsOf, offsetToPosition, scanJson, type JsonScan } from './json-scan.js';
import { isPlainNumber, offsetAt, readSubset } from './subset-yaml.js';

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
    const f: Finding = { ruleId: 'PARSE-SYNTAX', severity: 'error', pointer: '', params: { detail: `control character U+${code} (not allowed in YAML or JSON text; delete it)` }, ...at };
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

function loadYaml(text: string, clean = false): Loaded {
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
  const doc = slowParse(text);
  const locate = (pointer: string, atKey?: boolean) => locateInDoc(doc, pointer, atKey);
  const at = (offset: number): Position => {
    const p = doc.lc.linePos(offset);
    return { line: p.line, column: p.col };
  };
  const found = survey(doc.doc, at);
  const findings: Finding[] = [];
  for (const e of doc.doc.errors) {
    if (/call stack/i.test(e.message)) {
      findings.push(tooDeepFinding(at(e.pos[0])));
      break;
    }
    if (e.code === 'MULTIPLE_DOCS') findings.push({ ruleId: 'PARSE-MULTI-DOC', severity: 'error', pointer: '', params: {}, ...at(e.pos[0]) });
    else findings.push({ ruleId: 'PARSE-SYNTAX', severity: 'error', pointer: '', params: { detail: e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '') }, ...at(e.pos[0]) });
  }
  findings.push(...found.duplicates);
  if (findings.length) return { data: undefined, findings: dedupe(findings).sort((x, y) => x.line! - y.line! || x.column! - y.column!), locate };
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
    const detail = 'a key must be text, not a list or mapping (in a flow mapping, write {…} and […] only as values)';
    return { data: undefined, findings: [{ ruleId: 'PARSE-SYNTAX', severity: 'error', pointer: '', params: { detail }, ...at(found.collectionKey.range?.[0] ?? 0) }], locate };
  }
  let data: unknown;
  try {
    data = doc.doc.toJS({ maxAliasCount: 0 });
  } catch (e) {
    if (e instanceof RangeError) return { data: undefined, findings: [tooDeepFinding(ORIGIN)], locate };
    return { data: undefined, findings: [{ ruleId: 'PARSE-SYNTAX', severity: 'error', pointer: '', params: { detail: (e as Error).message }, line: 1, column: 1 }], locate };
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
    return { data: undefined, findings: [{ ruleId: 'PARSE-SYNTAX', severity: 'error', pointer: '', params: { detail: s.error?.message ?? 'invalid JSON' }, ...at }], locate };
  }
  const s = getScan();
  if (s.error) {
    return { data: undefined, findings: [{ ruleId: s.error.message === 'nesting too deep' ? 'PARSE-TOO-DEEP' : 'PARSE-SYNTAX', severity: 'error', pointer: '', params: { detail: s.error.message, limit: MAX_DEPTH }, ...pos(s.error.offset) }], locate };
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
