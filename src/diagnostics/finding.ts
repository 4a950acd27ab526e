import type { RuleId } from '../rules/catalog.js';

export type Severity = 'error' | 'warning';

/** A finding as data; its text is made only when it is printed. */
export interface Finding {
  readonly ruleId: RuleId;
  readonly severity: Severity;
  /** JSON pointer of the cell or key the finding is about ('' for the whole file). */
  readonly pointer: string;
  readonly params: Readonly<Record<string, string | number | boolean | undefined>>;
  /** Every other cell of the equation, for related locations. */
  readonly related?: readonly string[];
  /** Set by the parser where it knows the position itself. */
  readonly line?: number;
  readonly column?: number;
  /** Another file the finding refers to (last year's report). */
  readonly otherFile?: { readonly file: string; readonly pointer: string; line?: number; column?: number };
  /** A UTF-16 offset inside the string value at `pointer` (a figure in the text, rule 9). */
  readonly textOffset?: number;
  /** Points at the key rather than its value (unknown keys). */
  readonly atKey?: boolean;
}

export interface Position {
  readonly line: number;
  readonly column: number;
}

export interface RelatedLocation extends Position {
  readonly pointer: string;
}

/** A finding placed in a file; still data (formatMessage words it when it is printed). */
export interface LocatedFinding {
  readonly file: string;
  readonly ruleId: RuleId;
  readonly severity: Severity;
  readonly pointer: string;
  readonly line: number;
  readonly column: number;
  readonly params: Finding['params'];
  readonly related: readonly RelatedLocation[];
  readonly otherFile?: { readonly file: string; readonly pointer: string; readonly line?: number; readonly column?: number };
}

export function compareLocated(a: LocatedFinding, b: LocatedFinding): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1
    : a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}
