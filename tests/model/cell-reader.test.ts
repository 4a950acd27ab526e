// The one cell reader (src/model/values.ts) against the model's definitions of
// the totals, over generated reports: consistent ones (each computed total is
// the sum of the parts the generator drew) and damaged ones (cells and rows
// removed or of the wrong type); and each user of cells (rule 8, the roll-up,
// the renderer, the text check) against the same definitions. Before the four
// readers were one, this test also held each of them to the new one.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  APPLICANT_COLUMN_KEYS, OUTCOME_ITEMS, PROACTIVE_BLOCKS, REQUEST_COLUMNS, REQUEST_LEAVES, REVIEW_COLUMNS, REVIEW_GROUPS, REVIEW_PART_KEYS,
} from '../../src/model/edition2021.js';
import { cellCount, hasOf, isTotalCell, OUTCOME_TOTAL_ROW, rowAt, rowPartsSum, withRowCache } from '../../src/model/values.js';
import { amountToYuan, feeYuan, FEES_POINTER, yuanToAmount } from '../../src/model/fees.js';
import { consistentReport, type Json } from '../property/arbitraries.js';
import { cellValue as acrossCell, FIGURE_CELLS } from '../../src/across/cells.js';
import { cellIn, cellValue as renderCell } from '../../src/render/values.js';
import { QUANTITY_CELLS, tableValue } from '../../src/rules/text.js';
import { parsePointer } from '../../src/model/cells.js';

type Obj = { [k: string]: Json };

/** Every [row, column] of the three tables, from the model. */
const CELLS: readonly (readonly [string, string])[] = [
  ...PROACTIVE_BLOCKS.flatMap((b) => b.rows.flatMap((r) => b.columns.map((c) => [`/proactive/${r.key}`, c] as const))),
  ...REQUEST_LEAVES.flatMap((l) => REQUEST_COLUMNS.map((c) => [l.pointer, c.key] as const)),
  ...REVIEW_GROUPS.flatMap((g) => REVIEW_COLUMNS.map((c) => [`/reviewsAndLawsuits/${g.key}`, c.key] as const)),
];
const ROWS = [...new Set(CELLS.map(([r]) => r))];

const own = (o: unknown, k: string): boolean => o !== null && typeof o === 'object' && Object.prototype.hasOwnProperty.call(o, k);
function written(data: unknown, keys: readonly string[]): { found: boolean; value?: unknown } {
  let v = data;
  for (const k of keys) {
    if (!own(v, k)) return { found: false };
    v = (v as Record<string, unknown>)[k];
  }
  return { found: true, value: v };
}
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const total = (xs: (number | undefined)[]) => (xs.some((x) => x === undefined) ? undefined : xs.reduce<number>((a, b) => a + b!, 0));

/**
 * The model's definition, written out on its own: a cell is what the file
 * writes (a count, or nothing usable); a 总计 left out is its row's parts
 * added up; a cell of （七）总计 left out is that column of the outcome items.
 */
function expected(data: unknown, row: string, column: string): number | undefined {
  const w = written(data, [...parsePointer(row), column]);
  if (w.found) return isCount(w.value) ? w.value : undefined;
  if (row === OUTCOME_TOTAL_ROW) return total(OUTCOME_ITEMS.map((i) => expected(data, i.pointer, column)));
  if (column !== 'total') return undefined;
  if (row.startsWith('/requests/')) return total(APPLICANT_COLUMN_KEYS.map((c) => expected(data, row, c)));
  if (row.startsWith('/reviewsAndLawsuits/')) return total(REVIEW_PART_KEYS.map((c) => expected(data, row, c)));
  return undefined;
}

const BAD: Json[] = [null, -1, 1.5, 'x', '12', [], [1, 2], {}, { total: 3 }, true, 2 ** 60];

/** A consistent report, then cells, rows or tables removed or replaced by values of the wrong type. */
const damagedReport = fc.tuple(
  consistentReport(500),
  fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('delete', 'bad', 'row', 'table')), { maxLength: 12 }),
).map(([made, edits]) => {
  const report = structuredClone(made.report) as Obj;
  for (const [i, j, kind] of edits) {
    const [row, column] = CELLS[i % CELLS.length]!;
    const keys = parsePointer(row);
    const target = kind === 'table' ? keys.slice(0, 1) : kind === 'row' ? keys : [...keys, column];
    let parent: Json = report;
    for (const k of target.slice(0, -1)) parent = parent !== null && typeof parent === 'object' && !Array.isArray(parent) ? (parent as Obj)[k]! : null;
    if (parent === null || typeof parent !== 'object' || Array.isArray(parent)) continue;
    const last = target[target.length - 1]!;
    if (kind === 'delete') delete (parent as Obj)[last];
    else (parent as Obj)[last] = structuredClone(BAD[j % BAD.length]!);
  }
  return report;
});

describe('the cell reader', () => {
  it('gives each total the file leaves out as the sum of the parts the generator drew, and says it was computed', () => {
    let computed = 0;
    fc.assert(fc.property(consistentReport(), ({ report }) => {
      for (const [row, column] of CELLS) {
        if (!isTotalCell(row, column)) continue;
        const c = { value: cellCount(report, row, column), written: hasOf(rowAt(report, row), column) };
        const parts = row === OUTCOME_TOTAL_ROW && column !== 'total'
          ? OUTCOME_ITEMS.map((i) => written(report, [...parsePointer(i.pointer), column]).value as number)
          : (row.startsWith('/requests/') ? APPLICANT_COLUMN_KEYS : REVIEW_PART_KEYS).map((k) => expected(report, row, k)!);
        expect(c.value, `${row}/${column}`).toBe(parts.reduce((a, b) => a + b, 0));
        expect(c.written).toBe(written(report, [...parsePointer(row), column]).found);
        if (!c.written) computed++;
      }
    }), { numRuns: 200 });
    expect(computed).toBeGreaterThan(200);
  });

  it('agrees with the model\'s definitions on damaged reports, with and without the row cache', () => {
    fc.assert(fc.property(damagedReport, (report) => {
      for (const [row, column] of CELLS) {
        const want = expected(report, row, column);
        expect(cellCount(report, row, column), `${row}/${column}`).toBe(want);
        expect(withRowCache(report, () => cellCount(report, row, column))).toBe(want);
      }
      for (const row of ROWS) {
        const parts = row.startsWith('/requests/') ? APPLICANT_COLUMN_KEYS : row.startsWith('/reviewsAndLawsuits/') ? REVIEW_PART_KEYS : undefined;
        expect(rowPartsSum(report, row)).toBe(parts ? total(parts.map((c) => expected(report, row, c))) : undefined);
      }
    }), { numRuns: 300 });
  });

  it('is what each user of cells reads: rule 8 and the roll-up, the renderer, the text check', () => {
    fc.assert(fc.property(damagedReport, (report) => {
      for (const cell of FIGURE_CELLS) {
        const want = cell.amount ? feeYuan(report) : expected(report, cell.row, cell.column);
        expect(acrossCell(report, cell), cell.pointer).toBe(want);
      }
      const view = withRowCache(report, () => CELLS.map(([row, column]) => cellIn(report, row, rowAt(report, row), column)));
      CELLS.forEach(([row, column], k) => {
        const w = written(report, [...parsePointer(row), column]);
        const want = expected(report, row, column);
        const shown = renderCell(report, `${row}/${column}`);
        expect(view[k]).toEqual(shown);
        expect(shown.computed, `${row}/${column}`).toBe(!w.found && want !== undefined);
        if (!w.found) expect(shown.text).toBe(want === undefined ? '' : String(want));
        else if (isCount(w.value)) expect(shown.text).toBe(String(w.value));
      });
      for (const q of Object.keys(QUANTITY_CELLS) as (keyof typeof QUANTITY_CELLS)[]) {
        const want = total(QUANTITY_CELLS[q].map((p) => {
          if (p === FEES_POINTER) return feeYuan(report);
          const i = p.lastIndexOf('/');
          return expected(report, p.slice(0, i), p.slice(i + 1));
        }));
        expect(tableValue(report, q), q).toBe(want);
      }
    }), { numRuns: 300 });
  });
});

describe('fee units', () => {
  it('turn 万元 with up to four decimals into whole yuan and back, exactly', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 9_000_000_000_000 }), (yuan) => {
      const amount = Number((yuan / 10000).toFixed(4));
      expect(amountToYuan(amount)).toBe(yuan);
      expect(yuanToAmount(yuan)).toBe(amount);
      // What the text check did before, in the range where floating point allows it.
      if (yuan < 2 ** 40) expect(Math.round(amount * 10000)).toBe(yuan);
    }), { numRuns: 2000 });
    expect(amountToYuan(0.0003)).toBe(3);
    expect(amountToYuan(12.6457)).toBe(126457);
    expect(amountToYuan(1e-7)).toBe(0);
    expect(amountToYuan(0.00015)).toBe(2);
    expect(amountToYuan(-1)).toBeUndefined();
    expect(amountToYuan('1')).toBeUndefined();
    expect(yuanToAmount(1234.5)).toBe(0.1235);
    expect(feeYuan({ proactive: { fees: { amountTenThousandYuan: 0.1 } } })).toBe(1000);
    expect(feeYuan({ proactive: { fees: [] } })).toBeUndefined();
  });
});
