// Source → a flat sequence of units: lines of text and rows of table cells.
// Text keeps its lines (the table reader decides how they split into cells);
// HTML tables become rows of cells on a grid with rowspan/colspan resolved.
import { parse, type DefaultTreeAdapterMap } from 'parse5';

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
  for (const c of children(e)) if (isElement(c) && (c.tagName === tag || hasDescendant(c, tag))) return true;
  return false;
}

/** Text of an element: <br> and block children start new lines; other whitespace collapsed. */
function textOf(n: Node): string {
  let out = '';
  const walk = (x: Node) => {
    if (x.nodeName === '#text') { out += (x as DefaultTreeAdapterMap['textNode']).value.replace(/[ \t\r\n\f]+/g, ' '); return; }
    if (!isElement(x)) return;
    if (SKIP.has(x.tagName)) return;
    if (x.tagName === 'br') { out += '\n'; return; }
    const block = BLOCK.has(x.tagName);
    if (block) out += '\n';
    for (const c of children(x)) walk(c);
    if (block) out += '\n';
  };
  walk(n);
  return out.split('\n').map((l) => l.trim()).filter((l) => l !== '').join('\n');
}

/** Rows of a data table, cells placed on a grid (rowspan/colspan resolved). */
function tableRows(table: Element): Unit[] {
  const trs: Element[] = [];
  const collect = (n: Node) => {
    for (const c of children(n)) {
      if (!isElement(c)) continue;
      if (c.tagName === 'tr') trs.push(c);
      else if (c.tagName !== 'table') collect(c);
    }
  };
  collect(table);
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

/** A saved web page or mammoth's HTML: text lines and table rows, in document order. */
export function extractHtml(html: string): Unit[] {
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
  const walk = (n: Node) => {
    if (n.nodeName === '#text') { line += (n as DefaultTreeAdapterMap['textNode']).value.replace(/[\r\n]+/g, ' '); return; }
    if (!isElement(n)) { for (const c of children(n)) walk(c); return; }
    if (SKIP.has(n.tagName)) return;
    if (n.tagName === 'br') { line += '\n'; return; }
    if (n.tagName === 'table' && !hasDescendant(n, 'table')) {
      flush();
      units.push(...tableRows(n));
      return;
    }
    // A layout table (one holding tables) is read as ordinary blocks.
    const block = BLOCK.has(n.tagName) || n.tagName === 'table' || n.tagName === 'tr' || n.tagName === 'td' || n.tagName === 'th';
    if (block) flush();
    for (const c of children(n)) walk(c);
    if (block) flush();
  };
  walk(doc as unknown as Node);
  flush();
  return units;
}

/** A Word file: mammoth turns it into HTML (merged cells kept as rowspan/colspan). */
export async function docxToHtml(bytes: Uint8Array): Promise<string> {
  const mammoth = await import('mammoth');
  const convert = (mammoth as unknown as { convertToHtml: (i: { buffer: Buffer }) => Promise<{ value: string }> }).convertToHtml
    ?? (mammoth as unknown as { default: { convertToHtml: (i: { buffer: Buffer }) => Promise<{ value: string }> } }).default.convertToHtml;
  const out = await convert({ buffer: Buffer.from(bytes) });
  return out.value;
}
