// A hand-written reader for the YAML reports are written in: a top block
// mapping (or one flow collection), nested block mappings, one-line flow
// collections, one-line plain and quoted scalars, and block scalars. In one
// pass it gives the data exactly as the `yaml` package (YAML 1.2, core schema)
// would, where each node is, the numbers not written plainly, and the first
// key written twice. On anything else, or anything it is unsure of, it gives
// up and the `yaml` Document reads the whole text (load.ts): what YAML 1.2
// refuses is never read here (tests/differential check both, fuzzed).
// Why not a library: on a 5 KB report the `yaml` Document takes 2–3 ms (its
// positions included) and js-yaml 0.2 ms without positions, and js-yaml reads
// text YAML 1.2 refuses (a quote closed on the next line merges two fields);
// this reader takes about 0.05 ms with the positions.
import { joinPointer } from '../model/cells.js';

/** Where a node is: a scalar's offset, or a collection's. */
export type At = number | Places;

/** A collection's offset and its entries: key, key offset, place (mappings); place (sequences). */
export class Places {
  readonly e: (string | number | Places)[] = [];
  constructor(readonly offset: number, readonly seq: boolean) {}
}

export interface Read {
  readonly data: unknown;
  readonly at: At;
  /** Pointer → number as written, for numbers not written plainly (see isPlainNumber). */
  readonly numbers?: Map<string, string>;
  /** The first key written twice (reading stops there; the data is not to be used). */
  readonly duplicate?: { readonly key: string; readonly offset: number };
}

/** Where the reader gave up, and why when that refuses the file: an anchor or alias (`&x`, `*x`), or nesting past the limit. */
export interface GaveUp {
  readonly gaveUp: number;
  readonly anchor?: string;
  readonly deep?: boolean;
}

// Tabs, CR, BOM, controls, C1, U+2028/9, non-characters, surrogates: YAML
// treats some of these specially (or refuses them), so none is read here.
// (One character class: a regex with lookaheads for lone surrogates costs 3x.)
/** Characters the reader does not read (decode tests for them once, for both). */
export const REFUSED = /[\x00-\x09\x0B-\x1F\x7F-\x9F\u2028\u2029\uD800-\uDFFF\uFEFF\uFFFE\uFFFF]/;

const NL = 0x0a, SP = 0x20, HASH = 0x23, COLON = 0x3a, DQ = 0x22, SQ = 0x27, DASH = 0x2d, COMMA = 0x2c;
const LBRACE = 0x7b, RBRACE = 0x7d, LBRACK = 0x5b, RBRACK = 0x5d;
/** The `:` of an implicit key is at most 1024 characters from its start in YAML 1.2 (a margin here). */
const MAX_KEY = 1000;

const table = (chars: string) => {
  const t = new Uint8Array(128);
  for (const c of chars) t[c.charCodeAt(0)] = 1;
  return t;
};
// What cannot start a plain scalar here: the indicators, and `-` `?` `:` (`-1` is let through).
const NO_PLAIN_START = table(' \n,[]{}#&*!|>\'"%@`?:-');
// What may follow a count: in a flow collection, or on a block value's line.
const FLOW_STOP = table(',]} ');
const LINE_STOP = table(' \n');
// What a plain key or flow scalar stops to look at.
const SPECIAL = table(' \n,[]{}:#');
const isFlowIndicator = (c: number) => c === COMMA || c === LBRACK || c === RBRACK || c === LBRACE || c === RBRACE;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

const INT = /^[-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;

/** A plain scalar as the core schema resolves it (the `yaml` package's tags, in its order; dates stay text). */
export function resolvePlain(s: string): unknown {
  const c = s.charCodeAt(0);
  // Most text is turned away by its first character.
  if (isDigit(c) || c === DASH || c === 0x2b || c === 0x2e) {
    if (/^0o[0-7]+$/.test(s)) return parseInt(s.slice(2), 8);
    if (INT.test(s)) return parseInt(s, 10);
    if (/^0x[0-9a-fA-F]+$/.test(s)) return parseInt(s.slice(2), 16);
    if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(s)) return /nan$/i.test(s) ? NaN : c === DASH ? -Infinity : Infinity;
    return FLOAT.test(s) ? parseFloat(s) : s;
  }
  if (s.length <= 5 && /^(?:~|[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(s)) return s === '~' || s[0] === 'n' || s[0] === 'N' ? null : s[0] === 't' || s[0] === 'T';
  return s;
}

/**
 * A number written so that its value may not be what the author meant:
 * exponent (1e3), hex/octal, an integer past 2^53, a whole number with a
 * decimal point (1.0), or leading zeros (037…, a phone number). Plain integers and decimals with a fraction are plain.
 */
export function isPlainNumber(source: string, value: number): boolean {
  // A leading zero is kept as written, so a phone number written as a number is shown as written.
  if (/^[-+]?0[0-9]/.test(source)) return false;
  if (/^[-+]?[0-9]+$/.test(source)) return Number.isSafeInteger(value);
  if (/^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)$/.test(source)) return !Number.isInteger(value);
  return !/^[-+]?(?:[0-9.]+[eE]|0[xo])/.test(source);
}

/** Plain keys seen, by a hash of their ends and length: a key met again is neither sliced nor looked up anew. */
const KEYS: (string | undefined)[] = new Array(1024);

const GIVE_UP = Symbol('give up');
const DUPLICATE = Symbol('duplicate');

/**
 * Reads `text` if it is in the subset, with collections nested at most
 * `maxDepth` levels below the top; else says where it gave up.
 * `knownClean`: the caller found none of REFUSED's characters in the text.
 */
export function readSubset(text: string, maxDepth: number, knownClean = false): Read | GaveUp {
  if (!knownClean && REFUSED.test(text)) return { gaveUp: text.search(REFUSED) };
  // A final line break is added: every scan then stops at a line break (no offset moves).
  const s = text.length === 0 || text.charCodeAt(text.length - 1) !== NL ? text + '\n' : text;
  const len = s.length;
  let pos = 0;
  let root: Places | undefined;
  let anchor: string | undefined;
  let deep = false;
  let numbers: Map<string, string> | undefined;
  let duplicate: Read['duplicate'];
  // The keys (or indexes) to the value being read, by level: a pointer only for an odd number.
  const path: (string | number)[] = [];

  const giveUp = (): never => {
    throw GIVE_UP;
  };
  const skipSpaces = () => {
    while (s.charCodeAt(pos) === SP) pos++;
  };

  /** A plain scalar's value; a number not written plainly is noted under the path to `level`. */
  const plainValue = (plain: string, level: number): unknown => {
    const v = resolvePlain(plain);
    if (typeof v === 'number' && !isPlainNumber(plain, v)) (numbers ??= new Map()).set(joinPointer(path.slice(0, level + 1)), plain);
    return v;
  };

  /** Where a plain scalar may not start: an anchor or alias is remembered (the file is refused), then given up. */
  const notPlain = (c: number): never => {
    if (c === 0x26 || c === 0x2a) anchor = /^[&*][^\s,[\]{}]*/.exec(s.slice(pos, pos + 200))![0];
    return giveUp();
  };

  /** From a line start, skips blank and comment lines; the next line's indent (pos at its first character), or -1 at the end. */
  const seekContent = (): number => {
    for (;;) {
      if (pos >= len) return -1;
      let i = pos;
      while (s.charCodeAt(i) === SP) i++;
      const c = s.charCodeAt(i);
      if (c === NL) pos = i + 1;
      else if (c === HASH) pos = s.indexOf('\n', i) + 1;
      else {
        const indent = i - pos;
        pos = i;
        return indent;
      }
    }
  };

  /** After a value: spaces, then a comment after a space, then the line break. Leaves pos at the next line. */
  const endLine = (): void => {
    let c = s.charCodeAt(pos);
    if (c === SP) {
      do c = s.charCodeAt(++pos); while (c === SP);
      if (c === HASH) { pos = s.indexOf('\n', pos) + 1; return; }
    }
    if (c !== NL) giveUp();
    pos++;
  };

  /** A quoted scalar on one line (escapes in double quotes are left to the Document). */
  const quoted = (): string => {
    const q = s.charCodeAt(pos);
    let out = '';
    let start = ++pos;
    for (;;) {
      const c = s.charCodeAt(pos);
      if (c === q) {
        if (q === DQ || s.charCodeAt(pos + 1) !== SQ) break;
        out += s.slice(start, pos + 1);
        start = pos += 2;
      } else if (c === NL || (c === 0x5c && q === DQ)) giveUp();
      else pos++;
    }
    return out + s.slice(start, pos++);
  };

  /** A plain key from `start` to `end`: its value (the same string object for the same key, across files). */
  const plainKey = (start: number, end: number): unknown => {
    const n = end - start;
    const h = (s.charCodeAt(start) * 31 + s.charCodeAt(end - 1) * 7 + n) & 1023;
    const known = KEYS[h];
    if (known !== undefined && known.length === n && s.startsWith(known, start)) return known;
    const key = s.slice(start, end);
    const v = resolvePlain(key);
    if (v === key) KEYS[h] = key;
    return v;
  };

  /** A key that is a string here (`__proto__` and keys the schema makes other than strings are left to the Document), then `: `. */
  const stringKey = (key: unknown, start: number): string => {
    if (typeof key !== 'string' || key === '__proto__' || pos - start > MAX_KEY) {
      pos = start;
      giveUp();
    }
    if (s.charCodeAt(pos) !== COLON) giveUp();
    const n = s.charCodeAt(++pos);
    if (n === SP) pos++;
    else if (n !== NL) giveUp();
    return key as string;
  };

  /** Stops at the first key written twice; `e` holds the mapping's entries so far. */
  const checkKey = (obj: Record<string, unknown>, e: Places['e'], key: string, keyAt: number): void => {
    // A few keys are compared in the entries: a property lookup by a new string costs more.
    let seen = false;
    if (e.length < 48) {
      for (let i = 0; i < e.length; i += 3) if (e[i] === key) seen = true;
    } else seen = Object.prototype.hasOwnProperty.call(obj, key);
    if (seen) {
      duplicate = { key, offset: keyAt };
      throw DUPLICATE;
    }
  };

  /**
   * A count as reports write it (0, or 1 to 15 digits without a leading zero) ending
   * where `stop` says: its value, pos after it; else -1, pos unmoved. The core schema
   * reads these as parseInt(text), plainly; computing it here skips a slice and the regexes.
   */
  const count = (stop: Uint8Array): number => {
    let i = pos;
    let c = s.charCodeAt(i);
    let n = 0;
    if (c === 0x30) c = s.charCodeAt(++i);
    else {
      while (isDigit(c)) {
        n = n * 10 + (c - 0x30);
        c = s.charCodeAt(++i);
      }
    }
    if (i === pos || i - pos > 15 || !(c < 128 && stop[c] === 1)) return -1;
    pos = i;
    return n;
  };

  /** A plain scalar in a flow collection, to a flow indicator (or `: ` after a key); its end. */
  const flowPlain = (isKey: boolean): number => {
    const c0 = s.charCodeAt(pos);
    if (c0 < 128 && NO_PLAIN_START[c0] === 1) {
      const d = s.charCodeAt(pos + 1);
      if (c0 !== DASH || d === SP || d === NL || isFlowIndicator(d)) notPlain(c0);
    }
    let end = pos;
    for (;;) {
      const c = s.charCodeAt(pos);
      if (c < 128 && SPECIAL[c] === 1) {
        if (c === SP) { pos++; continue; }
        if (isFlowIndicator(c) || (c === COLON && isKey && s.charCodeAt(pos + 1) === SP)) return end;
        giveUp(); // another `:`, `#`, or the line's end
      }
      end = ++pos;
    }
  };

  /** A value in a flow collection at `level`; its place is pushed on `e`. */
  const flowNode = (level: number, e: Places['e']): unknown => {
    const c = s.charCodeAt(pos);
    const at = pos;
    if (c === LBRACE || c === LBRACK) return flow(level + 1, e);
    e.push(at);
    const n = isDigit(c) ? count(FLOW_STOP) : -1;
    if (n >= 0) return n;
    if (c === DQ || c === SQ) return quoted();
    return plainValue(s.slice(at, flowPlain(false)), level);
  };

  /** After a flow entry: `,` (maybe then the end) or the end. True at the end, pos after it. */
  const flowNext = (term: number): boolean => {
    skipSpaces();
    const c = s.charCodeAt(pos++);
    if (c === term) return true;
    if (c !== COMMA) giveUp();
    skipSpaces();
    if (s.charCodeAt(pos) !== term) return false;
    pos++;
    return true;
  };

  /** `{…}` or `[…]` on one line, a collection at `level`; its place is pushed on `into`. */
  const flow = (level: number, into: Places['e'] | undefined): unknown => {
    if (level > maxDepth) {
      deep = true;
      giveUp();
    }
    const isMap = s.charCodeAt(pos++) === LBRACE;
    const places = new Places(pos - 1, !isMap);
    into?.push(places);
    root ??= places;
    const e = places.e;
    skipSpaces();
    if (s.charCodeAt(pos) === (isMap ? RBRACE : RBRACK)) {
      pos++;
      return isMap ? {} : [];
    }
    if (!isMap) {
      const arr: unknown[] = [];
      // (`[a: 1]` holds a pair: flowNext refuses the `:`.)
      do {
        path[level] = arr.length;
        arr.push(flowNode(level, e));
      } while (!flowNext(RBRACK));
      return arr;
    }
    const obj: Record<string, unknown> = {};
    do {
      const keyAt = pos;
      const c = s.charCodeAt(pos);
      const plain = c === DQ || c === SQ ? quoted() : plainKey(keyAt, flowPlain(true));
      skipSpaces();
      const key = stringKey(plain, keyAt);
      skipSpaces();
      // An empty value is left to the Document.
      const v = s.charCodeAt(pos);
      if (v === COMMA || v === RBRACE || v === NL) giveUp();
      checkKey(obj, e, key, keyAt);
      e.push(key, keyAt);
      path[level] = key;
      obj[key] = flowNode(level, e);
    } while (!flowNext(RBRACE));
    return obj;
  };

  /**
   * `|` or `>` at pos, the value of a key at `indent`; pos is left at the start of
   * the line that ends it. As the `yaml` package reads block scalars, for those
   * with no indentation indicator, content indented past the key, no blank line
   * indented past the content, and (to keep trailing lines) not at the end of the text.
   */
  const blockScalar = (indent: number): string => {
    const folded = s.charCodeAt(pos) === 0x3e;
    let c = s.charCodeAt(++pos);
    const chomp = c === DASH ? 1 : c === 0x2b ? 2 : 0; // strip, keep, clip
    if (chomp) pos++;
    endLine();
    let n = -1; // the content's indent
    let blanks = 0; // blank lines not yet added
    let widest = 0; // spaces on the widest leading blank line
    let value = '';
    let sep = '';
    let wasMore = false;
    while (pos < len) {
      let i = pos;
      while (s.charCodeAt(i) === SP) i++;
      const sp = i - pos;
      if (s.charCodeAt(i) === NL) {
        if (n < 0) widest = Math.max(widest, sp);
        else if (sp > n) giveUp();
        blanks++;
        pos = i + 1;
        continue;
      }
      if (n < 0) {
        if (sp <= indent || widest > sp) giveUp();
        n = sp;
        value = '\n'.repeat(blanks);
        blanks = 0;
      } else if (sp < n) break;
      const nl = s.indexOf('\n', i);
      const line = s.slice(pos + n, nl);
      if (!folded) {
        value += sep + '\n'.repeat(blanks) + line;
        sep = '\n';
      } else {
        // The `yaml` package's folding, line by line.
        for (; blanks > 0; blanks--) {
          if (sep === '\n') value += '\n';
          else sep = '\n';
        }
        if (sp > n && sep === ' ') sep = '\n';
        else if (sp > n && !wasMore && sep === '\n') sep = '\n\n';
        value += sep + line;
        wasMore = sp > n;
        sep = wasMore ? '\n' : ' ';
      }
      blanks = 0;
      pos = nl + 1;
    }
    if (n < 0 || (chomp === 2 && pos >= len)) giveUp();
    return chomp === 1 ? value : chomp === 2 ? value + '\n'.repeat(blanks + 1) : value + '\n';
  };

  /** A key at pos, the first character of its line: plain on one line, or quoted; then `: ` (or `:` at the line's end). */
  const blockKey = (): string => {
    const start = pos;
    const c0 = s.charCodeAt(pos);
    if (c0 === DQ || c0 === SQ) return stringKey(quoted(), start);
    // `.` too: `...` at the start of a line ends the document.
    if ((c0 < 128 && NO_PLAIN_START[c0] === 1) || c0 === 0x2e) giveUp();
    let end = pos;
    for (;;) {
      const c = s.charCodeAt(pos);
      if (c < 128 && SPECIAL[c] === 1) {
        if (c === SP) { pos++; continue; }
        if (c !== COLON) giveUp(); // `#`, a flow indicator, or the line's end
        const n = s.charCodeAt(pos + 1);
        if (n === SP || n === NL) break;
      }
      end = ++pos;
    }
    return stringKey(plainKey(start, end), start);
  };

  /** A plain scalar value at pos, to the end of the line or to ` #`; pos after its last non-space. */
  const blockPlain = (level: number): unknown => {
    const c = s.charCodeAt(pos);
    if (c < 128 && NO_PLAIN_START[c] === 1 && (c !== DASH || s.charCodeAt(pos + 1) === SP || s.charCodeAt(pos + 1) === NL)) notPlain(c);
    const start = pos;
    let end = pos;
    for (;;) {
      const d = s.charCodeAt(pos);
      if (d === NL || (d === HASH && s.charCodeAt(pos - 1) === SP)) break;
      // `a: b: c` is an error.
      if (d === COLON && (s.charCodeAt(pos + 1) === SP || s.charCodeAt(pos + 1) === NL)) giveUp();
      pos++;
      if (d !== SP) end = pos;
    }
    pos = end;
    return plainValue(s.slice(start, end), level);
  };

  /** The indent of the line after the block mapping last read (-1 at the end). */
  let lineIndent = 0;

  /** A block mapping at `level` whose keys are at `indent`, pos on the first key; its place is pushed on `into`. */
  const blockMapping = (indent: number, level: number, into: Places['e'] | undefined): Record<string, unknown> => {
    const places = new Places(pos, false);
    into?.push(places);
    root ??= places;
    const e = places.e;
    const obj: Record<string, unknown> = {};
    for (;;) {
      const keyAt = pos;
      const key = blockKey();
      // A mapping for sure once its first key is read (a deeper line may be text), placed at that key.
      if (level > maxDepth) {
        pos = keyAt;
        deep = true;
        giveUp();
      }
      checkKey(obj, e, key, keyAt);
      e.push(key, keyAt);
      path[level] = key;
      skipSpaces();
      const c = s.charCodeAt(pos);
      let value: unknown = null;
      let next: number;
      if (c === NL || c === HASH) {
        // Nothing on the key's line: a nested mapping below it, or null (placed after the spaces).
        const at = pos;
        pos = s.indexOf('\n', pos) + 1;
        next = seekContent();
        if (next > indent) {
          value = blockMapping(next, level + 1, e);
          next = lineIndent;
        } else e.push(at); // (a `-` entry at the key's indent is refused as a key)
      } else if (c === 0x7c || c === 0x3e) {
        e.push(pos);
        value = blockScalar(indent);
        next = seekContent();
      } else {
        if (c === LBRACE || c === LBRACK) value = flow(level + 1, e);
        else {
          e.push(pos);
          const n = isDigit(c) ? count(LINE_STOP) : -1;
          value = n >= 0 ? n : c === DQ || c === SQ ? quoted() : blockPlain(level);
        }
        endLine();
        next = seekContent();
      }
      obj[key] = value;
      if (next === indent) continue;
      // A deeper line after a value is an error, or more of a plain scalar.
      if (next > indent) giveUp();
      lineIndent = next;
      return obj;
    }
  };

  try {
    let indent = seekContent();
    // A `---` line first (a comment may follow it).
    if (indent === 0 && s.startsWith('---', pos) && (s.charCodeAt(pos + 3) === SP || s.charCodeAt(pos + 3) === NL)) {
      pos += 3;
      endLine();
      indent = seekContent();
    }
    if (indent !== 0) giveUp();
    let data: unknown;
    const c = s.charCodeAt(pos);
    if (c === LBRACE || c === LBRACK) {
      data = flow(0, undefined);
      endLine();
      if (seekContent() !== -1) giveUp();
    } else data = blockMapping(0, 0, undefined);
    return numbers ? { data, at: root!, numbers } : { data, at: root! };
  } catch (e) {
    if (e === DUPLICATE) return { data: undefined, at: root!, duplicate };
    if (e !== GIVE_UP) throw e;
    const gaveUp = Math.min(pos, text.length);
    return anchor ? { gaveUp, anchor } : deep ? { gaveUp, deep } : { gaveUp };
  }
}

/**
 * Offset of the node at the pointer's `parts`, or of its deepest existing
 * ancestor, as the `yaml` Document places it (load.ts locateInDoc); `atKey` prefers the key.
 */
export function offsetAt(root: At, parts: readonly string[], atKey = false): number {
  let node = root;
  let key: number | undefined;
  for (const part of parts) {
    if (typeof node === 'number') break;
    const e = node.e;
    let i = -1;
    if (!node.seq) for (i = 0; i < e.length && e[i] !== part; i += 3);
    const next = (node.seq ? e[Number(part)] : e[i + 2]) as At | undefined;
    if (next === undefined) break;
    key = node.seq ? undefined : (e[i + 1] as number);
    node = next;
  }
  return atKey && key !== undefined ? key : typeof node === 'number' ? node : node.offset;
}
