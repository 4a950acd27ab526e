// Reading the three tables from a cell stream: find each row by its official
// label (in order, tolerating wrapped and prefixed labels), then place the
// value cells that follow it. A cell that cannot be placed with certainty is
// a gap, never a guess.
import { classify, type StreamCell, type Value } from './cells.js';
import type { LabelEntry } from './labels.js';
import { asciiDigits, norm } from './normalize.js';
import type { Gap, Note } from './types.js';

export interface RowRead {
  readonly entry: LabelEntry;
  /** Stream index of the label's first cell, and one past its last. */
  readonly at: number;
  readonly end: number;
  readonly raw: readonly StreamCell[];
  /** The label cell was the last of its row. */
  readonly labelEndsRow: boolean;
}

export interface CellRead {
  readonly pointer: string;
  readonly value?: number;
  readonly gap?: Gap;
  readonly note?: Note;
}

export interface TableRead {
  readonly cells: CellRead[];
  readonly gaps: Gap[];
  readonly notes: Note[];
  readonly rowsFound: number;
  /** Label entries found with value cells right after a group heading (the 2019 single-row （六）). */
  readonly groupWithValues: string[];
}

const MAX_JOIN = 4;

/** Finds labels in order: returns, for each stream index where a label starts, the entry and cells used. */
export function findLabels(stream: readonly StreamCell[], entries: readonly LabelEntry[]): { entryIndex: number; at: number; end: number }[] {
  const forms = new Map<string, number>();
  const prefixes = new Set<string>();
  entries.forEach((e, i) => {
    for (const f of e.forms) {
      if (!forms.has(f)) forms.set(f, i);
      for (let k = 1; k < f.length; k++) prefixes.add(f.slice(0, k));
    }
  });
  const found: { entryIndex: number; at: number; end: number }[] = [];
  // Each cell is normalised once, though a label may be tried from each of the MAX_JOIN cells before it.
  const normed: (string | undefined)[] = new Array(stream.length);
  let next = 0;
  for (let i = 0; i < stream.length; i++) {
    let joined = '';
    for (let j = i; j < Math.min(stream.length, i + MAX_JOIN); j++) {
      const n = (normed[j] ??= norm(stream[j]!.text));
      if (n === '') break;
      joined += n;
      const hit = forms.get(joined);
      if (hit !== undefined && hit >= next) {
        found.push({ entryIndex: hit, at: i, end: j + 1 });
        next = hit + 1;
        i = j;
        break;
      }
      if (!prefixes.has(joined)) break;
    }
  }
  return found;
}

/** Value cells after a label: up to the next label, a text cell or (where rows are real) the row's end. */
function valueCells(stream: readonly StreamCell[], from: number, until: number, labelEndsRow: boolean): StreamCell[] {
  const out: StreamCell[] = [];
  let crossed = !labelEndsRow;
  for (let j = from; j < until; j++) {
    const c = stream[j]!;
    if (classify(c.text).kind === 'text') break;
    out.push(c);
    if (c.rowEnd) {
      if (crossed || out.some((x) => x.text.trim() !== '')) break;
      crossed = true;
    }
  }
  return out;
}

type Placement = { cells: (StreamCell | undefined)[] } | { unplaced: number };

const nonEmpty = (cs: readonly StreamCell[]) => cs.filter((c) => c.text.trim() !== '');

function trimEnd(cs: readonly StreamCell[]): StreamCell[] {
  let k = cs.length;
  while (k > 0 && cs[k - 1]!.text.trim() === '') k--;
  return cs.slice(0, k);
}

/** Where the printed values of one row go. `trail`: empty cells this table's layout puts after each full row. */
function place(raw: readonly StreamCell[], n: number, trail: number | undefined): Placement {
  const filled = nonEmpty(raw);
  if (filled.length === 0) return { cells: new Array<StreamCell | undefined>(n).fill(undefined) };
  // HTML grid: when the value cells cover exactly n columns, each goes by its column;
  // a blank cell merged over several columns leaves them all blank.
  const first = raw[0], last = raw[raw.length - 1];
  if (first?.col !== undefined && last?.col !== undefined && raw.every((c) => c.col !== undefined)) {
    const start = first.col;
    if (last.col + (last.span ?? 1) - start === n) {
      const cells = new Array<StreamCell | undefined>(n).fill(undefined);
      for (const c of raw) {
        const span = c.span ?? 1;
        if (span === 1) cells[c.col! - start] = c;
        else if (c.text.trim() !== '') return { unplaced: filled.length };
      }
      return { cells };
    }
  }
  if (filled.length === n) return { cells: filled };
  const trimmed = trimEnd(raw);
  if (trimmed.length === n) return { cells: trimmed };
  if (trimmed.length > n) {
    let lead = trimmed;
    while (lead.length > n && lead[0]!.text.trim() === '') lead = lead.slice(1);
    if (lead.length === n) return { cells: lead };
  }
  if (trail !== undefined && raw.length === n + trail) return { cells: raw.slice(0, n) };
  return { unplaced: filled.length };
}

function cellValue(pointer: string, c: StreamCell | undefined, integer: boolean): CellRead {
  const read = cellNumber(pointer, c, integer);
  // A footnote mark printed with the number is left out of it, and said so.
  if (read.value !== undefined && c?.marks?.length) return { ...read, note: { pointer, reason: 'mark-dropped', value: read.value, raw: c.marks.join(' ') } };
  return read;
}

function cellNumber(pointer: string, c: StreamCell | undefined, integer: boolean): CellRead {
  const v: Value = c ? classify(c.text) : { kind: 'empty' };
  switch (v.kind) {
    case 'number':
      if (integer && !Number.isInteger(v.value)) return { pointer, gap: { pointer, reason: 'not-integer', raw: v.raw } };
      if (!Number.isSafeInteger(Math.round(v.value))) return { pointer, gap: { pointer, reason: 'not-number', raw: v.raw } };
      return { pointer, value: v.value };
    case 'empty':
      return { pointer, gap: { pointer, reason: 'blank' } };
    case 'marker':
      return { pointer, gap: { pointer, reason: 'marker', raw: v.raw } };
    case 'several':
      return { pointer, gap: { pointer, reason: v.lineBreak ? 'split-number' : 'several-numbers', raw: v.raw } };
    default: {
      // A count printed with its unit ("5件") is that count; a fee in 万元 likewise. Yuan or "减4" are not.
      const raw = c?.text.trim() ?? '';
      const m = /^(\d[\d,]*(?:\.\d+)?)\s*(件|条|个|项|次|万元)$/.exec(asciiDigits(raw).replace(/\s+/g, ''));
      if (m && (m[2] === '万元') === !integer) {
        const value = Number(m[1]!.replace(/,/g, ''));
        if (!integer || Number.isInteger(value)) return { pointer, value };
      }
      return { pointer, gap: { pointer, reason: 'not-number', raw } };
    }
  }
}

/** Reads every row of one table from its region's stream. */
export function readRows(stream: readonly StreamCell[], entries: readonly LabelEntry[], options: {
  integerColumns?: (key: string) => boolean;
  /** A column read its own way (the 2019 edition's signed 本年增/减, an amount with its unit); undefined: the usual reading. */
  readCell?: (pointer: string, key: string, c: StreamCell | undefined) => CellRead | undefined;
} = {}): TableRead {
  const hits = findLabels(stream, entries);
  const rows: RowRead[] = hits.map((h, k) => {
    const until = k + 1 < hits.length ? hits[k + 1]!.at : stream.length;
    const labelEndsRow = Boolean(stream[h.end - 1]?.rowEnd);
    return { entry: entries[h.entryIndex]!, at: h.at, end: h.end, raw: valueCells(stream, h.end, until, labelEndsRow), labelEndsRow };
  });
  // The layout's trailing empty cells, learnt from rows printed in full.
  const trailByWidth = new Map<number, number | null>();
  for (const r of rows) {
    const n = r.entry.columns;
    if (!n || nonEmpty(r.raw).length !== n) continue;
    let t = 0;
    for (let k = r.raw.length - 1; k >= 0 && r.raw[k]!.text.trim() === ''; k--) t++;
    const lead = r.raw.findIndex((c) => c.text.trim() !== '');
    const seen = trailByWidth.get(n);
    const ok = lead === 0 && r.raw.length === n + t;
    if (seen === undefined) trailByWidth.set(n, ok ? t : null);
    else if (seen !== t || !ok) trailByWidth.set(n, null);
  }
  const cells: CellRead[] = [];
  const gaps: Gap[] = [];
  const notes: Note[] = [];
  const groupWithValues: string[] = [];
  const foundPointers = new Set(rows.map((r) => r.entry.pointer));
  for (const r of rows) {
    const n = r.entry.columns;
    if (n === 0) {
      if (nonEmpty(r.raw).some((c) => classify(c.text).kind === 'number')) groupWithValues.push(r.entry.pointer);
      continue;
    }
    const p = place(r.raw, n, trailByWidth.get(n) ?? undefined);
    if ('unplaced' in p) {
      gaps.push({ pointer: r.entry.pointer, reason: 'unplaced', printed: p.unplaced, columns: n });
      continue;
    }
    p.cells.forEach((c, i) => {
      const key = r.entry.columnKeys[i]!;
      const read = options.readCell?.(`${r.entry.pointer}/${key}`, key, c) ?? cellValue(`${r.entry.pointer}/${key}`, c, options.integerColumns ? options.integerColumns(key) : true);
      if (read.gap) gaps.push(read.gap);
      else cells.push(read);
      if (read.note) notes.push(read.note);
    });
  }
  const leaves = entries.filter((e) => e.columns > 0);
  const anyFound = leaves.some((e) => foundPointers.has(e.pointer));
  if (anyFound) {
    for (const e of leaves) if (!foundPointers.has(e.pointer)) gaps.push({ pointer: e.pointer, reason: 'row-missing' });
  }
  return { cells, gaps, notes, rowsFound: rows.filter((r) => r.entry.columns > 0).length, groupWithValues };
}

/**
 * Table 四. Official layout: headings in the first rows, then one row of 15
 * values (three groups × five columns). Some sites print one row per group.
 */
export function readTable4(stream: readonly StreamCell[], entries: readonly LabelEntry[]): TableRead {
  const perGroup = readRows(stream, entries);
  const perGroupFilled = perGroup.cells.length > 0 && perGroup.gaps.every((g) => g.reason !== 'row-missing' && g.reason !== 'unplaced');
  if (perGroupFilled) return perGroup;
  const n = entries.reduce((s, e) => s + e.columns, 0);
  const hasRows = stream.some((c) => c.rowEnd);
  let values: StreamCell[] = [];
  if (hasRows) {
    let row: StreamCell[] = [];
    for (const c of stream) {
      row.push(c);
      if (!c.rowEnd) continue;
      if (row.every((x) => classify(x.text).kind !== 'text') && nonEmpty(row).length) values.push(...row);
      row = [];
    }
  } else {
    let run: StreamCell[] = [];
    const flush = () => {
      const t = trimEnd(run);
      const lead = t.findIndex((c) => c.text.trim() !== '');
      if (lead >= 0) values.push(...t.slice(lead));
      run = [];
    };
    for (const c of stream) {
      if (classify(c.text).kind === 'text') flush();
      else run.push(c);
    }
    flush();
  }
  const cells: CellRead[] = [];
  const gaps: Gap[] = [];
  const notes: Note[] = [];
  if (!nonEmpty(values).length) return { cells, gaps, notes, rowsFound: 0, groupWithValues: [] };
  const filled = nonEmpty(values);
  const placed = filled.length === n ? filled : values.length === n ? values : undefined;
  if (!placed) {
    gaps.push({ pointer: '/reviewsAndLawsuits', reason: 'unplaced', printed: filled.length, columns: n });
    return { cells, gaps, notes, rowsFound: 0, groupWithValues: [] };
  }
  let i = 0;
  for (const e of entries) {
    for (const key of e.columnKeys) {
      const read = cellValue(`${e.pointer}/${key}`, placed[i++], true);
      if (read.gap) gaps.push(read.gap);
      else cells.push(read);
      if (read.note) notes.push(read.note);
    }
  }
  return { cells, gaps, notes, rowsFound: entries.length, groupWithValues: [] };
}

/** Whether a cell of the region is a column or row heading of an edition (prose that mentions one does not count). */
export function regionHas(stream: readonly StreamCell[], marks: readonly string[]): boolean {
  const set = new Set(marks);
  return stream.some((c) => {
    const n = norm(c.text);
    // n without a trailing "(…)" note: what /\(.*\)$/ removed, found without backtracking (norm leaves no line breaks).
    const open = n.endsWith(')') ? n.indexOf('(') : -1;
    return set.has(open >= 0 && open < n.length - 1 ? n.slice(0, open) : n) || set.has(n);
  });
}
