// ESLint-style human output: grouped by file, `line:column  severity  message  rule-id`.
import { Chalk } from 'chalk';
import { formatMessage } from '../diagnostics/format-message.js';
import { whole, type FormatContext, type Formatter, type FormatterStream } from './types.js';
import { visible } from './shown.js';

const T = {
  error: { zh: '错误', en: 'error' },
  warning: { zh: '警告', en: 'warning' },
};

export const stylish: Formatter = whole(stylishStream);

/** The same output a file at a time (report validate streams it, so memory stays flat). */
export function stylishStream(ctx: Omit<FormatContext, 'fileCount'>): FormatterStream {
  const c = new Chalk({ level: ctx.color ? 1 : 0 });
  let errors = 0;
  let warnings = 0;
  return {
    file(r) {
      const shown = ctx.quiet ? r.findings.filter((f) => f.severity === 'error') : r.findings;
      for (const f of r.findings) if (f.severity === 'error') errors++; else warnings++;
      if (!shown.length) return '';
      const lines: string[] = [c.underline(visible(r.file))];
      const pos = shown.map((f) => `${f.line}:${f.column}`);
      const width = Math.max(...pos.map((p) => p.length));
      const sev = shown.map((f) => T[f.severity][ctx.lang]);
      const sevWidth = Math.max(...sev.map((x) => width8(x)));
      shown.forEach((f, i) => {
        const x = sev[i]!.padEnd(sevWidth - (width8(sev[i]!) - sev[i]!.length));
        const sevText = f.severity === 'error' ? c.red(x) : c.yellow(x);
        lines.push(`  ${c.dim(pos[i]!.padEnd(width))}  ${sevText}  ${visible(formatMessage(f, ctx.lang))}  ${c.dim(f.ruleId)}`);
      });
      return lines.join('\n') + '\n\n';
    },
    end(fileCount) {
      const total = errors + warnings;
      const zh = ctx.lang === 'zh';
      if (total === 0) {
        return ctx.quiet ? '' : c.green(zh ? `✔ 检查了 ${fileCount} 个文件，未发现问题` : `✔ ${fileCount} file${fileCount === 1 ? '' : 's'} checked, no problems`) + '\n';
      }
      const summary = zh
        ? `✖ ${fileCount} 个文件中共 ${total} 个问题（${errors} 个错误，${warnings} 个警告）`
        : `✖ ${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}) in ${fileCount} file${fileCount === 1 ? '' : 's'}`;
      return (errors ? c.red.bold(summary) : c.yellow.bold(summary)) + '\n';
    },
  };
}

/** Display width: CJK characters take two columns. */
function width8(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\uffff]/.test(ch) ? 2 : 1;
  return w;
}
