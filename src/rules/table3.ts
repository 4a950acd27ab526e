// Rules 1–3 of DATA-MODEL.md: the arithmetic of table 三.
import { APPLICANT_COLUMN_KEYS, OUTCOME_ITEMS, REQUEST_COLUMNS, REQUEST_LEAVES } from '../model/edition2021.js';
import type { Finding } from '../diagnostics/finding.js';
import { count, countIn, defineRule, finding, has, hasIn, sum } from './define.js';

const OUTCOME_TOTAL = '/requests/outcomes/total';

/** A row's total: as written when present, else the six columns added up. */
export function rowTotal(data: unknown, row: string): number | undefined {
  return hasIn(data, row, 'total') ? countIn(data, row, 'total') : sum(APPLICANT_COLUMN_KEYS.map((c) => countIn(data, row, c)));
}

/** A cell of table 三, with computed totals where the file leaves them out. */
export function requestCell(data: unknown, row: string, column: string): number | undefined {
  if (row === OUTCOME_TOTAL && !hasIn(data, OUTCOME_TOTAL, column)) {
    return sum(OUTCOME_ITEMS.map((i) => requestCell(data, i.pointer, column)));
  }
  return column === 'total' ? rowTotal(data, row) : countIn(data, row, column);
}

export const t3RowTotal = defineRule({
  ids: ['T3-ROW-TOTAL'],
  check(data) {
    const out: Finding[] = [];
    for (const leaf of REQUEST_LEAVES) {
      const at = `${leaf.pointer}/total`;
      if (!has(data, at)) continue;
      const reported = count(data, at);
      const cells = APPLICANT_COLUMN_KEYS.map((c) => `${leaf.pointer}/${c}`);
      const computed = sum(cells.map((p) => count(data, p)));
      if (reported !== undefined && computed !== undefined && reported !== computed) {
        out.push(finding('T3-ROW-TOTAL', at, { computed, reported }, cells));
      }
    }
    return out;
  },
});

export const t3OutcomeTotal = defineRule({
  ids: ['T3-OUTCOME-TOTAL'],
  check(data) {
    const out: Finding[] = [];
    for (const col of REQUEST_COLUMNS) {
      const at = `${OUTCOME_TOTAL}/${col.key}`;
      if (!has(data, at)) continue;
      const reported = count(data, at);
      const cells = OUTCOME_ITEMS.map((i) => `${i.pointer}/${col.key}`);
      const computed = sum(OUTCOME_ITEMS.map((i) => requestCell(data, i.pointer, col.key)));
      if (reported !== undefined && computed !== undefined && reported !== computed) {
        out.push(finding('T3-OUTCOME-TOTAL', at, { computed, reported }, cells));
      }
    }
    return out;
  },
});

export const t3Balance = defineRule({
  ids: ['T3-BALANCE'],
  check(data) {
    const out: Finding[] = [];
    for (const col of REQUEST_COLUMNS) {
      const cell = (row: string) => requestCell(data, `/requests/${row}`, col.key);
      const received = cell('received');
      const carriedOver = cell('carriedOver');
      const outcomes = cell('outcomes/total');
      const carriedForward = cell('carriedForward');
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
