// The `yaml` package as the authority the loader is compared with: its
// Document (strict, YAML 1.2, core schema) says whether a text is a report
// the loader must read, what data it holds, and where each node is. The
// loader's own policies (no anchors or aliases, at most 20 levels, a mapping
// at the top) are applied on top, as the loader applies them.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Node } from 'yaml';
import { isPlainNumber } from '../../src/load/subset-yaml.js';
import type { Position } from '../../src/diagnostics/finding.js';
// @ts-expect-error: a plain .mjs module without types
import { makeReport as makeReportUntyped, mulberry32 as mulberry32Untyped } from '../../bench/generate.mjs';

export const makeReport = makeReportUntyped as (rnd: () => number, index: number) => { text: string; mistake: string | null };
export const mulberry32 = mulberry32Untyped as (seed: number) => () => number;

export interface Verdict {
  /** The data, when the text is a report the loader must read; undefined when it must be refused. */
  readonly data?: unknown;
  readonly errors: readonly string[];
  /** Line and column of the node at `pointer` (or its deepest existing ancestor), as the Document places it. */
  locate(pointer: string, atKey?: boolean): Position;
  /** Pointer → number as written, for the numbers not written plainly. */
  readonly numbers: Map<string, string>;
}

const escape = (k: string) => k.replace(/~/g, '~0').replace(/\//g, '~1');
const keyOf = (k: unknown) => (isScalar(k) ? String(k.value) : String(k));

/** The Document's reading of `text`. */
export function authority(text: string): Verdict {
  const lc = new LineCounter();
  // Keys the loader reports as written twice: scalars alike as text (as they become keys of the data).
  const doc = parseDocument(text, { version: '1.2', schema: 'core', strict: true, prettyErrors: false, logLevel: 'error', lineCounter: lc, uniqueKeys: (a, b) => a === b || (isScalar(a) && isScalar(b) && String(a.value) === String(b.value)) });
  const errors = doc.errors.map((e) => `${e.code} ${e.message}`);
  let props = false;
  let collectionKey = false;
  visit(doc, {
    Alias: () => { props = true; },
    Node: (_, n) => { if ((n as { anchor?: string }).anchor) props = true; },
    Pair: (_, p) => { if (isMap(p.key) || isSeq(p.key)) collectionKey = true; },
  });
  if (props) errors.push('anchor or alias');
  // The loader's policy: a list or mapping as a key has no JSON form (toJS would make it text).
  if (collectionKey) errors.push('collection key');
  const numbers = new Map<string, string>();
  const walk = (n: unknown, path: string): void => {
    if (isScalar(n)) {
      if (typeof n.value === 'number' && n.source !== undefined && !isPlainNumber(String(n.source), n.value)) numbers.set(path, String(n.source));
    } else if (isMap(n)) {
      for (const p of n.items) walk(p.value, `${path}/${escape(keyOf(p.key))}`);
    } else if (isSeq(n)) {
      n.items.forEach((x, i) => walk(x, `${path}/${i}`));
    }
  };
  walk(doc.contents, '');
  let data: unknown;
  if (!errors.length) {
    try {
      data = doc.toJS({ maxAliasCount: 0 });
      if (data === null || typeof data !== 'object' || Array.isArray(data)) errors.push('not a mapping');
      else if (depthOf(data) > 20) errors.push('nested more than 20 levels');
    } catch (e) {
      errors.push(String(e));
    }
  }
  // Where each node is, by pointer, from one walk over the Document: the node's start, and its key's.
  let places: Map<string, { v: Position; k?: Position }> | undefined;
  const pos = (n: unknown): Position => {
    const at = (n as Node | null)?.range?.[0];
    if (at === undefined) return { line: 1, column: 1 };
    const p = lc.linePos(at);
    return { line: p.line, column: p.col };
  };
  const place = (n: unknown, path: string, key?: unknown): void => {
    places!.set(path, key ? { v: pos(n), k: pos(key) } : { v: pos(n) });
    if (isMap(n)) for (const p of n.items) place(p.value ?? p.key, `${path}/${escape(keyOf(p.key))}`, p.key);
    else if (isSeq(n)) n.items.forEach((x, i) => place(x, `${path}/${i}`));
  };
  /** The node at `pointer`, or its deepest ancestor there is; its key's place for `atKey` (a mapping's entry). */
  const locate = (pointer: string, atKey = false): Position => {
    if (!places) {
      places = new Map();
      place(doc.contents, '');
    }
    for (let p = pointer; ; p = p.slice(0, p.lastIndexOf('/'))) {
      const e = places.get(p);
      if (e) return atKey && e.k ? e.k : e.v;
      if (p === '') return { line: 1, column: 1 };
    }
  };
  return errors.length ? { errors, locate, numbers } : { data, errors, locate, numbers };
}

const depthOf = (v: unknown): number => (v !== null && typeof v === 'object' ? 1 + Math.max(-1, ...Object.values(v).map(depthOf)) : -1);

/** Equal data including key order, array-ness and number identity (NaN, -0). */
export function same(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' || typeof b === 'number') return Object.is(a, b);
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === b;
  if (Array.isArray(a) !== Array.isArray(b) || Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const ka = Object.keys(a), kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    if (ka[i] !== kb[i]) return false;
    if (!same((a as Record<string, unknown>)[ka[i]!], (b as Record<string, unknown>)[kb[i]!])) return false;
  }
  return true;
}

/** Every pointer in the data, and for each collection one that is not there. */
export function pointersOf(v: unknown, path = '', out: string[] = []): string[] {
  out.push(path);
  if (v === null || typeof v !== 'object') return out;
  out.push(`${path}/notThere`);
  for (const k of Object.keys(v)) pointersOf((v as Record<string, unknown>)[k], `${path}/${escape(k)}`, out);
  return out;
}

// Typing slips and edits: the characters YAML cares about, and a few it does not.
const CHARS = [' ', ' ', '  ', '"', "'", ':', ': ', '{', '}', '[', ']', ',', '#', ' #', '-', '- ', '|', '>', '&', '*', '!', '?', '\t', '\n', '\\', '~', '.', 'e', '0', '1', '0x', '：', '，', '“', '”', '【', '】', '　', '中'];
const WORDS = ['null', 'true', 'False', '~', '.inf', '.nan', '1.0', '1e3', '0o17', '0x1F', '037', '-0', '+1', '1_000', '2024-01-20', '12:30', '"', "''", '""', '|-', '>+', '|2', '---', '...', '%YAML 1.2', '&a ', '*a', '!!str ', '? ', '<<: ', '{}', '[]', '{a: 1}', '[1, 2]', '\r\n'];

/** One to three random edits of `text`. */
export function mutate(rnd: () => number, text: string): string {
  const int = (n: number) => Math.floor(rnd() * n);
  const pick = <T>(a: readonly T[]): T => a[int(a.length)]!;
  let t = text;
  for (let m = 1 + int(3); m > 0; m--) {
    const at = int(t.length + 1);
    const lineStart = t.lastIndexOf('\n', at - 1) + 1;
    const lineEnd = t.indexOf('\n', at) < 0 ? t.length : t.indexOf('\n', at);
    switch (int(12)) {
      case 0: t = t.slice(0, at) + t.slice(at + 1); break; // a character lost
      case 1: case 2: t = t.slice(0, at) + pick(CHARS) + t.slice(at); break; // one put in
      case 3: t = t.slice(0, at) + pick(CHARS) + t.slice(at + 1); break; // one replaced
      case 4: t = t.slice(0, at) + pick(WORDS) + t.slice(at + int(3)); break;
      case 5: t = t.slice(0, lineStart) + ' '.repeat(1 + int(3)) + t.slice(lineStart); break; // indented more
      case 6: if (t[lineStart] === ' ') t = t.slice(0, lineStart) + t.slice(lineStart + 1 + int(2)); break; // less
      case 7: if (lineEnd < t.length) t = t.slice(0, lineEnd) + pick(['', ' ']) + t.slice(lineEnd + 1); break; // two lines joined
      case 8: t = t.slice(0, at) + '\n' + ' '.repeat(int(6)) + t.slice(at); break; // a line split
      case 9: { // a line copied elsewhere (duplicate keys, odd indents)
        const line = t.slice(lineStart, lineEnd + 1);
        const to = t.lastIndexOf('\n', int(t.length)) + 1;
        t = t.slice(0, to) + line + t.slice(to);
        break;
      }
      case 10: { // a quote, bracket or brace closed later or never
        const c = pick(['"', "'", '[', '{', ']', '}']);
        t = t.slice(0, at) + c + t.slice(at, lineEnd) + (rnd() < 0.5 ? c : '') + t.slice(lineEnd);
        break;
      }
      default: t = t.slice(0, at) + pick(CHARS) + pick(CHARS) + t.slice(at + int(2));
    }
  }
  return t;
}
