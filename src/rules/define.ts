import type { Finding } from '../diagnostics/finding.js';
import type { RuleId } from './catalog.js';
import { RULE_BY_ID } from './catalog.js';
import { parsePointer, valueAtPath } from '../model/cells.js';

export interface RuleContext {
  /** Today, for date rules; passed in so that checking stays a pure function. */
  readonly today: Date;
}

export interface RuleDef {
  readonly ids: readonly RuleId[];
  check(data: unknown, ctx: RuleContext): Finding[];
}

export const defineRule = (def: RuleDef): RuleDef => def;

export function finding(ruleId: RuleId, pointer: string, params: Finding['params'], related?: readonly string[]): Finding {
  const severity = RULE_BY_ID.get(ruleId)!.severity;
  return related ? { ruleId, severity, pointer, params, related } : { ruleId, severity, pointer, params };
}

// The rules ask for the same few hundred cells in every file: split each pointer once.
const PARTS = new Map<string, readonly string[]>();
const partsOf = (pointer: string): readonly string[] => {
  let p = PARTS.get(pointer);
  if (!p) {
    p = parsePointer(pointer);
    if (PARTS.size < 10_000) PARTS.set(pointer, p);
  }
  return p;
};

/** A value the schema accepted as a count, or undefined (then the equation is skipped). */
export function count(data: unknown, pointer: string): number | undefined {
  const v = valueAt(data, pointer);
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : undefined;
}

// While the rules run over one file (runRules), each pointer is walked once:
// they read the same rows again and again (computed totals of totals).
// Scoped to that call, so data changed between two checks is never stale.
let cached: { data: unknown; values: Map<string, unknown> } | undefined;

export function withCellCache<T>(data: unknown, fn: () => T): T {
  const outer = cached;
  cached = { data, values: new Map() };
  try {
    return fn();
  } finally {
    cached = outer;
  }
}

/** count(data, `${row}/${key}`) without building that string (the rules ask for thousands of cells a file). */
export function countIn(data: unknown, row: string, key: string): number | undefined {
  const v = valueAt(data, row);
  if (v === null || typeof v !== 'object' || !Object.prototype.hasOwnProperty.call(v, key)) return undefined;
  const x = (v as Record<string, unknown>)[key];
  return typeof x === 'number' && Number.isSafeInteger(x) && x >= 0 ? x : undefined;
}

/** has(data, `${row}/${key}`) without building that string. */
export function hasIn(data: unknown, row: string, key: string): boolean {
  const v = valueAt(data, row);
  return v !== null && typeof v === 'object' && Object.prototype.hasOwnProperty.call(v, key);
}

function valueAt(data: unknown, pointer: string): unknown {
  const c = cached;
  if (c && c.data === data && data !== null && typeof data === 'object') {
    const values = c.values;
    let v = values.get(pointer);
    if (v === undefined && !values.has(pointer)) values.set(pointer, (v = walk(data, pointer)));
    return v;
  }
  return walk(data, pointer);
}

const walk = (data: unknown, pointer: string): unknown => valueAtPath(data, partsOf(pointer));

export function has(data: unknown, pointer: string): boolean {
  let v: unknown = data;
  for (const k of partsOf(pointer)) {
    if (v === null || typeof v !== 'object' || !Object.prototype.hasOwnProperty.call(v, k)) return false;
    v = (v as Record<string, unknown>)[k];
  }
  return true;
}

export function sum(values: readonly (number | undefined)[]): number | undefined {
  let s = 0;
  for (const v of values) {
    if (v === undefined) return undefined;
    s += v;
  }
  return s;
}
