// Rule 4 (table 四 totals) and rule 5 (table 二: in force against issued).
import { REVIEW_GROUPS, REVIEW_PART_KEYS } from '../model/edition2021.js';
import type { Finding } from '../diagnostics/finding.js';
import { countOf, defineRule, finding, hasOf, rowAt, sumOf } from './define.js';

// Row pointers built once (the rules run on every file).
const REVIEW_ROWS = REVIEW_GROUPS.map((g) => `/reviewsAndLawsuits/${g.key}`);
const PROACTIVE_ROWS = ['/proactive/regulations', '/proactive/normativeDocuments'];

export const t4Total = defineRule({
  ids: ['T4-TOTAL'],
  check(data) {
    const out: Finding[] = [];
    for (const base of REVIEW_ROWS) {
      const row = rowAt(data, base);
      if (!hasOf(row, 'total')) continue;
      const reported = countOf(row, 'total');
      const computed = sumOf(row, REVIEW_PART_KEYS);
      if (reported !== undefined && computed !== undefined && reported !== computed) {
        out.push(finding('T4-TOTAL', `${base}/total`, { computed, reported }, REVIEW_PART_KEYS.map((k) => `${base}/${k}`)));
      }
    }
    return out;
  },
});

export const t2InForce = defineRule({
  ids: ['T2-IN-FORCE'],
  check(data) {
    const out: Finding[] = [];
    for (const base of PROACTIVE_ROWS) {
      const row = rowAt(data, base);
      const issued = countOf(row, 'issued');
      const inForce = countOf(row, 'inForce');
      if (issued !== undefined && inForce !== undefined && inForce < issued) {
        out.push(finding('T2-IN-FORCE', `${base}/inForce`, { issued, inForce }, [`${base}/issued`]));
      }
    }
    return out;
  },
});
