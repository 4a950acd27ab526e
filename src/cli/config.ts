// Rule settings for a run: `.xxgkrc.yaml` (found from the working folder
// upward) or `--config FILE`, then `--rule` options. Reading is here; parsing
// and checking are in src/config/, whose errors are worded here.
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ConfigError, parseConfig, withRuleOptions, type RuleSetting } from '../config/config.js';
import type { Lang } from '../model/label.js';
import { UsageError } from './io.js';

export const CONFIG_NAMES = ['.xxgkrc.yaml', '.xxgkrc.yml'] as const;

const CONFIG_TEXT = {
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
  noSuchFile: { zh: () => '文件不存在', en: () => 'no such file' },
} as const;

/** A ConfigError in the user's language. */
export function configMessage(e: ConfigError, lang: Lang): string {
  const { where, params: p } = e;
  switch (e.code) {
    case 'unknownRule': return CONFIG_TEXT.unknownRule[lang](where, p.id!);
    case 'badSetting': return CONFIG_TEXT.badSetting[lang](where, p.id!, p.value!);
    case 'fixedRule': return CONFIG_TEXT.fixedRule[lang](where, p.id!);
    case 'badRuleOption': return CONFIG_TEXT.badRuleOption[lang](p.value!);
    case 'syntax': return CONFIG_TEXT.badFile[lang](where, p.detail!);
    case 'notMapping': return CONFIG_TEXT.badFile[lang](where, CONFIG_TEXT.notMapping[lang]());
    case 'rulesNotMapping': return CONFIG_TEXT.badFile[lang](where, CONFIG_TEXT.rulesNotMapping[lang]());
    case 'unknownKey': return CONFIG_TEXT.badFile[lang](where, CONFIG_TEXT.unknownKey[lang](p.key!));
  }
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
  try {
    let settings = new Map<string, RuleSetting>();
    if (file) {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        throw new UsageError(CONFIG_TEXT.unreadable[lang](options.config ?? file, code === 'ENOENT' ? CONFIG_TEXT.noSuchFile[lang]() : code ?? (e as Error).message));
      }
      settings = parseConfig(text, options.config ?? file);
    }
    settings = withRuleOptions(settings, options.rules ?? []);
    return file ? { settings, file } : { settings };
  } catch (e) {
    if (e instanceof ConfigError) throw new UsageError(configMessage(e, lang));
    throw e;
  }
}
