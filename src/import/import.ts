// Published report (text, web page, Word file) → data in the shape of the data
// model, plus every cell or section that could not be read. Pure apart from
// mammoth's async API: bytes and a file name in, data out.
import { SECTION_ORDER, type SectionKey } from '../model/edition2021.js';
import { toStream, type StreamCell } from './cells.js';
import { decodeHtml, decodeText } from '../load/decode.js';
import { docxToHtml } from './docx.js';
import type { PdfRead } from './pdf.js';
import { extractHtml, extractText, type Unit } from './extract.js';
import { headingOf, MARKS_2019, MARKS_2021, MARKS_PRE2019, TABLE2, TABLE2_2019, TABLE3, TABLE3_2019, TABLE4 } from './labels.js';
import { readCell2019 } from './edition2019.js';
import { valueAt as valueAtPointer } from '../model/cells.js';
import { readContact, readMeta } from './meta.js';
import { toSimplified } from './normalize.js';
import { readRows, readTable4, regionHas, type CellRead, type TableRead } from './tables.js';
import { TooLarge } from './limits.js';
import type { Edition, Gap, ImportResult, Note, SourceInfo, SourceKind } from './types.js';

export type { Edition, Gap, GapReason, ImportResult, Note, SourceInfo, SourceKind } from './types.js';

export interface ImportOptions {
  /** Used for the input kind (by extension) and in the result. */
  readonly filename?: string;
  /** Force the input kind instead of guessing from the name and content. */
  readonly kind?: SourceKind;
  /** The current year, for the range check of the report year (default: now). */
  readonly currentYear?: number;
}

export function sourceKind(filename: string, bytes: Uint8Array): SourceKind | 'binary' {
  const ext = /\.([a-z0-9]+)$/i.exec(filename)?.[1]?.toLowerCase();
  if (ext === 'docx') return 'docx';
  if (ext === 'xlsx') return 'xlsx';
  if (ext === 'pdf' || (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46 && bytes[4] === 0x2d)) return 'pdf';
  if (ext === 'html' || ext === 'htm' || ext === 'shtml' || ext === 'xhtml') return 'html';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'docx';
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'binary';
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  if (ext !== 'txt' && ext !== 'md' && /<(html|body|table|p|div)[\s>]/i.test(head)) return 'html';
  const sample = bytes.subarray(0, 8192);
  let controls = 0;
  for (const b of sample) if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) controls++;
  // UTF-16 text has many NULs but starts with a BOM.
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (!utf16 && controls > sample.length * 0.01 + 2) return 'binary';
  return 'text';
}

const TABLE_SECTIONS = new Set<SectionKey>(['proactive', 'requests', 'reviewsAndLawsuits']);

interface Heading { readonly key: SectionKey; readonly index: number }

function lineText(u: Unit): string | undefined {
  if (u.kind === 'line') return u.text;
  const filled = u.cells.filter((c) => c.text.trim() !== '');
  return filled.length === 1 ? filled[0]!.text : undefined;
}

/** A line of a flattened table: a tab, or text between two "|" (a trailing "|" aside). Linear, unlike /\|.*\S.*\|/. */
function looksLikeRow(line: string): boolean {
  if (line.includes('\t')) return true;
  const t = line.replace(/\|\s*$/, '');
  // "." stops at line terminators, so each stretch between them is tried alone.
  return t.split(/[\n\r\u2028\u2029]/).some((seg) => {
    const a = seg.indexOf('|'), b = seg.lastIndexOf('|');
    return a >= 0 && b > a && /\S/.test(seg.slice(a + 1, b));
  });
}

/** The six headings, in order; a heading repeated with nothing else between keeps its last place. */
function findHeadings(units: readonly Unit[]): Heading[] {
  const out: Heading[] = [];
  units.forEach((u, index) => {
    const t = lineText(u);
    if (t === undefined || (u.kind === 'line' && looksLikeRow(t))) return;
    const key = headingOf(t);
    if (!key) return;
    const order = SECTION_ORDER.indexOf(key as (typeof SECTION_ORDER)[number]);
    const last = out[out.length - 1];
    const lastOrder = last ? SECTION_ORDER.indexOf(last.key as (typeof SECTION_ORDER)[number]) : -1;
    if (last && last.key === key) out[out.length - 1] = { key, index };
    else if (order > lastOrder) out.push({ key, index });
    // 一、总体情况 again after later headings: what came before was a table of contents.
    else if (key === 'overview') out.splice(0, out.length, { key, index });
  });
  return out;
}

/** Units of a section: from its heading to the next heading; when its heading is missing, the stretch where it would be. */
function region(units: readonly Unit[], headings: readonly Heading[], key: SectionKey): [number, number] {
  const order = SECTION_ORDER.indexOf(key as (typeof SECTION_ORDER)[number]);
  const own = headings.find((h) => h.key === key);
  const after = headings.find((h) => SECTION_ORDER.indexOf(h.key as (typeof SECTION_ORDER)[number]) > order);
  const end = after ? after.index : units.length;
  if (own) return [own.index + 1, end];
  const before = [...headings].reverse().find((h) => SECTION_ORDER.indexOf(h.key as (typeof SECTION_ORDER)[number]) < order);
  // Without its heading a table is looked for only where no other table can be.
  if (before && TABLE_SECTIONS.has(before.key)) return [end, end];
  return [before ? before.index + 1 : 0, end];
}

const FOOTER = /^(【?\s*(打印|关闭|返回|顶部|收藏|分享)|上一篇|下一篇|相关(链接|文件|阅读)|主办单位|承办单位|版权所有|网站标识码|ICP备|扫一扫|附件[:：]?\s*$)/;
const META_LINE = /(发布时间|发布日期|发文日期|成文日期|来源[:：]|索引号|字号|字体|打印|分享|浏览|URL[:：]|https?:\/\/|首页)/;
const SENTENCE_END = /[。！？：；;:!?）)」”"]$/;
const LIST_START = /^(（[一二三四五六七八九十\d]+）|\([一二三四五六七八九十\d]+\)|[一二三四五六七八九十]+[是、]|\d+[.、．]|[-*•])/;

/** Text after a heading on the same line: "六、其他需要报告的事项：无。" → "无。". */
function headingRest(line: string): string | undefined {
  const m = /^\s*(?:#{1,6}\s*)?[一二三四五六][、.．，,]\s*[^：:。]*?(?:情况|事项|概述)\s*[：:]\s*(\S.*)$/.exec(line)
    ?? /^\s*(?:#{1,6}\s*)?[一二三四五六][、.．，,]\s*[^：:。\s]*?(?:情况|事项)\s+(\S.*)$/.exec(line);
  return m?.[1]?.trim() || undefined;
}

/** Lines → Markdown paragraphs; lines hard-wrapped by a page (long, no closing punctuation) are joined. */
export function toMarkdown(lines: readonly string[]): string {
  const paras: string[] = [];
  let cur = '';
  for (const raw of lines) {
    const line = raw.replace(/^\s*#{1,6}\s+/, '').replace(/[\u00a0\u3000]/g, ' ').trim();
    if (line === '') { if (cur) { paras.push(cur); cur = ''; } continue; }
    if (cur && cur.length >= 20 && !SENTENCE_END.test(cur) && !LIST_START.test(line)) cur += line;
    else { if (cur) paras.push(cur); cur = line; }
  }
  if (cur) paras.push(cur);
  return paras.join('\n\n');
}

function sectionLines(units: readonly Unit[], from: number, to: number): string[] {
  const lines: string[] = [];
  for (let i = from; i < to; i++) {
    const u = units[i]!;
    if (u.kind === 'line') lines.push(u.text);
    else lines.push(u.cells.map((c) => c.text.replace(/\n/g, ' ')).filter((t) => t.trim() !== '').join(' '), '');
  }
  return lines;
}

/** Sets `value` at a JSON pointer, creating objects on the way (insertion order = reading order). */
function setAt(root: Record<string, unknown>, pointer: string, value: unknown): void {
  const keys = pointer.slice(1).split('/');
  let o = root;
  for (const k of keys.slice(0, -1)) o = (o[k] ??= {}) as Record<string, unknown>;
  o[keys[keys.length - 1]!] = value;
}

function put(target: Record<string, unknown>, cells: readonly CellRead[]): void {
  for (const c of cells) if (c.value !== undefined) setAt(target, c.pointer, c.value);
}

function decideEdition(t2: readonly StreamCell[], t3: TableRead, otherHandlingRows: boolean, year: number | undefined, fullText: string): Edition {
  const tables2019 = regionHas(t2, MARKS_2019) || t3.groupWithValues.includes('/requests/outcomes/otherHandling');
  const tables2021 = regionHas(t2, MARKS_2021) || otherHandlingRows;
  if (tables2019) return '2019';
  if (tables2021) return '2021';
  if (year !== undefined) return year < 2019 ? 'pre-2019' : year < 2021 ? '2019' : '2021';
  if (MARKS_PRE2019.some((re) => re.test(fullText))) return 'pre-2019';
  if (/年度报告格式\s*[(（]\s*试行\s*[)）]/.test(fullText)) return '2019';
  if (/国办公开办函\s*[〔[【(（]\s*2021\s*[〕\]】)）]\s*30\s*号/.test(fullText)) return '2021';
  return 'unknown';
}

/** Reads one published report. */
export async function importReport(input: Uint8Array | string, options: ImportOptions = {}): Promise<ImportResult> {
  const filename = options.filename ?? '<input>';
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const kind = options.kind ?? sourceKind(filename, bytes);
  if (kind === 'binary') return { report: {}, gaps: [], edition: 'unknown', source: { filename, kind: 'text' }, refused: { reason: 'binary' } };
  let source: SourceInfo = { filename, kind };
  try {
    let units: Unit[];
    if (kind === 'docx') {
      let html: string;
      try {
        html = await docxToHtml(bytes);
      } catch (e) {
        if (e instanceof TooLarge) throw e;
        return { report: {}, gaps: [], edition: 'unknown', source, refused: { reason: 'binary' } };
      }
      units = extractHtml(html);
    } else if (kind === 'xlsx') {
      // exceljs is loaded only here, through ./xlsx.js.
      let read: import('./xlsx.js').XlsxRead;
      try {
        read = await (await import('./xlsx.js')).readXlsx(bytes);
      } catch (e) {
        if (e instanceof TooLarge) throw e;
        return { report: {}, gaps: [], edition: 'unknown', source, refused: { reason: 'binary' } };
      }
      return withFields(readUnits(extractHtml(read.html), source, options.currentYear ?? new Date().getFullYear()), read.fields, options.currentYear ?? new Date().getFullYear());
    } else if (kind === 'pdf') {
      // pdf.js is loaded only here: no other command pays for it.
      const read: PdfRead = await (await import('./pdf.js')).readPdf(bytes);
      if ('broken' in read) return { report: {}, gaps: [], edition: 'unknown', source, refused: { reason: 'pdf-broken' } };
      // No text layer: a scan (pictures only; nothing is read from them, no OCR), or text whose fonts give no characters.
      if (read.chars === 0) return { report: {}, gaps: [], edition: 'unknown', source, refused: { reason: read.images > 0 ? 'scanned' : 'pdf-no-text', pages: read.pages.length } };
      units = (await import('./pdf-layout.js')).documentUnits(read.pages);
    } else {
      const decoded = typeof input === 'string' ? { text: input, encoding: 'UTF-8' } : kind === 'html' ? decodeHtml(bytes) : decodeText(bytes);
      const text = decoded.text.replace(/^\ufeff/, '');
      source = { filename, kind, encoding: decoded.encoding };
      units = kind === 'html' ? extractHtml(text) : extractText(text);
    }
    return readUnits(units, source, options.currentYear ?? new Date().getFullYear());
  } catch (e) {
    // A bound crossed (text, cells, elements, a zip that inflates too far): refused, with the bound named.
    if (!(e instanceof TooLarge)) throw e;
    return { report: {}, gaps: [], edition: 'unknown', source, refused: { reason: 'too-large', limit: { what: e.what, value: e.limit, ...(e.entry !== undefined ? { entry: e.entry } : {}) } } };
  }
}

/**
 * A workbook's labelled fields, exactly as their cells hold them, over what
 * the page reading made of them (its gaps for them dropped). A year that is not
 * a year is a gap.
 */
function withFields(r: ImportResult, fields: ReadonlyMap<string, string>, currentYear: number): ImportResult {
  if (r.refused) return r;
  const report: Record<string, unknown> = { ...r.report };
  const gaps = [...r.gaps];
  const drop = (pointer: string) => { for (let i = gaps.length - 1; i >= 0; i--) if (gaps[i]!.pointer === pointer) gaps.splice(i, 1); };
  for (const [key, raw] of fields) {
    const value = raw.trim();
    if (value === '') continue;
    if (key === 'year') {
      drop('/year');
      if (/^\d{4}$/.test(value) && Number(value) >= 2008 && Number(value) <= currentYear + 1) report.year = Number(value);
      else { delete report.year; gaps.push({ pointer: '/year', reason: 'not-number', raw: value }); }
    } else if (key.startsWith('contact/')) {
      report.contact = { ...(report.contact as object | undefined), [key.slice(8)]: value };
    } else if (key === 'published') {
      if (/^\d{4}-\d{2}-\d{2}$/.test(value)) report.published = value;
    } else {
      drop(`/${key}`);
      report[key] = value;
    }
  }
  // The data model's order of keys, as the other importers give it.
  const order = ['format', 'agency', 'year', 'published', 'contact', 'preamble', ...SECTION_ORDER];
  const sorted = Object.fromEntries([...order.filter((k) => k in report).map((k) => [k, report[k]] as const), ...Object.entries(report).filter(([k]) => !order.includes(k))]);
  return { ...r, report: sorted, gaps };
}

/** The reading proper, on extracted units. */
export function readUnits(units: readonly Unit[], source: SourceInfo, currentYear: number): ImportResult {
  const headings = findHeadings(units);
  const [a2, b2] = region(units, headings, 'proactive');
  const [a3, b3] = region(units, headings, 'requests');
  const [a4, b4] = region(units, headings, 'reviewsAndLawsuits');
  const s2 = toStream(units.slice(a2, b2));
  const s3 = toStream(units.slice(a3, b3));
  const s4 = toStream(units.slice(a4, b4));
  let t2 = readRows(s2, TABLE2, { integerColumns: (k) => k !== 'amountTenThousandYuan' });
  let t3 = readRows(s3, TABLE3);
  const t4 = readTable4(s4, TABLE4);

  const first = headings[0];
  const overviewHeading = headings.find((h) => h.key === 'overview');
  const headEnd = overviewHeading ? overviewHeading.index : first ? first.index : Math.min(units.length, 40);
  const head: string[] = [];
  const metaLines: string[] = [];
  for (let i = 0; i < headEnd; i++) {
    const u = units[i]!;
    if (u.kind === 'line') { head.push(u.text); metaLines.push(u.text); continue; }
    // Metadata tables put 发布机构 and its value in neighbouring cells.
    const texts = u.cells.map((c) => c.text.trim().replace(/[:：]$/, ''));
    texts.forEach((t, k) => { if (k + 1 < texts.length) metaLines.push(`${t}：${texts[k + 1]}`); });
    if (texts.length === 1) metaLines.push(texts[0]!);
  }
  const allLines = units.map((u) => (u.kind === 'line' ? u.text : u.cells.map((c) => c.text).join(' ')));
  const fullText = allLines.join('\n');
  const [ao, bo] = overviewHeading ? region(units, headings, 'overview') : [0, 0];
  const body = [...metaLines, ...allLines.slice(ao, Math.min(bo, ao + 20))].filter((l) => l.trim() !== '').join('\n').slice(0, 20_000);
  const tail = allLines.filter((l) => l.trim() !== '').slice(-4);
  const meta = readMeta(metaLines, body, tail, currentYear);

  const otherHandlingRows = t3.cells.some((c) => c.pointer.startsWith('/requests/outcomes/otherHandling/'))
    || t3.gaps.some((g) => g.pointer.startsWith('/requests/outcomes/otherHandling/') && g.reason !== 'row-missing');
  const edition = decideEdition(s2, t3, otherHandlingRows, meta.year, fullText);
  const rowsFound = t2.rowsFound + t3.rowsFound + t4.rowsFound;
  if (edition === 'pre-2019') {
    return { report: {}, gaps: [], edition, source, refused: { reason: 'edition-pre-2019', ...(meta.year ? { year: meta.year } : {}) } };
  }
  // The 2019 trial edition, told by its tables: read again in its own rows (its table 二, （六） one row).
  const units2019 = new Map<string, string>();
  if (edition === '2019') {
    t2 = readRows(s2, TABLE2_2019, { integerColumns: (k) => k !== 'totalAmount', readCell: readCell2019(units2019) });
    t3 = readRows(s3, TABLE3_2019);
  }
  if (headings.length === 0 && rowsFound === 0) return { report: {}, gaps: [], edition, source, refused: { reason: 'not-a-report' } };

  const report: Record<string, unknown> = { format: edition === '2019' ? '2019' : '2021' };
  const gaps: Gap[] = [];
  if (meta.agency) report.agency = meta.agency;
  else gaps.push({ pointer: '/agency', reason: 'field-missing' });
  if (meta.year) report.year = meta.year;
  else gaps.push({ pointer: '/year', reason: 'field-missing' });
  if (meta.published) report.published = meta.published;

  const texts = new Map<SectionKey, string>();
  for (const key of ['overview', 'problems', 'other'] as const) {
    const h = headings.find((x) => x.key === key);
    if (!h) { gaps.push({ pointer: `/${key}`, reason: 'section-missing' }); continue; }
    const [from, to] = region(units, headings, key);
    let lines = sectionLines(units, from, to);
    // "六、其他需要报告的事项：无。" — the text may share the heading's line.
    const rest = headingRest(lineText(units[h.index]!) ?? '');
    if (rest) lines = [rest, '', ...lines];
    const stop = lines.findIndex((l) => FOOTER.test(l.trim()));
    if (stop >= 0) lines = lines.slice(0, stop);
    if (key === 'other') {
      // A closing signature (agency, date) is not part of the section.
      const filled = lines.map((l, i) => [l.trim(), i] as const).filter(([l]) => l !== '');
      let cut = lines.length;
      for (const [raw, i] of filled.slice(-3).reverse()) {
        // A Markdown hard break (a trailing "\\"; `raw` is trimmed, so no trailing spaces).
        const l = (raw.endsWith('\\') ? raw.slice(0, -1) : raw).trim();
        if (/^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$/.test(l) || l === meta.agency || /^([-*_]\s*){3,}$/.test(l)) cut = i;
        else break;
      }
      lines = lines.slice(0, cut);
    }
    const md = toMarkdown(lines);
    if (md === '') gaps.push({ pointer: `/${key}`, reason: 'section-missing' });
    else texts.set(key, md);
  }

  const contact = readContact([...head, ...allLines.slice(ao, Math.min(bo, ao + 20))].join('\n'));
  if (contact) report.contact = contact;
  const preambleLines = head.filter((l) => {
    const t = toSimplified(l.replace(/^\s*#+\s*/, '').trim());
    // Prose: a real sentence, not an index number, a menu or a date line.
    const hanzi = t.match(/[\u4e00-\u9fff]/g)?.length ?? 0;
    return t.length >= 20 && hanzi >= 10 && /[。，,；;：:]/.test(t) && !META_LINE.test(t) && !(/年度报告|年报/.test(t) && t.length <= 60 && !/[。，]/.test(t)) && !headingOf(t);
  });
  if (preambleLines.length) report.preamble = toMarkdown(preambleLines.flatMap((l) => [l, '']));
  if (texts.has('overview')) report.overview = texts.get('overview');

  const tables: [string, TableRead][] = [['/proactive', t2], ['/requests', t3], ['/reviewsAndLawsuits', t4]];
  const notes: Note[] = [];
  for (const [pointer, t] of tables) {
    if (t.cells.length === 0 && t.gaps.length === 0) { gaps.push({ pointer, reason: 'table-missing' }); continue; }
    put(report, t.cells);
    if (pointer === '/proactive') for (const [p, unit] of units2019) if (valueAtPointer(report, p.replace(/\/unit$/, '/totalAmount')) !== undefined) setAt(report, p, unit);
    gaps.push(...t.gaps);
    notes.push(...t.notes);
  }
  if (texts.has('problems')) report.problems = texts.get('problems');
  if (texts.has('other')) report.other = texts.get('other');
  return { report, gaps: sortGaps(gaps), ...(notes.length ? { notes } : {}), edition, source };
}

const ORDER = ['/agency', '/year', '/overview', '/proactive', '/requests', '/reviewsAndLawsuits', '/problems', '/other'];
function sortGaps(gaps: Gap[]): Gap[] {
  const rank = (p: string) => { const i = ORDER.findIndex((o) => p === o || p.startsWith(o + '/')); return i < 0 ? ORDER.length : i; };
  return gaps.map((g, i) => [g, i] as const).sort((x, y) => rank(x[0].pointer) - rank(y[0].pointer) || x[1] - y[1]).map(([g]) => g);
}
