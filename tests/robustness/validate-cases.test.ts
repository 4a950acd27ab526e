// Every case of cases.ts through `report validate` in-process (the real
// command, argv to exit code): exit code, rule, place and words of the message,
// in Chinese, and in English where the case gives English words.
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli.js';
import { CASES, type Case } from './cases.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xxgk-robust-'));
  for (const c of CASES) {
    if (c.file.endsWith('/')) mkdirSync(join(dir, c.file));
    else if (c.name !== 'a missing file') writeFileSync(join(dir, c.file), c.bytes());
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

export async function validate(args: string[], cwd: string) {
  let stdout = '', stderr = '';
  const code = await run(['validate', '--format', 'json', ...args], {
    stdout: (s) => { stdout += s; }, stderr: (s) => { stderr += s; },
    readStdin: async () => new Uint8Array(), cwd, env: {}, stdoutIsTTY: false, stderrIsTTY: false,
  });
  return { code, stdout, stderr };
}

interface F { ruleId: string; severity: string; message: string; pointer: string; line: number; column: number }

const has = (text: string, want: string | RegExp) => (typeof want === 'string' ? expect(text).toContain(want) : expect(text).toMatch(want));

async function check(c: Case, lang: 'zh' | 'en') {
  const want = lang === 'zh' ? c.zh : c.en!;
  const started = performance.now();
  const r = await validate(lang === 'en' ? ['--lang', 'en', c.file] : [c.file], dir);
  expect(performance.now() - started).toBeLessThan(5000);
  expect(r.code).toBe(c.code);
  expect(r.stderr).not.toMatch(/\n\s+at /); // never a stack trace
  if (c.code === 2) {
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^report: /);
    has(r.stderr, want);
    return;
  }
  expect(r.stderr).toBe('');
  const findings = JSON.parse(r.stdout) as F[];
  const errors = findings.filter((f) => f.severity === 'error');
  expect(errors.length).toBe(c.errors ?? 1);
  const f = errors.find((e) => e.ruleId === c.rule)!;
  expect(f, `${c.rule} in ${JSON.stringify(errors)}`).toBeDefined();
  if (c.pointer !== undefined) expect(f.pointer).toBe(c.pointer);
  if (c.at) expect([f.line, f.column]).toEqual(c.at);
  has(f.message, want);
  const warnings = findings.filter((x) => x.severity === 'warning').map((x) => x.ruleId);
  if (c.warning) expect(warnings).toContain(c.warning);
  else expect(warnings).not.toContain('PARSE-ENCODING');
}

describe('bad input through report validate', () => {
  for (const c of CASES) it(`${c.name} → exit ${c.code}${c.rule ? ` ${c.rule}` : ''}`, () => check(c, 'zh'));
});

describe('the same in English', () => {
  for (const c of CASES.filter((x) => x.en)) it(`${c.name} (en)`, () => check(c, 'en'));
});
