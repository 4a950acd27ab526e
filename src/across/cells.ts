// Every figure cell of tables 二, 三 and 四, in the official order, from the
// one model of the form. Used by rule 8, the roll-up and its CSV breakdown.
import { PROACTIVE_BLOCKS, REQUEST_COLUMNS, REQUEST_LEAVES, REVIEW_COLUMNS, REVIEW_GROUPS } from '../model/edition2021.js';
import { cellCount } from '../model/values.js';
import { feeYuan } from '../model/fees.js';

export interface FigureCell {
  readonly pointer: string;
  /** The row's pointer and the column's key, for the cell reader. */
  readonly row: string;
  readonly column: string;
  /** Fees: a decimal amount in 万元, not a count. */
  readonly amount: boolean;
}

const cell = (row: string, column: string): FigureCell => ({ pointer: `${row}/${column}`, row, column, amount: column === 'amountTenThousandYuan' });

export const FIGURE_CELLS: readonly FigureCell[] = [
  ...PROACTIVE_BLOCKS.flatMap((b) => b.rows.flatMap((r) => b.columns.map((c) => cell(`/proactive/${r.key}`, c)))),
  ...REQUEST_LEAVES.flatMap((leaf) => REQUEST_COLUMNS.map((c) => cell(leaf.pointer, c.key))),
  ...REVIEW_GROUPS.flatMap((g) => REVIEW_COLUMNS.map((c) => cell(`/reviewsAndLawsuits/${g.key}`, c.key))),
];

/** A cell's value; totals left out of the file are computed; fees in whole yuan (1/10000 万元), so sums stay exact. */
export const cellValue = (data: unknown, cell: FigureCell): number | undefined =>
  cell.amount ? feeYuan(data) : cellCount(data, cell.row, cell.column);
