// Schema stage: the precompiled ajv validator, its errors turned into findings
// that say which key, what was expected and what to write instead.
import type { ErrorObject } from 'ajv';
import validate from './compiled/validate.js';
import type { Finding } from '../diagnostics/finding.js';
import type { HintId } from '../diagnostics/messages.js';
import { joinPointer, parsePointer } from '../model/cells.js';
import { MAX_COUNT } from './build-schema.js';

const FULL_WIDTH_DIGITS = /^[\s　]*[０-９]+[\s　]*$/;
const DIGITS = /^\s*[0-9]+\s*$/;
const SEPARATED = /^\s*[0-9]{1,3}(?:[,，][0-9]{3})+\s*$/;

function valueAt(data: unknown, pointer: string): unknown {
  let v: unknown = data;
  for (const k of parsePointer(pointer)) {
    if (v === null || typeof v !== 'object' || !Object.prototype.hasOwnProperty.call(v, k)) return undefined;
    v = (v as Record<string, unknown>)[k];
  }
  return v;
}

function show(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number') return Number.isNaN(v) ? '.nan' : !Number.isFinite(v) ? (v > 0 ? '.inf' : '-.inf') : String(v);
  if (v === null) return 'null';
  if (Array.isArray(v)) return '[…]';
  if (typeof v === 'object') return '{…}';
  return String(v);
}

function typeHint(expected: string, v: unknown, pointer: string): { hint?: HintId; suggest?: string; expectedZh?: string; expectedEn?: string } {
  if (expected === 'integer' || expected === 'number') {
    if (typeof v === 'string') {
      if (DIGITS.test(v)) return { hint: 'quotedNumber', suggest: v.trim() };
      if (FULL_WIDTH_DIGITS.test(v)) return { hint: 'fullWidth', suggest: v.trim().replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)) };
      if (SEPARATED.test(v)) return { hint: 'separators', suggest: v.replace(/[,，\s]/g, '') };
      return {};
    }
    if (typeof v === 'number') return Number.isFinite(v) ? { hint: 'fraction' } : { hint: 'notFinite' };
    if (v === null) return { hint: 'blank' };
  }
  if (expected === 'string' && typeof v === 'number' && pointer === '/contact/phone') return { hint: 'phoneNumber' };
  if (expected === 'object' && Array.isArray(v)) return { hint: 'wrongShape', expectedZh: '以列名为键的映射，而不是列表', expectedEn: 'a mapping of column keys, not a list' };
  return {};
}

const similarity = (a: string, b: string): number => {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1));
  return d[a.length]![b.length]!;
};

function suggestKey(key: string, allowed: string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of allowed) {
    const dist = similarity(key, k);
    if (dist < bestD) { bestD = dist; best = k; }
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(key.length / 3)) ? best : undefined;
}

function allowedKeysAt(data: unknown, e: ErrorObject): string[] {
  const props = (e.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties;
  return props ? Object.keys(props) : [];
}

function toFinding(e: ErrorObject, data: unknown): Finding | undefined {
  const at = e.instancePath;
  const value = valueAt(data, at);
  const base = { severity: 'error' as const };
  switch (e.keyword) {
    case 'required': {
      const key = (e.params as { missingProperty: string }).missingProperty;
      return { ...base, ruleId: 'SCHEMA-REQUIRED', pointer: joinPointer([...parsePointer(at), key]), params: { key } };
    }
    case 'additionalProperties': {
      const key = (e.params as { additionalProperty: string }).additionalProperty;
      const allowed = allowedKeysAt(data, e);
      return { ...base, ruleId: 'SCHEMA-UNKNOWN-KEY', pointer: joinPointer([...parsePointer(at), key]), atKey: true, params: { key, suggest: suggestKey(key, allowed), allowed: allowed.join(', ') } };
    }
    case 'type': {
      const expected = String((e.params as { type: string }).type);
      return { ...base, ruleId: 'SCHEMA-TYPE', pointer: at, params: { expected, value: show(value), ...typeHint(expected, value, at) } };
    }
    case 'minimum':
      if ((e.params as { limit: number }).limit === 0) return { ...base, ruleId: 'SCHEMA-NEGATIVE', pointer: at, params: { value: show(value) } };
      if (at === '/year') return { ...base, ruleId: 'SCHEMA-YEAR', pointer: at, params: { value: show(value), limit: 2008 } };
      return undefined;
    case 'maximum':
      if (at === '/year') return { ...base, ruleId: 'SCHEMA-YEAR', pointer: at, params: { value: show(value), limit: 9999 } };
      return { ...base, ruleId: 'SCHEMA-TOO-LARGE', pointer: at, params: { value: show(value), limit: MAX_COUNT } };
    case 'const': {
      const known = value === '2019' || value === 2019 ? '2019 年试行格式' : undefined;
      return { ...base, ruleId: 'SCHEMA-EDITION', pointer: at, params: { value: show(value), known } };
    }
    case 'enum':
      return { ...base, ruleId: 'SCHEMA-ENUM', pointer: at, params: { value: show(value), allowed: ((e.params as { allowedValues: unknown[] }).allowedValues).join(', ') } };
    case 'pattern':
      return { ...base, ruleId: 'SCHEMA-PATTERN', pointer: at, params: { value: show(value), what: at === '/published' ? 'date' : 'nonEmpty' } };
    default:
      return { ...base, ruleId: 'SCHEMA-TYPE', pointer: at, params: { expected: e.keyword, value: show(value) } };
  }
}

/** Checks the data against the schema; [] when it conforms. */
export function checkSchema(data: unknown): Finding[] {
  if (validate(data)) return extraChecks(data);
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const e of validate.errors ?? []) {
    const f = toFinding(e, data);
    if (!f) continue;
    // The year's minimum and a type error on the same cell say the same thing once.
    const key = `${f.ruleId}|${f.pointer}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(f);
  }
  return [...out, ...extraChecks(data)];
}

/** What JSON Schema cannot say: decimal places and real dates. */
function extraChecks(data: unknown): Finding[] {
  const out: Finding[] = [];
  const fees = valueAt(data, '/proactive/fees/amountTenThousandYuan');
  if (typeof fees === 'number' && Number.isFinite(fees) && fees >= 0) {
    const s = String(fees);
    const decimals = /e-/.test(s) ? 99 : (s.split('.')[1] ?? '').length;
    if (decimals > 4) out.push({ ruleId: 'SCHEMA-DECIMALS', severity: 'error', pointer: '/proactive/fees/amountTenThousandYuan', params: { value: s } });
  }
  const published = valueAt(data, '/published');
  if (typeof published === 'string' && /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(published)) {
    const [y, m, d] = published.split('-').map(Number) as [number, number, number];
    const dt = new Date(Date.UTC(y, m - 1, d));
    if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) {
      out.push({ ruleId: 'SCHEMA-DATE', severity: 'error', pointer: '/published', params: { value: published } });
    }
  }
  return out;
}
