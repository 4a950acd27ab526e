// --fix: totals corrected in place, nothing else touched, remaining errors are the human ones.
import { afterAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { cli, ROOT } from '../helpers/cli.js';
import { GOOD, GOOD_JSON, read, remove, tree, variant } from './helpers.js';
import { fixTotals } from '../../src/fix/fix-totals.js';
import { checkSource } from '../../src/check.js';
import { APPLICANT_COLUMN_KEYS, REQUEST_LEAVES } from '../../src/model/edition2021.js';

const ROW = (n: number, total: number) => `{naturalPerson: ${n}, commercial: 0, research: 0, socialWelfare: 0, legalService: 0, otherOrg: 0, total: ${total}}`;
let flow = variant(GOOD, `received: ${ROW(8, 8)}`, `received: ${ROW(8, 13)}`);
// A data change only a person can settle: 不掌握 3 instead of 2 (the balance breaks).
flow = flow.replace(`notHeld: ${ROW(2, 2)}`, `notHeld: ${ROW(3, 2)}`);
flow = flow.replace('review: {upheld: 1, corrected: 0, other: 0, pending: 0, total: 1}', 'review: {upheld: 1, corrected: 0, other: 0, pending: 0, total: 5}');

const dir = tree({
  'flow.yaml': flow,
  'block.yaml': { copy: join(ROOT, 'tests/fixtures/tools/fix/block.yaml') },
  'crlf.yaml': read(join(ROOT, 'tests/fixtures/tools/fix/block.yaml')).replace(/\n/g, '\r\n'),
  'report.json': read(GOOD_JSON).replace('"review": {\n      "upheld": 1,\n      "corrected": 0,\n      "other": 0,\n      "pending": 0,\n      "total": 1', '"review": {\n      "upheld": 1,\n      "corrected": 0,\n      "other": 0,\n      "pending": 0,\n      "total": 4'),
  'clean.yaml': { copy: GOOD },
});
afterAll(() => remove(dir));

const changedLines = (a: string, b: string) => {
  const x = a.split('\n');
  const y = b.split('\n');
  expect(y).toHaveLength(x.length);
  return x.map((l, i) => (l === y[i] ? undefined : [l, y[i]!] as const)).filter((d) => d !== undefined);
};

describe('report validate --fix', () => {
  it('fixes the totals of a flow-style file, prints each change, keeps everything else', () => {
    const before = read(join(dir, 'flow.yaml'));
    const r = cli(['validate', '--fix', 'flow.yaml'], { cwd: dir });
    const after = read(join(dir, 'flow.yaml'));
    expect(r.stdout).toContain('flow.yaml:48:115  一、本年新收政府信息公开申请数量 · 总计：13 → 8');
    expect(r.stdout).toContain('三、本年度办理结果（四）无法提供 · 1.本机关不掌握相关政府信息 · 总计：2 → 3');
    expect(r.stdout).toContain('三、本年度办理结果（七）总计 · 自然人：8 → 9');
    expect(r.stdout).toContain('三、本年度办理结果（七）总计 · 总计：8 → 9');
    expect(r.stdout).toContain('行政复议 · 总计：5 → 1');
    expect(r.stdout).toContain('已修正 1 个文件中的 5 个总计');
    // Exactly those lines changed, and only the numbers in them.
    const diff = changedLines(before, after);
    expect(diff).toHaveLength(4);
    expect(diff[0]).toEqual([`  received: ${ROW(8, 13)}`, `  received: ${ROW(8, 8)}`]);
    expect(diff[3]).toEqual(['  review: {upheld: 1, corrected: 0, other: 0, pending: 0, total: 5}', '  review: {upheld: 1, corrected: 0, other: 0, pending: 0, total: 1}']);
    // What is left needs a person: the balance of table 三.
    const left = (JSON.parse(cli(['validate', '-f', 'json', 'flow.yaml'], { cwd: dir }).stdout) as { ruleId: string; severity: string }[]).filter((f) => f.severity === 'error');
    expect([...new Set(left.map((f) => f.ruleId))]).toEqual(['T3-BALANCE']);
    expect(r.code).toBe(1);
    // No temporary file left behind.
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('fixes a block-style file in the right order, keeping comments, and then it is clean', () => {
    const before = read(join(dir, 'block.yaml'));
    const r = cli(['validate', '--fix', 'block.yaml', '--lang', 'en'], { cwd: dir });
    const after = read(join(dir, 'block.yaml'));
    expect(r.stdout).toContain('I. New requests this year · Total: 13 → 8');
    expect(r.stdout).toContain('III. Outcomes this year (1) Disclosed · Total: 3 → 2');
    expect(r.stdout).toContain('III. Outcomes this year (7) Total · Natural persons: 7 → 8');
    expect(r.stdout).toContain('III. Outcomes this year (7) Total · Total: 99 → 8');
    expect(r.stdout).toContain('Sued directly · Total: 0 → 1');
    expect(after).toContain('    total: 8 # 总计（填错了）');
    expect(changedLines(before, after)).toHaveLength(5);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/T3-ROW-TOTAL|T3-OUTCOME-TOTAL|T4-TOTAL|T3-BALANCE/);
  });

  it('keeps CRLF line endings, and fixes JSON without reformatting it', () => {
    const r = cli(['validate', '--fix', 'crlf.yaml', 'report.json'], { cwd: dir });
    expect(r.code).toBe(0);
    const crlf = read(join(dir, 'crlf.yaml'));
    expect(crlf.split('\r\n')).toHaveLength(read(join(ROOT, 'tests/fixtures/tools/fix/block.yaml')).split('\n').length);
    expect(crlf).not.toMatch(/[^\r]\n/);
    expect(read(join(dir, 'report.json'))).toBe(read(GOOD_JSON));
    expect(r.stdout).toContain('report.json:');
    expect(r.stdout).toContain('行政复议 · 总计：4 → 1');
  });

  it('leaves a clean file untouched and refuses standard input', () => {
    const file = join(dir, 'clean.yaml');
    const before = readFileSync(file);
    const r = cli(['validate', '--fix', 'clean.yaml'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(readFileSync(file).equals(before)).toBe(true);
    const s = cli(['validate', '--fix', '-'], { cwd: dir, input: read(GOOD) });
    expect(s.code).toBe(2);
    expect(s.stderr).toContain('--fix');
  });

  it('leaves the cells of a rule turned off as written (--rule, configuration, library)', () => {
    const file = join(dir, 'off.yaml');
    const before = flow;
    writeFileSync(file, before);
    const r = cli(['validate', '--fix', 'off.yaml', '--rule', 'T4-TOTAL=off', '--rule', 'T3-OUTCOME-TOTAL=off'], { cwd: dir });
    const after = read(file);
    // Row totals are still fixed, (七)总计's own total from its columns as written.
    expect(r.stdout).toContain('一、本年新收政府信息公开申请数量 · 总计：13 → 8');
    expect(r.stdout).toContain('（四）无法提供 · 1.本机关不掌握相关政府信息 · 总计：2 → 3');
    expect(r.stdout).not.toContain('（七）总计 · 自然人');
    expect(r.stdout).not.toContain('行政复议 · 总计');
    expect(after).toContain('review: {upheld: 1, corrected: 0, other: 0, pending: 0, total: 5}');
    expect(changedLines(before, after)).toHaveLength(2);

    // The same through a configuration file, and through the library.
    writeFileSync(file, before);
    writeFileSync(join(dir, 'rows-off.yaml'), 'rules:\n  T3-ROW-TOTAL: off\n');
    const c = cli(['validate', '--fix', 'off.yaml', '--config', 'rows-off.yaml'], { cwd: dir });
    expect(c.stdout).not.toContain('一、本年新收政府信息公开申请数量 · 总计');
    expect(c.stdout).toContain('（七）总计 · 自然人：8 → 9');
    expect(c.stdout).toContain('行政复议 · 总计：5 → 1');
    const lib = fixTotals(before, 'yaml', { off: new Set(['T3-ROW-TOTAL', 'T3-OUTCOME-TOTAL', 'T4-TOTAL']) });
    expect(lib).toEqual({ text: before, changes: [] });
    expect(new Set(fixTotals(before, 'yaml').changes.map((ch) => ch.ruleId))).toEqual(new Set(['T3-ROW-TOTAL', 'T3-OUTCOME-TOTAL', 'T4-TOTAL']));
  });

  it('does not touch a total written with the wrong type', () => {
    const text = variant(GOOD, `received: ${ROW(8, 8)}`, `received: {naturalPerson: 8, commercial: 0, research: 0, socialWelfare: 0, legalService: 0, otherOrg: 0, total: "9"}`);
    const r = fixTotals(text, 'yaml');
    expect(r.changes.filter((c) => c.pointer.startsWith('/requests/received'))).toEqual([]);
    expect(r.text).toContain('total: "9"');
  });

  it('property: after fixTotals no total rule fails and no other number changed', () => {
    const base = read(GOOD);
    const cells = REQUEST_LEAVES.filter((l) => !l.pointer.endsWith('/outcomes/total')).map((l) => l.pointer);
    fc.assert(fc.property(
      fc.array(fc.tuple(fc.integer({ min: 0, max: cells.length - 1 }), fc.constantFrom(...APPLICANT_COLUMN_KEYS, 'total'), fc.integer({ min: 0, max: 500 })), { minLength: 1, maxLength: 8 }),
      (edits) => {
        // Change random cells (including totals) through the Document API, then fix.
        let text = base;
        const doc = checkSource(text, { filename: 'x.yaml' });
        expect(doc.findings.filter((f) => f.severity === 'error')).toEqual([]);
        for (const [i, col, v] of edits) {
          const key = cells[i]!.split('/').pop()!;
          const re = new RegExp(`(\\b${key}: \\{[^}]*\\b${col}: )\\d+`);
          text = text.replace(re, `$1${v}`);
        }
        const fixed = fixTotals(text, 'yaml');
        const ids = checkSource(fixed.text, { filename: 'x.yaml' }).findings.map((f) => f.ruleId);
        expect(ids.filter((id) => id === 'T3-ROW-TOTAL' || id === 'T3-OUTCOME-TOTAL' || id === 'T4-TOTAL')).toEqual([]);
        for (const c of fixed.changes) expect(c.pointer).toMatch(/\/total$|^\/requests\/outcomes\/total\//);
        // Every line that changed holds a changed total, and only its number differs.
        const a = text.split('\n');
        const b = fixed.text.split('\n');
        a.forEach((line, k) => { if (line !== b[k]) expect(line.replace(/\d+/g, '#')).toBe(b[k]!.replace(/\d+/g, '#')); });
      },
    ), { numRuns: 60 });
  });
});

