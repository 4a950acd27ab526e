// Rule 4 (table 四 totals) and rule 5 (table 二: in force against issued).
import { REVIEW_GROUPS, REVIEW_PART_KEYS } from '../model/edition2021.js';
import type { Finding } from '../diagnostics/finding.js';
import { count, defineRule, finding, has, sum } from './define.js';

export const t4Total = defineRule({
  ids: ['T4-TOTAL'],
  check(data) {
    const out: Finding[] = [];
    for (const g of REVIEW_GROUPS) {
      const base = `/reviewsAndLawsuits/${g.key}`;
      if (!has(data, `${base}/total`)) continue;
      const reported = count(data, `${base}/total`);
      const cells = REVIEW_PART_KEYS.map((k) => `${base}/${k}`);
      const computed = sum(cells.map((p) => count(data, p)));
      if (reported !== undefined && computed !== undefined && reported !== computed) {
        out.push(finding('T4-TOTAL', `${base}/total`, { computed, reported }, cells));
      }
    }
    return out;
  },
});

export const t2InForce = defineRule({
  ids: ['T2-IN-FORCE'],
  check(data) {
    const out: Finding[] = [];
    for (const row of ['regulations', 'normativeDocuments']) {
      const issued = count(data, `/proactive/${row}/issued`);
      const inForce = count(data, `/proactive/${row}/inForce`);
      if (issued !== undefined && inForce !== undefined && inForce < issued) {
        out.push(finding('T2-IN-FORCE', `/proactive/${row}/inForce`, { issued, inForce }, [`/proactive/${row}/issued`]));
      }
    }
    return out;
  },
});
