// Arbitrary bytes, text and YAML never crash validate: no exception, every
// finding a known rule with a message and a position, an error whenever the
// data could not be loaded, and bounded time. In-process through checkSource
// for many runs, and a few runs of the real bin.
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { checkSource } from '../../src/check.js';
import { RULE_BY_ID } from '../../src/rules/catalog.js';
import { cli } from '../helpers/cli.js';
import { BASE_JSON, BASE_YAML } from '../robustness/cases.js';
import { formatMessage } from '../../src/diagnostics/format-message.js';

/** Run counts, reported in docs/reliability.md. */
export const RUNS = { bytes: 300, text: 300, mutatedYaml: 200, mutatedJson: 200, values: 200, cli: 5 };
const MAX_MS = 2000;

function survives(input: Uint8Array | string, filename: string): void {
  const t = performance.now();
  const r = checkSource(input, { filename, today: new Date('2026-06-01') });
  expect(performance.now() - t).toBeLessThan(MAX_MS);
  for (const f of r.findings) {
    expect(RULE_BY_ID.has(f.ruleId), f.ruleId).toBe(true);
    const message = formatMessage(f, 'zh');
    expect(message.length).toBeGreaterThan(0);
    // Words the input itself holds (a key named NaN) are quoted as written; anything else is a wording bug.
    const own = Object.values(f.params).filter((v): v is string => typeof v === 'string' && v !== '');
    expect(own.reduce((m, v) => m.split(v).join(''), message)).not.toMatch(/undefined|\[object Object\]|NaN/);
    expect(f.line).toBeGreaterThanOrEqual(1);
    expect(f.column).toBeGreaterThanOrEqual(1);
  }
  if (r.load.data === undefined) expect(r.findings.some((f) => f.severity === 'error')).toBe(true);
}

/** Text with YAML's and JSON's special characters spliced in at random places. */
const mutated = (base: string) => fc.array(fc.record({
  at: fc.nat({ max: base.length }),
  cut: fc.nat({ max: 20 }),
  insert: fc.oneof(
    fc.constantFrom('[', ']', '{', '}', ':', ': ', ',', '-', '- ', '?', '&a', '*a', '!', '!!binary', '|', '>', "'", '"', '#', '%', '@', '`', '\t', '\n', '\r', '\r\n', '---\n', '...', '\\', '\u0000', '\ufeff', '１２', '1e3', '0x1F', '.nan', '__proto__: ', '<<: '),
    fc.string({ maxLength: 6 }),
  ),
}), { minLength: 1, maxLength: 6 }).map((edits) => {
  let s = base;
  for (const e of edits) {
    const at = Math.min(e.at, s.length);
    s = s.slice(0, at) + e.insert + s.slice(at + e.cut);
  }
  return s;
});

const keys = fc.constantFrom('__proto__', 'constructor', 'prototype', 'format', 'requests', 'received', 'total', 'naturalPerson', 'a', '');
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  v: fc.oneof({ depthSize: 'small' },
    fc.oneof(fc.integer(), fc.double(), fc.string(), fc.boolean(), fc.constant(null)),
    fc.array(tie('v'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(keys, fc.string({ maxLength: 4 })), tie('v'), { maxKeys: 4 })),
})).v;

describe('arbitrary input never crashes validate', () => {
  it(`random bytes as YAML and JSON (${RUNS.bytes} runs)`, () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 3000 }), (b) => { survives(b, 'x.yaml'); survives(b, 'x.json'); }), { numRuns: RUNS.bytes });
  });

  it(`random Unicode text (${RUNS.text} runs)`, () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), (s) => { survives(s, 'x.yaml'); survives(s, 'x.json'); }), { numRuns: RUNS.text });
  });

  it(`the example report with YAML syntax spliced in (${RUNS.mutatedYaml} runs)`, () => {
    fc.assert(fc.property(mutated(BASE_YAML), (s) => survives(s, 'r.yaml')), { numRuns: RUNS.mutatedYaml });
  });

  it(`the example JSON with syntax spliced in (${RUNS.mutatedJson} runs)`, () => {
    fc.assert(fc.property(mutated(BASE_JSON), (s) => survives(s, 'r.json')), { numRuns: RUNS.mutatedJson });
  });

  it(`arbitrary YAML and JSON documents, prototype keys included (${RUNS.values} runs)`, () => {
    fc.assert(fc.property(value, (v) => {
      survives(stringify(v), 'v.yaml');
      survives(JSON.stringify(v) ?? 'null', 'v.json');
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }), { numRuns: RUNS.values });
  });
});

describe('arbitrary input through the real bin', () => {
  let dir: string;
  beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'xxgk-prop-')); });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(`exits 1 or 2 with a message, never a stack trace (${RUNS.cli} runs)`, () => {
    const inputs = fc.sample(fc.oneof(mutated(BASE_YAML), fc.uint8Array({ minLength: 1, maxLength: 2000 }).map((b) => Buffer.from(b))), { numRuns: RUNS.cli, seed: 8 });
    inputs.forEach((input, i) => {
      const file = join(dir, `in-${i}.yaml`);
      writeFileSync(file, input);
      const r = cli(['validate', file]);
      const clean = checkSource(typeof input === 'string' ? input : new Uint8Array(input), { filename: file }).findings.every((f) => f.severity !== 'error');
      expect(r.code).toBe(clean ? 0 : 1);
      expect(r.stderr).toBe('');
      if (!clean) expect(r.stdout).toMatch(/\d+:\d+ +错误 +\S/);
    });
  });
});
