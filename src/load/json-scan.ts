// A single pass over JSON text that records where each value starts, finds
// duplicate keys (JSON.parse silently keeps the last) and places syntax errors.
import type { Position } from '../diagnostics/finding.js';
import { joinPointer } from '../model/cells.js';

export interface JsonScan {
  /** Pointer → offset of the value, and of its key. */
  readonly values: Map<string, number>;
  readonly keys: Map<string, number>;
  readonly duplicates: { pointer: string; key: string; offset: number; firstOffset: number }[];
  readonly error?: { message: string; offset: number };
}

const MAX_DEPTH = 64;

export function scanJson(text: string, maxDepth = MAX_DEPTH): JsonScan {
  const values = new Map<string, number>();
  const keys = new Map<string, number>();
  const duplicates: JsonScan['duplicates'] = [];
  let i = 0;
  const n = text.length;

  const ws = () => { while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++; };
  const fail = (message: string): never => { throw { message, offset: i }; };

  const str = (): string => {
    const start = i++;
    while (i < n && text[i] !== '"') {
      if (text[i] === '\\') i++;
      else if (text.charCodeAt(i) < 0x20) fail('control character in string');
      i++;
    }
    if (i >= n) { i = start; fail('unterminated string'); }
    i++;
    try { return JSON.parse(text.slice(start, i)) as string; } catch { i = start; return fail('invalid escape in string'); }
  };

  const value = (path: (string | number)[], depth: number): void => {
    if (depth > maxDepth) fail('nesting too deep');
    ws();
    values.set(joinPointer(path), i);
    const c = text[i];
    if (c === '{') {
      i++; ws();
      const seen = new Map<string, number>();
      if (text[i] === '}') { i++; return; }
      for (;;) {
        ws();
        if (text[i] !== '"') fail('expected a "key" in double quotes');
        const keyAt = i;
        const k = str();
        const p = [...path, k];
        const first = seen.get(k);
        if (first !== undefined) duplicates.push({ pointer: joinPointer(p), key: k, offset: keyAt, firstOffset: first });
        else { seen.set(k, keyAt); keys.set(joinPointer(p), keyAt); }
        ws();
        if (text[i] !== ':') fail('expected ":" after a key');
        i++;
        value(p, depth + 1);
        ws();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === '}') { i++; return; }
        fail('expected "," or "}"');
      }
    } else if (c === '[') {
      i++; ws();
      if (text[i] === ']') { i++; return; }
      for (let idx = 0; ; idx++) {
        value([...path, idx], depth + 1);
        ws();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === ']') { i++; return; }
        fail('expected "," or "]"');
      }
    } else if (c === '"') {
      str();
    } else {
      const m = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?|^true|^false|^null/.exec(text.slice(i, i + 400));
      if (!m) fail(i >= n ? 'unexpected end of input' : `unexpected character ${JSON.stringify(text[i])}`);
      i += m![0].length;
    }
  };

  try {
    value([], 0);
    ws();
    if (i < n) fail('unexpected text after the end of the JSON value');
    return { values, keys, duplicates };
  } catch (e) {
    const err = e as { message: string; offset: number };
    if (typeof err.offset !== 'number') throw e;
    return { values, keys, duplicates, error: err };
  }
}

/** 1-based line and column of an offset (columns count UTF-16 code units). */
export function offsetToPosition(lineStarts: readonly number[], offset: number): Position {
  let lo = 0, hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid]! <= offset) lo = mid; else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - lineStarts[lo]! + 1 };
}

export function lineStartsOf(text: string): number[] {
  const starts = [0];
  if (!text.includes('\r')) {
    // Line feeds only (the usual case): a native search from one to the next.
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) { if (text.charCodeAt(i + 1) === 10) i++; starts.push(i + 1); }
  }
  return starts;
}
