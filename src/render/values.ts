// Cell values for rendering: the number as written, or the total computed
// when the file leaves it out (the model's cell reader); anything else (only
// with --force) shown raw.
import { valueAt } from '../model/cells.js';
import { cellCount, hasOf, rowAt } from '../model/values.js';
import { formatMessage } from '../diagnostics/format-message.js';
import type { Finding, LocatedFinding } from '../diagnostics/finding.js';
import type { Lang } from '../model/label.js';

export interface CellValue {
  /** The text shown in the cell ('' when the value is missing). */
  readonly text: string;
  /** True when the file leaves this total out and it was computed. */
  readonly computed: boolean;
}

/** Text of a field, or undefined when absent or not text. */
export function textAt(data: unknown, pointer: string): string | undefined {
  const v = valueAt(data, pointer);
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

function show(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : String(v);
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return String(v);
  // A list or mapping where a number belongs (only rendered with --force).
  try { return JSON.stringify(v).slice(0, 40); } catch { return '?'; }
}

const EMPTY: CellValue = { text: '', computed: false };

/** cellValue(data, `${rowPointer}/${column}`) from the row object read once for all its cells (rowAt). */
export function cellIn(data: unknown, rowPointer: string, row: object | undefined, column: string): CellValue {
  if (hasOf(row, column)) return { text: show((row as Record<string, unknown>)[column]), computed: false };
  const n = cellCount(data, rowPointer, column, row);
  return n === undefined ? EMPTY : { text: String(n), computed: true };
}

/** A cell of any table, by pointer: table 三 and 四 totals computed when absent. */
export function cellValue(data: unknown, pointer: string): CellValue {
  const i = pointer.lastIndexOf('/');
  const row = pointer.slice(0, i);
  return cellIn(data, row, rowAt(data, row), pointer.slice(i + 1));
}

/** A finding as data, or placed too (from checkSource). */
export type MarkFinding = Finding | LocatedFinding;

export const wordFinding = (f: MarkFinding, lang: Lang): string => formatMessage(f, lang);

/** Messages of the findings about each cell, for marking inconsistent cells. */
export function marksByPointer(findings: readonly MarkFinding[] | undefined, lang: Lang): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const f of findings ?? []) {
    if (!f.pointer) continue;
    const list = out.get(f.pointer) ?? [];
    list.push(wordFinding(f, lang));
    out.set(f.pointer, list);
  }
  return out;
}
