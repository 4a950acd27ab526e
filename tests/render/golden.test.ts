import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderReport } from '../../src/render/index.js';
import { EXAMPLES, golden, load } from './helpers.js';

// The JSON copy of hanyang-2022 has no golden files of its own: the test below
// asserts that it renders exactly as the YAML, whose golden files stand for both.
const GOLDEN = EXAMPLES.filter((p) => p !== 'examples/hanyang-2022.json');

describe('golden files', () => {
  for (const path of GOLDEN) {
    const name = basename(path).replace(/\./g, '-');
    it(`${path} → Markdown`, () => golden(`${name}.md`, renderReport(load(path), { format: 'md' })));
    it(`${path} → HTML`, () => golden(`${name}.html`, renderReport(load(path), { format: 'html' })));
    it(`${path} → HTML fragment`, () => golden(`${name}.fragment.html`, renderReport(load(path), { format: 'html', fragment: true })));
  }

  it('the same report in YAML and JSON renders the same', () => {
    for (const format of ['md', 'html'] as const) {
      expect(renderReport(load('examples/hanyang-2022.json'), { format })).toBe(renderReport(load('examples/hanyang-2022.yaml'), { format }));
    }
  });

  it('rendering is deterministic', () => {
    const d = load('examples/hanyang-2022.yaml');
    expect(renderReport(d, { format: 'html' })).toBe(renderReport(structuredClone(d), { format: 'html' }));
  });
});
