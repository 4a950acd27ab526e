// Source → a flat sequence of units: lines of text and rows of table cells.
// Text keeps its lines (the table reader decides how they split into cells);
// HTML tables become rows of cells on a grid with rowspan/colspan resolved.
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { MAX_ZIP_EXPANDED, zipWithinLimit } from '../load/zip-limits.js';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

export interface GridCell {
  readonly text: string;
  /** First grid column the cell covers (0-based) and how many it spans. */
  readonly col: number;
  readonly span: number;
}

export type Unit =
  | { readonly kind: 'line'; readonly text: string }
  | { readonly kind: 'row'; readonly cells: readonly GridCell[]; readonly width: number };

/** Plain text or Markdown: one unit per line. */
export function extractText(text: string): Unit[] {
  return text.split(/\r\n|\r|\n/).map((t) => ({ kind: 'line' as const, text: t }));
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

/** Text of an element: <br> and block children start new lines; other whitespace collapsed. */
function textOf(n: Node): string {
  let out = '';
  // An explicit stack: saved pages can nest thousands of elements deep.
  const stack: (Node | '\n')[] = [n];
  while (stack.length) {
    const x = stack.pop()!;
    if (x === '\n') { out += '\n'; continue; }
    if (x.nodeName === '#text') { out += (x as DefaultTreeAdapterMap['textNode']).value.replace(/[ \t\r\n\f]+/g, ' '); continue; }
    if (!isElement(x) || SKIP.has(x.tagName)) continue;
    if (x.tagName === 'br') { out += '\n'; continue; }
    const block = BLOCK.has(x.tagName);
    if (block) { out += '\n'; stack.push('\n'); }
    const kids = children(x);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  return out.split('\n').map((l) => l.trim()).filter((l) => l !== '').join('\n');
}

/** Rows of a data table, cells placed on a grid (rowspan/colspan resolved). */
function tableRows(table: Element): Unit[] {
  const trs: Element[] = [];
  const stack: Node[] = [...children(table)].reverse();
  while (stack.length) {
    const c = stack.pop()!;
    if (!isElement(c)) continue;
    if (c.tagName === 'tr') trs.push(c);
    else if (c.tagName !== 'table') { const kids = children(c); for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!); }
  }
  const taken: boolean[][] = [];
  const rows: GridCell[][] = [];
  let width = 0;
  trs.forEach((tr, r) => {
    const row: GridCell[] = [];
    let col = 0;
    for (const td of children(tr)) {
      if (!isElement(td) || (td.tagName !== 'td' && td.tagName !== 'th')) continue;
      while (taken[r]?.[col]) col++;
      const span = Math.max(1, Math.min(50, Number.parseInt(attr(td, 'colspan') ?? '1', 10) || 1));
      const down = Math.max(1, Math.min(200, Number.parseInt(attr(td, 'rowspan') ?? '1', 10) || 1));
      for (let dr = 0; dr < down; dr++) {
        const t = (taken[r + dr] ??= []);
        for (let dc = 0; dc < span; dc++) t[col + dc] = true;
      }
      row.push({ text: textOf(td), col, span });
      col += span;
    }
    width = Math.max(width, col, taken[r]?.length ?? 0);
    rows.push(row);
  });
  return rows.filter((r) => r.length).map((cells) => ({ kind: 'row' as const, cells, width }));
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const MAX_DEPTH = 1000;

/** How deep elements nest, by a quick scan of the tags (the HTML parser slows down badly on absurd nesting). */
export function nestingDepth(html: string): number {
  let depth = 0, max = 0;
  for (const m of html.matchAll(/<(\/?)([a-zA-Z][\w:-]*)[^>]*?(\/?)>/g)) {
    const tag = m[2]!.toLowerCase();
    if (VOID.has(tag) || m[3]) continue;
    if (m[1]) depth = Math.max(0, depth - 1);
    else if (++depth > max) max = depth;
  }
  return max;
}

const ENTITIES: Record<string, string> = { nbsp: '\u00a0', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ldquo: '“', rdquo: '”', middot: '·', mdash: '—' };

/** Tags dropped, rows and cells kept as lines and tabs: the fallback for pages no parser should be made to build a tree of. */
function flattenHtml(html: string): string {
  return html
    .replace(/<(script|style|head)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<\/(td|th)\s*>/gi, '\t')
    .replace(/<(br|\/p|\/div|\/tr|\/h\d|\/li|\/table)\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[\da-f]+|#\d+|[a-z]+);/gi, (e, k: string) => {
      if (k[0] === '#') { const c = k[1] === 'x' || k[1] === 'X' ? Number.parseInt(k.slice(2), 16) : Number(k.slice(1)); return c > 0 && c < 0x110000 ? String.fromCodePoint(c) : ''; }
      return ENTITIES[k.toLowerCase()] ?? e;
    });
}

/** A saved web page or mammoth's HTML: text lines and table rows, in document order. */
export function extractHtml(html: string): Unit[] {
  if (nestingDepth(html) > MAX_DEPTH) return extractText(flattenHtml(html));
  const doc = parse(html);
  const units: Unit[] = [];
  let line = '';
  const flush = () => {
    for (const l of line.split('\n')) {
      const t = l.replace(/[ \t\r\f]+/g, ' ').trim();
      if (t) units.push({ kind: 'line', text: t });
    }
    line = '';
  };
  const FLUSH = Symbol('flush');
  const stack: (Node | typeof FLUSH)[] = [doc as unknown as Node];
  while (stack.length) {
    const n = stack.pop()!;
    if (n === FLUSH) { flush(); continue; }
    if (n.nodeName === '#text') { line += (n as DefaultTreeAdapterMap['textNode']).value.replace(/[\r\n]+/g, ' '); continue; }
    if (isElement(n)) {
      if (SKIP.has(n.tagName)) continue;
      if (n.tagName === 'br') { line += '\n'; continue; }
      if (n.tagName === 'table' && !hasDescendant(n, 'table')) {
        flush();
        for (const row of tableRows(n)) units.push(row);
        continue;
      }
    }
    // A layout table (one holding tables) is read as ordinary blocks.
    const block = isElement(n) && (BLOCK.has(n.tagName) || ['table', 'tr', 'td', 'th'].includes(n.tagName));
    if (block) { flush(); stack.push(FLUSH); }
    const kids = children(n);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  flush();
  return units;
}

/** A Word file: mammoth turns it into HTML (merged cells kept as rowspan/colspan). */
export async function docxToHtml(bytes: Uint8Array): Promise<string> {
  // mammoth inflates the whole zip in memory: refuse a zip bomb first.
  if (!zipWithinLimit(bytes)) throw new Error(`the .docx inflates past ${MAX_ZIP_EXPANDED} bytes`);
  const mammoth = await import('mammoth');
  const convert = (mammoth as unknown as { convertToHtml: (i: { buffer: Buffer }) => Promise<{ value: string }> }).convertToHtml
    ?? (mammoth as unknown as { default: { convertToHtml: (i: { buffer: Buffer }) => Promise<{ value: string }> } }).default.convertToHtml;
  const out = await convert({ buffer: Buffer.from(bytes) });
  return out.value;
}
