// The loader must read every file exactly as the `yaml` package does: the
// same data, or a refusal where the Document refuses, and the line and column
// of every node where the Document places it, whichever path read the file
// (the subset reader, or the Document itself where the reader gave up).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { yamlFiles } from '../helpers/files.js';
import { loadReport } from '../../src/load/load.js';
import { readSubset } from '../../src/load/subset-yaml.js';
import { authority, makeReport, mulberry32, pointersOf, same } from './authority.js';

const ROOT = join(import.meta.dirname, '..', '..');

/** The loader's and the Document's outcome: the data, or that it was refused. */
function both(text: string): { got: unknown; want: unknown; gotRefused: boolean; wantRefused: boolean } {
  const r = loadReport(text, { filename: 'x.yaml' });
  const a = authority(text);
  return { got: r.data, want: a.data, gotRefused: r.data === undefined, wantRefused: a.data === undefined };
}

const generated = (() => {
  const rnd = mulberry32(7);
  return Array.from({ length: 150 }, (_, i) => makeReport(rnd, i));
})();

const fixtures = [...yamlFiles(join(ROOT, 'tests', 'fixtures')), ...yamlFiles(join(ROOT, 'examples'))];

describe('the loader and the yaml package read the same data', () => {
  it('on every YAML fixture', () => {
    expect(fixtures.length).toBeGreaterThan(10);
    for (const f of fixtures) {
      const r = both(readFileSync(f, 'utf8').replace(/^\uFEFF/, ''));
      expect(r.gotRefused, f).toBe(r.wantRefused);
      expect(same(r.got, r.want), f).toBe(true);
    }
  });

  it('on generated reports', () => {
    let compared = 0;
    for (const g of generated) {
      const r = both(g.text);
      expect(r.gotRefused, g.text).toBe(r.wantRefused);
      if (g.mistake?.startsWith('PARSE-')) expect(r.gotRefused).toBe(true);
      else {
        expect(same(r.got, r.want)).toBe(true);
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
        expect(r.gotRefused, JSON.stringify(text)).toBe(r.wantRefused);
        expect(same(r.got, r.want), JSON.stringify(text)).toBe(true);
      }
    }
    // The semantics that matter for reports.
    expect(loadReport('d: 2024-01-20\ny: yes\no: 0o17\nh: 0x1F\nu: 1_000\nb: 0b11\n').data).toEqual({ d: '2024-01-20', y: 'yes', o: 15, h: 31, u: '1_000', b: '0b11' });
    expect(loadReport('n: .nan').data).toEqual({ n: NaN });
  });

  it('refuses anchors and aliases but not `**bold**` text', () => {
    for (const text of ['a: &x 1\nb: *x\n', 'a: &x\n  b: 1\n', 'a: [&x 1]\n']) expect(loadReport(text).findings.map((f) => f.ruleId), text).toEqual(['PARSE-ALIAS']);
    expect(loadReport('a: |\n  **改进措施** & more *x\nb: "*y"\n').data).toEqual({ a: '**改进措施** & more *x\n', b: '*y' });
    const r = loadReport('a: &x 1\nb: *x\n', { filename: 'a.yaml' });
    expect(r.findings.map((f) => [f.ruleId, f.line, f.column])).toEqual([['PARSE-ALIAS', 2, 4]]);
  });
});

describe('the loader places every node where the yaml Document does', () => {
  /** 'read' when the subset reader read the text, 'document' when the Document did. */
  function compare(text: string, label: string): 'read' | 'document' {
    const r = loadReport(text, { filename: 'x.yaml' });
    const a = authority(text);
    const wrong: string[] = [];
    for (const p of pointersOf(a.data)) {
      for (const atKey of [false, true]) {
        const got = r.locate(p, atKey);
        const want = a.locate(p, atKey);
        if (got.line !== want.line || got.column !== want.column) wrong.push(`${p} atKey=${atKey}: ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`);
      }
    }
    expect(wrong, label).toEqual([]);
    return 'gaveUp' in readSubset(text.replace(/\r\n/g, '\n'), 20) ? 'document' : 'read';
  }

  it('on every YAML fixture that parses', () => {
    let read = 0;
    for (const f of fixtures) {
      const text = readFileSync(f, 'utf8').replace(/^\uFEFF/, '');
      if (authority(text).data === undefined) continue;
      if (compare(text, f) === 'read') read++;
    }
    expect(read).toBeGreaterThan(10);
  });

  it('on generated reports, flow and block style, with and without totals, LF and CRLF', () => {
    let read = 0;
    for (const [i, g] of generated.slice(0, 60).entries()) {
      if (authority(g.text).data === undefined) continue;
      const text = i % 3 === 0 ? g.text.replace(/\n/g, '\r\n') : g.text;
      if (compare(text, g.text.slice(0, 120)) === 'read') read++;
    }
    expect(read).toBeGreaterThan(50);
  });

  it('on the shapes YAML allows, read by the subset reader or by the Document', () => {
    const shapes: [string, 'read' | 'document'][] = [
      ['a: 1\nb:\n  c: 2\n  d: [1, {e: 3}]\n', 'read'],
      ['---\n# c\nkey:   value   # trailing\nlist:\n- 1\n-   two\n- k: 1\n  j: [x, y]\n- |\n  block\n...\n', 'document'],
      ['top:\n    # comment\n    deep:\n        deeper: "q: #"\n    next: \'it\'\'s\'\n', 'read'],
      ['multi: plain text\n  continues here\nafter: {a: 1,\n  b: 2\n}\n', 'document'],
      ['"quoted key": 1\n\'single\': {"x y": 2, \'z\': 3}\nslash/key: 4\ntilde~key: {in~side: 5}\n', 'read'],
      ['seq:\n  - a: 1\n    b:\n      - 2\n      - 3\n  -\n    c: 4\n', 'document'],
      ['a:\n  - [1, 2]\n  - {x: 1}\nb: >\n  folded\n\n  more\nc: 中文值\n中文键: 1\n', 'document'],
      ['a: [1, 2]\nb: >\n  folded\n\n  more\nc: 中文值\n中文键: 1\n', 'read'],
      ['  indented: 1\n  root: 2\n', 'document'],
      ['{flow: root, b: [1, 2]}\n', 'read'],
      ['a: "multi\n  line"\nb: \'also\n  multi\'\nc: 3\n', 'document'],
      ['esc: "\\u4e2d\\n"\n"k\\tey": 1\n', 'document'],
      ['empty:\nafter:   \n  # c\nlast:   # c\n', 'read'],
      ['--- # c\na: |-\n  x\n\n  y\nb: {c: [1, [2, {d: 3}]]}\n', 'read'],
    ];
    for (const [s, path] of shapes) {
      for (const text of [s, s.replace(/\n/g, '\r\n')]) expect(compare(text, JSON.stringify(text)), JSON.stringify(text)).toBe(path);
    }
  });

  it('places what the reader gives up on through the Document', () => {
    for (const text of ['? complex\n: key\n', 'a: !!str 1\n', '1: one\n', 'a: [b: c]\n', '%YAML 1.2\n---\na: 1\n', 'a:\n\t- 1\n', '- - nested\n']) {
      expect('gaveUp' in readSubset(text, 20), JSON.stringify(text)).toBe(true);
    }
    // and the loader still places findings there.
    const r = loadReport('a: !!str 1\nb: 1\n', { filename: 'x.yaml' });
    expect(r.locate('/b')).toEqual({ line: 2, column: 4 });
    expect(r.locate('/a', true)).toEqual({ line: 1, column: 1 });
  });
});
