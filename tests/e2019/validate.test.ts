// The 2019 trial edition: its schema (generated from src/model/edition2019.ts),
// every arithmetic rule on a 2019 report, YEAR-EDITION both ways, and the
// checks across a 2019→2020 and a 2020→2021 pair.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateReport } from '../../src/check.js';
import { loadReport } from '../../src/load/load.js';
import { runPreviousRules } from '../../src/rules/index.js';
import { buildSchema2019 } from '../../src/schema/build-schema-2019.js';
import { schemaToTypeScript } from '../../src/schema/to-typescript.js';
import { blankReport } from '../../src/commands/init.js';
import { EDITION_2019, EDITION_2021, editionForYear, editionIdOf } from '../../src/model/edition.js';
import { describePointer } from '../../src/model/cells.js';
import { formatMessage } from '../../src/diagnostics/format-message.js';

const ROOT = join(import.meta.dirname, '..', '..');
const TODAY = new Date('2026-11-28T00:00:00Z');
const read = (f: string) => loadReport(readFileSync(join(ROOT, f)), { filename: f }).data as Record<string, any>;
const shanghai = () => structuredClone(read('tests/fixtures/valid/shanghai-2019.yaml'));
const hanyang = () => structuredClone(read('examples/hanyang-2022.yaml'));
const ids = (d: unknown) => validateReport(d, { today: TODAY }).map((f) => `${f.ruleId} ${f.pointer}`);
const zero = { naturalPerson: 0, commercial: 0, research: 0, socialWelfare: 0, legalService: 0, otherOrg: 0 };

describe('the 2019 schema and types', () => {
  it('are committed as generated from the model', () => {
    const schema = buildSchema2019();
    expect(JSON.parse(readFileSync(join(ROOT, 'schemas', 'report-2019.schema.json'), 'utf8'))).toEqual(schema);
    expect(readFileSync(join(ROOT, 'src', 'model', 'report2019.generated.ts'), 'utf8')).toBe(schemaToTypeScript(schema, 'schemas/report-2019.schema.json'));
  });
  it('has the 2019 table 二 and a single-row （六）, table 三 otherwise as 2021', () => {
    const s = buildSchema2019() as any;
    expect(Object.keys(s.properties.proactive.properties)).toEqual(['regulations', 'normativeDocuments', 'licensing', 'otherServices', 'punishment', 'coercion', 'fees', 'procurement']);
    expect(s.properties.proactive.properties.normativeDocuments.title).toBe('规范性文件');
    expect(s.properties.requests.properties.outcomes.properties.otherHandling.$ref).toBe('#/$defs/requestRow');
    expect(s.properties.format.const).toBe('2019');
  });
  it('the edition of a file is its format; the year says which it should be', () => {
    expect(editionIdOf({ format: '2019' })).toBe('2019');
    expect(editionIdOf({ format: '2021' })).toBe('2021');
    expect(editionIdOf({ format: 2019 })).toBe('2021');
    expect([2018, 2019, 2020, 2021, 2030].map(editionForYear)).toEqual([undefined, '2019', '2019', '2021', '2021']);
    expect(EDITION_2019.outcomeItems.length).toBe(EDITION_2021.outcomeItems.length - 2);
  });
});

describe('validate on a 2019 report', () => {
  it('a complete real report (上海市人民政府办公厅 2019, corpus 032) and a blank one are clean', () => {
    expect(ids(shanghai())).toEqual([]);
    const blank = loadReport(blankReport({ agency: '某某县', year: 2020, edition: '2019' }), { filename: 'b.yaml' });
    expect(blank.findings).toEqual([]);
    expect(ids(blank.data)).toEqual([]);
    expect(blankReport({ agency: '某某县', year: 2020, edition: '2019' })).toContain('$schema=https://unpkg.com/xxgk-report/schemas/report-2019.schema.json');
  });
  it('本年增/减 takes a negative number; no other count does', () => {
    const d = shanghai();
    d.proactive.licensing = { previousYear: 6, change: -4, decisions: 2 };
    expect(ids(d)).toEqual([]);
    d.proactive.licensing.decisions = -1;
    expect(ids(d)).toEqual(['SCHEMA-NEGATIVE /proactive/licensing/decisions']);
    d.proactive.licensing = { previousYear: 6, change: '减4', decisions: 2 };
    expect(ids(d)).toEqual(['SCHEMA-TYPE /proactive/licensing/change']);
    d.proactive.licensing = { previousYear: 6, change: 1.5, decisions: 2 };
    expect(ids(d)).toEqual(['SCHEMA-TYPE /proactive/licensing/change']);
  });
  it('refuses the 2021 table 二 and the 2021 sub-items of （六） in a 2019 file', () => {
    const d = shanghai();
    d.proactive.licensing = { decisions: 2 };
    d.requests.outcomes.otherHandling = { noCorrection: { ...zero }, feeUnpaid: { ...zero }, other: { ...zero } };
    expect(ids(d)).toEqual(expect.arrayContaining([
      'SCHEMA-REQUIRED /proactive/licensing/previousYear', 'SCHEMA-UNKNOWN-KEY /requests/outcomes/otherHandling/noCorrection',
    ]));
    expect(ids(d).every((x) => x.startsWith('SCHEMA-'))).toBe(true);
  });
  it('the unit of 采购总金额 is 元 or 万元, or left out', () => {
    const d = shanghai();
    d.proactive.procurement = { projects: 6, totalAmount: 52.15 };
    expect(ids(d)).toEqual([]);
    d.proactive.procurement.unit = '千元';
    expect(ids(d)).toEqual(['SCHEMA-ENUM /proactive/procurement/unit']);
  });
  it('rules 1–3 on table 三, with （六）其他处理 one item of （七）', () => {
    const d = shanghai();
    d.requests.outcomes.otherHandling = { ...zero, naturalPerson: 1 };
    expect(ids(d)).toEqual(['T3-OUTCOME-TOTAL /requests/outcomes/total/naturalPerson', 'T3-OUTCOME-TOTAL /requests/outcomes/total/total']);
    const f = validateReport(d, { today: TODAY })[0]!;
    expect(f.params).toMatchObject({ computed: 768, reported: 767 });
    expect(f.related).toContain('/requests/outcomes/otherHandling/naturalPerson');
    d.requests.outcomes.otherHandling.total = 2;
    expect(ids(d)).toContain('T3-ROW-TOTAL /requests/outcomes/otherHandling/total');
    // Left out, （七）总计 is computed from the 2019 items (otherHandling counted once).
    const e = shanghai();
    delete e.requests.outcomes.total;
    expect(ids(e)).toEqual([]);
    e.requests.carriedForward.naturalPerson = 71;
    expect(ids(e)).toEqual(['T3-ROW-TOTAL /requests/carriedForward/total', 'T3-BALANCE /requests/carriedForward/naturalPerson']);
  });
  it('rule 4 on table 四', () => {
    const d = shanghai();
    d.reviewsAndLawsuits.review.total = 8;
    expect(ids(d)).toEqual(['T4-TOTAL /reviewsAndLawsuits/review/total']);
  });
  it('T2-ITEMS-NEGATIVE and T2-PUBLISHED-TOTAL on the 2019 table 二, named in its own labels', () => {
    const d = shanghai();
    d.proactive.fees = { previousYear: 2, change: -3 };
    d.proactive.normativeDocuments = { newlyMade: 5, newlyPublished: 5, totalPublished: 4 };
    expect(ids(d)).toEqual(['T2-ITEMS-NEGATIVE /proactive/fees/change', 'T2-PUBLISHED-TOTAL /proactive/normativeDocuments/totalPublished']);
    d.proactive.fees = { previousYear: 3, change: -3 };
    d.proactive.normativeDocuments.totalPublished = 5;
    expect(ids(d)).toEqual([]);
    expect(describePointer('/proactive/normativeDocuments/totalPublished', 'zh')).toBe('规范性文件 · 对外公开总数量');
    expect(describePointer('/proactive/otherServices/change', 'en')).toBe('Other public administration services · Change this year');
    // The 2021 names stay as they were.
    expect(describePointer('/proactive/normativeDocuments/inForce', 'zh')).toBe('行政规范性文件 · 现行有效件数');
  });
  it('the 2019 rules say nothing about a 2021 report', () => {
    const d = hanyang();
    (d.proactive as any).fees = { amountTenThousandYuan: 0 };
    expect(ids(d)).toEqual([]);
  });
});

describe('YEAR-EDITION', () => {
  it('a 2019 report for 2021 or later is an error naming the year and the edition required', () => {
    const d = shanghai();
    d.year = 2023;
    const f = validateReport(d, { today: TODAY });
    expect(f.map((x) => `${x.ruleId} ${x.severity}`)).toEqual(['YEAR-EDITION error']);
    expect(formatMessage(f[0]!, 'zh')).toBe('2023 年度报告应使用 2021 年格式（format: "2021"，国办公开办函〔2021〕30号），本文件为 format: "2019"');
    expect(formatMessage(f[0]!, 'en')).toContain('A report for 2023 takes the 2021 edition');
    d.year = 2020;
    expect(ids(d)).toEqual([]);
  });
  it('a 2021 report for 2019 or 2020 is an error naming the 2019 edition; for 2008–2018 the older layout', () => {
    const d = hanyang();
    d.year = 2020;
    delete d.published;
    const f = validateReport(d, { today: TODAY });
    expect(f.map((x) => `${x.ruleId} ${x.severity}`)).toEqual(['YEAR-EDITION error']);
    expect(formatMessage(f[0]!, 'zh')).toBe('2020 年度报告应使用 2019 年试行格式（format: "2019"，国办公开办函〔2019〕60号），本文件为 format: "2021"');
    d.year = 2015;
    expect(formatMessage(validateReport(d, { today: TODAY })[0]!, 'zh')).toContain('2019 年以前的旧格式');
  });
});

describe('across editions (--previous)', () => {
  const prev2020 = (): Record<string, any> => ({ ...shanghai(), year: 2020 });
  it('2021 after 2020: 上年结转 against 结转下年度继续办理 (an error), 现行有效件数 against 对外公开总数量 (a warning)', () => {
    const cur = hanyang();
    cur.year = 2021;
    const prev = prev2020();
    prev.requests.carriedForward = { ...zero, total: 0 };
    prev.proactive.normativeDocuments = { newlyMade: 2, newlyPublished: 2, totalPublished: 15 };
    expect(runPreviousRules(cur, prev)).toEqual([]);
    prev.requests.carriedForward = { ...zero, naturalPerson: 3 };
    prev.proactive.normativeDocuments.totalPublished = 14;
    const f = runPreviousRules(cur, prev, { previousFile: '2020.yaml' });
    expect(f.map((x) => `${x.ruleId} ${x.severity} ${x.pointer}`)).toEqual([
      'PREV-CARRY error /requests/carriedOver/naturalPerson',
      'PREV-PUBLISHED-IN-FORCE warning /proactive/normativeDocuments/inForce',
    ]);
    expect(f[1]!.params).toMatchObject({ current: 8, previous: 14, issued: 5, repealed: 12, expected: 7 });
    expect(f[1]!.otherFile).toEqual({ file: '2020.yaml', pointer: '/proactive/normativeDocuments/totalPublished' });
  });
  it('2020 after 2019: 上一年项目数量 against last year\'s 上一年项目数量 + 本年增/减; never a copy across editions', () => {
    const prev = shanghai();
    prev.proactive.licensing = { previousYear: 10, change: -4, decisions: 2 };
    prev.requests.carriedForward = structuredClone(prev.requests.carriedOver);
    const cur = prev2020();
    cur.proactive.licensing = { previousYear: 6, change: 0, decisions: 1 };
    expect(runPreviousRules(cur, prev)).toEqual([]);
    cur.proactive.licensing.previousYear = 10;
    expect(runPreviousRules(cur, prev).map((x) => `${x.ruleId} ${x.pointer}`)).toEqual(['PREV-ITEMS /proactive/licensing/previousYear']);
    // Identical 2019 tables two years running are a copy; a 2021 report is never a copy of a 2019 one.
    const same = { ...structuredClone(prev), year: 2020 };
    expect(runPreviousRules(same, prev).map((x) => x.ruleId)).toContain('PREV-COPIED');
    expect(runPreviousRules(hanyang(), prev).map((x) => x.ruleId)).not.toContain('PREV-COPIED');
  });
});
