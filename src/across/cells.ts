// Every figure cell of tables 二, 三 and 四, in the official order, from the
// one model of the form. Used by rule 8, the roll-up and its CSV breakdown.
import { PROACTIVE_BLOCKS, REQUEST_COLUMNS, REQUEST_LEAVES, REVIEW_COLUMNS, REVIEW_GROUPS, REVIEW_PART_KEYS } from '../model/edition2021.js';
import { count, has, sum } from '../rules/define.js';
import { requestCell } from '../rules/table3.js';

export interface FigureCell {
  readonly pointer: string;
  readonly table: 'proactive' | 'requests' | 'reviewsAndLawsuits';
  /** A total the file may leave out (computed then). */
  readonly total: boolean;
  /** Fees: a decimal amount in 万元, not a count. */
  readonly amount: boolean;
}

export const FEES_POINTER = '/proactive/fees/amountTenThousandYuan';

export const FIGURE_CELLS: readonly FigureCell[] = [
  ...PROACTIVE_BLOCKS.flatMap((b) => b.rows.flatMap((r) => b.columns.map((c) => ({
    pointer: `/proactive/${r.key}/${c}`, table: 'proactive' as const, total: false, amount: c === 'amountTenThousandYuan',
  })))),
  ...REQUEST_LEAVES.flatMap((leaf) => REQUEST_COLUMNS.map((c) => ({
    pointer: `${leaf.pointer}/${c.key}`, table: 'requests' as const, total: c.key === 'total' || leaf.pointer === '/requests/outcomes/total', amount: false,
  }))),
  ...REVIEW_GROUPS.flatMap((g) => REVIEW_COLUMNS.map((c) => ({
    pointer: `/reviewsAndLawsuits/${g.key}/${c.key}`, table: 'reviewsAndLawsuits' as const, total: c.key === 'total', amount: false,
  }))),
];

/** Fees as an integer count of 1/10000 万元 (one yuan), so sums stay exact. */
export function feeUnits(data: unknown): number | undefined {
  let v: unknown = data;
  for (const k of ['proactive', 'fees', 'amountTenThousandYuan']) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) return undefined;
  // Through the decimal text, not v * 10000, so 0.0003 is 3 and not 2.9999….
  const [int, frac = ''] = String(v).includes('e') ? [v.toFixed(4)] : String(v).split('.');
  const f = (frac + '0000').slice(0, 4);
  return Number(int) * 10000 + Number(f);
}

/** A cell's value; totals left out of the file are computed; fees in 1/10000 万元 units. */
export function cellValue(data: unknown, cell: FigureCell): number | undefined {
  if (cell.amount) return feeUnits(data);
  if (cell.table === 'requests') {
    const i = cell.pointer.lastIndexOf('/');
    return requestCell(data, cell.pointer.slice(0, i), cell.pointer.slice(i + 1));
  }
  if (cell.table === 'reviewsAndLawsuits' && cell.total && !has(data, cell.pointer)) {
    const base = cell.pointer.slice(0, -'/total'.length);
    return sum(REVIEW_PART_KEYS.map((k) => count(data, `${base}/${k}`)));
  }
  return count(data, cell.pointer);
}
