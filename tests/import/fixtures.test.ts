// Real published pages (tests/fixtures/import/corpus, from the project's corpus)
// and HTML / Word files in the layouts sites use: each is imported and compared,
// cell by cell, with its hand-checked *.expected.yaml.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importReport } from '../../src/import/import.js';
import { validateReport } from '../../src/check.js';
import { readExpected, tableNumbers } from './expected.js';

const FIX = join(import.meta.dirname, '..', 'fixtures', 'import');
const CURRENT_YEAR = 2026;

function cases(dir: string): [string, string][] {
  return readdirSync(join(FIX, dir))
    .filter((f) => f.endsWith('.expected.yaml'))
    .map((f) => {
      const stem = f.replace(/\.expected\.yaml$/, '');
      const input = readdirSync(join(FIX, dir)).find((x) => x.startsWith(`${stem}.`) && !x.endsWith('.expected.yaml'));
      if (!input) throw new Error(`no input for ${f}`);
      return [join(FIX, dir, input), join(FIX, dir, f)];
    });
}

const ALL = [...cases('corpus'), ...cases('html'), ...cases('docx')];

describe('import fixtures', () => {
  it('has at least 15 real reports with expected cells, and HTML and .docx ones', () => {
    expect(cases('corpus').length).toBeGreaterThanOrEqual(15);
    expect(cases('html').length).toBeGreaterThanOrEqual(2);
    expect(cases('docx').length).toBeGreaterThanOrEqual(1);
  });

  for (const [input, expectedFile] of ALL) {
    const name = input.slice(FIX.length + 1);
    it(name, async () => {
      const want = readExpected(expectedFile);
      const r = await importReport(readFileSync(input), { filename: input, currentYear: CURRENT_YEAR });
      expect(r.edition).toBe(want.edition);
      if (want.refused) {
        expect(r.refused?.reason).toBe(want.refused);
        expect(r.refused?.year).toBe(want.year);
        expect(r.report).toEqual({});
        return;
      }
      expect(r.refused).toBeUndefined();
      // Every number on the page, and nothing else.
      expect(Object.fromEntries(tableNumbers(r.report))).toEqual(Object.fromEntries(want.cells));
      // Every place that could not be read, with the reason.
      expect(Object.fromEntries(r.gaps.map((g) => [g.pointer, g.reason]))).toEqual(Object.fromEntries(want.gaps));
      expect(r.report.year).toBe(want.year);
      expect(r.report.agency).toBe(want.agency);
      expect(r.report.published).toBe(want.published);
      expect(r.report.contact).toEqual(want.contact);
      const texts = ['preamble', 'overview', 'problems', 'other'].filter((k) => typeof r.report[k] === 'string' && r.report[k] !== '');
      expect(texts).toEqual(want.sections ?? []);
      if (want.other !== undefined) expect(r.report.other).toBe(want.other);
      if (want.overviewStart) expect(String(r.report.overview)).toMatch(new RegExp(`^${want.overviewStart}`));
      if (want.problemsStart) expect(String(r.report.problems)).toMatch(new RegExp(`^${want.problemsStart}`));
    });
  }

  it('the HTML and Word fixtures read completely and validate clean', async () => {
    for (const f of ['html/official.html', 'docx/report.docx']) {
      const r = await importReport(readFileSync(join(FIX, f)), { filename: f, currentYear: CURRENT_YEAR });
      expect(r.gaps).toEqual([]);
      expect(validateReport(r.report, { today: new Date('2026-11-28T00:00:00Z') })).toEqual([]);
    }
  });
});
