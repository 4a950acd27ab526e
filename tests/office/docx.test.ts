// render --format docx: the Word file's structure (XML), the round trip back
// through `report import`, the CLI, and the document as a person sees it
// (LibreOffice → PDF → pdftotext, PNGs of the pages kept in tests/artifacts/).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import JSZip from 'jszip';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkSource, validateReport } from '../../src/check.js';
import { renderDocx, DOCX_FONTS } from '../../src/render/docx.js';
import { reportView } from '../../src/render/index.js';
import { importReport } from '../../src/import/import.js';
import { cli, ROOT } from '../helpers/cli.js';
import { reportArb, TODAY } from '../helpers/reports.js';
import { tableNumbers } from '../import/expected.js';
import { ARTIFACTS, convert, pdfText } from './office.js';

const EXAMPLE = join(ROOT, 'examples/shizhi-2023.yaml');
const load = (f: string) => checkSource(readFileSync(f), { filename: f }).load.data as Record<string, unknown>;

let tmp: string;
beforeAll(() => { tmp = mkdtempSync(join(tmpdir(), 'xxgk-docx-')); });
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function documentXml(bytes: Uint8Array): Promise<{ doc: string; styles: string }> {
  const zip = await JSZip.loadAsync(bytes);
  return { doc: await zip.file('word/document.xml')!.async('string'), styles: await zip.file('word/styles.xml')!.async('string') };
}

const count = (s: string, re: RegExp) => (s.match(re) ?? []).length;

describe('docx structure', () => {
  it('A4 with the margins of GB/T 9704, the official fonts in every slot, the tables as the HTML view draws them', async () => {
    const data = load(EXAMPLE);
    const { doc, styles } = await documentXml(await renderDocx(data));
    // 210 × 297 mm; top 37 mm, left 28 mm, type area 156 mm wide.
    expect(doc).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(doc).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    for (const font of Object.values(DOCX_FONTS)) {
      expect(doc + styles).toContain(`w:ascii="${font}" w:cs="${font}" w:eastAsia="${font}" w:hAnsi="${font}"`);
    }
    expect(doc).toContain('<w:sz w:val="44"/>'); // the title in 22 pt
    expect(doc).toContain('<w:spacing w:line="560" w:lineRule="exact"/>'); // fixed 28 pt lines

    const view = reportView(data);
    const tables = doc.split('<w:tbl>').slice(1).map((t) => t.slice(0, t.indexOf('</w:tbl>')));
    const views = view.sections.flatMap((s) => s.tables);
    expect(tables).toHaveLength(3);
    tables.forEach((xml, i) => {
      const t = views[i]!;
      const cells = t.groups.flatMap((g) => g.rows.flatMap((r) => r.cells));
      const rows = t.groups.flatMap((g) => g.rows);
      // Every merge of the view, and no other.
      expect(count(xml, /<w:vMerge w:val="restart"\/>/g), t.id).toBe(cells.filter((c) => (c.rowspan ?? 1) > 1).length);
      expect(count(xml, /<w:vMerge(?: w:val="continue")?\/>/g), t.id).toBe(cells.reduce((n, c) => n + ((c.rowspan ?? 1) - 1), 0));
      expect(count(xml, /<w:gridSpan /g), t.id).toBe(cells.filter((c) => (c.colspan ?? 1) > 1).length
        // a continuation of a cell both wide and tall is wide too
        + cells.reduce((n, c) => n + ((c.colspan ?? 1) > 1 ? (c.rowspan ?? 1) - 1 : 0), 0));
      expect(count(xml, /<w:gridCol /g), t.id).toBe(t.columns);
      expect(xml).toContain('<w:tblLayout w:type="fixed"/>');
      expect(count(xml, /<w:cantSplit\/>/g), t.id).toBe(rows.length);
      expect(count(xml, /<w:tblHeader\/>/g), t.id).toBe(t.groups.filter((g) => g.head).reduce((n, g) => n + g.rows.length, 0));
    });
    // 三 as the official form has it: the note over 3 rows, 三、本年度办理结果 over its 20 rows.
    expect(tables[1]).toMatch(/<w:gridSpan w:val="3"\/><w:vMerge w:val="restart"\/>/);
    expect(count(tables[1]!, /<w:tblHeader\/>/g)).toBe(3);
    // 四: 行政复议 and the two kinds of 行政诉讼 over five columns each, 行政诉讼 over ten.
    expect(count(tables[2]!, /<w:gridSpan w:val="5"\/>/g)).toBe(3);
    expect(count(tables[2]!, /<w:gridSpan w:val="10"\/>/g)).toBe(1);
    // Headings stay with what follows them.
    expect(count(doc, /<w:pStyle w:val="Heading1"\/><w:keepNext\/>/g)).toBe(6);
  });

  it('--force marks the wrong cells and lists the findings', async () => {
    const data = load(EXAMPLE);
    const r = checkSource(readFileSync(EXAMPLE), { filename: EXAMPLE });
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const broken = structuredClone(data) as { requests: { received: Record<string, number> } };
    broken.requests.received.naturalPerson = 999;
    const findings = validateReport(broken, { today: TODAY }).filter((f) => f.severity === 'error');
    expect(findings.length).toBeGreaterThan(0);
    const { doc } = await documentXml(await renderDocx(broken, { findings }));
    expect(doc).toContain('本报告未通过检查');
    expect(doc).toContain('<w:color w:val="C00000"/>');
  });
});

describe('docx → import round trip', () => {
  it('every number, the agency, the year and the texts come back, with no gaps (10 runs)', async () => {
    await fc.assert(fc.asyncProperty(reportArb, async (data) => {
      const bytes = await renderDocx(data);
      const r = await importReport(bytes, { filename: 'report.docx', currentYear: 2026 });
      expect(r.refused).toBeUndefined();
      expect(r.gaps).toEqual([]);
      expect(r.report.agency).toBe(data.agency);
      expect(r.report.year).toBe(data.year);
      const got = tableNumbers(r.report);
      const want = tableNumbers(data);
      expect(want.size).toBeGreaterThan(50);
      for (const [p, v] of want) expect(got.get(p), p).toBe(v);
      expect(validateReport(r.report, { today: TODAY }).filter((f) => f.severity === 'error')).toEqual([]);
      for (const k of ['overview', 'problems', 'other'] as const) expect(r.report[k], k).toBe(data[k]);
    }), { numRuns: 10 });
  });
});

describe('report render --format docx', () => {
  it('writes the file atomically with -o; refuses standard output; picks docx from the extension; --out-dir', () => {
    const out = join(tmp, 'r.docx');
    const r = cli(['render', EXAMPLE, '--format', 'docx', '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    expect(readdirSync(tmp).filter((f) => f !== 'r.docx')).toEqual([]);
    const byExt = join(tmp, 'ext.docx');
    expect(cli(['render', EXAMPLE, '-o', byExt]).code).toBe(0);
    expect(readFileSync(byExt).subarray(0, 2).toString()).toBe('PK');
    const noOut = cli(['render', EXAMPLE, '--format', 'docx']);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('-o 文件.docx');
    expect(noOut.stdout).toBe('');
    const en = cli(['--lang', 'en', 'render', EXAMPLE, '--format', 'docx']);
    expect(en.stderr).toContain('use -o FILE.docx');
    const dir = join(tmp, 'many');
    const m = cli(['render', EXAMPLE, join(ROOT, 'examples/hanyang-2022.json'), '--format', 'docx', '--out-dir', dir]);
    expect(m.code, m.stderr).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['hanyang-2022.docx', 'shizhi-2023.docx']);
  });

  it('a report with errors is not written, and an existing file is left as it was', () => {
    const bad = join(tmp, 'bad.yaml');
    writeFileSync(bad, readFileSync(EXAMPLE, 'utf8').replace(/^year: \d+/m, 'year: 1999'));
    const out = join(tmp, 'keep.docx');
    writeFileSync(out, 'old');
    const r = cli(['render', bad, '--format', 'docx', '-o', out]);
    expect(r.code).toBe(1);
    expect(readFileSync(out, 'utf8')).toBe('old');
    expect(cli(['render', bad, '--format', 'docx', '-o', out, '--force']).code).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });
});

describe('the docx as a person sees it (LibreOffice → PDF)', () => {
  // A generated report (fixed seed), so that the numbers differ from cell to cell.
  const data = fc.sample(reportArb, { numRuns: 1, seed: 18 })[0]!;
  let pdf: ReturnType<typeof pdfText>;
  beforeAll(async () => {
    const file = join(tmp, 'generated.docx');
    writeFileSync(file, await renderDocx(data));
    pdf = pdfText(convert(file, 'pdf', tmp), join(ARTIFACTS, 'docx-generated'));
  }, 50_000);

  it('is A4, a few pages, with every label of the report in its text and every row of numbers in order', () => {
    expect(pdf.info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    const pages = Number(/Pages:\s+(\d+)/.exec(pdf.info)?.[1]);
    // Short generated texts: the three tables take most of it.
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(pages).toBeLessThanOrEqual(6);
    const view = reportView(data);
    // A label wrapped inside its narrow cell is read line by line across the row, interleaved with
    // its neighbours' lines: its characters come in order within one block of the PDF's text.
    const blocks = pdf.blocks.map((b) => b.replace(/\s+/g, ''));
    const inOrder = (b: string, t: string) => {
      let at = 0;
      for (const ch of t) { at = b.indexOf(ch, at); if (at < 0) return false; at++; }
      return true;
    };
    const has = (t: string) => blocks.some((b) => inOrder(b, t.replace(/\s+/g, '')));
    // A label over many rows may go on over a page break: its start in one block, the rest in a later one.
    const hasSplit = (t: string) => has(t) || [...t].some((_, k) => k > 0 && blocks.some((b, i) => inOrder(b, t.slice(0, k)) && blocks.slice(i + 1).some((c) => inOrder(c, t.slice(k)))));
    expect(has(view.title.slice(0, 10))).toBe(true);
    const missing: string[] = [];
    for (const s of view.sections) {
      if (!has(s.title)) missing.push(s.title);
      for (const t of s.tables) for (const g of t.groups) for (const r of g.rows) for (const c of r.cells) if (!(c.rowspan ? hasSplit : has)(c.text)) missing.push(`${t.id}: ${c.text}`);
    }
    expect(missing).toEqual([]);
    // Each row of numbers on one printed line, in the order of the columns.
    const lines = pdf.layout.split('\n');
    const rows = view.sections.flatMap((s) => s.tables).flatMap((t) => t.groups.filter((g) => !g.head).flatMap((g) => g.rows));
    const unseen = rows.map((r) => r.cells.filter((c) => !c.th).map((c) => c.text))
      .filter((nums) => nums.length > 1)
      .filter((nums) => !lines.some((l) => new RegExp(`(^|\\s)${nums.map((n) => n.replace('.', '\\.')).join('\\s+')}(\\s|$)`).test(l)));
    expect(unseen).toEqual([]);
    expect(existsSync(join(ARTIFACTS, 'docx-generated-1.png'))).toBe(true);
  });
});
