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
