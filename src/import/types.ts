// What the importer returns: the data it could read and every place it could not.
import type { LimitKind } from './limits.js';

export type Edition = '2021' | '2019' | 'pre-2019' | 'unknown';

export type GapReason =
  | 'blank'          // the cell is printed empty
  | 'marker'         // printed as "/", "—", "-" or 无
  | 'not-number'     // printed as something other than a number ("减4", "251000元")
  | 'not-integer'    // a count with decimals
  | 'several-numbers' // two numbers in one cell ("7 8"): which is meant cannot be told
  | 'split-number'   // digits broken by a line break ("7↵8"): one number or two cannot be told
  | 'unplaced'       // fewer or more values than columns: which cell is which cannot be told
  | 'row-missing'    // the row was not found (page cut, label unreadable)
  | 'table-missing'  // the table was not found
  | 'section-missing'
  | 'field-missing'; // agency or year not found

export interface Gap {
  readonly pointer: string;
  readonly reason: GapReason;
  /** The printed text, for marker / not-number / not-integer / several-numbers / split-number. */
  readonly raw?: string;
  /** For unplaced: how many values were printed, for how many columns. */
  readonly printed?: number;
  readonly columns?: number;
}

/** A cell that was read, with something printed in it left out. */
export interface Note {
  readonly pointer: string;
  readonly reason: 'mark-dropped';
  /** The number read, and the superscript or subscript (a footnote mark) left out of it. */
  readonly value: number;
  readonly raw: string;
}

export type SourceKind = 'text' | 'html' | 'docx' | 'pdf' | 'xlsx';

export interface SourceInfo {
  readonly filename: string;
  readonly kind: SourceKind;
  readonly encoding?: string;
}

export interface ImportResult {
  /** The data read, in the shape of the data model (cells that could not be read are left out). */
  readonly report: Record<string, unknown>;
  readonly gaps: readonly Gap[];
  /** Cells read with a footnote mark left out (shown to the user, not gaps). */
  readonly notes?: readonly Note[];
  readonly edition: Edition;
  readonly source: SourceInfo;
  /** Set when the input is not a 2021-edition report: nothing is written. */
  readonly refused?: {
    readonly reason: 'edition-2019' | 'edition-pre-2019' | 'not-a-report' | 'binary' | 'too-large' | 'scanned' | 'pdf-no-text' | 'pdf-broken';
    readonly year?: number;
    /** For scanned and pdf-no-text: the PDF's pages, none with text. */
    readonly pages?: number;
    /** For too-large: which bound, its value, and the zip entry that crossed it. */
    readonly limit?: { readonly what: LimitKind; readonly value: number; readonly entry?: string };
  };
}
