// Two shortcuts of the loader against the full work they stand for:
// - a broken file's errors come from the `yaml` Document of its broken
//   top-level section (from the entry js-yaml was reading), not of the whole
//   file (and only up to two lines past js-yaml's error): the first error, its
//   position and wording must be the whole Document's, and every error
//   reported one of the whole Document's;
// - positions of a file's findings come from an index of only the paths of
//   those pointers: the offsets must be the full index's.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { yamlFiles } from '../helpers/files.js';
import { fastParseYaml } from '../../src/load/fast-yaml.js';
import { documentFindings, documentLocator, loadReport } from '../../src/load/load.js';
import { indexYaml, offsetInIndex } from '../../src/load/yaml-index.js';
// @ts-expect-error: a plain .mjs module without types
import { makeReport, mulberry32 } from '../../bench/generate.mjs';

const ROOT = join(import.meta.dirname, '..', '..');

const rnd = mulberry32(11);
const bases: string[] = [
  readFileSync(join(ROOT, 'examples', 'shizhi-2023.yaml'), 'utf8'),
  readFileSync(join(ROOT, 'examples', 'hanyang-2022.yaml'), 'utf8'),
  ...Array.from({ length: 20 }, (_, i) => (makeReport(rnd, i) as { text: string }).text),
];
// Typing slips: a character lost, or one of the characters YAML cares about put in.
const MUTATIONS: ((t: string, i: number) => string)[] = [
  (t, i) => t.slice(0, i) + t.slice(i + 1),
  ...[' ', '"', "'", ':', '\n', '{', '[', '\t', '-', '#', '|'].map((c) => (t: string, i: number) => t.slice(0, i) + c + t.slice(i)),
];

const key = (f: { ruleId: string; line?: number; column?: number; params: unknown }) => `${f.ruleId} ${f.line}:${f.column} ${JSON.stringify(f.params)}`;

describe('a broken file: errors from its broken section', () => {
  it('gives the whole Document\'s first error, position and wording, on 1,500 typing slips', () => {
    let broken = 0;
    let identical = 0;
    for (let k = 0; k < 1500; k++) {
      const base = bases[Math.floor(rnd() * bases.length)]!;
      const text = MUTATIONS[Math.floor(rnd() * MUTATIONS.length)]!(base, Math.floor(rnd() * base.length));
      try { fastParseYaml(text); continue; } catch { /* broken for the fast path: the case under test */ }
      const full = documentFindings(text);
      const got = loadReport(text, { filename: 'x.yaml' }).findings;
      if (!full.length) continue; // js-yaml refuses what the Document reads: then the Document's data is used
      broken++;
      expect(got.length, text).toBeGreaterThan(0);
      // Duplicate keys come from js-yaml itself (the first one, placed where the Document places it).
      if (got[0]!.ruleId === 'PARSE-DUPLICATE-KEY') {
        expect(full.map(key), text).toContain(key(got[0]!));
        continue;
      }
      expect(key(got[0]!), text).toBe(key(full[0]!));
      // Never an error the whole Document does not give (the window's own end is not one).
      const all = new Set(full.map(key));
      expect(got.map(key).filter((k) => !all.has(k)), text).toEqual([]);
      if (got.map(key).join('|') === full.map(key).join('|')) identical++;
    }
    expect(broken).toBeGreaterThan(300);
    // The rest lack only errors further on, left for the next run.
    expect(identical / broken).toBeGreaterThan(0.5);
  });
});

describe('positions: the index of some paths against the index of all', () => {
  const pointersOf = (v: unknown, path = ''): string[] => {
    if (v === null || typeof v !== 'object') return [path];
    return [path, `${path}/notThere`, ...Object.entries(v as object).flatMap(([k, x]) => pointersOf(x, `${path}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`))];
  };

  it('agrees on every pointer asked for, for random sets of pointers, on fixtures and generated reports', () => {
    const texts = [...yamlFiles(join(ROOT, 'tests', 'fixtures')), ...yamlFiles(join(ROOT, 'examples'))].map((f) => readFileSync(f, 'utf8').replace(/^\uFEFF/, '')).concat(bases);
    let compared = 0;
    for (const text of texts) {
      let data: unknown;
      try { data = fastParseYaml(text); } catch { continue; }
      const full = indexYaml(text);
      const all = pointersOf(data);
      for (let round = 0; round < 5; round++) {
        // Odd rounds ask only for nodes that are there, so the scan stops once it has placed them all.
        const pool = round % 2 ? all.filter((p) => !p.endsWith('/notThere')) : all;
        const some = pool.filter(() => rnd() < 0.05).concat(round === 0 ? ['/year', '/requests/outcomes/total/total', '/nope/deeper'] : []);
        const part = indexYaml(text, some);
        // A scan that stopped early may place what the whole scan gives up on (checked below).
        if (round % 2 === 0 || full) expect(part === undefined, text.slice(0, 80)).toBe(full === undefined);
        if (!full || !part) continue;
        for (const p of some) {
          for (const atKey of [false, true]) expect(offsetInIndex(part, p, atKey), p).toBe(offsetInIndex(full, p, atKey));
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(500);
  });

  it('stops once every pointer asked for is placed: what follows cannot move them, even what the scan does not read', () => {
    const head = 'format: "2021"\nagency: 某街道办事处\nyear: 2023\nrequests:\n  received: {naturalPerson: 1, total: 1}\n';
    // A tag: the whole scan gives up on it (the Document places it).
    const text = `${head}problems: !!str 无\n`;
    expect(indexYaml(text)).toBeUndefined();
    const wanted = ['/year', '/requests/received/total'];
    const part = indexYaml(text, wanted);
    expect(part).toBeDefined();
    const at = (o: number) => { const before = text.slice(0, o).split('\n'); return { line: before.length, column: before.at(-1)!.length + 1 }; };
    const doc = documentLocator(text);
    for (const p of wanted) for (const atKey of [false, true]) expect(at(offsetInIndex(part!, p, atKey)!), p).toEqual(doc(p, atKey));
    // A pointer not there keeps the scan going to the end, where it gives up as the whole scan does.
    expect(indexYaml(text, [...wanted, '/requests/carriedOver'])).toBeUndefined();
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
