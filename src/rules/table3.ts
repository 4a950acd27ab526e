// Rules 1–3 of DATA-MODEL.md: the arithmetic of table 三.
import { APPLICANT_COLUMN_KEYS, OUTCOME_ITEMS, REQUEST_COLUMNS, REQUEST_LEAVES } from '../model/edition2021.js';
import type { Finding } from '../diagnostics/finding.js';
import { countOf, defineRule, finding, hasOf, rowAt, sumBy, sumOf } from './define.js';

const OUTCOME_TOTAL = '/requests/outcomes/total';

/** A row object's total: as written when present, else its six columns added up. */
function totalOf(row: object | undefined): number | undefined {
  if (row === undefined) return undefined;
  if (hasOf(row, 'total')) return countOf(row, 'total');
  return sumOf(row, APPLICANT_COLUMN_KEYS);
}

const cellOf = (row: object | undefined, column: string): number | undefined => (column === 'total' ? totalOf(row) : countOf(row, column));

/** The outcome item rows that （七）总计 adds up, read once. */
const outcomeRows = (data: unknown): (object | undefined)[] => OUTCOME_ITEMS.map((i) => rowAt(data, i.pointer));

const sumColumn = (rows: readonly (object | undefined)[], column: string): number | undefined => sumBy(rows, (r) => cellOf(r, column));

/** A cell of table 三, with computed totals where the file leaves them out. */
export function requestCell(data: unknown, row: string, column: string): number | undefined {
  const r = rowAt(data, row);
  if (row === OUTCOME_TOTAL && !hasOf(r, column)) return sumColumn(outcomeRows(data), column);
  return cellOf(r, column);
}

export const t3RowTotal = defineRule({
  ids: ['T3-ROW-TOTAL'],
  check(data) {
    const out: Finding[] = [];
    for (const leaf of REQUEST_LEAVES) {
      const row = rowAt(data, leaf.pointer);
      if (!hasOf(row, 'total')) continue;
      const reported = countOf(row, 'total');
      const computed = sumOf(row, APPLICANT_COLUMN_KEYS);
      if (reported !== undefined && computed !== undefined && reported !== computed) {
        out.push(finding('T3-ROW-TOTAL', `${leaf.pointer}/total`, { computed, reported }, APPLICANT_COLUMN_KEYS.map((c) => `${leaf.pointer}/${c}`)));
      }
    }
    return out;
  },
});

export const t3OutcomeTotal = defineRule({
  ids: ['T3-OUTCOME-TOTAL'],
  check(data) {
    const out: Finding[] = [];
    const total = rowAt(data, OUTCOME_TOTAL);
    if (total === undefined) return out;
    const items = outcomeRows(data);
    for (const col of REQUEST_COLUMNS) {
      if (!hasOf(total, col.key)) continue;
      const reported = countOf(total, col.key);
      const computed = sumColumn(items, col.key);
      if (reported !== undefined && computed !== undefined && reported !== computed) {
        out.push(finding('T3-OUTCOME-TOTAL', `${OUTCOME_TOTAL}/${col.key}`, { computed, reported }, OUTCOME_ITEMS.map((i) => `${i.pointer}/${col.key}`)));
      }
    }
    return out;
  },
});

export const t3Balance = defineRule({
  ids: ['T3-BALANCE'],
  check(data) {
    const out: Finding[] = [];
    const receivedRow = rowAt(data, '/requests/received');
    const carriedOverRow = rowAt(data, '/requests/carriedOver');
    const carriedForwardRow = rowAt(data, '/requests/carriedForward');
    const totalRow = rowAt(data, OUTCOME_TOTAL);
    let items: (object | undefined)[] | undefined;
    for (const col of REQUEST_COLUMNS) {
      const received = cellOf(receivedRow, col.key);
      const carriedOver = cellOf(carriedOverRow, col.key);
      const outcomes = hasOf(totalRow, col.key) ? cellOf(totalRow, col.key) : sumColumn((items ??= outcomeRows(data)), col.key);
      const carriedForward = cellOf(carriedForwardRow, col.key);
      if (received === undefined || carriedOver === undefined || outcomes === undefined || carriedForward === undefined) continue;
      if (received + carriedOver === outcomes + carriedForward) continue;
      const column = col.group ? `${col.group.zh} · ${col.label.zh}` : col.label.zh;
      const columnEn = col.group ? `${col.group.en} · ${col.label.en}` : col.label.en;
      out.push(finding('T3-BALANCE', `/requests/carriedForward/${col.key}`,
        { column, columnEn, received, carriedOver, outcomes, carriedForward },
        [`/requests/received/${col.key}`, `/requests/carriedOver/${col.key}`, `${OUTCOME_TOTAL}/${col.key}`]));
    }
    return out;
  },
});
