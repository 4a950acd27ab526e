// Import of the 2019 trial edition: the edition told by the tables (not the
// cited notice), the signed 本年增/减 and the unit of 采购总金额 read as printed,
// and round trips (render → import) of 2019 reports in HTML and Markdown.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importReport } from '../../src/import/import.js';
import { renderReport } from '../../src/render/index.js';
import { validateReport } from '../../src/check.js';
import { loadReport } from '../../src/load/load.js';
import { EDITION_2019 } from '../../src/model/edition.js';
import { APPLICANT_COLUMN_KEYS, REVIEW_GROUPS, REVIEW_PART_KEYS } from '../../src/model/edition2021.js';
import { tableNumbers } from '../import/expected.js';

const ROOT = join(import.meta.dirname, '..', '..');
const TODAY = new Date('2026-11-28T00:00:00Z');
const imp = (text: string, filename = 'x.txt') => importReport(text, { filename, currentYear: 2026 });
const t2 = (rows: string) => `某镇人民政府2020年政府信息公开工作年度报告\n一、总体情况\n略。\n二、主动公开政府信息情况\n${rows}`;
const ITEMS = '第二十条第（五）项\n信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n';

describe('import, 2019 edition', () => {
  it('reads 本年增/减 as printed: 减4, -4, +2, 增2, 减3; anything else is a gap', async () => {
    const r = await imp(t2(`${ITEMS}行政许可\t6\t减4\t2\n其他对外管理服务事项\t5\t-4\t1\n第二十条第（六）项\n信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n行政处罚\t2\t+2\t2\n行政强制\t1\t增2\t0\n第二十条第（八）项\n信息内容\t上一年项目数量\t本年增/减\n行政事业性收费\t3\t减3\n`));
    expect(r.edition).toBe('2019');
    const p = r.report.proactive as Record<string, any>;
    expect([p.licensing.change, p.otherServices.change, p.punishment.change, p.coercion.change, p.fees.change]).toEqual([-4, -4, 2, 2, -3]);
    const bad = await imp(t2(`${ITEMS}行政许可\t6\t4.5\t2\n其他对外管理服务事项\t5\t-\t1\n`));
    expect(bad.gaps.filter((g) => g.pointer.endsWith('/change'))).toEqual([
      { pointer: '/proactive/licensing/change', reason: 'not-integer', raw: '4.5' },
      { pointer: '/proactive/otherServices/change', reason: 'marker', raw: '-' },
    ]);
  });
  it('reads 采购总金额 with the unit printed in the cell, and without one (no unit guessed)', async () => {
    const head = '第二十条第（九）项\n信息内容\t采购项目数量\t采购总金额\n政府集中采购\t';
    expect(((await imp(t2(`${head}6\t251000元\n`))).report.proactive as any).procurement).toEqual({ projects: 6, totalAmount: 251000, unit: '元' });
    expect(((await imp(t2(`${head}6\t52.15万元\n`))).report.proactive as any).procurement).toEqual({ projects: 6, totalAmount: 52.15, unit: '万元' });
    expect(((await imp(t2(`${head}6\t52.15\n`))).report.proactive as any).procurement).toEqual({ projects: 6, totalAmount: 52.15 });
  });
  it('tells the edition by the tables, not by the notice the page cites', async () => {
    // Corpus 023: a 2023 report citing 〔2021〕30号 but printing the 2019 table 二.
    const r = await importReport(readFileSync(join(ROOT, 'tests/fixtures/import/corpus/023.txt')), { filename: '023.txt', currentYear: 2026 });
    expect(r.edition).toBe('2019');
    expect(r.report.format).toBe('2019');
    expect(r.report.year).toBe(2023);
    expect(validateReport(r.report, { today: TODAY }).map((f) => f.ruleId)).toContain('YEAR-EDITION');
    // A 2021 table 二 on a page that cites the 2019 notice is read as 2021.
    const t = await imp('某局2021年政府信息公开工作年度报告\n依据国办公开办函〔2019〕60号编制。\n一、总体情况\n略。\n二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n');
    expect(t.edition).toBe('2021');
    expect(t.report.format).toBe('2021');
  });
});

// ── Round trips ────────────────────────────────────────────────────────────
const count = fc.nat({ max: 60 });
const row = fc.array(count, { minLength: 6, maxLength: 6 });
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const withTotal = (xs: readonly number[]) => ({ ...Object.fromEntries(APPLICANT_COLUMN_KEYS.map((k, i) => [k, xs[i]!])), total: sum(xs) });

function set(root: Record<string, unknown>, pointer: string, value: unknown) {
  const keys = pointer.slice(1).split('/');
  let o = root;
  for (const k of keys.slice(0, -1)) o = (o[k] ??= {}) as Record<string, unknown>;
  o[keys[keys.length - 1]!] = value;
}

/** A 2019 report that passes every rule. */
const report2019 = fc.record({
  year: fc.constantFrom(2019, 2020),
  docs: fc.array(fc.tuple(fc.nat({ max: 20 }), fc.nat({ max: 20 }), fc.nat({ max: 200 })), { minLength: 2, maxLength: 2 }),
  items: fc.array(fc.tuple(fc.nat({ max: 50 }), fc.integer({ min: -50, max: 50 }), fc.nat({ max: 9999 })), { minLength: 5, maxLength: 5 }),
  procurement: fc.tuple(fc.nat({ max: 99 }), fc.integer({ min: 0, max: 10_000_000 }).map((n) => n / 100), fc.constantFrom(undefined, '元', '万元')),
  outcomes: fc.array(row, { minLength: EDITION_2019.outcomeItems.length, maxLength: EDITION_2019.outcomeItems.length }),
  carriedOver: row,
  forward: row,
  reviews: fc.array(fc.array(fc.nat({ max: 20 }), { minLength: 4, maxLength: 4 }), { minLength: 3, maxLength: 3 }),
}).map((g) => {
  const d = structuredClone(loadReport(readFileSync(join(ROOT, 'tests/fixtures/valid/shanghai-2019.yaml')), { filename: 's.yaml' }).data) as Record<string, any>;
  d.year = g.year;
  d.proactive.regulations = { newlyMade: g.docs[0]![0], newlyPublished: g.docs[0]![1], totalPublished: g.docs[0]![1] + g.docs[0]![2] };
  d.proactive.normativeDocuments = { newlyMade: g.docs[1]![0], newlyPublished: g.docs[1]![1], totalPublished: g.docs[1]![1] + g.docs[1]![2] };
  ['licensing', 'otherServices', 'punishment', 'coercion', 'fees'].forEach((k, i) => {
    const [prev, change, decisions] = g.items[i]!;
    const c = Math.max(change, -prev) || 0; // never -0
    d.proactive[k] = k === 'fees' ? { previousYear: prev, change: c } : { previousYear: prev, change: c, decisions };
  });
  d.proactive.procurement = { projects: g.procurement[0], totalAmount: g.procurement[1], ...(g.procurement[2] ? { unit: g.procurement[2] } : {}) };
  const outcomeSum = APPLICANT_COLUMN_KEYS.map((_, c) => sum(g.outcomes.map((r) => r[c]!)));
  EDITION_2019.outcomeItems.forEach((item, i) => set(d, item.pointer, withTotal(g.outcomes[i]!)));
  d.requests.outcomes.total = withTotal(outcomeSum);
  d.requests.carriedOver = withTotal(g.carriedOver);
  d.requests.carriedForward = withTotal(g.forward.map((x, c) => x + g.carriedOver[c]!));
  d.requests.received = withTotal(outcomeSum.map((x, c) => x + g.forward[c]!));
  REVIEW_GROUPS.forEach((grp, i) => { d.reviewsAndLawsuits[grp.key] = { ...Object.fromEntries(REVIEW_PART_KEYS.map((k, j) => [k, g.reviews[i]![j]!])), total: sum(g.reviews[i]!) }; });
  return d;
});

describe('round trip, 2019 edition', () => {
  for (const format of ['html', 'md'] as const) {
    it(`render -f ${format} → import gives back every number, the unit, no gaps, and the 2019 edition`, async () => {
      await fc.assert(fc.asyncProperty(report2019, async (d) => {
        expect(validateReport(d, { today: TODAY })).toEqual([]);
        const page = renderReport(d, { format });
        const r = await importReport(page, { filename: `r.${format === 'md' ? 'md' : 'html'}`, currentYear: 2026 });
        expect(r.edition).toBe('2019');
        expect(r.gaps).toEqual([]);
        expect(Object.fromEntries(tableNumbers(r.report))).toEqual(Object.fromEntries(tableNumbers(d)));
        expect((r.report.proactive as any).procurement.unit).toBe(d.proactive.procurement.unit);
        expect(r.report.year).toBe(d.year);
        expect(validateReport(r.report, { today: TODAY })).toEqual([]);
      }), { numRuns: 8, seed: 2019 });
    });
  }
});
