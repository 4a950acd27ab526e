// The documentation says what the code does: every option of every command
// is in docs/cli.md, every key of the schema in docs/data-file.md, every
// robustness case in docs/reliability.md, and the README's library example runs.
import { afterAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { cli, ROOT } from '../helpers/cli.js';
import { CASES } from '../robustness/cases.js';

const read = (p: string) => readFileSync(join(ROOT, p), 'utf8');
const README = read('README.md');
const CLI_DOC = read('docs/cli.md');

describe('docs/cli.md', () => {
  const commands = [...cli(['--help']).stdout.matchAll(/^ {2}([a-z]+) /gm)].map((m) => m[1]!).filter((c) => c !== 'help');

  it('the commands are found', () => {
    expect(commands).toEqual(expect.arrayContaining(['validate', 'init', 'schema', 'rules', 'render', 'import', 'aggregate']));
  });

  it('names every option of report itself', () => {
    const options = [...cli(['--help']).stdout.matchAll(/(?<![\w-])(--[a-z][a-z-]*)/g)].map((m) => m[1]!).filter((o) => o !== '--help');
    expect(options.length).toBeGreaterThan(0);
    expect(options.filter((o) => !CLI_DOC.includes(`\`${o}`) && !CLI_DOC.includes(` ${o}`))).toEqual([]);
  });

  for (const command of ['validate', 'init', 'schema', 'rules', 'render', 'import', 'aggregate', 'edit']) {
    it(`has a section for report ${command} that names each of its options`, () => {
      expect(CLI_DOC).toMatch(new RegExp(`^## .*report ${command}\\b`, 'm'));
      const help = cli([command, '--help']).stdout;
      const options = [...help.matchAll(/^ {2}(?:-\w, )?(--[a-z][a-z-]*)/gm)].map((m) => m[1]!).filter((o) => o !== '--help');
      const missing = options.filter((o) => !new RegExp(`${o}(?![a-z-])`).test(CLI_DOC));
      expect(missing).toEqual([]);
    });
  }
});

describe('docs/data-file.md', () => {
  it('names every key of the JSON Schema', () => {
    const doc = read('docs/data-file.md');
    const keys = new Set<string>();
    (function walk(n: unknown): void {
      if (!n || typeof n !== 'object') return;
      const props = (n as { properties?: Record<string, unknown> }).properties;
      if (props) for (const k of Object.keys(props)) keys.add(k);
      for (const v of Object.values(n)) walk(v);
    })(JSON.parse(read('schemas/report.schema.json')));
    expect(keys.size).toBeGreaterThan(60);
    expect([...keys].filter((k) => !new RegExp(`(\`${k}\`|\\b${k}:)`).test(doc))).toEqual([]);
  });
});

describe('docs/reliability.md', () => {
  it('has a row for every case of tests/robustness/cases.ts, with its exit code, rule and place', () => {
    const rows = read('docs/reliability.md').split('\n').filter((l) => l.startsWith('| ')).map((l) => l.slice(2, -2).split(' | '));
    const wrong = CASES.flatMap((c) => {
      const row = rows.find((r) => r[0] === c.name || r[0]!.startsWith(`${c.name};`));
      if (!row) return [`${c.name}: no row`];
      const out: string[] = [];
      if (row[1] !== String(c.code)) out.push(`${c.name}: exit ${row[1]}, the test says ${c.code}`);
      if (c.rule && !row[2]!.includes(`\`${c.rule}\``)) out.push(`${c.name}: rule ${row[2]}, the test says ${c.rule}`);
      if (c.at && row[3] !== `${c.at[0]}:${c.at[1]}`) out.push(`${c.name}: at ${row[3]}, the test says ${c.at.join(':')}`);
      return out;
    });
    expect(CASES.length).toBeGreaterThan(80);
    expect(wrong).toEqual([]);
  });
});

describe('README.md', () => {
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-readme-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('stays a short guide (the reference is in docs/)', () => {
    expect(README.split('\n').length).toBeLessThan(250);
  });

  it('keeps the rules table between its markers', () => {
    expect(README).toMatch(/^## Rules$/m);
    expect(README).toMatch(/<!-- rules:start -->\n[\s\S]*\| \[`T3-BALANCE`\]\(docs\/rules\/T3-BALANCE\.md\) \|[\s\S]*\n<!-- rules:end -->/);
  });

  it('its library example runs against the built package', () => {
    const code = /```js\n([\s\S]*?)```/.exec(README)![1]!;
    expect(code).toContain("from 'xxgk-report'");
    writeFileSync(join(dir, 'example.mjs'), code.replace("from 'xxgk-report'", `from '${pathToFileURL(join(ROOT, 'dist', 'index.js')).href}'`));
    copyFileSync(join(ROOT, 'examples', 'hanyang-2022.yaml'), join(dir, 'report.yaml'));
    const out = execFileSync(process.execPath, ['example.mjs'], { cwd: dir, encoding: 'utf8' });
    expect(out).toMatch(/^\d+\n$/m);
    writeFileSync(join(dir, 'report.yaml'), read('tests/fixtures/invalid/t3-balance/report.yaml'));
    const bad = execFileSync(process.execPath, ['example.mjs'], { cwd: dir, encoding: 'utf8' });
    expect(bad).toContain('106:35 error');
    expect(bad).toContain('T3-BALANCE');
    // Worded by formatMessage: the equation with its numbers.
    expect(bad).toMatch(/^106:35 error Table 3 · .+ off by \d+ T3-BALANCE$/m);
    expect(bad).not.toMatch(/^\d+\n/m);
  });
});
