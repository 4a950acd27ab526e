// Public API of xxgk-report.
export { loadReport, kindOf, MAX_BYTES, type LoadResult, type LoadOptions, type SourceKind } from './load/load.js';
export { validateReport, checkSource, locateFindings, type ValidateOptions, type CheckOptions, type CheckResult } from './check.js';
export { checkSchema } from './schema/check-schema.js';
export { formatMessage, MESSAGES } from './diagnostics/format-message.js';
export { describePointer } from './model/cells.js';
export { RULES, RULE_BY_ID, type RuleId, type RuleInfo } from './rules/catalog.js';
export type { RuleDefinition, Stage } from './rules/rule.js';
export { rulePageUrl } from './rules/page-url.js';
export type { Finding, LocatedFinding, Severity, Position } from './diagnostics/finding.js';
export type { Report, RequestRow, ReviewGroup } from './model/report.generated.js';
export type { Lang, Label } from './model/label.js';
export * as edition2021 from './model/edition2021.js';
// Across reports: last year's report (rules 7, 8), text against tables (rule 9), roll-ups.
export { checkPrevious } from './rules/previous.js';
export { checkCopied } from './rules/copied.js';
export { runPreviousRules } from './rules/index.js';
export { extractStatements, type Statement, type Quantity } from './text/statements.js';
export { parseFigure, parseChineseNumeral } from './text/numbers.js';
export { aggregateReports, aggregateProblems, breakdownCsv, type UnitReport } from './aggregate/aggregate.js';
// Importing published reports; the reader (parse5, mammoth) loads on first use.
export type { ImportResult, ImportOptions, Gap as ImportGap, GapReason as ImportGapReason, Edition as ImportEdition } from './import/import.js';
export async function importReport(...args: Parameters<typeof import('./import/import.js').importReport>): ReturnType<typeof import('./import/import.js').importReport> {
  return (await import('./import/import.js')).importReport(...args);
}
// Rendering: Markdown and HTML in the official layout (the view model is what templates see).
export { renderReport, reportView, TemplateError, TEMPLATE_NAMES, type RenderOptions, type RenderFormat, type TemplateName, type MarkFinding } from './render/index.js';
export type { ReportView, SectionView, TableView, RowGroupView, RowView, CellView } from './render/view.js';
// Tools: computable totals (what `validate --fix` writes), baselines, rule settings.
export { fixTotals, computeTotalFixes, type FixOptions, type FixResult, type TotalChange, type TotalFix, type TotalRuleId } from './fix/fix-totals.js';
export { makeBaseline, applyBaseline, parseBaseline, serializeBaseline, BaselineError, type Baseline, type BaselineEntry } from './baseline/baseline.js';
export { applySettings, parseConfig, ConfigError, type ConfigErrorCode, type RuleSetting } from './config/config.js';
