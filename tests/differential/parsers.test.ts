// The fast path must read every file exactly as the careful path does:
// js-yaml (with the YAML 1.2 core schema of fast-yaml.ts) against the `yaml`
// package for the data, and the one-pass position index against the `yaml`
// Document for the line and column of every node.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as yamlParse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { yamlFiles } from '../helpers/files.js';
import { fastParseYaml } from '../../src/load/fast-yaml.js';
import { documentLocator, loadReport } from '../../src/load/load.js';
import { indexYaml, offsetInIndex } from '../../src/load/yaml-index.js';
import { lineStartsOf, offsetToPosition } from '../../src/load/json-scan.js';
// @ts-expect-error: a plain .mjs module without types
import { makeReport, mulberry32 } from '../../bench/generate.mjs';

const ROOT = join(import.meta.dirname, '..', '..');


const careful = (text: string): unknown => yamlParse(text, { version: '1.2', schema: 'core', uniqueKeys: true, maxAliasCount: 0 });

/** Both parsers' outcome: the data, or that it failed. NaN-aware through toEqual. */
function both(text: string): { fast: unknown; slow: unknown; fastFailed: boolean; slowFailed: boolean } {
  let fast: unknown, slow: unknown, fastFailed = false, slowFailed = false;
  try { fast = fastParseYaml(text); } catch { fastFailed = true; }
  try { slow = careful(text); } catch { slowFailed = true; }
  return { fast, slow, fastFailed, slowFailed };
}

/** Every pointer in the data, and for each container one that is not there. */
function pointers(v: unknown, path = ''): string[] {
  if (v === null || typeof v !== 'object') return [path];
  const out = [path, `${path}/notThere`];
  for (const [k, x] of Object.entries(v as object)) out.push(...pointers(x, `${path}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`));
  return out;
}

const generated = (() => {
  const rnd = mulberry32(7);
  return Array.from({ length: 150 }, (_, i) => makeReport(rnd, i) as { text: string; mistake: string | null });
})();

const fixtures = [...yamlFiles(join(ROOT, 'tests', 'fixtures')), ...yamlFiles(join(ROOT, 'examples'))];

describe('js-yaml fast path and the yaml package read the same data', () => {
  it('on every YAML fixture', () => {
    expect(fixtures.length).toBeGreaterThan(10);
    for (const f of fixtures) {
      const r = both(readFileSync(f, 'utf8').replace(/^\uFEFF/, ''));
      // The fast parser may refuse what the careful one reads (it then falls back), never the reverse.
      if (r.fastFailed) continue;
      expect(r.slowFailed, f).toBe(false);
      expect(r.fast, f).toEqual(r.slow);
    }
  });

  it('on generated reports', () => {
    let compared = 0;
    for (const g of generated) {
      const r = both(g.text);
      if (r.fastFailed) {
        expect(g.mistake).toMatch(/^PARSE-/);
        continue;
      }
      if (g.mistake?.startsWith('PARSE-')) expect(r.slowFailed).toBe(true);
      else {
        expect(r.fast).toEqual(r.slow);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(100);
  });

  const SCALARS = [
    '2024-01-20', '2024-1-2', 'yes', 'no', 'on', 'off', 'y', 'Y', 'NO', 'True', 'TRUE', 'true', 'false', 'null', 'Null', '~', '',
    '0o17', '0o8', '017', '0x1F', '0X1F', '0xg', '1_000', '0b11', '+12', '-12', '+0', '-0', '.5', '5.', '1e3', '1E3', '1e+3', '-1.5e-3', '1.0',
    '.inf', '-.inf', '+.inf', '.Inf', '.INF', '.nan', '.NaN', '.NAN', 'inf', 'nan', '12:30', '1:20:30', '9007199254740993', '123456789012345678901234567890',
    '"quoted"', "'single ''quote'''", '"esc\\t\\u4e2d\\n"', '"12"', "'12'", '１２', '1,234', '12 # comment', '"a # b"', 'a#b',
    '>-\n  folded\n  text\n', '|\n  literal\n   kept\n\n', '|+\n  keep\n\n', '|-\n  strip\n', '|2\n    indented\n',
  ];

  it('on tricky scalars, as values and inside flow and block collections', () => {
    for (const s of SCALARS) {
      const inline = s.includes('\n') ? `v: ${s}` : `v: ${s}\nf: {a: ${s.includes('#') ? '1' : s || '""'}}\nl: [${s.includes('#') ? '1' : s || '""'}]\n`;
      for (const text of [inline, inline.replace(/\n/g, '\r\n'), `# head\n${inline}# tail\n`]) {
        const r = both(text);
        if (r.fastFailed) continue;
        expect(r.slowFailed, JSON.stringify(text)).toBe(false);
        expect(r.fast, JSON.stringify(text)).toEqual(r.slow);
      }
    }
    // The semantics that matter for reports.
    expect(fastParseYaml('d: 2024-01-20\ny: yes\no: 0o17\nh: 0x1F\nu: 1_000\nb: 0b11\n')).toEqual({ d: '2024-01-20', y: 'yes', o: 15, h: 31, u: '1_000', b: '0b11' });
    expect(fastParseYaml('n: .nan')).toEqual({ n: NaN });
  });

  it('refuses anchors and aliases on the fast path but not `**bold**` text', () => {
    expect(() => fastParseYaml('a: &x 1\nb: *x\n')).toThrow();
    expect(() => fastParseYaml('a: &x\n  b: 1\n')).toThrow();
    expect(() => fastParseYaml('a: [&x 1]\n')).toThrow();
    expect(fastParseYaml('a: |\n  **改进措施** & more *x\nb: "*y"\n')).toEqual({ a: '**改进措施** & more *x\n', b: '*y' });
    const r = loadReport('a: &x 1\nb: *x\n', { filename: 'a.yaml' });
    expect(r.findings.map((f) => [f.ruleId, f.line, f.column])).toEqual([['PARSE-ALIAS', 2, 4]]);
  });
});

describe('the one-pass position index agrees with the yaml Document', () => {
  function compare(text: string, label: string): 'indexed' | 'gave-up' {
    const data = fastParseYaml(text);
    const index = indexYaml(text);
    if (!index) return 'gave-up';
    const doc = documentLocator(text);
    const starts = lineStartsOf(text);
    const wrong: string[] = [];
    for (const p of pointers(data)) {
      for (const atKey of [false, true]) {
        const off = offsetInIndex(index, p, atKey);
        const got = off === undefined ? undefined : offsetToPosition(starts, off);
        const want = doc(p, atKey);
        if (!got || got.line !== want.line || got.column !== want.column) wrong.push(`${p} atKey=${atKey}: ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`);
      }
    }
    expect(wrong, label).toEqual([]);
    return 'indexed';
  }

  it('on every YAML fixture that parses', () => {
    let indexed = 0;
    for (const f of fixtures) {
      const text = readFileSync(f, 'utf8').replace(/^\uFEFF/, '');
      try { fastParseYaml(text); } catch { continue; }
      if (compare(text, f) === 'indexed') indexed++;
    }
    expect(indexed).toBeGreaterThan(10);
  });

  it('on generated reports, flow and block style, with and without totals', () => {
    let indexed = 0;
    for (const [i, g] of generated.slice(0, 60).entries()) {
      try { fastParseYaml(g.text); } catch { continue; }
      const text = i % 3 === 0 ? g.text.replace(/\n/g, '\r\n') : g.text;
      if (compare(text, g.text.slice(0, 120)) === 'indexed') indexed++;
    }
    expect(indexed).toBeGreaterThan(50);
  });

  it('on the shapes YAML allows', () => {
    const shapes = [
      'a: 1\nb:\n  c: 2\n  d: [1, {e: 3}]\n',
      '---\n# c\nkey:   value   # trailing\nlist:\n- 1\n-   two\n- k: 1\n  j: [x, y]\n- |\n  block\n...\n',
      'top:\n    # comment\n    deep:\n        deeper: "q: #"\n    next: \'it\'\'s\'\n',
      'multi: plain text\n  continues here\nafter: {a: 1,\n  b: 2\n}\n',
      '"quoted key": 1\n\'single\': {"x y": 2, \'z\': 3}\nslash/key: 4\ntilde~key: {in~side: 5}\n',
      'seq:\n  - a: 1\n    b:\n      - 2\n      - 3\n  -\n    c: 4\n',
      'a:\n  - [1, 2]\n  - {x: 1}\nb: >\n  folded\n\n  more\nc: 中文值\n中文键: 1\n',
      '  indented: 1\n  root: 2\n',
      '{flow: root, b: [1, 2]}\n',
      'a: "multi\n  line"\nb: \'also\n  multi\'\nc: 3\n',
      'esc: "\\u4e2d\\n"\n"k\\tey": 1\n',
    ];
    let indexed = 0;
    for (const s of shapes) {
      for (const text of [s, s.replace(/\n/g, '\r\n')]) if (compare(text, JSON.stringify(text)) === 'indexed') indexed++;
    }
    expect(indexed).toBe(shapes.length * 2);
  });

  it('gives up on what it does not read, so the Document places it', () => {
    for (const text of ['a:\nb: 1\n', 'a: # only a comment\nb: 1\n', '? complex\n: key\n', 'a: !!str 1\n', '1: one\n', 'a: [b: c]\n', '%YAML 1.2\n---\na: 1\n', 'a:\n\t- 1\n', '- - nested\n']) {
      expect(indexYaml(text), JSON.stringify(text)).toBeUndefined();
    }
    // and the loader still places findings there, through the Document.
    const r = loadReport('a:\nb: 1\n', { filename: 'x.yaml' });
    expect(r.locate('/b')).toEqual({ line: 2, column: 4 });
  });
});
