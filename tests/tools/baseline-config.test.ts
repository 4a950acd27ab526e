// --write-baseline / --baseline, and rule settings from .xxgkrc.yaml, --config and --rule.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli } from '../helpers/cli.js';
import { BAD_BALANCE, GOOD, WARN_ONLY, read, remove, tree } from './helpers.js';
import { applyBaseline, makeBaseline } from '../../src/baseline/baseline.js';
import type { LocatedFinding } from '../../src/diagnostics/finding.js';

const dir = tree({
  'reports/old.yaml': { copy: BAD_BALANCE },
  'reports/good.yaml': { copy: GOOD },
  'reports/warn.yaml': { copy: WARN_ONLY },
});
afterAll(() => remove(dir));

const errorsOf = (stdout: string) => (JSON.parse(stdout) as { ruleId: string; severity: string; file: string }[]);

describe('baseline', () => {
  it('records current findings and then ignores them, but not new mistakes', () => {
    const w = cli(['validate', 'reports', '--write-baseline', 'ci/baseline.json'], { cwd: dir });
    expect(w.code).toBe(0);
    expect(w.stderr).toMatch(/已写入基线 ci\/baseline\.json：记录了 \d+ 个问题/);
    const b = JSON.parse(read(join(dir, 'ci/baseline.json'))) as { version: number; findings: { file: string; ruleId: string; pointer: string }[] };
    expect(b.version).toBe(1);
    // Paths are relative to the baseline's folder; no line numbers.
    expect(b.findings).toContainEqual({ file: '../reports/old.yaml', ruleId: 'T3-BALANCE', pointer: '/requests/carriedForward/naturalPerson' });
    expect(JSON.stringify(b)).not.toContain('"line"');

    const same = cli(['validate', 'reports', '--baseline', 'ci/baseline.json'], { cwd: dir });
    expect(same.code).toBe(0);
    expect(same.stdout).toContain('未发现问题');

    // Lines move (a comment added at the top): still matched, by cell.
    writeFileSync(join(dir, 'reports/old.yaml'), '# 新增的注释\n# 再一行\n' + read(join(dir, 'reports/old.yaml')));
    expect(cli(['validate', 'reports', '--baseline', 'ci/baseline.json'], { cwd: dir }).code).toBe(0);

    // A new mistake in a file that was clean fails.
    writeFileSync(join(dir, 'reports/good.yaml'), read(GOOD).replace('review: {upheld: 1, corrected: 0, other: 0, pending: 0, total: 1}', 'review: {upheld: 1, corrected: 0, other: 0, pending: 0, total: 2}'));
    const fresh = cli(['validate', 'reports', '--baseline', 'ci/baseline.json', '-f', 'json'], { cwd: dir });
    expect(fresh.code).toBe(1);
    expect(errorsOf(fresh.stdout).filter((f) => f.severity === 'error').map((f) => [f.file, f.ruleId])).toEqual([['reports/good.yaml', 'T4-TOTAL']]);

    // Run from another folder: paths still resolve through the baseline's folder.
    mkdirSync(join(dir, 'elsewhere'), { recursive: true });
    const other = cli(['validate', '../reports/old.yaml', '--baseline', '../ci/baseline.json'], { cwd: join(dir, 'elsewhere') });
    expect(other.code).toBe(0);
  });

  it('suppresses a key at most as many times as it was recorded', () => {
    const f = (pointer: string): LocatedFinding => ({ file: 'a.yaml', ruleId: 'T3-ROW-TOTAL', severity: 'error', pointer, line: 1, column: 1, params: {}, related: [] });
    const b = makeBaseline([f('/x'), f('/x')], '/w', '/w/b.json');
    expect(b.findings).toEqual([{ file: 'a.yaml', ruleId: 'T3-ROW-TOTAL', pointer: '/x', count: 2 }]);
    const r = applyBaseline([f('/x'), f('/x'), f('/x'), f('/y')], b, '/w', '/w/b.json');
    expect(r.suppressed).toBe(2);
    expect(r.kept.map((k) => k.pointer)).toEqual(['/x', '/y']);
  });

  it('exits 2 on a missing or malformed baseline', () => {
    const missing = cli(['validate', 'reports', '--baseline', 'nope.json'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('report: 无法读取基线文件 nope.json：文件不存在\n');
    writeFileSync(join(dir, 'bad-baseline.json'), '{"version": 1, "findings": [{"file": 3}]}');
    const bad = cli(['validate', 'reports', '--baseline', 'bad-baseline.json', '--lang', 'en'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Bad baseline file bad-baseline.json');
  });
});

describe('rule settings', () => {
  it('reads .xxgkrc.yaml from the working folder or above', () => {
    const d = tree({ '.xxgkrc.yaml': 'rules:\n  T3-BALANCE: warn\n  T2-IN-FORCE: off\n', 'sub/deeper/r.yaml': { copy: BAD_BALANCE }, 'sub/deeper/w.yaml': { copy: WARN_ONLY } });
    try {
      const r = cli(['validate', 'r.yaml', 'w.yaml', '-f', 'json'], { cwd: join(d, 'sub/deeper') });
      const found = errorsOf(r.stdout);
      expect(found.filter((f) => f.ruleId === 'T3-BALANCE').every((f) => f.severity === 'warning')).toBe(true);
      expect(found.some((f) => f.ruleId === 'T2-IN-FORCE')).toBe(false);
      expect(r.code).toBe(0);
      // --rule wins over the file.
      expect(cli(['validate', 'r.yaml', '--rule', 'T3-BALANCE=error'], { cwd: join(d, 'sub/deeper') }).code).toBe(1);
    } finally {
      remove(d);
    }
  });

  it('--config FILE and --rule ID=off', () => {
    writeFileSync(join(dir, 'strict.yaml'), 'rules:\n  T2-IN-FORCE: error\n');
    expect(cli(['validate', 'reports/warn.yaml'], { cwd: dir }).code).toBe(0);
    expect(cli(['validate', 'reports/warn.yaml', '--config', 'strict.yaml'], { cwd: dir }).code).toBe(1);
    const off = cli(['validate', 'reports/warn.yaml', '--rule', 'T2-IN-FORCE=off', '-f', 'json'], { cwd: dir });
    expect(errorsOf(off.stdout).some((f) => f.ruleId === 'T2-IN-FORCE')).toBe(false);
  });

  it('an unknown rule id or setting is an error naming the file', () => {
    const d = tree({ '.xxgkrc.yaml': 'rules:\n  T3-BALANSE: off\n', 'r.yaml': { copy: GOOD } });
    try {
      const r = cli(['validate', 'r.yaml'], { cwd: d });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^report: .*\.xxgkrc\.yaml：未知的规则 T3-BALANSE/);
      writeFileSync(join(d, 'c.yaml'), 'rules:\n  T3-BALANCE: maybe\n');
      const s = cli(['validate', 'r.yaml', '--config', 'c.yaml', '--lang', 'en'], { cwd: d });
      expect(s.code).toBe(2);
      expect(s.stderr).toBe('report: c.yaml: rule T3-BALANCE must be set to off, warn or error, not maybe\n');
      writeFileSync(join(d, 'k.yaml'), 'rule:\n  T3-BALANCE: off\n');
      expect(cli(['validate', 'r.yaml', '--config', 'k.yaml'], { cwd: d }).stderr).toContain('未知的键 rule');
      writeFileSync(join(d, '.xxgkrc.yaml'), 'rules:\n  T3-BALANCE: warn\n');
      expect(cli(['validate', 'r.yaml'], { cwd: d }).code).toBe(0);
      expect(cli(['validate', 'r.yaml', '--rule', 'NOPE=off'], { cwd: d }).code).toBe(2);
      expect(cli(['validate', 'r.yaml', '--rule', 'T3-BALANCE'], { cwd: d }).stderr).toContain('规则编号=off|warn|error');
      expect(cli(['validate', 'r.yaml', '--rule', 'PARSE-SYNTAX=off'], { cwd: d }).code).toBe(2);
      expect(cli(['validate', 'r.yaml', '--config', 'missing.yaml'], { cwd: d }).stderr).toBe('report: 无法读取配置文件 missing.yaml：文件不存在\n');
    } finally {
      remove(d);
    }
  });
});
