// JSON pointers of the report, and the official name of the cell each one points at.
import type { Label, Lang } from './label.js';
import {
  PROACTIVE_BLOCKS, PROACTIVE_COLUMNS, REQUEST_COLUMNS, REQUEST_ROWS, REVIEW_COLUMNS, REVIEW_GROUPS,
  SECTIONS, TOP_FIELDS, type RowDef,
} from './edition2021.js';
import * as e2019 from './edition2019.js';

// JSON pointers (RFC 6901): a key's '~' is written '~0' and its '/' '~1'.
// Every pointer of the project is split, joined and escaped here.

/** One key as a pointer segment; most keys need no escape, and are returned as they are. */
export const escapePointerPart = (key: string): string =>
  key.includes('~') || key.includes('/') ? key.replace(/~/g, '~0').replace(/\//g, '~1') : key;

const unescapePart = (s: string): string => s.replace(/~1/g, '/').replace(/~0/g, '~');

export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  // Most pointers have no escapes: skip the replacements (rules call this per cell).
  if (!pointer.includes('~')) return pointer.slice(1).split('/');
  return pointer.slice(1).split('/').map(unescapePart);
}

/** The value at a path of keys, through own properties only (never a prototype's); undefined when absent. */
export function valueAtPath(data: unknown, keys: readonly string[]): unknown {
  let v: unknown = data;
  for (const k of keys) {
    if (v === null || typeof v !== 'object' || !Object.prototype.hasOwnProperty.call(v, k)) return undefined;
    v = (v as Record<string, unknown>)[k];
  }
  return v;
}

export const valueAt = (data: unknown, pointer: string): unknown => valueAtPath(data, parsePointer(pointer));
/** A top-level field of a report. */
export const field = (data: unknown, key: string): unknown => valueAtPath(data, [key]);

export function joinPointer(parts: readonly (string | number)[]): string {
  return parts.map((p) => '/' + escapePointerPart(String(p))).join('');
}

const columnLabel = (c: { label: Label; group?: Label }, lang: Lang) =>
  c.group ? `${c.group[lang]} · ${c.label[lang]}` : c.label[lang];

function joinRowLabels(labels: readonly string[], lang: Lang): string {
  let out = '';
  for (const l of labels) out += out === '' ? l : /^（/.test(l) ? l : /^\(/.test(l) && lang === 'en' ? ` ${l}` : ` · ${l}`;
  return out;
}

/** Row label path of a table-三 pointer tail, e.g. ['outcomes','withheld','stateSecret']. */
function requestRowLabels(keys: readonly string[], lang: Lang): { labels: string[]; rest: string[] } {
  const labels: string[] = [];
  let rows: readonly RowDef[] | undefined = REQUEST_ROWS;
  let i = 0;
  for (; i < keys.length && rows; i++) {
    const def: RowDef | undefined = rows.find((r) => r.key === keys[i]);
    if (!def) break;
    labels.push(def.label[lang]);
    rows = def.children;
    if (!def.children) { i++; break; }
  }
  return { labels, rest: keys.slice(i) };
}

/** The official name of the cell or key at `pointer`, in `lang`. */
export function describePointer(pointer: string, lang: Lang): string {
  const keys = parsePointer(pointer);
  const [top, ...tail] = keys;
  if (top === undefined) return lang === 'zh' ? '文件' : 'file';
  const raw = (k: string) => (lang === 'zh' ? `「${k}」` : `"${k}"`);
  if (top === 'requests') {
    const { labels, rest } = requestRowLabels(tail, lang);
    const col = rest[0] !== undefined ? REQUEST_COLUMNS.find((c) => c.key === rest[0]) : undefined;
    const parts = [joinRowLabels(labels, lang) || SECTIONS.requests[lang]];
    if (col) parts.push(columnLabel(col, lang));
    for (const r of rest.slice(col ? 1 : 0)) parts.push(raw(r));
    return parts.join(' · ');
  }
  if (top === 'proactive') {
    // A pointer holds no edition: a row or column only the 2019 edition has names it in that edition's words.
    const in2019 = !PROACTIVE_BLOCKS.some((b) => b.rows.some((r) => r.key === tail[0])) || (tail[1] !== undefined && !(tail[1] in PROACTIVE_COLUMNS) && tail[1] in e2019.PROACTIVE_COLUMNS);
    const blocks: readonly { rows: readonly { key: string; label: Label }[] }[] = in2019 ? e2019.PROACTIVE_BLOCKS : PROACTIVE_BLOCKS;
    const columns: Record<string, Label> = in2019 ? e2019.PROACTIVE_COLUMNS : PROACTIVE_COLUMNS;
    const row = blocks.flatMap((b) => b.rows).find((r) => r.key === tail[0]);
    if (!row) return tail.length ? `${SECTIONS.proactive[lang]} · ${tail.map(raw).join(' · ')}` : SECTIONS.proactive[lang];
    const col = tail[1];
    const parts = [row.label[lang]];
    if (col !== undefined) parts.push(col in columns ? columns[col]![lang] : col === 'unit' && in2019 ? (lang === 'zh' ? '金额单位' : 'unit') : raw(col));
    for (const r of tail.slice(2)) parts.push(raw(r));
    return parts.join(' · ');
  }
  if (top === 'reviewsAndLawsuits') {
    const g = REVIEW_GROUPS.find((x) => x.key === tail[0]);
    if (!g) return tail.length ? `${SECTIONS.reviewsAndLawsuits[lang]} · ${tail.map(raw).join(' · ')}` : SECTIONS.reviewsAndLawsuits[lang];
    const parts = [columnLabel(g, lang)];
    const col = tail[1] !== undefined ? REVIEW_COLUMNS.find((c) => c.key === tail[1]) : undefined;
    if (col) parts.push(col.label[lang]);
    for (const r of tail.slice(col ? 2 : 1)) parts.push(raw(r));
    return parts.join(' · ');
  }
  const label = (SECTIONS as Record<string, Label>)[top] ?? (TOP_FIELDS as Record<string, Label>)[top];
  const head = label ? label[lang] : raw(top);
  if (top === 'contact' && tail[0] && tail[0] in TOP_FIELDS) {
    return `${head} · ${(TOP_FIELDS as Record<string, Label>)[tail[0]]![lang]}`;
  }
  return [head, ...tail.map(raw)].join(' · ');
}
