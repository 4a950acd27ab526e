// The npm tarball: no tests or fixtures inside; installs into an empty folder
// from the registry and runs there.
import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/cli.js';
import { BAD_BALANCE, GOOD, remove, tempDir } from './helpers.js';
import { cleanEnv } from './snapshot.js';

const base = tempDir('xxgk-pack-');
afterAll(() => remove(base));
const npm = (args: string[], cwd: string) => execFileSync('npm', args, { cwd, encoding: 'utf8', env: cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'], timeout: 300_000 });

describe('npm pack', () => {
  it('ships the built tool, schemas, templates and the docs the README links to, and no tests or fixtures', () => {
    // dist/ is built by `npm test` before vitest runs; scripts are not rerun here.
    const [info] = JSON.parse(npm(['pack', '--dry-run', '--json', '--ignore-scripts'], ROOT)) as { files: { path: string }[] }[];
    const paths = info!.files.map((f) => f.path);
    expect(paths).toContain('bin/report.js');
    expect(paths).toContain('dist/cli.js');
    expect(paths).toContain('schemas/report.schema.json');
    expect(paths).toContain('README.md');
    expect(paths).toContain('docs/cli.md');
    expect(paths).toContain('docs/rules/T3-BALANCE.md');
    for (const p of paths) {
      expect(p).toMatch(/^(bin|dist|schemas|templates|docs)\/|^(README\.md|package\.json|LICENSE)$/);
      expect(p).not.toMatch(/(^|\/)(tests?|fixtures|__tests__)\/|\.test\.[jt]s$/);
    }
  });

  it('installs from the tarball into an empty folder and runs report there', () => {
    const packDir = join(base, 'pack');
    mkdirSync(packDir);
    npm(['pack', '--ignore-scripts', '--pack-destination', packDir], ROOT);
    const tarball = readdirSync(packDir).find((f) => f.endsWith('.tgz'))!;
    const app = join(base, 'app');
    mkdirSync(app);
    npm(['install', '--no-audit', '--no-fund', '--ignore-scripts', join(packDir, tarball)], app);
    cpSync(GOOD, join(app, 'good.yaml'));
    cpSync(BAD_BALANCE, join(app, 'bad.yaml'));
    const report = (...args: string[]) => spawnSync(join(app, 'node_modules', '.bin', 'report'), args, { cwd: app, encoding: 'utf8', env: cleanEnv(), timeout: 60_000 });

    const version = report('--version');
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toBe((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version);
    expect(report('validate', 'good.yaml').status).toBe(0);
    const bad = report('validate', 'bad.yaml', '--format', 'sarif');
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('"ruleId": "T3-BALANCE"');
    const rendered = report('render', 'good.yaml');
    expect(rendered.stderr).toBe('');
    expect(rendered.status).toBe(0);
    expect(rendered.stdout).toContain('武汉市汉阳区人民政府办公室');
    const init = report('init', '--year', '2024', '--agency', '测试局');
    expect(init.status).toBe(0);
    // pdf.js is a dependency resolved from the installed package (not bundled), with its CMaps.
    cpSync(join(ROOT, 'tests', 'fixtures', 'pdf', 'unruled.pdf'), join(app, 'report.pdf'));
    const pdf = report('import', 'report.pdf', '--format', 'json');
    expect(pdf.stderr).toBe('');
    expect(pdf.status).toBe(0);
    expect(JSON.parse(pdf.stdout).agency).toBe('武汉市汉阳区人民政府办公室');
  }, 600_000);
});
