// Rule 7: this year against last year's report. Pure: (data, previous data).
import type { Finding } from '../diagnostics/finding.js';
import { cellsOf, where } from '../diagnostics/messages.js';
import { REQUEST_COLUMNS } from '../model/edition2021.js';
import { defineRule, type PreviousContext } from './rule.js';
import { exampleRow } from './table3.js';
import { cellCount, count } from '../model/values.js';

/** Kept for the library: rule 7's options. */
export type PreviousNames = PreviousContext;

const other = (ctx: PreviousContext, pointer: string) => ({ file: ctx.previousFile ?? '', pointer });

export const prevCarry = defineRule({
  id: 'PREV-CARRY',
  severity: 'error',
  stage: 'consistency',
  needs: 'previous',
  title: {
    zh: '本年“二、上年结转”各列不等于上年报告“四、结转下年度继续办理”（规则 7，需 --previous）',
    en: 'This year\'s II (carried over) differs from last year\'s IV (carried forward), per column (rule 7, needs --previous)',
  },
  description: {
    zh: '给出上年报告时（`report validate --previous`），表三每一列中本年的“二、上年结转政府信息公开申请数量”必须等于上年报告的“四、结转下年度继续办理”。只有总计列不等、六类申请人列都相等时才报告总计列，一处错误只说一次。消息写明两个文件及各自的行号。',
    en: 'Given last year\'s report (`report validate --previous`), in every column of table 3 this year\'s II (上年结转政府信息公开申请数量) must equal last year\'s IV (结转下年度继续办理). The total column is reported only when no applicant column is, so one mistake is said once. The message names both files, each with its line.',
  },
  basis: {
    zh: '国办公开办函〔2021〕30号表三：上年结转下年度继续办理的申请，就是本年的上年结转申请，两份报告的这两行是同一批申请。',
    en: 'Table 3 of 国办公开办函〔2021〕30号: the requests last year carried forward are the requests this year carried over; the two rows of the two reports count the same requests.',
  },
  fix: {
    zh: '核对本年的“二、上年结转”和上年报告的“四、结转下年度继续办理”，改正错的一方。消息中的两个行号分别指向两个文件中的单元格。',
    en: 'Check this year\'s II against last year\'s IV and correct the wrong one. The two lines in the message point at the cell in each file.',
  },
  examples: {
    previous: `# 上年报告（2022 年度）\nrequests:\n  carriedForward: ${exampleRow(2)}\n`,
    wrong: `# 本年报告（2023 年度）\nyear: 2023\nrequests:\n  carriedOver: ${exampleRow(1)}\n`,
    right: `# 本年报告（2023 年度）\nyear: 2023\nrequests:\n  carriedOver: ${exampleRow(2)}\n`,
  },
  message: {
    zh: (p, cell) => `${cell} 为 ${p.current}${where('zh', p.file, p.line)}，上年报告 ${cellsOf(p.prevPointer, 'zh')} 为 ${p.previous}${where('zh', p.prevFile, p.prevLine)}；两者应相等，相差 ${Math.abs(Number(p.current) - Number(p.previous))}`,
    en: (p, cell) => `${cell} is ${p.current}${where('en', p.file, p.line)}, but last year's ${cellsOf(p.prevPointer, 'en')} is ${p.previous}${where('en', p.prevFile, p.prevLine)}; they should be equal, off by ${Math.abs(Number(p.current) - Number(p.previous))}`,
  },
  check(data, previous, ctx, finding) {
    // 二、上年结转 = last year's 四、结转下年度继续办理, column by column. The total
    // column is reported only when no applicant column is, to say each thing once.
    const carry: Finding[] = [];
    let total: Finding | undefined;
    for (const col of REQUEST_COLUMNS) {
      const current = cellCount(data, '/requests/carriedOver', col.key);
      const prev = cellCount(previous, '/requests/carriedForward', col.key);
      if (current === undefined || prev === undefined || current === prev) continue;
      const prevPointer = `/requests/carriedForward/${col.key}`;
      const f: Finding = { ...finding(`/requests/carriedOver/${col.key}`, { current, previous: prev, prevPointer, prevFile: ctx.previousFile }), otherFile: other(ctx, prevPointer) };
      if (col.key === 'total') total = f;
      else carry.push(f);
    }
    return !carry.length && total ? [total] : carry;
  },
});

export const prevInForce = defineRule({
  id: 'PREV-IN-FORCE',
  severity: 'warning',
  stage: 'consistency',
  needs: 'previous',
  title: {
    zh: '现行有效件数不等于上年现行有效 + 本年制发 − 本年废止（规则 7，需 --previous）',
    en: 'In force differs from last year\'s in force + issued − repealed (rule 7, needs --previous)',
  },
  description: {
    zh: '给出上年报告时（`report validate --previous`），表二“规章”和“行政规范性文件”的现行有效件数应等于上年报告的现行有效件数 + 本年制发件数 − 本年废止件数。这是警告：各地对“现行有效”“制发”的统计口径不尽相同，两者可能合理地不等。',
    en: 'Given last year\'s report (`report validate --previous`), the number in force of 规章 and of 行政规范性文件 in table 2 should be last year\'s number in force + issued this year − repealed this year. A warning: what counts as in force or issued varies from place to place, so the two may differ for good reason.',
  },
  basis: {
    zh: '国办公开办函〔2021〕30号表二的本年制发件数、本年废止件数和现行有效件数：上年末有效的文件，加上本年制发的，减去本年废止的，就是本年末有效的文件。',
    en: 'The columns issued, repealed and in force of table 2 in 国办公开办函〔2021〕30号: the documents in force at the end of last year, plus those issued this year, minus those repealed, are the documents in force at the end of this year.',
  },
  fix: {
    zh: '核对本年的三个数字和上年的现行有效件数；口径确有不同的，可在基线或配置中接受这条警告。',
    en: 'Check this year\'s three figures and last year\'s number in force; if the definitions really differ, accept the warning in a baseline or the configuration.',
  },
  examples: {
    previous: '# 上年报告（2022 年度）\nproactive:\n  normativeDocuments: {issued: 5, repealed: 12, inForce: 8}\n',
    wrong: '# 本年报告（2023 年度）\nyear: 2023\nproactive:\n  normativeDocuments: {issued: 3, repealed: 1, inForce: 8}\n',
    right: '# 本年报告（2023 年度）\nyear: 2023\nproactive:\n  normativeDocuments: {issued: 3, repealed: 1, inForce: 10}\n',
  },
  message: {
    zh: (p, cell) => `${cell} 为 ${p.current}${where('zh', p.file, p.line)}，上年现行有效 ${p.previous}${where('zh', p.prevFile, p.prevLine)} + 本年制发 ${p.issued} − 本年废止 ${p.repealed} = ${p.expected}，相差 ${Math.abs(Number(p.current) - Number(p.expected))}；请核对（口径不同时可能不等）`,
    en: (p, cell) => `${cell} is ${p.current}${where('en', p.file, p.line)}, but last year's in force ${p.previous}${where('en', p.prevFile, p.prevLine)} + issued ${p.issued} - repealed ${p.repealed} = ${p.expected}, off by ${Math.abs(Number(p.current) - Number(p.expected))}; please check (definitions may differ)`,
  },
  check(data, previous, ctx, finding) {
    // 现行有效 = last year's 现行有效 + 本年制发 − 本年废止 (a warning: definitions vary).
    const out: Finding[] = [];
    for (const row of ['regulations', 'normativeDocuments']) {
      const base = `/proactive/${row}`;
      const current = count(data, `${base}/inForce`);
      const issued = count(data, `${base}/issued`);
      const repealed = count(data, `${base}/repealed`);
      const prev = count(previous, `${base}/inForce`);
      if (current === undefined || issued === undefined || repealed === undefined || prev === undefined) continue;
      const expected = prev + issued - repealed;
      if (current === expected) continue;
      out.push({
        ...finding(`${base}/inForce`, { current, previous: prev, issued, repealed, expected, prevPointer: `${base}/inForce`, prevFile: ctx.previousFile }, [`${base}/issued`, `${base}/repealed`]),
        otherFile: other(ctx, `${base}/inForce`),
      });
    }
    return out;
  },
});

/** Rule 7 for one pair of reports (the library's entry; `validate --previous` runs the registry). */
export function checkPrevious(data: unknown, previous: unknown, names: PreviousNames = {}): Finding[] {
  return [...prevCarry.check(data, previous, names, prevCarry.finding), ...prevInForce.check(data, previous, names, prevInForce.finding)];
}
