// Text → data, with parse findings and a lazy map from JSON pointers to
// source positions. YAML is read by a fast parser; the `yaml` package's
// Document (with source ranges) is built only when something must be placed.
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { Finding, Position } from '../diagnostics/finding.js';
import { parsePointer } from '../model/cells.js';
import { decode } from './decode.js';
import { fastParseYaml } from './fast-yaml.js';
import { lineStartsOf, offsetToPosition, scanJson, type JsonScan } from './json-scan.js';

export type SourceKind = 'yaml' | 'json';
/** A real report is a few KB. */
export const MAX_BYTES = 5 * 1024 * 1024;
export const MAX_DEPTH = 20;

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
}

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
  if (typeof input === 'string') {
    text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  } else {
    if (input.length > MAX_BYTES || (options.byteLength ?? 0) > MAX_BYTES) {
      return failed('', kind, { ruleId: 'PARSE-TOO-LARGE', severity: 'error', pointer: '', params: { size: options.byteLength ?? input.length, limit: MAX_BYTES }, line: 1, column: 1 });
    }
    const d = decode(input);
    if (d.binary) return failed('', kind, { ruleId: 'PARSE-BINARY', severity: 'error', pointer: '', params: {}, line: 1, column: 1 });
    text = d.text;
    if (d.encoding) findings.push({ ruleId: 'PARSE-ENCODING', severity: 'warning', pointer: '', params: { encoding: d.encoding }, line: 1, column: 1 });
  }
  if (text.length > MAX_BYTES) {
    return failed(text, kind, { ruleId: 'PARSE-TOO-LARGE', severity: 'error', pointer: '', params: { size: text.length, limit: MAX_BYTES }, line: 1, column: 1 });
  }
  const result = kind === 'json' ? loadJson(text) : loadYaml(text);
  findings.push(...result.findings);
  if (result.data !== undefined && findings.every((f) => f.severity !== 'error')) {
    const shape = checkShape(result.data);
    if (shape) findings.push({ ...shape, ...result.locate('') });
  }
  const ok = findings.every((f) => f.severity !== 'error');
  return { data: ok ? result.data : undefined, findings, text, kind, locate: result.locate };
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
function loadYaml(text: string): { data: unknown; findings: Finding[]; locate: Located['locate'] } {
  let doc: { doc: Document; lc: LineCounter } | undefined;
  const slow = () => (doc ??= slowParse(text));
  const locate = (pointer: string, atKey?: boolean) => locateInDoc(slow(), pointer, atKey);

  // Anchors and aliases go to the careful path, which refuses them with a position.
  if (!/[&*]/.test(text)) {
    try {
      const data = fastParseYaml(text);
      if (!tooDeep(data)) return { data, findings: emptyFinding(text, data), locate };
    } catch {
      // fall through: the `yaml` package gives the authoritative error and position
    }
  }
  const { doc: d, lc } = slow();
  const findings: Finding[] = [];
  for (const e of d.errors) {
    const pos = lc.linePos(e.pos[0]);
    if (e.code === 'DUPLICATE_KEY') {
      findings.push({ ruleId: 'PARSE-DUPLICATE-KEY', severity: 'error', pointer: '', params: { key: duplicateKeyAt(text, e.pos[0]) }, line: pos.line, column: pos.col });
    } else if (e.code === 'MULTIPLE_DOCS') {
      findings.push({ ruleId: 'PARSE-MULTI-DOC', severity: 'error', pointer: '', params: {}, line: pos.line, column: pos.col });
    } else {
      findings.push({ ruleId: 'PARSE-SYNTAX', severity: 'error', pointer: '', params: { detail: e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '') }, line: pos.line, column: pos.col });
    }
  }
  if (findings.length) return { data: undefined, findings: dedupe(findings), locate };
  const alias = firstAlias(d.contents as Node | null);
  if (alias) {
    const pos = lc.linePos(alias.range?.[0] ?? 0);
    return { data: undefined, findings: [{ ruleId: 'PARSE-ALIAS', severity: 'error', pointer: '', params: { detail: `*${alias.source}` }, line: pos.line, column: pos.col }], locate };
  }
  if (d.contents && hasAnchor(d.contents as Node)) {
    const node = anchored(d.contents as Node)!;
    const pos = lc.linePos(node.range?.[0] ?? 0);
    return { data: undefined, findings: [{ ruleId: 'PARSE-ALIAS', severity: 'error', pointer: '', params: { detail: `&${node.anchor}` }, line: pos.line, column: pos.col }], locate };
  }
  let data: unknown;
  try {
    data = d.toJS({ maxAliasCount: 0 });
  } catch (e) {
    return { data: undefined, findings: [{ ruleId: 'PARSE-SYNTAX', severity: 'error', pointer: '', params: { detail: (e as Error).message }, line: 1, column: 1 }], locate };
  }
  if (tooDeep(data)) return { data: undefined, findings: [{ ruleId: 'PARSE-TOO-DEEP', severity: 'error', pointer: '', params: { limit: MAX_DEPTH }, line: 1, column: 1 }], locate };
  return { data, findings: emptyFinding(text, data), locate };
}

function emptyFinding(text: string, data: unknown): Finding[] {
  if (data !== undefined && data !== null) return [];
  // A document that holds nothing but comments, blank lines or "---".
  const blank = text.split(/\r\n|\r|\n/).every((l) => /^\s*(?:#.*)?$/.test(l) || /^(?:---|\.\.\.)\s*(?:#.*)?$/.test(l));
  if (blank) return [{ ruleId: 'PARSE-EMPTY', severity: 'error', pointer: '', params: {}, line: 1, column: 1 }];
  return [];
}

function slowParse(text: string): { doc: Document; lc: LineCounter } {
  const lc = new LineCounter();
  try {
    const doc = parseDocument(text, { lineCounter: lc, version: '1.2', schema: 'core', uniqueKeys: true, keepSourceTokens: false });
    return { doc, lc };
  } catch {
    // Stack overflow on absurd nesting: an empty document that places nothing.
    return { doc: parseDocument('', { lineCounter: lc }), lc };
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
  if (isAlias(node)) return node as Node & { source: string };
  if (isMap(node) || isSeq(node)) {
    for (const it of node.items as unknown[]) {
      if (isPair(it)) {
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
  if (isMap(node) || isSeq(node)) {
    for (const it of node.items as unknown[]) {
      const found = isPair(it) ? anchored(it.key as Node) ?? anchored(it.value as Node) : anchored(it as Node);
      if (found) return found;
    }
  }
  return undefined;
}
const hasAnchor = (n: Node) => anchored(n) !== undefined;

function tooDeep(data: unknown): boolean {
  const walk = (v: unknown, depth: number): boolean => {
    if (v === null || typeof v !== 'object') return false;
    if (depth > MAX_DEPTH) return true;
    for (const x of Object.values(v as object)) if (walk(x, depth + 1)) return true;
    return false;
  };
  return walk(data, 0);
}

function locateInDoc({ doc, lc }: { doc: Document; lc: LineCounter }, pointer: string, atKey = false): Position {
  let node: unknown = doc.contents;
  let keyNode: unknown;
  let best: unknown = node;
  let bestKey: unknown;
  for (const part of parsePointer(pointer)) {
    let next: unknown;
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === part);
      if (pair) { next = pair.value ?? pair.key; keyNode = pair.key; }
    } else if (isSeq(node)) {
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
function loadJson(text: string): { data: unknown; findings: Finding[]; locate: Located['locate'] } {
  let scan: JsonScan | undefined;
  let starts: number[] | undefined;
  const getScan = () => (scan ??= scanJson(text));
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
  if (tooDeep(data)) return { data: undefined, findings: [{ ruleId: 'PARSE-TOO-DEEP', severity: 'error', pointer: '', params: { limit: MAX_DEPTH }, line: 1, column: 1 }], locate };
  return { data, findings: [], locate };
}
