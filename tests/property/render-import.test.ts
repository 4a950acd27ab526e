// Arbitrary input never crashes render or import: the library functions
// return (import never rejects, render returns a string for anything the
// loader accepted as a mapping), in bounded time; the real bin ends with
// exit 0, 1 or 2, a message, never a stack trace. (Render → import giving
// back the same numbers is tests/import/roundtrip.test.ts.)
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkSource } from '../../src/check.js';
import { renderReport } from '../../src/render/index.js';
import { importReport } from '../../src/import/import.js';
import { cli } from '../helpers/cli.js';
import { BASE_YAML } from '../robustness/cases.js';

/** Run counts, reported in docs/reliability.md. */
export const RUNS = { render: 60, importText: 200, importHtml: 60, importBytes: 200, cli: 3 };
const MAX_MS = 3000;
const TODAY = new Date('2026-06-01');

const splice = (base: string, alphabet: readonly string[]) => fc.array(fc.record({
  at: fc.nat({ max: base.length }), cut: fc.nat({ max: 30 }),
  insert: fc.oneof(fc.constantFrom(...alphabet), fc.string({ maxLength: 8 })),
}), { minLength: 1, maxLength: 8 }).map((edits) => edits.reduce((s, e) => {
  const at = Math.min(e.at, s.length);
  return s.slice(0, at) + e.insert + s.slice(at + e.cut);
}, base));

const YAML_BITS = ['[', ']', '{', '}', ': ', ',', '- ', '"', "'", '#', '|', '\n', '  ', '-1', '1.5', '1e3', '"12"', '~', '<script>alert(1)</script>', '{{x}}', '__proto__: ', '９', '\u0000'];
const HTML_BITS = ['<table>', '</table>', '<tr>', '</tr>', '<td>', '</td>', '<td colspan="99999">', '<td rowspan="-1">', '<th>', '<p>', '</div>', '<!--', '-->', '<![CDATA[', '&amp;', '&#x0;', '&#99999999;', '<script>', '一、', '（七）总计', '１２', '—', '/', '\u0000'];

function timed<T>(f: () => T): T {
  const t = performance.now();
  const r = f();
  expect(performance.now() - t).toBeLessThan(MAX_MS);
  return r;
}

describe('render on arbitrary loaded data', () => {
  it(`returns Markdown and HTML for every mapping the loader accepts, errors marked (${RUNS.render} runs)`, () => {
    fc.assert(fc.property(splice(BASE_YAML, YAML_BITS), fc.constantFrom('md', 'html') as fc.Arbitrary<'md' | 'html'>, (text, format) => {
      const r = checkSource(text, { filename: 'r.yaml', today: TODAY });
      const data = r.load.data;
      if (data === null || typeof data !== 'object' || Array.isArray(data)) return;
      const errors = r.findings.filter((f) => f.severity === 'error');
      const out = timed(() => renderReport(data, { format, lang: 'zh', ...(errors.length ? { findings: errors } : {}) }));
      expect(typeof out).toBe('string');
      expect(out.length).toBeGreaterThan(100);
      expect(out).not.toMatch(/\[object Object\]|undefined/);
      if (format === 'html') expect(out).not.toContain('<script>alert(1)</script>');
    }), { numRuns: RUNS.render });
  });
});

describe('import on arbitrary input never rejects', () => {
  let page: string;
  beforeAll(() => {
    const data = checkSource(BASE_YAML, { filename: 'r.yaml' }).load.data;
    page = renderReport(data, { format: 'html' });
  });

  const survives = async (input: string | Uint8Array, filename: string) => {
    const t = performance.now();
    const r = await importReport(input, { filename, currentYear: 2026 });
    expect(performance.now() - t).toBeLessThan(MAX_MS);
    expect(r.report).toBeTypeOf('object');
    expect(Array.isArray(r.gaps)).toBe(true);
    for (const g of r.gaps) expect(g.pointer).toMatch(/^(\/|$)/);
  };

  it(`text with table-like noise (${RUNS.importText} runs)`, async () => {
    await fc.assert(fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 3000 }), (s) => survives(s, 'x.txt')), { numRuns: RUNS.importText });
  });

  it(`the rendered report page with HTML spliced in (${RUNS.importHtml} runs)`, async () => {
    await fc.assert(fc.asyncProperty(fc.constant(null).chain(() => splice(page, HTML_BITS)), (html) => survives(html, 'x.html')), { numRuns: RUNS.importHtml });
  });

  it(`random bytes as .txt, .html and .docx (${RUNS.importBytes} runs)`, async () => {
    const bytes = fc.oneof(fc.uint8Array({ maxLength: 4000 }), fc.uint8Array({ maxLength: 4000 }).map((b) => Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...b])));
    await fc.assert(fc.asyncProperty(bytes, fc.constantFrom('x.txt', 'x.html', 'x.docx'), (b, name) => survives(b, name)), { numRuns: RUNS.importBytes });
  });
});

describe('render and import through the real bin', () => {
  let dir: string;
  beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'xxgk-prop-ri-')); });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(`exit 0, 1 or 2 with a message, never a stack trace (${RUNS.cli} runs each)`, () => {
    const inputs = fc.sample(fc.oneof(splice(BASE_YAML, YAML_BITS), fc.uint8Array({ minLength: 1, maxLength: 1500 }).map((b) => Buffer.from(b))), { numRuns: RUNS.cli, seed: 88 });
    inputs.forEach((input, i) => {
      for (const [cmd, file] of [['render', `in-${i}.yaml`], ['import', `in-${i}.html`], ['import', `in-${i}.txt`]] as const) {
        writeFileSync(join(dir, file), input);
        const r = cli([cmd, file, ...(cmd === 'render' ? ['--force', '--format', 'html'] : [])], { cwd: dir });
        expect([0, 1, 2], `${cmd} ${file}: ${r.stderr}`).toContain(r.code);
        expect(r.stderr).not.toMatch(/\n\s+at |内部错误|Internal error/);
        if (r.code !== 0) expect(r.stderr.length).toBeGreaterThan(0);
      }
    });
  });
});
