// fast-check arbitraries: consistent reports built from the edition model
// (every row and column the model defines, so a new row is covered without
// editing this file), and the count cells whose change the rules must catch.
import fc from 'fast-check';
import {
  APPLICANT_COLUMN_KEYS, OUTCOME_ITEMS, PROACTIVE_BLOCKS, REQUEST_LEAVES, REVIEW_GROUPS, REVIEW_PART_KEYS,
} from '../../src/model/edition2021.js';
import { joinPointer, parsePointer } from '../../src/model/cells.js';

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Obj = { [k: string]: Json };

const OUTCOME_TOTAL = '/requests/outcomes/total';
const RECEIVED = '/requests/received';
const CARRIED_OVER = '/requests/carriedOver';
const CARRIED_FORWARD = '/requests/carriedForward';
const OUTCOME_POINTERS = new Set(OUTCOME_ITEMS.map((i) => i.pointer));

export function setAt(data: Obj, pointer: string, value: Json): void {
  const keys = parsePointer(pointer);
  let o = data;
  for (const k of keys.slice(0, -1)) o = (o[k] ??= {}) as Obj;
  o[keys[keys.length - 1]!] = value;
}

export function getAt(data: unknown, pointer: string): unknown {
  let v = data;
  for (const k of parsePointer(pointer)) v = (v as Record<string, unknown>)?.[k];
  return v;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

export interface Made {
  readonly report: Obj;
  /** Every count cell of tables 三 and 四 written in the file that an equation holds. */
  readonly cells: readonly string[];
}

/**
 * A report whose arithmetic holds: table 三 items, carried-over and
 * carried-forward are drawn, 一 is what balances each column; totals are
 * written or left out at random; table 四 likewise.
 */
export const consistentReport = (maxCount = 10_000): fc.Arbitrary<Made> => {
  const n = fc.nat({ max: maxCount });
  const row = fc.array(n, { minLength: APPLICANT_COLUMN_KEYS.length, maxLength: APPLICANT_COLUMN_KEYS.length });
  return fc.record({
    year: fc.integer({ min: 2021, max: 2024 }),
    scope: fc.constantFrom('agency', 'government'),
    outcomes: fc.array(row, { minLength: OUTCOME_ITEMS.length, maxLength: OUTCOME_ITEMS.length }),
    carriedForward: row,
    share: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: APPLICANT_COLUMN_KEYS.length, maxLength: APPLICANT_COLUMN_KEYS.length }),
    writeTotals: fc.array(fc.boolean(), { minLength: REQUEST_LEAVES.length + REVIEW_GROUPS.length, maxLength: REQUEST_LEAVES.length + REVIEW_GROUPS.length }),
    reviews: fc.array(fc.array(n, { minLength: REVIEW_PART_KEYS.length, maxLength: REVIEW_PART_KEYS.length }), { minLength: REVIEW_GROUPS.length, maxLength: REVIEW_GROUPS.length }),
    proactive: fc.array(fc.tuple(n, n, n), { minLength: 10, maxLength: 10 }),
    fee: fc.integer({ min: 0, max: 10_000_000 }).map((x) => x / 10_000),
  }).map((g) => {
    const report: Obj = {
      format: '2021', agency: '测试机关', year: g.year, published: `${g.year + 1}-01-15`, scope: g.scope,
      overview: '总体情况。', problems: '无。', other: '无。',
    };
    const cells: string[] = [];
    let p = 0;
    for (const block of PROACTIVE_BLOCKS) {
      for (const r of block.rows) {
        const [a, b, c] = g.proactive[p++]!;
        for (const col of block.columns) {
          // 现行有效 ≥ 本年制发, so rule 5 (a warning) stays quiet.
          const v = col === 'amountTenThousandYuan' ? g.fee : col === 'inForce' ? a + c : col === 'issued' ? a : col === 'repealed' ? b : a;
          setAt(report, `/proactive/${r.key}/${col}`, v);
        }
      }
    }
    const rows = new Map<string, number[]>();
    OUTCOME_ITEMS.forEach((item, i) => rows.set(item.pointer, g.outcomes[i]!));
    const outcomeTotal = APPLICANT_COLUMN_KEYS.map((_, c) => sum(OUTCOME_ITEMS.map((it) => rows.get(it.pointer)![c]!)));
    rows.set(OUTCOME_TOTAL, outcomeTotal);
    rows.set(CARRIED_FORWARD, g.carriedForward);
    // 一 + 二 = 三（七）+ 四: split the right-hand side between 一 and 二.
    const needed = outcomeTotal.map((t, c) => t + g.carriedForward[c]!);
    const carriedOver = needed.map((x, c) => Math.floor(x * g.share[c]!));
    rows.set(CARRIED_OVER, carriedOver);
    rows.set(RECEIVED, needed.map((x, c) => x - carriedOver[c]!));
    REQUEST_LEAVES.forEach((leaf, i) => {
      const values = rows.get(leaf.pointer);
      if (!values) throw new Error(`no values for ${leaf.pointer}`);
      // （七）总计 may be left out as a whole row, any row's total column likewise.
      if (leaf.pointer === OUTCOME_TOTAL && !g.writeTotals[i]) return;
      APPLICANT_COLUMN_KEYS.forEach((col, c) => {
        setAt(report, `${leaf.pointer}/${col}`, values[c]!);
        cells.push(`${leaf.pointer}/${col}`);
      });
      if (g.writeTotals[(i + 7) % g.writeTotals.length]) {
        setAt(report, `${leaf.pointer}/total`, sum(values));
        cells.push(`${leaf.pointer}/total`);
      }
    });
    REVIEW_GROUPS.forEach((grp, i) => {
      const parts = g.reviews[i]!;
      const written = g.writeTotals[REQUEST_LEAVES.length + i]!;
      REVIEW_PART_KEYS.forEach((k, j) => {
        setAt(report, `/reviewsAndLawsuits/${grp.key}/${k}`, parts[j]!);
        // Without a written total no equation holds the parts of table 四.
        if (written) cells.push(`/reviewsAndLawsuits/${grp.key}/${k}`);
      });
      if (written) {
        setAt(report, `/reviewsAndLawsuits/${grp.key}/total`, sum(parts));
        cells.push(`/reviewsAndLawsuits/${grp.key}/total`);
      }
    });
    return { report, cells };
  });
};

export { OUTCOME_POINTERS, joinPointer };
