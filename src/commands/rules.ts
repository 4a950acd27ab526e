// `report rules`: every rule id with its severity, stage, title and page.
import type { CliIO } from '../cli/io.js';
import { UsageError } from '../cli/io.js';
import type { GlobalOptions } from '../cli.js';
import { RULES } from '../rules/catalog.js';
import { rulePageUrl } from '../rules/page-url.js';
import type { Lang } from '../model/label.js';

const T = {
  head: { zh: ['编号', '级别', '阶段', '说明', '详见'], en: ['id', 'severity', 'stage', 'description', 'page'] },
  severity: { error: { zh: '错误', en: 'error' }, warning: { zh: '警告', en: 'warning' } },
  stage: {
    parse: { zh: '语法', en: 'parse' }, schema: { zh: '结构', en: 'schema' },
    arithmetic: { zh: '勾稽', en: 'arithmetic' }, consistency: { zh: '一致性', en: 'consistency' },
  },
  badFormat: { zh: (v: string) => `未知的输出格式 ${v}（可用：text、json）`, en: (v: string) => `Unknown format ${v} (available: text, json)` },
} as const;

/** Display width: CJK characters take two columns. */
const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);
const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - width(s)));

/** The rule table as text, each rule's page last. Pure. */
export function rulesTable(lang: Lang): string {
  const rows = RULES.map((r) => [r.id, T.severity[r.severity][lang], T.stage[r.stage][lang], r.title[lang], rulePageUrl(r.id)]);
  const all = [T.head[lang], ...rows];
  const widths = [0, 1, 2, 3].map((i) => Math.max(...all.map((r) => width(r[i]!))));
  return all.map((r) => r.map((c, i) => (i < 4 ? pad(c, widths[i]!) : c)).join('  ').trimEnd()).join('\n') + '\n';
}

/** rules' options, as commander gives them (src/cli.ts). */
export interface RulesFlags {
  readonly format?: string;
}

export async function rulesCommand(flags: RulesFlags, g: GlobalOptions, io: CliIO): Promise<number> {
  const format = flags.format ?? 'text';
  if (format === 'json') {
    io.stdout(JSON.stringify(RULES.map((r) => ({ id: r.id, severity: r.severity, stage: r.stage, description: r.title[g.lang], ...(r.needs ? { needs: r.needs } : {}), url: rulePageUrl(r.id) })), null, 2) + '\n');
  } else if (format === 'text') {
    io.stdout(rulesTable(g.lang));
  } else {
    throw new UsageError(T.badFormat[g.lang](format));
  }
  return 0;
}
