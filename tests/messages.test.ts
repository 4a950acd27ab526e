// Every rule has a message in both languages and is documented in the README.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../src/rules/catalog.js';
import { MESSAGES } from '../src/diagnostics/format-message.js';

const README = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');

describe('rule catalogue', () => {
  it('ids are unique', () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
  });
  for (const r of RULES) {
    it(`${r.id}: zh and en message and title, listed in the README`, () => {
      const m = (MESSAGES as Record<string, { zh: Function; en: Function }>)[r.id];
      expect(m).toBeDefined();
      expect(m).toBe(r.message);
      const params = { key: 'k', value: 1, computed: 1, reported: 2, detail: 'd', column: '自然人', columnEn: 'Natural persons', received: 1, carriedOver: 0, outcomes: 0, carriedForward: 0 };
      expect(m!.zh(params, '单元格')).toMatch(/[\u4e00-\u9fff]/);
      expect(m!.en(params, 'cell')).toMatch(/^[\x20-\x7e\u00a0-\u2000（）〔〕“”·…\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+$/);
      expect(r.title.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(r.title.en).toMatch(/[a-z]/);
      expect(README).toContain(`\`${r.id}\``);
    });
  }
});

describe('SCHEMA-YEAR wording', () => {
  // The schema reports years below 2008 and past 9999 under the same id as the rule's "after this year".
  const m = (MESSAGES as Record<string, { zh: (p: object, c: string) => string; en: (p: object, c: string) => string }>)['SCHEMA-YEAR']!;
  it('says before 2008, not after the current year, for an early year', () => {
    expect(m.zh({ value: 2000, limit: 2008 }, '')).toBe('报告年度 2000 早于 2008 年（《政府信息公开条例》自 2008 年施行）');
    expect(m.en({ value: 2000, limit: 2008 }, '')).toMatch(/^Report year 2000 is before 2008/);
  });
  it('says not a four-digit year past 9999', () => {
    expect(m.zh({ value: 20240, limit: 9999 }, '')).toBe('报告年度 20240 不是四位数的公历年份');
    expect(m.en({ value: 20240, limit: 9999 }, '')).toBe('Report year 20240 is not a four-digit calendar year');
  });
  it('says after the current year otherwise', () => {
    expect(m.zh({ value: 2099, limit: 2026 }, '')).toBe('报告年度 2099 晚于当前年度 2026');
  });
});
