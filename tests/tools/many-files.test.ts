// Many files: folders, globs, one summary, --quiet, --max-warnings, exit codes.
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { BIN, cli } from '../helpers/cli.js';
import { BAD_BALANCE, GOOD, GOOD_JSON, WARN_ONLY, remove, tree } from './helpers.js';

const dir = tree({
  'reports/2022/a.yaml': { copy: GOOD },
  'reports/2022/b.json': { copy: GOOD_JSON },
  'reports/2023/bad.yml': { copy: BAD_BALANCE },
  'reports/2023/warn.yaml': { copy: WARN_ONLY },
  'reports/notes.txt': 'not a report',
  'reports/node_modules/x/ignored.yaml': 'not: [valid',
  'reports/.hidden/ignored.yaml': 'not: [valid',
  'empty/readme.md': '# nothing here',
});
afterAll(() => remove(dir));

describe('report validate with folders and globs', () => {
  it('searches a folder recursively, skipping node_modules and dot-folders, with one summary', () => {
    const r = cli(['validate', 'reports'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('reports/2023/bad.yml');
    expect(r.stdout).toContain('reports/2023/warn.yaml');
    expect(r.stdout).not.toContain('ignored');
    expect(r.stdout).toMatch(/✖ 4 个文件中共 \d+ 个问题（2 个错误，\d+ 个警告）\n$/);
    expect(r.stdout.match(/✖/g)).toHaveLength(1);
  });

  it('expands a quoted glob itself', () => {
    const r = cli(['validate', 'reports/**/*.yaml', '--format', 'json'], { cwd: dir });
    const files = [...new Set((JSON.parse(r.stdout) as { file: string }[]).map((f) => f.file))];
    expect(files).toEqual(['reports/2023/warn.yaml']);
    expect(r.code).toBe(0);
    const clean = cli(['validate', 'reports/2022/*'], { cwd: dir });
    expect(clean.code).toBe(0);
    expect(clean.stdout).toContain('检查了 2 个文件，未发现问题');
  });

  it('checks a file named twice (directly and through its folder) once', () => {
    const r = cli(['validate', 'reports/2022/a.yaml', 'reports/2022', './reports/2022/a.yaml'], { cwd: dir });
    expect(r.stdout).toContain('检查了 2 个文件');
  });

  it('exits 2 with a one-line message for a glob or folder without reports', () => {
    const g = cli(['validate', 'nothing/**/*.yaml'], { cwd: dir });
    expect(g.code).toBe(2);
    expect(g.stderr).toBe('report: 没有文件与模式匹配：nothing/**/*.yaml\n');
    const e = cli(['validate', 'empty', '--lang', 'en'], { cwd: dir });
    expect(e.code).toBe(2);
    expect(e.stderr).toBe('report: No .yaml, .yml or .json files in the folder: empty\n');
  });

  it('still checks the other files when one is missing, and exits 2', () => {
    const r = cli(['validate', 'reports/2022', 'missing.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('missing.yaml');
    expect(r.stdout).toContain('检查了 2 个文件');
  });

  it('--quiet prints errors only; --max-warnings fails on too many warnings', () => {
    const q = cli(['validate', '--quiet', 'reports/2023'], { cwd: dir });
    expect(q.stdout).toContain('T3-BALANCE');
    expect(q.stdout).not.toContain('T2-IN-FORCE');
    expect(cli(['validate', 'reports/2023/warn.yaml', '--max-warnings', '1'], { cwd: dir }).code).toBe(0);
    const over = cli(['validate', 'reports/2023/warn.yaml', '--max-warnings', '0'], { cwd: dir });
    expect(over.code).toBe(1);
    expect(over.stderr).toContain('警告过多：1 个，超过 --max-warnings 0');
    const bad = cli(['validate', 'reports', '--max-warnings', 'many'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--max-warnings');
  });

  it('draws a progress bar on a terminal with many files, and only there', () => {
    const many: Record<string, { copy: string }> = {};
    for (let i = 0; i < 25; i++) many[`r/${String(i).padStart(2, '0')}.yaml`] = { copy: GOOD };
    const d = tree(many);
    try {
      const piped = cli(['validate', 'r'], { cwd: d });
      expect(piped.stderr).toBe('');
      // `script` gives the child a terminal; its output is the terminal's.
      const cmd = `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} validate r >/dev/null`;
      const s = spawnSync('script', ['-qec', cmd, '/dev/null'], { cwd: d, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 });
      expect(s.status).toBe(0);
      expect(s.stdout).toMatch(/检查中 .*\d+\/25 个文件/);
    } finally {
      remove(d);
    }
  });
});
