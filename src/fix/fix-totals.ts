// `--fix`: rewrites the totals that can be computed — every row 总计 of
// table 三, the （七）总计 row, and the three 总计 of table 四 — and nothing
// else. Only the number token of each wrong total is replaced in the source
// text (located with the `yaml` Document API), so comments, key order, flow
// or block style, quoting and line endings all stay as they were.
//
// Order matters: the item rows' 总计 first (they feed （七）总计's own 总计
// through rule 2), then each column of （七）总计, then （七）总计's 总计 from
// its fixed columns; table 四 is independent.
import { isScalar, parseDocument } from 'yaml';
import {
  APPLICANT_COLUMN_KEYS, OUTCOME_ITEMS, REQUEST_LEAVES, REVIEW_GROUPS, REVIEW_PART_KEYS,
} from '../model/edition2021.js';
import { parsePointer } from '../model/cells.js';
import { loadReport, type SourceKind } from '../load/load.js';
import { count, has, sum } from '../model/values.js';

const OUTCOME_TOTAL_ROW = '/requests/outcomes/total';

export interface TotalChange {
  /** The rule whose failure this change mends. */
  readonly ruleId: TotalRuleId;
  readonly pointer: string;
  readonly from: number;
  readonly to: number;
  /** 1-based position of the value in the original text. */
  readonly line: number;
  readonly column: number;
}

/** The rules whose cells --fix rewrites. */
export type TotalRuleId = 'T3-ROW-TOTAL' | 'T3-OUTCOME-TOTAL' | 'T4-TOTAL';

export interface FixOptions {
  /** Rules turned off (configuration, --rule): their cells are left as written. */
  readonly off?: ReadonlySet<string>;
}

export interface FixResult {
  readonly text: string;
  readonly changes: readonly TotalChange[];
  /** Why nothing could be fixed (the file does not parse). */
  readonly unfixable?: 'parse';
}

export type TotalFix = Omit<TotalChange, 'line' | 'column'>;

/** The corrections to make, computed on the data alone. Pure. */
export function computeTotalFixes(data: unknown, options: FixOptions = {}): TotalFix[] {
  const fixes: TotalFix[] = [];
  const set = new Map<string, number>();
  const value = (p: string) => set.get(p) ?? count(data, p);
  const fix = (ruleId: TotalRuleId, p: string, computed: number | undefined) => {
    if (options.off?.has(ruleId)) return;
    // Only a total written as a valid count is rewritten; a total of the wrong
    // type is a schema error for a person to look at.
    const written = count(data, p);
    if (!has(data, p) || written === undefined || computed === undefined) return;
    set.set(p, computed);
    if (written !== computed) fixes.push({ ruleId, pointer: p, from: written, to: computed });
  };
  const rowSum = (row: string) => sum(APPLICANT_COLUMN_KEYS.map((c) => outcomeAware(row, c)));
  // A cell as the rules see it: written (or fixed), or computed for a （七）总计 cell left out.
  const outcomeAware = (row: string, col: string): number | undefined => {
    if (row === OUTCOME_TOTAL_ROW && !has(data, `${row}/${col}`)) {
      return sum(OUTCOME_ITEMS.map((i) => (col === 'total' ? itemTotal(i.pointer) : value(`${i.pointer}/${col}`))));
    }
    return value(`${row}/${col}`);
  };
  const itemTotal = (row: string) => (has(data, `${row}/total`) ? value(`${row}/total`) : rowSum(row));

  // 1. Row 总计 of every row of table 三 except （七）总计.
  for (const leaf of REQUEST_LEAVES) {
    if (leaf.pointer === OUTCOME_TOTAL_ROW) continue;
    fix('T3-ROW-TOTAL', `${leaf.pointer}/total`, sum(APPLICANT_COLUMN_KEYS.map((c) => value(`${leaf.pointer}/${c}`))));
  }
  // 2. Each applicant column of （七）总计.
  for (const c of APPLICANT_COLUMN_KEYS) {
    fix('T3-OUTCOME-TOTAL', `${OUTCOME_TOTAL_ROW}/${c}`, sum(OUTCOME_ITEMS.map((i) => value(`${i.pointer}/${c}`))));
  }
  // 3. （七）总计's own 总计, from its (fixed) columns; rule 2 then agrees too.
  fix('T3-ROW-TOTAL', `${OUTCOME_TOTAL_ROW}/total`, rowSum(OUTCOME_TOTAL_ROW));
  // 4. Table 四.
  for (const g of REVIEW_GROUPS) {
    const base = `/reviewsAndLawsuits/${g.key}`;
    fix('T4-TOTAL', `${base}/total`, sum(REVIEW_PART_KEYS.map((k) => value(`${base}/${k}`))));
  }
  return fixes;
}

function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

/** Fixes the totals of a report's text (YAML or JSON). Pure. */
export function fixTotals(text: string, kind: SourceKind, options: FixOptions = {}): FixResult {
  const loaded = loadReport(text, { kind });
  if (loaded.data === undefined) return { text, changes: [], unfixable: 'parse' };
  const fixes = computeTotalFixes(loaded.data, options);
  if (!fixes.length) return { text, changes: [] };

  // JSON is YAML 1.2 flow syntax, so one Document API places both.
  const doc = parseDocument(text, { uniqueKeys: false, keepSourceTokens: false, prettyErrors: false });
  const edits: { start: number; end: number; change: TotalChange }[] = [];
  for (const f of fixes) {
    const node = doc.getIn(parsePointer(f.pointer), true);
    if (!isScalar(node) || !node.range || node.value !== f.from) {
      throw new Error(`cannot place ${f.pointer} in the source`);
    }
    const [start, end] = node.range;
    edits.push({ start, end, change: { ...f, ...positionOf(text, start) } });
  }
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + String(e.change.to) + out.slice(e.end);

  // Safety net: the new text must hold the new totals and every other value unchanged.
  const again = loadReport(out, { kind });
  const expected = structuredClone(loaded.data) as Record<string, unknown>;
  for (const f of fixes) setAt(expected, f.pointer, f.to);
  if (again.data === undefined || JSON.stringify(again.data) !== JSON.stringify(expected)) {
    throw new Error('the rewritten file does not read back as expected');
  }
  return { text: out, changes: edits.map((e) => e.change).sort((a, b) => a.line - b.line || a.column - b.column) };
}

function setAt(obj: Record<string, unknown>, pointer: string, v: number): void {
  const keys = parsePointer(pointer);
  let o = obj;
  for (const k of keys.slice(0, -1)) o = o[k] as Record<string, unknown>;
  o[keys[keys.length - 1]!] = v;
}
