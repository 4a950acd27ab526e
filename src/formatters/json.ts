import { formatMessage } from '../diagnostics/format-message.js';
import type { Lang } from '../model/label.js';
import { whole, type FileResult, type FormatContext, type Formatter, type FormatterStream } from './types.js';

/** One JSON array of every finding of every file. */
export const json: Formatter = whole(jsonStream);

const entries = (r: FileResult, lang: Lang) => r.findings.map((f) => ({
  file: f.file, ruleId: f.ruleId, severity: f.severity, message: formatMessage(f, lang), pointer: f.pointer,
  line: f.line, column: f.column, related: f.related, ...(f.otherFile ? { otherFile: f.otherFile } : {}),
}));

/** The same text as JSON.stringify(all, null, 2), written a file at a time. */
export function jsonStream(ctx: Pick<FormatContext, 'lang'>): FormatterStream {
  let first = true;
  return {
    file(r) {
      let out = '';
      for (const e of entries(r, ctx.lang)) {
        out += (first ? '[\n' : ',\n') + JSON.stringify(e, null, 2).replace(/^/gm, '  ');
        first = false;
      }
      return out;
    },
    end: () => (first ? '[]\n' : '\n]\n'),
  };
}
