// Line and column of a cell, in YAML block style, flow style and JSON.
import { describe, expect, it } from 'vitest';
import { checkSource } from '../src/check.js';
import { loadReport } from '../src/load/load.js';

const TODAY = new Date('2026-11-28T00:00:00Z');
const row = (n: number) => ({ naturalPerson: n, commercial: 0, research: 0, socialWelfare: 0, legalService: 0, otherOrg: 0 });

describe('locate', () => {
  const block = [
    'requests:',
    '  received:',
    '    naturalPerson: 3',
    '    commercial: 0',
    '    total:    4',
  ].join('\n');
  it('block style: the value of a key', () => {
    const l = loadReport(block, { filename: 'a.yaml' });
    expect(l.locate('/requests/received/naturalPerson')).toEqual({ line: 3, column: 20 });
    expect(l.locate('/requests/received/total')).toEqual({ line: 5, column: 15 });
    expect(l.locate('/requests/received/total', true)).toEqual({ line: 5, column: 5 });
  });
  it('falls back to the nearest existing ancestor', () => {
    const l = loadReport(block, { filename: 'a.yaml' });
    expect(l.locate('/requests/received/research')).toEqual({ line: 3, column: 5 });
  });
  it('flow style', () => {
    const l = loadReport('requests:\n  received: {naturalPerson: 3, total: 4}\n', { filename: 'a.yml' });
    expect(l.locate('/requests/received/total')).toEqual({ line: 2, column: 39 });
  });
  it('JSON, pretty and minified', () => {
    const pretty = JSON.stringify({ requests: { received: { ...row(3), total: 4 } } }, null, 2);
    const l = loadReport(pretty, { filename: 'a.json' });
    expect(l.locate('/requests/received/total')).toEqual({ line: 10, column: 16 });
    const min = loadReport('{"a":{"b":[1,{"c":7}]}}', { filename: 'a.json' });
    expect(min.locate('/a/b/1/c')).toEqual({ line: 1, column: 19 });
  });
  it('CRLF line endings and a BOM do not shift positions', () => {
    const text = '\ufeff' + block.replace(/\n/g, '\r\n');
    const l = loadReport(Buffer.from(text, 'utf8'), { filename: 'a.yaml' });
    expect(l.locate('/requests/received/total')).toEqual({ line: 5, column: 15 });
  });
  it('a finding in a JSON file carries its line and column', () => {
    const data = JSON.parse(JSON.stringify({ format: '2021', agency: 'x', year: 2023 }));
    const text = JSON.stringify({ ...data, published: '2023-13-01' }, null, 2);
    const r = checkSource(text, { filename: 'r.json', today: TODAY });
    const f = r.findings.find((x) => x.ruleId === 'SCHEMA-REQUIRED')!;
    expect(f.line).toBe(1);
    const p = r.findings.find((x) => x.pointer === '/published')!;
    expect([p.line, p.column]).toEqual([5, 16]);
  });
  it('duplicate keys are found in JSON too, which JSON.parse would hide', () => {
    const r = checkSource('{\n  "year": 2022,\n  "year": 2023\n}', { filename: 'r.json', today: TODAY });
    expect(r.findings.map((f) => [f.ruleId, f.line, f.column])).toEqual([['PARSE-DUPLICATE-KEY', 3, 3]]);
  });
  it('YAML syntax errors carry the parser position', () => {
    const r = checkSource('a: [1, 2\nb: 3\n', { filename: 'r.yaml', today: TODAY });
    expect(r.findings[0]!.ruleId).toBe('PARSE-SYNTAX');
    expect(r.findings[0]!.line).toBeGreaterThanOrEqual(1);
  });
});
