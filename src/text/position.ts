// Maps an offset inside a string value back to its line and column in the
// source: YAML block scalars (| and >), double- and single-quoted and plain
// scalars (with line folding), and JSON strings (with escapes). The decoding
// is redone here with a position for every character, and checked against
// the parsed value: on any disagreement the caller keeps the value's start.
import type { Position } from '../diagnostics/finding.js';
import { lineStartsOf, offsetToPosition } from '../load/json-scan.js';

interface Decoded {
  text: string;
  /** Source offset of every decoded UTF-16 unit. */
  at: number[];
}

/**
 * Position of `offset` (UTF-16 index into `value`) in `source`, where the
 * value's node starts at `valueStart`; undefined when it cannot be placed.
 */
export function positionInValue(source: string, kind: 'yaml' | 'json', valueStart: Position, value: string, offset: number): Position | undefined {
  const starts = lineStartsOf(source);
  const lineStart = starts[valueStart.line - 1];
  if (lineStart === undefined || offset < 0 || offset >= value.length) return undefined;
  const start = lineStart + valueStart.column - 1;
  let d: Decoded | undefined;
  try {
    d = kind === 'json' ? decodeJsonString(source, start) : decodeYamlScalar(source, start, starts, valueStart.line);
  } catch {
    return undefined;
  }
  if (!d || d.text.length <= offset || d.text.slice(0, offset + 1) !== value.slice(0, offset + 1)) return undefined;
  return offsetToPosition(starts, d.at[offset]!);
}

function decodeJsonString(src: string, start: number): Decoded | undefined {
  if (src[start] !== '"') return undefined;
  const out: Decoded = { text: '', at: [] };
  let i = start + 1;
  while (i < src.length && src[i] !== '"') {
    if (src[i] === '\\') {
      const c = src[i + 1];
      let ch: string;
      let len = 2;
      if (c === 'u') { ch = String.fromCharCode(parseInt(src.slice(i + 2, i + 6), 16)); len = 6; }
      else ch = ({ n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '"': '"', '\\': '\\', '/': '/' } as Record<string, string>)[c ?? ''] ?? '';
      out.text += ch;
      out.at.push(i);
      i += len;
    } else {
      out.text += src[i];
      out.at.push(i);
      i++;
    }
  }
  return out;
}

const indentOf = (line: string) => /^ */.exec(line)![0].length;

function lineAt(src: string, starts: number[], n: number): string | undefined {
  const s = starts[n];
  if (s === undefined) return undefined;
  const e = starts[n + 1] ?? src.length;
  return src.slice(s, e).replace(/\r?\n$|\r$/, '');
}

function decodeYamlScalar(src: string, start: number, starts: number[], line: number): Decoded | undefined {
  const c = src[start];
  const headerLine = lineAt(src, starts, line - 1) ?? '';
  const parentIndent = indentOf(headerLine);
  if (c === '|' || c === '>') return decodeBlock(src, start, starts, line, parentIndent, c === '>');
  if (c === '"' || c === "'") return decodeQuoted(src, start, c);
  return decodePlain(src, start, starts, line, parentIndent);
}

function decodeBlock(src: string, start: number, starts: number[], line: number, parentIndent: number, folded: boolean): Decoded {
  const header = /^[|>]([1-9+-]*)/.exec(src.slice(start))![1]!;
  const explicit = /[1-9]/.exec(header);
  const lines: { s: string; at: number }[] = [];
  for (let n = line; n < starts.length; n++) {
    const s = lineAt(src, starts, n);
    if (s === undefined) break;
    lines.push({ s, at: starts[n]! });
  }
  let indent = explicit ? parentIndent + Number(explicit[0]) : 0;
  if (!explicit) {
    const first = lines.find((l) => /[^ ]/.test(l.s));
    indent = first ? indentOf(first.s) : 0;
  }
  const out: Decoded = { text: '', at: [] };
  const push = (ch: string, at: number) => { out.text += ch; out.at.push(at); };
  let prev: 'text' | 'more' | undefined;
  let pendingEmpty: number[] = [];
  for (const l of lines) {
    // Only spaces, no deeper than the indentation: an empty line (a tab is content).
    const blank = /^ *$/.test(l.s) && l.s.length <= indent;
    if (!blank && indentOf(l.s) < indent && /[^ ]/.test(l.s)) break;
    if (blank) { pendingEmpty.push(l.at + l.s.length); continue; }
    const content = l.s.slice(indent);
    const type = /^[ \t]/.test(content) ? 'more' : 'text';
    if (!folded) {
      for (const e of pendingEmpty) push('\n', e);
    } else if (prev === undefined) {
      for (const e of pendingEmpty) push('\n', e);
    } else if (prev === 'text' && type === 'text') {
      if (pendingEmpty.length) {
        out.text = out.text.slice(0, -1); // the break itself is dropped; each empty line is one
        out.at.pop();
        for (const e of pendingEmpty) push('\n', e);
      } else {
        out.text = out.text.slice(0, -1) + ' '; // the line break folds into a space
      }
    } else {
      for (const e of pendingEmpty) push('\n', e);
    }
    pendingEmpty = [];
    for (let j = 0; j < content.length; j++) push(content[j]!, l.at + indent + j);
    push('\n', l.at + l.s.length);
    prev = type;
  }
  return out;
}

function decodeQuoted(src: string, start: number, q: '"' | "'"): Decoded {
  const out: Decoded = { text: '', at: [] };
  const push = (ch: string, at: number) => { out.text += ch; out.at.push(at); };
  let i = start + 1;
  while (i < src.length) {
    const ch = src[i]!;
    if (ch === q) {
      if (q === "'" && src[i + 1] === "'") { push("'", i); i += 2; continue; }
      break;
    }
    if (q === '"' && ch === '\\') {
      const e = src[i + 1]!;
      if (e === '\n' || e === '\r') {
        // Escaped line break: joins the lines with nothing in between.
        i += e === '\r' && src[i + 2] === '\n' ? 3 : 2;
        while (src[i] === ' ' || src[i] === '\t') i++;
        continue;
      }
      const hex = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
      if (hex) {
        const cp = parseInt(src.slice(i + 2, i + 2 + hex), 16);
        const s = String.fromCodePoint(cp);
        for (const u of s.split('')) push(u, i);
        i += 2 + hex;
        continue;
      }
      const map: Record<string, string> = { '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b', ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029' };
      push(map[e] ?? e, i);
      i += 2;
      continue;
    }
    if (ch === '\n' || ch === '\r') {
      i = fold(src, i, out);
      continue;
    }
    push(ch, i);
    i++;
  }
  return out;
}

/** Flow-scalar line folding at a line break: trailing blanks dropped, one break → space, n empty lines → n breaks. */
function fold(src: string, i: number, out: Decoded): number {
  while (out.text.endsWith(' ') || out.text.endsWith('\t')) { out.text = out.text.slice(0, -1); out.at.pop(); }
  const breakAt = i;
  const skipBreak = (k: number) => (src[k] === '\r' && src[k + 1] === '\n' ? k + 2 : k + 1);
  i = skipBreak(i);
  const empties: number[] = [];
  for (;;) {
    let k = i;
    while (src[k] === ' ' || src[k] === '\t') k++;
    if (src[k] === '\n' || src[k] === '\r') { empties.push(k); i = skipBreak(k); continue; }
    i = k;
    break;
  }
  if (empties.length) for (const e of empties) { out.text += '\n'; out.at.push(e); }
  else { out.text += ' '; out.at.push(breakAt); }
  return i;
}

function decodePlain(src: string, start: number, starts: number[], line: number, parentIndent: number): Decoded {
  const out: Decoded = { text: '', at: [] };
  let i = start;
  let n = line - 1;
  for (;;) {
    const end = (starts[n + 1] ?? src.length + 1) - 1;
    let lineEnd = Math.min(end, src.length);
    if (src[lineEnd - 1] === '\r') lineEnd--;
    // A comment ends the scalar.
    for (let k = i; k < lineEnd; k++) {
      if (src[k] === '#' && (k === 0 || src[k - 1] === ' ' || src[k - 1] === '\t')) { lineEnd = k; break; }
    }
    for (let k = i; k < lineEnd; k++) { out.text += src[k]; out.at.push(k); }
    while (out.text.endsWith(' ') || out.text.endsWith('\t')) { out.text = out.text.slice(0, -1); out.at.pop(); }
    // Continuation lines are more indented than the key's line.
    let m = n + 1;
    let empties = 0;
    const emptyAt: number[] = [];
    let next: string | undefined;
    for (; m < starts.length; m++) {
      next = lineAt(src, starts, m);
      if (next === undefined) break;
      if (next.trim() === '') { empties++; emptyAt.push(starts[m]!); continue; }
      break;
    }
    if (next === undefined || next.trim() === '' || indentOf(next) <= parentIndent || /^\s*#/.test(next)) return out;
    if (empties) for (const e of emptyAt) { out.text += '\n'; out.at.push(e); }
    else { out.text += ' '; out.at.push(lineEnd); }
    n = m;
    i = starts[m]! + indentOf(next);
  }
}
