// Public API of xxgk-report.
export { loadReport, kindOf, MAX_BYTES, type LoadResult, type LoadOptions, type SourceKind } from './load/load.js';
export { validateReport, checkSource, locateFindings, type ValidateOptions, type CheckOptions, type CheckResult } from './check.js';
export { checkSchema } from './schema/check-schema.js';
export { formatMessage, MESSAGES } from './diagnostics/messages.js';
export { describePointer } from './model/cells.js';
export { RULES, RULE_BY_ID, type RuleId, type RuleInfo } from './rules/catalog.js';
export type { Finding, LocatedFinding, Severity, Position } from './diagnostics/finding.js';
export type { Report, RequestRow, ReviewGroup } from './model/report.generated.js';
export type { Lang, Label } from './model/label.js';
export * as edition2021 from './model/edition2021.js';
