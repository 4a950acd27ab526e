// The real bin, spawned: exit codes, output formats, languages, stdin.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, ROOT } from './helpers/cli.js';

const bad = join('tests', 'fixtures', 'invalid', 't3-balance', 'report.yaml');
const warnOnly = join('tests', 'fixtures', 'invalid', 't2-in-force', 'report.yaml');

describe('report validate', () => {
  it('exits 0 on the shipped examples', () => {
    const r = cli(['validate', 'examples/shizhi-2023.yaml', 'examples/hanyang-2022.yaml', 'examples/hanyang-2022.json']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('检查了 3 个文件，未发现问题');
    expect(r.stderr).toBe('');
  });

  it('exits 1 with located, worded findings on an error', () => {
    const r = cli(['validate', bad]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(bad);
    expect(r.stdout).toMatch(/106:35 +错误 +三、收到和处理政府信息公开申请情况 · 自然人：一 \+ 二 = 8 \+ 0 = 8，三（七）总计 \+ 四 = 8 \+ 1 = 9，相差 1 +T3-BALANCE/);
    expect(r.stdout).toContain('2 个错误');
  });

  it('exits 0 when there are only warnings', () => {
    const r = cli(['validate', warnOnly]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('T2-IN-FORCE');
    expect(r.stdout).toContain('警告');
  });

  it('--quiet prints errors only', () => {
    const r = cli(['validate', '--quiet', warnOnly]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('T2-IN-FORCE');
  });

  it('speaks English with --lang en', () => {
    const r = cli(['validate', '--lang', 'en', bad]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Table 3 · Natural persons: I + II = 8 + 0 = 8, but III (7) total + IV = 8 + 1 = 9, off by 1');
    expect(r.stdout).toContain('2 problems (2 errors, 0 warnings)');
  });

  it('--format json prints one array with the fixed field names', () => {
    const r = cli(['validate', '--format', 'json', bad, 'examples/hanyang-2022.yaml']);
    expect(r.code).toBe(1);
    const findings = JSON.parse(r.stdout);
    expect(findings).toHaveLength(2);
    expect(findings[0]).toMatchObject({ file: bad, ruleId: 'T3-BALANCE', severity: 'error', pointer: '/requests/carriedForward/naturalPerson', line: 106, column: 35 });
    expect(typeof findings[0].message).toBe('string');
    expect(findings[0].related.map((x: { pointer: string }) => x.pointer)).toEqual(['/requests/received/naturalPerson', '/requests/carriedOver/naturalPerson', '/requests/outcomes/total/naturalPerson']);
  });

  it('reads standard input for -', () => {
    const r = cli(['validate', '-'], { input: readFileSync(join(ROOT, bad)) });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('T3-BALANCE');
    const j = cli(['validate', '-', '--stdin-filename', 'x.json'], { input: readFileSync(join(ROOT, 'examples/hanyang-2022.json')) });
    expect(j.code).toBe(0);
  });

  it('exits 2 with one line for a missing file, a folder or an unknown option', () => {
    const missing = cli(['validate', 'no-such-file.yaml']);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim()).toBe('report: 找不到文件：no-such-file.yaml');
    // A folder is searched for reports (tests/tools/many-files.test.ts); one without any is a usage problem.
    const dir = cli(['validate', 'bin']);
    expect(dir.code).toBe(2);
    expect(dir.stderr).toBe('report: 文件夹中没有 .yaml、.yml 或 .json 文件：bin\n');
    const opt = cli(['validate', '--no-such-option', bad]);
    expect(opt.code).toBe(2);
    expect(opt.stderr).toContain('--no-such-option');
    expect(cli(['validate', '--format', 'nope', bad]).code).toBe(2);
    expect(cli(['validate', '--lang', 'fr', bad]).code).toBe(2);
  });

  it('still checks the other files when one is missing, and exits 2', () => {
    const r = cli(['validate', 'nope.yaml', bad]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('T3-BALANCE');
  });

  it('colours only on request', () => {
    const plain = cli(['validate', bad]);
    expect(plain.stdout).not.toContain('\u001b[');
    const coloured = cli(['validate', bad], { env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    expect(coloured.stdout).toContain('\u001b[');
    const off = cli(['validate', '--no-color', bad], { env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    expect(off.stdout).not.toContain('\u001b[');
  });

  it('prints its version', () => {
    const r = cli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  });
});
