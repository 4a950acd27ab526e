// Property-based tests of validate (fast-check): consistent reports are clean,
// any single wrong count is caught at that cell or a total that depends on it.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { checkSource, validateReport } from '../../src/check.js';
import { consistentReport, getAt, OUTCOME_POINTERS, setAt, type Json } from './arbitraries.js';

const TODAY = new Date('2026-06-01T00:00:00Z');
/** Run counts, reported in docs/reliability.md. */
export const RUNS = { clean: 300, cleanText: 60, oneChange: 1000 };

describe('consistent reports', () => {
  it(`validate clean (${RUNS.clean} generated reports)`, () => {
    fc.assert(fc.property(consistentReport(), ({ report }) => {
      expect(validateReport(report, { today: TODAY })).toEqual([]);
    }), { numRuns: RUNS.clean });
  });

  it(`validate clean as YAML and JSON text, through the loader (${RUNS.cleanText} each)`, () => {
    fc.assert(fc.property(consistentReport(), ({ report }) => {
      for (const [text, filename] of [[stringify(report), 'r.yaml'], [JSON.stringify(report, null, 2), 'r.json']] as const) {
        expect(checkSource(text, { filename, today: TODAY }).findings).toEqual([]);
      }
    }), { numRuns: RUNS.cleanText });
  });
});

/** The cell and every total that depends on it (written in the file or computed). */
function holders(cell: string): Set<string> {
  const parts = cell.split('/');
  const column = parts.pop()!;
  const row = parts.join('/');
  const out = new Set([cell, `${row}/total`]);
  if (OUTCOME_POINTERS.has(row)) {
    out.add(`/requests/outcomes/total/${column}`);
    out.add('/requests/outcomes/total/total');
  }
  return out;
}

describe('one count changed', () => {
  it(`by any non-zero amount is caught at that cell or a total that holds it (${RUNS.oneChange} runs)`, () => {
    const made = consistentReport().chain((m) => fc.record({
      m: fc.constant(m),
      cell: fc.constantFrom(...m.cells),
      delta: fc.oneof(fc.integer({ min: -50_000, max: 50_000 }), fc.integer({ min: -(2 ** 40), max: 2 ** 40 })).filter((d) => d !== 0),
    }));
    fc.assert(fc.property(made, ({ m, cell, delta }) => {
      const data = structuredClone(m.report) as { [k: string]: Json };
      const before = getAt(data, cell) as number;
      setAt(data, cell, before + delta);
      const errors = validateReport(data, { today: TODAY }).filter((f) => f.severity === 'error');
      expect(errors.length).toBeGreaterThan(0);
      const held = holders(cell);
      const points = errors.some((f) => [f.pointer, ...(f.related ?? [])].some((p) => held.has(p)));
      expect(points, `${cell} ${before} → ${before + delta}: ${JSON.stringify(errors.map((f) => [f.ruleId, f.pointer]))}`).toBe(true);
      // A negative count is refused at the cell itself.
      if (before + delta < 0) expect(errors.map((f) => [f.ruleId, f.pointer])).toContainEqual(['SCHEMA-NEGATIVE', cell]);
    }), { numRuns: RUNS.oneChange });
  });
});
