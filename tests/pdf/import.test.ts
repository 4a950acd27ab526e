// PDFs made three ways from one data file (tests/fixtures/pdf/make-fixtures.mjs):
// Chromium's print of the rendered page, LibreOffice's PDF of it, and two
// written by hand (no ruling lines and a non-embedded Chinese font; ruled,
// with radical look-alikes in the text layer); each is imported and compared,
// cell by cell, with the data. A scan is refused.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { importReport } from '../../src/import/import.js';
import { MAX_PDF_LINES, readPdf } from '../../src/import/pdf.js';
import { refusalMessage } from '../../src/import/messages.js';
import { validateReport } from '../../src/check.js';
import { tableNumbers } from '../import/expected.js';

const FIX = join(import.meta.dirname, '..', 'fixtures', 'pdf');
const DATA = parse(readFileSync(join(FIX, 'report.yaml'), 'utf8')) as Record<string, unknown>;
const read = (name: string) => importReport(readFileSync(join(FIX, name)), { filename: name, currentYear: 2026 });
const squash = (s: unknown) => String(s).replace(/\s+/g, '');

const MADE = {
  'chromium.pdf': 'Chromium --print-to-pdf of report render --format html (ruled, merged cells, table 三 over a page break)',
  'libreoffice.pdf': 'LibreOffice of the same page (ruled; a row of table 三 cut by a page break, its header repeated)',
  'unruled.pdf': 'hand-written: no ruling lines, labels wrapped over two lines, STSong-Light not embedded',
  'ruled-lookalike.pdf': 'hand-written: ruled, table 三 over a page break, radicals ⼀ ⺠ in the text layer',
} as const;

describe('PDF import: every cell as in the data file', () => {
  const want = tableNumbers(DATA);
  it('the data has a distinct number in most cells (a shifted column shows)', () => {
    expect(want.size).toBe(200);
    expect(new Set(want.values()).size).toBeGreaterThan(120);
  });

  for (const [name, how] of Object.entries(MADE)) {
    it(`${name}: ${how}`, async () => {
      const r = await read(name);
      expect(r.refused).toBeUndefined();
      expect(r.source.kind).toBe('pdf');
      expect(r.edition).toBe('2021');
      expect(Object.fromEntries(tableNumbers(r.report))).toEqual(Object.fromEntries(want));
      expect(r.gaps).toEqual([]);
      expect(r.report.agency).toBe(DATA.agency);
      expect(r.report.year).toBe(DATA.year);
      expect(String(r.report.published)).toBe(String(DATA.published));
      // Text sections as printed, whitespace aside (a PDF does not keep spaces exactly).
      for (const k of ['overview', 'problems', 'other'] as const) {
        // Chromium with Noto fonts writes 戶 (U+6236) for 户: a different unified ideograph, left as printed.
        const got = name === 'chromium.pdf' ? squash(r.report[k]).replace(/戶/g, '户') : squash(r.report[k]);
        expect(got, k).toBe(squash(DATA[k]));
      }
      // What was read checks clean, as the data file does.
      expect(validateReport(r.report, { today: new Date('2026-06-01') }).filter((f) => f.severity === 'error')).toEqual([]);
    });
  }
});

describe('PDF pitfalls', () => {
  it('a non-embedded Chinese font (UniGB-UCS2-H) gives text only with the packaged CMaps', async () => {
    const bytes = readFileSync(join(FIX, 'unruled.pdf'));
    const without = await readPdf(bytes, { cMaps: false });
    const withMaps = await readPdf(bytes);
    if ('broken' in without || 'broken' in withMaps) throw new Error('unreadable fixture');
    expect(without.chars).toBe(0);
    expect(withMaps.chars).toBeGreaterThan(1000);
    const text = withMaps.pages[0]!.items.map((i) => i.str).join('');
    expect(text).toContain('武汉市汉阳区人民政府办公室');
  });

  it('radical look-alikes in the text layer (⼀ U+2F00, ⺠ U+2EA0) are read as 一 and 民', async () => {
    const r = await readPdf(readFileSync(join(FIX, 'ruled-lookalike.pdf')));
    if ('broken' in r) throw new Error('unreadable fixture');
    const raw = r.pages.flatMap((p) => p.items.map((i) => i.str)).join('');
    // pdf.js itself leaves the radicals supplement alone (⺠), and may or may not fold the Kangxi ones.
    expect(raw).toContain('\u2ea0');
    expect(raw).not.toContain('民');
    const imported = await read('ruled-lookalike.pdf');
    expect(imported.report.agency).toBe('武汉市汉阳区人民政府办公室');
    expect(JSON.stringify(imported.report)).not.toMatch(/[\u2e80-\u2fdf]/);
  });

  it('a scan (pictures, no text layer) is refused, saying so, with no OCR', async () => {
    const r = await read('scanned.pdf');
    expect(r.refused).toEqual({ reason: 'scanned', pages: 1 });
    expect(r.report).toEqual({});
    expect(refusalMessage(r, 'scanned.pdf', 'zh')).toMatch(/扫描件.*没有可读取的文字层.*OCR/);
    expect(refusalMessage(r, 'scanned.pdf', 'en')).toMatch(/scanned.*no text layer.*no OCR/);
  });

  it('text whose fonts give no characters is refused as such, not as a scan', async () => {
    // The CMap-less read of unruled.pdf: pages with text drawn but none readable.
    const r = await readPdf(readFileSync(join(FIX, 'unruled.pdf')), { cMaps: false });
    if ('broken' in r) throw new Error('unreadable fixture');
    expect(r.images).toBe(0);
    expect(r.chars).toBe(0);
  });

  it('a page drawing more lines than any report is refused, naming the bound, before the tables are looked for', async () => {
    const content = Array.from({ length: MAX_PDF_LINES + 1 }, (_, i) => `10 ${i % 800} m 500 ${i % 800} l S`).join('\n');
    const objs = [
      '<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
      `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    ];
    let pdf = '%PDF-1.7\n';
    const offsets = objs.map((o, i) => { const at = pdf.length; pdf += `${i + 1} 0 obj\n${o}\nendobj\n`; return at; });
    const xref = pdf.length;
    pdf += `xref\n0 5\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
    const r = await importReport(new TextEncoder().encode(pdf), { filename: 'lines.pdf' });
    expect(r.refused).toEqual({ reason: 'too-large', limit: { what: 'pdf-lines', value: MAX_PDF_LINES } });
    expect(refusalMessage(r, 'lines.pdf', 'zh')).toBe('lines.pdf 有一页画了超过 5000 条线（一页表格通常只有一千条左右）；未读取，未写出文件');
  });

  it('a damaged PDF is refused as one (recognised by its header, whatever its name)', async () => {
    const junk = new TextEncoder().encode('%PDF-1.7\nnot really\n');
    const r = await importReport(junk, { filename: 'upload.bin' });
    expect(r.source.kind).toBe('pdf');
    expect(r.refused?.reason).toBe('pdf-broken');
    expect(refusalMessage(r, 'upload.bin', 'zh')).toContain('无法作为 PDF 打开');
    const cut = readFileSync(join(FIX, 'unruled.pdf')).subarray(0, 3000);
    expect((await importReport(cut, { filename: 'cut.pdf' })).refused?.reason).toMatch(/^pdf-(broken|no-text)$/);
  });
});
