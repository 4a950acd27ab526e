// Source → a flat sequence of units: lines of text and rows of table cells.
// Text keeps its lines (the table reader decides how they split into cells);
// HTML tables become rows of cells on a grid with rowspan/colspan resolved.
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { MAX_CELLS, MAX_HTML_ELEMENTS, MAX_TEXT_CHARS, TooLarge } from './limits.js';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

export interface GridCell {
  readonly text: string;
  /** First grid column the cell covers (0-based) and how many it spans. */
  readonly col: number;
  readonly span: number;
  /** Footnote marks (superscript, subscript) left out of `text`. */
  readonly marks?: readonly string[];
}

export type Unit =
  | { readonly kind: 'line'; readonly text: string }
  | { readonly kind: 'row'; readonly cells: readonly GridCell[]; readonly width: number };

const BLANK: Unit = Object.freeze({ kind: 'line', text: '' });

/** Plain text or Markdown: one unit per line. */
export function extractText(text: string): Unit[] {
  if (text.length > MAX_TEXT_CHARS) throw new TooLarge('text', MAX_TEXT_CHARS);
  // Blank lines share one unit: a file of a million of them then costs a million pointers, not objects.
  return text.split(/\r\n|\r|\n/).map((t) => (t === '' ? BLANK : { kind: 'line' as const, text: t }));
}

const SKIP = new Set(['script', 'style', 'head', 'noscript', 'template', 'iframe', 'svg', 'select', 'button', 'object']);
const BLOCK = new Set([
  'p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'section', 'article', 'header', 'footer', 'nav',
  'blockquote', 'pre', 'dl', 'dt', 'dd', 'center', 'main', 'aside', 'figure', 'figcaption', 'form', 'fieldset', 'address', 'hr', 'caption',
]);

const isElement = (n: Node): n is Element => 'tagName' in n;
const children = (n: Node): Node[] => ('childNodes' in n ? (n.childNodes as Node[]) : []);
const attr = (e: Element, name: string) => e.attrs.find((a) => a.name === name)?.value;

function hasDescendant(e: Node, tag: string): boolean {
  const stack = [...children(e)];
  while (stack.length) {
    const c = stack.pop()!;
    if (isElement(c)) {
      if (c.tagName === tag) return true;
      for (const k of children(c)) stack.push(k);
    }
  }
  return false;
}

// What a reader sees: hidden elements (display:none, visibility:hidden, the
// `hidden` attribute, Word's mso-hide) and struck-out text (<s>, <strike>,
// <del>, line-through) are not read. Superscripts and subscripts in a cell
// are footnote marks: kept apart from the cell's text, which they split.
const STRUCK = new Set(['s', 'strike', 'del']);
const MARK = new Set(['sup', 'sub']);

/** Inline style declarations, lower-cased. */
function styleOf(attrs: readonly { name: string; value: string }[]): Map<string, string> | undefined {
  const s = attrs.find((a) => a.name === 'style')?.value;
  if (!s) return undefined;
  const m = new Map<string, string>();
  for (const d of s.split(';')) {
    const i = d.indexOf(':');
    if (i > 0) m.set(d.slice(0, i).trim().toLowerCase(), d.slice(i + 1).replace(/!\s*important/i, '').trim().toLowerCase());
  }
  return m;
}

interface Look {
  /** The element and everything in it is not seen. */
  readonly gone: boolean;
  /** visibility:hidden or visible, which (unlike display:none) a child can undo. */
  readonly hidden: boolean;
  readonly mark: boolean;
}

const look = (e: Element, hidden: boolean): Look => lookAt(e.tagName, e.attrs, hidden);

function lookAt(tag: string, attrs: readonly { name: string; value: string }[], hidden: boolean): Look {
  if (attrs.some((a) => a.name === 'hidden') || STRUCK.has(tag)) return { gone: true, hidden, mark: false };
  const st = styleOf(attrs);
  if (st) {
    if (st.get('display') === 'none' || st.get('mso-hide') === 'all') return { gone: true, hidden, mark: false };
    if (/line-through/.test(`${st.get('text-decoration') ?? ''} ${st.get('text-decoration-line') ?? ''}`)) return { gone: true, hidden, mark: false };
    const v = st.get('visibility');
    if (v === 'hidden' || v === 'collapse') hidden = true;
    else if (v === 'visible') hidden = false;
  }
  const va = st?.get('vertical-align');
  return { gone: false, hidden, mark: MARK.has(tag) || va === 'super' || va === 'sub' };
}

interface CellText {
  /** The visible text: <br> and block children start new lines, a mark leaves a space, other whitespace collapsed. */
  readonly text: string;
  /** Superscript and subscript text (footnote marks), in order. */
  readonly marks: readonly string[];
}

/** The text of a table cell as a reader sees it; `hidden`: its row is visibility:hidden. */
function cellText(td: Element, hidden: boolean): CellText {
  let out = '';
  let mark: string | undefined;
  const marks: string[] = [];
  type Item = { readonly n: Node; readonly hidden: boolean } | '\n' | 'end-mark';
  // An explicit stack: saved pages can nest thousands of elements deep.
  const stack: Item[] = [{ n: td, hidden }];
  const put = (t: string) => { if (mark !== undefined) mark += t; else out += t; };
  while (stack.length) {
    const x = stack.pop()!;
    if (x === '\n') { put(mark !== undefined ? ' ' : '\n'); continue; }
    if (x === 'end-mark') {
      const m = mark!.replace(/\s+/g, ' ').trim();
      if (m) marks.push(m);
      mark = undefined;
      out += ' ';
      continue;
    }
    const { n } = x;
    if (n.nodeName === '#text') {
      if (!x.hidden) put((n as DefaultTreeAdapterMap['textNode']).value.replace(/[ \t\r\n\f]+/g, ' '));
      continue;
    }
    if (!isElement(n) || SKIP.has(n.tagName)) continue;
    const l = look(n, x.hidden);
    if (l.gone) continue;
    if (n.tagName === 'br') { put(mark !== undefined ? ' ' : '\n'); continue; }
    if (BLOCK.has(n.tagName)) { put(mark !== undefined ? ' ' : '\n'); stack.push('\n'); }
    if (l.mark && mark === undefined) { mark = ''; stack.push('end-mark'); }
    const kids = children(n);
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ n: kids[i]!, hidden: l.hidden });
  }
  const text = out.split('\n').map((l) => l.trim()).filter((l) => l !== '').join('\n');
  // A cell printed wholly in superscript holds no footnote: its text is what is printed.
  if (text === '' && marks.length) return { text: marks.join(' '), marks: [] };
  return { text, marks };
}

/** Rows of a data table, cells placed on a grid (rowspan/colspan resolved). `budget`: grid positions left. */
function tableRows(table: Element, hidden: boolean, budget: { cells: number }): Unit[] {
  // Rows and cells a reader cannot see are not in the table (display:none takes them out of its layout).
  const trs: { tr: Element; hidden: boolean }[] = [];
  const stack: { n: Node; hidden: boolean }[] = children(table).map((n) => ({ n, hidden })).reverse();
  while (stack.length) {
    const { n: c, hidden: h } = stack.pop()!;
    if (!isElement(c)) continue;
    const l = look(c, h);
    if (l.gone) continue;
    if (c.tagName === 'tr') trs.push({ tr: c, hidden: l.hidden });
    else if (c.tagName !== 'table') { const kids = children(c); for (let i = kids.length - 1; i >= 0; i--) stack.push({ n: kids[i]!, hidden: l.hidden }); }
  }
  const cellsOf = ({ tr, hidden: h }: { tr: Element; hidden: boolean }) => children(tr)
    .filter((td): td is Element => isElement(td) && (td.tagName === 'td' || td.tagName === 'th') && !look(td, h).gone);
  const spans = (td: Element, r: number) => ({
    span: Math.max(1, Math.min(50, Number.parseInt(attr(td, 'colspan') ?? '1', 10) || 1)),
    // A rowspan past the last row stops there, as in a browser.
    down: Math.max(1, Math.min(200, trs.length - r, Number.parseInt(attr(td, 'rowspan') ?? '1', 10) || 1)),
  });
  // The grid positions the table covers, counted before any is allocated.
  let area = 0;
  trs.forEach((tr, r) => { for (const td of cellsOf(tr)) { const { span, down } = spans(td, r); area += span * down; } });
  budget.cells -= area;
  if (budget.cells < 0) throw new TooLarge('cells', MAX_CELLS);
  const taken: boolean[][] = [];
  const rows: GridCell[][] = [];
  let width = 0;
  trs.forEach((tr, r) => {
    const row: GridCell[] = [];
    let col = 0;
    for (const td of cellsOf(tr)) {
      while (taken[r]?.[col]) col++;
      const { span, down } = spans(td, r);
      for (let dr = 0; dr < down; dr++) {
        const t = (taken[r + dr] ??= []);
        for (let dc = 0; dc < span; dc++) t[col + dc] = true;
      }
      const { text, marks } = cellText(td, tr.hidden);
      row.push(marks.length ? { text, col, span, marks } : { text, col, span });
      col += span;
    }
    width = Math.max(width, col, taken[r]?.length ?? 0);
    rows.push(row);
  });
  return rows.filter((r) => r.length).map((cells) => ({ kind: 'row' as const, cells, width }));
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const MAX_DEPTH = 1000;
// No "<" inside a tag: an unclosed "<a" then costs one step, not a scan to the end (quadratic on "<a<a<a…").
const TAG = /<(\/?)([a-zA-Z][\w:-]*)([^<>]*?)(\/?)>/g;

/** How deep elements nest, how many there are and how many are table cells, by a quick scan of the tags (before any tree is built). */
export function scanTags(html: string): { depth: number; elements: number; cells: number } {
  let depth = 0, max = 0, elements = 0, cells = 0;
  for (const m of html.matchAll(TAG)) {
    if (m[1]) { depth = Math.max(0, depth - 1); continue; }
    const tag = m[2]!.toLowerCase();
    elements++;
    if (tag === 'td' || tag === 'th') cells++;
    if (VOID.has(tag) || m[4]) continue;
    if (++depth > max) max = depth;
  }
  return { depth: max, elements, cells };
}

/** How deep elements nest (the HTML parser slows down badly on absurd nesting). */
export const nestingDepth = (html: string): number => scanTags(html).depth;

const ENTITIES: Record<string, string> = { nbsp: '\u00a0', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ldquo: '“', rdquo: '”', middot: '·', mdash: '—' };
const decodeEntities = (t: string) => t.replace(/&(#x[\da-f]+|#\d+|[a-z]+);/gi, (e, k: string) => {
  if (k[0] === '#') { const c = k[1] === 'x' || k[1] === 'X' ? Number.parseInt(k.slice(2), 16) : Number(k.slice(1)); return c > 0 && c < 0x110000 ? String.fromCodePoint(c) : ''; }
  return ENTITIES[k.toLowerCase()] ?? e;
});
const RAW_TEXT = new Set(['script', 'style', 'head', 'noscript', 'template', 'iframe', 'textarea', 'title']);
const LINE_END = new Set(['p', 'div', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'table']);

/**
 * Rows and cells kept as lines and tabs, hidden and struck-out text left out:
 * the fallback for pages no parser should be made to build a tree of. One
 * pass over the tags with a stack of open elements. Footnote marks become a
 * space (they are not reported here: this path has no grid to place them on).
 */
function flattenHtml(html: string): string {
  let out = '';
  const open: { tag: string; gone: boolean; hidden: boolean; mark: boolean }[] = [];
  const counts = new Map<string, number>();
  const top = () => open[open.length - 1];
  const re = new RegExp(TAG.source, 'g');
  let at = 0;
  const text = (t: string) => {
    const s = top();
    if (!s?.gone && !s?.hidden && !s?.mark) out += decodeEntities(t);
  };
  for (let m = re.exec(html); m; m = re.exec(html)) {
    text(html.slice(at, m.index));
    at = re.lastIndex;
    const tag = m[2]!.toLowerCase();
    const s = top();
    if (m[1]) {
      if (!counts.get(tag)) continue;
      let e;
      do {
        e = open.pop()!;
        counts.set(e.tag, counts.get(e.tag)! - 1);
      } while (e.tag !== tag);
      if (e.gone) continue;
      if (e.mark && !top()?.mark) out += ' ';
      if (tag === 'td' || tag === 'th') out += '\t';
      else if (LINE_END.has(tag)) out += '\n';
      continue;
    }
    if (tag === 'br') { if (!s?.gone) out += '\n'; continue; }
    if (RAW_TEXT.has(tag) && !m[4]) {
      const close = new RegExp(`</${tag}`, 'gi');
      close.lastIndex = at;
      at = close.exec(html)?.index ?? html.length;
      re.lastIndex = at;
      continue;
    }
    if (VOID.has(tag) || m[4]) continue;
    const l = lookAt(tag, attrsOf(m[3]!), s?.hidden ?? false);
    if (l.mark && !s?.mark && !s?.gone) out += ' ';
    open.push({ tag, gone: (s?.gone ?? false) || l.gone || SKIP.has(tag), hidden: l.hidden, mark: (s?.mark ?? false) || l.mark });
    counts.set(tag, (counts.get(tag) ?? 0) + 1);
  }
  text(html.slice(at));
  return out;
}

/** Attributes of a tag found by the scan. */
function attrsOf(s: string): { name: string; value: string }[] {
  const out: { name: string; value: string }[] = [];
  for (const m of s.matchAll(/([^\s=/]+)(?:\s*=\s*(?:"([^"]*)"?|'([^']*)'?|([^\s"'>]+)))?/g)) {
    out.push({ name: m[1]!.toLowerCase(), value: decodeEntities(m[2] ?? m[3] ?? m[4] ?? '') });
  }
  return out;
}

/** A saved web page or mammoth's HTML: text lines and table rows, in document order. */
export function extractHtml(html: string): Unit[] {
  const scan = scanTags(html);
  if (scan.cells > MAX_CELLS) throw new TooLarge('cells', MAX_CELLS);
  if (scan.elements > MAX_HTML_ELEMENTS) throw new TooLarge('html-elements', MAX_HTML_ELEMENTS);
  if (scan.depth > MAX_DEPTH) return extractText(flattenHtml(html));
  const doc = parse(html);
  const units: Unit[] = [];
  const budget = { cells: MAX_CELLS };
  let line = '';
  let chars = 0;
  const flush = () => {
    chars += line.length;
    if (chars > MAX_TEXT_CHARS) throw new TooLarge('text', MAX_TEXT_CHARS);
    for (const l of line.split('\n')) {
      const t = l.replace(/[ \t\r\f]+/g, ' ').trim();
      if (t) units.push({ kind: 'line', text: t });
    }
    line = '';
  };
  const FLUSH = Symbol('flush');
  type Item = { readonly n: Node; readonly hidden: boolean } | typeof FLUSH;
  const stack: Item[] = [{ n: doc as unknown as Node, hidden: false }];
  while (stack.length) {
    const x = stack.pop()!;
    if (x === FLUSH) { flush(); continue; }
    const { n } = x;
    let hidden = x.hidden;
    if (n.nodeName === '#text') { if (!hidden) line += (n as DefaultTreeAdapterMap['textNode']).value.replace(/[\r\n]+/g, ' '); continue; }
    if (isElement(n)) {
      if (SKIP.has(n.tagName)) continue;
      const l = look(n, hidden);
      if (l.gone) continue;
      hidden = l.hidden;
      if (n.tagName === 'br') { line += '\n'; continue; }
      if (n.tagName === 'table' && !hasDescendant(n, 'table')) {
        flush();
        for (const row of tableRows(n, hidden, budget)) {
          if (row.kind === 'row') for (const c of row.cells) chars += c.text.length;
          units.push(row);
        }
        continue;
      }
    }
    // A layout table (one holding tables) is read as ordinary blocks.
    const block = isElement(n) && (BLOCK.has(n.tagName) || ['table', 'tr', 'td', 'th'].includes(n.tagName));
    if (block) { flush(); stack.push(FLUSH); }
    const kids = children(n);
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ n: kids[i]!, hidden });
  }
  flush();
  return units;
}
