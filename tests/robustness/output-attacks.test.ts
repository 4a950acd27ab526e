// Issue 15, items 14, 15 and 20 (and 11's "read once"): output that attacks
// its reader, and units that are one unit. A breakdown CSV never holds a
// formula-leading cell; control characters and direction overrides reach no
// human format raw, and invisible characters in a key are pointed out;
// aggregate compares units' names normalised and reads each input once.
import { describe, expect, it, beforeAll, afterAll, vi } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BASE_YAML, plant } from './cases.js';
import { inProcess } from './run.js';
import * as read from '../../src/cli/read.js';

// Every read of an input goes through readInput or readInputOrError (src/cli/read.ts): counted, not changed.
const reads = vi.hoisted(() => new Map<string, number>());
vi.mock('../../src/cli/read.js', async (original) => {
  const m = await original<typeof read>();
  const count = (file: string) => reads.set(file, (reads.get(file) ?? 0) + 1);
  return {
    ...m,
    readInput: (...a: Parameters<typeof m.readInput>) => { count(a[0]); return m.readInput(...a); },
    readInputOrError: (...a: Parameters<typeof m.readInputOrError>) => { count(a[0]); return m.readInputOrError(...a); },
  };
});

let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'xxgk-attack-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const unit = (name: string, agency: string) => writeFileSync(join(dir, name), plant('agency: 方城县释之街道办事处', `agency: ${JSON.stringify(agency)}`));

describe('item 14: the breakdown CSV neutralises formula-leading text (OWASP)', () => {
  it('=HYPERLINK, +cmd, -, @SUM, a tab: each cell starts with a quote mark, numbers stay numbers', async () => {
    const names = ['=HYPERLINK("http://evil.example","点击")', "+cmd|' /C calc'!A0", '-2+3+cmd', '@SUM(1+1)*cmd', '\t=1+1', '正常单位'];
    names.forEach((n, i) => unit(`u${i}.yaml`, n));
    const r = await inProcess(['aggregate', ...names.map((_, i) => `u${i}.yaml`), '--agency', '某县', '-o', 'sum.yaml', '--breakdown', 'csv'], dir);
    expect(r.stderr).toContain('已汇总 6 份报告');
    expect(r.code).toBe(0);
    const csv = readFileSync(join(dir, 'sum.breakdown.csv'), 'utf8');
    const rows = csv.slice(1).split('\r\n').filter(Boolean);
    expect(rows.length).toBe(8);
    // A cell starts after a comma or at a line start, outside quotes: none may start with = + - @ or a tab.
    for (const row of rows) {
      expect(row).not.toMatch(/^"?[=+\-@\t]/);
      expect(row).not.toMatch(/,"?[=+\-@\t]/);
    }
    expect(rows[1]).toMatch(/^"'=HYPERLINK\(""http:\/\/evil\.example"",""点击""\)",u0\.yaml,0,/);
    expect(rows[2]!.startsWith(`"'+cmd|' /C calc'!A0",`)).toBe(true);
    expect(rows[6]!.startsWith('正常单位,u5.yaml,0,')).toBe(true);
  });
});

describe('item 15: no control character reaches the terminal raw', () => {
  it('a key holding OSC 52 (writes the clipboard) and a bell is shown as codes in stylish and github output', async () => {
    writeFileSync(join(dir, 'osc.yaml'), plant('year: 2023\n', 'year: 2023\n"x\\e]52;c;SGVsbG8=\\a\\u202e": 1\n'));
    for (const f of ['stylish', 'github']) {
      const r = await inProcess(['validate', 'osc.yaml', '-f', f], dir);
      expect(r.code).toBe(1);
      expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
      expect(r.stdout).toContain('x<U+001B>]52;c;SGVsbG8=<U+0007><U+202E>');
    }
    // JSON keeps the key as it is (escaped by JSON itself), for programs.
    const j = await inProcess(['validate', 'osc.yaml', '-f', 'json'], dir);
    expect(j.stdout).toContain('\\u001b]52');
  });

  for (const [what, key] of [['RLO', 'year\\u202e'], ['NEL', 'year\\N'], ['a BOM mid-line', 'ye\\ufeffar'], ['a soft hyphen', 'ye\\u00adar']] as const) {
    it(`a key with ${what} is pointed out as holding invisible characters`, async () => {
      writeFileSync(join(dir, 'k.yaml'), plant('year: 2023', `"${key}": 2023`));
      const r = await inProcess(['validate', 'k.yaml', '-f', 'json'], dir);
      const f = (JSON.parse(r.stdout) as { ruleId: string; message: string }[]).find((x) => x.ruleId === 'SCHEMA-UNKNOWN-KEY')!;
      expect(f.message).toContain('是否应为「year」');
      expect(f.message).toContain('键名中有全角字符或不可见字符');
    });
  }
});

describe('item 20: one unit however its name is typed', () => {
  const variants: readonly [string, string, string][] = [
    ['full-width brackets', '某某（局）', '某某(局)'],
    ['a zero-width space', '某某局', '某某\u200b局'],
    ['full-width letters', 'ABC局', 'ＡＢＣ局'],
    ['NFD', 'Café局', 'Cafe\u0301局'],
    ['a BOM and a no-break space', '某某局', '\ufeff某某\u00a0局'],
  ];
  for (const [what, a, b] of variants) {
    it(`${what}: refused as the same unit`, async () => {
      unit('a.yaml', a);
      unit('b.yaml', b);
      const r = await inProcess(['aggregate', 'a.yaml', 'b.yaml', '--agency', '某县'], dir);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('a.yaml 与 b.yaml 是同一单位');
    });
  }
  it('different units stay different', async () => {
    unit('a.yaml', '某某局');
    unit('b.yaml', '某某局二分局');
    expect((await inProcess(['aggregate', 'a.yaml', 'b.yaml', '--agency', '某县'], dir)).code).toBe(0);
  });
});

describe('item 11: aggregate reads each input once', () => {
  it('120 inputs, each read once, and the roll-up and breakdown written', async () => {
    const files = Array.from({ length: 120 }, (_, i) => `n${i}.yaml`);
    files.forEach((f, i) => unit(f, `单位${i}`));
    reads.clear();
    const r = await inProcess(['aggregate', ...files, '--agency', '某县', '-o', 'big.yaml', '--breakdown', 'csv'], dir);
    expect(r.code).toBe(0);
    expect(files.map((f) => reads.get(f))).toEqual(files.map(() => 1));
  });
});
