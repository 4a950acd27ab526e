import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import iconv from 'iconv-lite';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkPrevious } from '../../src/rules/previous.js';
import { checkCopied } from '../../src/rules/copied.js';
import { cli } from '../helpers/cli.js';

const FIX = join(__dirname, '..', 'fixtures', 'across');
const PAIR = join(FIX, 'pair');
const read = (p: string) => parse(readFileSync(p, 'utf8')) as Record<string, any>;
const y22 = read(join(PAIR, 'hanyang-2022.yaml'));
const y23 = read(join(PAIR, 'hanyang-2023.yaml'));

describe('rule 7 (pure)', () => {
  it('a consistent pair: nothing', () => {
    expect(checkPrevious(y23, y22)).toEqual([]);
  });
  it('二、上年结转 against last year\'s 四, per column', () => {
    const bad = structuredClone(y23);
    bad.requests.carriedOver.naturalPerson = 1;
    bad.requests.carriedOver.commercial = 3;
    const f = checkPrevious(bad, y22, { previousFile: 'a/2022.yaml' });
    expect(f.map((x) => [x.ruleId, x.pointer, x.params.current, x.params.previous, x.otherFile?.pointer])).toEqual([
      ['PREV-CARRY', '/requests/carriedOver/naturalPerson', 1, 2, '/requests/carriedForward/naturalPerson'],
      ['PREV-CARRY', '/requests/carriedOver/commercial', 3, 0, '/requests/carriedForward/commercial'],
    ]);
    expect(f[0]!.severity).toBe('error');
    expect(f[0]!.otherFile?.file).toBe('a/2022.yaml');
  });
  it('a total written alone is compared when no column differs', () => {
    const bad = structuredClone(y23);
    bad.requests.carriedOver.total = 5;
    expect(checkPrevious(bad, y22).map((x) => x.pointer)).toEqual(['/requests/carriedOver/total']);
  });
  it('现行有效 = last year + 制发 − 废止 (warning)', () => {
    const bad = structuredClone(y23);
    bad.proactive.normativeDocuments.inForce = 12;
    const f = checkPrevious(bad, y22);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ ruleId: 'PREV-IN-FORCE', severity: 'warning', params: { current: 12, previous: 8, issued: 3, repealed: 1, expected: 10 } });
  });
});

describe('rule 8 (pure)', () => {
  it('identical tables, not all zero: copied', () => {
    const copy = structuredClone(y22);
    copy.year = 2023;
    expect(checkCopied(copy, y22).map((f) => f.ruleId)).toEqual(['PREV-COPIED']);
  });
  it('one figure different: not copied', () => {
    expect(checkCopied(y23, y22)).toEqual([]);
    const copy = structuredClone(y22);
    copy.proactive.fees.amountTenThousandYuan = 0.0001;
    expect(checkCopied(copy, y22)).toEqual([]);
  });
  it('all zero both years: not a sign of copying', () => {
    const zero = read(join(FIX, 'zero-2023.yaml'));
    const prev = structuredClone(zero);
    prev.year = 2022;
    expect(checkCopied(zero, prev)).toEqual([]);
  });
});

describe('report validate --previous', () => {
  it('auto finds the same agency\'s report of the year before', () => {
    const r = cli(['validate', 'hanyang-2023-wrong-carry.yaml', '--previous', 'auto', '--format', 'json'], { cwd: PAIR });
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as any[];
    const carry = out.find((f) => f.ruleId === 'PREV-CARRY');
    expect(carry).toMatchObject({ pointer: '/requests/carriedOver/naturalPerson', line: 45, column: 32, otherFile: { file: 'hanyang-2022.yaml', pointer: '/requests/carriedForward/naturalPerson', line: 101, column: 35 } });
    expect(carry.message).toContain('hanyang-2023-wrong-carry.yaml 第 45 行');
    expect(carry.message).toContain('hanyang-2022.yaml 第 101 行');
    expect(out.map((f) => f.ruleId).sort()).toEqual(['PREV-CARRY', 'PREV-IN-FORCE']);
  });
  it('a consistent pair is clean', () => {
    const r = cli(['validate', 'hanyang-2023.yaml', '--previous', 'hanyang-2022.yaml'], { cwd: PAIR });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
  it('copied report: a warning naming last year\'s file (English)', () => {
    const r = cli(['--lang', 'en', 'validate', 'copied-2023.yaml', '--previous', 'pair/hanyang-2022.yaml'], { cwd: FIX });
    expect(r.stdout).toContain("same as in last year's report pair/hanyang-2022.yaml");
    expect(r.stdout).toContain('PREV-COPIED');
  });
  it('auto with nothing to find: a note, and the file is still checked', () => {
    const r = cli(['validate', 'zero-2023.yaml', '--previous', 'auto'], { cwd: FIX });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('未找到');
  });
  it('auto with two reports of last year: exit 2, naming both; a GB18030 one is found', () => {
    const dir = mkdtempSync(join(tmpdir(), 'xxgk-prev-'));
    const y22text = readFileSync(join(PAIR, 'hanyang-2022.yaml'), 'utf8');
    copyFileSync(join(PAIR, 'hanyang-2023-wrong-carry.yaml'), join(dir, '2023.yaml'));
    writeFileSync(join(dir, 'a-2022.yaml'), iconv.encode(y22text, 'gb18030'));
    const one = cli(['validate', '2023.yaml', '--previous', 'auto', '--format', 'json'], { cwd: dir });
    expect((JSON.parse(one.stdout) as any[]).find((f) => f.ruleId === 'PREV-CARRY')?.otherFile.file).toBe('a-2022.yaml');
    writeFileSync(join(dir, 'b-2022.json'), JSON.stringify(y22));
    const two = cli(['validate', '2023.yaml', '--previous', 'auto'], { cwd: dir });
    expect(two.code).toBe(2);
    expect(two.stderr).toContain('a-2022.yaml, b-2022.json');
  });
  it('last year\'s file of the wrong year, or missing: exit 2, one line', () => {
    const wrong = cli(['validate', 'hanyang-2023.yaml', '--previous', 'hanyang-2023-wrong-carry.yaml'], { cwd: PAIR });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/^report: 上年报告 hanyang-2023-wrong-carry.yaml 的年度是 2023，应为 2022\n$/);
    const missing = cli(['validate', 'hanyang-2023.yaml', '--previous', 'nope.yaml'], { cwd: PAIR });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.yaml');
    expect(missing.stderr).not.toMatch(/\n\s+at /);
  });
});
