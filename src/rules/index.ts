// Running the registry: the single-report rules after the schema, and the
// rules that need last year's report when it is given (--previous).
import type { Finding } from '../diagnostics/finding.js';
import { withRowCache } from '../model/values.js';
import type { PreviousContext, PreviousRuleDefinition, ReportRuleDefinition, RuleContext, RuleDefinition } from './rule.js';
import { RULES } from './catalog.js';

const isReportRule = (r: RuleDefinition): r is ReportRuleDefinition => r.check !== undefined && r.needs === undefined;
const isPreviousRule = (r: RuleDefinition): r is PreviousRuleDefinition => r.needs === 'previous';

/** Rules checked on one report, in registry order. */
export const SINGLE_REPORT_RULES: readonly ReportRuleDefinition[] = (RULES as readonly RuleDefinition[]).filter(isReportRule);
/** Rules that need last year's report too. */
export const PREVIOUS_RULES: readonly PreviousRuleDefinition[] = (RULES as readonly RuleDefinition[]).filter(isPreviousRule);

export function runRules(data: unknown, ctx: RuleContext, rules: readonly ReportRuleDefinition[] = SINGLE_REPORT_RULES): Finding[] {
  return withRowCache(data, () => rules.flatMap((r) => r.check(data, ctx, r.finding)));
}

/** Rules 7 and 8: this year's data against last year's. */
export function runPreviousRules(data: unknown, previous: unknown, ctx: PreviousContext = {}): Finding[] {
  return PREVIOUS_RULES.flatMap((r) => r.check(data, previous, ctx, r.finding));
}
