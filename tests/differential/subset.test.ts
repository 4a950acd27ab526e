// The report-subset reader (src/load/subset-yaml.ts) must give exactly what
// the `yaml` package's Document gives (same data, key order, numbers not
// written plainly, and where each node is), refuse only what it refuses (a key
// written twice), or give up: on real files, generated reports, mutated
// reports, random small documents, and the scalars that matter.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as yamlParse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { yamlFiles } from '../helpers/files.js';
import { loadReport } from '../../src/load/load.js';
import { offsetAt, readSubset, resolvePlain, type Read } from '../../src/load/subset-yaml.js';
import { lineStartsOf, offsetToPosition } from '../../src/load/json-scan.js';
import { authority, makeReport, mulberry32, pointersOf, same } from './authority.js';

const ROOT = join(import.meta.dirname, '..', '..');

const subset = (text: string, maxDepth = 20) => readSubset(text, maxDepth);
const depthOf = (v: unknown): number => (v !== null && typeof v === 'object' ? 1 + Math.max(-1, ...Object.values(v).map(depthOf)) : -1);
const parts = (p: string) => (p === '' ? [] : p.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')));

/**
 * Whether the reader read `text`; throws if it read it otherwise than the
 * Document (data, numbers, positions), read what the Document refuses, or
 * refused (a duplicate key) what the Document reads.
 */
function check(text: string, maxDepth = 20): boolean {
  const got = subset(text, maxDepth);
  if ('gaveUp' in got) return false;
  const want = authority(text);
  if (got.duplicate) {
    if (!want.errors.some((e) => e.startsWith('DUPLICATE_KEY'))) throw new Error(`a duplicate key the Document does not see: ${JSON.stringify(text)}`);
    return true;
  }
  if (want.data === undefined) throw new Error(`read what the Document refuses (${want.errors[0]}): ${JSON.stringify(text)}`);
  if (!same(got.data, want.data)) throw new Error(`different data for ${JSON.stringify(text)}:\n${JSON.stringify(got.data)}\n${JSON.stringify(want.data)}`);
  if (depthOf(got.data) > maxDepth) throw new Error(`read deeper than ${maxDepth}: ${JSON.stringify(text)}`);
  const numbers = JSON.stringify([...(got.numbers ?? [])]);
  if (numbers !== JSON.stringify([...want.numbers])) throw new Error(`different numbers for ${JSON.stringify(text)}: ${numbers} vs ${JSON.stringify([...want.numbers])}`);
  const starts = lineStartsOf(text);
  for (const p of pointersOf(got.data)) {
    for (const atKey of [false, true]) {
      const at = offsetToPosition(starts, offsetAt(got.at, parts(p), atKey));
      const w = want.locate(p, atKey);
      if (at.line !== w.line || at.column !== w.column) throw new Error(`${p} (atKey ${atKey}) at ${at.line}:${at.column}, the Document says ${w.line}:${w.column}: ${JSON.stringify(text)}`);
    }
  }
  return true;
}

const fixtures = [...yamlFiles(join(ROOT, 'tests')), ...yamlFiles(join(ROOT, 'examples'))];
const generated: string[] = (() => {
  const rnd = mulberry32(11);
  return Array.from({ length: 2000 }, (_, i) => makeReport(rnd, i).text);
})();

describe('the subset reader gives the Document\'s data or gives up', () => {
  it('resolves plain scalars as the core schema does (null, bool, int, float; dates and the rest stay text)', () => {
    const samples = ['~', 'null', 'Null', 'NULL', 'nULL', 'true', 'True', 'TRUE', 'tRUE', 'false', 'False', 'FALSE', 'yes', 'no', 'on', 'off', 'y', 'n',
      '0', '-0', '+0', '12', '+12', '-12', '007', '037767282399', '9007199254740993', '123456789012345678901234567890', '0o17', '0o8', '0O17', '0x1F', '0X1F', '0xg', '1_000', '0b11',
      '.5', '-.5', '5.', '1.0', '1.50', '1e3', '1E3', '1e+3', '-1.5e-3', '.5e2', '1e', 'e3', '.inf', '-.inf', '+.inf', '.Inf', '.INF', '.iNF', '.nan', '.NaN', '.NAN', '-.nan', 'inf', 'nan',
      '2024-01-20', '12:30', '1:20:30', '１２', '1,234', '.', '+', '+.', '0x', '0o', '.e3'];
    for (const s of samples) expect(Object.is(resolvePlain(s), (yamlParse(`v: ${s}\n`, { version: '1.2', schema: 'core' }) as { v: unknown }).v), s).toBe(true);
  });

  it('on every YAML fixture, and reads the example report', () => {
    expect(fixtures.length).toBeGreaterThan(10);
    let read = 0;
    for (const f of fixtures) if (check(readFileSync(f, 'utf8'))) read++;
    expect(read).toBeGreaterThan(5);
    expect(check(readFileSync(join(ROOT, 'examples', 'shizhi-2023.yaml'), 'utf8'))).toBe(true);
  });

  it('on 2,000 generated reports, reading nearly all of them', () => {
    let read = 0;
    for (const text of generated) if (check(text)) read++;
    // Only files with syntax mistakes (about 4%) are left to the Document.
    expect(read / generated.length).toBeGreaterThan(0.9);
  }, 120_000);

  it('on mutated reports (chars and lines inserted, deleted, re-indented)', () => {
    const rnd = mulberry32(2024);
    const int = (n: number) => Math.floor(rnd() * n);
    const CHARS = ' :"\'{}[],#\n-|>\t0.&*!?%@\\~1e+x中';
    const bases = [...generated.slice(0, 40), readFileSync(join(ROOT, 'examples', 'shizhi-2023.yaml'), 'utf8')];
    let read = 0;
    const cases = 3000;
    for (let n = 0; n < cases; n++) {
      let text = bases[int(bases.length)]!;
      for (let m = 1 + int(3); m > 0; m--) {
        const at = int(text.length + 1);
        const lineStart = text.lastIndexOf('\n', at - 1) + 1;
        switch (int(6)) {
          case 0: text = text.slice(0, at) + CHARS[int(CHARS.length)] + text.slice(at); break;
          case 1: text = text.slice(0, at) + text.slice(at + 1); break;
          case 2: text = text.slice(0, lineStart) + ' '.repeat(1 + int(3)) + text.slice(lineStart); break;
          case 3: if (text[lineStart] === ' ') text = text.slice(0, lineStart) + text.slice(lineStart + 1); break;
          case 4: { // a line copied elsewhere (duplicate keys, odd indents)
            const end = text.indexOf('\n', at);
            const line = text.slice(lineStart, end < 0 ? undefined : end + 1);
            const to = text.lastIndexOf('\n', int(text.length)) + 1;
            text = text.slice(0, to) + line + text.slice(to);
            break;
          }
          default: text = text.slice(0, at) + CHARS[int(CHARS.length)] + CHARS[int(CHARS.length)] + text.slice(at + int(2));
        }
      }
      if (check(text)) read++;
    }
    // Many mutations land in text and still read; the rest fall back.
    expect(read).toBeGreaterThan(cases / 10);
  }, 120_000);

  it('on random small documents of tricky pieces', () => {
    const rnd = mulberry32(99);
    const int = (n: number) => Math.floor(rnd() * n);
    const pick = <T,>(a: readonly T[]): T => a[int(a.length)]!;
    const KEYS = ['a', 'b', 'key', '"q k"', "'s k'", '"a"', '1', '1.0', '0x1F', 'null', '~', 'true', 'yes', '中文', 'a b', 'a:b', '-x', '__proto__', 'constructor', '"#"', '.5', 'a#b', 'k ', '"a\\"b"', "'it''s'", '<<', '"1"'];
    const VALUES = ['', ' ', '  ', ' 0', ' 12', ' -3', ' 037767282399', ' 0o17', ' 0x1F', ' 1_000', ' 1e3', ' 1.0', ' 1.50', ' .nan', ' -.inf', ' ~', ' null', ' yes', ' True', ' 2024-01-20',
      ' text', ' text # c', ' a#b', ' 地址：方城县', ' "q: #"', ' "a\\"b"', " 'it''s'", " ''", ' ""', ' "x" # c', ' "x"#c', ' {a: 1, b: [1, 2]}', ' {a: 1,}', ' {}', ' []', ' [a, b: c]', ' {a: }', ' {a}',
      ' {a: 1 b}', ' [1 ,2]', ' {"k": v}', ' {a: {b: {c: 1}}}', ' [0, 00, 1 , "x", \'y\', ~, -1, .5]', ' &a 1', ' *a', ' !!str 1', ' - 1', ' -1', ' a: b', ' a:b', ' 1 # c', ' [1, 2] # c', ' 10:30', ' 12 ', ' 0 #c', ' 1:', ' x:',
      ' # c', ' {a: 1, a: 2}', ' [1.0, 0x1F]', ' {x: 1e3}', ' --x', ' -', ' ?x', ' :x', ' %x', ' @x', ' `x`', ' ,x', ' ]', ' }'];
    const BLOCK = [' |', ' |-', ' |+', ' >', ' >-', ' >+', ' |2', ' |1-', ' | # c', ' |x', ' |#', ' |0', ' |--', ' >  # c'];
    const TEXT = ['一二三', '  more indented', '# hash', 'a: b', '- item', '**bold** & *x', ' ', '', '', 'x  ', '   ', 'text'];
    const CHAOS = ['', '  ', '# c', '  # c', '    # deep', '  text', '   odd', '  - item', '- item', '...', '---', '\t- tab', '  a: 1'];

    /** A mostly well-formed mapping at `indent`, as lines. */
    const mapping = (indent: number, depth: number, out: string[]) => {
      const pad = ' '.repeat(indent);
      for (let i = 1 + int(4); i > 0; i--) {
        if (rnd() < 0.15) out.push(pick(['', `${pad}# c`, '# c', `${pad}   # deep`, '  ']));
        const key = rnd() < 0.4 ? pick(['a', 'b', 'key', '中文']) : pick(KEYS);
        const r = rnd();
        if (r < 0.25 && depth < 4) {
          out.push(`${pad}${key}:${pick(['', ' # c', ' '])}`);
          if (rnd() < 0.2) out.push(pick(['', '# c', `${pad}    # c`]));
          mapping(indent + pick([2, 2, 1, 4]), depth + 1, out);
        } else if (r < 0.45) {
          out.push(`${pad}${key}:${pick(BLOCK)}`);
          const inner = indent + pick([2, 2, 2, 1, 3, 4]);
          for (let j = int(5); j > 0; j--) out.push(rnd() < 0.2 ? ' '.repeat(int(inner + 3)) : ' '.repeat(inner + (rnd() < 0.15 ? int(3) - 1 : 0)) + pick(TEXT));
        } else {
          out.push(`${pad}${key}:${pick(VALUES)}`);
        }
        if (rnd() < 0.03) out.push(pick(CHAOS));
      }
    };
    let read = 0;
    const cases = 6000;
    for (let n = 0; n < cases; n++) {
      const lines: string[] = [];
      if (rnd() < 0.2) lines.push(pick(['# head', '', '---', '--- # c', '%YAML 1.2']));
      mapping(0, 0, lines);
      const text = lines.join('\n') + pick(['\n', '', '\n\n', '\n  \n', '\n# tail']);
      if (check(text)) read++;
      // and with a small depth limit
      check(text, int(4));
    }
    expect(read).toBeGreaterThan(cases / 10);
  }, 120_000);
});

describe('the subset reader on the semantics that matter', () => {
  const read = (text: string): Read => {
    expect(check(text), JSON.stringify(text)).toBe(true);
    return subset(text) as Read;
  };
  const data = (text: string) => read(text).data;

  it('reads scalars as the core schema does', () => {
    expect(data('d: 2024-01-20\ny: yes\no: 0o17\nh: 0x1F\nu: 1_000\nb: 0b11\nn: ~\ne:\nt: true\nf: 1.5\nz: 0\n')).toEqual({ d: '2024-01-20', y: 'yes', o: 15, h: 31, u: '1_000', b: '0b11', n: null, e: null, t: true, f: 1.5, z: 0 });
    expect(data('p: "037767282399"\nq: 037767282399\n')).toEqual({ p: '037767282399', q: 37767282399 });
    expect(data('n: [.nan, -.inf]\n')).toEqual({ n: [NaN, -Infinity] });
  });

  it('notes the numbers not written plainly, by pointer, only when it reads the text', () => {
    expect(read('a: 037767282399\nb: {c: 1.0, d: 0x1F}\ne: 12\nf/g: [1e3]\n').numbers).toEqual(new Map([['/a', '037767282399'], ['/b/c', '1.0'], ['/b/d', '0x1F'], ['/f~1g/0', '1e3']]));
    expect(read('a: 12\nb: {c: 1.5}\n').numbers).toBeUndefined();
    // Given up after an odd number: the Document's numbers are the loader's.
    expect('gaveUp' in subset('a: 0x1F\nb: [1, 2\n  ]\n')).toBe(true);
    expect(loadReport('a: 0x1F\nb: [1, 2\n  ]\n', { filename: 'x.yaml' }).numbers).toEqual(new Map([['/a', '0x1F']]));
  });

  it('reads counts as the schema does (the fast path for counts)', () => {
    const rnd = mulberry32(5);
    const samples = ['0', '1', '9', '10', '99', '100', '999999999999999', '123456789012345'];
    for (let i = 0; i < 500; i++) samples.push(String(Math.floor(rnd() * 10 ** (1 + Math.floor(rnd() * 15)))));
    for (const s of samples) {
      expect(resolvePlain(s)).toBe(Number(s));
      expect(data(`a: ${s}\nb: {c: ${s}}\nd: [${s}]\n`)).toEqual({ a: Number(s), b: { c: Number(s) }, d: [Number(s)] });
    }
    // Not counts: the types decide.
    expect(data('a: 1234567890123456\nb: 00\nc: 01\nd: 1.\ne: 9007199254740993\nf: [99999999999999999]\n')).toEqual({ a: 1234567890123456, b: 0, c: 1, d: 1, e: 9007199254740992, f: [1e17] });
  });

  it('reads string keys, and leaves keys the schema makes other than strings to the Document', () => {
    expect(data('"quoted key": 1\n\'single\': 2\n中文键: 3\na b: 4\na:b: 5\n"1": 6\n<<: 7\n')).toEqual({ 'quoted key': 1, single: 2, 中文键: 3, 'a b': 4, 'a:b': 5, 1: 6, '<<': 7 });
    expect(Object.keys(data('b: 1\n"2": x\na: 1\n"1": y\n') as object)).toEqual(['1', '2', 'b', 'a']);
    for (const text of ['1: one\n', 'null: n\n', '~: g\n', 'true: t\n', '0x1F: h\n', '1.0: f\n', '__proto__: 1\n', `${'k'.repeat(1001)}: 1\n`]) expect('gaveUp' in subset(text), text).toBe(true);
    const doc = loadReport('"quoted key": 1\n1: one\nnull: n\ntrue: t\n0x1F: h\n', { filename: 'x.yaml' });
    expect(doc.data).toEqual({ 'quoted key': 1, 1: 'one', '': 'n', true: 't', 31: 'h' });
  });

  it('stops at the first key written twice, where the Document places it', () => {
    expect(read('a: 1\nb: 2\na: 3\nb: 4\n').duplicate).toEqual({ key: 'a', offset: 10 });
    expect(read('x:\n  a: {k: 1, k: 2}\n').duplicate).toEqual({ key: 'k', offset: 15 });
    // The loader says so once, at the second key; keys alike as text are alike (`1` and `1.0`), through the Document.
    expect(loadReport('a: 1\nb: 2\na: 3\nb: 4\n', { filename: 'x.yaml' }).findings.map((f) => [f.ruleId, f.params.key, f.line, f.column])).toEqual([['PARSE-DUPLICATE-KEY', 'a', 3, 1]]);
    expect(loadReport('1: a\n1.0: b\n', { filename: 'x.yaml' }).findings.map((f) => [f.ruleId, f.line])).toEqual([['PARSE-DUPLICATE-KEY', 2]]);
  });

  it('reads comments, `#` in quotes and in plain text, Chinese colons', () => {
    expect(data('# head\na: 1 # count\nb: "x # y" # c\nc: a#b\nd: \'q: #\'\ne: 地址：方城县释之路 47 号\nf: "时间: 上午 9:00"\n  # deeper comment\n# tail\n')).toEqual({
      a: 1, b: 'x # y', c: 'a#b', d: 'q: #', e: '地址：方城县释之路 47 号', f: '时间: 上午 9:00',
    });
    expect(data('a: {b: "x, y", c: \'}\'}\n')).toEqual({ a: { b: 'x, y', c: '}' } });
  });

  it('reads block scalars: blank lines, trailing blank lines, `|-`, `|+`, folded', () => {
    expect(data('a: |\n  一\n\n  二\n\n\nb: |-\n  x\n   y\n\nc: 1\n')).toEqual({ a: '一\n\n二\n', b: 'x\n y', c: 1 });
    expect(data('a: |+\n  x\n\nb: >\n  x\n  y\n\n  z\n')).toEqual({ a: 'x\n\n', b: 'x y\nz\n' });
    expect(data('a: |\n  # not a comment\n  **bold** & *x\n# a comment\nb: >-\n  x\n   more\n  y\n')).toEqual({ a: '# not a comment\n**bold** & *x\n', b: 'x\n more\ny' });
    expect(data('a:\n  b: |\n    x\n  c: 2\n')).toEqual({ a: { b: 'x\n', c: 2 } });
    // An empty one, or kept lines at the end of the text, are left to the Document.
    for (const text of ['a: |\n  x\nb: |\n\n', 'a: |+\n  x\n\n']) expect('gaveUp' in subset(text), text).toBe(true);
    expect(loadReport('a: |\n  x\nb: |\n\n', { filename: 'x.yaml' }).data).toEqual({ a: 'x\n', b: '' });
  });

  it('reads a `---` line first and a flow collection at the top', () => {
    expect(data('--- # c\na: 1\n')).toEqual({ a: 1 });
    expect(data('{a: 1, b: [x]}\n# c\n')).toEqual({ a: 1, b: ['x'] });
    expect((subset('[1, 2]\n') as Read).data).toEqual([1, 2]);
  });

  it('gives up on what it does not read', () => {
    for (const text of [
      'a: &x 1\nb: *x\n', 'a: !!str 1\n', '? a\n: b\n', 'a: 1\n---\nb: 2\n', 'a: 1\n...\n', '%YAML 1.2\n---\na: 1\n', 'a:\n- 1\n', 'a:\n  - 1\n',
      'a: "multi\n  line"\n', 'a: plain\n  continued\n', 'a: {b: 1,\n  c: 2}\n', 'a:\tb\n', 'a: 1\r\nb: 2\r\n', '\uFEFFa: 1\n', 'a: "\\n"\n',
      '  a: 1\n', 'just text\n', '', '# only\n', '---\n', 'a: b: c\n', 'a: 1\n  b: 2\n', 'a:\n    b: 1\n  c: 2\n', 'a: 😀\n', '{a: 1} # c\nb: 1\n',
      'a: |2\n   x\n', 'a: |\n    x\n  y\n', 'a: |\n    \n  x\n', 'a: |\n  x\n    \n  y\n',
    ]) expect('gaveUp' in subset(text), JSON.stringify(text)).toBe(true);
  });

  it('says where it gave up, and which anchor or alias stopped it', () => {
    expect(subset('a: 1\nb: &zero {c: 0}\n')).toEqual({ gaveUp: 8, anchor: '&zero' });
    expect(subset('a: [1, *x]\n')).toEqual({ gaveUp: 7, anchor: '*x' });
    expect(subset('a: 1\nb: !!str 2\n')).toEqual({ gaveUp: 8 });
  });

  it('gives up past maxDepth', () => {
    const deep = 'a:\n  b:\n    c:\n      d: 1\n';
    expect('gaveUp' in subset(deep, 3)).toBe(false);
    expect('gaveUp' in subset(deep, 2)).toBe(true);
    expect('gaveUp' in subset('a: [[[1]]]\n', 3)).toBe(false);
    expect('gaveUp' in subset('a: [[[1]]]\n', 2)).toBe(true);
    // It says so, at the collection that is one too many (not at a deeper line of text).
    expect(subset(deep, 2)).toEqual({ gaveUp: 21, deep: true });
    expect(subset('a: [[[1]]]\n', 2)).toEqual({ gaveUp: 5, deep: true });
    expect(subset('a:\n  b:\n    text\n', 1)).toEqual({ gaveUp: 16 });
  });

  it('reads nothing nested deeper than the limit (the loader then skips its own depth walk): the 20-level limit holds at its edge', () => {
    const block = (n: number) => Array.from({ length: n }, (_, i) => `${' '.repeat(i * 2)}k${i}:\n`).join('') + `${' '.repeat(n * 2)}v: 1\n`;
    const flow = (n: number) => `a: ${'{b: '.repeat(n)}1${'}'.repeat(n)}\n`;
    const seq = (n: number) => `a: ${'['.repeat(n)}1${']'.repeat(n)}\n`;
    for (const make of [block, flow, seq]) {
      for (let n = 17; n <= 23; n++) {
        const text = make(n);
        const r = loadReport(text, { filename: 'x.yaml' });
        expect(r.findings.map((f) => f.ruleId), text).toEqual(n <= 20 ? [] : ['PARSE-TOO-DEEP']);
        const got = subset(text, 20);
        if (!('gaveUp' in got)) expect(depthOf(got.data), text).toBeLessThanOrEqual(20);
        expect('gaveUp' in got, text).toBe(n > 20);
      }
    }
  });
});

describe('decode: one scan for the control characters and for the subset reader', () => {
  it('calls a text clean exactly when it holds none of the characters the subset reader refuses, which include every control character', async () => {
    const { decode, CONTROL } = await import('../../src/load/decode.js');
    const { REFUSED } = await import('../../src/load/subset-yaml.js');
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      if (CONTROL.test(ch)) expect(REFUSED.test(ch), c.toString(16)).toBe(true);
    }
    for (const text of ['a: 1\n', 'a: 中文\n', 'a:\t1\n', 'a: 1\r\n', 'a: \u000b1\n', 'a: \u{1F600}\n', 'a: \u2028\n', 'a: \u0085\n']) {
      const d = decode(new TextEncoder().encode(text));
      expect(d.clean === true, JSON.stringify(text)).toBe(!REFUSED.test(text));
      if (d.clean) expect(CONTROL.test(d.text)).toBe(false);
    }
  });
});
