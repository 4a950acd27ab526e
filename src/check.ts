// The core pipeline: load → schema → rules → located findings (data: the
// formatters word them, src/diagnostics/format-message.ts).
import { compareLocated, type Finding, type LocatedFinding } from './diagnostics/finding.js';
import { loadReport, type LoadOptions, type LoadResult, type Located } from './load/load.js';
import { checkSchema } from './schema/check-schema.js';
import { runRules } from './rules/index.js';
import type { ReportRuleDefinition } from './rules/rule.js';
import { locateTextOffset } from './text/locate.js';

export interface ValidateOptions {
  /** Today, for the date rules (default: now). */
  readonly today?: Date;
  /** Rules to run after the schema (default: the single-report rules). */
  readonly rules?: readonly ReportRuleDefinition[];
  /** Numbers as written where that differs from their value (LoadResult.numbers). */
  readonly numbers?: ReadonlyMap<string, string>;
}

/** Schema and arithmetic findings for parsed data. Pure: no I/O, no positions. */
export function validateReport(data: unknown, options: ValidateOptions = {}): Finding[] {
  const schema = checkSchema(data, options.numbers);
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return schema;
  return [...schema, ...runRules(data, { today: options.today ?? new Date() }, options.rules)];
}

export type CheckOptions = ValidateOptions & LoadOptions;

export interface CheckResult {
  readonly file: string;
  readonly load: LoadResult;
  readonly findings: LocatedFinding[];
}

/** Places findings in the source (their words are made when they are printed: formatMessage). */
export function locateFindings(findings: readonly Finding[], file: string, source: Located): LocatedFinding[] {
  return findings
    .map((f): LocatedFinding => {
      const pos = f.line !== undefined && f.column !== undefined ? { line: f.line, column: f.column }
        : f.textOffset !== undefined ? locateTextOffset(source, f.pointer, f.textOffset) : source.locate(f.pointer, f.atKey);
      const related = (f.related ?? []).map((p) => ({ pointer: p, ...source.locate(p) }));
      const out: LocatedFinding = { file, ruleId: f.ruleId, severity: f.severity, pointer: f.pointer, line: pos.line, column: pos.column, params: f.params, related };
      return f.otherFile ? { ...out, otherFile: f.otherFile } : out;
    })
    .sort(compareLocated);
}

/** Loads, validates and places every finding of one file's contents. */
export function checkSource(input: Uint8Array | string, options: CheckOptions = {}): CheckResult {
  const file = options.filename ?? '<input>';
  const load = loadReport(input, options);
  const found = load.data === undefined ? load.findings : [...load.findings, ...validateReport(load.data, { ...options, numbers: load.numbers })];
  return { file, load, findings: locateFindings(found, file, load) };
}
