// `import` on hostile input ends in seconds with a clear message and exit 2,
// under 200 MB: zip bombs however the archive is laid out, table grids that
// multiply out, and megabytes of text. Each runs the built bin in a child
// process that reports its own peak memory; the time bound (20 s) only
// catches a runaway (each takes about a second). In-process tests count the
// work: a refusal comes from a bound crossed, before the work is done.
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { importReport } from '../../src/import/import.js';
import { MAX_CELLS, MAX_TEXT_CHARS, TooLarge } from '../../src/import/limits.js';
import { extractHtml } from '../../src/import/extract.js';
import { readZip } from '../../src/import/zip.js';
import { ROOT } from '../helpers/cli.js';
import { measure } from './measure.js';
import { makeZip } from './zip.js';

const MB = 1024 * 1024;
const BOUND = { ms: 20_000, rssMb: 200 };
const FIXTURE_DOCX = readFileSync(join(ROOT, 'tests', 'fixtures', 'import', 'docx', 'report.docx'));
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const TYPES = { name: '[Content_Types].xml', data: Buffer.from('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>') };

/** A stored (uncompressed) zip entry: makeZip deflates, so its method and sizes are rewritten. */
function storedZip(name: string, data: Buffer): Buffer {
  const zip = makeZip([{ name, data: Buffer.alloc(0) }]);
  const n = Buffer.byteLength(name);
  const local = zip.subarray(0, 30 + n);
  const rest = zip.subarray(30 + n + deflateRawSync(Buffer.alloc(0)).length);
  const out = Buffer.concat([local, data, rest]);
  out.writeUInt16LE(0, 8); out.writeUInt32LE(data.length, 18); out.writeUInt32LE(data.length, 22);
  const cd = 30 + n + data.length;
  out.writeUInt16LE(0, cd + 10); out.writeUInt32LE(data.length, cd + 20); out.writeUInt32LE(data.length, cd + 24);
  out.writeUInt32LE(cd, out.length - 6);
  return out;
}

let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'xxgk-import-limits-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function refused(file: string, bytes: Buffer | string, message: string): Promise<void> {
  writeFileSync(join(dir, file), bytes);
  const r = await measure(['import', file], { cwd: dir, timeout: BOUND.ms });
  expect(r.code, file).toBe(2);
  expect(r.stderr.trim(), file).toBe(`report: ${file} ${message}`);
  expect(r.stdout, file).toBe('');
  expect(r.maxRssMb, `${file}: peak memory`).toBeLessThan(BOUND.rssMb);
}

describe('a .docx that inflates too far, however the archive is laid out', () => {
  const bomb = () => makeZip([TYPES, { name: 'word/document.xml', zeros: 400 * MB }]);
  const entry = (name: string) => `中的 ${name} 解压后超过 16 MB（一份年度报告只有几 MB），可能是压缩炸弹；未读取，未写出文件`;
  const cases: [string, () => Buffer, string][] = [
    ['1,000 zero bytes before the zip (the offsets it records then point short)', () => Buffer.concat([Buffer.alloc(1000), bomb()]), entry('word/document.xml')],
    ['a stub before the zip and lying sizes in its directory', () => Buffer.concat([Buffer.from('MZ'.padEnd(4096, '\0')), makeZip([TYPES, { name: 'word/document.xml', zeros: 400 * MB, lieSize: 1000 }])]), entry('word/document.xml')],
    ['bytes after the zip', () => Buffer.concat([bomb(), Buffer.alloc(5000, 7)]), entry('word/document.xml')],
    ['20 entries of 10 MB each (each under the entry cap)', () => makeZip([TYPES, ...Array.from({ length: 20 }, (_, i) => ({ name: `word/part${i}.xml`, zeros: 10 * MB }))]),
      '的文字和表格部分解压后超过 32 MB（一份年度报告只有几 MB），可能是压缩炸弹；未读取，未写出文件'],
    ['an entry stored without compression, 17 MB', () => storedZip('word/document.xml', Buffer.alloc(17 * MB, 0x20)), entry('word/document.xml')],
    ['10,001 entries', () => makeZip(Array.from({ length: 10_001 }, (_, i) => ({ name: `word/p${i}.xml`, data: Buffer.from('<a/>') }))),
      '的压缩包超过 10000 个文件，或为 ZIP64 格式（一份 .docx 只有几十个文件）；未读取，未写出文件'],
    ['valid XML of 2,000,000 empty paragraphs (18 KB zipped)', () => makeZip([TYPES, { name: 'word/document.xml', data: Buffer.from(`<w:document xmlns:w="${W}"><w:body>${'<w:p/>'.repeat(2_000_000)}</w:body></w:document>`) }]),
      '的文档结构超过 40000 个 XML 元素（一份年度报告的 Word 文件通常只有几千个）；未读取，未写出文件'],
  ];
  for (const [name, make, message] of cases) {
    it(name, async () => { await refused('bomb.docx', make(), message); });
  }

  it('reads the central directory wherever the archive sits: the fixture with bytes before and after reads the same', async () => {
    const want = await importReport(new Uint8Array(FIXTURE_DOCX), { filename: 'r.docx', currentYear: 2026 });
    expect(want.gaps).toEqual([]);
    for (const bytes of [Buffer.concat([Buffer.alloc(1000), FIXTURE_DOCX]), Buffer.concat([FIXTURE_DOCX, Buffer.alloc(300, 1)])]) {
      const r = await importReport(new Uint8Array(bytes), { filename: 'r.docx', currentYear: 2026 });
      expect(r.report).toEqual(want.report);
    }
  });

  it('inflates no more than the cap, whatever the directory declares', () => {
    const zip = makeZip([{ name: 'a.xml', zeros: 1001, lieSize: 10 }, { name: 'b.xml', zeros: 600 }]);
    expect(readZip(zip, () => true, { entry: 1000, total: 5000, entries: 10 })).toEqual({ refused: { why: 'too-large', what: 'zip-entry', limit: 1000, entry: 'a.xml' } });
    expect(readZip(zip, (n) => n === 'b.xml', { entry: 1000, total: 500, entries: 10 })).toEqual({ refused: { why: 'too-large', what: 'zip', limit: 500 } });
    const ok = readZip(zip, () => true, { entry: 1001, total: 1601, entries: 10 });
    expect('files' in ok && [...ok.files].map(([n, d]) => [n, d.length])).toEqual([['a.xml', 1001], ['b.xml', 600]]);
    // Pictures are not inflated at all.
    const pics = makeZip([{ name: 'word/media/image1.png', zeros: 100 * MB }, { name: 'word/document.xml', data: Buffer.from('<x/>') }]);
    const read = readZip(pics, (n) => n.endsWith('.xml'));
    expect('files' in read && [...read.files.keys()]).toEqual(['word/document.xml']);
  });
});

describe('a table grid that multiplies out', () => {
  const grid = (rows: number) => `<table>${`<tr>${'<td colspan=50 rowspan=200>0</td>'.repeat(60)}</tr>`.repeat(rows)}</table>`;
  const message = '中的表格超过 50000 个单元格（含按表格读取的文字行与数字；一份年度报告的表格只有几百个单元格）；未读取，未写出文件';

  it('60 cells of colspan 50 × rowspan 200 per row, 200 rows (400 KB; took 15 s and 2.5 GB)', async () => {
    await refused('grid.html', grid(200), message);
  });
  it('the same, 1,000 rows (2 MB; crashed)', async () => {
    await refused('grid.html', grid(1000), message);
  });
  it('one table of 1,000 merged cells, inside the count of cells but not of grid positions', async () => {
    await refused('grid.html', `<table>${'<tr><td colspan=50 rowspan=200>0</td></tr>'.repeat(1000)}</table>`, message);
  });
  it('60,000 cells in 600 small tables', async () => {
    await refused('grid.html', `<table><tr>${'<td>0</td>'.repeat(100)}</tr></table>`.repeat(600), message);
  });

  it('refuses at the count of grid positions, taken before the grid is built', () => {
    // 5 rows × one cell spanning 50 columns and all 5 rows below it: 250 positions of a table with 5 <td>.
    const table = (n: number) => `<table>${`<tr><td colspan=50 rowspan=${n}>0</td></tr>`.repeat(n)}</table>`;
    expect(() => extractHtml(table(31))).not.toThrow(); // Σ 50 × (31 − r) = 24,800 positions
    let thrown: unknown;
    try { extractHtml(table(45)); } catch (e) { thrown = e; } // 51,750 positions
    expect(thrown).toBeInstanceOf(TooLarge);
    expect(thrown).toMatchObject({ what: 'cells', limit: MAX_CELLS });
  });
});

describe('megabytes of text', () => {
  const message = (what: 'text' | 'cells') => what === 'text'
    ? '的文字超过 1000000 个字符（一份年度报告通常只有几万字）；未读取，未写出文件'
    : '中的表格超过 50000 个单元格（含按表格读取的文字行与数字；一份年度报告的表格只有几百个单元格）；未读取，未写出文件';
  const tsv = (bytes: number) => '12\t34\t5\t67\t8\t90\t1\n'.repeat(Math.ceil(bytes / 20));

  it('2.4 MB of tab-separated numbers (took 10 s)', async () => { await refused('t.txt', tsv(2.4 * MB), message('text')); });
  it('8 MB of them (ran past a minute)', async () => { await refused('t.txt', tsv(8 * MB), message('text')); });
  it('just under the text bound: 990,000 characters of tab-separated numbers', async () => { await refused('t.txt', tsv(990_000), message('cells')); });

  // Shapes just under the text bound that took minutes (or longer) through a pattern that backtracked.
  const N = 990_000;
  const shapes: [string, string, number][] = [
    ['one line: "|" and 990,000 letters', `|${'a'.repeat(N)}`, 2],
    ['a section 六 whose line holds 990,000 spaces', `六、其他需要报告的事项\na${' '.repeat(N)}b\n`, 1],
    ['990,000 blank lines', '\n'.repeat(N), 2],
    ['a line of "(" before a value', `二、主动公开政府信息情况\n${'('.repeat(N)}\t1\n`, 1],
    ['pipes, each line "| 12 | 34 | 5 |"', '| 12 | 34 | 5 |\n'.repeat(N / 16), 2],
  ];
  for (const [name, text, code] of shapes) {
    it(`${name}: ends in bounded time and memory`, async () => {
      expect(text.length).toBeLessThanOrEqual(MAX_TEXT_CHARS);
      writeFileSync(join(dir, 's.txt'), text);
      const r = await measure(['import', 's.txt', '--format', 'json'], { cwd: dir, timeout: BOUND.ms });
      expect(r.code).toBe(code);
      expect(r.stderr).not.toMatch(/\n\s+at |Error:/);
      expect(r.maxRssMb).toBeLessThan(BOUND.rssMb);
    });
  }

  it('refuses text past the bound before splitting it into lines', async () => {
    const r = await importReport('0\n'.repeat(MAX_TEXT_CHARS / 2 + 1), { filename: 't.txt' });
    expect(r.refused).toEqual({ reason: 'too-large', limit: { what: 'text', value: MAX_TEXT_CHARS } });
  });
});
