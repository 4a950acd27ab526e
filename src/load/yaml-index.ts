// Source positions of a YAML file's nodes without building a `yaml` Document
// (which costs several ms a file): one pass over the text that records where
// every node and key starts, by JSON pointer. It understands the YAML reports
// are written in (block and flow mappings and sequences, plain, quoted and
// block scalars, comments) and gives up on anything else (anchors, tags,
// complex keys, empty values, tabs in indentation…), so the caller falls back
// to the `yaml` Document. Positions match the Document's exactly: the
// differential tests compare both on every node of every fixture.
import { parsePointer } from '../model/cells.js';

export interface NodeAt {
  /** Offset where the node starts (first key of a block map, `-`, `{`, quote, `|`…). */
  readonly value: number;
  /** Offset of the node's key, for mapping values. */
  readonly key?: number;
  readonly seq?: boolean;
}

export type YamlIndex = ReadonlyMap<string, NodeAt>;

/** Unsupported construct: the caller uses the `yaml` Document instead. */
class GiveUp extends Error {}
const giveUp = (): never => {
  throw new GiveUp();
};

/**
 * Which nodes to record: a trie of pointer parts; null records every node.
 * The scan itself is the same either way (so it gives up on the same texts);
 * only the nodes on a wanted path cost a pointer string and a map entry.
 */
type Want = Map<string, Want> | null;

function trieOf(pointers: readonly string[]): Map<string, Want> {
  const root = new Map<string, Want>();
  for (const p of pointers) {
    let node = root;
    for (const part of parsePointer(p)) {
      let next = node.get(part);
      if (!next) node.set(part, (next = new Map()));
      // Under a sequence offsetInIndex reads "01" as item 1.
      const i = Number(part);
      if (Number.isInteger(i) && i >= 0 && String(i) !== part && !node.has(String(i))) node.set(String(i), next);
      node = next;
    }
  }
  return root;
}

const childOf = (want: Want | undefined, key: string): Want | undefined => (want === null ? null : want?.get(key));
const escapePart = (k: string): string => (k.includes('~') || k.includes('/') ? k.replace(/~/g, '~0').replace(/\//g, '~1') : k);

/**
 * The index of every node (or, given `only`, of the nodes on those pointers'
 * paths, which is all offsetInIndex needs for them), or undefined when the
 * text uses something this scanner does not read.
 */
export function indexYaml(text: string, only?: readonly string[]): YamlIndex | undefined {
  const scanner = new Scanner(text, only ? trieOf(only) : null, only && new Set(only));
  try {
    return scanner.run();
  } catch (e) {
    // Every pointer asked for is placed: the rest of the text cannot move them.
    if (e === ALL_FOUND) return scanner.index;
    return undefined;
  }
}

/**
 * Offset of the node at `pointer` (or of its deepest existing ancestor), as
 * the `yaml` Document locator would give it; `atKey` prefers the key.
 */
export function offsetInIndex(index: YamlIndex, pointer: string, atKey = false): number | undefined {
  let cur = '';
  let best = index.get('');
  if (!best) return undefined;
  for (const part of parsePointer(pointer)) {
    let seg = part;
    if (best.seq) {
      // The Document indexes items with Number(part).
      const i = Number(part);
      if (!Number.isInteger(i) || i < 0 || Object.is(i, -0)) break;
      seg = String(i);
    }
    const next = `${cur}/${seg.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    const found = index.get(next);
    if (!found) break;
    cur = next;
    best = found;
  }
  return atKey && best.key !== undefined ? best.key : best.value;
}

const SP = 0x20, NL = 0x0a, CR = 0x0d, HASH = 0x23, DASH = 0x2d, COLON = 0x3a, COMMA = 0x2c;
const DQ = 0x22, SQ = 0x27, LBRACE = 0x7b, RBRACE = 0x7d, LBRACK = 0x5b, RBRACK = 0x5d;
// Plain scalars resolving to something other than a string: keys like these are left to the Document.
const NON_STRING = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?[0-9][0-9_]*(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|[-+]?\.[0-9]+(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

const isFlowSpace = (c: number): boolean => c === SP || c === NL || c === CR || c === 0x09;

// Only keys starting with one of `~nNtTfF0-9+-.` can match NON_STRING.
const mayBeNonString = (c: number): boolean => {
  return (c >= 0x30 && c <= 0x39) || c === 0x7e || c === 0x6e || c === 0x4e || c === 0x74 || c === 0x54 || c === 0x66 || c === 0x46 || c === 0x2b || c === 0x2d || c === 0x2e;
};

interface Line {
  /** Offset of the line's first character. */
  readonly start: number;
  readonly indent: number;
  /** Offset of the first non-space character. */
  readonly first: number;
}

/** Thrown when the last of the pointers asked for is recorded. */
const ALL_FOUND = Symbol('all found');

class Scanner {
  private readonly n: number;
  readonly index = new Map<string, NodeAt>();

  /** `remaining`: the pointers asked for that are not yet recorded (as the scan spells them). */
  constructor(private readonly t: string, private readonly want: Want, private readonly remaining?: Set<string>) {
    this.n = t.length;
  }

  run(): YamlIndex {
    let line = this.contentLine(0);
    // Directives and `---` with content on the same line are left to the Document.
    if (line && this.t.charCodeAt(line.first) === 0x25) giveUp();
    if (line && line.indent === 0 && this.isMarker(line.first, '---')) {
      const after = this.skipSpaces(line.first + 3);
      if (!this.atEolOrComment(after)) giveUp();
      line = this.contentLine(this.nextLineStart(after));
    }
    if (!line) giveUp();
    const end = this.blockNode(line!, -1, '', this.want, undefined);
    const rest = this.contentLine(end);
    if (rest && !(rest.indent === 0 && this.isMarker(rest.first, '...'))) giveUp();
    return this.index;
  }

  // ── lines ──────────────────────────────────────────────────────────────
  private nextLineStart(p: number): number {
    const nl = this.t.indexOf('\n', p);
    return nl < 0 ? this.n : nl + 1;
  }

  private eol(c: number): boolean {
    return c !== c /* NaN: end of text */ || c === NL || c === CR;
  }

  private atEolOrComment(p: number): boolean {
    const c = this.t.charCodeAt(p);
    return this.eol(c) || c === HASH;
  }

  private skipSpaces(p: number): number {
    while (this.t.charCodeAt(p) === SP) p++;
    if (this.t.charCodeAt(p) === 0x09) giveUp();
    return p;
  }

  private isMarker(p: number, m: string): boolean {
    return this.t.startsWith(m, p) && (this.eol(this.t.charCodeAt(p + 3)) || this.t.charCodeAt(p + 3) === SP);
  }

  /** The first line from `p` (a line start) that is neither blank nor a comment. */
  private contentLine(p: number): Line | undefined {
    while (p < this.n) {
      let q = p;
      while (this.t.charCodeAt(q) === SP) q++;
      const c = this.t.charCodeAt(q);
      if (c === 0x09) giveUp();
      if (!this.eol(c) && c !== HASH) {
        // `---` or `...` at column 0 end the document.
        if (q === p && (this.isMarker(q, '---') || this.isMarker(q, '...'))) return { start: p, indent: 0, first: q };
        return { start: p, indent: q - p, first: q };
      }
      p = this.nextLineStart(q);
    }
    return undefined;
  }

  private isDocMarker(l: Line): boolean {
    return l.indent === 0 && (this.isMarker(l.first, '---') || this.isMarker(l.first, '...'));
  }

  /** Start of the first non-blank line after `p`'s line that is not deeper than `indent` (or the end). */
  private skipDeeper(p: number, indent: number): number {
    let s = this.nextLineStart(p);
    while (s < this.n) {
      let q = s;
      while (this.t.charCodeAt(q) === SP) q++;
      if (this.eol(this.t.charCodeAt(q))) { s = this.nextLineStart(q); continue; }
      if (q - s <= indent) return s;
      s = this.nextLineStart(q);
    }
    return this.n;
  }

  private record(ptr: string | undefined, value: number, key: number | undefined, seq = false): void {
    if (ptr === undefined) return;
    if (this.index.has(ptr)) giveUp();
    this.index.set(ptr, key === undefined ? (seq ? { value, seq } : { value }) : seq ? { value, key, seq } : { value, key });
    if (this.remaining?.delete(ptr) && this.remaining.size === 0) throw ALL_FOUND;
  }

  // ── block context ────────────────────────────────────────────────────────
  /** A node whose first content is on `line`, owned by a parent at `parentIndent`. Returns the next line start. */
  private blockNode(line: Line, parentIndent: number, ptr: string | undefined, want: Want | undefined, key: number | undefined): number {
    if (this.isDocMarker(line)) giveUp();
    if (this.isSeqDash(line.first)) {
      this.record(ptr, line.first, key, true);
      return this.blockSeq(line.indent, ptr, want, line.first);
    }
    const k = this.readKey(line.first, false);
    if (k) {
      this.record(ptr, line.first, key);
      return this.blockMap(line.indent, ptr, want, line);
    }
    return this.inlineValue(line.first, parentIndent, ptr, want, key);
  }

  /** The pointer of a child that is recorded, else undefined. */
  private child(ptr: string | undefined, want: Want | undefined, key: string): string | undefined {
    return ptr === undefined || want === undefined ? undefined : `${ptr}/${escapePart(key)}`;
  }

  private isSeqDash(p: number): boolean {
    if (this.t.charCodeAt(p) !== DASH) return false;
    const c = this.t.charCodeAt(p + 1);
    return this.eol(c) || c === SP;
  }

  /** Entries at `indent`, the first on `first` (possibly mid-line, after `- `). */
  private blockMap(indent: number, ptr: string | undefined, want: Want | undefined, first: Line): number {
    let line: Line | undefined = first;
    while (line) {
      if (line.indent < indent || this.isDocMarker(line)) return line.start;
      if (line.indent > indent) giveUp();
      if (this.isSeqDash(line.first)) return line.start;
      const k = this.readKey(line.first, want !== undefined) ?? giveUp();
      const cw = childOf(want, k.key);
      const child = this.child(ptr, cw, k.key);
      const v = this.skipSpaces(k.after);
      let next: number;
      if (this.atEolOrComment(v)) {
        const nl = this.contentLine(this.nextLineStart(v));
        if (nl && !this.isDocMarker(nl) && nl.indent > indent) next = this.blockNode(nl, indent, child, cw, k.start);
        else if (nl && nl.indent === indent && this.isSeqDash(nl.first)) {
          this.record(child, nl.first, k.start, true);
          next = this.blockSeq(indent, child, cw, nl.first);
        } else giveUp(); // an empty value: the Document places it oddly
      } else {
        next = this.inlineValue(v, indent, child, cw, k.start);
      }
      line = this.contentLine(next!);
    }
    return this.n;
  }

  private blockSeq(indent: number, ptr: string | undefined, want: Want | undefined, first: number): number {
    let i = 0;
    let line = this.contentLine(this.lineStartOf(first));
    while (line) {
      if (line.indent < indent || this.isDocMarker(line)) return line.start;
      if (line.indent > indent) giveUp();
      if (!this.isSeqDash(line.first)) return line.start;
      const iw = childOf(want, String(i));
      const item = this.child(ptr, iw, String(i++));
      const v = this.skipSpaces(line.first + 1);
      let next: number;
      if (this.atEolOrComment(v)) {
        const nl = this.contentLine(this.nextLineStart(v));
        if (nl && !this.isDocMarker(nl) && nl.indent > indent) next = this.blockNode(nl, indent, item, iw, undefined);
        else giveUp();
      } else if (this.isSeqDash(v)) {
        giveUp(); // `- - a`
      } else if (this.readKey(v, false)) {
        // `- key: value` starts a mapping whose entries sit at the key's column.
        this.record(item, v, undefined);
        const col = v - line.start;
        next = this.blockMap(col, item, iw, { start: line.start, indent: col, first: v });
      } else {
        next = this.inlineValue(v, indent, item, iw, undefined);
      }
      line = this.contentLine(next!);
    }
    return this.n;
  }

  private lineStartOf(p: number): number {
    return this.t.lastIndexOf('\n', p - 1) + 1;
  }

  /** A value starting at `p` on a line owned by `indent`. Returns the start of the line after it. */
  private inlineValue(p: number, indent: number, ptr: string | undefined, want: Want | undefined, key: number | undefined): number {
    const c = this.t.charCodeAt(p);
    if (c === 0x26 || c === 0x2a || c === 0x21 || c === 0x3f || c === 0x25 || c === 0x40 || c === 0x60) giveUp(); // & * ! ? % @ `
    this.record(ptr, p, key);
    if (c === 0x7c || c === 0x3e) {
      // | or >: the header line, then every blank or deeper line.
      return this.skipDeeper(p, indent);
    }
    if (c === DQ || c === SQ) {
      const end = this.quotedEnd(p);
      const after = this.skipSpaces(end);
      if (!this.atEolOrComment(after)) giveUp();
      return this.nextLineStart(after);
    }
    if (c === LBRACE || c === LBRACK) {
      const end = this.flow(p, ptr, want);
      const after = this.skipSpaces(end);
      if (!this.atEolOrComment(after)) giveUp();
      return this.nextLineStart(after);
    }
    // A plain scalar, possibly continued on deeper lines.
    return this.skipDeeper(p, indent);
  }

  /** A `key:` at `p` on one line: its text and where the value may start. */
  /** `need`: the key's text is used (else it is read only as far as giving up needs). */
  private readKey(p: number, need: boolean): { key: string; start: number; after: number } | undefined {
    const t = this.t;
    const c = t.charCodeAt(p);
    let key: string;
    let end: number;
    if (c === DQ || c === SQ) {
      end = this.quotedEnd(p);
      const raw = t.slice(p + 1, end - 1);
      if (raw.includes('\n') || raw.includes('\r')) return undefined;
      key = c === SQ ? raw.replace(/''/g, "'") : raw.includes('\\') ? decodeJsonString(raw) : raw;
      let q = end;
      while (t.charCodeAt(q) === SP) q++;
      if (t.charCodeAt(q) !== COLON) return undefined;
      const a = t.charCodeAt(q + 1);
      if (!(this.eol(a) || a === SP)) return undefined;
      return { key, start: p, after: q + 1 };
    }
    if (this.eol(c) || c === HASH || c === COMMA || c === LBRACE || c === RBRACE || c === LBRACK || c === RBRACK || c === 0x26 || c === 0x2a || c === 0x21 || c === 0x7c || c === 0x3e || c === 0x25 || c === 0x40 || c === 0x60) return undefined;
    if ((c === DASH || c === 0x3f || c === COLON) && (t.charCodeAt(p + 1) === SP || this.eol(t.charCodeAt(p + 1)))) return undefined;
    // Plain key: up to ": " or ":" at the end of the line, not past a comment.
    let q = p;
    for (;;) {
      const d = t.charCodeAt(q);
      if (this.eol(d)) return undefined;
      if (d === HASH && t.charCodeAt(q - 1) === SP) return undefined;
      if (d === COLON) {
        const a = t.charCodeAt(q + 1);
        if (this.eol(a) || a === SP) break;
      }
      q++;
    }
    end = q;
    while (end > p && t.charCodeAt(end - 1) === SP) end--;
    const may = mayBeNonString(c);
    key = need || may ? t.slice(p, end) : '';
    if (may && NON_STRING.test(key)) giveUp();
    return { key, start: p, after: q + 1 };
  }

  /** Offset just past the closing quote of the quoted scalar at `p`. */
  private quotedEnd(p: number): number {
    const t = this.t;
    const q = t.charCodeAt(p);
    let i = p + 1;
    for (;;) {
      if (i >= this.n) giveUp();
      const c = t.charCodeAt(i);
      if (q === DQ && c === 0x5c) { i += 2; continue; }
      if (c === q) {
        if (q === SQ && t.charCodeAt(i + 1) === SQ) { i += 2; continue; }
        return i + 1;
      }
      i++;
    }
  }

  // ── flow context ────────────────────────────────────────────────────────
  private skipFlowSpace(p: number): number {
    const t = this.t;
    for (;;) {
      const c = t.charCodeAt(p);
      if (c === SP || c === NL || c === CR || c === 0x09) p++;
      else if (c === HASH && (p === 0 || isFlowSpace(t.charCodeAt(p - 1)))) p = this.nextLineStart(p);
      else return p;
    }
  }

  /** The flow collection at `p` (`{` or `[`); returns the offset after its closing bracket. */
  private flow(p: number, ptr: string | undefined, want: Want | undefined): number {
    const t = this.t;
    const isMap = t.charCodeAt(p) === LBRACE;
    if (!isMap && ptr !== undefined) this.index.set(ptr, { ...this.index.get(ptr)!, seq: true });
    const close = isMap ? RBRACE : RBRACK;
    let i = 0;
    let q = this.skipFlowSpace(p + 1);
    if (t.charCodeAt(q) === close) return q + 1;
    for (;;) {
      let child: string | undefined;
      let cw: Want | undefined;
      let keyAt: number | undefined;
      if (isMap) {
        const k = this.flowKey(q, want !== undefined);
        cw = childOf(want, k.key);
        child = this.child(ptr, cw, k.key);
        keyAt = q;
        q = this.skipFlowSpace(k.after);
      } else {
        cw = childOf(want, String(i));
        child = this.child(ptr, cw, String(i++));
      }
      const c = t.charCodeAt(q);
      if (c === COMMA || c === close || c === RBRACE || c === RBRACK) giveUp(); // empty value
      if (c === 0x26 || c === 0x2a || c === 0x21 || c === 0x3f || c === 0x25 || c === 0x40 || c === 0x60 || c === 0x7c || c === 0x3e) giveUp();
      this.record(child, q, keyAt);
      if (c === LBRACE || c === LBRACK) q = this.flow(q, child, cw);
      else if (c === DQ || c === SQ) q = this.quotedEnd(q);
      else q = this.flowPlainEnd(q, !isMap);
      q = this.skipFlowSpace(q);
      const d = t.charCodeAt(q);
      if (d === close) return q + 1;
      if (d !== COMMA) giveUp(); // `[a: b]`, a missing comma…
      q = this.skipFlowSpace(q + 1);
      if (t.charCodeAt(q) === close) return q + 1;
    }
  }

  private flowKey(p: number, need: boolean): { key: string; after: number } {
    const t = this.t;
    const c = t.charCodeAt(p);
    if (c === DQ || c === SQ) {
      const end = this.quotedEnd(p);
      const raw = t.slice(p + 1, end - 1);
      if (raw.includes('\n') || raw.includes('\r')) giveUp();
      const key = c === SQ ? raw.replace(/''/g, "'") : raw.includes('\\') ? decodeJsonString(raw) : raw;
      const q = this.skipFlowSpace(end);
      if (t.charCodeAt(q) !== COLON) giveUp();
      return { key, after: q + 1 };
    }
    if (this.eol(c) || c === COMMA || c === LBRACE || c === RBRACE || c === LBRACK || c === RBRACK || c === HASH || c === 0x26 || c === 0x2a || c === 0x21 || c === 0x3f || c === 0x7c || c === 0x3e || c === 0x25 || c === 0x40 || c === 0x60 || c === DQ || c === SQ) giveUp();
    let q = p;
    for (;;) {
      const d = t.charCodeAt(q);
      if (this.eol(d) || d === COMMA || d === LBRACE || d === RBRACE || d === LBRACK || d === RBRACK) giveUp();
      if (d === COLON) {
        const a = t.charCodeAt(q + 1);
        if (a === SP || this.eol(a) || a === COMMA || a === RBRACE || a === RBRACK) break;
      }
      q++;
    }
    let end = q;
    while (end > p && t.charCodeAt(end - 1) === SP) end--;
    const may = mayBeNonString(c);
    const key = need || may ? t.slice(p, end) : '';
    if (may && NON_STRING.test(key)) giveUp();
    return { key, after: q + 1 };
  }

  /** End of a plain scalar in flow context (single line only). */
  private flowPlainEnd(p: number, inSeq: boolean): number {
    const t = this.t;
    let q = p;
    for (;;) {
      const d = t.charCodeAt(q);
      if (this.eol(d)) {
        // A plain scalar running onto the next line: left to the Document.
        const next = this.skipFlowSpace(q);
        const e = t.charCodeAt(next);
        if (e === COMMA || e === RBRACE || e === RBRACK) return q;
        giveUp();
      }
      if (d === COMMA || d === RBRACE || d === RBRACK) return q;
      if (d === HASH && t.charCodeAt(q - 1) === SP) return q;
      if (d === COLON && inSeq) {
        const a = t.charCodeAt(q + 1);
        if (a === SP || this.eol(a) || a === COMMA || a === RBRACE || a === RBRACK) giveUp(); // `[a: b]`
      }
      q++;
    }
  }
}

function decodeJsonString(raw: string): string {
  // YAML's escapes beyond JSON's (\x, \U, \N, \_ …) make JSON.parse throw: give up.
  return JSON.parse(`"${raw}"`) as string;
}
