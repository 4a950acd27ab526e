// Roll-up: many unit reports of one year into one report (tables summed,
// texts left for the author), and a per-unit breakdown of every cell. Pure.
import { EDITION, PROACTIVE_BLOCKS, REQUEST_COLUMNS, REQUEST_ROWS, REVIEW_COLUMNS, REVIEW_GROUPS, type RowDef } from '../model/edition2021.js';
import { cellValue, figureCellsOf, type FigureCell } from '../across/cells.js';
import { editionOf } from '../model/edition.js';
import { valueAt } from '../model/cells.js';
import { yuanToAmount } from '../model/fees.js';
import { describePointer, field } from '../model/cells.js';
import type { Lang } from '../model/label.js';

export interface UnitReport {
  /** As shown in messages and in the breakdown. */
  readonly file: string;
  readonly data: unknown;
}

export type AggregateProblem =
  | { readonly kind: 'year'; readonly file: string; readonly value: unknown; readonly expected: unknown; readonly first: string }
  | { readonly kind: 'format'; readonly file: string; readonly value: unknown; readonly expected: unknown; readonly first: string }
  | { readonly kind: 'cell'; readonly file: string; readonly pointer: string };

export const PLACEHOLDERS = {
  overview: '（待填写：本级汇总的总体情况。表格数字由 report aggregate 汇总各单位报告得出。）',
  problems: '（待填写：存在的主要问题及改进情况。）',
  other: '（待填写：其他需要报告的事项；没有的写“无”。）',
} as const;


/** Mixed years or formats, and cells that cannot be summed. Empty when the inputs can be rolled up. */
export function aggregateProblems(units: readonly UnitReport[]): AggregateProblem[] {
  const out: AggregateProblem[] = [];
  const first = units[0];
  if (!first) return out;
  for (const u of units.slice(1)) {
    if (field(u.data, 'format') !== field(first.data, 'format')) out.push({ kind: 'format', file: u.file, value: field(u.data, 'format'), expected: field(first.data, 'format'), first: first.file });
    if (field(u.data, 'year') !== field(first.data, 'year')) out.push({ kind: 'year', file: u.file, value: field(u.data, 'year'), expected: field(first.data, 'year'), first: first.file });
  }
  for (const u of units) {
    for (const c of figureCellsOf(u.data)) if (cellValue(u.data, c) === undefined) { out.push({ kind: 'cell', file: u.file, pointer: c.pointer }); break; }
  }
  // 2019 edition: amounts in different units (or one without its unit) cannot be added.
  const unit = valueAt(first.data, PROCUREMENT_UNIT);
  for (const u of units.slice(1)) if (field(u.data, 'format') === field(first.data, 'format') && valueAt(u.data, PROCUREMENT_UNIT) !== unit) { out.push({ kind: 'cell', file: u.file, pointer: PROCUREMENT_UNIT }); break; }
  return out;
}

const PROCUREMENT_UNIT = '/proactive/procurement/unit';

/** Sum of one cell over the units: integers throughout (fees in 1/10000 万元). */
export function sumCell(units: readonly UnitReport[], cell: FigureCell): number {
  let s = 0;
  for (const u of units) s += cellValue(u.data, cell)!;
  return s;
}

/** Fee units (whole yuan, 1/10000 万元) back to a decimal number of 万元, exactly as written. */
export { yuanToAmount as unitsToAmount } from '../model/fees.js';

/** The roll-up report as data, in the data-model order (call aggregateProblems first). */
export function aggregateReports(units: readonly UnitReport[], options: { agency: string }): Record<string, unknown> {
  const first = units[0]?.data;
  const edition = editionOf(first);
  const sums = new Map(figureCellsOf(first).map((c) => [c.pointer, sumCell(units, c)]));
  const v = (p: string) => sums.get(p)!;
  const proactive: Record<string, Record<string, number | string>> = {};
  for (const b of edition.id === '2021' ? PROACTIVE_BLOCKS : edition.proactiveBlocks) {
    for (const r of b.rows) {
      proactive[r.key] = Object.fromEntries(b.columns.map((c) => {
        const p = `/proactive/${r.key}/${c}`;
        return [c, c === 'amountTenThousandYuan' || c === 'totalAmount' ? yuanToAmount(v(p)) : v(p)];
      }));
    }
  }
  const unit = valueAt(first, PROCUREMENT_UNIT);
  if (edition.id === '2019' && typeof unit === 'string' && proactive.procurement) proactive.procurement.unit = unit;
  const rows = (defs: readonly RowDef[], base: string): Record<string, unknown> =>
    Object.fromEntries(defs.map((r) => [r.key, r.children
      ? rows(r.children, `${base}/${r.key}`)
      : Object.fromEntries(REQUEST_COLUMNS.map((c) => [c.key, v(`${base}/${r.key}/${c.key}`)]))]));
  const reviews = Object.fromEntries(REVIEW_GROUPS.map((g) => [g.key, Object.fromEntries(REVIEW_COLUMNS.map((c) => [c.key, v(`/reviewsAndLawsuits/${g.key}/${c.key}`)]))]));
  return {
    format: field(first, 'format') ?? EDITION,
    agency: options.agency,
    year: field(first, 'year'),
    overview: PLACEHOLDERS.overview,
    proactive,
    requests: rows(edition.id === '2021' ? REQUEST_ROWS : edition.requestRows, '/requests'),
    reviewsAndLawsuits: reviews,
    problems: PLACEHOLDERS.problems,
    other: PLACEHOLDERS.other,
  };
}

/**
 * A CSV field. Text that a spreadsheet would run as a formula (leading `=`,
 * `+`, `-`, `@`, tab or CR: OWASP's CSV injection rule) gets a leading `'`,
 * so Excel shows it as text.
 */
export const csvField = (s: string): string => {
  // A plain number (a signed 本年增/减 of the 2019 edition: -4) is data, not a formula.
  const t = /^[=+\-@\t\r]/.test(s) && !/^[+-]?\d+(\.\d+)?$/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(t) || t !== s ? `"${t.replace(/"/g, '""')}"` : t;
};

/**
 * A unit's name as compared for duplicates: NFKC (full-width brackets,
 * letters and digits as ASCII; composed characters), with format characters
 * (zero-width space, BOM, direction marks) and white space removed.
 */
export const unitKey = (name: string): string => name.normalize('NFKC').replace(/[\p{Cf}\s]/gu, '');

/**
 * One row per unit, one column per cell, and a last row of totals; the header
 * names each cell by its labels. UTF-8 with a BOM and CRLF, as Excel expects.
 */
export function breakdownCsv(units: readonly UnitReport[], lang: Lang): string {
  const cells = figureCellsOf(units[0]?.data);
  const head = [lang === 'zh' ? '单位' : 'Unit', lang === 'zh' ? '文件' : 'File', ...cells.map((c) => describePointer(c.pointer, lang))];
  const show = (c: FigureCell, n: number) => (c.amount ? String(yuanToAmount(n)) : String(n));
  const lines = [head];
  for (const u of units) lines.push([String(field(u.data, 'agency') ?? ''), u.file, ...cells.map((c) => show(c, cellValue(u.data, c)!))]);
  // Numbers are written as they are (none starts with a formula character); text is neutralised.
  lines.push([lang === 'zh' ? '合计' : 'Total', '', ...cells.map((c) => show(c, sumCell(units, c)))]);
  return '\ufeff' + lines.map((l) => l.map(csvField).join(',')).join('\r\n') + '\r\n';
}
