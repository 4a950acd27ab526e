// One rule, one definition: its id, severity, stage, words, documentation and
// check in one object (markdownlint's rule objects, ESLint's meta.docs).
// docs/rules/<ID>.md and the README's rule table are generated from these.
import type { Finding, Severity } from '../diagnostics/finding.js';
import type { Label, Lang } from '../model/label.js';

export type Stage = 'parse' | 'schema' | 'arithmetic' | 'consistency';

export type Params = Finding['params'];
/** A finding's text: its params and the cell it is about, named by its labels. */
export type Text = (params: Params, cell: string) => string;
export type Message = Readonly<Record<Lang, Text>>;

export interface RuleContext {
  /** Today, for date rules; passed in so that checking stays a pure function. */
  readonly today: Date;
}

export interface PreviousContext {
  /** Last year's file, for otherFile and the message. */
  readonly previousFile?: string;
}

/** Makes a finding of the rule it is given to, at its default severity. */
export type MakeFinding = (pointer: string, params: Params, related?: readonly string[]) => Finding;

export interface Examples {
  /** YAML that the rule reports: a whole file for parse rules, else keys laid over a complete report. */
  readonly wrong: string;
  /** The same, corrected. */
  readonly right: string;
  /** Last year's report (keys laid over the same complete report), for the rules that need it. */
  readonly previous?: string;
  /** Shown, not run: what goes wrong is in the bytes (size, encoding), which YAML text cannot show. */
  readonly illustrative?: true;
}

interface Common<Id extends string> {
  readonly id: Id;
  readonly severity: Severity;
  readonly stage: Stage;
  /** One line: `report rules`, SARIF shortDescription, the README table. */
  readonly title: Label;
  /** What the rule checks (Markdown). */
  readonly description: Label;
  /** What it rests on: 国办公开办函〔2021〕30号, the 条例, or this tool's data file (Markdown). */
  readonly basis: Label;
  /** How to fix what it reports (Markdown). */
  readonly fix: Label;
  readonly examples: Examples;
  /** The words of a finding (`satisfies`: a missing language does not compile). */
  readonly message: Message;
}

/** A rule checked on one report's data. */
export interface ReportRule<Id extends string = string> extends Common<Id> {
  readonly needs?: undefined;
  readonly reportedBy?: undefined;
  check(data: unknown, ctx: RuleContext, finding: MakeFinding): Finding[];
}

/** A rule that needs last year's report too (`validate --previous`); skipped without it. */
export interface PreviousRule<Id extends string = string> extends Common<Id> {
  readonly needs: 'previous';
  readonly reportedBy?: undefined;
  check(data: unknown, previous: unknown, ctx: PreviousContext, finding: MakeFinding): Finding[];
}

/** A rule without a check of its own: the loader or the schema stage reports its id. */
export interface StageRule<Id extends string = string> extends Common<Id> {
  readonly needs?: undefined;
  readonly reportedBy: 'loader' | 'schema';
  readonly check?: undefined;
}

export type RuleInput<Id extends string = string> = ReportRule<Id> | PreviousRule<Id> | StageRule<Id>;
type Bound<R> = R & { readonly finding: MakeFinding };
export type ReportRuleDefinition<Id extends string = string> = Bound<ReportRule<Id>>;
export type PreviousRuleDefinition<Id extends string = string> = Bound<PreviousRule<Id>>;
export type RuleDefinition<Id extends string = string> = ReportRuleDefinition<Id> | PreviousRuleDefinition<Id> | Bound<StageRule<Id>>;

/** The definition, with `finding` bound to its id and severity (a check can only report its own id). */
export function defineRule<const Id extends string>(def: ReportRule<Id>): ReportRuleDefinition<Id>;
export function defineRule<const Id extends string>(def: PreviousRule<Id>): PreviousRuleDefinition<Id>;
export function defineRule<const Id extends string>(def: StageRule<Id>): Bound<StageRule<Id>>;
export function defineRule<const Id extends string>(def: RuleInput<Id>): RuleDefinition<Id> {
  const { id, severity } = def;
  // The registry's ids are what RuleId is made of; one definition cannot see the union.
  const ruleId = id as unknown as Finding['ruleId'];
  const finding: MakeFinding = (pointer, params, related) => (related ? { ruleId, severity, pointer, params, related } : { ruleId, severity, pointer, params });
  return { ...def, finding };
}
