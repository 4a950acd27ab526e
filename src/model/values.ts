// The cell reader: a cell of tables 二, 三 and 四 by the model's rows and
// columns, with each total the file leaves out computed from its parts. The
// rules, the renderer, the text check, rule 8 and the roll-up all read cells
// here, so that a computed total means the same everywhere. A cell is written
// when its row object has it (hasOf); else cellCount's value was computed.
import { APPLICANT_COLUMN_KEYS, REVIEW_PART_KEYS } from './edition2021.js';
import { parsePointer, valueAtPath } from './cells.js';
import { editionOf } from './edition.js';

/** （七）总计: every cell of it, not only its 总计, is computed when left out. */
export const OUTCOME_TOTAL_ROW = '/requests/outcomes/total';

// Callers ask for the same few hundred cells in every file: each pointer is
// split once (they pass constants, so the lookup hashes no new string).
const PARTS = new Map<string, readonly string[]>();
export const partsOf = (pointer: string): readonly string[] => {
  let p = PARTS.get(pointer);
  if (!p) {
    p = parsePointer(pointer);
    if (PARTS.size < 10_000) PARTS.set(pointer, p);
  }
  return p;
};

const own = Object.prototype.hasOwnProperty;

/** A value the schema accepted as a count, or undefined. */
export const asCount = (x: unknown): number | undefined => (typeof x === 'number' && Number.isSafeInteger(x) && x >= 0 ? x : undefined);

// While the rules run over one file (or a view is built), each row is looked
// up once: they read the same rows again and again. Scoped to that call, so
// data changed between two calls is never seen stale.
let rows: { readonly data: unknown; readonly map: Map<string, object | undefined>; items?: (object | undefined)[] } | undefined;

export function withRowCache<T>(data: unknown, fn: () => T): T {
  const outer = rows;
  rows = { data, map: new Map() };
  try {
    return fn();
  } finally {
    rows = outer;
  }
}

/** The object at `pointer` (a row of a table), or undefined. */
export function rowAt(data: unknown, pointer: string): object | undefined {
  const c = rows;
  if (c !== undefined && c.data === data) {
    let r = c.map.get(pointer);
    if (r === undefined && !c.map.has(pointer)) c.map.set(pointer, (r = readRow(data, pointer)));
    return r;
  }
  return readRow(data, pointer);
}

function readRow(data: unknown, pointer: string): object | undefined {
  const v = valueAtPath(data, partsOf(pointer));
  return v !== null && typeof v === 'object' ? v : undefined;
}

/**
 * The count in `key` of a row object (rowAt), or undefined. No own-property
 * test: callers pass the model's keys, and an inherited property of a plain
 * object is never a count, so a key the row lacks gives undefined all the same.
 */
export function countOf(row: object | undefined, key: string): number | undefined {
  return row !== undefined ? asCount((row as Record<string, unknown>)[key]) : undefined;
}

/** The row object has `key` as its own property: the file writes that cell (whatever its value). */
export const hasOf = (row: object | undefined, key: string): boolean => row !== undefined && own.call(row, key);

/** The values of `items` added up; undefined when one of them has none (then the equation is skipped). */
export function sumBy<T>(items: readonly T[], value: (item: T) => number | undefined): number | undefined {
  let s = 0;
  for (const it of items) {
    const v = value(it);
    if (v === undefined) return undefined;
    s += v;
  }
  return s;
}

/** The counts of `keys` in a row object added up; undefined when one of them is not a count. */
export const sumOf = (row: object | undefined, keys: readonly string[]): number | undefined => sumBy(keys, (k) => countOf(row, k));

export const sum = (values: readonly (number | undefined)[]): number | undefined => sumBy(values, (v) => v);

/** The count at any pointer (a field such as /year, or a cell), or undefined. */
export function count(data: unknown, pointer: string): number | undefined {
  return asCount(valueAtPath(data, partsOf(pointer)));
}

/** The file holds `pointer` (through own properties only). */
export function has(data: unknown, pointer: string): boolean {
  let v: unknown = data;
  for (const k of partsOf(pointer)) {
    if (v === null || typeof v !== 'object' || !own.call(v, k)) return false;
    v = (v as Record<string, unknown>)[k];
  }
  return true;
}

/** The columns a row's 总计 adds up: the applicants of table 三, the results of table 四; none in table 二. */
export function totalParts(row: string): readonly string[] | undefined {
  if (row.startsWith('/requests/')) return APPLICANT_COLUMN_KEYS;
  if (row.startsWith('/reviewsAndLawsuits/')) return REVIEW_PART_KEYS;
  return undefined;
}

/** A cell the file may leave out, computed then: a row's 总计 in tables 三 and 四, and every cell of （七）总计. */
export const isTotalCell = (row: string, column: string): boolean =>
  row === OUTCOME_TOTAL_ROW || (column === 'total' && totalParts(row) !== undefined);

/**
 * A cell's count: as written; or, for a total the file leaves out, its parts
 * added up (each read the same way). （七）总计 is the sum of the outcome items
 * column by column, its 总计 the items' 总计 added up. `r` is the row's object
 * when the caller has read it already (rowAt), for all the cells of a row.
 */
export function cellCount(data: unknown, row: string, column: string, r: object | undefined = rowAt(data, row)): number | undefined {
  if (row === OUTCOME_TOTAL_ROW && !hasOf(r, column)) return outcomeItemsSum(data, column);
  // A column other than 总计 that the row lacks reads as undefined through countOf (see there).
  return column !== 'total' ? countOf(r, column) : totalIn(r, totalParts(row));
}

/** A row's 总计 from its object: as written, else its parts added up. */
const totalIn = (r: object | undefined, parts: readonly string[] | undefined): number | undefined =>
  hasOf(r, 'total') ? countOf(r, 'total') : parts ? sumOf(r, parts) : undefined;

/** The items （七）总计 adds up in the report's edition (the 2019 （六） is one row). */
const outcomeItemsOf = (data: unknown) => editionOf(data).outcomeItems;

/** The outcome items' row objects, read once per file inside withRowCache (the rules ask for them column by column). */
function itemRows(data: unknown): (object | undefined)[] {
  const c = rows;
  if (c !== undefined && c.data === data) return (c.items ??= outcomeItemsOf(data).map((i) => rowAt(data, i.pointer)));
  return outcomeItemsOf(data).map((i) => rowAt(data, i.pointer));
}

/** A column of （七）总计 as the outcome items add up, whatever （七）总计 itself writes. */
export const outcomeItemsSum = (data: unknown, column: string): number | undefined =>
  sumBy(itemRows(data), (r) => (column !== 'total' ? countOf(r, column) : totalIn(r, APPLICANT_COLUMN_KEYS)));

/** A row's 总计 as its columns add up (each read by cellCount), whatever the 总计 itself writes. */
export function rowPartsSum(data: unknown, row: string): number | undefined {
  const parts = totalParts(row);
  return parts ? sumBy(parts, (c) => cellCount(data, row, c)) : undefined;
}
