// Rule 8: tables 二, 三 and 四 identical to last year's, not all zero: the
// report was probably copied. Pure: (data, previous data).
import type { Finding } from '../diagnostics/finding.js';
import { cellValue, figureCellsOf } from '../across/cells.js';
import { defineRule } from './rule.js';

export const prevCopied = defineRule({
  id: 'PREV-COPIED',
  severity: 'warning',
  stage: 'consistency',
  needs: 'previous',
  title: {
    zh: '表二、三、四全部数字与上年相同且不全为 0，疑似照搬（规则 8，需 --previous）',
    en: 'Every count of tables 2, 3, 4 equals last year\'s, not all zero: probably copied (rule 8, needs --previous)',
  },
  description: {
    zh: '给出上年报告时（`report validate --previous`），表二、三、四的每一个数字（含总计，没写的总计按各项计算；收费金额精确到元）都与上年报告相同，而且不全为 0。两年的统计完全一样几乎不可能，多半是照搬了上年的报告而忘了更新。任何一方有结构检查不通过的单元格时不下结论。',
    en: 'Given last year\'s report (`report validate --previous`), every figure of tables 2, 3 and 4 (totals included, computed where left out; fees to the yuan) is the same as last year\'s, and not all are zero. Two years with identical figures are next to impossible: the report was most likely copied from last year\'s and not updated. No conclusion is drawn when either side has a cell the schema refused.',
  },
  basis: {
    zh: '国办公开办函〔2021〕30号的表二、三、四统计的是本年度的件数，每年各不相同。',
    en: 'Tables 2, 3 and 4 of 国办公开办函〔2021〕30号 count the year\'s figures, which differ from year to year.',
  },
  fix: {
    zh: '按本年度的实际情况重新填写表二、三、四。确实两年相同的（例如只有几个都不变的数字），可在基线或配置中接受这条警告。',
    en: 'Fill in tables 2, 3 and 4 with this year\'s figures. If the two years really are the same (a handful of figures that did not change, say), accept the warning in a baseline or the configuration.',
  },
  examples: {
    previous: '# 上年报告（2022 年度），表二、三、四的其余数字与本年相同\nyear: 2022\nproactive:\n  normativeDocuments: {issued: 5, repealed: 12, inForce: 8}\n',
    wrong: '# 本年报告（2023 年度），表二、三、四的其余数字与上年相同\nyear: 2023\nproactive:\n  normativeDocuments: {issued: 5, repealed: 12, inForce: 8}\n',
    right: '# 本年报告（2023 年度），按本年情况填写\nyear: 2023\nproactive:\n  normativeDocuments: {issued: 3, repealed: 1, inForce: 10}\n',
  },
  message: {
    zh: (p) => `表二、三、四的全部 ${p.cells} 个数字与上年报告 ${p.prevFile} 完全相同，疑似照搬上年报告，请核对`,
    en: (p) => `All ${p.cells} figures of tables 2, 3 and 4 are the same as in last year's report ${p.prevFile}: probably copied, please check`,
  },
  check(data, previous, ctx, finding): Finding[] {
    let nonZero = false;
    let cells = 0;
    // Two editions have different tables: nothing can be copied from one to the other.
    if (figureCellsOf(data) !== figureCellsOf(previous)) return [];
    for (const cell of figureCellsOf(data)) {
      const a = cellValue(data, cell);
      const b = cellValue(previous, cell);
      // A cell the schema refused on either side: no conclusion.
      if (a === undefined || b === undefined) return [];
      if (a !== b) return [];
      if (a !== 0) nonZero = true;
      cells++;
    }
    if (!nonZero) return [];
    return [{ ...finding('/proactive', { cells, prevFile: ctx.previousFile ?? '' }), otherFile: { file: ctx.previousFile ?? '', pointer: '/proactive' } }];
  },
});

/** Rule 8 for one pair of reports (the library's entry; `validate --previous` runs the registry). */
export function checkCopied(data: unknown, previous: unknown, names: { previousFile?: string } = {}): Finding[] {
  return prevCopied.check(data, previous, names, prevCopied.finding);
}
