// GitHub Actions workflow commands. GitHub shows at most 10 annotations of a
// kind per step, so the worst come first and a notice counts the rest.
import type { LocatedFinding } from '../diagnostics/finding.js';
import { formatMessage } from '../diagnostics/format-message.js';
import { whole, type FormatContext, type Formatter, type FormatterStream } from './types.js';
import { shown, visible } from './shown.js';

export const MAX_ANNOTATIONS = 10;

const T = {
  more: {
    zh: (n: number) => `另有 ${n} 个问题未标注（GitHub 每步最多显示 ${MAX_ANNOTATIONS} 个）；在本地运行 report validate 查看全部`,
    en: (n: number) => `${n} more problem${n === 1 ? '' : 's'} not annotated (GitHub shows at most ${MAX_ANNOTATIONS} per step); run report validate locally to see them all`,
  },
  summary: {
    zh: (files: number, e: number, w: number) => `检查了 ${files} 个文件：${e} 个错误，${w} 个警告`,
    en: (files: number, e: number, w: number) => `${files} file${files === 1 ? '' : 's'} checked: ${e} error${e === 1 ? '' : 's'}, ${w} warning${w === 1 ? '' : 's'}`,
  },
};

/** Escaping of the message part of a workflow command. */
export const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
/** Escaping of a property value (file, title). */
export const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export const github: Formatter = whole(githubStream);

/**
 * Errors before warnings, otherwise in file and line order: only the first
 * MAX_ANNOTATIONS of each are kept while files stream by.
 */
export function githubStream(ctx: Omit<FormatContext, 'fileCount'>): FormatterStream {
  const errors: LocatedFinding[] = [];
  const warnings: LocatedFinding[] = [];
  let errorCount = 0;
  let warningCount = 0;
  return {
    file(r) {
      for (const f of shown(r.findings, ctx)) {
        if (f.severity === 'error') { errorCount++; if (errors.length < MAX_ANNOTATIONS) errors.push(f); }
        else { warningCount++; if (warnings.length < MAX_ANNOTATIONS) warnings.push(f); }
      }
      return '';
    },
    end(fileCount) {
      const ordered = [...errors, ...warnings];
      const lines = ordered.slice(0, MAX_ANNOTATIONS).map((f) =>
        `::${f.severity} file=${escapeProperty(visible(f.file.split('\\').join('/')))},line=${f.line},col=${f.column},title=${escapeProperty(f.ruleId)}::${escapeData(visible(formatMessage(f, ctx.lang)))}`);
      const rest = errorCount + warningCount - MAX_ANNOTATIONS;
      if (rest > 0) lines.push(`::notice title=report validate::${escapeData(T.more[ctx.lang](rest))}`);
      lines.push(T.summary[ctx.lang](fileCount, errorCount, warningCount));
      return lines.join('\n') + '\n';
    },
  };
}
