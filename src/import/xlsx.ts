// An Excel workbook → the units the other importers read (a page of lines and
// tables), found by their labels, not by where they sit: the workbook of
// `report init --format xlsx` and a 政务公开办's own template alike. Each sheet
// becomes lines (titles, headings) and tables (merged cells kept as spans);
// a row "label | value" whose label is one of the report's fields (报告机关,
// 报告年度, …, 一、总体情况) is read as that field. Formulas are computed from
// their inputs (./xlsx-formula.ts), never taken from a saved result; hidden
// sheets, rows and columns are not read (a person does not see them).
import type ExcelJSType from 'exceljs';
import { SECTION_ORDER, SECTIONS, TOP_FIELDS, type SectionKey } from '../model/edition2021.js';
import { MAX_CELLS, MAX_TEXT_CHARS, TooLarge } from './limits.js';
import { headingOf } from './labels.js';
import { readZip, writeZip } from './zip.js';
import { Evaluator, Unsupported, type Value } from './xlsx-formula.js';

/** Fields a workbook gives as "label | value" rows, by the labels agencies use. */
const FIELD_LABELS: readonly { readonly key: string; readonly labels: readonly string[] }[] = [
  { key: 'agency', labels: [TOP_FIELDS.agency.zh, '机关名称', '单位名称', '填报单位', '发布机构'] },
  { key: 'year', labels: [TOP_FIELDS.year.zh, '年度'] },
  { key: 'published', labels: [TOP_FIELDS.published.zh] },
  { key: 'contact/office', labels: [TOP_FIELDS.office.zh] },
  { key: 'contact/address', labels: [TOP_FIELDS.address.zh, '通讯地址'] },
  { key: 'contact/phone', labels: [TOP_FIELDS.phone.zh, '联系电话'] },
  { key: 'preamble', labels: [SECTIONS.preamble.zh, '引言'] },
];

const norm = (s: string) => s.replace(/[\s\u3000:：]/g, '');
const FIELD_BY_LABEL = new Map(FIELD_LABELS.flatMap((f) => f.labels.map((l) => [norm(l), f.key] as const)));

export interface XlsxRead {
  /** The page the workbook reads as: its lines and tables, sections in the official order. */
  readonly html: string;
  /** Fields given by label: their text exactly as the cell holds it. */
  readonly fields: ReadonlyMap<string, string>;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

// Comments come with a VML drawing, which exceljs needs to read them.
const isXmlPart = (name: string) => /\.(xml|rels|vml)$/i.test(name);

/** A cell's value as stored: its text, or its formula to compute. */
type Stored = Value | { readonly formula: string };

function stored(cell: ExcelJSType.Cell): Stored {
  const v = cell.value as unknown;
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  const o = v as Record<string, unknown>;
  // A shared formula's own text is on the cell (exceljs translates it from the master).
  if ('formula' in o || 'sharedFormula' in o) {
    const f = cell.formula;
    return typeof f === 'string' && f !== '' ? { formula: f } : undefined;
  }
  if (Array.isArray(o.richText)) return (o.richText as { text?: string }[]).map((r) => r.text ?? '').join('');
  if (typeof o.text === 'string') return o.text;
  if (typeof o.error === 'string') return o.error;
  return undefined;
}

const text = (v: Value): string => (v === undefined ? '' : typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : String(v));

/** Reads a workbook; throws TooLarge past a bound, or an Error when it is not a readable workbook. */
export async function readXlsx(bytes: Uint8Array): Promise<XlsxRead> {
  // Bounded like a Word file: only the XML parts, each inflated under a cap, handed on as a clean archive.
  const zip = readZip(bytes, isXmlPart);
  if ('refused' in zip) {
    const r = zip.refused;
    if (r.why === 'corrupt') throw new Error('not a readable zip');
    throw new TooLarge(r.what, r.limit, 'entry' in r ? r.entry : undefined);
  }
  if (![...zip.files.keys()].some((n) => /^xl\/workbook\.xml$/i.test(n))) throw new Error('not a workbook');
  for (const [, data] of zip.files) if (/<!DOCTYPE/i.test(new TextDecoder().decode(data.subarray(0, 4096)))) throw new Error('a DOCTYPE in a workbook part');
  const ExcelJS = ((await import('exceljs')) as unknown as { default: typeof ExcelJSType }).default;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(writeZip(zip.files) as unknown as ExcelJSType.Buffer);

  const sheets = wb.worksheets.filter((ws) => ws.state === 'visible');
  const byName = new Map(wb.worksheets.map((ws) => [ws.name, ws] as const));
  let cells = 0;
  const evaluator = new Evaluator((sheet, address) => {
    const ws = byName.get(sheet);
    return ws ? stored(ws.getCell(address)) : undefined;
  });
  const shown = (ws: ExcelJSType.Worksheet, cell: ExcelJSType.Cell): string => {
    try {
      return text(evaluator.cell(ws.name, cell.address)).trim();
    } catch (e) {
      if (!(e instanceof Unsupported)) throw e;
      // Not computed: shown as its formula, which the table reader reports as not a number.
      return `=${cell.formula ?? ''}`;
    }
  };

  const fields = new Map<string, string>();
  // Sheet content in pieces, each under the heading it follows (or before any heading).
  const pieces = new Map<SectionKey | 'head', string[]>();
  const add = (key: SectionKey | 'head', html: string) => { let a = pieces.get(key); if (!a) pieces.set(key, (a = [])); a.push(html); };
  let chars = 0;

  for (const ws of sheets) {
    const merges = mergesOf(ws);
    const hiddenCols = new Set<number>();
    for (let c = 1; c <= ws.columnCount; c++) if (ws.getColumn(c).hidden) hiddenCols.add(c);
    let section: SectionKey | 'head' = 'head';
    let table: string[] | undefined;
    let inTable = false;
    const flush = () => { if (table?.length) add(section, `<table>${table.join('')}</table>`); table = undefined; inTable = false; };
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      if (row.hidden) continue;
      const values: { col: number; text: string; span?: { rows: number; cols: number }; covered: boolean }[] = [];
      for (let c = 1; c <= ws.columnCount; c++) {
        if (hiddenCols.has(c)) continue;
        if (++cells > MAX_CELLS) throw new TooLarge('cells', MAX_CELLS);
        const m = merges.get(`${r},${c}`);
        if (m && !m.master) { values.push({ col: c, text: '', covered: true }); continue; }
        const t = shown(ws, row.getCell(c));
        chars += t.length;
        if (chars > MAX_TEXT_CHARS) throw new TooLarge('text', MAX_TEXT_CHARS);
        values.push({ col: c, text: t, covered: false, ...(m?.master ? { span: { rows: visibleRows(ws, r, m.rows), cols: visibleCols(hiddenCols, c, m.cols) } } : {}) });
      }
      const filled = values.filter((v) => !v.covered && v.text !== '');
      if (filled.length === 0) {
        // A blank row ends a table, unless a merged cell above goes on through it.
        if (!values.some((v) => v.covered)) flush();
        continue;
      }
      const first = filled[0]!;
      const heading = headingOf(first.text) as SectionKey | undefined;
      // A field's label with nothing beside it: nothing to read (the field is a gap).
      if (filled.length === 1 && FIELD_BY_LABEL.has(norm(first.text))) continue;
      // "label | value": a field, or a section's heading with its text beside it.
      if (filled.length === 2 && !values.some((v) => v.covered)) {
        const field = FIELD_BY_LABEL.get(norm(first.text));
        if (field && !fields.has(field)) { fields.set(field, filled[1]!.text); continue; }
        if (heading && (SECTION_ORDER as readonly string[]).includes(heading) && !['proactive', 'requests', 'reviewsAndLawsuits'].includes(heading)) {
          flush();
          section = heading;
          fields.set(heading, filled[1]!.text);
          add(section, `<p>${esc(first.text)}</p>${paragraphs(filled[1]!.text)}`);
          continue;
        }
      }
      // A line of its own: a title or a heading, before a table or between tables.
      if (filled.length === 1 && (heading || !inTable)) {
        flush();
        if (heading) section = heading;
        add(section, `<p>${esc(first.text)}</p>`);
        continue;
      }
      inTable = true;
      (table ??= []).push(`<tr>${values.filter((v) => !v.covered).map((v) => `<td${v.span && v.span.rows > 1 ? ` rowspan="${v.span.rows}"` : ''}${v.span && v.span.cols > 1 ? ` colspan="${v.span.cols}"` : ''}>${esc(v.text).replace(/\n/g, '<br>')}</td>`).join('')}</tr>`);
    }
    flush();
  }
  const order: (SectionKey | 'head')[] = ['head', ...SECTION_ORDER];
  const body = order.flatMap((k) => pieces.get(k) ?? []).join('\n');
  const agency = fields.get('agency'), year = fields.get('year');
  // The title as the report's page would carry it, from the two labelled cells (nothing added to them).
  const title = agency && year ? `<h1>${esc(agency)}${esc(year)}年政府信息公开工作年度报告</h1>\n` : '';
  return { html: `<html><body>\n${title}${body}\n</body></html>`, fields };
}

function paragraphs(s: string): string {
  return s.split(/\n\s*\n/).map((p) => `<p>${esc(p.trim()).replace(/\n/g, '<br>')}</p>`).join('');
}

/** Merged ranges: every cell they cover, the top-left one marked as master with the span. */
function mergesOf(ws: ExcelJSType.Worksheet): Map<string, { master: boolean; rows: number; cols: number }> {
  const out = new Map<string, { master: boolean; rows: number; cols: number }>();
  const ranges = ((ws.model as unknown as { merges?: string[] }).merges ?? []);
  for (const range of ranges) {
    const m = /^\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)$/i.exec(range);
    if (!m) continue;
    const col = (s: string) => [...s.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    const [c1, r1, c2, r2] = [col(m[1]!), Number(m[2]), col(m[3]!), Number(m[4])];
    if ((c2 - c1 + 1) * (r2 - r1 + 1) > MAX_CELLS) throw new TooLarge('cells', MAX_CELLS);
    for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) out.set(`${r},${c}`, { master: r === r1 && c === c1, rows: r2 - r1 + 1, cols: c2 - c1 + 1 });
  }
  return out;
}

const visibleRows = (ws: ExcelJSType.Worksheet, from: number, n: number) => {
  let k = 0;
  for (let r = from; r < from + n; r++) if (!ws.getRow(r).hidden) k++;
  return Math.max(1, k);
};
const visibleCols = (hidden: ReadonlySet<number>, from: number, n: number) => {
  let k = 0;
  for (let c = from; c < from + n; c++) if (!hidden.has(c)) k++;
  return Math.max(1, k);
};
