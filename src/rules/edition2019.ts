// The rules of the 2019 trial edition's own table 二 (国办公开办函〔2019〕60号),
// and across two years where one of them is a 2019-edition report. Tables 三
// and 四 are checked by the rules of both editions (table3.ts, table2-4.ts).
import type { Finding } from '../diagnostics/finding.js';
import { where } from '../diagnostics/messages.js';
import { valueAt } from '../model/cells.js';
import { editionIdOf } from '../model/edition.js';
import { ITEM_ROWS } from '../model/edition2019.js';
import { count } from '../model/values.js';
import { defineRule, type PreviousContext } from './rule.js';

const TABLE_2 = {
  zh: '国办公开办函〔2019〕60号表二“主动公开政府信息情况”：第二十条第（五）、（六）、（八）项各行有上一年项目数量和本年增/减两列；第（一）项有本年新制作数量、本年新公开数量和对外公开总数量三列。',
  en: 'Table 2 of 国办公开办函〔2019〕60号 (主动公开政府信息情况): the rows of Article 20 (5), (6) and (8) have the columns items last year and change this year; Article 20 (1) has made this year, published this year and published in all.',
};

const signed = (v: unknown): number | undefined => (typeof v === 'number' && Number.isSafeInteger(v) ? v : undefined);
const ITEM_POINTERS = ITEM_ROWS.map((r) => `/proactive/${r}`);
const DOCUMENT_ROWS = ['/proactive/regulations', '/proactive/normativeDocuments'];
const is2019 = (data: unknown) => editionIdOf(data) === '2019';
const other = (ctx: PreviousContext, pointer: string) => ({ file: ctx.previousFile ?? '', pointer });

export const t2ItemsNegative = defineRule({
  id: 'T2-ITEMS-NEGATIVE',
  severity: 'error',
  stage: 'arithmetic',
  title: { zh: '2019 年试行格式表二：上一年项目数量加本年增/减小于零', en: '2019 trial edition, table 2: items last year plus the change is below zero' },
  description: {
    zh: '`format: "2019"` 的报告中，表二第二十条第（五）、（六）、（八）项的每一行，上一年项目数量 + 本年增/减（减少为负数）是本年的项目数量，不能小于零。例如上一年 6 项、本年减 8 项是错的。',
    en: 'In a `format: "2019"` report, for each row of Article 20 (5), (6) and (8) in table 2, items last year + the change this year (negative for a decrease) is this year\'s number of items, which cannot be below zero. Six items last year and a decrease of eight, say, is wrong.',
  },
  basis: TABLE_2,
  fix: {
    zh: '核对上一年项目数量和本年增/减：减少的写负数（`change: -4`），减少的项目不能多于上一年的项目。',
    en: 'Check items last year and the change: a decrease is negative (`change: -4`), and no more items can go than there were.',
  },
  examples: {
    wrong: 'format: "2019"\nyear: 2020\nproactive:\n  licensing: {previousYear: 6, change: -8, decisions: 2}\n',
    right: 'format: "2019"\nyear: 2020\nproactive:\n  licensing: {previousYear: 6, change: -4, decisions: 2}\n',
  },
  message: {
    zh: (p, cell) => `${cell}：上一年项目数量 ${p.previous} + 本年增/减 ${p.change} = ${Number(p.previous) + Number(p.change)}，本年项目数量不能小于零`,
    en: (p, cell) => `${cell}: items last year ${p.previous} + change ${p.change} = ${Number(p.previous) + Number(p.change)}; this year's items cannot be below zero`,
  },
  check(data, _ctx, finding) {
    if (!is2019(data)) return [];
    const out: Finding[] = [];
    for (const base of ITEM_POINTERS) {
      const previous = count(data, `${base}/previousYear`);
      const change = signed(valueAt(data, `${base}/change`));
      if (previous !== undefined && change !== undefined && previous + change < 0) out.push(finding(`${base}/change`, { previous, change }, [`${base}/previousYear`]));
    }
    return out;
  },
});

export const t2PublishedTotal = defineRule({
  id: 'T2-PUBLISHED-TOTAL',
  severity: 'warning',
  stage: 'arithmetic',
  title: { zh: '2019 年试行格式表二：对外公开总数量小于本年新公开数量', en: '2019 trial edition, table 2: fewer published in all than published this year' },
  description: {
    zh: '`format: "2019"` 的报告中，表二“规章”或“规范性文件”的对外公开总数量小于本年新公开数量。本年新公开的文件应计入对外公开总数量。这是警告：统计口径可能不同。',
    en: 'In a `format: "2019"` report, the number published in all (对外公开总数量) of 规章 or 规范性文件 in table 2 is smaller than the number published this year (本年新公开数量). Documents published this year count among those published in all. A warning: definitions may differ.',
  },
  basis: TABLE_2,
  fix: {
    zh: '核对对外公开总数量是否包含本年新公开的文件。',
    en: 'Check that the number published in all includes the documents published this year.',
  },
  examples: {
    wrong: 'format: "2019"\nyear: 2020\nproactive:\n  normativeDocuments: {newlyMade: 5, newlyPublished: 5, totalPublished: 3}\n',
    right: 'format: "2019"\nyear: 2020\nproactive:\n  normativeDocuments: {newlyMade: 5, newlyPublished: 5, totalPublished: 30}\n',
  },
  message: {
    zh: (p, cell) => `${cell} ${p.total} 小于本年新公开数量 ${p.published}；本年新公开的文件应计入对外公开总数量，请核对`,
    en: (p, cell) => `${cell} ${p.total} is less than the ${p.published} published this year; documents published this year count among those published in all`,
  },
  check(data, _ctx, finding) {
    if (!is2019(data)) return [];
    const out: Finding[] = [];
    for (const base of DOCUMENT_ROWS) {
      const published = count(data, `${base}/newlyPublished`);
      const total = count(data, `${base}/totalPublished`);
      if (published !== undefined && total !== undefined && total < published) out.push(finding(`${base}/totalPublished`, { published, total }, [`${base}/newlyPublished`]));
    }
    return out;
  },
});

export const prevItems = defineRule({
  id: 'PREV-ITEMS',
  severity: 'warning',
  stage: 'consistency',
  needs: 'previous',
  title: {
    zh: '2019 年试行格式表二：上一年项目数量不等于上年报告的上一年项目数量 + 本年增/减（需 --previous）',
    en: '2019 trial edition, table 2: items last year differ from last year\'s items + change (needs --previous)',
  },
  description: {
    zh: '两份报告都是 `format: "2019"` 时（2020 年度对 2019 年度），表二第二十条第（五）、（六）、（八）项每一行本年的上一年项目数量，应等于上年报告的上一年项目数量 + 本年增/减。这是警告：项目的统计口径可能调整过。',
    en: 'When both reports are `format: "2019"` (2020 against 2019), this year\'s items last year, in each row of Article 20 (5), (6) and (8) of table 2, should be last year\'s items last year + its change. A warning: what counts as an item may have been redefined.',
  },
  basis: TABLE_2,
  fix: {
    zh: '核对本年的上一年项目数量和上年报告的两个数字，改正错的一方。',
    en: 'Check this year\'s items last year against the two figures of last year\'s report and correct the wrong one.',
  },
  examples: {
    previous: '# 上年报告（2019 年度）\nformat: "2019"\nyear: 2019\nproactive:\n  licensing: {previousYear: 10, change: -4, decisions: 2}\n',
    wrong: '# 本年报告（2020 年度）\nformat: "2019"\nyear: 2020\nproactive:\n  licensing: {previousYear: 10, change: 0, decisions: 2}\n',
    right: '# 本年报告（2020 年度）\nformat: "2019"\nyear: 2020\nproactive:\n  licensing: {previousYear: 6, change: 0, decisions: 2}\n',
  },
  message: {
    zh: (p, cell) => `${cell} 为 ${p.current}${where('zh', p.file, p.line)}，上年报告的上一年项目数量 ${p.previous} + 本年增/减 ${p.change}${where('zh', p.prevFile, p.prevLine)} = ${p.expected}，相差 ${Math.abs(Number(p.current) - Number(p.expected))}；请核对`,
    en: (p, cell) => `${cell} is ${p.current}${where('en', p.file, p.line)}, but last year's items ${p.previous} + change ${p.change}${where('en', p.prevFile, p.prevLine)} = ${p.expected}, off by ${Math.abs(Number(p.current) - Number(p.expected))}; please check`,
  },
  check(data, previous, ctx, finding) {
    if (!is2019(data) || !is2019(previous)) return [];
    const out: Finding[] = [];
    for (const base of ITEM_POINTERS) {
      const current = count(data, `${base}/previousYear`);
      const prev = count(previous, `${base}/previousYear`);
      const change = signed(valueAt(previous, `${base}/change`));
      if (current === undefined || prev === undefined || change === undefined || current === prev + change) continue;
      out.push({
        ...finding(`${base}/previousYear`, { current, previous: prev, change, expected: prev + change, prevFile: ctx.previousFile }),
        otherFile: other(ctx, `${base}/change`),
      });
    }
    return out;
  },
});

export const prevPublishedInForce = defineRule({
  id: 'PREV-PUBLISHED-IN-FORCE',
  severity: 'warning',
  stage: 'consistency',
  needs: 'previous',
  title: {
    zh: '2021 年度现行有效件数不等于 2020 年度对外公开总数量 + 本年制发 − 本年废止（需 --previous）',
    en: 'In force (2021 edition) differs from last year\'s published in all (2019 edition) + issued − repealed (needs --previous)',
  },
  description: {
    zh: '本年报告是 `format: "2021"`、上年报告是 `format: "2019"` 时（2021 年度对 2020 年度），表二“规章”和“行政规范性文件”的现行有效件数与上年的对外公开总数量 + 本年制发件数 − 本年废止件数比较。两个格式的栏目含义不同（对外公开总数量不等于现行有效件数），所以只是警告。',
    en: 'When this year\'s report is `format: "2021"` and last year\'s `format: "2019"` (2021 against 2020), the number in force of 规章 and 行政规范性文件 in table 2 is compared with last year\'s number published in all + issued − repealed. The two editions\' columns mean different things (published in all is not in force), so this is a warning only.',
  },
  basis: {
    zh: '国办公开办函〔2019〕60号表二的对外公开总数量和国办公开办函〔2021〕30号表二的现行有效件数，是两个格式中最接近的栏目。',
    en: 'Published in all (table 2 of 国办公开办函〔2019〕60号) and in force (table 2 of 国办公开办函〔2021〕30号) are the closest columns of the two editions.',
  },
  fix: {
    zh: '核对本年的三个数字和上年的对外公开总数量；口径不同而不等的，可在基线或配置中接受这条警告。',
    en: 'Check this year\'s three figures and last year\'s number published in all; if they differ because the columns mean different things, accept the warning in a baseline or the configuration.',
  },
  examples: {
    previous: '# 上年报告（2020 年度）\nformat: "2019"\nyear: 2020\nproactive:\n  normativeDocuments: {newlyMade: 2, newlyPublished: 2, totalPublished: 8}\n',
    wrong: '# 本年报告（2021 年度）\nyear: 2021\nproactive:\n  normativeDocuments: {issued: 3, repealed: 1, inForce: 8}\n',
    right: '# 本年报告（2021 年度）\nyear: 2021\nproactive:\n  normativeDocuments: {issued: 3, repealed: 1, inForce: 10}\n',
  },
  message: {
    zh: (p, cell) => `${cell} 为 ${p.current}${where('zh', p.file, p.line)}，上年（2019 年试行格式）对外公开总数量 ${p.previous}${where('zh', p.prevFile, p.prevLine)} + 本年制发 ${p.issued} − 本年废止 ${p.repealed} = ${p.expected}，相差 ${Math.abs(Number(p.current) - Number(p.expected))}；两个格式口径不同，请核对`,
    en: (p, cell) => `${cell} is ${p.current}${where('en', p.file, p.line)}, but last year's published in all (2019 edition) ${p.previous}${where('en', p.prevFile, p.prevLine)} + issued ${p.issued} - repealed ${p.repealed} = ${p.expected}, off by ${Math.abs(Number(p.current) - Number(p.expected))}; the editions count differently, please check`,
  },
  check(data, previous, ctx, finding) {
    if (is2019(data) || !is2019(previous)) return [];
    const out: Finding[] = [];
    for (const base of DOCUMENT_ROWS) {
      const current = count(data, `${base}/inForce`);
      const issued = count(data, `${base}/issued`);
      const repealed = count(data, `${base}/repealed`);
      const prev = count(previous, `${base}/totalPublished`);
      if (current === undefined || issued === undefined || repealed === undefined || prev === undefined) continue;
      const expected = prev + issued - repealed;
      if (current === expected) continue;
      out.push({
        ...finding(`${base}/inForce`, { current, previous: prev, issued, repealed, expected, prevFile: ctx.previousFile }, [`${base}/issued`, `${base}/repealed`]),
        otherFile: other(ctx, `${base}/totalPublished`),
      });
    }
    return out;
  },
});
