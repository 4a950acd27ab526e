// Rule 9: figures the prose states (总体情况 and the preamble) against the tables.
import type { Finding } from '../diagnostics/finding.js';
import { APPLICANT_COLUMN_KEYS, REVIEW_PART_KEYS } from '../model/edition2021.js';
import { extractStatements, type Quantity, type Statement } from '../text/statements.js';
import { count, defineRule, finding, has, sum } from './define.js';
import { requestCell } from './table3.js';
import { valueAt } from '../model/cells.js';

/** The table cells each quantity is compared with (added up when several). */
export const QUANTITY_CELLS: Record<Quantity, readonly string[]> = {
  received: ['/requests/received/total'],
  carriedOver: ['/requests/carriedOver/total'],
  disclosed: ['/requests/outcomes/disclosed/total'],
  partlyDisclosed: ['/requests/outcomes/partlyDisclosed/total'],
  outcomesTotal: ['/requests/outcomes/total/total'],
  carriedForward: ['/requests/carriedForward/total'],
  reviews: ['/reviewsAndLawsuits/review/total'],
  lawsuits: ['/reviewsAndLawsuits/suitDirect/total', '/reviewsAndLawsuits/suitAfterReview/total'],
  regulationsIssued: ['/proactive/regulations/issued'],
  normativeIssued: ['/proactive/normativeDocuments/issued'],
  regulationsInForce: ['/proactive/regulations/inForce'],
  normativeInForce: ['/proactive/normativeDocuments/inForce'],
  fees: ['/proactive/fees/amountTenThousandYuan'],
};

// Each table-三 cell as [row, column] and each table-四 total as its parts, split once.
const REQUEST_CELL = new Map<string, readonly [string, string]>();
const REVIEW_PARTS = new Map<string, readonly string[]>();
for (const p of Object.values(QUANTITY_CELLS).flat()) {
  const i = p.lastIndexOf('/');
  if (p.startsWith('/requests/')) REQUEST_CELL.set(p, [p.slice(0, i), p.slice(i + 1)]);
  if (p.startsWith('/reviewsAndLawsuits/') && p.endsWith('/total')) REVIEW_PARTS.set(p, REVIEW_PART_KEYS.map((k) => `${p.slice(0, i)}/${k}`));
}

/** A cell's value with computed totals where the file leaves them out; fees in yuan. */
function cellValue(data: unknown, pointer: string): number | undefined {
  const rc = REQUEST_CELL.get(pointer);
  if (rc) return requestCell(data, rc[0], rc[1]);
  const parts = REVIEW_PARTS.get(pointer);
  if (parts && !has(data, pointer)) return sum(parts.map((p) => count(data, p)));
  if (pointer === '/proactive/fees/amountTenThousandYuan') {
    const v = valueAt(data, pointer);
    return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? Math.round(v * 10000) : undefined;
  }
  return count(data, pointer);
}

/** The table's figure for a statement, or undefined when the table does not hold it. */
export function tableValue(data: unknown, quantity: Quantity): number | undefined {
  return sum(QUANTITY_CELLS[quantity].map((p) => cellValue(data, p)));
}

/** A total as its parts add up, ignoring the total written in the file. */
function computedValue(data: unknown, pointer: string): number | undefined {
  const parts = REVIEW_PARTS.get(pointer);
  if (parts) return sum(parts.map((p) => count(data, p)));
  const rc = REQUEST_CELL.get(pointer);
  if (rc && rc[1] === 'total') return sum(APPLICANT_COLUMN_KEYS.map((c) => requestCell(data, rc[0], c)));
  return cellValue(data, pointer);
}

/**
 * The figures the text may agree with: the total as written and as its parts
 * add up (when a total is wrong, rules 1–4 already say so; the text that
 * matches the parts is not a second problem).
 */
function candidates(data: unknown, quantity: Quantity): number[] {
  const out = new Set<number>();
  for (const f of [cellValue, computedValue]) {
    const v = sum(QUANTITY_CELLS[quantity].map((p) => f(data, p)));
    if (v !== undefined) out.add(v);
  }
  return [...out];
}

/** True when the statement agrees with the table (allowing the phrasings that count 上年结转 in). */
export function agrees(data: unknown, st: Statement, table: number): boolean {
  const value = st.quantity === 'fees' ? Math.round(st.value) : st.value;
  if (value === table) return true;
  if (!st.includesCarriedOver && candidates(data, st.quantity).includes(value)) return true;
  if (st.quantity === 'received') {
    // 共受理申请 N 件 sometimes counts last year's carried-over requests in.
    const over = tableValue(data, 'carriedOver');
    if (over !== undefined && over > 0 && value === table + over) return true;
  }
  return false;
}

const yuanText = (y: number) => String(Number((y / 10000).toFixed(4)));

export const textTable = defineRule({
  ids: ['TEXT-TABLE'],
  check(data) {
    const out: Finding[] = [];
    const year = count(data, '/year');
    for (const field of ['preamble', 'overview'] as const) {
      const text = valueAt(data, `/${field}`);
      if (typeof text !== 'string') continue;
      const government = valueAt(data, '/scope') === 'government';
      for (const st of extractStatements(text, { year })) {
        // 全市共收到… in one agency's report is not this agency's figure.
        if (st.wholeArea && !government) continue;
        const cells = QUANTITY_CELLS[st.quantity];
        let table = tableValue(data, st.quantity);
        let target = cells.join('+');
        if (table === undefined) continue;
        if (st.includesCarriedOver) {
          const over = tableValue(data, 'carriedOver');
          if (over === undefined) continue;
          table += over;
          target = `${target}+${QUANTITY_CELLS.carriedOver.join('+')}`;
        }
        if (agrees(data, st, table)) continue;
        const fees = st.quantity === 'fees';
        const f = finding('TEXT-TABLE', `/${field}`, {
          quote: st.quote,
          statedValue: fees ? yuanText(st.value) : st.value,
          tableValue: fees ? yuanText(table) : table,
          target,
          quantity: st.quantity,
          unit: fees ? '万元' : undefined,
          unitEn: fees ? '× 10,000 yuan' : undefined,
        }, target.split('+'));
        out.push({ ...f, textOffset: st.start });
      }
    }
    return out;
  },
});
