// The Excel workbook: what init writes (protection, validation, formulas, the
// check row), import reading it back by labels (the round trip, a workbook laid
// out otherwise, formulas computed, never cached), and LibreOffice's own
// recalculation of a changed workbook read back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateReport } from '../../src/check.js';
import { APPLICANT_COLUMN_KEYS, OUTCOME_ITEMS, REQUEST_LEAVES } from '../../src/model/edition2021.js';
import { buildWorkbook, CHECK_LABEL, INFO_SHEET, type WorkbookLayout } from '../../src/init/xlsx.js';
import { importReport } from '../../src/import/import.js';
import { Evaluator, Unsupported } from '../../src/import/xlsx-formula.js';
import { cli } from '../helpers/cli.js';
import { expectReadBack, reportArb, TODAY } from '../helpers/reports.js';
import { tableNumbers } from '../import/expected.js';
import { convert } from './office.js';

let tmp: string;
beforeAll(() => { tmp = mkdtempSync(join(tmpdir(), 'xxgk-xlsx-')); });
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const load = async (bytes: Uint8Array) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
};
const save = async (wb: ExcelJS.Workbook) => new Uint8Array(await wb.xlsx.writeBuffer());

/** Fills a blank workbook with a report's values, as a person would type them (totals left to their formulas). */
async function fill(bytes: Uint8Array, layout: WorkbookLayout, data: Record<string, unknown>): Promise<ExcelJS.Workbook> {
  const wb = await load(bytes);
  const at = (pointer: string): unknown => pointer.slice(1).split('/').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], data);
  for (const [pointer, place] of layout.inputs) {
    const v = at(pointer);
    const cell = wb.getWorksheet(place.sheet)!.getCell(place.address);
    cell.value = v === undefined ? null : (typeof v === 'number' ? v : String(v));
  }
  return wb;
}

describe('init --format xlsx: the workbook', () => {
  it('locks labels and totals, opens inputs with validation, totals are formulas, a ✓/✗ check row, protected without a password', async () => {
    const { bytes, layout } = await buildWorkbook({ agency: '示例市人民政府办公室', year: 2025 });
    const wb = await load(bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual([INFO_SHEET, '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况']);
    for (const ws of wb.worksheets) {
      const p = (ws as unknown as { sheetProtection?: { sheet?: boolean; password?: string; hashValue?: string } }).sheetProtection;
      expect(p?.sheet, ws.name).toBe(true);
      expect(p?.hashValue ?? p?.password, ws.name).toBeUndefined();
    }
    expect(layout.inputs.size).toBeGreaterThan(150);
    for (const [pointer, place] of layout.inputs) {
      const c = wb.getWorksheet(place.sheet)!.getCell(place.address);
      expect(c.protection?.locked, pointer).toBe(false);
      if (place.sheet === INFO_SHEET) continue;
      const fee = pointer.endsWith('/amountTenThousandYuan');
      expect(c.dataValidation, pointer).toMatchObject({ type: fee ? 'decimal' : 'whole', operator: 'greaterThanOrEqual', formulae: [0] });
    }
    // 三: the 总计 of each of its rows and （七）总计's other 6 cells; 四: the 总计 of its 3 groups.
    expect(layout.totals.size).toBe(REQUEST_LEAVES.length + 6 + 3);
    for (const [pointer, place] of layout.totals) {
      const c = wb.getWorksheet(place.sheet)!.getCell(place.address);
      expect(c.formula, pointer).toMatch(/^SUM\(/);
      expect(c.protection?.locked ?? true, pointer).toBe(true);
    }
    const sheet3 = wb.getWorksheet('三、收到和处理政府信息公开申请情况')!;
    expect(layout.checks.size).toBe(7);
    for (const place of layout.checks.values()) expect(sheet3.getCell(place.address).formula).toMatch(/^IF\(.*"✓","✗"\)$/);
    const checkRow = Number(/\d+/.exec([...layout.checks.values()][0]!.address)![0]);
    expect(sheet3.getCell(`A${checkRow}`).value).toBe(CHECK_LABEL);
    // Table 三's merged labels as the official form has them (the same view as HTML and Word).
    const merges = (sheet3.model as unknown as { merges: string[] }).merges;
    expect(merges).toContain('A2:C4'); // the note over the three header rows
    expect(merges.some((m) => /^A\d+:A\d+$/.test(m) && Number(m.split(':')[1]!.slice(1)) - Number(m.split(':')[0]!.slice(1)) + 1 === OUTCOME_ITEMS.length + 1)).toBe(true); // 三、本年度办理结果 over its items and （七）总计
  });

  it('report init --format xlsx writes it atomically; picks xlsx from the name; refuses standard output', () => {
    const out = join(tmp, '年报.xlsx');
    const r = cli(['init', '--format', 'xlsx', '--agency', '示例县人民政府', '--year', '2024', '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    const again = cli(['init', '--format', 'xlsx', '-o', out]);
    expect(again.code).toBe(2);
    const byName = join(tmp, 'b.xlsx');
    expect(cli(['init', '-o', byName]).code).toBe(0);
    expect(readFileSync(byName).subarray(0, 2).toString()).toBe('PK');
    const noOut = cli(['init', '--format', 'xlsx']);
    expect(noOut.code).toBe(2);
    expect(noOut.stdout).toBe('');
    expect(noOut.stderr).toContain('-o 文件.xlsx');
  });
});

describe('xlsx → import', () => {
  it('a filled workbook reads back every number, the agency, the year and the texts, with no gaps (8 runs)', async () => {
    const { bytes, layout } = await buildWorkbook({ year: 2025 });
    await fc.assert(fc.asyncProperty(reportArb, async (data) => {
      const filled = await save(await fill(bytes, layout, data));
      const r = await importReport(filled, { filename: 'report.xlsx', currentYear: 2026 });
      expect(r.source.kind).toBe('xlsx');
      expectReadBack(r, data, ['overview', 'problems', 'other']);
    }), { numRuns: 8 });
  });

  it('formulas are computed from their inputs: a saved result (stale, or 0) is never read', async () => {
    const data = fc.sample(reportArb, { numRuns: 1, seed: 3 })[0]!;
    const { bytes, layout } = await buildWorkbook({ year: 2025 });
    const wb = await fill(bytes, layout, data);
    for (const place of layout.totals.values()) {
      const c = wb.getWorksheet(place.sheet)!.getCell(place.address);
      c.value = { formula: c.formula, result: 0 } as ExcelJS.CellFormulaValue;
    }
    const r = await importReport(await save(wb), { filename: 'r.xlsx', currentYear: 2026 });
    const got = tableNumbers(r.report);
    const totals = [...layout.totals.keys()];
    const withTotals = validateReport(r.report, { today: TODAY }).filter((f) => f.severity === 'error');
    expect(withTotals).toEqual([]);
    // Every total was read (computed), and is not the saved 0 where its parts are not all 0.
    for (const p of totals) expect(got.has(p), p).toBe(true);
    expect(totals.some((p) => got.get(p)! > 0)).toBe(true);
  });

  it('a blank count cell, text in a count cell, and a formula it cannot compute are gaps, never a number', async () => {
    const data = fc.sample(reportArb, { numRuns: 1, seed: 4 })[0]!;
    const { bytes, layout } = await buildWorkbook({ year: 2025 });
    const wb = await fill(bytes, layout, data);
    const set = (p: string, v: ExcelJS.CellValue) => { const at = layout.inputs.get(p)!; wb.getWorksheet(at.sheet)!.getCell(at.address).value = v; };
    set('/requests/received/naturalPerson', null);
    set('/requests/received/commercial', '减4');
    const r = await importReport(await save(wb), { filename: 'r.xlsx', currentYear: 2026 });
    const gap = (p: string) => r.gaps.find((g) => g.pointer === p);
    expect(gap('/requests/received/naturalPerson')?.reason).toBe('blank');
    expect(gap('/requests/received/commercial')).toMatchObject({ reason: 'not-number', raw: '减4' });
    expect(gap('/requests/received/naturalPerson')).toBeDefined();
    const received = (r.report.requests as { received?: Record<string, unknown> } | undefined)?.received;
    expect(received?.naturalPerson).toBeUndefined();
    expect(received?.commercial).toBeUndefined();
    // A formula it cannot compute is shown as its text: never a number (not its saved 7), the cell is not read.
    const other = fc.sample(reportArb, { numRuns: 1, seed: 4 })[0]!;
    const wb2 = await fill(bytes, layout, other);
    const at = layout.inputs.get('/requests/carriedOver/research')!;
    wb2.getWorksheet(at.sheet)!.getCell(at.address).value = { formula: 'VLOOKUP(1,A1:B2,2)', result: 7 } as ExcelJS.CellFormulaValue;
    const r2 = await importReport(await save(wb2), { filename: 'r.xlsx', currentYear: 2026 });
    expect(r2.gaps.some((g) => g.pointer === '/requests/carriedOver' || g.pointer === '/requests/carriedOver/research')).toBe(true);
    expect((r2.report.requests as { carriedOver?: Record<string, unknown> } | undefined)?.carriedOver?.research).toBeUndefined();
  });

  it('a workbook of its own layout: tables found by their labels wherever they sit, on one sheet, rows in another order of columns left alone', async () => {
    const data = fc.sample(reportArb, { numRuns: 1, seed: 5 })[0]!;
    const { bytes, layout } = await buildWorkbook({ year: 2025 });
    const src = await fill(bytes, layout, data);
    // One sheet: a title, then each table two columns to the right and a few rows apart, values only (no formulas).
    const out = new ExcelJS.Workbook();
    const ws = out.addWorksheet('汇总');
    ws.getCell('C2').value = `${String(data.agency)}${String(data.year)}年政府信息公开工作年度报告`;
    let at = 4;
    for (const name of src.worksheets.slice(1).map((w) => w.name)) {
      const s = src.getWorksheet(name)!;
      const ev = new Evaluator((sheet, address) => {
        const c = src.getWorksheet(sheet)!.getCell(address);
        return c.formula ? { formula: c.formula } : (c.value as number | string | undefined) ?? undefined;
      });
      for (let r = 1; r <= s.rowCount; r++) {
        if (s.getCell(r, 1).value === CHECK_LABEL) continue;
        for (let c = 1; c <= s.columnCount; c++) {
          const cell = s.getCell(r, c);
          if (cell.isMerged && cell.master !== cell) continue;
          let v: unknown;
          try { v = ev.cell(name, cell.address); } catch (e) { if (!(e instanceof Unsupported)) throw e; }
          ws.getCell(at + r, c + 2).value = (v ?? null) as ExcelJS.CellValue;
        }
      }
      for (const m of (s.model as unknown as { merges: string[] }).merges) {
        const [a, b] = m.split(':').map((x) => /([A-Z]+)(\d+)/.exec(x)!);
        const col = (l: string) => l.charCodeAt(0) - 64;
        ws.mergeCells(at + Number(a![2]), col(a![1]!) + 2, at + Number(b![2]), col(b![1]!) + 2);
      }
      at += s.rowCount + 3;
    }
    ws.getCell(at, 3).value = '一、总体情况';
    ws.getCell(at, 4).value = data.overview as string;
    const r = await importReport(await save(out), { filename: 'own.xlsx', currentYear: 2026 });
    expect(r.refused).toBeUndefined();
    expect(r.report.agency).toBe(data.agency);
    expect(r.report.year).toBe(data.year);
    const got = tableNumbers(r.report);
    for (const [p, v] of tableNumbers(data)) expect(got.get(p), p).toBe(v);
    // Not in this workbook: the two texts, said as gaps.
    expect(r.gaps.map((g) => g.pointer).sort()).toEqual(['/other', '/problems']);
  });
});

describe('recalculated by LibreOffice (xlsx → xlsx)', () => {
  it('a changed cell: its totals and the check row follow, and import reads the same', async () => {
    const data = fc.sample(reportArb, { numRuns: 1, seed: 6 })[0]!;
    const { bytes, layout } = await buildWorkbook({ year: 2025 });
    const wb = await fill(bytes, layout, data);
    // One more new request from a natural person: 一 + 二 no longer equals 三（七）+ 四 in that column.
    const p = '/requests/received/naturalPerson';
    const at = layout.inputs.get(p)!;
    const cell = wb.getWorksheet(at.sheet)!.getCell(at.address);
    cell.value = (cell.value as number) + 1;
    const file = join(tmp, 'changed.xlsx');
    writeFileSync(file, await save(wb));
    const back = readFileSync(convert(file, 'xlsx:Calc MS Excel 2007 XML', tmp));
    const lo = await load(back);
    const shown = (place: { sheet: string; address: string }) => {
      const v = lo.getWorksheet(place.sheet)!.getCell(place.address).value as { result?: unknown } | number | string;
      return typeof v === 'object' && v !== null ? v.result : v;
    };
    expect(shown(layout.checks.get('naturalPerson')!)).toBe('✗');
    expect(shown(layout.checks.get('total')!)).toBe('✗');
    expect(shown(layout.checks.get(APPLICANT_COLUMN_KEYS[1]!)!)).toBe('✓');
    const received = (data.requests as { received: Record<string, number> }).received;
    const parts = APPLICANT_COLUMN_KEYS.reduce((n, k) => n + received[k]!, 0);
    expect(shown(layout.totals.get('/requests/received/total')!)).toBe(parts + 1);
    // The importer's own computation agrees with LibreOffice's, cell for cell.
    const r = await importReport(back, { filename: 'lo.xlsx', currentYear: 2026 });
    const got = tableNumbers(r.report);
    for (const [pointer, place] of layout.totals) expect(got.get(pointer), pointer).toBe(shown(place));
    expect(got.get(p)).toBe(received.naturalPerson! + 1);
    expect(validateReport(r.report, { today: TODAY }).map((f) => f.ruleId)).toContain('T3-BALANCE');
  }, 50_000);
});
