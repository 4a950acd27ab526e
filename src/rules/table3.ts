// Rules 1–3 of DATA-MODEL.md: the arithmetic of table 三.
import { APPLICANT_COLUMN_KEYS, REQUEST_COLUMNS } from '../model/edition2021.js';
import { editionOf } from '../model/edition.js';
import type { Finding } from '../diagnostics/finding.js';
import { diff } from '../diagnostics/messages.js';
import { cellCount, countOf, hasOf, OUTCOME_TOTAL_ROW as OUTCOME_TOTAL, outcomeItemsSum, rowAt, sumOf } from '../model/values.js';
import { defineRule } from './rule.js';

const TABLE_3 = {
  zh: '国办公开办函〔2021〕30号表三“收到和处理政府信息公开申请情况”：各行按申请人分列为自然人，法人或其他组织（商业企业、科研机构、社会公益组织、法律服务机构、其他）和总计七列。',
  en: 'Table 3 of 国办公开办函〔2021〕30号 (收到和处理政府信息公开申请情况): each row is split by applicant into natural persons, legal persons or other organisations (commercial enterprises, research institutions, social welfare organisations, legal service organisations, others) and the total, seven columns.',
};

/** A row of table 三 in the examples: n from natural persons. */
export const exampleRow = (n: number, total = n) => `{naturalPerson: ${n}, commercial: 0, research: 0, socialWelfare: 0, legalService: 0, otherOrg: 0, total: ${total}}`;

export const t3RowTotal = defineRule({
  id: 'T3-ROW-TOTAL',
  severity: 'error',
  stage: 'arithmetic',
  title: { zh: '表三各行：总计等于六类申请人之和（规则 1）', en: 'Table 3, every row: the total equals the six applicant columns added up (rule 1)' },
  description: {
    zh: '表三的每一行（一、二，三的（一）至（七）各项，四）写了“总计”时，总计必须等于自然人和五类法人或其他组织之和。没有写“总计”的行不检查（总计自动计算）；有单元格不是件数（已由结构检查报告）的行也不检查。',
    en: 'In every row of table 3 (I, II, each item of III (1) to (7), IV) whose total is written, the total must equal natural persons plus the five kinds of legal person or other organisation. A row without a total is not checked (the total is computed); nor is a row with a cell that is not a count (the schema stage reports that).',
  },
  basis: TABLE_3,
  fix: {
    zh: '核对该行的六个数字和总计，改正错的一处。总计可以不写，由本工具计算；`report validate --fix` 会把写错的总计改为各列之和（先确认各列无误）。',
    en: 'Check the six figures and the total of the row and correct the wrong one. The total may be left out and computed; `report validate --fix` rewrites a wrong total as the sum of the columns (check the columns first).',
  },
  examples: {
    wrong: `requests:\n  received: ${exampleRow(8, 9)}\n`,
    right: `requests:\n  received: ${exampleRow(8)}\n`,
  },
  message: {
    zh: (p, cell) => `${cell}：六类申请人之和为 ${p.computed}，填报为 ${p.reported}，相差 ${diff(p)}`,
    en: (p, cell) => `${cell}: the six applicant columns add up to ${p.computed}, reported ${p.reported}, off by ${diff(p)}`,
  },
  check(data, _ctx, finding) {
    const out: Finding[] = [];
    for (const leaf of editionOf(data).requestLeaves) {
      const row = rowAt(data, leaf.pointer);
      if (!hasOf(row, 'total')) continue;
      const reported = countOf(row, 'total');
      const computed = sumOf(row, APPLICANT_COLUMN_KEYS);
      if (reported !== undefined && computed !== undefined && reported !== computed) {
        out.push(finding(`${leaf.pointer}/total`, { computed, reported }, APPLICANT_COLUMN_KEYS.map((c) => `${leaf.pointer}/${c}`)));
      }
    }
    return out;
  },
});

export const t3OutcomeTotal = defineRule({
  id: 'T3-OUTCOME-TOTAL',
  severity: 'error',
  stage: 'arithmetic',
  title: { zh: '表三各列：（七）总计等于（一）至（六）各项之和（规则 2）', en: 'Table 3, every column: (7) total equals items (1) to (6) added up (rule 2)' },
  description: {
    zh: '“三、本年度办理结果”中，写了“（七）总计”的每一列，（七）总计必须等于（一）予以公开、（二）部分公开，以及（三）不予公开、（四）无法提供、（五）不予处理、（六）其他处理下每一小项之和。小项没有写“总计”时按其六类申请人之和计算；（七）总计没有写时自动计算，不检查。',
    en: 'In III (本年度办理结果), in every column where (7) total is written, (7) must equal (1) disclosed, (2) partly disclosed and every item under (3) withheld, (4) unavailable, (5) not processed and (6) other handling, added up. An item without a total counts as its six applicant columns added up; a (7) total left out is computed, not checked.',
  },
  basis: {
    zh: '国办公开办函〔2021〕30号表三：（七）总计是本年度办理结果（一）至（六）的合计。',
    en: 'Table 3 of 国办公开办函〔2021〕30号: (7) total is the sum of the outcomes (1) to (6) of the year.',
  },
  fix: {
    zh: '逐项核对（一）至（六），特别是（三）至（六）下的小项，再改正（七）总计或漏记的一项。（七）总计可以不写，由本工具计算；`report validate --fix` 会把写错的（七）总计改为各项之和。',
    en: 'Check (1) to (6) item by item, the items under (3) to (6) especially, then correct (7) or the item left out. (7) may be left out and computed; `report validate --fix` rewrites a wrong (7) as the sum of the items.',
  },
  examples: {
    wrong: `requests:\n  outcomes:\n    disclosed: ${exampleRow(2)}\n    partlyDisclosed: ${exampleRow(2)}\n    # （三）至（六）各小项共 4 件（略）\n    total: ${exampleRow(9)}\n`,
    right: `requests:\n  outcomes:\n    disclosed: ${exampleRow(2)}\n    partlyDisclosed: ${exampleRow(2)}\n    # （三）至（六）各小项共 4 件（略）\n    total: ${exampleRow(8)}\n`,
  },
  message: {
    zh: (p, cell) => `${cell}：（一）至（六）之和为 ${p.computed}，填报为 ${p.reported}，相差 ${diff(p)}`,
    en: (p, cell) => `${cell}: items (1) to (6) add up to ${p.computed}, reported ${p.reported}, off by ${diff(p)}`,
  },
  check(data, _ctx, finding) {
    const out: Finding[] = [];
    const total = rowAt(data, OUTCOME_TOTAL);
    if (total === undefined) return out;
    for (const col of REQUEST_COLUMNS) {
      if (!hasOf(total, col.key)) continue;
      const reported = countOf(total, col.key);
      const computed = outcomeItemsSum(data, col.key);
      if (reported !== undefined && computed !== undefined && reported !== computed) {
        out.push(finding(`${OUTCOME_TOTAL}/${col.key}`, { computed, reported }, editionOf(data).outcomeItems.map((i) => `${i.pointer}/${col.key}`)));
      }
    }
    return out;
  },
});

export const t3Balance = defineRule({
  id: 'T3-BALANCE',
  severity: 'error',
  stage: 'arithmetic',
  title: { zh: '表三各列：第一项加第二项之和等于第三项加第四项之和（规则 3）', en: 'Table 3, every column: item I plus item II equals item III plus item IV (rule 3)' },
  description: {
    zh: '表三的每一列（六类申请人和总计）：一、本年新收 + 二、上年结转 = 三、本年度办理结果（七）总计 + 四、结转下年度继续办理。也就是说，本年要办的申请，要么办结，要么结转下年。（七）总计没有写时按（一）至（六）之和计算，各行总计没有写时按六类申请人之和计算；有单元格不是件数的列不检查。',
    en: 'In every column of table 3 (the six applicant columns and the total): I received this year + II carried over = III (7) outcomes total + IV carried forward. The requests to handle this year are either concluded or carried forward. A (7) left out counts as (1) to (6) added up, a row total left out as its six columns; a column with a cell that is not a count is not checked.',
  },
  basis: {
    zh: '国办公开办函〔2021〕30号表三的注释：“本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和”。',
    en: 'The note of table 3 in 国办公开办函〔2021〕30号: 本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和 (in each column, item I plus item II equals item III plus item IV).',
  },
  fix: {
    zh: '核对该列的四个数字：新收、上年结转、办结（（七）总计）和结转下年度。例如是否漏填了结转下年度继续办理的申请，或把上年结转的申请又计入了本年新收。',
    en: 'Check the four figures of the column: received, carried over, concluded ((7) total) and carried forward. Were the requests carried forward left out, say, or last year\'s carried-over requests counted as received this year as well?',
  },
  examples: {
    wrong: `requests:\n  received: ${exampleRow(8)}\n  carriedOver: ${exampleRow(0)}\n  outcomes:\n    # （一）至（六）略\n    total: ${exampleRow(8)}\n  carriedForward: ${exampleRow(1)}\n`,
    right: `requests:\n  received: ${exampleRow(8)}\n  carriedOver: ${exampleRow(0)}\n  outcomes:\n    # （一）至（六）略\n    total: ${exampleRow(8)}\n  carriedForward: ${exampleRow(0)}\n`,
  },
  message: {
    zh: (p) => `三、收到和处理政府信息公开申请情况 · ${p.column}：一 + 二 = ${p.received} + ${p.carriedOver} = ${Number(p.received) + Number(p.carriedOver)}，三（七）总计 + 四 = ${p.outcomes} + ${p.carriedForward} = ${Number(p.outcomes) + Number(p.carriedForward)}，相差 ${Math.abs(Number(p.received) + Number(p.carriedOver) - Number(p.outcomes) - Number(p.carriedForward))}`,
    en: (p) => `Table 3 · ${p.columnEn}: I + II = ${p.received} + ${p.carriedOver} = ${Number(p.received) + Number(p.carriedOver)}, but III (7) total + IV = ${p.outcomes} + ${p.carriedForward} = ${Number(p.outcomes) + Number(p.carriedForward)}, off by ${Math.abs(Number(p.received) + Number(p.carriedOver) - Number(p.outcomes) - Number(p.carriedForward))}`,
  },
  check(data, _ctx, finding) {
    const out: Finding[] = [];
    const receivedRow = rowAt(data, '/requests/received');
    const carriedOverRow = rowAt(data, '/requests/carriedOver');
    const carriedForwardRow = rowAt(data, '/requests/carriedForward');
    const totalRow = rowAt(data, OUTCOME_TOTAL);
    for (const col of REQUEST_COLUMNS) {
      const received = cellCount(data, '/requests/received', col.key, receivedRow);
      const carriedOver = cellCount(data, '/requests/carriedOver', col.key, carriedOverRow);
      const outcomes = cellCount(data, OUTCOME_TOTAL, col.key, totalRow);
      const carriedForward = cellCount(data, '/requests/carriedForward', col.key, carriedForwardRow);
      if (received === undefined || carriedOver === undefined || outcomes === undefined || carriedForward === undefined) continue;
      if (received + carriedOver === outcomes + carriedForward) continue;
      const column = col.group ? `${col.group.zh} · ${col.label.zh}` : col.label.zh;
      const columnEn = col.group ? `${col.group.en} · ${col.label.en}` : col.label.en;
      out.push(finding(`/requests/carriedForward/${col.key}`,
        { column, columnEn, received, carriedOver, outcomes, carriedForward },
        [`/requests/received/${col.key}`, `/requests/carriedOver/${col.key}`, `${OUTCOME_TOTAL}/${col.key}`]));
    }
    return out;
  },
});
