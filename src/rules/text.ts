// Rule 9: figures the prose states (总体情况 and the preamble) against the tables.
import type { Finding } from '../diagnostics/finding.js';
import { extractStatements, type Quantity, type Statement } from '../text/statements.js';
import { cellsOf } from '../diagnostics/messages.js';
import { defineRule } from './rule.js';
import { valueAt } from '../model/cells.js';
import { cellCount, count, rowPartsSum, sumBy } from '../model/values.js';
import { feeYuan, FEES_POINTER, yuanToAmount } from '../model/fees.js';

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
  fees: [FEES_POINTER],
};

// Each cell as [row, column], split once.
const CELL = new Map<string, readonly [string, string]>(Object.values(QUANTITY_CELLS).flat().map((p) => {
  const i = p.lastIndexOf('/');
  return [p, [p.slice(0, i), p.slice(i + 1)]];
}));

/** A cell's value with computed totals where the file leaves them out; fees in yuan. */
function cellValue(data: unknown, pointer: string): number | undefined {
  if (pointer === FEES_POINTER) return feeYuan(data);
  const [row, column] = CELL.get(pointer)!;
  return cellCount(data, row, column);
}

/** The table's figure for a statement, or undefined when the table does not hold it. */
export function tableValue(data: unknown, quantity: Quantity): number | undefined {
  return sumBy(QUANTITY_CELLS[quantity], (p) => cellValue(data, p));
}

/** A total as its parts add up, ignoring the total written in the file. */
function computedValue(data: unknown, pointer: string): number | undefined {
  const [row, column] = CELL.get(pointer)!;
  return column === 'total' ? rowPartsSum(data, row) : cellValue(data, pointer);
}

/**
 * The figures the text may agree with: the total as written and as its parts
 * add up (when a total is wrong, rules 1–4 already say so; the text that
 * matches the parts is not a second problem).
 */
function candidates(data: unknown, quantity: Quantity): number[] {
  const out = new Set<number>();
  for (const f of [cellValue, computedValue]) {
    const v = sumBy(QUANTITY_CELLS[quantity], (p) => f(data, p));
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

const yuanText = (y: number) => String(yuanToAmount(y));

export const textTable = defineRule({
  id: 'TEXT-TABLE',
  severity: 'warning',
  stage: 'consistency',
  title: { zh: '总体情况（及前言）文字中写明的数字与表格不一致（规则 9）', en: 'A figure the overview (or preamble) states in words differs from the tables (rule 9)' },
  description: {
    zh: '读出 `overview`（一、总体情况）和 `preamble`（前言）中用文字写明的数字，与表格中的同一项比较：收到的申请（“全年共收到政府信息公开申请 N 件”“未收到…申请”）、上年结转和结转下年度、予以公开、部分公开和办结的件数、行政复议和行政诉讼、规章和行政规范性文件的制发与现行有效件数、行政事业性收费。不一致时警告，并指向文字中那个数字的行和列。\n\n为避免误报，以下情况不比较：约数（20 余件、近百），咨询、投诉、信访等其他类别，全市、全区等整个地区的数字（`scope: government` 的报告除外），说的是别的年度的句子，以及表格中结构检查不通过的单元格。总计写错时，文字与写出的总计或各项之和一致都算一致（总计的错误由规则 1–4 报告）；“共收到申请 N 件”也可以是新收加上年结转。',
    en: 'Reads the figures that `overview` (一、总体情况) and `preamble` state in words and compares each with the same figure in the tables: applications received ("全年共收到政府信息公开申请 N 件", "未收到…申请"), carried over and carried forward, disclosed, partly disclosed and concluded, administrative reviews and lawsuits, rules and normative documents issued and in force, fees. A mismatch is a warning placed at the line and column of the number inside the text.\n\nTo stay clear of false alarms it does not compare approximate figures (20 余件, 近百), other kinds of request (咨询, 投诉, 信访, …), figures of a whole area (全市, 全区, … unless the report is `scope: government`), sentences about another year, or cells the schema refused. When a total is wrong, text that agrees with the total as written or as its parts add up agrees (rules 1–4 report the total); "共收到申请 N 件" may also count the requests carried over.',
  },
  basis: {
    zh: '国办公开办函〔2021〕30号格式的“一、总体情况”概述本年度的政府信息公开工作，其中写到的件数与表二、三、四统计的是同一年度的同一事项，应当一致。',
    en: 'Part 一、总体情况 of the format of 国办公开办函〔2021〕30号 summarises the year\'s disclosure work; the figures it states count the same things in the same year as tables 2, 3 and 4, and should agree with them.',
  },
  fix: {
    zh: '核对文字和表格，改正错的一方。消息会引用那句话，并指出比较的是哪个单元格。',
    en: 'Check the text against the table and correct whichever is wrong. The message quotes the sentence and names the cell it was compared with.',
  },
  examples: {
    wrong: 'overview: |\n  全年共收到政府信息公开申请 9 件，均在法定期限内答复。\nrequests:\n  received: {naturalPerson: 8, commercial: 0, research: 0, socialWelfare: 0, legalService: 0, otherOrg: 0, total: 8}\n',
    right: 'overview: |\n  全年共收到政府信息公开申请 8 件，均在法定期限内答复。\nrequests:\n  received: {naturalPerson: 8, commercial: 0, research: 0, socialWelfare: 0, legalService: 0, otherOrg: 0, total: 8}\n',
  },
  message: {
    zh: (p, cell) => `${cell}写明「${p.quote}」（${p.statedValue}${p.unit ?? ''}），而 ${cellsOf(p.target, 'zh')} 为 ${p.tableValue}${p.unit ?? ''}；文字与表格不一致`,
    en: (p, cell) => `${cell} says "${p.quote}" (${p.statedValue}${p.unitEn ? ` ${p.unitEn}` : ''}), but ${cellsOf(p.target, 'en')} is ${p.tableValue}${p.unitEn ? ` ${p.unitEn}` : ''}; the text and the table disagree`,
  },
  check(data, _ctx, finding) {
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
        const f = finding(`/${field}`, {
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
