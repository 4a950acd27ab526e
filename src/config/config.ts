// Per-rule severity: `.xxgkrc.yaml` (found from the working folder upward),
// `--config FILE`, then `--rule ID=off|warn|error` (last one wins).
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { yaml } from '../load/yaml-lazy.js';
import type { Lang } from '../model/label.js';
import type { LocatedFinding, Severity } from '../diagnostics/finding.js';
import { RULE_BY_ID } from '../rules/catalog.js';
import { UsageError } from '../cli/io.js';

export type RuleSetting = 'off' | 'warn' | 'error';
export type RuleSettings = ReadonlyMap<string, RuleSetting>;

export const CONFIG_NAMES = ['.xxgkrc.yaml', '.xxgkrc.yml'] as const;

const SETTINGS: readonly RuleSetting[] = ['off', 'warn', 'error'];

export const CONFIG_TEXT = {
  unknownRule: {
    zh: (where: string, id: string) => `${where}：未知的规则 ${id}（运行 report rules 查看全部规则）`,
    en: (where: string, id: string) => `${where}: unknown rule ${id} (run report rules to list them)`,
  },
  badSetting: {
    zh: (where: string, id: string, v: string) => `${where}：规则 ${id} 的设置只能是 off、warn 或 error，而不是 ${v}`,
    en: (where: string, id: string, v: string) => `${where}: rule ${id} must be set to off, warn or error, not ${v}`,
  },
  fixedRule: {
    zh: (where: string, id: string) => `${where}：规则 ${id} 不能调整（文件无法读取时无从检查）`,
    en: (where: string, id: string) => `${where}: rule ${id} cannot be changed (nothing can be checked in a file that cannot be read)`,
  },
  badFile: {
    zh: (f: string, m: string) => `配置文件 ${f} 有误：${m}`,
    en: (f: string, m: string) => `Bad configuration file ${f}: ${m}`,
  },
  unreadable: {
    zh: (f: string, m: string) => `无法读取配置文件 ${f}：${m}`,
    en: (f: string, m: string) => `Cannot read the configuration file ${f}: ${m}`,
  },
  badRuleOption: {
    zh: (v: string) => `--rule 的写法是 规则编号=off|warn|error，而不是 ${v}`,
    en: (v: string) => `--rule takes RULE-ID=off|warn|error, not ${v}`,
  },
  notMapping: { zh: () => '顶层应为键值映射，只含 rules', en: () => 'the top level must be a mapping holding only rules' },
  rulesNotMapping: { zh: () => 'rules 应为 规则编号: off|warn|error 的映射', en: () => 'rules must map RULE-ID to off, warn or error' },
  unknownKey: { zh: (k: string) => `未知的键 ${k}（只支持 rules）`, en: (k: string) => `unknown key ${k} (only rules is supported)` },
} as const;

/** Checks one setting; `where` names the file or option for the message. */
function checkSetting(id: string, value: unknown, where: string, lang: Lang): RuleSetting {
  const info = RULE_BY_ID.get(id);
  if (!info) throw new UsageError(CONFIG_TEXT.unknownRule[lang](where, id));
  if (typeof value !== 'string' || !(SETTINGS as readonly string[]).includes(value)) {
    throw new UsageError(CONFIG_TEXT.badSetting[lang](where, id, typeof value === 'string' ? value : JSON.stringify(value) ?? String(value)));
  }
  // A file that cannot be parsed has no data to check: those errors stay errors.
  if (info.stage === 'parse' && info.severity === 'error' && value !== 'error') throw new UsageError(CONFIG_TEXT.fixedRule[lang](where, id));
  return value as RuleSetting;
}

/** Parses the text of a configuration file. Pure apart from the error it throws. */
export function parseConfig(text: string, file: string, lang: Lang): Map<string, RuleSetting> {
  let doc: unknown;
  try {
    doc = yaml().parse(text, { uniqueKeys: true, maxAliasCount: 0 });
  } catch (e) {
    throw new UsageError(CONFIG_TEXT.badFile[lang](file, (e as Error).message.split('\n')[0]!));
  }
  const out = new Map<string, RuleSetting>();
  if (doc === null || doc === undefined) return out;
  if (typeof doc !== 'object' || Array.isArray(doc)) throw new UsageError(CONFIG_TEXT.badFile[lang](file, CONFIG_TEXT.notMapping[lang]()));
  for (const [k, v] of Object.entries(doc as Record<string, unknown>)) {
    if (k !== 'rules') throw new UsageError(CONFIG_TEXT.badFile[lang](file, CONFIG_TEXT.unknownKey[lang](k)));
    if (v === null) continue;
    if (typeof v !== 'object' || Array.isArray(v)) throw new UsageError(CONFIG_TEXT.badFile[lang](file, CONFIG_TEXT.rulesNotMapping[lang]()));
    for (const [id, setting] of Object.entries(v as Record<string, unknown>)) out.set(id, checkSetting(id, setting, file, lang));
  }
  return out;
}

/** `.xxgkrc.yaml` in `cwd` or the nearest folder above it. */
export function findConfig(cwd: string): string | undefined {
  let dir = resolve(cwd);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const p = join(dir, name);
      try { if (statSync(p).isFile()) return p; } catch { /* not here */ }
    }
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

/** The settings in force: the config file (given or found), then `--rule` options in order. */
export function loadSettings(options: { cwd: string; config?: string; rules?: readonly string[]; lang: Lang }): { settings: Map<string, RuleSetting>; file?: string } {
  const { lang } = options;
  const file = options.config !== undefined ? resolve(options.cwd, options.config) : findConfig(options.cwd);
  let settings = new Map<string, RuleSetting>();
  if (file) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new UsageError(CONFIG_TEXT.unreadable[lang](options.config ?? file, code === 'ENOENT' ? (lang === 'zh' ? '文件不存在' : 'no such file') : code ?? (e as Error).message));
    }
    settings = parseConfig(text, options.config ?? file, lang);
  }
  for (const opt of options.rules ?? []) {
    const m = /^\s*([A-Za-z0-9-]+)\s*=\s*(\S+)\s*$/.exec(opt);
    if (!m) throw new UsageError(CONFIG_TEXT.badRuleOption[lang](opt));
    settings.set(m[1]!.toUpperCase(), checkSetting(m[1]!.toUpperCase(), m[2]!, '--rule', lang));
  }
  return file ? { settings, file } : { settings };
}

const SEVERITY: Record<Exclude<RuleSetting, 'off'>, Severity> = { warn: 'warning', error: 'error' };

/** Findings with the configured severities; rules set to off are dropped. Pure. */
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
