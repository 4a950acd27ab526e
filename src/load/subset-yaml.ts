// A hand-written reader for the YAML that reports are written in: a top block
// mapping, nested block mappings, one-line flow collections, one-line plain
// and quoted scalars, and block scalars. It returns exactly what js-yaml (with
// the schema of fast-yaml.ts) returns, or GIVE_UP on anything else, and the
// caller then asks js-yaml. Every rule below mirrors js-yaml's loader; where
// js-yaml would do something subtle (or fail), this reader gives up instead.

/** What a plain scalar may become: js-yaml's implicit types, tried in its order. */
export interface ImplicitType {
  resolve(data: string): boolean;
  construct(data: string): unknown;
}

/** Returned when the text is not in the subset (js-yaml must read it). */
export const GIVE_UP: unique symbol = Symbol('give up');

class GiveUp {}
const GIVE_UP_ERROR = new GiveUp();
function giveUp(): never {
  throw GIVE_UP_ERROR;
}

// Tabs, CR, BOM, controls, C1, U+2028/9, non-characters, surrogates: js-yaml
// treats some of these specially (or fails), so none of them is read here.
// (One character class: a regex with lookaheads for lone surrogates costs 3x.)
/** Characters the subset reader does not read (decode tests for them once, for both). */
export const REFUSED = /[\x00-\x09\x0B-\x1F\x7F-\x9F\u2028\u2029\uD800-\uDFFF\uFEFF\uFFFE\uFFFF]/;

const NL = 0x0a, SP = 0x20, HASH = 0x23, COLON = 0x3a, DQ = 0x22, SQ = 0x27, DASH = 0x2d;

// Characters that cannot start a plain scalar here: js-yaml's indicators plus
// `-` `?` `:` (which could start an entry or an explicit key; `-1` is let through).
const NO_PLAIN_START = new Uint8Array(128);
for (const c of ' \n,[]{}#&*!|>\'"%@`?:-') NO_PLAIN_START[c.charCodeAt(0)] = 1;
// What may follow a count: in a flow collection (`,` `]` `}` or a space), or on a block value's line (a space or the line break).
const FLOW_STOP = new Uint8Array(128);
for (const c of ',]} ') FLOW_STOP[c.charCodeAt(0)] = 1;
const LINE_STOP = new Uint8Array(128);
for (const c of ' \n') LINE_STOP[c.charCodeAt(0)] = 1;
// What a plain key or flow scalar stops to look at.
const SPECIAL = new Uint8Array(128);
for (const c of ' \n,[]{}:#') SPECIAL[c.charCodeAt(0)] = 1;
const isFlowIndicator = (c: number) => c === 0x2c || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d;

/**
 * Parses `text` if it is in the subset, giving what js-yaml gives; GIVE_UP otherwise.
 * `implicit` are the schema's implicit types (construct may report odd numbers);
 * `knownClean`: the caller found none of REFUSED's characters in the text.
 */
export function parseSubset(text: string, maxDepth: number, implicit: readonly ImplicitType[], knownClean = false): unknown {
  if (!knownClean && REFUSED.test(text)) return GIVE_UP;
  // As js-yaml, a final line break is added: every scan then stops at a line break.
  // (No sentinel is appended: charCodeAt on a concatenated string is much slower.)
  const s = text.length === 0 || text.charCodeAt(text.length - 1) !== NL ? text + '\n' : text;
  const len = s.length;
  const nTypes = implicit.length;
  let pos = 0;

  const resolve = (plain: string): unknown => {
    for (let i = 0; i < nTypes; i++) {
      const t = implicit[i]!;
      if (t.resolve(plain)) return t.construct(plain);
    }
    return plain;
  };

  /**
   * From a line start, skips blank and comment lines; returns the next line's indent
   * (pos at its first character), or -1 at the end. Comment lines may have any indent:
   * js-yaml skips them too (after a plain scalar, a `#` after a space ends it).
   */
  const seekContent = (): number => {
    for (;;) {
      if (pos >= len) return -1;
      let i = pos;
      while (s.charCodeAt(i) === SP) i++;
      const c = s.charCodeAt(i);
      if (c === NL) { pos = i + 1; continue; }
      if (c === HASH) { pos = s.indexOf('\n', i) + 1; continue; }
      const indent = i - pos;
      pos = i;
      return indent;
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

  const doubleQuoted = (): string => {
    const start = ++pos;
    for (;;) {
      const c = s.charCodeAt(pos);
      if (c === DQ) break;
      // Escapes and line folding are left to js-yaml.
      if (c === 0x5c || c === NL) giveUp();
      pos++;
    }
    return s.slice(start, pos++);
  };

  const singleQuoted = (): string => {
    let out = '';
    let start = ++pos;
    for (;;) {
      const c = s.charCodeAt(pos);
      if (c === SQ) {
        if (s.charCodeAt(pos + 1) !== SQ) break;
        out += s.slice(start, pos + 1);
        pos += 2;
        start = pos;
        continue;
      }
      if (c === NL) giveUp();
      pos++;
    }
    return out + s.slice(start, pos++);
  };

  /** A plain scalar inside a flow collection, ending at a flow indicator; `:` ends a key and is refused elsewhere. */
  const flowPlain = (isKey: boolean): string => {
    const start = pos;
    const c0 = s.charCodeAt(pos);
    if (c0 < 128 && NO_PLAIN_START[c0] === 1 && !(c0 === DASH && !isFlowEnd(s.charCodeAt(pos + 1)))) giveUp();
    let end = pos;
    for (;;) {
      const c = s.charCodeAt(pos);
      if (c < 128 && SPECIAL[c] === 1) {
        if (c === SP) { pos++; continue; }
        if (isFlowIndicator(c)) break;
        if (c === COLON && isKey && s.charCodeAt(pos + 1) === SP) break;
        giveUp(); // another `:`, `#`, or the line's end
      }
      end = ++pos;
    }
    return s.slice(start, end);
  };
  const isFlowEnd = (c: number) => c === SP || c === NL || isFlowIndicator(c);

  const skipSpaces = () => {
    while (s.charCodeAt(pos) === SP) pos++;
  };

  /**
   * A count as reports write it (0, or 1 to 15 digits without a leading zero) ending
   * where `stop` says: its value, pos after it; else -1, pos unmoved. The schema reads
   * these as Number(text), plainly (tests/differential/subset.test.ts checks it);
   * computing it here skips a slice and three regexes per cell.
   */
  const count = (stop: Uint8Array): number => {
    let i = pos;
    let c = s.charCodeAt(i);
    if (c === 0x30) {
      c = s.charCodeAt(++i);
      if (c < 128 && stop[c] === 1) { pos = i; return 0; }
      return -1;
    }
    let n = 0;
    while (c >= 0x30 && c <= 0x39) {
      n = n * 10 + (c - 0x30);
      c = s.charCodeAt(++i);
    }
    if (i === pos || i - pos > 15 || !(c < 128 && stop[c] === 1)) return -1;
    pos = i;
    return n;
  };

  const flowNode = (level: number): unknown => {
    const c = s.charCodeAt(pos);
    if (c >= 0x30 && c <= 0x39) {
      const n = count(FLOW_STOP);
      if (n >= 0) return n;
    }
    if (c === 0x7b || c === 0x5b) return flow(level);
    if (c === DQ) return doubleQuoted();
    if (c === SQ) return singleQuoted();
    return resolve(flowPlain(false));
  };

  const flowKey = (): string => {
    const c = s.charCodeAt(pos);
    const key = c === DQ ? doubleQuoted() : c === SQ ? singleQuoted() : String(resolve(flowPlain(true)));
    if (key === '__proto__') giveUp();
    return key;
  };

  /** After a flow entry: `,` (maybe then the end) or the end. True at the end, pos after it. */
  const flowNext = (term: number): boolean => {
    skipSpaces();
    const c = s.charCodeAt(pos);
    if (c === term) { pos++; return true; }
    if (c !== 0x2c) giveUp();
    pos++;
    skipSpaces();
    if (s.charCodeAt(pos) === term) { pos++; return true; }
    return false;
  };

  /** `{…}` or `[…]` on one line, at `level`. */
  const flow = (level: number): unknown => {
    if (level + 1 >= maxDepth) giveUp();
    const isMap = s.charCodeAt(pos) === 0x7b;
    pos++;
    skipSpaces();
    if (isMap) {
      const obj: Record<string, unknown> = {};
      if (s.charCodeAt(pos) === 0x7d) { pos++; return obj; }
      do {
        const key = flowKey();
        skipSpaces();
        if (s.charCodeAt(pos) !== COLON || s.charCodeAt(pos + 1) !== SP) giveUp();
        pos += 2;
        skipSpaces();
        const c = s.charCodeAt(pos);
        // An empty value (null for js-yaml) is left to js-yaml.
        if (c === 0x2c || c === 0x7d) giveUp();
        const value = flowNode(level + 1);
        if (Object.prototype.hasOwnProperty.call(obj, key)) giveUp();
        obj[key] = value;
      } while (!flowNext(0x7d));
      return obj;
    }
    const arr: unknown[] = [];
    if (s.charCodeAt(pos) === 0x5d) { pos++; return arr; }
    // (`[a: 1]` holds a pair for js-yaml: flowNext refuses the `:`.)
    do arr.push(flowNode(level + 1));
    while (!flowNext(0x5d));
    return arr;
  };

  /** js-yaml's readBlockScalar, for `|` or `>` at pos; `nodeIndent` is the mapping's indent + 1. Leaves pos on the first character of the line that ended it. */
  let lineIndent = 0;
  const blockScalar = (nodeIndent: number): string => {
    const folding = s.charCodeAt(pos) === 0x3e;
    let chomping = 0; // 0 clip, 1 strip, 2 keep
    let detectedIndent = false;
    let textIndent = nodeIndent;
    let emptyLines = 0;
    let atMoreIndented = false;
    let didReadContent = false;
    let result = '';
    let ch: number;
    for (;;) {
      ch = s.charCodeAt(++pos);
      if (ch === 0x2b || ch === DASH) {
        if (chomping !== 0) giveUp();
        chomping = ch === 0x2b ? 2 : 1;
      } else if (ch >= 0x30 && ch <= 0x39) {
        if (ch === 0x30 || detectedIndent) giveUp();
        textIndent = nodeIndent + (ch - 0x30) - 1;
        detectedIndent = true;
      } else break;
    }
    if (ch === SP) {
      do ch = s.charCodeAt(++pos); while (ch === SP);
      if (ch === HASH) {
        pos = s.indexOf('\n', pos);
        ch = NL;
      }
    }
    if (ch !== NL) giveUp();
    // At a line break; the end of the text ends the scalar (its indent, 0, is below textIndent).
    for (;;) {
      pos++;
      lineIndent = 0;
      ch = s.charCodeAt(pos);
      while ((!detectedIndent || lineIndent < textIndent) && ch === SP) {
        lineIndent++;
        ch = s.charCodeAt(++pos);
      }
      if (!detectedIndent && lineIndent > textIndent) textIndent = lineIndent;
      if (ch === NL) {
        emptyLines++;
        continue;
      }
      if (!detectedIndent && textIndent === 0) giveUp();
      if (lineIndent < textIndent) {
        if (chomping === 2) result += '\n'.repeat(didReadContent ? 1 + emptyLines : emptyLines);
        else if (chomping === 0 && didReadContent) result += '\n';
        break;
      }
      if (folding) {
        if (ch === SP) {
          atMoreIndented = true;
          result += '\n'.repeat(didReadContent ? 1 + emptyLines : emptyLines);
        } else if (atMoreIndented) {
          atMoreIndented = false;
          result += '\n'.repeat(emptyLines + 1);
        } else if (emptyLines === 0) {
          if (didReadContent) result += ' ';
        } else {
          result += '\n'.repeat(emptyLines);
        }
      } else {
        result += '\n'.repeat(didReadContent ? 1 + emptyLines : emptyLines);
      }
      didReadContent = true;
      detectedIndent = true;
      emptyLines = 0;
      const start = pos;
      pos = s.indexOf('\n', pos);
      result += s.slice(start, pos);
      ch = NL;
    }
    return result;
  };

  /** A key at pos (the first character of its line): plain on one line, or quoted. Leaves pos after `: ` or at the line break after `:`. */
  const blockKey = (): string => {
    const c0 = s.charCodeAt(pos);
    let key: string;
    if (c0 === DQ) key = doubleQuoted();
    else if (c0 === SQ) key = singleQuoted();
    else {
      // `.` too: `...` at the start of a line ends the document.
      if ((c0 < 128 && NO_PLAIN_START[c0] === 1) || c0 === 0x2e) giveUp();
      const start = pos;
      let end = pos;
      for (;;) {
        const c = s.charCodeAt(pos);
        if (c < 128 && SPECIAL[c] === 1) {
          if (c === SP) { pos++; continue; }
          if (c === COLON) {
            const n = s.charCodeAt(pos + 1);
            if (n === SP || n === NL) break;
          } else giveUp(); // `#`, a flow indicator, or the line's end
        }
        end = ++pos;
      }
      key = String(resolve(s.slice(start, end)));
    }
    if (s.charCodeAt(pos) !== COLON) giveUp();
    const n = s.charCodeAt(++pos);
    if (n === SP) pos++;
    else if (n !== NL) giveUp();
    if (key === '__proto__') giveUp();
    return key;
  };

  /** A plain scalar value at pos, to the end of the line or to ` #`; pos after its last non-space. */
  const blockPlain = (): unknown => {
    const c = s.charCodeAt(pos);
    if (c < 128 && NO_PLAIN_START[c] === 1 && !(c === DASH && s.charCodeAt(pos + 1) !== SP && s.charCodeAt(pos + 1) !== NL)) giveUp();
    const start = pos;
    let end = pos;
    for (;;) {
      const d = s.charCodeAt(pos);
      if (d === NL) break;
      if (d === COLON) {
        // `a: b: c` is an error for js-yaml.
        const n = s.charCodeAt(pos + 1);
        if (n === SP || n === NL) giveUp();
      } else if (d === HASH && s.charCodeAt(pos - 1) === SP) break;
      pos++;
      if (d !== SP) end = pos;
    }
    pos = end;
    return resolve(s.slice(start, end));
  };

  /**
   * The entries of a block mapping whose keys are at `indent`, pos on the first key.
   * Returns the mapping; `lineIndent` is then the indent of the line after it (-1 at the end).
   */
  const blockMapping = (indent: number, level: number): Record<string, unknown> => {
    if (level + 1 >= maxDepth) giveUp();
    const obj: Record<string, unknown> = {};
    for (;;) {
      const key = blockKey();
      if (Object.prototype.hasOwnProperty.call(obj, key)) giveUp();
      skipSpaces();
      const c = s.charCodeAt(pos);
      let value: unknown = null;
      let next: number;
      if (c === NL || c === HASH) {
        // Nothing on the key's line: a nested mapping below it, or null.
        pos = s.indexOf('\n', pos) + 1;
        next = seekContent();
        if (next > indent) {
          value = blockMapping(next, level + 1);
          next = lineIndent;
        } // (a `-` entry at the key's indent is refused as a key)
      } else {
        if (c === 0x7c || c === 0x3e) {
          value = blockScalar(indent + 1);
          // pos is on the first character of the line that ended it.
          if (pos >= len) next = -1;
          else if (s.charCodeAt(pos) === HASH) {
            pos = s.indexOf('\n', pos) + 1;
            next = seekContent();
          } else next = lineIndent;
        } else {
          if (c === DQ) value = doubleQuoted();
          else if (c === SQ) value = singleQuoted();
          else if (c === 0x7b || c === 0x5b) value = flow(level + 1);
          else {
            const n = c >= 0x30 && c <= 0x39 ? count(LINE_STOP) : -1;
            value = n >= 0 ? n : blockPlain();
          }
          endLine();
          next = seekContent();
        }
      }
      obj[key] = value;
      if (next === indent) continue;
      // A deeper line after a value is an error, or more of a plain scalar, for js-yaml.
      if (next > indent) giveUp();
      lineIndent = next;
      return obj;
    }
  };

  try {
    if (seekContent() !== 0 || maxDepth <= 0) return GIVE_UP;
    return blockMapping(0, 0);
  } catch (e) {
    if (e === GIVE_UP_ERROR) return GIVE_UP;
    throw e;
  }
}
