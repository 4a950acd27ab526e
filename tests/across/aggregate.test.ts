import { mkdtempSync, readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, beforeAll } from 'vitest';
import { parse, stringify } from 'yaml';
import { cli } from '../helpers/cli.js';
import { unitsToAmount } from '../../src/aggregate/aggregate.js';

const FIX = join(__dirname, '..', 'fixtures', 'across');
const ZERO = parse(readFileSync(join(FIX, 'zero-2023.yaml'), 'utf8')) as Record<string, any>;
const COLS = ['naturalPerson', 'commercial', 'research', 'socialWelfare', 'legalService', 'otherOrg'];

/** A deterministic pseudo-random source, so a failure can be reproduced. */
function rng(seed: number) {
  return (n: number) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
}

/** A valid unit report with figures everywhere (totals left out, so they are computed). */
function unit(name: string, seed: number, fee: number): Record<string, any> {
  const r = rng(seed);
  const d = structuredClone(ZERO);
  d.agency = name;
  const leaves: Record<string, number>[] = [];
  const fill = (o: Record<string, any>) => {
    for (const [k, v] of Object.entries(o)) {
      if (k === 'total') { delete o[k]; continue; }
      if (v && typeof v === 'object' && 'naturalPerson' in v) { for (const c of COLS) v[c] = r(5); delete v.total; leaves.push(v); } else if (v && typeof v === 'object') fill(v);
    }
  };
  fill(d.requests.outcomes);
  for (const c of COLS) {
    const handled = leaves.reduce((s, l) => s + l[c]!, 0);
    d.requests.carriedForward[c] = r(3);
    d.requests.carriedOver[c] = Math.min(r(3), handled);
    d.requests.received[c] = handled + d.requests.carriedForward[c] - d.requests.carriedOver[c];
  }
  for (const row of ['received', 'carriedOver', 'carriedForward']) delete d.requests[row].total;
  for (const k of ['regulations', 'normativeDocuments']) d.proactive[k] = { issued: r(4), repealed: r(4), inForce: 10 + r(20) };
  for (const k of ['licensing', 'punishment', 'coercion']) d.proactive[k] = { decisions: r(1000) };
  d.proactive.fees = { amountTenThousandYuan: fee };
  for (const g of ['review', 'suitDirect', 'suitAfterReview']) {
    d.reviewsAndLawsuits[g] = { upheld: r(3), corrected: r(2), other: r(2), pending: r(2) };
  }
  return d;
}

/** Every numeric leaf of the tables, by path, added up independently of the tool. */
function sums(units: Record<string, any>[]): Map<string, number> {
  const out = new Map<string, number>();
  const walk = (v: unknown, path: string) => {
    if (typeof v === 'number') out.set(path, (out.get(path) ?? 0) + (path.endsWith('amountTenThousandYuan') ? Math.round(v * 10000) : v));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, `${path}/${k}`);
  };
  for (const u of units) for (const t of ['proactive', 'requests', 'reviewsAndLawsuits']) walk(u[t], `/${t}`);
  return out;
}

let dir: string;
const units = [unit('甲街道办事处', 7, 0.1), unit('乙镇人民政府', 11, 0.2), unit('丙局', 13, 12.3457)];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xxgk-agg-'));
  units.forEach((u, i) => writeFileSync(join(dir, `u${i + 1}.yaml`), stringify(u)));
  const bad = structuredClone(units[0]!);
  bad.agency = '丁';
  bad.requests.received.naturalPerson += 1;
  writeFileSync(join(dir, 'bad.yaml'), stringify(bad));
  const other = structuredClone(units[1]!);
  other.agency = '戊';
  other.year = 2022;
  writeFileSync(join(dir, 'y2022.yaml'), stringify(other));
  writeFileSync(join(dir, 'same-unit.yaml'), stringify(units[0]));
});

describe('report aggregate', () => {
  it('every inputs validates clean', () => {
    const r = cli(['validate', 'u1.yaml', 'u2.yaml', 'u3.yaml'], { cwd: dir });
    expect(r.stdout).toContain('未发现问题');
  });

  it('sums every cell (fees exactly) and the roll-up validates clean', () => {
    const r = cli(['aggregate', 'u1.yaml', 'u2.yaml', 'u3.yaml', '--agency', '某县', '-o', 'county.yaml'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('已汇总 3 份报告');
    const out = parse(readFileSync(join(dir, 'county.yaml'), 'utf8')) as Record<string, any>;
    expect(out).toMatchObject({ format: '2021', agency: '某县', year: 2023 });
    expect(out.published).toBeUndefined();
    const want = sums(units);
    let checked = 0;
    for (const [path, total] of want) {
      const v = path.slice(1).split('/').reduce((o: any, k) => o[k], out);
      expect(path.endsWith('amountTenThousandYuan') ? Math.round(v * 10000) : v, path).toBe(total);
      checked++;
    }
    expect(checked).toBeGreaterThan(150);
    expect(out.proactive.fees.amountTenThousandYuan).toBe(12.6457); // 0.1 + 0.2 + 12.3457, no 12.645699999
    // Totals the units left out are written, computed from the sums.
    const received = COLS.reduce((s, c) => s + out.requests.received[c], 0);
    expect(out.requests.received.total).toBe(received);
    const v = cli(['validate', 'county.yaml'], { cwd: dir });
    expect(v.code).toBe(0);
    expect(v.stdout).toContain('未发现问题');
  });

  it('--breakdown csv: one row per unit and a total row, BOM, labels', () => {
    const r = cli(['aggregate', 'u1.yaml', 'u2.yaml', 'u3.yaml', '--agency', '某县', '--breakdown', 'csv', '--breakdown-output', 'units.csv'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(parse(r.stdout).agency).toBe('某县');
    const csv = readFileSync(join(dir, 'units.csv'), 'utf8');
    // Next to -o by default, with English labels under --lang en.
    const en = cli(['--lang', 'en', 'aggregate', 'u1.yaml', 'u2.yaml', '--agency', 'X', '-o', 'two.yaml', '--breakdown', 'csv'], { cwd: dir });
    expect(en.code).toBe(0);
    expect(readFileSync(join(dir, 'two.breakdown.csv'), 'utf8')).toMatch(/^\ufeffUnit,File,Rules · Issued this year,/);
    expect(readFileSync(join(dir, 'two.yaml'), 'utf8')).toContain('# X: roll-up for 2023');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const rows = csv.slice(1).split('\r\n').filter(Boolean).map((l) => l.split(','));
    expect(rows).toHaveLength(1 + 3 + 1);
    const head = rows[0]!;
    const col = head.indexOf('一、本年新收政府信息公开申请数量 · 自然人');
    expect(col).toBeGreaterThan(1);
    expect(rows.slice(1, 4).map((x) => Number(x[col]))).toEqual(units.map((u) => u.requests.received.naturalPerson));
    expect(Number(rows[4]![col])).toBe(units.reduce((s, u) => s + u.requests.received.naturalPerson, 0));
    expect(rows[1]![0]).toBe('甲街道办事处');
    const fee = head.indexOf('行政事业性收费 · 本年收费金额（单位：万元）');
    expect(rows[4]![fee]).toBe('12.6457');
  });

  it('refuses an input with errors, naming it (exit 1), and writes nothing', () => {
    const r = cli(['aggregate', 'u1.yaml', 'bad.yaml', '--agency', '某县', '-o', 'nope.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^report: bad\.yaml 有 \d+ 个错误，不能汇总（第一个：\d+:\d+ /);
    expect(existsSync(join(dir, 'nope.yaml'))).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses mixed years and the same unit twice (exit 1)', () => {
    const y = cli(['--lang', 'en', 'aggregate', 'u1.yaml', 'y2022.yaml', '--agency', 'X'], { cwd: dir });
    expect(y.code).toBe(1);
    expect(y.stderr).toContain('y2022.yaml reports on 2022 but u1.yaml on 2023');
    const s = cli(['aggregate', 'u1.yaml', 'same-unit.yaml', '--agency', 'X'], { cwd: dir });
    expect(s.code).toBe(1);
    expect(s.stderr).toContain('同一单位');
  });

  it('usage errors: exit 2, one line', () => {
    for (const args of [
      ['aggregate', 'u1.yaml'],
      ['aggregate', 'u1.yaml', 'u1.yaml', '--agency', 'X'],
      ['aggregate', 'u1.yaml', '--agency', 'X', '--breakdown', 'xlsx'],
      ['aggregate', 'u1.yaml', '--agency', 'X', '--breakdown', 'csv'],
      ['aggregate', 'missing.yaml', '--agency', 'X'],
      ['aggregate', 'u1.yaml', 'u2.yaml', '--agency', 'X', '-o', 'u1.yaml'],
      ['aggregate', 'u1.yaml', '--agency', 'X', '-o', 'same.csv', '--breakdown', 'csv', '--breakdown-output', 'same.csv'],
    ]) {
      const r = cli(args, { cwd: dir });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
    expect(parse(readFileSync(join(dir, 'u1.yaml'), 'utf8')).agency).toBe('甲街道办事处');
  });

  it('fee units back to amounts without float noise', () => {
    expect(unitsToAmount(126457)).toBe(12.6457);
    expect(unitsToAmount(3)).toBe(0.0003);
    expect(unitsToAmount(10000)).toBe(1);
  });
});
