// The pre-commit hook, for real: Debian's pre-commit (installed by .ci/run)
// installs this repository as a node hook and runs it on a temporary repo.
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ROOT } from '../helpers/cli.js';
import { BAD_BALANCE, GOOD, remove, tempDir } from './helpers.js';
import { cleanEnv, git, snapshotRepo } from './snapshot.js';

const base = tempDir('xxgk-pre-commit-');
afterAll(() => remove(base));

describe('.pre-commit-hooks.yaml', () => {
  it('declares report-validate as a node hook on YAML and JSON report files', () => {
    const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; language: string; entry: string; files: string; exclude: string }[];
    const hook = hooks.find((h) => h.id === 'report-validate')!;
    expect(hook.language).toBe('node');
    expect(hook.entry).toMatch(/^report validate\b/);
    // pre-commit matches with Python's re.search; these patterns mean the same in JavaScript.
    const picked = (f: string) => new RegExp(hook.files).test(f) && !new RegExp(hook.exclude).test(f);
    for (const f of ['a.yaml', 'reports/2023.yml', 'x.json', 'reports/v1.2/a.yaml']) expect(picked(f)).toBe(true);
    for (const f of ['a.md', 'yaml.txt', 'a.yaml.bak', '.pre-commit-config.yaml', '.github/workflows/ci.yml', 'package.json', 'web/package-lock.json', 'node_modules/x/a.json']) expect(picked(f)).toBe(false);
  });

  it('pre-commit try-repo installs this repository as a hook: the good report passes, the bad one fails', () => {
    const which = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
    if (which.error) throw new Error("pre-commit is not installed: .ci/run installs Debian's pre-commit package (apt-get install -y pre-commit)");

    // try-repo clones a commit: the current tree, committed in a scratch repository.
    const repo = join(base, 'hook-repo');
    mkdirSync(repo);
    snapshotRepo(repo);
    const work = join(base, 'work');
    mkdirSync(join(work, 'reports'), { recursive: true });
    mkdirSync(join(work, '.github', 'workflows'), { recursive: true });
    git(work, 'init', '-q');
    cpSync(GOOD, join(work, 'reports', 'good.yaml'));
    cpSync(BAD_BALANCE, join(work, 'reports', 'bad.yaml'));
    writeFileSync(join(work, 'package.json'), '{"name": "reports", "private": true}\n');
    writeFileSync(join(work, '.github', 'workflows', 'ci.yml'), 'on: push\n');
    git(work, 'add', '-A');
    const env = cleanEnv({ PRE_COMMIT_HOME: join(base, 'cache') });
    // Without --files, try-repo checks the staged files, as a commit would.
    const r = spawnSync('pre-commit', ['try-repo', repo, 'report-validate', '--verbose'], { cwd: work, env, encoding: 'utf8', timeout: 600_000 });
    const out = r.stdout + r.stderr;
    expect(out).toMatch(/report validate.*Failed/);
    expect(r.status).toBe(1);
    expect(out).toContain('reports/bad.yaml');
    expect(out).toContain('T3-BALANCE');
    // The good report was checked and passed; the other YAML/JSON files were left alone.
    expect(out).toMatch(/✖ 2 个文件中共/);
    expect(out).not.toContain('reports/good.yaml');
    expect(out).not.toMatch(/package\.json|ci\.yml/);
  }, 900_000);
});
