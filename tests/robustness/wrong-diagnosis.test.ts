// Issue 15, items 19 and 21: every value init writes goes through the YAML
// writer (no value becomes a live line), and --fix reads lone-CR and mixed
// line endings as validate does, keeping each line's own ending.
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { BASE_YAML, plant } from './cases.js';
import { inProcess } from './run.js';

let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'xxgk-diag-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ROW = 'carriedOver: {naturalPerson: 0, commercial: 0, research: 0, socialWelfare: 0, legalService: 0, otherOrg: 0, total: 0}';
const WRONG = plant(ROW, ROW.replace('total: 0', 'total: 5'));

describe('item 19: init writes every value through the YAML writer', () => {
  const hostile = ['某局\nyear: 1999', '某局\ryear: 1999', '某局\r\nyear: 1999', '某局\u0085year: 1999', '某局\u2028year: 1999', '某局 # year: 1999', '"某局"', "'某局", '某局: year: 1999', '---\nyear: 1999', '...\nyear: 1999', '&a 某局', '*a', '!!binary 某局', '某局\n#x\n  year: 1999', '@某局', '%YAML 1.1'];
  for (const agency of hostile) {
    it(`--agency ${JSON.stringify(agency)}: read back as written, year 2023, no other key`, async () => {
      const r = await inProcess(['init', '--agency', agency, '--year', '2023', '--schema', 'x.json\nyear: 1999'], dir);
      expect(r.code).toBe(0);
      const data = parse(r.stdout) as Record<string, unknown>;
      expect(data.agency).toBe(agency.trim());
      expect(data.year).toBe(2023);
      expect(Object.keys(data)).toEqual(['format', 'agency', 'year', 'scope', 'preamble', 'overview', 'proactive', 'requests', 'reviewsAndLawsuits', 'problems', 'other']);
      // And it is a report the loader reads the same way (the init template validates clean but for its placeholders).
      writeFileSync(join(dir, 'init.yaml'), r.stdout);
      const v = await inProcess(['validate', 'init.yaml', '-f', 'json'], dir);
      expect((JSON.parse(v.stdout) as { ruleId: string }[]).filter((f) => f.ruleId.startsWith('PARSE-'))).toEqual([]);
    });
  }
});

describe('item 21: --fix reads lone-CR and mixed line endings', () => {
  const endings = { 'lone CR': () => '\r', 'mixed LF, CRLF and CR': (i: number) => ['\n', '\r\n', '\r'][i % 3]! };
  for (const [what, end] of Object.entries(endings)) {
    it(`${what}: fixed at the line validate names, every other byte and line ending kept`, async () => {
      let i = 0;
      const text = WRONG.replace(/\n/g, () => end(i++));
      writeFileSync(join(dir, 'e.yaml'), text);
      const before = await inProcess(['validate', 'e.yaml', '-f', 'json', '--rule', 'T3-BALANCE=off'], dir);
      const at = (JSON.parse(before.stdout) as { ruleId: string; line: number; column: number }[]).find((f) => f.ruleId === 'T3-ROW-TOTAL')!;
      const r = await inProcess(['validate', 'e.yaml', '--fix', '--rule', 'T3-BALANCE=off'], dir);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`e.yaml:${at.line}:${at.column}  二、上年结转政府信息公开申请数量 · 总计：5 → 0`);
      let j = 0;
      expect(readFileSync(join(dir, 'e.yaml'), 'utf8')).toBe(BASE_YAML.replace(/\n/g, () => end(j++)));
    });
  }
});
