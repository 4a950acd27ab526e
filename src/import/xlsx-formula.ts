// The formulas of a report workbook, computed from their inputs. A saved
// result is never read: a workbook written by a program (exceljs, a script)
// often has none, or a stale one, and exceljs reads a saved 0 as no result.
// Written here rather than taken from a formula engine: the ones on npm are
// either GPL (HyperFormula) or a few MB for the handful of functions a report
// form uses (arithmetic, comparisons, SUM, IF, AND, OR, ABS, ROUND). Anything
// else is Unsupported, and the cell is then not read (a gap), never guessed.
// Checked against LibreOffice's own recalculation in tests/office/xlsx.test.ts.

export type Value = number | string | boolean | undefined;

export class Unsupported extends Error {}

/** A worksheet's cell by name and address (A1, no $), as the reader holds it; a formula comes as { formula }. */
export type CellSource = (sheet: string, address: string) => Value | { readonly formula: string } | undefined;

const MAX_DEPTH = 200;
const MAX_RANGE_CELLS = 100_000;

type Token =
  | { t: 'num'; v: number } | { t: 'str'; v: string } | { t: 'ref'; sheet?: string; a: string; b?: string }
  | { t: 'fn'; v: string } | { t: 'op'; v: string } | { t: 'bool'; v: boolean };

const REF = /^(?:(?:'((?:[^']|'')+)'|([A-Za-z_\u4e00-\u9fff][\w.\u4e00-\u9fff、，（）]*))!)?\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?/;

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const rest = src.slice(i);
    const ws = /^\s+/.exec(rest);
    if (ws) { i += ws[0].length; continue; }
    const num = /^\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|^\.\d+(?:[eE][+-]?\d+)?/.exec(rest);
    if (num) { out.push({ t: 'num', v: Number(num[0]) }); i += num[0].length; continue; }
    if (rest[0] === '"') {
      const m = /^"((?:[^"]|"")*)"/.exec(rest);
      if (!m) throw new Unsupported('unterminated string');
      out.push({ t: 'str', v: m[1]!.replace(/""/g, '"') });
      i += m[0].length;
      continue;
    }
    const fn = /^([A-Za-z][A-Za-z0-9.]*)\s*\(/.exec(rest);
    if (fn && !/^[A-Za-z]{1,3}\d/.test(rest)) { out.push({ t: 'fn', v: fn[1]!.toUpperCase() }); i += fn[0].length; continue; }
    const ref = REF.exec(rest);
    if (ref) {
      const sheet = ref[1] !== undefined ? ref[1].replace(/''/g, "'") : ref[2];
      out.push({ t: 'ref', ...(sheet !== undefined ? { sheet } : {}), a: `${ref[3]!.toUpperCase()}${ref[4]}`, ...(ref[5] ? { b: `${ref[5].toUpperCase()}${ref[6]}` } : {}) });
      i += ref[0].length;
      continue;
    }
    const bool = /^(TRUE|FALSE)\b/i.exec(rest);
    if (bool) { out.push({ t: 'bool', v: bool[1]!.toUpperCase() === 'TRUE' }); i += bool[0].length; continue; }
    const op = /^(<>|<=|>=|[-+*/^&=<>(),;%])/.exec(rest);
    if (op) { out.push({ t: 'op', v: op[1] === ';' ? ',' : op[1]! }); i += op[0].length; continue; }
    throw new Unsupported(`cannot read ${rest.slice(0, 10)}`);
  }
  return out;
}

const colNum = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
const colName = (c: number): string => {
  let s = '';
  for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};
const split = (a: string) => { const m = /^([A-Z]+)(\d+)$/.exec(a)!; return [colNum(m[1]!), Number(m[2])] as const; };

/** The addresses of a range, row by row. */
function rangeCells(a: string, b: string): string[] {
  const [c1, r1] = split(a), [c2, r2] = split(b);
  const [ca, cb, ra, rb] = [Math.min(c1, c2), Math.max(c1, c2), Math.min(r1, r2), Math.max(r1, r2)];
  if ((cb - ca + 1) * (rb - ra + 1) > MAX_RANGE_CELLS) throw new Unsupported('range too large');
  const out: string[] = [];
  for (let r = ra; r <= rb; r++) for (let c = ca; c <= cb; c++) out.push(`${colName(c)}${r}`);
  return out;
}

const num = (v: Value): number => {
  if (v === undefined || v === '') return 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  const n = Number(v.trim());
  if (v.trim() === '' || !Number.isFinite(n)) throw new Unsupported('#VALUE!');
  return n;
};
const truth = (v: Value): boolean => (typeof v === 'string' ? (v.toUpperCase() === 'TRUE' ? true : v.toUpperCase() === 'FALSE' ? false : num(v) !== 0) : num(v) !== 0);

/** Evaluates formulas of one workbook; results are kept, and a cycle is Unsupported. */
export class Evaluator {
  private readonly memo = new Map<string, Value>();
  private readonly busy = new Set<string>();
  constructor(private readonly source: CellSource) {}

  /** The value of a cell: its input, or its formula computed. Throws Unsupported. */
  cell(sheet: string, address: string, depth = 0): Value {
    const key = `${sheet}!${address}`;
    if (this.memo.has(key)) return this.memo.get(key);
    const raw = this.source(sheet, address);
    if (raw === undefined || typeof raw !== 'object') return raw;
    if (this.busy.has(key) || depth > MAX_DEPTH) throw new Unsupported('circular reference');
    this.busy.add(key);
    try {
      const v = this.formula(raw.formula, sheet, depth + 1);
      this.memo.set(key, v);
      return v;
    } finally {
      this.busy.delete(key);
    }
  }

  formula(src: string, sheet: string, depth = 0): Value {
    const tokens = tokenize(src.replace(/^=/, ''));
    let i = 0;
    const peek = () => tokens[i];
    const isOp = (v: string) => { const t = tokens[i]; return t?.t === 'op' && t.v === v; };
    const expect = (v: string) => { if (!isOp(v)) throw new Unsupported(`expected ${v}`); i++; };
    type Arg = { range: Value[] } | { value: Value };
    const refValues = (t: Extract<Token, { t: 'ref' }>): Value[] =>
      (t.b ? rangeCells(t.a, t.b) : [t.a]).map((a) => this.cell(t.sheet ?? sheet, a, depth));
    const scalar = (a: Arg): Value => ('value' in a ? a.value : a.range.length === 1 ? a.range[0] : (() => { throw new Unsupported('range as a value'); })());

    const primary = (): Arg => {
      const t = peek();
      if (!t) throw new Unsupported('unexpected end');
      i++;
      if (t.t === 'num' || t.t === 'str' || t.t === 'bool') return { value: t.v };
      if (t.t === 'ref') return { range: refValues(t) };
      if (t.t === 'fn') {
        const args: Arg[] = [];
        if (!isOp(')')) {
          args.push(compare());
          while (isOp(',')) { i++; args.push(compare()); }
        }
        expect(')');
        return { value: call(t.v, args) };
      }
      if (t.v === '(') { const v = compare(); expect(')'); return v; }
      if (t.v === '-' || t.v === '+') { const v = num(scalar(primaryPct())); return { value: t.v === '-' ? -v : v }; }
      throw new Unsupported(`unexpected ${t.v}`);
    };
    const primaryPct = (): Arg => {
      const v = primary();
      if (isOp('%')) { i++; return { value: num(scalar(v)) / 100 }; }
      return v;
    };
    const power = (): Arg => {
      let a = primaryPct();
      while (isOp('^')) { i++; a = { value: num(scalar(a)) ** num(scalar(primaryPct())) }; }
      return a;
    };
    const product = (): Arg => {
      let a = power();
      while (isOp('*') || isOp('/')) {
        const op = (tokens[i++] as { v: string }).v;
        const l = num(scalar(a)), r = num(scalar(power()));
        if (op === '/' && r === 0) throw new Unsupported('#DIV/0!');
        a = { value: op === '*' ? l * r : l / r };
      }
      return a;
    };
    const sumExpr = (): Arg => {
      let a = product();
      while (isOp('+') || isOp('-')) {
        const op = (tokens[i++] as { v: string }).v;
        const l = num(scalar(a)), r = num(scalar(product()));
        a = { value: op === '+' ? l + r : l - r };
      }
      return a;
    };
    const concat = (): Arg => {
      let a = sumExpr();
      while (isOp('&')) { i++; a = { value: `${scalar(a) ?? ''}${scalar(sumExpr()) ?? ''}` }; }
      return a;
    };
    const compare = (): Arg => {
      const a = concat();
      const t = peek();
      if (t?.t === 'op' && ['=', '<>', '<', '>', '<=', '>='].includes(t.v)) {
        i++;
        const l = scalar(a), r = scalar(concat());
        const both = typeof l === 'string' && typeof r === 'string';
        const x = both ? l : num(l), y = both ? r : num(r);
        const c = x < y ? -1 : x > y ? 1 : 0;
        return { value: t.v === '=' ? c === 0 : t.v === '<>' ? c !== 0 : t.v === '<' ? c < 0 : t.v === '>' ? c > 0 : t.v === '<=' ? c <= 0 : c >= 0 };
      }
      return a;
    };
    const numbers = (args: Arg[]): number[] => args.flatMap((a) => ('range' in a ? a.range.filter((v): v is number => typeof v === 'number') : [num(a.value)]));
    const call = (name: string, args: Arg[]): Value => {
      switch (name) {
        case 'SUM': return numbers(args).reduce((x, y) => x + y, 0);
        case 'IF': {
          if (args.length < 2 || args.length > 3) throw new Unsupported('IF arity');
          return truth(scalar(args[0]!)) ? scalar(args[1]!) : args[2] ? scalar(args[2]) : false;
        }
        case 'AND': return args.every((a) => truth(scalar(a)));
        case 'OR': return args.some((a) => truth(scalar(a)));
        case 'ABS': return Math.abs(num(scalar(args[0]!)));
        case 'ROUND': {
          const p = 10 ** num(scalar(args[1] ?? { value: 0 }));
          return Math.round(num(scalar(args[0]!)) * p) / p;
        }
        default: throw new Unsupported(`function ${name}`);
      }
    };
    const v = scalar(compare());
    if (i !== tokens.length) throw new Unsupported('trailing input');
    return typeof v === 'number' ? Math.round(v * 1e9) / 1e9 : v;
  }
}
