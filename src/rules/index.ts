// The registry of rules run after the schema, in order.
import type { Finding } from '../diagnostics/finding.js';
import { withRowCache, type RuleContext, type RuleDef } from './define.js';
import { t3Balance, t3OutcomeTotal, t3RowTotal } from './table3.js';
import { t2InForce, t4Total } from './table2-4.js';
import { dates } from './dates.js';
import { textTable } from './text.js';

export const SINGLE_REPORT_RULES: readonly RuleDef[] = [t3RowTotal, t3OutcomeTotal, t3Balance, t4Total, t2InForce, dates, textTable];

export function runRules(data: unknown, ctx: RuleContext, rules: readonly RuleDef[] = SINGLE_REPORT_RULES): Finding[] {
  return withRowCache(data, () => rules.flatMap((r) => r.check(data, ctx)));
}
