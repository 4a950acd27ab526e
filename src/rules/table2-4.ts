// Rule 4 (table 四 totals) and rule 5 (table 二: in force against issued).
import { REVIEW_GROUPS, REVIEW_PART_KEYS } from '../model/edition2021.js';
import type { Finding } from '../diagnostics/finding.js';
import { diff } from '../diagnostics/messages.js';
import { countOf, hasOf, rowAt, sumOf } from '../model/values.js';
import { defineRule } from './rule.js';

// Row pointers built once (the rules run on every file).
const REVIEW_ROWS = REVIEW_GROUPS.map((g) => `/reviewsAndLawsuits/${g.key}`);
const PROACTIVE_ROWS = ['/proactive/regulations', '/proactive/normativeDocuments'];

export const t4Total = defineRule({
  id: 'T4-TOTAL',
  severity: 'error',
  stage: 'arithmetic',
  title: { zh: '表四各组：总计等于结果维持、结果纠正、其他结果、尚未审结之和（规则 4）', en: 'Table 4, every group: the total equals upheld + corrected + other + pending (rule 4)' },
  description: {
    zh: '表四的三组（行政复议；行政诉讼 · 未经复议直接起诉；行政诉讼 · 复议后起诉）写了“总计”时，总计必须等于结果维持、结果纠正、其他结果、尚未审结之和。没有写“总计”的组不检查（总计自动计算）。',
    en: 'In each of the three groups of table 4 (administrative review; lawsuits filed directly; lawsuits after review) whose total is written, the total must equal upheld + corrected + other + pending. A group without a total is not checked (it is computed).',
  },
  basis: {
    zh: '国办公开办函〔2021〕30号表四“政府信息公开行政复议、行政诉讼情况”：每组分为结果维持、结果纠正、其他结果、尚未审结和总计五列。',
    en: 'Table 4 of 国办公开办函〔2021〕30号 (政府信息公开行政复议、行政诉讼情况): each group has five columns, upheld, corrected, other, pending and the total.',
  },
  fix: {
    zh: '核对该组的四个数字和总计，改正错的一处。总计可以不写，由本工具计算；`report validate --fix` 会把写错的总计改为四项之和。',
    en: 'Check the four figures and the total of the group and correct the wrong one. The total may be left out and computed; `report validate --fix` rewrites a wrong total as the sum of the four.',
  },
  examples: {
    wrong: 'reviewsAndLawsuits:\n  review: {upheld: 1, corrected: 0, other: 0, pending: 0, total: 2}\n',
    right: 'reviewsAndLawsuits:\n  review: {upheld: 1, corrected: 0, other: 0, pending: 0, total: 1}\n',
  },
  message: {
    zh: (p, cell) => `${cell}：结果维持、结果纠正、其他结果、尚未审结之和为 ${p.computed}，填报为 ${p.reported}，相差 ${diff(p)}`,
    en: (p, cell) => `${cell}: upheld + corrected + other + pending add up to ${p.computed}, reported ${p.reported}, off by ${diff(p)}`,
  },
  check(data, _ctx, finding) {
    const out: Finding[] = [];
    for (const base of REVIEW_ROWS) {
      const row = rowAt(data, base);
      if (!hasOf(row, 'total')) continue;
      const reported = countOf(row, 'total');
      const computed = sumOf(row, REVIEW_PART_KEYS);
      if (reported !== undefined && computed !== undefined && reported !== computed) {
        out.push(finding(`${base}/total`, { computed, reported }, REVIEW_PART_KEYS.map((k) => `${base}/${k}`)));
      }
    }
    return out;
  },
});

export const t2InForce = defineRule({
  id: 'T2-IN-FORCE',
  severity: 'warning',
  stage: 'arithmetic',
  title: { zh: '表二：现行有效件数小于本年制发件数（规则 5）', en: 'Table 2: fewer documents in force than issued this year (rule 5)' },
  description: {
    zh: '表二“规章”或“行政规范性文件”的现行有效件数小于本年制发件数。本年制发的文件通常在年底仍然有效，应计入现行有效件数。这是警告：本年制发又在本年废止的文件会使两者不等。',
    en: 'In table 2, the number in force (现行有效件数) of 规章 (rules) or 行政规范性文件 (normative documents) is smaller than the number issued this year (本年制发件数). Documents issued this year are normally still in force at the end of it and count as in force. A warning: a document issued and repealed in the same year makes the two differ.',
  },
  basis: {
    zh: '国办公开办函〔2021〕30号表二“主动公开政府信息情况”：规章和行政规范性文件（《政府信息公开条例》第二十条第（一）项）各有本年制发件数、本年废止件数和现行有效件数三列。',
    en: 'Table 2 of 国办公开办函〔2021〕30号 (主动公开政府信息情况): 规章 and 行政规范性文件 (Article 20 (1) of the Regulations) each have three columns: issued this year, repealed this year, in force.',
  },
  fix: {
    zh: '核对现行有效件数是否包含了本年制发的文件。确实是本年制发又废止的，可在基线或配置中接受这条警告。',
    en: 'Check that the number in force includes the documents issued this year. If some were issued and repealed within the year, accept the warning in a baseline or the configuration.',
  },
  examples: {
    wrong: 'proactive:\n  normativeDocuments: {issued: 5, repealed: 12, inForce: 4}\n',
    right: 'proactive:\n  normativeDocuments: {issued: 5, repealed: 12, inForce: 8}\n',
  },
  message: {
    zh: (p, cell) => `${cell} ${p.inForce} 小于本年制发件数 ${p.issued}；本年制发的文件应计入现行有效件数，请核对`,
    en: (p, cell) => `${cell} ${p.inForce} is less than the ${p.issued} issued this year; documents issued this year are normally in force`,
  },
  check(data, _ctx, finding) {
    const out: Finding[] = [];
    for (const base of PROACTIVE_ROWS) {
      const row = rowAt(data, base);
      const issued = countOf(row, 'issued');
      const inForce = countOf(row, 'inForce');
      if (issued !== undefined && inForce !== undefined && inForce < issued) {
        out.push(finding(`${base}/inForce`, { issued, inForce }, [`${base}/issued`]));
      }
    }
    return out;
  },
});
