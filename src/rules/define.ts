// Cell reading shared by the rules (and by render, fix and the roll-up): counts,
// rows and sums of the data, each pointer split once.
import { parsePointer, valueAtPath } from '../model/cells.js';

// The rules ask for the same few hundred cells in every file: each pointer is
// split once (rules pass constants, so the lookup hashes no new string).
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

// While the rules run over one file (runRules), each row is looked up once: they
// read the same rows again and again. Scoped to that call, so data changed
// between two checks is never seen stale.
let rows: { readonly data: unknown; readonly map: Map<string, object | undefined> } | undefined;

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
 * test: the rules pass the model's keys, and an inherited property of a plain
 * object is never a count, so a key the row lacks gives undefined all the same.
 */
export function countOf(row: object | undefined, key: string): number | undefined {
  return row !== undefined ? asCount((row as Record<string, unknown>)[key]) : undefined;
}

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

/** The row object has `key` as its own property. */
export const hasOf = (row: object | undefined, key: string): boolean => row !== undefined && own.call(row, key);

/** A value the schema accepted as a count, or undefined (then the equation is skipped). */
export function count(data: unknown, pointer: string): number | undefined {
  return asCount(valueAtPath(data, partsOf(pointer)));
}

export function has(data: unknown, pointer: string): boolean {
  let v: unknown = data;
  for (const k of partsOf(pointer)) {
    if (v === null || typeof v !== 'object' || !own.call(v, k)) return false;
    v = (v as Record<string, unknown>)[k];
  }
  return true;
}

export const sum = (values: readonly (number | undefined)[]): number | undefined => sumBy(values, (v) => v);

