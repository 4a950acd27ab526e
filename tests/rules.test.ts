// Each rule against its equation: these fail if a rule is deleted or its sum changed.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateReport } from '../src/check.js';
import { loadReport } from '../src/load/load.js';
import { checkSchema } from '../src/schema/check-schema.js';
import { RULES } from '../src/rules/catalog.js';
import { PREVIOUS_RULES, SINGLE_REPORT_RULES } from '../src/rules/index.js';
import type { RuleDefinition } from '../src/rules/rule.js';
import { APPLICANT_COLUMN_KEYS, OUTCOME_ITEMS, REQUEST_COLUMNS } from '../src/model/edition2021.js';
import { formatMessage } from '../src/diagnostics/format-message.js';

const TODAY = new Date('2026-11-28T00:00:00Z');
const base = () => JSON.parse(readFileSync(join(import.meta.dirname, '..', 'examples', 'hanyang-2022.json'), 'utf8'));
const run = (data: unknown) => validateReport(data, { today: TODAY });
const ids = (data: unknown) => run(data).map((f) => `${f.ruleId} ${f.pointer}`);

describe('the example is clean', () => {
  it('has no findings', () => expect(run(base())).toEqual([]));
});

describe('T3-ROW-TOTAL', () => {
  it('checks every row against the six applicant columns', () => {
    const d = base();
    d.requests.outcomes.withheld.processInformation.total = 4;
    const f = run(d).find((x) => x.ruleId === 'T3-ROW-TOTAL')!;
    expect(f.pointer).toBe('/requests/outcomes/withheld/processInformation/total');
    expect(f.params).toMatchObject({ computed: 1, reported: 4 });
    expect(f.related).toEqual(APPLICANT_COLUMN_KEYS.map((c) => `/requests/outcomes/withheld/processInformation/${c}`));
    expect(formatMessage(f, 'zh')).toBe('三、本年度办理结果（三）不予公开 · 6.属于四类过程性信息 · 总计：六类申请人之和为 1，填报为 4，相差 3');
  });
  it('counts every applicant column, the last one too', () => {
    const d = base();
    d.requests.received.otherOrg = 2;
    d.requests.received.total = 10;
    expect(ids(d).filter((x) => x.startsWith('T3-ROW-TOTAL'))).toEqual([]);
    d.requests.received.total = 8;
    expect(ids(d)).toContain('T3-ROW-TOTAL /requests/received/total');
  });
  it('accepts a row without total and computes it', () => {
    const d = base();
    delete d.requests.received.total;
    expect(run(d)).toEqual([]);
  });
});

describe('T3-OUTCOME-TOTAL', () => {
  it('adds （一）,（二） and every item of （三）…（六）, for every column', () => {
    for (const item of OUTCOME_ITEMS) {
      for (const col of APPLICANT_COLUMN_KEYS) {
        const d = base();
        const keys = item.pointer.split('/').slice(1);
        let row = d;
        for (const k of keys) row = row[k];
        row[col] += 1;
        row.total += 1;
        d.requests.outcomes.total[col] += 1;
        d.requests.outcomes.total.total += 1;
        d.requests.carriedForward[col] -= 0;
        // Items and totals agree; only the balance (一+二 = 三+四) must now fail.
        const found = ids(d);
        expect(found.filter((x) => x.startsWith('T3-OUTCOME-TOTAL'))).toEqual([]);
        expect(found).toContain(`T3-BALANCE /requests/carriedForward/${col}`);
      }
    }
  });
  it('reports the column whose sum is off, with both numbers', () => {
    const d = base();
    d.requests.outcomes.unavailable.notHeld.naturalPerson = 3;
    d.requests.outcomes.unavailable.notHeld.total = 3;
    const f = run(d).filter((x) => x.ruleId === 'T3-OUTCOME-TOTAL');
    expect(f.map((x) => x.pointer)).toEqual(['/requests/outcomes/total/naturalPerson', '/requests/outcomes/total/total']);
    expect(f[0]!.params).toMatchObject({ computed: 9, reported: 8 });
    expect(f[0]!.related).toHaveLength(OUTCOME_ITEMS.length);
    expect(formatMessage(f[0]!, 'zh')).toBe('三、本年度办理结果（七）总计 · 自然人：（一）至（六）之和为 9，填报为 8，相差 1');
  });
  it('is computed when （七）总计 is absent, so the balance still holds', () => {
    const d = base();
    delete d.requests.outcomes.total;
    expect(run(d)).toEqual([]);
    d.requests.outcomes.disclosed.naturalPerson += 1;
    d.requests.outcomes.disclosed.total += 1;
    expect(ids(d)).toEqual(['T3-BALANCE /requests/carriedForward/naturalPerson', 'T3-BALANCE /requests/carriedForward/total']);
  });
});

describe('T3-BALANCE', () => {
  it('is 一 + 二 = 三（七）+ 四 in every column', () => {
    for (const col of REQUEST_COLUMNS) {
      const d = base();
      d.requests.carriedOver[col.key] += 2;
      if (col.key !== 'total') d.requests.carriedOver.total += 2;
      const balance = run(d).filter((f) => f.ruleId === 'T3-BALANCE');
      expect(balance.map((f) => f.pointer)).toContain(`/requests/carriedForward/${col.key}`);
      const f = balance.find((x) => x.pointer === `/requests/carriedForward/${col.key}`)!;
      expect(f.params).toMatchObject({ received: d.requests.received[col.key], carriedOver: d.requests.carriedOver[col.key], outcomes: d.requests.outcomes.total[col.key], carriedForward: d.requests.carriedForward[col.key] });
    }
  });
  it('holds when the extra request is carried forward', () => {
    const d = base();
    d.requests.received.commercial = 1;
    d.requests.received.total = 9;
    d.requests.carriedForward.commercial = 1;
    d.requests.carriedForward.total = 1;
    // The overview states these figures too (rule 9): keep it in step.
    d.overview = d.overview.replace('申请 8 件', '申请 9 件').replace('无结转下年度办理的申请', '结转下年度继续办理 1 件');
    expect(run(d)).toEqual([]);
  });
});

describe('T4-TOTAL', () => {
  for (const group of ['review', 'suitDirect', 'suitAfterReview']) {
    for (const part of ['upheld', 'corrected', 'other', 'pending']) {
      it(`${group}: total includes ${part}`, () => {
        const d = base();
        d.reviewsAndLawsuits[group][part] += 1;
        const f = run(d).filter((x) => x.ruleId === 'T4-TOTAL');
        expect(f.map((x) => x.pointer)).toEqual([`/reviewsAndLawsuits/${group}/total`]);
        expect(f[0]!.params.computed).toBe((d.reviewsAndLawsuits[group].total as number) + 1);
      });
    }
  }
});

describe('T2-IN-FORCE (warning)', () => {
  it('warns when fewer are in force than were issued', () => {
    const d = base();
    d.proactive.regulations = { issued: 3, repealed: 0, inForce: 2 };
    const f = run(d);
    expect(f.map((x) => [x.ruleId, x.severity, x.pointer])).toEqual([['T2-IN-FORCE', 'warning', '/proactive/regulations/inForce']]);
    d.proactive.regulations.inForce = 3;
    expect(run(d)).toEqual([]);
  });
});

describe('dates and edition (rule 6)', () => {
  it('agency reports are due by 31 January', () => {
    const d = base();
    d.published = '2023-01-31';
    expect(run(d)).toEqual([]);
    d.published = '2023-02-01';
    expect(ids(d)).toEqual(['DATE-LATE /published']);
  });
  it('government reports are due by 31 March', () => {
    const d = base();
    d.scope = 'government';
    d.published = '2023-03-31';
    expect(run(d)).toEqual([]);
    d.published = '2023-04-01';
    expect(ids(d)).toEqual(['DATE-LATE /published']);
  });
  it('warns when published before the year ended', () => {
    const d = base();
    d.published = '2022-12-31';
    expect(ids(d)).toEqual(['DATE-EARLY /published']);
  });
  it('reports (an error) a year before 2021 that claims the 2021 format', () => {
    const d = base();
    d.year = 2020;
    d.published = '2021-01-10';
    expect(ids(d)).toEqual(['YEAR-EDITION /year']);
    d.year = 2021;
    d.published = '2022-01-10';
    expect(run(d)).toEqual([]);
  });
  it('rejects a year after the current one', () => {
    const d = base();
    d.year = 2027;
    delete d.published;
    expect(ids(d)).toEqual(['SCHEMA-YEAR /year']);
  });
  it('rejects a date that does not exist', () => {
    const d = base();
    d.published = '2023-02-30';
    expect(ids(d)).toContain('SCHEMA-DATE /published');
  });
});

describe('the schema stage', () => {
  it('names the offending key and suggests the right one', () => {
    const d = base();
    d.requests.outcomes.withheld.stateSecrets = d.requests.outcomes.withheld.stateSecret;
    delete d.requests.outcomes.withheld.stateSecret;
    const f = run(d).find((x) => x.ruleId === 'SCHEMA-UNKNOWN-KEY')!;
    expect(f.pointer).toBe('/requests/outcomes/withheld/stateSecrets');
    expect(f.params.suggest).toBe('stateSecret');
  });
  it.each([
    ['"12"', '12', 'quotedNumber'],
    ['"１２"', '１２', 'fullWidth'],
    ['"1,234"', '1,234', 'separators'],
  ])('explains a count written as %s', (_, value, hint) => {
    const d = base();
    d.requests.received.naturalPerson = value;
    const f = run(d).find((x) => x.ruleId === 'SCHEMA-TYPE')!;
    expect(f.pointer).toBe('/requests/received/naturalPerson');
    expect(f.params.hint).toBe(hint);
  });
  it('rejects fees with more than four decimals', () => {
    const d = base();
    d.proactive.fees.amountTenThousandYuan = 1.23456;
    expect(ids(d)).toEqual(['SCHEMA-DECIMALS /proactive/fees/amountTenThousandYuan']);
    d.proactive.fees.amountTenThousandYuan = 1.2345;
    expect(run(d)).toEqual([]);
  });
  it('skips an equation whose cells the schema refused, instead of guessing', () => {
    const d = base();
    d.requests.received.naturalPerson = 'eight';
    expect(ids(d)).toEqual(['SCHEMA-TYPE /requests/received/naturalPerson']);
  });
});

describe('the registry', () => {
  it('runs rules 7 and 8 only with last year\'s report, and rule 9 and SCHEMA-YEAR on every report', () => {
    expect(PREVIOUS_RULES.map((r) => r.id)).toEqual(['PREV-CARRY', 'PREV-IN-FORCE', 'PREV-ITEMS', 'PREV-PUBLISHED-IN-FORCE', 'PREV-COPIED']);
    const single = SINGLE_REPORT_RULES.map((r) => r.id);
    expect(single).toEqual(expect.arrayContaining(['SCHEMA-YEAR', 'TEXT-TABLE', 'T3-BALANCE', 'DATE-LATE', 'DATE-EARLY', 'YEAR-EDITION']));
    expect(single.filter((id) => id.startsWith('PREV-'))).toEqual([]);
    // Every rule is checked by its definition, or its definition says which stage reports it.
    for (const r of RULES as readonly RuleDefinition[]) expect(r.check !== undefined || r.reportedBy !== undefined, r.id).toBe(true);
    expect(SINGLE_REPORT_RULES.length + PREVIOUS_RULES.length + RULES.filter((r) => r.reportedBy).length).toBe(RULES.length);
  });

  it('a check reports its own id only, at its own severity', () => {
    const d = base();
    d.year = 2030;
    d.published = '2030-06-01';
    d.requests.received.total = 9;
    d.reviewsAndLawsuits.review.total = 5;
    d.proactive.regulations = { issued: 3, repealed: 0, inForce: 2 };
    d.overview = '全年共收到政府信息公开申请 3 件。';
    const seen = new Set<string>();
    for (const r of SINGLE_REPORT_RULES) {
      for (const f of r.check(d, { today: TODAY }, r.finding)) {
        expect([f.ruleId, f.severity]).toEqual([r.id, r.severity]);
        seen.add(f.ruleId);
      }
    }
    expect(seen.size).toBeGreaterThanOrEqual(6);
  });

  it('the ids the loader and the schema stage report are the rules that say so (SCHEMA-YEAR: the schema and its own check)', () => {
    const by = new Map((RULES as readonly RuleDefinition[]).map((r) => [r.id, r.reportedBy]));
    const dir = join(import.meta.dirname, 'fixtures', 'invalid');
    const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && /\.(ya?ml|json)$/.test(e.name));
    expect(files.length).toBeGreaterThan(10);
    const loaderIds = new Set<string>();
    const schemaIds = new Set<string>();
    for (const e of files) {
      const l = loadReport(readFileSync(join(e.parentPath, e.name)), { filename: e.name });
      for (const f of l.findings) { expect(by.get(f.ruleId), f.ruleId).toBe('loader'); loaderIds.add(f.ruleId); }
      if (l.data !== undefined) for (const f of checkSchema(l.data, l.numbers)) { schemaIds.add(f.ruleId); expect(f.ruleId === 'SCHEMA-YEAR' || by.get(f.ruleId) === 'schema', f.ruleId).toBe(true); }
    }
    const d = base();
    d.year = 2000;
    expect(checkSchema(d).map((f) => f.ruleId)).toEqual(['SCHEMA-YEAR']);
    expect(loaderIds.size).toBeGreaterThan(0);
    expect(schemaIds.size).toBeGreaterThan(2);
  });
});
