// The PDF layout on hand-made pages: cells closed by ruling lines become the
// grid the HTML reader gives for the same table (one table reader for HTML,
// Word and PDF), tables without lines are read by vertical bands, a table
// going on over a page break is one table, and look-alike characters are
// mapped by the committed Unicode table.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { documentUnits, pageUnits, type Page, type Segment, type TextItem } from '../../src/import/pdf-layout.js';
import { extractHtml, type Unit } from '../../src/import/extract.js';
import { IDEOGRAPH_TABLE, unifyIdeographs } from '../../src/import/pdf-ideographs.js';
import { importReport, readUnits } from '../../src/import/import.js';

const SIZE = 10;
/** A text item of `s` at (x, baseline y), one em per character. */
const t = (s: string, x: number, y: number): TextItem => ({ str: s, x, y, w: [...s].length * SIZE, size: SIZE });
const h = (y: number, a: number, b: number): Segment => ({ dir: 'h', at: y, a, b });
const v = (x: number, a: number, b: number): Segment => ({ dir: 'v', at: x, a, b });
/** Units as text: a line's text, a row's cells joined by tabs. */
const show = (units: readonly Unit[]) => units.map((u) => (u.kind === 'line' ? u.text : u.cells.map((c) => c.text).join('\t')));
const page = (items: TextItem[], segments: Segment[] = []): Page => ({ items, segments, height: 842 });

/** A ruled grid: column lines `xs`, row lines `ys` (top first); `skipV`/`skipH` leave out lines inside merged cells. */
function grid(xs: number[], ys: number[], skipV: [number, number][] = [], skipH: [number, number][] = []): Segment[] {
  const segs: Segment[] = [];
  // Each line is drawn cell by cell, as writers do, so pieces must be joined.
  for (let r = 0; r + 1 < ys.length; r++) {
    for (let c = 0; c < xs.length; c++) if (!skipV.some(([rr, cc]) => rr === r && cc === c)) segs.push(v(xs[c]!, ys[r + 1]!, ys[r]!));
  }
  for (let r = 0; r < ys.length; r++) {
    for (let c = 0; c + 1 < xs.length; c++) if (!skipH.some(([rr, cc]) => rr === r && cc === c)) segs.push(h(ys[r]!, xs[c]!, xs[c + 1]!));
  }
  return segs;
}

describe('ruled tables: the same grid as HTML', () => {
  it('a cell merged over two rows and one over two columns', () => {
    const xs = [50, 150, 200, 250], ys = [700, 680, 660, 640];
    // Row 0: A (two rows down) | B over two columns; row 1: c d; row 2: e f g.
    const segs = grid(xs, ys, [[0, 2]], [[1, 0]]);
    const items = [t('A', 60, 675), t('B', 160, 695), t('c', 160, 665), t('d', 210, 665), t('e', 60, 645), t('f', 160, 645), t('g', 210, 645)];
    const html = '<table><tr><td rowspan="2">A</td><td colspan="2">B</td></tr><tr><td>c</td><td>d</td></tr><tr><td>e</td><td>f</td><td>g</td></tr></table>';
    expect(pageUnits(page(items, segs))).toEqual(extractHtml(html));
  });

  it('property: any grid of merged cells reads as its HTML table does', () => {
    // A random table: each row a list of cells with column spans; a cell may reach down one row.
    const arb = fc.array(fc.array(fc.integer({ min: 1, max: 2 }), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 });
    fc.assert(fc.property(arb, (spans) => {
      // A PDF has only the columns some line draws: a last row of single cells draws them all.
      const widest = Math.max(...spans.map((r) => r.reduce((a, b) => a + b, 0)));
      const rows = [...spans, Array.from({ length: widest }, () => 1)];
      const width = Math.max(...rows.map((r) => r.reduce((a, b) => a + b, 0)));
      const xs = Array.from({ length: width + 1 }, (_, i) => 50 + i * 40);
      const ys = Array.from({ length: rows.length + 1 }, (_, i) => 700 - i * 20);
      const skipV: [number, number][] = [];
      const items: TextItem[] = [];
      let html = '<table>';
      let k = 0;
      rows.forEach((cells, r) => {
        html += '<tr>';
        let c = 0;
        for (const span of cells) {
          for (let j = 1; j < span; j++) skipV.push([r, c + j]);
          items.push(t(`x${k}`, xs[c]! + 4, ys[r]! - 15));
          html += `<td${span > 1 ? ` colspan="${span}"` : ''}>x${k++}</td>`;
          c += span;
        }
        // The row is closed by blank cells up to the grid's width, as a drawn grid is.
        for (; c < width; c++) html += '<td></td>';
        html += '</tr>';
      });
      html += '</table>';
      expect(pageUnits(page(items, grid(xs, ys, skipV)))).toEqual(extractHtml(html));
    }), { numRuns: 60 });
  });

  it('a run of text drawn across a column line is cut at its spaces', () => {
    const segs = grid([50, 100, 150], [700, 680]);
    const units = pageUnits(page([{ str: '1115 6421', x: 80, y: 685, w: 45, size: SIZE }], segs));
    expect(units).toEqual([{ kind: 'row', width: 2, cells: [{ text: '1115', col: 0, span: 1 }, { text: '6421', col: 1, span: 1 }] }]);
  });

  it('a cell of two lines keeps the break (digits in pieces are then not one number)', () => {
    const segs = grid([50, 100], [700, 670]);
    const units = pageUnits(page([t('5', 60, 688), t('6', 60, 676)], segs));
    expect(units).toEqual([{ kind: 'row', width: 1, cells: [{ text: '5\n6', col: 0, span: 1 }] }]);
  });
});

describe('tables without ruling lines', () => {
  it('a label wrapped over two lines joins the row that prints the values (above or below it)', () => {
    const items = [
      t('甲乙丙', 50, 700), t('1', 300, 700), t('2', 350, 700),
      t('丁戊', 50, 689),
      t('己', 50, 660),
      t('庚辛', 50, 649), t('3', 300, 649), t('4', 350, 649),
    ];
    expect(pageUnits(page(items))).toEqual([
      { kind: 'row', width: 4, cells: [{ text: '甲乙丙', col: 0, span: 1 }, { text: '丁戊', col: 1, span: 1 }, { text: '1', col: 2, span: 1 }, { text: '2', col: 3, span: 1 }] },
      { kind: 'row', width: 4, cells: [{ text: '己', col: 0, span: 1 }, { text: '庚辛', col: 1, span: 1 }, { text: '3', col: 2, span: 1 }, { text: '4', col: 3, span: 1 }] },
    ]);
  });

  it('columns are anchored on the values printed over one another and on the header: a blank cell keeps its place', () => {
    const items = [
      t('项目', 50, 720), t('甲栏', 200, 720), t('乙栏', 250, 720), t('丙栏', 300, 720),
      // Numbers right-aligned in their columns; the second row prints nothing under 乙栏, no row under 丙栏.
      t('第一行', 50, 700), t('12', 210, 700), t('7', 270, 700),
      t('第二行', 50, 680), t('345', 200, 680),
    ];
    const rows = pageUnits(page(items)).filter((u) => u.kind === 'row').map((u) => u.kind === 'row' ? u.cells.map((c) => c.text) : []);
    expect(rows).toEqual([['第一行', '12', '7', ''], ['第二行', '345', '', '']]);
  });

  it('two values over one column, or columns that run into each other: no grid, the values stay as printed', () => {
    const twoInOne = [t('甲', 50, 700), t('1', 200, 700), t('2', 240, 700), t('乙', 50, 680), t('33333', 195, 680)];
    expect(show(pageUnits(page(twoInOne)))).toEqual(['甲\t1\t2', '乙\t33333']);
  });

  it('a line as near to two rows stays a line of its own (no guess)', () => {
    const items = [t('甲', 50, 700), t('1', 300, 700), t('乙', 50, 688), t('丙', 50, 676), t('2', 300, 676)];
    expect(show(pageUnits(page(items)))).toEqual(['甲\t1', '乙', '丙\t2']);
  });

  it('a wrapped paragraph and a title split over two lines are one line; a signature stays two', () => {
    const items = [
      t('某某市某某区人民政府办公室2022年政府信息', 50, 800), t('公开工作年度报告', 125, 785),
      t('根据条例规定，现将本机关二〇二二年度的政府信', 50, 760), t('息公开情况报告如下：', 50, 745),
      t('某某区人民政府办公室', 180, 700), t('2023年1月19日', 180, 685),
    ];
    expect(pageUnits(page(items)).map((u) => (u.kind === 'line' ? u.text : ''))).toEqual([
      '某某市某某区人民政府办公室2022年政府信息公开工作年度报告',
      '根据条例规定，现将本机关二〇二二年度的政府信息公开情况报告如下：',
      '某某区人民政府办公室',
      '2023年1月19日',
    ]);
  });

  it('page numbers at the top or bottom of a page are not text', () => {
    const items = [t('正文一行', 50, 700), t('- 3 -', 280, 30)];
    expect(pageUnits(page(items))).toEqual([{ kind: 'line', text: '正文一行' }]);
  });
});

describe('a table over a page break', () => {
  const xs = [50, 150, 200];
  const header = (y: number) => [t('项目', 60, y - 15), t('数量', 160, y - 15)];
  it('is one table: the repeated header is left out, a row cut by the break is joined', () => {
    const p1 = page([...header(700), t('第一行', 60, 665), t('7', 160, 665), t('第二行前', 60, 645), t('8', 160, 645)], grid(xs, [700, 680, 660, 640]));
    const p2 = page([...header(800), t('半部分', 60, 765)], grid(xs, [800, 780, 760]));
    const units = documentUnits([p1, p2]);
    expect(units.map((u) => (u.kind === 'row' ? u.cells.map((c) => c.text) : u.text))).toEqual([
      ['项目', '数量'], ['第一行', '7'], ['第二行前\n半部分', '8'],
    ]);
  });

  it('pages that do not go on with a table are kept apart by a blank line', () => {
    const units = documentUnits([page([t('第一页', 50, 700)]), page([t('第二页', 50, 700)])]);
    expect(units).toEqual([{ kind: 'line', text: '第一页' }, { kind: 'line', text: '' }, { kind: 'line', text: '第二页' }]);
  });
});

describe('look-alike characters', () => {
  it('the committed table comes from Unicode data, with its provenance', () => {
    expect(IDEOGRAPH_TABLE.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(IDEOGRAPH_TABLE.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(IDEOGRAPH_TABLE.size).toBeGreaterThan(300);
  });

  it('radicals and strokes → unified ideographs; compatibility ideographs → their canonical form; other text as is', () => {
    expect(unifyIdeographs('⼀、本年新收 人⺠政府')).toBe('一、本年新收 人民政府');
    // Lines of EquivalentUnifiedIdeograph.txt: 2F08 ; 4EBA, 2E8F ; 5C23, 2E9F ; 6BCD; U+31C0 (a stroke) has no equivalent there.
    expect(unifyIdeographs('\u2f08\u2e8f\u2e9f\u31c0')).toBe('\u4eba\u5c23\u6bcd\u31c0');
    expect(unifyIdeographs('\uf900\ufa10')).toBe('\u8c48\u585a');
    fc.assert(fc.property(fc.string(), (s) => {
      const out = unifyIdeographs(s);
      // Nothing outside the look-alike blocks changes, and no radical is left that has an equivalent.
      expect(out.replace(/[\u4e00-\u9fff\u3400-\u4dbf\u{20000}-\u{3134f}]/gu, '').length).toBeLessThanOrEqual(s.length);
      if (!/[\u2e80-\u2fdf\u31c0-\u31ef\uf900-\ufaff]/u.test(s)) expect(out).toBe(s);
    }));
  });

  it('a row label in radicals is still the official label', () => {
    const units = pageUnits(page([t('⼀、本年新收政府信息公开申请数量', 50, 700)]));
    expect(units).toEqual([{ kind: 'line', text: '一、本年新收政府信息公开申请数量' }]);
  });
});

describe('the importer on PDF units', () => {
  it('an unreadable cell is a gap, never a number', async () => {
    // Positioned text of table 四's value row, one cell printed as two numbers on two lines.
    const values = Array.from({ length: 15 }, (_, i) => String(i + 1));
    const xs = Array.from({ length: 16 }, (_, i) => 50 + i * 30);
    const items = [t('四、政府信息公开行政复议、行政诉讼情况', 50, 760), ...values.map((s, i) => t(i === 3 ? '' : s, xs[i]! + 4, 715)), t('4', xs[3]! + 4, 718), t('5', xs[3]! + 4, 706)];
    const units = documentUnits([page(items, grid(xs, [730, 700]))]);
    const r = readUnits(units, { filename: 'x.pdf', kind: 'pdf' }, 2026);
    expect(r.gaps.find((g) => g.pointer === '/reviewsAndLawsuits/review/pending')).toMatchObject({ reason: 'split-number', raw: '4↵5' });
    expect((r.report.reviewsAndLawsuits as Record<string, Record<string, number>>).review!.upheld).toBe(1);
    expect(await importReport(new Uint8Array(0), { filename: 'empty.pdf' })).toMatchObject({ refused: { reason: 'pdf-broken' } });
  });

  it('a blank cell of a table without ruling lines is a blank gap in its own column, the others read', () => {
    const heads = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];
    const x = (k: number) => 250 + k * 45;
    const items = [
      t('三、收到和处理政府信息公开申请情况', 50, 760),
      ...heads.map((hd, k) => ({ ...t(hd, x(k), 740), size: 6, w: [...hd].length * 6 })),
      t('一、本年新收政府信息', 50, 720),
      // Right-aligned numbers; nothing printed under 科研机构.
      ...['30', '5', '', '4', '2', '1', '42'].flatMap((n, k) => (n ? [t(n, x(k) + 30 - n.length * SIZE, 720)] : [])),
      t('公开申请数量', 50, 709),
    ];
    const r = readUnits(documentUnits([page(items)]), { filename: 'x.pdf', kind: 'pdf' }, 2026);
    expect((r.report.requests as Record<string, unknown>).received).toEqual({ naturalPerson: 30, commercial: 5, socialWelfare: 4, legalService: 2, otherOrg: 1, total: 42 });
    expect(r.gaps.filter((g) => g.pointer.startsWith('/requests/received'))).toEqual([{ pointer: '/requests/received/research', reason: 'blank' }]);
  });
});
