// The loader against the `yaml` package on 20,000 random edits (fixed seed) of
// the fixtures, the examples and generated reports: it must accept exactly what
// the Document accepts (under the loader's policies, authority.ts), with the
// same data and numbers, and place every node where the Document does. Most
// cases are a few top-level entries of a file, so each costs the Document
// little; every twentieth is a whole file, where a broken one is read by windows.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { yamlFiles } from '../helpers/files.js';
import { loadReport, loadYaml } from '../../src/load/load.js';
import { readSubset } from '../../src/load/subset-yaml.js';
import { authority, makeReport, mulberry32, mutate, pointersOf, same } from './authority.js';

const ROOT = join(import.meta.dirname, '..', '..');

const bases: string[] = (() => {
  const rnd = mulberry32(14);
  return [
    ...[...yamlFiles(join(ROOT, 'tests', 'fixtures')), ...yamlFiles(join(ROOT, 'examples'))].map((f) => readFileSync(f, 'utf8').replace(/^\uFEFF/, '')),
    ...Array.from({ length: 40 }, (_, i) => makeReport(rnd, i).text),
  ];
})();

/** Top-level entries (lines that start with a plain key): past two, the window is a part of the file. */
const entries = (text: string) => (text.match(/^[^\s#\-?:%.[\]{},|>!&*@`'"]/gm) ?? []).length;

/** A run of one to three top-level entries of `text` (with the comments above them). */
function piece(rnd: () => number, text: string): string {
  const starts = [0];
  for (const m of text.matchAll(/\n(?=[^\s#])/g)) starts.push(m.index + 1);
  const from = Math.floor(rnd() * starts.length);
  const to = Math.min(starts.length, from + 1 + Math.floor(rnd() * 3));
  return text.slice(starts[from], to < starts.length ? starts[to] : text.length);
}

interface Tally { read: number; document: number; accepted: number; refused: number; windowed: number; wrong: string[] }

/** Compares the loader with the authority on `text`; a mismatch is noted in `t.wrong`. */
function compare(text: string, asBytes: boolean, t: Tally): void {
  const r = loadReport(asBytes ? new TextEncoder().encode(text) : text, { filename: 'x.yaml' });
  // Lone CRs are line breaks for the loader (and editors), as LF.
  const a = authority(text.replace(/\r(?!\n)/g, '\n'));
  const ok = r.findings.every((f) => f.severity !== 'error');
  const lf = text.replace(/\r\n?/g, '\n');
  if (!('gaveUp' in readSubset(lf, 20))) t.read++;
  else t.document++;
  const say = (what: string) => t.wrong.length < 5 && t.wrong.push(`${what}: ${JSON.stringify(text)}`);
  if (ok !== (a.data !== undefined)) return void say(ok ? `accepted what the Document refuses (${a.errors[0]})` : `refused what the Document accepts (${r.findings[0]?.ruleId} ${r.findings[0]?.params.detail ?? ''})`);
  if (!ok) {
    t.refused++;
    // A syntax error is found and placed from a window of the file (the broken entry and the one
    // before it): the same slip at the same place as from the whole file's Document (where no line
    // shows the slip, the parser's own error code at that place may differ: it words the fallback).
    const f = r.findings.find((x) => x.severity === 'error')!;
    if (f.ruleId === 'PARSE-SYNTAX' && f.params.slip !== 'control' && entries(text) > 2) {
      const whole = loadYaml(text.replace(/\r(?!\n)/g, '\n'), false, false).findings[0];
      const key = (x: typeof f | undefined) => JSON.stringify(x && [x.ruleId, x.line, x.column, { ...x.params, code: x.params.slip === 'yaml' ? '' : x.params.code }]);
      if (key(whole) !== key(f)) return void say(`window gives ${JSON.stringify(f)}, the whole file ${JSON.stringify(whole)}`);
      t.windowed++;
    }
    return;
  }
  t.accepted++;
  if (!same(r.data, a.data)) return void say(`different data ${JSON.stringify(r.data)} ≠ ${JSON.stringify(a.data)}`);
  const numbers = [...(r.numbers ?? new Map<string, string>())];
  if (JSON.stringify(numbers) !== JSON.stringify([...a.numbers])) return void say(`different numbers ${JSON.stringify(numbers)} ≠ ${JSON.stringify([...a.numbers])}`);
  for (const p of pointersOf(a.data)) {
    for (const atKey of [false, true]) {
      const got = r.locate(p, atKey), want = a.locate(p, atKey);
      if (got.line !== want.line || got.column !== want.column) return void say(`${p}${atKey ? ' (key)' : ''} at ${got.line}:${got.column}, the Document says ${want.line}:${want.column}`);
    }
  }
}

describe('the loader and the yaml Document on 20,000 random edits', () => {
  const total: Tally = { read: 0, document: 0, accepted: 0, refused: 0, windowed: 0, wrong: [] };
  for (let chunk = 0; chunk < 4; chunk++) {
    it(`edits ${chunk * 5000 + 1}–${(chunk + 1) * 5000}: same accept/refuse, data, numbers and positions`, () => {
      const rnd = mulberry32(20_000 + chunk);
      const t: Tally = { read: 0, document: 0, accepted: 0, refused: 0, windowed: 0, wrong: [] };
      for (let n = 0; n < 5000; n++) {
        const base = bases[Math.floor(rnd() * bases.length)]!;
        compare(mutate(rnd, n % 20 === 0 ? base : piece(rnd, base)), n % 2 === 1, t);
      }
      expect(t.wrong).toEqual([]);
      for (const k of ['read', 'document', 'accepted', 'refused', 'windowed'] as const) total[k] += t[k];
    }, 120_000);
  }

  it('covers both paths and both outcomes', () => {
    // Edits that keep a file in the report subset, and edits the Document must read; both kinds of outcome.
    expect(total.read).toBeGreaterThan(5000);
    expect(total.document).toBeGreaterThan(5000);
    expect(total.accepted).toBeGreaterThan(5000);
    expect(total.refused).toBeGreaterThan(3000);
    expect(total.windowed).toBeGreaterThan(800);
  });
});

describe('named regressions', () => {
  it('a bracket inside a quoted value of JSON-like braces ("key":"…{…") is text, not an unclosed bracket', () => {
    const text = 'contact: {"address":"中埠镇{铁山路37号","phone":"0533-3081517"}\n';
    expect(authority(text).data).toBeDefined();
    expect(loadReport(text, { filename: 'x.yaml' }).findings).toEqual([]);
  });

  it('a quote closed at the end of the next line is a syntax error, not two fields merged', () => {
    const text = "contact:\n  office: '方城县释之街道办事处党政办公室\n  address: 方城县释之路 47 号'\n  phone: \"037767282399\"\n";
    const r = loadReport(text, { filename: 'x.yaml' });
    expect(r.data).toBeUndefined();
    expect(r.findings.map((f) => f.ruleId)).toEqual(['PARSE-SYNTAX']);
    expect(authority(text).data).toBeUndefined();
    // At the top level too (the issue's own text).
    const top = loadReport("office: '…党政办公室\naddress: 方城县释之路 47 号'\n", { filename: 'x.yaml' });
    expect(top.findings.map((f) => [f.ruleId, f.line])).toEqual([['PARSE-SYNTAX', 1]]);
  });
});
