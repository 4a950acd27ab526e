import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseChineseNumeral, parseFigure } from '../../src/text/numbers.js';
import { extractStatements } from '../../src/text/statements.js';
import { loadReport } from '../../src/load/load.js';
import { locateTextOffset } from '../../src/text/locate.js';
import { checkSource } from '../../src/check.js';
import { formatMessage } from '../../src/diagnostics/format-message.js';

const FIX = join(__dirname, '..', 'fixtures', 'across');

describe('Chinese figures', () => {
  it.each([
    ['十二', 12], ['一百零五', 105], ['两', 2], ['〇', 0], ['零', 0], ['十', 10], ['二十', 20], ['一千二百', 1200],
    ['三万五千', 35000], ['十二万', 120000], ['一百一十', 110], ['两千零三', 2003], ['二〇二三', 2023],
  ])('%s = %d', (s, n) => expect(parseChineseNumeral(s)).toBe(n));
  it.each(['百', '万', '十百', '三四十', 'abc'])('%s is not a number', (s) => expect(parseChineseNumeral(s)).toBeUndefined());
  it.each([['１２', 12], ['1,541', 1541], ['52.15', 52.15], ['3.5万', 35000], ['０．５', 0.5]])('%s = %d', (s, n) => expect(parseFigure(s)).toBe(n));
});

describe('statements', () => {
  const q = (text: string, year = 2023) => extractStatements(text, { year }).map((s) => [s.quantity, s.value]);
  it('reads the phrasings of applications received', () => {
    expect(q('全年共收到政府信息公开申请１２件。')).toEqual([['received', 12]]);
    expect(q('本年度新收政府信息公开申请十二件，办结十件。')).toEqual([['received', 12], ['outcomesTotal', 10]]);
    expect(q('共收到8份政府信息公开申请。')).toEqual([['received', 8]]);
    expect(q('全年没有发生信息公开申请。')).toEqual([['received', 0]]);
    expect(q('本年度未收到政府信息公开申请。')).toEqual([['received', 0]]);
  });
  it('leaves alone what is not a count of applications', () => {
    expect(q('部门信箱收到群众咨询3条。')).toEqual([]);
    expect(q('共办理12345热线47件。')).toEqual([]);
    expect(q('主动公开政府信息20余条，收到申请约30件。')).toEqual([]);
    expect(q('2022年收到政府信息公开申请5件。')).toEqual([]); // another year
    expect(q('较上年，收到政府信息公开申请增加5件。')).toEqual([]);
    expect(q('未发生因政府信息公开申请引起的行政复议。')).toEqual([['reviews', 0]]);
    // Other kinds of application.
    expect(q('全年受理行政许可申请350件，办结率100%。')).toEqual([]);
    expect(q('共收到各类审批申请20件。')).toEqual([]);
    expect(q('没有收到要求更正政府信息的申请。')).toEqual([]);
    expect(q('全年共收到政府信息公开申请及咨询12件。')).toEqual([]);
    // A pending review is not the absence of one; a corrected one is not zero reviews.
    expect(q('因政府信息公开引起的行政复议1件，尚未审结的行政复议案件已按期答复。')).toEqual([['reviews', 1]]);
    expect(q('未出现因政府信息公开被行政复议纠错的情况。')).toEqual([]);
    // Reviews in a sentence that is not about disclosure.
    expect(q('全年发生行政复议案件3件，信息公开工作稳步推进。')).toEqual([]);
  });
  it('knows 上年结转 inclusions and the other quantities', () => {
    const st = extractStatements('共受理政府信息公开申请10件（含上年结转2件）。', { year: 2023 });
    expect(st[0]).toMatchObject({ quantity: 'received', value: 10, includesCarriedOver: true });
    expect(q('制发行政规范性文件3件，制定规章1件，行政事业性收费1.5万元。')).toEqual([['normativeIssued', 3], ['regulationsIssued', 1], ['fees', 15000]]);
    expect(q('因政府信息公开被申请行政复议2件，被提起行政诉讼1件。')).toEqual([['reviews', 2], ['lawsuits', 1]]);
    expect(q('本机关办理行政复议案件15件。')).toEqual([]); // the agency as reviewer
    expect(q('本年度政府信息公开申请共7件。')).toEqual([['received', 7]]);
    expect(q('本年度办结政府信息公开申请共7件。')).toEqual([['outcomesTotal', 7]]);
    expect(q('政府信息公开行政复议、行政诉讼均为0件。')).toEqual([['reviews', 0], ['lawsuits', 0]]);
  });

  it('reads traditional characters as simplified, at the same offsets', () => {
    const trad = '本年度共收到政府信息公開申請12件，上年結轉2件，結轉下年度繼續辦理3件。';
    const simp = '本年度共收到政府信息公开申请12件，上年结转2件，结转下年度继续办理3件。';
    expect(q(trad)).toEqual([['received', 12], ['carriedOver', 2], ['carriedForward', 3]]);
    expect(extractStatements(trad, { year: 2023 }).map((s) => [s.start, s.end])).toEqual(extractStatements(simp, { year: 2023 }).map((s) => [s.start, s.end]));
  });
  it('marks figures said of a whole area', () => {
    const [st] = extractStatements('全区共收到政府信息公开申请500件。', { year: 2023 });
    expect(st).toMatchObject({ quantity: 'received', value: 500, wholeArea: true });
  });
});

describe('rule 9 placed at the figure', () => {
  const table = readFileSync(join(FIX, 'zero-2023.yaml'), 'utf8');
  const withOverview = (block: string) => table.replace(/overview: \|\n  （待填写）\n/, block);
  const at = (text: string, line: number, column: number) => text.split('\n')[line - 1]!.slice(column - 1);

  it.each([
    ['literal block', 'overview: |\n  总体情况。\n\n  全年共收到政府信息公开申请 十二 件。\n'],
    ['folded block', 'overview: >-\n  总体情况，\n  全年共收到政府信息公开申请\n  十二 件。\n'],
    ['explicit indentation', 'overview: |2\n    缩进。\n  全年共收到政府信息公开申请 十二 件。\n'],
    ['double-quoted with escapes', 'overview: "\\u603b体情况。\\n全年\\t共收到政府信息公开申请\n  十二 件。"\n'],
    ['single-quoted', "overview: '总体''情况''。\n\n  全年共收到政府信息公开申请 十二 件。'\n"],
    ['plain multi-line', 'overview: 总体情况。\n  全年共收到政府信息公开申请\n  十二 件。\n'],
  ])('%s', (_name, block) => {
    const text = withOverview(block);
    const r = checkSource(text, { filename: 'r.yaml' });
    const f = r.findings.filter((x) => x.ruleId === 'TEXT-TABLE');
    expect(f).toHaveLength(1);
    expect(at(text, f[0]!.line, f[0]!.column)).toMatch(/^十二 件/);
    expect(formatMessage(f[0]!, 'zh')).toContain('一、本年新收政府信息公开申请数量 · 总计 为 0');
  });

  it('JSON strings with escapes', () => {
    const data = JSON.parse(JSON.stringify(loadReport(table, { filename: 'z.yaml' }).data));
    data.overview = '总体\t情况 "引号" \\ 反斜杠。\n全年共收到政府信息公开申请 十二 件。';
    const json = JSON.stringify(data, null, 2).replace('总体', '\\u603b体');
    const r = checkSource(json, { filename: 'r.json' });
    const f = r.findings.filter((x) => x.ruleId === 'TEXT-TABLE');
    expect(f).toHaveLength(1);
    expect(at(json, f[0]!.line, f[0]!.column)).toMatch(/^十二 件/);
  });

  it('falls back to the start of the value when the source cannot be decoded', () => {
    const l = loadReport(withOverview('overview: |\n  共收到申请 5 件。\n'), { filename: 'r.yaml' });
    const start = l.locate('/overview');
    expect(locateTextOffset({ ...l, data: { overview: 'something else entirely' } }, '/overview', 3)).toEqual(start);
  });

  it('a whole area\'s figure is compared only in a government\'s report', () => {
    const text = withOverview('overview: |\n  全区共收到政府信息公开申请500件，本办收到政府信息公开申请0件。\n');
    expect(checkSource(text, { filename: 'a.yaml' }).findings).toEqual([]);
    const gov = checkSource(text.replace('scope: agency', 'scope: government'), { filename: 'g.yaml' }).findings;
    expect(gov.map((f) => [f.ruleId, formatMessage(f, 'zh').includes('500')])).toEqual([['TEXT-TABLE', true]]);
  });

  it('agreeing text and table: no warning', () => {
    const r = checkSource(readFileSync(join(FIX, 'pair', 'hanyang-2023.yaml')), { filename: 'h.yaml' });
    expect(r.findings).toEqual([]);
  });
});

describe('Chinese numerals, any size', () => {
  // Written the standard way, independently of the parser: 10 → 十, 105 → 一百零五, 20300 → 二万零三百.
  const D = '零一二三四五六七八九';
  function section(n: number, head: boolean): string {
    const units = ['千', '百', '十', ''];
    const ds = String(n).padStart(4, '0').split('').map(Number);
    let out = '';
    let zero = false;
    let started = false;
    ds.forEach((d, i) => {
      if (d === 0) { if (started) zero = true; return; }
      if (zero) { out += '零'; zero = false; }
      out += head && !started && i === 2 && d === 1 ? '十' : D[d]! + units[i]!;
      started = true;
    });
    return out;
  }
  function chinese(n: number): string {
    if (n === 0) return '零';
    const hi = Math.floor(n / 10000);
    const lo = n % 10000;
    let out = hi ? section(hi, true) + '万' : '';
    if (lo) out += (hi && lo < 1000 ? '零' : '') + section(lo, !hi);
    return out;
  }
  it('reads back every number it is given', () => {
    expect([chinese(10), chinese(105), chinese(20300), chinese(110)]).toEqual(['十', '一百零五', '二万零三百', '一百一十']);
    fc.assert(fc.property(fc.integer({ min: 0, max: 99_999_999 }), (n) => {
      expect(parseChineseNumeral(chinese(n)), chinese(n)).toBe(n);
    }), { numRuns: 2000, seed: 7 });
  });
});
