// How much the importer reads before it refuses. A published report has
// about 30,000 characters, three tables of a few hundred cells and, as a
// Word file, a few thousand XML elements; each bound is far above that and
// keeps time and memory small (a report reads in well under a second and
// 100 MB). Work is counted before it is done, so nothing is allocated past
// a bound.

/** Characters of text read from a file (after decoding, or from a page or a Word file). */
export const MAX_TEXT_CHARS = 1_000_000;
/** Cells of all tables together: grid positions of HTML and Word tables, cells of text rows. */
export const MAX_CELLS = 50_000;
/** Elements of a web page, counted by a scan of its tags before it is parsed. */
export const MAX_HTML_ELEMENTS = 100_000;
/** XML elements of a Word file's parts, counted before the Word reader builds its tree of them. */
export const MAX_XML_ELEMENTS = 40_000;

export type LimitKind = 'text' | 'cells' | 'html-elements' | 'xml-elements' | 'zip' | 'zip-entry' | 'zip-entries' | 'pdf-pages' | 'pdf-lines';

/** Thrown where a bound is crossed; the importer turns it into a refusal. */
export class TooLarge extends Error {
  constructor(readonly what: LimitKind, readonly limit: number, readonly entry?: string) {
    super(`${what} over ${limit}`);
  }
}
