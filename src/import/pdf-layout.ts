// Positioned text and ruling lines of PDF pages → units (lines of text and
// rows of grid cells), the same units the HTML reader gives, so one table
// reader serves HTML, Word and PDF. Pure: no pdf.js here (./pdf.ts feeds it),
// so it is tested on hand-made pages too.
//
// Coordinates are PDF user space of the page (y grows upwards).
import { classify } from './cells.js';
import type { GridCell, Unit } from './extract.js';
import { MAX_CELLS, TooLarge } from './limits.js';
import { unifyIdeographs } from './pdf-ideographs.js';

export interface TextItem {
  readonly str: string;
  /** Baseline origin, advance width and font size. */
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly size: number;
}

/** A ruling line: horizontal (y fixed, x from a to b) or vertical (x fixed, y from a to b). */
export interface Segment {
  readonly dir: 'h' | 'v';
  /** The fixed coordinate, and the covered range (a < b). */
  readonly at: number;
  readonly a: number;
  readonly b: number;
}

export interface Page {
  readonly items: readonly TextItem[];
  readonly segments: readonly Segment[];
  /** The page box height (top = height), for headers and footers. */
  readonly height: number;
}

/** Points: lines closer than this are one; a cell boundary is looked for within it. */
const TOL = 2;

interface Table {
  readonly xs: number[];
  /** Descending: the top line first. */
  readonly ys: number[];
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
  /** Each grid position's cell id (-1 where no cell). */
  readonly owner: number[][];
}

/** Joins collinear pieces (a border drawn cell by cell) into lines. */
function mergeSegments(segs: readonly Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const dir of ['h', 'v'] as const) {
    const s = segs.filter((x) => x.dir === dir).sort((p, q) => p.at - q.at || p.a - q.a);
    const groups: Segment[][] = [];
    for (const x of s) {
      const g = groups[groups.length - 1];
      if (g && Math.abs(g[0]!.at - x.at) <= TOL) g.push(x);
      else groups.push([x]);
    }
    for (const g of groups) {
      const at = g.reduce((t, x) => t + x.at, 0) / g.length;
      const sorted = [...g].sort((p, q) => p.a - q.a);
      let cur = { a: sorted[0]!.a, b: sorted[0]!.b };
      for (const x of sorted.slice(1)) {
        if (x.a <= cur.b + TOL) cur.b = Math.max(cur.b, x.b);
        else { out.push({ dir, at, ...cur }); cur = { a: x.a, b: x.b }; }
      }
      out.push({ dir, at, ...cur });
    }
  }
  return out;
}

const crosses = (h: Segment, v: Segment) => v.at >= h.a - TOL && v.at <= h.b + TOL && h.at >= v.a - TOL && h.at <= v.b + TOL;

/** Distinct positions, each within TOL of the last of its run. */
function distinct(values: number[]): number[] {
  const out: number[] = [];
  for (const v of [...values].sort((a, b) => a - b)) if (!out.length || v - out[out.length - 1]! > TOL) out.push(v);
  return out;
}

function find(parent: number[], i: number): number {
  while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
  return i;
}

/** Tables: groups of crossing lines, with the cells their lines close. */
function findTables(segments: readonly Segment[]): Table[] {
  const segs = mergeSegments(segments).filter((s) => s.b - s.a > TOL * 2);
  const parent = segs.map((_, i) => i);
  const hs = segs.map((s, i) => [s, i] as const).filter(([s]) => s.dir === 'h');
  const vs = segs.map((s, i) => [s, i] as const).filter(([s]) => s.dir === 'v');
  for (const [h, i] of hs) for (const [v, j] of vs) if (crosses(h, v)) parent[find(parent, i)] = find(parent, j);
  const groups = new Map<number, Segment[]>();
  segs.forEach((s, i) => { const r = find(parent, i); (groups.get(r) ?? groups.set(r, []).get(r)!).push(s); });
  const tables: Table[] = [];
  for (const g of groups.values()) {
    const h = g.filter((s) => s.dir === 'h'), v = g.filter((s) => s.dir === 'v');
    if (h.length < 2 || v.length < 2) continue;
    const xs = distinct(v.map((s) => s.at));
    const ys = distinct(h.map((s) => s.at)).reverse();
    if (xs.length < 2 || ys.length < 2) continue;
    const R = ys.length - 1, C = xs.length - 1;
    if (R * C > MAX_CELLS) throw new TooLarge('cells', MAX_CELLS);
    const hasV = (x: number, y: number) => v.some((s) => Math.abs(s.at - x) <= TOL && s.a - TOL <= y && y <= s.b + TOL);
    const hasH = (y: number, x: number) => h.some((s) => Math.abs(s.at - y) <= TOL && s.a - TOL <= x && x <= s.b + TOL);
    // Grid positions are cells joined where no line separates them (a merged cell spans them).
    const id = (r: number, c: number) => r * C + c;
    const p = Array.from({ length: R * C }, (_, i) => i);
    for (let r = 0; r < R; r++) {
      const my = (ys[r]! + ys[r + 1]!) / 2;
      for (let c = 0; c < C; c++) {
        const mx = (xs[c]! + xs[c + 1]!) / 2;
        if (c + 1 < C && !hasV(xs[c + 1]!, my)) p[find(p, id(r, c))] = find(p, id(r, c + 1));
        if (r + 1 < R && !hasH(ys[r + 1]!, mx)) p[find(p, id(r, c))] = find(p, id(r + 1, c));
      }
    }
    const owner = Array.from({ length: R }, (_, r) => Array.from({ length: C }, (_, c) => find(p, id(r, c))));
    tables.push({ xs, ys, owner, top: ys[0]!, bottom: ys[R]!, left: xs[0]!, right: xs[C]! });
  }
  return tables;
}

/** Text items of one line or cell, in reading order, joined; a visible gap becomes a space. */
function joinLine(items: readonly TextItem[]): string {
  const sorted = [...items].sort((a, b) => a.x - b.x);
  let out = '';
  let end = -Infinity;
  for (const it of sorted) {
    if (out && it.x - end > it.size * 0.25 && !/\s$/.test(out) && !/^\s/.test(it.str)) out += ' ';
    out += it.str;
    end = Math.max(end, it.x + it.w);
  }
  return out;
}

/** Items → lines (by baseline), top line first. */
function toLines(items: readonly TextItem[]): TextItem[][] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: TextItem[][] = [];
  for (const it of sorted) {
    const line = lines[lines.length - 1];
    // Same line: baselines within half the font size (a superscript sits a little higher).
    if (line && Math.abs(line[0]!.y - it.y) <= Math.max(line[0]!.size, it.size) * 0.5) line.push(it);
    else lines.push([it]);
  }
  return lines;
}

/** A cell's text: its lines joined by line breaks (which the reader treats as a wrapped label, or digits in pieces). */
const cellText = (items: readonly TextItem[]) => toLines(items).map(joinLine).join('\n');

/** Where a table's rows go in reading order: the y of its top line. */
interface Block { readonly top: number; readonly units: Unit[] }

/**
 * A text run drawn across a column line (some writers put two cells' numbers
 * in one run) is cut at its spaces, each word placed in proportion to its
 * characters: the cell each word falls in is then its own.
 */
function splitAcross(it: TextItem, xs: readonly number[]): TextItem[] {
  if (!/\S\s+\S/.test(it.str) || !xs.some((x) => x > it.x + 1 && x < it.x + it.w - 1)) return [it];
  const per = it.w / [...it.str].length;
  const out: TextItem[] = [];
  for (const m of it.str.matchAll(/\S+/g)) {
    const at = [...it.str.slice(0, m.index)].length, len = [...m[0]].length;
    out.push({ ...it, str: m[0], x: it.x + at * per, w: len * per });
  }
  return out;
}

/** Where each cell of a PDF row lies across the page, for joining a row cut by a page break. */
const CELL_X = new WeakMap<GridCell, readonly [number, number]>();

function tableUnits(t: Table, all: readonly TextItem[]): Unit[] {
  const R = t.ys.length - 1, C = t.xs.length - 1;
  const texts = new Map<number, TextItem[]>();
  const items = all.flatMap((it) => splitAcross(it, t.xs));
  for (const it of items) {
    const cx = it.x + it.w / 2, cy = it.y + it.size * 0.35;
    const c = t.xs.findIndex((x, i) => i < C && x <= cx && cx <= t.xs[i + 1]!);
    const r = t.ys.findIndex((y, i) => i < R && t.ys[i + 1]! <= cy && cy <= y);
    if (c < 0 || r < 0) continue;
    const o = t.owner[r]![c]!;
    (texts.get(o) ?? texts.set(o, []).get(o)!).push(it);
  }
  const seen = new Set<number>();
  const rows: Unit[] = [];
  for (let r = 0; r < R; r++) {
    const cells: GridCell[] = [];
    for (let c = 0; c < C; c++) {
      const o = t.owner[r]![c]!;
      if (seen.has(o)) continue;
      seen.add(o);
      let span = 1;
      while (c + span < C && t.owner[r]![c + span] === o) span++;
      const cell: GridCell = { text: cellText(texts.get(o) ?? []), col: c, span };
      CELL_X.set(cell, [t.xs[c]!, t.xs[c + span]!]);
      cells.push(cell);
    }
    if (cells.length) rows.push({ kind: 'row', cells, width: C });
  }
  return rows;
}

/** A page number or running footer alone on its line at a page's edge. */
const PAGE_MARK = /^(第\s*\d+\s*页(\s*[,，/]?\s*共\s*\d+\s*页)?|[-—–－]?\s*\d{1,4}\s*[-—–－]?|\d{1,4}\s*\/\s*\d{1,4}|page\s*\d+(\s*of\s*\d+)?)$/i;

interface FreeLine { readonly top: number; readonly y: number; readonly size: number; readonly pieces: TextItem[][] }

const pieceText = (p: readonly TextItem[]) => joinLine(p);
const isValue = (p: readonly TextItem[]) => classify(pieceText(p)).kind !== 'text';
const left = (p: readonly TextItem[]) => Math.min(...p.map((i) => i.x));

/**
 * Free lines of a page (outside every ruled table). A line whose words stand
 * apart by wide gaps is a table row without ruling lines: its pieces are cells.
 */
function freeLines(items: readonly TextItem[]): FreeLine[] {
  return toLines(items).map((line) => {
    const sorted = [...line].sort((a, b) => a.x - b.x);
    const pieces: TextItem[][] = [];
    let end = -Infinity;
    for (const it of sorted) {
      // Wider than two characters: a column gap, not a word space.
      if (pieces.length && it.x - end > it.size * 2) pieces.push([it]);
      else if (pieces.length) pieces[pieces.length - 1]!.push(it);
      else pieces.push([it]);
      end = Math.max(end, it.x + it.w);
    }
    const size = Math.max(...line.map((i) => i.size));
    return { top: line[0]!.y + size, y: line[0]!.y, size, pieces };
  });
}

/**
 * Rows of a table without ruling lines, by vertical bands: a label wrapped
 * over two lines leaves a line with only its other half, in the label's
 * column, next to the row that prints the values; that half joins the
 * nearer such row (as a cell before its values, where the table reader joins
 * a wrapped label). A line as near to two rows stays a line of its own.
 */
function bandRows(lines: readonly FreeLine[]): (FreeLine & { joined?: boolean })[] {
  const out: (FreeLine & { joined?: boolean })[] = lines.map((l) => ({ ...l, pieces: [...l.pieces] }));
  const valueRow = (l: FreeLine | undefined) => l !== undefined && l.pieces.length >= 2 && l.pieces.slice(1).some(isValue) && !isValue(l.pieces[0]!);
  const fragment = (l: FreeLine) => l.pieces.length === 1 && !isValue(l.pieces[0]!);
  for (let i = 0; i < out.length; i++) {
    const l = out[i]!;
    if (!fragment(l)) continue;
    const near = (k: number) => {
      const r = out[k];
      if (!valueRow(r)) return Infinity;
      if (Math.abs(left(r!.pieces[0]!) - left(l.pieces[0]!)) > TOL) return Infinity;
      // The half must end before the row's first value: it sits in the label column.
      const end = Math.max(...l.pieces[0]!.map((t) => t.x + t.w));
      if (end > left(r!.pieces[1]!)) return Infinity;
      const d = Math.abs(r!.y - l.y);
      return d <= Math.max(r!.size, l.size) * 1.6 ? d : Infinity;
    };
    const up = near(i - 1), down = near(i + 1);
    if (up === Infinity && down === Infinity) continue;
    if (up === down) continue;
    const target = up < down ? out[i - 1]! : out[i + 1]!;
    // Above the row: the label's first half; below: its second.
    const labelPieces = target.pieces.filter((p) => !isValue(p));
    const k = labelPieces.length;
    target.pieces.splice(up < down ? k : 0, 0, l.pieces[0]!);
    l.joined = true;
  }
  return out.filter((l) => !l.joined);
}

const span = (p: readonly TextItem[]): [number, number] => [left(p), Math.max(...p.map((i) => i.x + i.w))];
const overlaps = (a: readonly [number, number], b: readonly [number, number]) => a[0] <= b[1] && b[0] <= a[1];

/**
 * Columns of a table without ruling lines, so that a blank cell keeps its
 * place: in each run of rows (lines of a label and values), value pieces
 * standing over one another (their extents overlap, however they are
 * aligned) are one column; a header piece over no value and right of the
 * labels is a column blank in every row. Each row then becomes a grid row,
 * one cell per column (blank where nothing is printed). A row with two
 * values in one column, or a run whose columns cannot be told apart, stays
 * as it was (its values by count, which the reader places only when they
 * fill the row).
 */
function anchorColumns(lines: readonly FreeLine[]): Map<FreeLine, Unit> {
  const out = new Map<FreeLine, Unit>();
  const isRow = (l: FreeLine) => l.pieces.length >= 2 && !isValue(l.pieces[0]!) && l.pieces.slice(1).some(isValue);
  const isHeader = (l: FreeLine) => l.pieces.length >= 2 && !l.pieces.some(isValue);
  for (let i = 0; i < lines.length;) {
    if (!isRow(lines[i]!)) { i++; continue; }
    let j = i;
    while (j < lines.length && isRow(lines[j]!)) j++;
    const rows = lines.slice(i, j);
    let h = i;
    while (h > 0 && isHeader(lines[h - 1]!)) h--;
    const headers = lines.slice(h, i);
    i = j;
    // Columns: groups of value pieces whose extents overlap, joined until none overlap.
    let cols: [number, number][] = rows.flatMap((r) => r.pieces.filter(isValue).map(span));
    for (let merged = true; merged;) {
      merged = false;
      const next: [number, number][] = [];
      for (const c of cols) {
        const k = next.findIndex((d) => overlaps(c, d));
        if (k >= 0) { next[k] = [Math.min(next[k]![0], c[0]), Math.max(next[k]![1], c[1])]; merged = true; } else next.push([c[0], c[1]]);
      }
      cols = next;
    }
    const firstValue = Math.min(...cols.map((c) => c[0]));
    for (const hl of headers) {
      for (const p of hl.pieces) {
        const e = span(p);
        if (e[0] > firstValue - TOL && !cols.some((c) => overlaps(c, e))) cols.push(e);
      }
    }
    cols.sort((a, b) => a[0] - b[0]);
    for (let k = 1; k < cols.length; k++) if (overlaps(cols[k - 1]!, cols[k]!)) cols = [];
    if (cols.length < 2 || cols.length * rows.length > MAX_CELLS) continue;
    for (const r of rows) {
      const labels = r.pieces.filter((p) => !isValue(p));
      const values = r.pieces.filter(isValue);
      // Labels first, then values: a value left of a label is not a row of this layout.
      if (r.pieces.findIndex(isValue) !== labels.length) continue;
      const at = values.map((p) => cols.findIndex((c) => overlaps(c, span(p))));
      if (at.some((k) => k < 0) || new Set(at).size !== at.length) continue;
      const cells: GridCell[] = labels.map((p, k) => ({ text: pieceText(p), col: k, span: 1 }));
      cols.forEach((_, k) => {
        const v = at.indexOf(k);
        cells.push({ text: v >= 0 ? pieceText(values[v]!) : '', col: labels.length + k, span: 1 });
      });
      out.set(r, { kind: 'row', cells, width: labels.length + cols.length });
    }
  }
  return out;
}

const SENTENCE_END = /[。！？；：:;!?]$/;
const NEW_ITEM = /^(（[一二三四五六七八九十\d]+）|\([一二三四五六七八九十\d]+\)|[一二三四五六七八九十]+、|\d+[.、．]|第[一二三四五六七八九十]+[章条])/;

/**
 * Lines a page wrapped: a line that runs to the right edge of the text (the
 * widest line), not at a sentence end, goes on in the next line when that
 * follows at the usual spacing and starts no new item. Titles split over two
 * lines are then whole again.
 */
function joinWrapped(lines: FreeLine[]): FreeLine[] {
  const plain = lines.filter((l) => l.pieces.length === 1);
  if (!plain.length) return lines;
  const x0 = (p: readonly TextItem[]) => Math.min(...p.map((i) => i.x));
  const x1 = (p: readonly TextItem[]) => Math.max(...p.map((i) => i.x + i.w));
  const rightEdge = Math.max(...plain.map((l) => x1(l.pieces[0]!)));
  const leftEdge = Math.min(...plain.map((l) => x0(l.pieces[0]!)));
  const out: FreeLine[] = [];
  for (const l of lines) {
    const prev = out[out.length - 1];
    if (prev && prev.pieces.length === 1 && l.pieces.length === 1) {
      const p = prev.pieces[0]!, q = l.pieces[0]!;
      const end = Math.max(...p.map((i) => i.x + i.w));
      const t = pieceText(p).trim(), u = pieceText(q).trim();
      const full = end >= rightEdge - prev.size * 1.5;
      // A line from the left edge (a paragraph's first line may be indented by two characters) goes on
      // at the left edge, or, for a title, centred under it; a right-aligned signature stays two lines.
      const goesOn = x0(p) <= leftEdge + prev.size * 2.5
        && (x0(q) <= leftEdge + l.size * 0.5 || Math.abs((x0(q) + x1(q)) / 2 - (x0(p) + end) / 2) <= l.size);
      const near = prev.y - l.y > 0 && prev.y - l.y <= Math.max(prev.size, l.size) * 2;
      if (full && near && goesOn && !SENTENCE_END.test(t) && !NEW_ITEM.test(u)) {
        // One run of text: the second line placed right after the first.
        const shift = end - Math.min(...q.map((i) => i.x));
        out[out.length - 1] = { ...prev, pieces: [[...p, ...q.map((i) => ({ ...i, x: i.x + shift, y: prev.y }))]] };
        continue;
      }
    }
    out.push(l);
  }
  return out;
}

/** One page → units in reading order: free lines and ruled tables by their position. */
export function pageUnits(page: Page): Unit[] {
  const items = page.items.filter((i) => i.str !== '').map((i) => ({ ...i, str: unifyIdeographs(i.str) }));
  const tables = findTables(page.segments);
  const inTable = (it: TextItem) => {
    const cx = it.x + it.w / 2, cy = it.y + it.size * 0.35;
    return tables.findIndex((t) => t.left - TOL <= cx && cx <= t.right + TOL && t.bottom - TOL <= cy && cy <= t.top + TOL);
  };
  const byTable = tables.map(() => [] as TextItem[]);
  const free: TextItem[] = [];
  for (const it of items) {
    const k = inTable(it);
    if (k >= 0) byTable[k]!.push(it); else if (it.str.trim() !== '') free.push(it);
  }
  const blocks: Block[] = tables.map((t, k) => ({ top: t.top, units: tableUnits(t, byTable[k]!) }));
  const lines = joinWrapped(bandRows(freeLines(free)));
  const placed = anchorColumns(lines);
  lines.forEach((l, i) => {
    const text = l.pieces.map(pieceText).join('\t');
    const edge = (i === 0 && l.top > page.height * 0.9) || (i === lines.length - 1 && l.top < page.height * 0.1);
    if (edge && PAGE_MARK.test(text.replace(/\t/g, ' ').trim())) return;
    blocks.push({ top: l.top, units: [placed.get(l) ?? { kind: 'line', text }] });
  });
  blocks.sort((a, b) => b.top - a.top);
  return blocks.flatMap((b) => b.units);
}

const rowKey = (u: Unit) => (u.kind === 'row' ? u.cells.map((c) => c.text.replace(/\s/g, '')).join('|') : '');
const hasValue = (u: Unit) => u.kind === 'row' && u.cells.some((c) => { const k = classify(c.text).kind; return k !== 'text' && k !== 'empty'; });

/**
 * A table going on over a page break: the header rows a writer repeats on
 * the new page are left out, and a row cut by the break (its first part
 * with the values, the rest of its labels at the top of the next page) is
 * joined again, each piece to the cell above it on the page before.
 */
function continueTable(out: Unit[], units: Unit[]): Unit[] {
  let start = out.length;
  while (start > 0 && out[start - 1]!.kind === 'row') start--;
  const before = out.slice(start);
  const header = new Set(before.slice(0, 6).filter((u) => !hasValue(u)).map(rowKey));
  let k = 0;
  while (k < units.length && units[k]!.kind === 'row' && header.has(rowKey(units[k]!))) k++;
  const first = units[k];
  if (first?.kind === 'row' && !hasValue(first) && hasValue(before[before.length - 1]!)) {
    for (const piece of first.cells) {
      const at = CELL_X.get(piece);
      if (!at || piece.text.trim() === '') continue;
      const mid = (at[0] + at[1]) / 2;
      // The nearest row above that has a cell there (a cell merged down the rows is in its first row).
      for (let r = out.length - 1; r >= start; r--) {
        const row = out[r]! as Extract<Unit, { kind: 'row' }>;
        const i = row.cells.findIndex((c) => { const x = CELL_X.get(c); return x !== undefined && x[0] <= mid && mid <= x[1]; });
        if (i < 0) continue;
        const cells = [...row.cells];
        const joined: GridCell = { ...cells[i]!, text: `${cells[i]!.text}\n${piece.text}` };
        CELL_X.set(joined, CELL_X.get(cells[i]!)!);
        cells[i] = joined;
        out[r] = { ...row, cells };
        break;
      }
    }
    k++;
  }
  return units.slice(k);
}

/** Every page's units; a blank line between pages, except where a table goes on over the page break. */
export function documentUnits(pages: readonly Page[]): Unit[] {
  const out: Unit[] = [];
  for (const p of pages) {
    let units = pageUnits(p);
    const last = out[out.length - 1];
    if (last?.kind === 'row' && units[0]?.kind === 'row') units = continueTable(out, units);
    else if (out.length) out.push({ kind: 'line', text: '' });
    for (const u of units) out.push(u);
  }
  return out;
}
