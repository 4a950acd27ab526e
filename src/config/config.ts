// Per-rule severity: the text of a configuration file and `--rule ID=SETTING`
// options → settings, and settings applied to findings. Pure: finding and
// reading `.xxgkrc.yaml` is the CLI's (src/cli/config.ts), and so is the
// wording of a ConfigError.
import { yaml } from '../load/yaml-lazy.js';
import type { LocatedFinding, Severity } from '../diagnostics/finding.js';
import { RULE_BY_ID } from '../rules/catalog.js';

export type RuleSetting = 'off' | 'warn' | 'error';
export type RuleSettings = ReadonlyMap<string, RuleSetting>;

const SETTINGS: readonly RuleSetting[] = ['off', 'warn', 'error'];

/**
 * What is wrong, by kind. unknownRule, badSetting, fixedRule: one setting
 * (`id`, `value`). syntax (YAML's own `detail`), notMapping, rulesNotMapping,
 * unknownKey (`key`): the file's shape. badRuleOption: a `--rule` option
 * (`value`) not written ID=SETTING.
 */
export type ConfigErrorCode = 'unknownRule' | 'badSetting' | 'fixedRule' | 'syntax' | 'notMapping' | 'rulesNotMapping' | 'unknownKey' | 'badRuleOption';

export interface ConfigErrorParams {
  readonly id?: string;
  /** A setting or option as written (a non-string setting as JSON). */
  readonly value?: string;
  readonly key?: string;
  readonly detail?: string;
}

/** A mistake in the settings; `where` is the file as named by the caller, or `--rule`. */
export class ConfigError extends Error {
  constructor(
    readonly code: ConfigErrorCode,
    readonly where: string,
    readonly params: ConfigErrorParams = {},
    readonly line?: number,
    readonly column?: number,
  ) {
    super(`${where}${line !== undefined ? `:${line}:${column ?? 1}` : ''}: ${code}${Object.values(params).length ? ` ${JSON.stringify(params)}` : ''}`);
  }
}

/**
 * A parse error: the file could not be read, so nothing in it was checked.
 * Such a rule cannot be turned down in a configuration, nor recorded in or
 * hidden by a baseline.
 */
export function isFixedRule(id: string): boolean {
  const info = RULE_BY_ID.get(id);
  return info !== undefined && info.stage === 'parse' && info.severity === 'error';
}

/** Checks one setting; `where` names the file or option for the error. */
function checkSetting(id: string, value: unknown, where: string): RuleSetting {
  const info = RULE_BY_ID.get(id);
  if (!info) throw new ConfigError('unknownRule', where, { id });
  if (typeof value !== 'string' || !(SETTINGS as readonly string[]).includes(value)) {
    throw new ConfigError('badSetting', where, { id, value: typeof value === 'string' ? value : JSON.stringify(value) ?? String(value) });
  }
  // A file that cannot be parsed has no data to check: those errors stay errors.
  if (isFixedRule(id) && value !== 'error') throw new ConfigError('fixedRule', where, { id });
  return value as RuleSetting;
}

/** Parses the text of a configuration file; `file` only names it in a ConfigError. */
export function parseConfig(text: string, file: string): Map<string, RuleSetting> {
  let doc: unknown;
  try {
    doc = yaml().parse(text, { uniqueKeys: true, maxAliasCount: 0 });
  } catch (e) {
    const at = (e as { linePos?: readonly { line: number; col: number }[] }).linePos?.[0];
    throw new ConfigError('syntax', file, { detail: (e as Error).message.split('\n')[0]! }, at?.line, at?.col);
  }
  const out = new Map<string, RuleSetting>();
  if (doc === null || doc === undefined) return out;
  if (typeof doc !== 'object' || Array.isArray(doc)) throw new ConfigError('notMapping', file);
  for (const [k, v] of Object.entries(doc as Record<string, unknown>)) {
    if (k !== 'rules') throw new ConfigError('unknownKey', file, { key: k });
    if (v === null) continue;
    if (typeof v !== 'object' || Array.isArray(v)) throw new ConfigError('rulesNotMapping', file);
    for (const [id, setting] of Object.entries(v as Record<string, unknown>)) out.set(id, checkSetting(id, setting, file));
  }
  return out;
}

/** `settings` with `--rule ID=off|warn|error` options applied in order (the last one wins). */
export function withRuleOptions(settings: ReadonlyMap<string, RuleSetting>, options: readonly string[]): Map<string, RuleSetting> {
  const out = new Map(settings);
  for (const opt of options) {
    const m = /^\s*([A-Za-z0-9-]+)\s*=\s*(\S+)\s*$/.exec(opt);
    if (!m) throw new ConfigError('badRuleOption', '--rule', { value: opt });
    const id = m[1]!.toUpperCase();
    out.set(id, checkSetting(id, m[2]!, '--rule'));
  }
  return out;
}

const SEVERITY: Record<Exclude<RuleSetting, 'off'>, Severity> = { warn: 'warning', error: 'error' };

/** Findings with the configured severities; rules set to off are dropped. */
export function applySettings(findings: readonly LocatedFinding[], settings: RuleSettings): LocatedFinding[] {
  if (!settings.size) return [...findings];
  const out: LocatedFinding[] = [];
  for (const f of findings) {
    const s = settings.get(f.ruleId);
    if (s === 'off') continue;
    out.push(s ? { ...f, severity: SEVERITY[s] } : f);
  }
  return out;
}
