// Rule settings for a run: `.xxgkrc.yaml` (found from the working folder
// upward) or `--config FILE`, then `--rule` options. Reading is here; parsing
// and checking are in src/config/, whose errors are worded here.
import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { ConfigError, parseConfig, withRuleOptions, type RuleSetting } from '../config/config.js';
import { RULE_BY_ID } from '../rules/catalog.js';
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
  tooLarge: {
    zh: (f: string, n: number) => `配置文件 ${f} 超过 ${n} 字节（只应写几行 rules）；未读取`,
    en: (f: string, n: number) => `The configuration file ${f} is over ${n} bytes (it holds a few lines of rules); not read`,
  },
  used: {
    zh: (f: string, changes: string) => `使用配置文件 ${f}：${changes}`,
    en: (f: string, changes: string) => `Using the configuration file ${f}: ${changes}`,
  },
  off: { zh: (ids: string) => `关闭规则 ${ids}`, en: (ids: string) => `rules off: ${ids}` },
  warn: { zh: (ids: string) => `降为警告 ${ids}`, en: (ids: string) => `made warnings: ${ids}` },
  error: { zh: (ids: string) => `升为错误 ${ids}`, en: (ids: string) => `made errors: ${ids}` },
  allOff: { zh: () => '（全部规则均已关闭，检查结果不说明数据正确）', en: () => ' (every rule is off: a clean result says nothing about the data)' },
} as const;

/** A configuration holds a few lines: a larger file is refused before it is parsed (the YAML reader's duplicate-key check is quadratic). */
export const MAX_CONFIG_BYTES = 64 * 1024;

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

/**
 * `.xxgkrc.yaml` in `cwd` or the nearest folder above it, up to the
 * repository's root (the folder holding `.git`) or the home folder: a file
 * in /tmp or / left by someone else does not set this project's rules.
 */
export function findConfig(cwd: string, home?: string): string | undefined {
  let dir = resolve(cwd);
  const stop = home ? resolve(home) : undefined;
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const p = join(dir, name);
      try { if (statSync(p).isFile()) return p; } catch { /* not here */ }
    }
    if (dir === stop || statSync(join(dir, '.git'), { throwIfNoEntry: false })) return undefined;
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

/** The file's text, refused past MAX_CONFIG_BYTES from its size (read one byte past the cap at most). */
function readConfigText(file: string, shownAs: string, lang: Lang): string {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const buf = Buffer.alloc(Math.min(size, MAX_CONFIG_BYTES + 1));
    let off = 0;
    while (off < buf.length) {
      const n = readSync(fd, buf, off, buf.length - off, off);
      if (n === 0) break;
      off += n;
    }
    if (size > MAX_CONFIG_BYTES || off > MAX_CONFIG_BYTES) throw new UsageError(CONFIG_TEXT.tooLarge[lang](shownAs, MAX_CONFIG_BYTES));
    return buf.subarray(0, off).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

const DEFAULT: Record<string, RuleSetting> = { error: 'error', warning: 'warn' };

/**
 * The line a command prints on standard error when a configuration file
 * changes any rule from its default (which file, which rules): a config
 * that turns the checks off is never silent. Undefined when it changes none.
 */
export function settingsNotice(file: string | undefined, fromFile: ReadonlyMap<string, RuleSetting>, cwd: string, lang: Lang): string | undefined {
  if (!file) return undefined;
  const by: Record<RuleSetting, string[]> = { off: [], warn: [], error: [] };
  for (const [id, s] of fromFile) {
    const info = RULE_BY_ID.get(id);
    if (info && DEFAULT[info.severity] !== s) by[s].push(id);
  }
  const parts = (['off', 'warn', 'error'] as const).filter((s) => by[s].length).map((s) => CONFIG_TEXT[s][lang](by[s].join(lang === 'zh' ? '、' : ', ')));
  if (!parts.length) return undefined;
  const allOff = [...RULE_BY_ID.values()].every((r) => fromFile.get(r.id) === 'off' || (r.stage === 'parse' && r.severity === 'error'));
  const rel = relative(cwd, file);
  const shown = rel && !rel.startsWith('..') ? rel : file;
  return CONFIG_TEXT.used[lang](shown, parts.join(lang === 'zh' ? '；' : '; ')) + (allOff ? CONFIG_TEXT.allOff[lang]() : '');
}

/** The settings in force: the config file (given or found), then `--rule` options in order. */
export function loadSettings(options: { cwd: string; config?: string; rules?: readonly string[]; lang: Lang; home?: string }): { settings: Map<string, RuleSetting>; file?: string; notice?: string } {
  const { lang } = options;
  const file = options.config !== undefined ? resolve(options.cwd, options.config) : findConfig(options.cwd, options.home);
  try {
    let settings = new Map<string, RuleSetting>();
    if (file) {
      let text: string;
      try {
        text = readConfigText(file, options.config ?? file, lang);
      } catch (e) {
        if (e instanceof UsageError) throw e;
        const code = (e as NodeJS.ErrnoException).code;
        throw new UsageError(CONFIG_TEXT.unreadable[lang](options.config ?? file, code === 'ENOENT' ? CONFIG_TEXT.noSuchFile[lang]() : code ?? (e as Error).message));
      }
      settings = parseConfig(text, options.config ?? file);
    }
    const notice = settingsNotice(file, settings, options.cwd, lang);
    settings = withRuleOptions(settings, options.rules ?? []);
    return file ? { settings, file, ...(notice ? { notice } : {}) } : { settings };
  } catch (e) {
    if (e instanceof ConfigError) throw new UsageError(configMessage(e, lang));
    throw e;
  }
}
