// Property: any valid report, rendered to HTML or to Markdown by `report render`,
// imports back with the same numbers, the same agency and year, and no gaps.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { renderReport } from '../../src/render/index.js';
import { importReport } from '../../src/import/import.js';
import { validateReport } from '../../src/check.js';
import { expectReadBack, reportArb, TODAY } from '../helpers/reports.js';
import { tableNumbers } from './expected.js';

describe('render → import round trip', () => {
  it('generates valid reports', () => {
    fc.assert(fc.property(reportArb, (r) => {
      expect(validateReport(r, { today: TODAY }).filter((f) => f.severity === 'error')).toEqual([]);
    }), { numRuns: 20 });
  });

  for (const format of ['html', 'md'] as const) {
    it(`${format}: every number comes back`, async () => {
      await fc.assert(fc.asyncProperty(reportArb, async (data) => {
        const out = renderReport(data, { format });
        const r = await importReport(out, { filename: `report.${format}`, currentYear: 2026 });
        expectReadBack(r, data, ['problems']);
      }), { numRuns: 30 });
    });
  }
});
