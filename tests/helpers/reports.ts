// Generated valid reports for the round-trip property tests (render → import,
// docx → import, xlsx → import): totals add up, 一 + 二 = 三（七） + 四 in every column.
import fc from 'fast-check';
import { expect } from 'vitest';
import { validateReport } from '../../src/check.js';
import type { ImportResult } from '../../src/import/import.js';
import { tableNumbers } from '../import/expected.js';
import { APPLICANT_COLUMN_KEYS, OUTCOME_ITEMS, PROACTIVE_BLOCKS, REVIEW_GROUPS, REVIEW_PART_KEYS } from '../../src/model/edition2021.js';

export const TODAY = new Date('2026-11-28T00:00:00Z');
const SENTENCES = [
  '全年主动公开政府信息 1,520 条，其中政策文件 32 件。',
  '（一）主动公开情况。认真落实政务信息公开制度。',
  '一是公开内容还不够丰富；二是解读形式较为单一。',
  '2023 年，我局将进一步加强培训，提升工作质量。',
  '严格落实信息发布审核制度，对拟公开信息逐条进行保密审查。',
  '无。',
];
const AGENCIES = ['示例区人民政府办公室', '某市生态环境局', '某县某镇人民政府', '示例市人民政府'];

const count = fc.nat({ max: 60 });
const row = fc.array(count, { minLength: 6, maxLength: 6 });
const text = fc.array(fc.constantFrom(...SENTENCES), { minLength: 1, maxLength: 3 }).map((a) => a.join('\n\n'));

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const withTotal = (keys: readonly string[], xs: readonly number[], total: boolean) =>
  Object.fromEntries([...keys.map((k, i) => [k, xs[i]!] as const), ...(total ? [['total', sum(xs)] as const] : [])]);

function set(root: Record<string, unknown>, pointer: string, value: unknown) {
  const keys = pointer.slice(1).split('/');
  let o = root;
  for (const k of keys.slice(0, -1)) o = (o[k] ??= {}) as Record<string, unknown>;
  o[keys[keys.length - 1]!] = value;
}

/** A report that passes every rule: totals add up, 一 + 二 = 三（七） + 四 in every column. */
export const reportArb = fc.record({
  agency: fc.constantFrom(...AGENCIES),
  year: fc.integer({ min: 2021, max: 2025 }),
  totals: fc.boolean(),
  issued: fc.array(fc.nat({ max: 30 }), { minLength: 2, maxLength: 2 }),
  repealed: fc.array(fc.nat({ max: 30 }), { minLength: 2, maxLength: 2 }),
  extra: fc.array(fc.nat({ max: 300 }), { minLength: 2, maxLength: 2 }),
  decisions: fc.array(fc.nat({ max: 100_000 }), { minLength: 3, maxLength: 3 }),
  fees: fc.integer({ min: 0, max: 1_000_000 }).map((n) => n / 10_000),
  outcomes: fc.array(row, { minLength: OUTCOME_ITEMS.length, maxLength: OUTCOME_ITEMS.length }),
  carriedForward: row,
  carriedOver: row,
  reviews: fc.array(fc.array(fc.nat({ max: 20 }), { minLength: 4, maxLength: 4 }), { minLength: 3, maxLength: 3 }),
  overview: text,
  problems: text,
  other: text,
}).map((g) => {
  const report: Record<string, unknown> = { format: '2021', agency: g.agency, year: g.year, overview: g.overview };
  const proactive: Record<string, unknown> = {};
  const rows = PROACTIVE_BLOCKS.flatMap((b) => b.rows.map((r) => r.key));
  proactive[rows[0]!] = { issued: g.issued[0], repealed: g.repealed[0], inForce: g.issued[0]! + g.extra[0]! };
  proactive[rows[1]!] = { issued: g.issued[1], repealed: g.repealed[1], inForce: g.issued[1]! + g.extra[1]! };
  proactive[rows[2]!] = { decisions: g.decisions[0] };
  proactive[rows[3]!] = { decisions: g.decisions[1] };
  proactive[rows[4]!] = { decisions: g.decisions[2] };
  proactive[rows[5]!] = { amountTenThousandYuan: g.fees };
  report.proactive = proactive;
  const requests: Record<string, unknown> = {};
  const outcomeTotal = APPLICANT_COLUMN_KEYS.map((_, c) => sum(g.outcomes.map((r) => r[c]!)));
  const carriedOver = g.carriedOver.map((v, c) => Math.min(v, outcomeTotal[c]! + g.carriedForward[c]!));
  const received = outcomeTotal.map((t, c) => t + g.carriedForward[c]! - carriedOver[c]!);
  set(requests, '/received', withTotal(APPLICANT_COLUMN_KEYS, received, g.totals));
  set(requests, '/carriedOver', withTotal(APPLICANT_COLUMN_KEYS, carriedOver, g.totals));
  OUTCOME_ITEMS.forEach((leaf, i) => set(requests, leaf.pointer.replace('/requests', ''), withTotal(APPLICANT_COLUMN_KEYS, g.outcomes[i]!, g.totals)));
  if (g.totals) set(requests, '/outcomes/total', withTotal(APPLICANT_COLUMN_KEYS, outcomeTotal, true));
  set(requests, '/carriedForward', withTotal(APPLICANT_COLUMN_KEYS, g.carriedForward, g.totals));
  report.requests = requests;
  report.reviewsAndLawsuits = Object.fromEntries(REVIEW_GROUPS.map((grp, i) => [grp.key, withTotal(REVIEW_PART_KEYS, g.reviews[i]!, g.totals)]));
  report.problems = g.problems;
  report.other = g.other;
  return report;
});


/** What every round trip checks: read whole (no refusal, no gap), the same agency, year and numbers, valid, the given texts as they were. */
export function expectReadBack(r: ImportResult, data: Record<string, unknown>, texts: readonly ('overview' | 'problems' | 'other')[]): void {
  expect(r.refused).toBeUndefined();
  expect(r.gaps).toEqual([]);
  expect(r.report.agency).toBe(data.agency);
  expect(r.report.year).toBe(data.year);
  const got = tableNumbers(r.report);
  for (const [p, v] of tableNumbers(data)) expect(got.get(p), p).toBe(v);
  // Totals the file left out were printed (or computed): they must add up.
  expect(validateReport(r.report, { today: TODAY }).filter((f) => f.severity === 'error')).toEqual([]);
  for (const k of texts) expect(r.report[k], k).toBe(data[k]);
}
