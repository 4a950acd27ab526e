// Table-driven: every valid fixture is clean, every invalid one gives exactly
// the expected rule ids at the expected cells, lines and columns.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkSource } from '../src/check.js';

const FIX = join(import.meta.dirname, 'fixtures');
const TODAY = new Date('2026-11-28T00:00:00Z');

describe('valid fixtures', () => {
  for (const name of readdirSync(join(FIX, 'valid'))) {
    it(`${name} has no findings`, () => {
      const r = checkSource(readFileSync(join(FIX, 'valid', name)), { filename: name, today: TODAY });
      expect(r.findings).toEqual([]);
    });
  }
});

describe('invalid fixtures', () => {
  for (const name of readdirSync(join(FIX, 'invalid'))) {
    const dir = join(FIX, 'invalid', name);
    const file = readdirSync(dir).find((f) => f.startsWith('report.'))!;
    it(`${name} gives the expected findings`, () => {
      const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8'));
      const r = checkSource(readFileSync(join(dir, file)), { filename: file, today: TODAY });
      expect(r.findings.map(({ ruleId, severity, pointer, line, column }) => ({ ruleId, severity, pointer, line, column }))).toEqual(expected);
    });
  }
});
