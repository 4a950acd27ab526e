// Text → data, with parse findings and a lazy map from JSON pointers to
// source positions. YAML is read by a fast parser; the `yaml` package's
// Document (with source ranges) is built only when something must be placed.
import type { Document, LineCounter, Node } from 'yaml';
import { yaml } from './yaml-lazy.js';
import type { Finding, Position } from '../diagnostics/finding.js';
import { joinPointer, parsePointer } from '../model/cells.js';
import { CONTROL, decode } from './decode.js';
import { fastParse, isPlainNumber, PLAIN_KEY_START, type FastParseError } from './fast-yaml.js';
import { lineStartsOf, offsetToPosition, scanJson, type JsonScan } from './json-scan.js';
import { indexYaml, offsetInIndex, type YamlIndex } from './yaml-index.js';

export type SourceKind = 'yaml' | 'json';
/** A real report is a few KB. */
export const MAX_BYTES = 5 * 1024 * 1024;
export const MAX_DEPTH = 20;
/** Flow nesting refused before the careful parser sees it (it recurses per level). */
const MAX_FLOW_DEPTH = 200;

export interface Located {
  /** Position of the value at `pointer`, or of its nearest existing ancestor. */
  locate(pointer: string, atKey?: boolean): Position;
  /** Says which pointers are about to be located, so only their paths are indexed. */
  prefetch?(pointers: readonly string[]): void;
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

type Loaded = { data: unknown; findings: Finding[]; locate: Located['locate']; prefetch?: Located['prefetch']; numbers?: Map<string, string> };

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
  return { data: ok ? result.data : undefined, findings, text, kind, locate: result.locate, ...(result.prefetch ? { prefetch: result.prefetch } : {}), ...(ok && result.numbers?.size ? { numbers: result.numbers } : {}) };
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
function loadYaml(text: string, clean = false): Loaded {
  let doc: { doc: Document; lc: LineCounter } | undefined;
  const slow = () => (doc ??= slowParse(text));
  const locate = (pointer: string, atKey?: boolean) => locateInDoc(slow(), pointer, atKey);

  // Anchors and aliases go to the careful path (fastParseYaml throws on them), which refuses them with a position.
  {
    let odd = false;
    try {
      const { data, shallow } = fastParse(text, () => { odd = true; }, MAX_DEPTH + 2, clean);
      const deep = shallow ? undefined : deepPointer(data);
      if (deep !== undefined) return { data: undefined, findings: [tooDeepFinding(locate(deep))], locate };
      return { data, findings: emptyFinding(text, data), ...indexedLocator(text, locate), numbers: odd ? numbersInDoc(slow().doc) : undefined };
    } catch (e) {
      // js-yaml stops at maxDepth and says where.
      const err = e as FastParseError;
      const mark = err.mark;
      if (mark && /maxDepth/.test(err.message)) return { data: undefined, findings: [tooDeepFinding({ line: mark.line + 1, column: mark.column + 1 })], locate };
      // js-yaml places a duplicate key exactly where the Document does; only the first is reported.
      if (mark && /duplicated mapping key/.test(String(err.reason))) return { data: undefined, findings: [fastError(text, e)], locate };
      // A large broken file would cost the careful parser seconds to minutes: js-yaml's error is placed too.
      if (text.length > CAREFUL_MAX) return { data: undefined, findings: [fastError(text, e)], locate: () => ORIGIN };
      // The `yaml` package gives the authoritative errors and positions; on the broken section alone when that finds them.
      const flowDeep = flowDepthOffset(text, MAX_FLOW_DEPTH);
      if (flowDeep < 0) {
        const w = errorWindow(text, err);
        if (w) {
          const found = carefulFindings(w.text, slowParse(w.text), w)
            .filter((f) => f.line !== w.cutAt || !(w.early || /^Missing closing/.test(String(f.params.detail))));
          if (found.length) return { data: undefined, findings: found, locate };
        }
      }
      // else fall through: the whole text through the careful parser
    }
  }
  // The careful parser recurses per level: refuse absurd flow nesting before it runs.
  const flowDeep = flowDepthOffset(text, MAX_FLOW_DEPTH);
  if (flowDeep >= 0) return { data: undefined, findings: [tooDeepFinding(offsetToPosition(lineStartsOf(text), flowDeep))], locate: () => ORIGIN };
  const { doc: d, lc } = slow();
  const findings = carefulFindings(text, { doc: d, lc }, { offset: 0, line: 0 });
  if (findings.length) return { data: undefined, findings, locate };
  const alias = firstAlias(d.contents as Node | null);
  if (alias) {
    const pos = lc.linePos(alias.range?.[0] ?? 0);
    return { data: undefined, findings: [{ ruleId: 'PARSE-ALIAS', severity: 'error', pointer: '', params: { detail: `*${alias.source}` }, line: pos.line, column: pos.col }], locate };
  }
  if (d.contents && hasAnchor(d.contents as Node)) {
    const node = anchored(d.contents as Node)!;
    // The node's range starts after its `&name`: point at the anchor itself.
    const start = node.range?.[0] ?? 0;
    const at = text.lastIndexOf(`&${node.anchor}`, start);
    const pos = lc.linePos(at >= 0 ? at : start);
    return { data: undefined, findings: [{ ruleId: 'PARSE-ALIAS', severity: 'error', pointer: '', params: { detail: `&${node.anchor}` }, line: pos.line, column: pos.col }], locate };
  }
  let data: unknown;
  try {
    data = d.toJS({ maxAliasCount: 0 });
  } catch (e) {
    if (e instanceof RangeError) return { data: undefined, findings: [tooDeepFinding(ORIGIN)], locate };
    return { data: undefined, findings: [{ ruleId: 'PARSE-SYNTAX', severity: 'error', pointer: '', params: { detail: (e as Error).message }, line: 1, column: 1 }], locate };
  }
  const deep = deepPointer(data);
  if (deep !== undefined) return { data: undefined, findings: [tooDeepFinding(locate(deep))], locate };
  return { data, findings: emptyFinding(text, data), locate, numbers: numbersInDoc(d) };
}

/** The `yaml` Document's errors (and duplicate keys) as findings; `base` places a window of the text. */
function carefulFindings(text: string, { doc: d, lc }: { doc: Document; lc: LineCounter }, base: { offset: number; line: number }): Finding[] {
  const findings: Finding[] = [];
  const at = (offset: number) => {
    const pos = lc.linePos(offset);
    return { line: pos.line + base.line, column: pos.col };
  };
  for (const e of d.errors) {
    const pos = at(e.pos[0]);
    if (/call stack/i.test(e.message)) {
      findings.push(tooDeepFinding(pos));
      break;
    } else if (e.code === 'DUPLICATE_KEY') {
      findings.push({ ruleId: 'PARSE-DUPLICATE-KEY', severity: 'error', pointer: '', params: { key: duplicateKeyAt(text, e.pos[0]) }, ...pos });
    } else if (e.code === 'MULTIPLE_DOCS') {
      findings.push({ ruleId: 'PARSE-MULTI-DOC', severity: 'error', pointer: '', params: {}, ...pos });
    } else {
      findings.push({ ruleId: 'PARSE-SYNTAX', severity: 'error', pointer: '', params: { detail: e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '') }, ...pos });
    }
  }
  findings.push(...duplicateKeys(d, lc).map((f) => ({ ...f, line: f.line! + base.line })));
  return dedupe(findings).sort((a, b) => a.line! - b.line! || a.column! - b.column!);
}

/**
 * The part of a broken file the careful parser needs to place js-yaml's
 * error: from the top-level entry before the one js-yaml was reading when it
 * failed, to two lines past the error (or the end of its entry, if sooner).
 * Top-level entries of a block mapping are independent YAML, so the window's
 * errors are the file's errors there, at a fraction of the cost; errors past
 * the window are left for the next run (tests/differential/windows.test.ts).
 * Undefined when the file is not a plain block mapping.
 */
function errorWindow(text: string, e: FastParseError): { text: string; offset: number; line: number; cutAt?: number; early: boolean } | undefined {
  let start = e.sectionStart;
  const mark = e.mark;
  if (start === undefined || !mark || mark.position < start) return undefined;
  // Directives change how the rest reads; a flow mapping at the top has no independent entries.
  if (/^%/m.test(text)) return undefined;
  const first = /^(?:[ \t]*(?:#.*)?(?:\r?\n|$))*(?:---[ \t]*(?:#.*)?\r?\n(?:[ \t]*(?:#.*)?(?:\r?\n|$))*)?(\S)/.exec(text);
  if (!first || first[1] === '{' || first[1] === '[') return undefined;
  // The window ends before the first line after the error's line that starts a top-level entry (or a document marker).
  let end = text.length;
  const re = /\n(?=[^\s#])/g;
  re.lastIndex = text.indexOf('\n', mark.position) < 0 ? text.length : text.indexOf('\n', mark.position);
  const m = re.exec(text);
  if (m) end = m.index + 1;
  // …or sooner: two lines past the error's line (a section can be most of the file).
  let cut = mark.position;
  for (let i = 0; i < 3 && cut >= 0; i++) cut = text.indexOf('\n', cut + (i ? 1 : 0));
  const early = cut >= 0 && cut + 1 < end;
  if (early) end = cut + 1;
  // From the entry before (how a line reads depends on the one above it); the first entries from the top, as in the file.
  const firstKey = first.index + first[0].length - 1;
  if (start > firstKey) {
    let prev = start - 1;
    do prev = text.lastIndexOf('\n', prev - 1); while (prev >= firstKey && !PLAIN_KEY_START.test(text.charAt(prev + 1)));
    start = prev + 1;
  }
  // cutAt, the line just past the window, is where the Document reports what is still open at the
  // window's end. Cut inside an entry, that is the cut's doing; at the next entry, a bracket is closed
  // there in the file too (a block line ends a flow collection), but a quote runs on to the file's next quote.
  const starts = lineStartsOf(text);
  const cutAt = end < text.length ? offsetToPosition(starts, end).line : undefined;
  if (start <= firstKey) return end === text.length ? undefined : { text: text.slice(0, end), offset: 0, line: 0, cutAt, early };
  // A first entry keeps the window inside a mapping, as its lines are in the file (a bare line reads otherwise at the top).
  return { text: `${WINDOW_HEAD}${text.slice(start, end)}`, offset: start, line: offsetToPosition(starts, start).line - 2, cutAt, early };
}

const WINDOW_HEAD = '__xxgk_window__: 0\n';

/** Largest text the `yaml` Document parser is given after js-yaml failed (a report is a few KB). */
const CAREFUL_MAX = 256 * 1024;

/** A finding from js-yaml's own error, for text too large for the careful parser. */
function fastError(text: string, e: unknown): Finding {
  const mark = (e as { mark?: { line: number; column: number; position: number } }).mark;
  if (!mark) {
    // The fast path stops at the first anchor: place it by its `&`.
    const m = /(^|[\s[{,:-])&([^\s,[\]{}]+)/m.exec(text);
    const at = m ? offsetToPosition(lineStartsOf(text), m.index + m[1]!.length) : ORIGIN;
    return { ruleId: 'PARSE-ALIAS', severity: 'error', pointer: '', params: { detail: m ? `&${m[2]}` : '&' }, ...at };
  }
  const at = { line: mark.line + 1, column: mark.column + 1 };
  const reason = String((e as { reason?: string }).reason ?? (e as Error).message);
  if (/duplicated mapping key/.test(reason)) return { ruleId: 'PARSE-DUPLICATE-KEY', severity: 'error', pointer: '', params: { key: duplicateKeyAt(text, mark.position) }, ...at };
  return { ruleId: 'PARSE-SYNTAX', severity: 'error', pointer: '', params: { detail: reason }, ...at };
}

/** Keys written twice in one mapping, in one pass with a set per mapping. */
function duplicateKeys(d: Document, lc: LineCounter): Finding[] {
  const y = yaml();
  const out: Finding[] = [];
  const stack: unknown[] = [d.contents];
  while (stack.length) {
    const node = stack.pop();
    if (y.isMap(node)) {
      const seen = new Set<string>();
      for (const p of node.items) {
        if (y.isScalar(p.key)) {
          const k = String(p.key.value);
          if (seen.has(k)) {
            const pos = lc.linePos(p.key.range?.[0] ?? 0);
            out.push({ ruleId: 'PARSE-DUPLICATE-KEY', severity: 'error', pointer: '', params: { key: clipKey(k) }, line: pos.line, column: pos.col });
          }
          seen.add(k);
        }
        stack.push(p.value);
      }
    } else if (y.isSeq(node)) {
      stack.push(...node.items);
    }
  }
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

/** Numbers not written plainly, by pointer (see isPlainNumber). */
function numbersInDoc(doc: Document): Map<string, string> | undefined {
  const out = new Map<string, string>();
  const walk = (node: unknown, path: string): void => {
    if (yaml().isScalar(node)) {
      if (typeof node.value === 'number' && node.source !== undefined && !isPlainNumber(node.source, node.value)) out.set(path, node.source);
    } else if (yaml().isMap(node)) {
      for (const p of node.items) {
        const k = yaml().isScalar(p.key) ? String(p.key.value) : String(p.key);
        walk(p.value, `${path}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`);
      }
    } else if (yaml().isSeq(node)) {
      node.items.forEach((x, i) => walk(x, `${path}/${i}`));
    }
  };
  walk(doc.contents, '');
  return out.size ? out : undefined;
}

function emptyFinding(text: string, data: unknown): Finding[] {
  if (data !== undefined && data !== null) return [];
  // A document that holds nothing but comments, blank lines or "---".
  const blank = text.split(/\r\n|\r|\n/).every((l) => /^\s*(?:#.*)?$/.test(l) || /^(?:---|\.\.\.)\s*(?:#.*)?$/.test(l));
  if (blank) return [{ ruleId: 'PARSE-EMPTY', severity: 'error', pointer: '', params: {}, line: 1, column: 1 }];
  return [];
}

function slowParse(text: string): { doc: Document; lc: LineCounter } {
  const lc = new (yaml().LineCounter)();
  // The errors it collects are reported by position: capturing a stack for each costs more than the parse.
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    // uniqueKeys compares every pair of keys (150,000 duplicates took minutes): duplicateKeys() does it in one pass.
    const doc = yaml().parseDocument(text, { lineCounter: lc, version: '1.2', schema: 'core', uniqueKeys: false, keepSourceTokens: false });
    return { doc, lc };
  } catch {
    // Stack overflow on absurd nesting: an empty document that places nothing.
    return { doc: yaml().parseDocument('', { lineCounter: lc }), lc };
  } finally {
    Error.stackTraceLimit = limit;
  }
}

function dedupe(fs: Finding[]): Finding[] {
  const seen = new Set<string>();
  return fs.filter((f) => {
    const k = `${f.ruleId}:${f.line}:${f.column}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function duplicateKeyAt(text: string, offset: number): string {
  const m = /^\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'|([^:#\n]+?))\s*:/.exec(text.slice(offset, offset + 200));
  return (m?.[1] ?? m?.[2] ?? m?.[3] ?? '').trim();
}

function firstAlias(node: Node | null | undefined): (Node & { source: string }) | undefined {
  if (!node) return undefined;
  if (yaml().isAlias(node)) return node as Node & { source: string };
  if (yaml().isMap(node) || yaml().isSeq(node)) {
    for (const it of node.items as unknown[]) {
      if (yaml().isPair(it)) {
        const k = firstAlias(it.key as Node) ?? firstAlias(it.value as Node);
        if (k) return k;
      } else {
        const k = firstAlias(it as Node);
        if (k) return k;
      }
    }
  }
  return undefined;
}

function anchored(node: Node | null | undefined): Node | undefined {
  if (!node) return undefined;
  if ((node as { anchor?: string }).anchor) return node;
  if (yaml().isMap(node) || yaml().isSeq(node)) {
    for (const it of node.items as unknown[]) {
      const found = yaml().isPair(it) ? anchored(it.key as Node) ?? anchored(it.value as Node) : anchored(it as Node);
      if (found) return found;
    }
  }
  return undefined;
}
const hasAnchor = (n: Node) => anchored(n) !== undefined;

/** Pointer of the first value nested deeper than MAX_DEPTH, if any. */
function deepPointer(data: unknown): string | undefined {
  // The path is built on the way back, only when something is too deep; this runs on every
  // file, so scalars are skipped without a call and no key list is made.
  const walk = (v: object, depth: number): string[] | undefined => {
    if (depth > MAX_DEPTH) return [];
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const c: unknown = v[i];
        const found = c !== null && typeof c === 'object' ? walk(c, depth + 1) : undefined;
        if (found) {
          found.push(String(i));
          return found;
        }
      }
      return undefined;
    }
    for (const k in v) {
      if (!Object.hasOwn(v, k)) continue;
      const c: unknown = (v as Record<string, unknown>)[k];
      const found = c !== null && typeof c === 'object' ? walk(c, depth + 1) : undefined;
      if (found) {
        found.push(k);
        return found;
      }
    }
    return undefined;
  };
  const parts = data !== null && typeof data === 'object' ? walk(data, 0) : undefined;
  return parts && joinPointer(parts.reverse());
}

/**
 * Positions from one quick pass over the text (yaml-index.ts); the Document
 * only when that pass gives up. After prefetch, the pass records only the
 * paths of the pointers named (a file's findings), which costs a fraction of
 * indexing every node; any other pointer gets the whole index.
 */
function indexedLocator(text: string, fallback: Located['locate']): Required<Located> {
  let full: YamlIndex | undefined | null = null;
  let part: { index: YamlIndex | undefined; want: ReadonlySet<string> } | undefined;
  let starts: number[] | undefined;
  return {
    locate(pointer, atKey) {
      let index: YamlIndex | undefined;
      if (part?.want.has(pointer)) index = part.index;
      else index = full === null ? (full = indexYaml(text)) : full;
      const offset = index && offsetInIndex(index, pointer, atKey);
      if (offset === undefined) return fallback(pointer, atKey);
      return offsetToPosition((starts ??= lineStartsOf(text)), offset);
    },
    prefetch(pointers) {
      if (full !== null || part || !pointers.length) return;
      part = { index: indexYaml(text, pointers), want: new Set(pointers) };
    },
  };
}

/** The `yaml` Document's errors for the whole text (the differential tests compare the windowed path with it). */
export function documentFindings(text: string): Finding[] {
  return carefulFindings(text, slowParse(text), { offset: 0, line: 0 });
}

/** The `yaml` Document's locator alone (the differential tests compare the quick index with it). */
export function documentLocator(text: string): Located['locate'] {
  const d = slowParse(text);
  return (pointer, atKey) => locateInDoc(d, pointer, atKey);
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
      const p = n === 0 ? '' : '/' + parts.slice(0, n).map((x) => x.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
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
  const deep = deepPointer(data);
  if (deep !== undefined) return { data: undefined, findings: [tooDeepFinding(locate(deep))], locate };
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
