// ESLint-style human output: grouped by file, `line:column  severity  message  rule-id`.
import { Chalk } from 'chalk';
import type { Formatter } from './types.js';

const T = {
  error: { zh: '错误', en: 'error' },
  warning: { zh: '警告', en: 'warning' },
};

export const stylish: Formatter = (results, ctx) => {
  const c = new Chalk({ level: ctx.color ? 1 : 0 });
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  for (const r of results) {
    const shown = ctx.quiet ? r.findings.filter((f) => f.severity === 'error') : r.findings;
    errors += r.findings.filter((f) => f.severity === 'error').length;
    warnings += r.findings.filter((f) => f.severity === 'warning').length;
    if (!shown.length) continue;
    lines.push(c.underline(r.file));
    const pos = shown.map((f) => `${f.line}:${f.column}`);
    const width = Math.max(...pos.map((p) => p.length));
    const sev = shown.map((f) => T[f.severity][ctx.lang]);
    const sevWidth = Math.max(...sev.map((s) => width8(s)));
    shown.forEach((f, i) => {
      const s = sev[i]!.padEnd(sevWidth - (width8(sev[i]!) - sev[i]!.length));
      const sevText = f.severity === 'error' ? c.red(s) : c.yellow(s);
      lines.push(`  ${c.dim(pos[i]!.padEnd(width))}  ${sevText}  ${f.message}  ${c.dim(f.ruleId)}`);
    });
    lines.push('');
  }
  const total = errors + warnings;
  const zh = ctx.lang === 'zh';
  if (total === 0) {
    if (!ctx.quiet) lines.push(c.green(zh ? `✔ 检查了 ${ctx.fileCount} 个文件，未发现问题` : `✔ ${ctx.fileCount} file${ctx.fileCount === 1 ? '' : 's'} checked, no problems`));
  } else {
    const summary = zh
      ? `✖ ${ctx.fileCount} 个文件中共 ${total} 个问题（${errors} 个错误，${warnings} 个警告）`
      : `✖ ${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}) in ${ctx.fileCount} file${ctx.fileCount === 1 ? '' : 's'}`;
    lines.push(errors ? c.red.bold(summary) : c.yellow.bold(summary));
  }
  return lines.length ? lines.join('\n') + '\n' : '';
};

/** Display width: CJK characters take two columns. */
function width8(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\uffff]/.test(ch) ? 2 : 1;
  return w;
}
