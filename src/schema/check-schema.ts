// Schema stage: the precompiled ajv validator, its errors turned into findings
// that say which key, what was expected and what to write instead.
import type { ErrorObject } from 'ajv';
import validate2021 from './compiled/validate.js';
import validate2019 from './compiled/validate2019.js';
import { editionIdOf } from '../model/edition.js';
import type { Finding } from '../diagnostics/finding.js';
import type { HintId } from '../diagnostics/messages.js';
import { joinPointer, parsePointer, valueAt, valueAtPath } from '../model/cells.js';
import { MAX_COUNT } from './build-schema.js';

const FULL_WIDTH_DIGITS = /^[\s　]*[０-９]+[\s　]*$/;
const DIGITS = /^\s*[0-9]+\s*$/;
// Thousands separators: ASCII or full-width comma, space, thin space, apostrophe, dot-free.
const SEPARATED = /^\s*[0-9]{1,3}(?:[,， \u2009\u202f'’][0-9]{3})+\s*$/;
// No-break and zero-width spaces, NEL, soft hyphen, direction marks and overrides (RLO), word joiners, a BOM mid-line.
const INVISIBLE = /[\u0085\u00a0\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;
const INVISIBLE_ALL = new RegExp(INVISIBLE.source, 'g');
const toAscii = (v: string) => v.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)).replace(/，/g, ',');

/** A message quotes at most this much of a value or key (a pasted page is not repeated). */
const MAX_SHOWN = 60;
const clip = (s: string) => (s.length > MAX_SHOWN ? `${s.slice(0, MAX_SHOWN)}…` : s);

function show(v: unknown, written?: string): string {
  if (written !== undefined) return clip(written);
  if (typeof v === 'string') return JSON.stringify(clip(v));
  if (typeof v === 'number') return Number.isNaN(v) ? '.nan' : !Number.isFinite(v) ? (v > 0 ? '.inf' : '-.inf') : String(v);
  if (v === null) return 'null';
  if (Array.isArray(v)) return '[…]';
  if (typeof v === 'object') return '{…}';
  return String(v);
}

function typeHint(expected: string, v: unknown, pointer: string): { hint?: HintId; suggest?: string; expectedZh?: string; expectedEn?: string } {
  if (expected === 'integer' || expected === 'number') {
    if (typeof v === 'string') {
      // Copied from a web page or Word: a no-break or zero-width space makes `12` text.
      if (INVISIBLE.test(v) && /^[0-9０-９]+$/.test(v.replace(INVISIBLE_ALL, '').trim())) return { hint: 'invisible', suggest: toAscii(v.replace(INVISIBLE_ALL, '').trim()) };
      if (DIGITS.test(v)) return { hint: 'quotedNumber', suggest: v.trim() };
      if (FULL_WIDTH_DIGITS.test(v)) return { hint: 'fullWidth', suggest: toAscii(v.trim()) };
      if (SEPARATED.test(toAscii(v))) return { hint: 'separators', suggest: toAscii(v).replace(/[^0-9]/g, '') };
      if (/^\s*-\s*[0-9]+\s*$/.test(toAscii(v))) return { hint: 'negativeText' };
      return {};
    }
    if (typeof v === 'number') return Number.isFinite(v) ? { hint: 'fraction' } : { hint: 'notFinite' };
    if (v === null) return { hint: 'blank' };
  }
  if (expected === 'string' && typeof v === 'number' && pointer === '/contact/phone') return { hint: 'phoneNumber' };
  if (expected === 'string' && typeof v === 'number') return { hint: 'quoteText' };
  if (expected === 'object' && Array.isArray(v)) {
    // A section holds rows by name; a row holds cells by column name.
    return parsePointer(pointer).length === 1
      ? { hint: 'wrongShape', expectedZh: '以各行名称为键的映射，而不是列表', expectedEn: 'a mapping of row keys, not a list' }
      : { hint: 'wrongShape', expectedZh: '以列名为键的映射，而不是列表', expectedEn: 'a mapping of column keys, not a list' };
  }
  return {};
}

/** Edit distance (case-insensitive), two rows at a time. */
function similarity(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

/** Longest key a suggestion is looked for (a typo of a key, not a pasted paragraph). */
const MAX_SUGGEST_KEY = 40;

function suggestKey(key: string, allowed: string[]): string | undefined {
  if (key.length > MAX_SUGGEST_KEY) return undefined;
  let best: string | undefined;
  let bestD = Infinity;
  const limit = Math.max(2, Math.floor(key.length / 3));
  for (const k of allowed) {
    if (Math.abs(k.length - key.length) > limit) continue;
    const dist = similarity(key, k);
    if (dist < bestD) { bestD = dist; best = k; }
  }
  return best !== undefined && bestD <= limit ? best : undefined;
}

function allowedKeysAt(data: unknown, e: ErrorObject): string[] {
  const props = (e.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties;
  return props ? Object.keys(props) : [];
}

function toFinding(e: ErrorObject, data: unknown, numbers?: ReadonlyMap<string, string>): Finding | undefined {
  const at = e.instancePath;
  const value = valueAt(data, at);
  const written = numbers?.get(at);
  const base = { severity: 'error' as const };
  switch (e.keyword) {
    case 'required': {
      const key = (e.params as { missingProperty: string }).missingProperty;
      return { ...base, ruleId: 'SCHEMA-REQUIRED', pointer: joinPointer([...parsePointer(at), key]), params: { key } };
    }
    case 'additionalProperties': {
      const key = (e.params as { additionalProperty: string }).additionalProperty;
      const allowed = allowedKeysAt(data, e);
      // `{decisions: 1,234}`: in a flow mapping the comma splits the number into a second key.
      // `ｙｅａｒ` or `year` with a zero-width space: suggest from what the key looks like.
      const looks = key.normalize('NFKC').replace(INVISIBLE_ALL, '').trim();
      const hint = /^[0-9]{3}$/.test(key) ? { hint: 'splitNumber' as HintId } : looks !== key ? { hint: 'oddKey' as HintId } : {};
      return { ...base, ruleId: 'SCHEMA-UNKNOWN-KEY', pointer: joinPointer([...parsePointer(at), key]), atKey: true, params: { key: clip(key), suggest: suggestKey(looks, allowed), allowed: allowed.join(', '), ...hint } };
    }
    case 'type': {
      const expected = String((e.params as { type: string }).type);
      return { ...base, ruleId: 'SCHEMA-TYPE', pointer: at, params: { expected, value: show(value, written), ...typeHint(expected, value, at), ...formHint(written, value) } };
    }
    case 'minimum':
      if ((e.params as { limit: number }).limit === 0) return { ...base, ruleId: 'SCHEMA-NEGATIVE', pointer: at, params: { value: show(value, written) } };
      if (at === '/year') return { ...base, ruleId: 'SCHEMA-YEAR', pointer: at, params: { value: show(value), limit: 2008 } };
      return undefined;
    case 'maximum':
      if (at === '/year') return { ...base, ruleId: 'SCHEMA-YEAR', pointer: at, params: { value: show(value), limit: 9999 } };
      return { ...base, ruleId: 'SCHEMA-TOO-LARGE', pointer: at, params: { value: show(value, written), limit: MAX_COUNT } };
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

/** What to write instead of a number written in an odd form (see LoadResult.numbers). */
function formHint(written: string | undefined, v: unknown): { hint?: HintId; suggest?: string } {
  if (written === undefined || typeof v !== 'number' || !Number.isFinite(v)) return {};
  const plain = Number.isSafeInteger(v) || (!Number.isInteger(v) && !/e/i.test(String(v))) ? String(v) : undefined;
  if (/^[-+]?0[xo]/i.test(written)) return { hint: 'radix', suggest: plain };
  if (/[eE]/.test(written)) return { hint: 'exponent', suggest: plain };
  if (/\./.test(written) && Number.isInteger(v)) return { hint: 'pointZero', suggest: plain };
  return {};
}

/** Schema errors turned into findings, at most (docs/reliability.md says so). */
export const MAX_SCHEMA_FINDINGS = 1000;

/** Amount cells take decimals; every other number in a report is a count or a year. */
const isAmount = (pointer: string) => pointer.endsWith('/amountTenThousandYuan') || pointer === '/proactive/procurement/totalAmount';

/**
 * Checks the data against the schema; [] when it conforms. `numbers` (from
 * the loader) holds numbers as written where that differs from their value:
 * a count written 1e3 or 1.0 is refused with what to write instead.
 */
export function checkSchema(data: unknown, numbers?: ReadonlyMap<string, string>): Finding[] {
  // Each edition has its own schema; `format: "2019"` picks the 2019 one, anything else the 2021 one.
  const validate = editionIdOf(data) === '2019' ? validate2019 : validate2021;
  const extra = [...extraChecks(data), ...numberForms(data, numbers)];
  if (validate(data)) return extra;
  const out: Finding[] = [];
  const seen = new Set<string>();
  // A file of thousands of stray keys is garbage after the first screenful: bound the work.
  for (const e of (validate.errors ?? []).slice(0, MAX_SCHEMA_FINDINGS)) {
    const f = toFinding(e, data, numbers);
    if (!f) continue;
    // The year's minimum and a type error on the same cell say the same thing once.
    const key = `${f.ruleId}|${f.pointer}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(f);
  }
  // A value of the wrong type is reported as that alone (`format: 2021` is not another edition).
  const typed = new Set(out.filter((f) => f.ruleId === 'SCHEMA-TYPE').map((f) => f.pointer));
  for (let i = out.length - 1; i >= 0; i--) if (out[i]!.ruleId !== 'SCHEMA-TYPE' && typed.has(out[i]!.pointer)) out.splice(i, 1);
  // A value under a key already reported (unknown, wrong type) is not reported again.
  const covered = (p: string) => out.some((f) => p === f.pointer || (f.ruleId !== 'SCHEMA-REQUIRED' && p.startsWith(`${f.pointer}/`)));
  return [...out, ...extra.filter((f) => !covered(f.pointer))];
}

/** Numbers whose value the schema accepts but whose written form it should not. */
function numberForms(data: unknown, numbers: ReadonlyMap<string, string> | undefined): Finding[] {
  const out: Finding[] = [];
  for (const [pointer, written] of numbers ?? []) {
    const v = valueAt(data, pointer);
    if (typeof v !== 'number' || !Number.isFinite(v) || Math.abs(v) > MAX_COUNT) continue;
    const hint = formHint(written, v);
    if (!hint.hint || (hint.hint === 'pointZero' && isAmount(pointer))) continue;
    out.push({ ruleId: 'SCHEMA-TYPE', severity: 'error', pointer, params: { expected: isAmount(pointer) ? 'number' : 'integer', value: written, ...hint } });
  }
  return out;
}

/** What JSON Schema cannot say: decimal places and real dates. */
// Split once: this runs on every file.
const FEES = ['proactive', 'fees', 'amountTenThousandYuan'] as const;
const PUBLISHED = ['published'] as const;

function extraChecks(data: unknown): Finding[] {
  const out: Finding[] = [];
  const fees = valueAtPath(data, FEES);
  if (typeof fees === 'number' && Number.isFinite(fees) && fees >= 0) {
    const s = String(fees);
    const decimals = /e-/.test(s) ? 99 : (s.split('.')[1] ?? '').length;
    if (decimals > 4) out.push({ ruleId: 'SCHEMA-DECIMALS', severity: 'error', pointer: '/proactive/fees/amountTenThousandYuan', params: { value: s } });
  }
  const published = valueAtPath(data, PUBLISHED);
  if (typeof published === 'string' && /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(published)) {
    const y = Number(published.slice(0, 4)), m = Number(published.slice(5, 7)), d = Number(published.slice(8, 10));
    const dt = new Date(Date.UTC(y, m - 1, d));
    if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) {
      out.push({ ruleId: 'SCHEMA-DATE', severity: 'error', pointer: '/published', params: { value: published } });
    }
  }
  return out;
}
