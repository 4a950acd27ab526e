// Every rule's documented examples are real: the wrong one is reported by the
// rule, the right one is not. Parse rules take the example as a whole file;
// the others lay it over the complete example report (examples/hanyang-2022.yaml).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadReport } from '../src/load/load.js';
import { validateReport } from '../src/check.js';
import { RULES } from '../src/rules/catalog.js';
import { runPreviousRules } from '../src/rules/index.js';
import type { RuleDefinition } from '../src/rules/rule.js';

const TODAY = new Date('2026-11-28T00:00:00Z');
const BASE = loadReport(readFileSync(join(import.meta.dirname, '..', 'examples', 'hanyang-2022.yaml')), { filename: 'hanyang-2022.yaml' }).data;

// Examples of the 2019 trial edition (`format: "2019"`) are laid over a complete report of that edition,
// last year's over the same (another table 二, so not a copy), carrying forward what this year's report carries over.
const BASE_2019 = loadReport(readFileSync(join(import.meta.dirname, 'fixtures', 'valid', 'shanghai-2019.yaml')), { filename: 'shanghai-2019.yaml' }).data;
const PREVIOUS_BASE_2019 = () => lay(BASE_2019, { year: 2019, proactive: { normativeDocuments: { newlyMade: 1, newlyPublished: 1, totalPublished: 1 } } });
const baseFor = (over: unknown) => ((over as Record<string, unknown>).format === '2019' ? BASE_2019 : BASE);

// Last year's report for rules 7 and 8: the same, with the in-force count this year's follows from (8 = 15 + 5 − 12).
const PREVIOUS_BASE = () => lay(BASE, { year: 2021, proactive: { normativeDocuments: { issued: 2, repealed: 0, inForce: 15 } } });

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * `over` laid on `base`: mappings are merged key by key, but below the top a
 * row (a mapping of plain values, as `{naturalPerson: 8, …}`) replaces the row
 * it lands on, so that an example can leave a key out.
 */
function lay(base: unknown, over: unknown, top = true): unknown {
  if (!isObject(base) || !isObject(over) || (!top && Object.values(over).every((v) => !isObject(v)))) return over;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = k in base ? lay(base[k], v, false) : v;
  return out;
}

function snippet(text: string): unknown {
  const l = loadReport(text, { filename: 'example.yaml' });
  expect(l.findings, text).toEqual([]);
  return l.data ?? {};
}

/** What the stage the rule belongs to reports for one example: the loader, the checks of one report, or rules 7 and 8. */
function reported(rule: RuleDefinition, example: string): string[] {
  if (rule.reportedBy === 'loader') return loadReport(example, { filename: 'example.yaml' }).findings.map((f) => f.ruleId);
  const over = snippet(example);
  const data = lay(baseFor(over), over);
  if (rule.needs === 'previous') {
    const prev = snippet(rule.examples.previous ?? '');
    const prevBase = baseFor(prev) === BASE ? PREVIOUS_BASE() : lay(PREVIOUS_BASE_2019(), { requests: { carriedForward: (data as any).requests.carriedOver } });
    return runPreviousRules(data, lay(prevBase, prev), { previousFile: '2022.yaml' }).map((f) => f.ruleId);
  }
  return validateReport(data, { today: TODAY }).map((f) => f.ruleId);
}

describe('rule examples', () => {
  it('the complete report they are laid over is clean, and laying keeps what is not laid over', () => {
    expect(validateReport(BASE, { today: TODAY })).toEqual([]);
    expect(validateReport(BASE_2019, { today: TODAY })).toEqual([]);
    const laid = lay(BASE, { year: 2023, requests: { received: { naturalPerson: 1 } } }) as Record<string, any>;
    expect(laid.year).toBe(2023);
    expect(laid.agency).toBe((BASE as Record<string, unknown>).agency);
    expect(laid.requests.received).toEqual({ naturalPerson: 1 });
    expect(laid.requests.carriedOver).toEqual((BASE as Record<string, any>).requests.carriedOver);
  });
  for (const rule of RULES as readonly RuleDefinition[]) {
    const { wrong, right, illustrative } = rule.examples;
    it(`${rule.id}: ${illustrative ? 'shown only (the problem is in the bytes)' : 'reported for the wrong example; the right one is clean'}`, () => {
      expect(wrong).not.toBe(right);
      expect(wrong.endsWith('\n') && right.endsWith('\n')).toBe(true);
      if (illustrative) {
        expect(rule.stage).toBe('parse');
        return;
      }
      expect(reported(rule, wrong)).toContain(rule.id);
      // The right example is right altogether, not only for this rule.
      expect(reported(rule, right)).toEqual([]);
    });
  }
});
