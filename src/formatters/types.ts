import type { LocatedFinding } from '../diagnostics/finding.js';
import type { Lang } from '../model/label.js';

export interface FileResult {
  readonly file: string;
  readonly findings: readonly LocatedFinding[];
}

export interface FormatContext {
  readonly lang: Lang;
  readonly color: boolean;
  /** Files checked, including clean ones. */
  readonly fileCount: number;
  readonly quiet?: boolean;
}

/** A formatter is a pure function of the results. */
export type Formatter = (results: readonly FileResult[], ctx: FormatContext) => string;

/** A formatter fed one file at a time, in order: what to print now, and at the end. */
export interface FormatterStream {
  file(result: FileResult): string;
  end(fileCount: number): string;
}

/** A whole-list formatter made of a streaming one: the same text, all at once. */
export const whole = (stream: (ctx: FormatContext) => FormatterStream): Formatter => (results, ctx) => {
  const s = stream(ctx);
  return results.map((r) => s.file(r)).join('') + s.end(ctx.fileCount);
};
