// Cell values for rendering: the number as written, or the total computed
// when the file leaves it out; anything else (only with --force) shown raw.
import { REVIEW_PART_KEYS } from '../model/edition2021.js';
import { requestCell } from '../rules/table3.js';
import { count, has, partsOf, sum, sumOf } from '../rules/define.js';
import { formatMessage } from '../diagnostics/format-message.js';
import type { Finding, LocatedFinding } from '../diagnostics/finding.js';
import type { Lang } from '../model/label.js';

export interface CellValue {
  /** The text shown in the cell ('' when the value is missing). */
  readonly text: string;
  /** True when the file leaves this total out and it was computed. */
  readonly computed: boolean;
}

/** Own-property lookup by JSON pointer (never walks into prototypes). */
export function getAt(data: unknown, pointer: string): unknown {
  let v: unknown = data;
  for (const k of partsOf(pointer)) {
    if (v === null || typeof v !== 'object' || Array.isArray(v) || !Object.prototype.hasOwnProperty.call(v, k)) return undefined;
    v = (v as Record<string, unknown>)[k];
  }
  return v;
}

/** Text of a field, or undefined when absent or not text. */
export function textAt(data: unknown, pointer: string): string | undefined {
  const v = getAt(data, pointer);
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

/** A cell of any table, by pointer: table 三 and 四 totals computed when absent. */
export function cellValue(data: unknown, pointer: string): CellValue {
  const keys = partsOf(pointer);
  if (!has(data, pointer)) {
    if (keys[0] === 'requests') {
      const column = keys[keys.length - 1]!;
      const row = pointer.slice(0, pointer.length - column.length - 1);
      const n = requestCell(data, row, column);
      if (n !== undefined && (column === 'total' || row === '/requests/outcomes/total')) return { text: String(n), computed: true };
    }
    if (keys[0] === 'reviewsAndLawsuits' && keys[2] === 'total') {
      const base = pointer.slice(0, -'/total'.length);
      const n = sum(REVIEW_PART_KEYS.map((k) => count(data, `${base}/${k}`)));
      if (n !== undefined) return { text: String(n), computed: true };
    }
    return { text: '', computed: false };
  }
  return { text: show(getAt(data, pointer)), computed: false };
}

const own = Object.prototype.hasOwnProperty;

/** Where has() would find the row but getAt() would not read it (an array on the way): cellIn falls back to cellValue. */
export const ARRAY_ROW: unique symbol = Symbol('array row');

/**
 * The row object of a table (its pointer split into `parts`), read once for
 * all its cells: undefined when absent or not an object; ARRAY_ROW when an
 * array is on the way (has() walks through arrays, getAt() does not, so
 * cellValue decides those).
 */
export function tableRow(data: unknown, parts: readonly string[]): object | undefined | typeof ARRAY_ROW {
  let v: unknown = data;
  for (const k of parts) {
    if (v === null || typeof v !== 'object') return undefined;
    if (Array.isArray(v)) return ARRAY_ROW;
    if (!own.call(v, k)) return undefined;
    v = (v as Record<string, unknown>)[k];
  }
  if (v === null || typeof v !== 'object') return undefined;
  return Array.isArray(v) ? ARRAY_ROW : v;
}

const EMPTY: CellValue = { text: '', computed: false };

/**
 * cellValue(data, `${rowPointer}/${column}`) from the row object (tableRow):
 * no pointer walked per cell. `top` is the table's key (requests, proactive,
 * reviewsAndLawsuits); `column` a model key (no '/' or '~').
 */
export function cellIn(data: unknown, top: string, rowPointer: string, row: object | undefined | typeof ARRAY_ROW, column: string): CellValue {
  if (row === ARRAY_ROW) return cellValue(data, `${rowPointer}/${column}`);
  if (row === undefined || !own.call(row, column)) {
    // Only totals are computed: other absent cells need no requestCell.
    if (top === 'requests' && (column === 'total' || rowPointer === '/requests/outcomes/total')) {
      const n = requestCell(data, rowPointer, column);
      if (n !== undefined) return { text: String(n), computed: true };
    } else if (top === 'reviewsAndLawsuits' && column === 'total') {
      const n = sumOf(row, REVIEW_PART_KEYS);
      if (n !== undefined) return { text: String(n), computed: true };
    }
    return EMPTY;
  }
  return { text: show((row as Record<string, unknown>)[column]), computed: false };
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
