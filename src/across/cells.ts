// Every figure cell of tables 二, 三 and 四, in the official order, from the
// one model of the form. Used by rule 8, the roll-up and its CSV breakdown.
import { PROACTIVE_BLOCKS, REQUEST_COLUMNS, REQUEST_LEAVES, REVIEW_COLUMNS, REVIEW_GROUPS } from '../model/edition2021.js';
import { cellCount } from '../model/values.js';
import { amountToYuan, feeYuan } from '../model/fees.js';
import { EDITION_2019, editionIdOf } from '../model/edition.js';
import { SIGNED_COLUMNS } from '../model/edition2019.js';
import { valueAt } from '../model/cells.js';

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

/** The 2019 edition's cells: its own table 二, its table 三 rows (（六） one row), table 四 as in 2021. */
export const FIGURE_CELLS_2019: readonly FigureCell[] = [
  ...EDITION_2019.proactiveBlocks.flatMap((b) => b.rows.flatMap((r) => b.columns.map((c) => ({ ...cell(`/proactive/${r.key}`, c), amount: c === 'totalAmount' })))),
  ...EDITION_2019.requestLeaves.flatMap((leaf) => REQUEST_COLUMNS.map((c) => cell(leaf.pointer, c.key))),
  ...FIGURE_CELLS.filter((c) => c.pointer.startsWith('/reviewsAndLawsuits/')),
];

/** The figure cells of a report's edition. */
export const figureCellsOf = (data: unknown): readonly FigureCell[] => (editionIdOf(data) === '2019' ? FIGURE_CELLS_2019 : FIGURE_CELLS);

/** 本年增/减: the one signed count, read as written (any safe integer). */
const signedCount = (v: unknown): number | undefined => (typeof v === 'number' && Number.isSafeInteger(v) ? v : undefined);

/** A cell's value; totals left out of the file are computed; fees in whole yuan (1/10000 万元), so sums stay exact. */
export const cellValue = (data: unknown, cell: FigureCell): number | undefined =>
  cell.amount ? (cell.column === 'totalAmount' ? amountToYuan(valueAt(data, cell.pointer)) : feeYuan(data))
    : SIGNED_COLUMNS.has(cell.column) && cell.row.startsWith('/proactive/') ? signedCount(valueAt(data, cell.pointer))
    : cellCount(data, cell.row, cell.column);
