// Rule 9 measured on sentences copied from the corpus, each with the figures
// read by hand (tests/fixtures/across/sentences.json). Every labelled figure
// is tried twice: with the table agreeing (any warning is a false positive)
// and with the table off by one (a warning for that quantity is a true
// positive; none is a miss). The counts are asserted so a regression fails;
// docs/across.md quotes them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { textTable, QUANTITY_CELLS } from '../../src/rules/text.js';
import { extractStatements, type Quantity } from '../../src/text/statements.js';
import { parse } from 'yaml';
import { checkSource } from '../../src/check.js';
import { formatMessage } from '../../src/diagnostics/format-message.js';

const FIX = join(__dirname, '..', 'fixtures', 'across');
const { sentences } = JSON.parse(readFileSync(join(FIX, 'sentences.json'), 'utf8')) as {
  sentences: { src: string; year: number; scope?: string; text: string; expect: [Quantity, number][] }[];
};
const BASE = parse(readFileSync(join(FIX, 'zero-2023.yaml'), 'utf8')) as Record<string, unknown>;

/** A report whose cells hold `values` (fees in yuan) and zero elsewhere. */
function reportWith(text: string, year: number, values: Partial<Record<Quantity, number>>, scope?: string): unknown {
  const r = structuredClone(BASE) as Record<string, any>;
  r.year = year;
  r.overview = text;
  if (scope) r.scope = scope;
  for (const [q, v] of Object.entries(values) as [Quantity, number][]) {
    const [first] = QUANTITY_CELLS[q];
    const keys = first!.slice(1).split('/');
    let o = r;
    for (const k of keys.slice(0, -1)) o = o[k];
    o[keys.at(-1)!] = q === 'fees' ? v / 10000 : v;
    // Keep a total equal to its parts, as in a report that passes rules 1-4.
    if (keys.at(-1) === 'total') o[keys[0] === 'requests' ? 'naturalPerson' : 'upheld'] = v;
  }
  return r;
}

const warnings = (data: unknown) => textTable.check(data, { today: new Date('2030-01-01') }, textTable.finding);

describe('rule 9 on the complete seed report (方城县释之街道办事处 2023, text and tables as published)', () => {
  const seed = readFileSync(join(__dirname, '..', 'fixtures', 'valid', 'shizhi-2023.yaml'), 'utf8');
  it('reads 全年没有发生信息公开申请 as 0 received, which the table agrees with', () => {
    const data = parse(seed) as Record<string, any>;
    expect(extractStatements(data.overview, { year: 2023 }).map((x) => [x.quantity, x.value])).toEqual([['received', 0]]);
    expect(warnings(data)).toEqual([]);
  });
  it('warns when the table holds 12 applications, at the sentence', () => {
    const twelve = seed.replace(/received: \{naturalPerson: 0,(.*)total: 0\}/, 'received: {naturalPerson: 12,$1total: 12}');
    const r = checkSource(twelve, { filename: 'shizhi.yaml' });
    const f = r.findings.filter((x) => x.ruleId === 'TEXT-TABLE');
    expect(f).toHaveLength(1);
    expect(twelve.split('\n')[f[0]!.line - 1]!.slice(f[0]!.column - 1)).toMatch(/^没有发生信息公开申请/);
    expect(formatMessage(f[0]!, 'zh')).toBe('一、总体情况写明「全年没有发生信息公开申请」（0），而 一、本年新收政府信息公开申请数量 · 总计 为 12；文字与表格不一致');
  });
});

describe('rule 9 on corpus sentences', () => {
  it('holds at least 30 sentences', () => {
    expect(sentences.length).toBeGreaterThanOrEqual(30);
  });

  it('extraction: statements found against figures read by hand', () => {
    let tp = 0, fp = 0, fn = 0;
    for (const s of sentences) {
      const got = extractStatements(s.text, { year: s.year }).map((x) => `${x.quantity}=${x.value}`);
      const want = s.expect.map(([q, v]) => `${q}=${v}`);
      for (const g of got) if (want.includes(g)) tp++; else fp++;
      for (const w of want) if (!got.includes(w)) fn++;
    }
    expect({ tp, fp, fn }).toEqual({ tp: 36, fp: 0, fn: 2 });
  });

  it('warnings: precision and recall of TEXT-TABLE', () => {
    let tp = 0, fp = 0, fn = 0;
    for (const s of sentences) {
      const agree = Object.fromEntries(s.expect);
      fp += warnings(reportWith(s.text, s.year, agree, s.scope)).length;
      for (const [q, v] of s.expect) {
        const found = warnings(reportWith(s.text, s.year, { ...agree, [q]: v + 1 }, s.scope));
        const right = found.filter((f) => f.params.quantity === q).length;
        if (right) tp++; else fn++;
        fp += found.length - right;
      }
    }
    const precision = tp / (tp + fp);
    const recall = tp / (tp + fn);
    expect({ tp, fp, fn }).toEqual({ tp: 36, fp: 0, fn: 2 });
    expect(precision).toBeGreaterThanOrEqual(0.9);
    expect(Number(recall.toFixed(2))).toBe(0.95);
  });

  it('the corpus reports whose text and table cell both survive: no warning (001, 003, 024)', () => {
    // 001: 8 received (table 8); 003: 咨询 3 is not an application (table 3, text states none); 024: 3 received (table 3).
    const cases = [
      { src: '001', year: 2022, received: 8 },
      { src: '003', year: 2020, received: 3 },
      { src: '024', year: 2019, received: 3 },
    ];
    for (const c of cases) {
      const mine = sentences.filter((s) => s.src === c.src);
      const text = mine.map((s) => s.text).join('\n\n');
      // Cells the page cut off take the figure the text states; received is the real table cell.
      const cells = Object.fromEntries(mine.flatMap((s) => s.expect));
      expect(warnings(reportWith(text, c.year, { ...cells, received: c.received })), c.src).toEqual([]);
    }
  });
});
