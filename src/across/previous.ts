// `report validate --previous`: rules 7 and 8 (the registry's rules that need
// last year's report, pure, in src/rules/) for one file against last year's
// report, and their findings placed in both files.
// Pure: finding and reading last year's file is the CLI's (src/cli/previous.ts).
import { basename } from 'node:path';
import { locateFindings } from '../check.js';
import type { Finding, LocatedFinding } from '../diagnostics/finding.js';
import type { LoadResult, Located } from '../load/load.js';
import { runPreviousRules } from '../rules/index.js';

export interface PreviousReport {
  /** As shown in messages: relative to the working folder. */
  readonly file: string;
  readonly load: LoadResult;
}

/** Rules 7 and 8 for this year's data against last year's, not yet placed. */
export function previousChecks(data: unknown, prev: PreviousReport): Finding[] {
  return runPreviousRules(data, prev.load.data, { previousFile: prev.file });
}

/**
 * The findings of previousChecks placed in this `file` (`here`; undefined for
 * standard input, which cannot be read again: line 1), with last year's file,
 * line and column in `otherFile` and in the message.
 */
export function placePrevious(raw: readonly Finding[], file: string, here: Located | undefined, prev: PreviousReport): LocatedFinding[] {
  const at: Located = here ?? { locate: () => ({ line: 1, column: 1 }) };
  const placed: Finding[] = raw.map((f) => {
    const pos = at.locate(f.pointer);
    const o = f.otherFile ? prev.load.locate(f.otherFile.pointer) : undefined;
    return {
      ...f,
      params: { ...f.params, file: basename(file), line: here ? pos.line : undefined, prevLine: o?.line },
      ...(f.otherFile && o ? { otherFile: { ...f.otherFile, line: o.line, column: o.column } } : {}),
    };
  });
  return locateFindings(placed, file, at);
}
