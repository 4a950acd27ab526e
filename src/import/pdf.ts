// A PDF → pages of positioned text and ruling lines, through pdf.js (its
// legacy build, which runs on Node 20), loaded only when a PDF is read.
//
// On Node, pdf.js
// - reads the CMaps of non-embedded Chinese fonts (STSong-Light with
//   UniGB-UCS2-H …) only when told where they are: without them such text
//   comes back empty, so the CMaps the package ships are named;
// - wants DOMMatrix, Path2D and ImageData, which it would take from its
//   optional canvas package; stubs stand in (text and drawing operators
//   need none of them, as nothing is rendered).
import { createRequire } from 'node:module';
import type { Page, Segment, TextItem } from './pdf-layout.js';
import { MAX_TEXT_CHARS, TooLarge } from './limits.js';

/** Pages read from one file: a report has a few dozen. */
export const MAX_PDF_PAGES = 500;
/** Drawn straight lines on one page: a page of table 三 has about a thousand (each cell's four borders). */
export const MAX_PDF_LINES = 5_000;

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let loaded: Promise<{ pdfjs: PdfJs; dir: string }> | undefined;

function stubGlobals(): void {
  const g = globalThis as Record<string, unknown>;
  // Only the constructor is touched when nothing is drawn; an identity matrix is enough.
  if (!g.DOMMatrix) {
    g.DOMMatrix = class DOMMatrix {
      a = 1; b = 0; c = 0; d = 1; e = 0; f = 0;
      scaleSelf(): this { return this; }
      translateSelf(): this { return this; }
      multiplySelf(): this { return this; }
      invertSelf(): this { return this; }
    };
  }
  if (!g.Path2D) g.Path2D = class Path2D { addPath(): void {} };
  if (!g.ImageData) g.ImageData = class ImageData {};
}

function loadPdfJs(): Promise<{ pdfjs: PdfJs; dir: string }> {
  return (loaded ??= (async () => {
    const require = createRequire(import.meta.url);
    const dir = require.resolve('pdfjs-dist/package.json').replace(/package\.json$/, '');
    // Always the stubs, so that reading does not depend on whether the optional package is installed.
    stubGlobals();
    // pdf.js warns on standard output when it misses its canvas package: silenced while it loads.
    const log = console.log;
    console.log = () => {};
    try {
      const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
      pdfjs.GlobalWorkerOptions.workerSrc ||= `${dir}legacy/build/pdf.worker.mjs`;
      return { pdfjs, dir };
    } finally {
      console.log = log;
    }
  })());
}

type Matrix = [number, number, number, number, number, number];
const mul = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1], m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3], m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4], m[1] * n[4] + m[3] * n[5] + m[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/** Borders thinner than this are lines; a filled box wider and taller is a shading, not a line. */
const THIN = 3;

/** Axis-aligned lines drawn by one path: strokes of its straight pieces, or thin filled boxes. */
function pathSegments(data: ArrayLike<number>, ctm: Matrix, filled: boolean, out: Segment[]): void {
  // DrawOPS of pdf.js 5: 0 moveTo x y, 1 lineTo x y, 2 curveTo 6 numbers, 3 quadraticCurveTo 4, 4 closePath.
  let i = 0;
  let start: [number, number] | undefined, cur: [number, number] | undefined;
  let poly: [number, number][] = [];
  const polys: [number, number][][] = [];
  const line = (p: [number, number], q: [number, number]) => {
    if (filled) return;
    if (Math.abs(p[1] - q[1]) < 0.5) out.push({ dir: 'h', at: p[1], a: Math.min(p[0], q[0]), b: Math.max(p[0], q[0]) });
    else if (Math.abs(p[0] - q[0]) < 0.5) out.push({ dir: 'v', at: p[0], a: Math.min(p[1], q[1]), b: Math.max(p[1], q[1]) });
  };
  while (i < data.length) {
    const op = data[i++];
    if (op === 0) {
      cur = start = apply(ctm, data[i]!, data[i + 1]!); i += 2;
      if (poly.length) polys.push(poly);
      poly = [cur];
    } else if (op === 1) {
      const p = apply(ctm, data[i]!, data[i + 1]!); i += 2;
      if (cur) line(cur, p);
      cur = p; poly.push(p);
    } else if (op === 2) { i += 6; poly = []; cur = undefined; }
    else if (op === 3) { i += 4; poly = []; cur = undefined; }
    else if (op === 4) { if (cur && start) line(cur, start); cur = start; }
    else break;
  }
  if (poly.length) polys.push(poly);
  if (!filled) return;
  for (const p of polys) {
    if (p.length < 3) continue;
    const xs = p.map((q) => q[0]), ys = p.map((q) => q[1]);
    const x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(...ys), y1 = Math.max(...ys);
    // A box: every corner on its bounding box.
    if (!p.every((q) => (Math.abs(q[0] - x0) < 0.5 || Math.abs(q[0] - x1) < 0.5) && (Math.abs(q[1] - y0) < 0.5 || Math.abs(q[1] - y1) < 0.5))) continue;
    if (y1 - y0 <= THIN && x1 - x0 > THIN) out.push({ dir: 'h', at: (y0 + y1) / 2, a: x0, b: x1 });
    else if (x1 - x0 <= THIN && y1 - y0 > THIN) out.push({ dir: 'v', at: (x0 + x1) / 2, a: y0, b: y1 });
  }
}

export type PdfRead =
  | { readonly pages: Page[]; readonly chars: number; readonly images: number }
  | { readonly broken: true };

export interface PdfOptions {
  /** Give pdf.js the packaged CMaps (default). Off only to show what they are for. */
  readonly cMaps?: boolean;
}

/** Reads every page's text and ruling lines; `broken` when pdf.js cannot open the file. */
export async function readPdf(bytes: Uint8Array, options: PdfOptions = {}): Promise<PdfRead> {
  const { pdfjs, dir } = await loadPdfJs();
  const OPS = pdfjs.OPS;
  let doc;
  try {
    doc = await pdfjs.getDocument({
      // pdf.js takes the buffer over: it gets a copy.
      data: new Uint8Array(bytes), ...(options.cMaps === false ? {} : { cMapUrl: `${dir}cmaps/`, cMapPacked: true }), standardFontDataUrl: `${dir}standard_fonts/`,
      wasmUrl: `${dir}wasm/`, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0, stopAtErrors: false,
    }).promise;
  } catch {
    return { broken: true };
  }
  try {
    if (doc.numPages > MAX_PDF_PAGES) throw new TooLarge('pdf-pages', MAX_PDF_PAGES);
    const pages: Page[] = [];
    let chars = 0, images = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const [, y0, , y1] = page.view as [number, number, number, number];
      const content = await page.getTextContent();
      const items: TextItem[] = [];
      for (const it of content.items) {
        if (!('str' in it) || it.str === '') continue;
        const [a, b, c, d, e, f] = it.transform as number[];
        const size = Math.hypot(c!, d!) || Math.hypot(a!, b!) || it.height;
        chars += it.str.replace(/\s/g, '').length;
        if (chars > MAX_TEXT_CHARS) throw new TooLarge('text', MAX_TEXT_CHARS);
        items.push({ str: it.str, x: e!, y: f! - y0, w: it.width, size });
      }
      const ops = await page.getOperatorList();
      const segments: Segment[] = [];
      let ctm: Matrix = [1, 0, 0, 1, 0, -y0];
      const stack: Matrix[] = [];
      for (let k = 0; k < ops.fnArray.length; k++) {
        const fn = ops.fnArray[k];
        const args = ops.argsArray[k] as unknown[];
        if (fn === OPS.save) stack.push(ctm);
        else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
        else if (fn === OPS.transform) ctm = mul(ctm, args as Matrix);
        else if (fn === OPS.paintFormXObjectBegin) { stack.push(ctm); if (Array.isArray(args[0]) || ArrayBuffer.isView(args[0])) ctm = mul(ctm, Array.from(args[0] as ArrayLike<number>) as Matrix); }
        else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
        else if (fn === OPS.paintImageXObject || fn === OPS.paintInlineImageXObject || fn === OPS.paintImageMaskXObject) images++;
        else if (fn === OPS.constructPath) {
          const [op, data] = args as [number, unknown[]];
          const path = data?.[0];
          if (!path || !(ArrayBuffer.isView(path) || Array.isArray(path))) continue;
          const stroke = op === OPS.stroke || op === OPS.closeStroke;
          const fill = op === OPS.fill || op === OPS.eoFill;
          const both = op === OPS.fillStroke || op === OPS.eoFillStroke || op === OPS.closeFillStroke || op === OPS.closeEOFillStroke;
          if (stroke || both) pathSegments(path as ArrayLike<number>, ctm, false, segments);
          if (fill || both) pathSegments(path as ArrayLike<number>, ctm, true, segments);
          // Counted as they are found: the table finder compares lines pairwise.
          if (segments.length > MAX_PDF_LINES) throw new TooLarge('pdf-lines', MAX_PDF_LINES);
        }
      }
      pages.push({ items, segments, height: y1 - y0 });
      page.cleanup();
    }
    return { pages, chars, images };
  } catch (e) {
    // pdf.js may give up on a damaged page after opening the file: the file is damaged, said as such.
    if (e instanceof TooLarge) throw e;
    return { broken: true };
  } finally {
    await doc.destroy();
  }
}
