// A table region → one stream of cells. Pages flatten tables in several ways:
// one row per line split by tabs or "|", one cell per line ending in "|", bare
// lines (one cell per line, blank cells lost), or words separated by spaces
// (flip-book pages). HTML rows keep their grid positions.
import type { Unit } from './extract.js';
import { MAX_CELLS, TooLarge } from './limits.js';
import { asciiDigits } from './normalize.js';

export interface StreamCell {
  readonly text: string;
  /** Last cell of a row, when the source has real rows (HTML, one row per line). */
  readonly rowEnd?: boolean;
  /** Grid position in an HTML table. */
  readonly col?: number;
  readonly span?: number;
  readonly width?: number;
  /** Footnote marks left out of `text` (HTML and Word cells). */
  readonly marks?: readonly string[];
}

export type Value =
  | { readonly kind: 'empty' }
  | { readonly kind: 'marker'; readonly raw: string }
  | { readonly kind: 'number'; readonly value: number; readonly raw: string }
  | { readonly kind: 'junk'; readonly raw: string }
  /** Digits in pieces: two numbers, or one broken by a line break (`lineBreak`); never glued into one. */
  | { readonly kind: 'several'; readonly raw: string; readonly lineBreak: boolean }
  | { readonly kind: 'text' };

const MARKER = /^[\/／\\—–\-－一_~～×xX*＊无－]+$/;
const PLAIN = /^\d+(\.\d+)?$/;
const GROUPED = /^\d{1,3}(,\d{3})+(\.\d+)?$/;
const JUNK = /^(减|增|\+|-|−)?\s*\d[\d,.]*\s*(元|万元|万|件|条|个|项|人次|次)?$/;

/** Characters that take no room: what a reader sees is the text without them. */
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;
/** Two runs of digits with only space (no-break and ideographic space too) or a line break between them. */
const PIECES = /\d[.,]?\s+[.,]?\d/;

/** Digits in pieces, as printed (a line break shown as ↵); undefined when the digits are one run. */
export function splitDigits(visible: string): Value | undefined {
  const pieces = PIECES.exec(visible);
  if (!pieces) return undefined;
  const raw = visible.split(/[\n\r]+/).map((l) => l.replace(/\s+/g, ' ').trim()).filter((l) => l !== '').join('↵');
  return { kind: 'several', raw, lineBreak: /[\n\r]/.test(pieces[0]) };
}

export function classify(text: string): Value {
  const visible = asciiDigits(text.replace(INVISIBLE, ''));
  const t = visible.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
  if (t === '') return { kind: 'empty' };
  if (MARKER.test(t.replace(/\s/g, ''))) return { kind: 'marker', raw: t };
  const compact = t.replace(/\s/g, '');
  if (PLAIN.test(compact) || GROUPED.test(compact)) {
    const split = splitDigits(visible);
    return split ?? { kind: 'number', value: Number(compact.replace(/,/g, '')), raw: t };
  }
  // "5 6件" would read as 56件: pieces of a count are not one.
  if (JUNK.test(compact)) return splitDigits(visible) ?? (JUNK.test(t) ? { kind: 'junk', raw: t } : { kind: 'text' });
  if (JUNK.test(t)) return { kind: 'junk', raw: t };
  return { kind: 'text' };
}

export const isValueLike = (v: Value): boolean => v.kind !== 'text';

const GFM_DELIMITER = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;

/** "四、结转下年度继续办理 0 0 0 0 0 0 0" → the label and seven cells; "0 0 0" → three cells. */
function splitTrailingValues(text: string): string[] {
  const words = text.trim().split(/[ \u00a0\u3000]+/);
  if (words.length < 2) return [text];
  if (words.length > MAX_CELLS) throw new TooLarge('cells', MAX_CELLS);
  let k = words.length;
  while (k > 0) {
    const v = classify(words[k - 1]!);
    if (v.kind !== 'number' && v.kind !== 'marker') break;
    k--;
  }
  if (k === words.length) return [text];
  // One trailing number after text is common prose ("第 3"), so ask for a label-like head.
  if (k > 0 && words.length - k === 1 && !/[情况数量项目政府信息申请处理公开诉讼复议计收费许可处罚强制]$/.test(words[k - 1]!)) return [text];
  return k === 0 ? words : [words.slice(0, k).join(' '), ...words.slice(k)];
}

type Mode = 'tab' | 'pipe-rows' | 'pipe-cells' | 'bare';

function textMode(lines: readonly string[]): Mode {
  const nonBlank = lines.filter((l) => l.trim() !== '');
  if (!nonBlank.length) return 'bare';
  const tabs = nonBlank.filter((l) => l.includes('\t')).length;
  const pipes = nonBlank.filter((l) => l.includes('|'));
  if (tabs >= nonBlank.length * 0.3 && tabs >= pipes.length) return 'tab';
  if (pipes.length >= nonBlank.length * 0.3) {
    const multi = pipes.filter((l) => l.split('|').filter((s) => s.trim() !== '').length >= 2).length;
    return multi >= pipes.length * 0.5 ? 'pipe-rows' : 'pipe-cells';
  }
  return 'bare';
}

function rowOf(texts: string[]): StreamCell[] {
  const out: StreamCell[] = [];
  for (const t of texts) for (const part of splitTrailingValues(t)) out.push({ text: part.trim() });
  if (out.length) out[out.length - 1] = { ...out[out.length - 1]!, rowEnd: true };
  return out;
}

/** The cells of a region: HTML rows as they are, runs of text lines by their detected layout. */
export function toStream(units: readonly Unit[]): StreamCell[] {
  const out: StreamCell[] = [];
  let lines: string[] = [];
  const flushLines = () => {
    if (!lines.length) return;
    const mode = textMode(lines);
    if (mode === 'tab' || mode === 'pipe-rows') {
      for (const line of lines) {
        if (line.trim() === '' || GFM_DELIMITER.test(line)) continue;
        // A page may mix both: each line is split by what it holds.
        const byPipe = mode === 'pipe-rows' ? !line.includes('\t') || line.includes('|') : !line.includes('\t') && line.includes('|');
        let parts = byPipe ? line.split('|') : line.split('\t');
        if (byPipe) {
          if (parts[0]?.trim() === '') parts = parts.slice(1);
          if (parts.length && parts[parts.length - 1]?.trim() === '') parts = parts.slice(0, -1);
        }
        if (parts.every((p) => p.trim() === '') && mode === 'pipe-rows') continue;
        if (out.length + parts.length > MAX_CELLS) throw new TooLarge('cells', MAX_CELLS);
        for (const c of rowOf(parts)) out.push(c);
      }
    } else if (mode === 'pipe-cells') {
      // Each cell ends in "|"; a line without one is a cell of its own (a wrapped label is joined later).
      for (const line of lines) {
        if (line.trim() === '' || GFM_DELIMITER.test(line)) continue;
        const parts = line.split('|');
        if (parts.length > 1 && parts[parts.length - 1]!.trim() === '') parts.pop();
        for (const part of parts) for (const p of splitTrailingValues(part.trim())) out.push({ text: p.trim() });
        if (out.length > MAX_CELLS) throw new TooLarge('cells', MAX_CELLS);
      }
    } else {
      for (const line of lines) {
        if (line.trim() === '') continue;
        for (const p of splitTrailingValues(line)) out.push({ text: p.trim() });
        if (out.length > MAX_CELLS) throw new TooLarge('cells', MAX_CELLS);
      }
    }
    lines = [];
  };
  for (const u of units) {
    if (u.kind === 'line') { lines.push(u.text); continue; }
    flushLines();
    if (out.length + u.cells.length > MAX_CELLS) throw new TooLarge('cells', MAX_CELLS);
    u.cells.forEach((c, i) => out.push({ text: c.text, col: c.col, span: c.span, width: u.width, ...(i === u.cells.length - 1 ? { rowEnd: true } : {}), ...(c.marks ? { marks: c.marks } : {}) }));
  }
  flushLines();
  return out;
}
