// The report-subset reader (src/load/subset-yaml.ts) must give exactly what
// js-yaml gives (same data, key order, numbers and odd-number reports), or
// give up: on real files, generated reports, mutated reports, random small
// documents, and the scalars that matter.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { yamlFiles } from '../helpers/files.js';
import { CORE_IMPLICIT, fastParse, fastParseYaml, jsYamlParse } from '../../src/load/fast-yaml.js';
import { loadReport } from '../../src/load/load.js';
import { GIVE_UP, parseSubset } from '../../src/load/subset-yaml.js';
// @ts-expect-error: a plain .mjs module without types
import { makeReport, mulberry32 } from '../../bench/generate.mjs';

const ROOT = join(import.meta.dirname, '..', '..');


/** Equal data including key order, array-ness and number identity (NaN, -0). */
function same(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' || typeof b === 'number') return Object.is(a, b);
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === b;
  if (Array.isArray(a) !== Array.isArray(b) || Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const ka = Object.keys(a), kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    if (ka[i] !== kb[i]) return false;
    if (!same((a as Record<string, unknown>)[ka[i]!], (b as Record<string, unknown>)[kb[i]!])) return false;
  }
  return true;
}

const subset = (text: string, maxDepth = 100) => parseSubset(text, maxDepth, CORE_IMPLICIT!);

/**
 * Whether the subset read `text`; throws if it read it differently from js-yaml
 * (or read what js-yaml refuses). Odd numbers are compared through fastParseYaml,
 * which tries the subset first.
 */
function check(text: string, maxDepth = 100): boolean {
  const got = subset(text, maxDepth);
  if (got === GIVE_UP) return false;
  let want: unknown;
  const oddJs: string[] = [];
  try {
    want = jsYamlParse(text, (s) => oddJs.push(s), maxDepth);
  } catch (e) {
    throw new Error(`subset read what js-yaml refuses (${(e as Error).message.split('\n')[0]}): ${JSON.stringify(text)}`);
  }
  if (!same(got, want)) throw new Error(`different data for ${JSON.stringify(text)}:\n${JSON.stringify(got)}\n${JSON.stringify(want)}`);
  const oddFast: string[] = [];
  fastParseYaml(text, (s) => oddFast.push(s), maxDepth);
  if (oddFast.join('\n') !== oddJs.join('\n')) throw new Error(`different odd numbers for ${JSON.stringify(text)}: ${oddFast} vs ${oddJs}`);
  return true;
}

const fixtures = [...yamlFiles(join(ROOT, 'tests')), ...yamlFiles(join(ROOT, 'examples'))];
const generated: string[] = (() => {
  const rnd = mulberry32(11);
  return Array.from({ length: 2000 }, (_, i) => (makeReport(rnd, i) as { text: string }).text);
})();

describe('the subset reader gives js-yaml data or gives up', () => {
  it('has js-yaml\'s implicit types (null, bool, int, float)', () => {
    expect(CORE_IMPLICIT?.map((t) => (t as unknown as { tag: string }).tag)).toEqual(['null', 'bool', 'int', 'float'].map((n) => `tag:yaml.org,2002:${n}`));
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
    // Only files with syntax mistakes (about 4%) are left to js-yaml.
    expect(read / generated.length).toBeGreaterThan(0.9);
  });

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
  });

  it('on random small documents of tricky pieces', () => {
    const rnd = mulberry32(99);
    const int = (n: number) => Math.floor(rnd() * n);
    const pick = <T,>(a: readonly T[]): T => a[int(a.length)]!;
    const KEYS = ['a', 'b', 'key', '"q k"', "'s k'", '"a"', '1', '1.0', '0x1F', 'null', '~', 'true', 'yes', '中文', 'a b', 'a:b', '-x', '__proto__', 'constructor', '"#"', '.5', 'a#b', 'k ', '"a\\"b"'];
    const VALUES = ['', ' ', ' 0', ' 12', ' -3', ' 037767282399', ' 0o17', ' 0x1F', ' 1_000', ' 1e3', ' 1.0', ' 1.50', ' .nan', ' -.inf', ' ~', ' null', ' yes', ' True', ' 2024-01-20',
      ' text', ' text # c', ' a#b', ' 地址：方城县', ' "q: #"', ' "a\\"b"', " 'it''s'", " ''", ' ""', ' "x" # c', ' "x"#c', ' {a: 1, b: [1, 2]}', ' {a: 1,}', ' {}', ' []', ' [a, b: c]', ' {a: }', ' {a}',
      ' {a: 1 b}', ' [1 ,2]', ' {"k": v}', ' {a: {b: {c: 1}}}', ' [0, 00, 1 , "x", \'y\', ~, -1, .5]', ' &a 1', ' *a', ' !!str 1', ' - 1', ' -1', ' a: b', ' a:b', ' 1 # c', ' [1, 2] # c', ' 10:30', ' 12 ', ' 0 #c', ' 1:', ' x:'];
    const BLOCK = [' |', ' |-', ' |+', ' >', ' >-', ' >+', ' |2', ' |1-', ' | # c', ' |x', ' |#', ' |0', ' |--'];
    const TEXT = ['一二三', '  more indented', '# hash', 'a: b', '- item', '**bold** & *x', ' ', '', '', 'x  '];
    const CHAOS = ['', '  ', '# c', '  # c', '    # deep', '  text', '   odd', '  - item', '- item', '...', '---', '\t- tab', '  a: 1'];

    /** A mostly well-formed mapping at `indent`, as lines. */
    const mapping = (indent: number, depth: number, out: string[]) => {
      const pad = ' '.repeat(indent);
      for (let i = 1 + int(4); i > 0; i--) {
        if (rnd() < 0.15) out.push(pick(['', `${pad}# c`, '# c', `${pad}   # deep`, '  ']));
        const key = pick(KEYS);
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
      if (rnd() < 0.2) lines.push(pick(['# head', '', '---', '%YAML 1.2']));
      mapping(0, 0, lines);
      const text = lines.join('\n') + pick(['\n', '', '\n\n', '\n  \n']);
      if (check(text)) read++;
      // and with a small depth limit
      check(text, 1 + int(4));
    }
    expect(read).toBeGreaterThan(cases / 10);
  });
});

describe('the subset reader on the semantics that matter', () => {
  const read = (text: string) => {
    expect(check(text), JSON.stringify(text)).toBe(true);
    return subset(text);
  };

  it('reads scalars as the core schema does', () => {
    expect(read('d: 2024-01-20\ny: yes\no: 0o17\nh: 0x1F\nu: 1_000\nb: 0b11\nn: ~\ne:\nt: true\nf: 1.5\nz: 0\n')).toEqual({ d: '2024-01-20', y: 'yes', o: 15, h: 31, u: '1_000', b: '0b11', n: null, e: null, t: true, f: 1.5, z: 0 });
    expect(read('p: "037767282399"\nq: 037767282399\n')).toEqual({ p: '037767282399', q: 37767282399 });
    expect(read('n: [.nan, -.inf]\n')).toEqual({ n: [NaN, -Infinity] });
  });

  it('tells odd numbers through the sink, once, only when it reads the text', () => {
    const odd: string[] = [];
    expect(subset('a: 037767282399\nb: {c: 1.0, d: 0x1F}\ne: 12\n')).not.toBe(GIVE_UP);
    expect(fastParseYaml('a: 037767282399\nb: {c: 1.0, d: 0x1F}\ne: 12\n', (s) => odd.push(s))).toEqual({ a: 37767282399, b: { c: 1, d: 31 }, e: 12 });
    expect(odd).toEqual(['037767282399', '1.0', '0x1F']);
    // Given up after an odd number: js-yaml tells it, the subset does not tell it again.
    const odd2: string[] = [];
    expect(subset('a: 0x1F\nb: &x 1\n')).toBe(GIVE_UP);
    expect(() => fastParseYaml('a: 0x1F\nb: &x 1\nc: *x\n', (s) => odd2.push(s))).toThrow();
    const odd3: string[] = [];
    fastParseYaml('a: 0x1F\nb: [1, 2\n  ]\n', (s) => odd3.push(s));
    expect(odd3).toEqual(['0x1F']);
  });

  it('reads counts as the schema does (the fast path for counts)', () => {
    const resolve = (s: string) => { const t = CORE_IMPLICIT!.find((x) => x.resolve(s)); return t ? t.construct(s) : s; };
    const rnd = mulberry32(5);
    const samples = ['0', '1', '9', '10', '99', '100', '999999999999999', '123456789012345'];
    for (let i = 0; i < 500; i++) samples.push(String(Math.floor(rnd() * 10 ** (1 + Math.floor(rnd() * 15)))));
    for (const s of samples) {
      expect(resolve(s)).toBe(Number(s));
      expect(read(`a: ${s}\nb: {c: ${s}}\nd: [${s}]\n`)).toEqual({ a: Number(s), b: { c: Number(s) }, d: [Number(s)] });
    }
    // Not counts: the types decide.
    expect(read('a: 1234567890123456\nb: 00\nc: 01\nd: 1.\ne: 9007199254740993\nf: [99999999999999999]\n')).toEqual({ a: 1234567890123456, b: 0, c: 1, d: 1, e: 9007199254740992, f: [1e17] });
  });

  it('makes keys strings as js-yaml does', () => {
    expect(read('"quoted key": 1\n\'single\': 2\n1: one\nnull: n\ntrue: t\n0x1F: h\n中文键: 3\na b: 4\na:b: 5\n')).toEqual({ 'quoted key': 1, single: 2, 1: 'one', null: 'n', true: 't', 31: 'h', 中文键: 3, 'a b': 4, 'a:b': 5 });
    expect(read('1.0: f\n~: g\n')).toEqual({ 1: 'f', null: 'g' });
    expect(Object.keys(subset('b: 1\n2: x\na: 1\n1: y\n') as object)).toEqual(['1', '2', 'b', 'a']);
    // Duplicate keys are left to js-yaml, which reports them.
    expect(subset('a: 1\nb: 2\na: 3\n')).toBe(GIVE_UP);
    expect(subset('a: {x: 1, x: 2}\n')).toBe(GIVE_UP);
    expect(subset('1: a\n1.0: b\n')).toBe(GIVE_UP);
    expect(subset('__proto__: 1\n')).toBe(GIVE_UP);
  });

  it('reads comments, `#` in quotes and in plain text, Chinese colons', () => {
    expect(read('# head\na: 1 # count\nb: "x # y" # c\nc: a#b\nd: \'q: #\'\ne: 地址：方城县释之路 47 号\nf: "时间: 上午 9:00"\n  # deeper comment\n# tail\n')).toEqual({
      a: 1, b: 'x # y', c: 'a#b', d: 'q: #', e: '地址：方城县释之路 47 号', f: '时间: 上午 9:00',
    });
    expect(read('a: {b: "x, y", c: \'}\'}\n')).toEqual({ a: { b: 'x, y', c: '}' } });
  });

  it('reads literal block scalars: blank lines, trailing blank lines, `|-`, `|+`, folded', () => {
    expect(read('a: |\n  一\n\n  二\n\n\nb: |-\n  x\n   y\n\nc: 1\n')).toEqual({ a: '一\n\n二\n', b: 'x\n y', c: 1 });
    expect(read('a: |+\n  x\n\nb: >\n  x\n  y\n\n  z\n')).toEqual({ a: 'x\n\n', b: 'x y\nz\n' });
    expect(read('a: |\n  # not a comment\n  **bold** & *x\n# a comment\nb: |\n\n')).toEqual({ a: '# not a comment\n**bold** & *x\n', b: '' });
    expect(read('a:\n  b: |\n    x\n  c: 2\n')).toEqual({ a: { b: 'x\n', c: 2 } });
  });

  it('gives up on what it does not read', () => {
    for (const text of [
      'a: &x 1\nb: *x\n', 'a: !!str 1\n', '? a\n: b\n', '---\na: 1\n', 'a: 1\n...\n', '%YAML 1.2\n---\na: 1\n', 'a:\n- 1\n', 'a:\n  - 1\n',
      'a: "multi\n  line"\n', 'a: plain\n  continued\n', 'a: {b: 1,\n  c: 2}\n', 'a:\tb\n', 'a: 1\r\nb: 2\r\n', '\uFEFFa: 1\n', 'a: "\\n"\n',
      '  a: 1\n', '[1, 2]\n', 'just text\n', '', '# only\n', 'a: b: c\n', 'a: 1\n  b: 2\n', 'a:\n    b: 1\n  c: 2\n', 'a: 😀\n',
    ]) expect(subset(text), JSON.stringify(text)).toBe(GIVE_UP);
  });

  it('gives up past maxDepth, where js-yaml stops', () => {
    const deep = 'a:\n  b:\n    c:\n      d: 1\n';
    expect(subset(deep, 5)).not.toBe(GIVE_UP);
    expect(subset(deep, 4)).toBe(GIVE_UP);
    expect(() => jsYamlParse(deep, undefined, 4)).toThrow(/maxDepth/);
    expect(subset('a: [[[1]]]\n', 4)).toBe(GIVE_UP);
    expect(() => jsYamlParse('a: [[[1]]]\n', undefined, 4)).toThrow(/maxDepth/);
  });

  it('reads nothing nested deeper than maxDepth - 2 (the loader then skips its own depth walk): the 20-level limit holds at its edge', () => {
    const block = (n: number) => Array.from({ length: n }, (_, i) => `${' '.repeat(i * 2)}k${i}:\n`).join('') + `${' '.repeat(n * 2)}v: 1\n`;
    const flow = (n: number) => `a: ${'{b: '.repeat(n)}1${'}'.repeat(n)}\n`;
    const seq = (n: number) => `a: ${'['.repeat(n)}1${']'.repeat(n)}\n`;
    for (const make of [block, flow, seq]) {
      for (let n = 17; n <= 23; n++) {
        const text = make(n);
        const r = loadReport(text, { filename: 'x.yaml' });
        expect(r.findings.map((f) => f.ruleId), text).toEqual(n <= 20 ? [] : ['PARSE-TOO-DEEP']);
        // Where the subset reads it, it is within maxDepth - 2 levels.
        let read: { data: unknown; shallow: boolean } | undefined;
        try { read = fastParse(text, undefined, 22, false); } catch { /* js-yaml stops at maxDepth */ }
        if (read?.shallow) expect(depthOf(read.data), text).toBeLessThanOrEqual(20);
        if (n <= 20) expect(read?.shallow, text).toBe(true);
      }
    }
  });
});

const depthOf = (v: unknown): number => (v !== null && typeof v === 'object' ? 1 + Math.max(-1, ...Object.values(v).map(depthOf)) : -1);
