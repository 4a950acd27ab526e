// `report init --format xlsx`: a workbook to fill in. The three tables are laid
// out from the HTML renderer's view (../render/view.ts), merged cells and all,
// one sheet each; a first sheet holds the agency, year, dates and the texts.
// Labels and totals are locked (sheet protection without a password), the
// count cells open with whole-number ≥ 0 validation, totals are formulas, and a
// check row under table 三 shows ✓ or ✗ for 一 + 二 = 三（七）+ 四. Pure: the
// workbook comes back as bytes; exceljs is loaded only here.
import type ExcelJSType from 'exceljs';
import { OUTCOME_ITEMS, SECTIONS, TOP_FIELDS } from '../model/edition2021.js';
import { isTotalCell, OUTCOME_TOTAL_ROW, totalParts } from '../model/values.js';
import { buildView, placeCells, type TableView } from '../render/view.js';

export interface WorkbookOptions {
  readonly agency?: string;
  readonly year: number;
}

/** The first sheet: one labelled value per row. */
export const INFO_SHEET = '基本信息与文字';
/** The label of the check row under table 三. */
export const CHECK_LABEL = '核对：一 + 二 = 三（七）+ 四';

/** Rows of the first sheet: the label shown, and the field it holds. */
export const INFO_ROWS: readonly { readonly label: string; readonly key: string }[] = [
  { label: TOP_FIELDS.agency.zh, key: 'agency' },
  { label: TOP_FIELDS.year.zh, key: 'year' },
  { label: TOP_FIELDS.published.zh, key: 'published' },
  { label: TOP_FIELDS.office.zh, key: 'contact/office' },
  { label: TOP_FIELDS.address.zh, key: 'contact/address' },
  { label: TOP_FIELDS.phone.zh, key: 'contact/phone' },
  { label: SECTIONS.preamble.zh, key: 'preamble' },
  { label: SECTIONS.overview.zh, key: 'overview' },
  { label: SECTIONS.problems.zh, key: 'problems' },
  { label: SECTIONS.other.zh, key: 'other' },
];

/** Where the workbook keeps each input: JSON pointer (a table cell or /agency, /contact/phone, …) → sheet and address. */
export interface WorkbookLayout {
  readonly inputs: ReadonlyMap<string, { readonly sheet: string; readonly address: string }>;
  /** Total cells (formulas), by pointer. */
  readonly totals: ReadonlyMap<string, { readonly sheet: string; readonly address: string }>;
  /** The check row's cells under table 三, by column key. */
  readonly checks: ReadonlyMap<string, { readonly sheet: string; readonly address: string }>;
}

const colName = (c: number): string => {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};
const addr = (row: number, col: number) => `${colName(col)}${row + 1}`;

const THIN = { style: 'thin' } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN } as const;
const FONT = { name: '仿宋_GB2312', size: 11 } as const;

interface Placed { readonly sheet: string; readonly address: string }

/** Builds the blank workbook; also returns where every input, total and check sits. */
export async function buildWorkbook(o: WorkbookOptions): Promise<{ bytes: Uint8Array; layout: WorkbookLayout }> {
  const ExcelJS = ((await import('exceljs')) as unknown as { default: typeof ExcelJSType }).default;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'xxgk-report';
  const inputs = new Map<string, Placed>();
  const totals = new Map<string, Placed>();
  const checks = new Map<string, Placed>();
  const view = buildView({ format: '2021', agency: o.agency ?? '', year: o.year });

  // ── the first sheet ──
  const info = wb.addWorksheet(INFO_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  info.columns = [{ width: 24 }, { width: 90 }];
  info.getCell('A1').value = `${o.agency ?? ''}${o.year}年政府信息公开工作年度报告（填报表）`;
  info.mergeCells('A1:B1');
  info.getCell('A1').font = { ...FONT, size: 16, bold: true };
  INFO_ROWS.forEach((r, i) => {
    const row = i + 2;
    const label = info.getCell(`A${row}`);
    label.value = r.label;
    label.font = { ...FONT, bold: true };
    label.alignment = { vertical: 'top' };
    const cell = info.getCell(`B${row}`);
    if (r.key === 'agency' && o.agency) cell.value = o.agency;
    if (r.key === 'year') {
      cell.value = o.year;
      cell.dataValidation = { type: 'whole', operator: 'between', allowBlank: false, formulae: [2008, 9999], showErrorMessage: true, errorTitle: '报告年度', error: '请填写四位年份（2008 年以后）' };
    }
    if (r.key === 'published') {
      cell.numFmt = '@';
      cell.note = '格式：YYYY-MM-DD，如 2025-01-20';
    }
    if (r.key === 'contact/phone') cell.numFmt = '@';
    cell.protection = { locked: false };
    cell.alignment = { wrapText: true, vertical: 'top' };
    cell.font = FONT;
    if (/^(preamble|overview|problems|other)$/.test(r.key)) info.getRow(row).height = 120;
    inputs.set(`/${r.key}`, { sheet: INFO_SHEET, address: `B${row}` });
  });

  // ── the three tables ──
  for (const s of view.sections) {
    for (const t of s.tables) {
      const ws = wb.addWorksheet(s.title, { pageSetup: { paperSize: 9, orientation: t.id === 'table-proactive' ? 'portrait' : 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
      table(ws, s.title, t, inputs, totals, checks);
    }
  }

  // Formulas once every address is known.
  for (const [pointer, at] of totals) {
    const row = pointer.slice(0, pointer.lastIndexOf('/'));
    const column = pointer.slice(pointer.lastIndexOf('/') + 1);
    const parts = row === OUTCOME_TOTAL_ROW
      ? OUTCOME_ITEMS.map((i) => `${i.pointer}/${column}`)
      : (totalParts(row) ?? []).map((c) => `${row}/${c}`);
    const refs = parts.map((p) => (inputs.get(p) ?? totals.get(p))?.address).filter((a): a is string => a !== undefined);
    wb.getWorksheet(at.sheet)!.getCell(at.address).value = { formula: refs.length ? `SUM(${refs.join(',')})` : '0' } as ExcelJSType.CellFormulaValue;
  }
  for (const [column, at] of checks) {
    const a = (p: string) => (inputs.get(p) ?? totals.get(p))!.address;
    const ws = wb.getWorksheet(at.sheet)!;
    ws.getCell(at.address).value = {
      formula: `IF(${a(`/requests/received/${column}`)}+${a(`/requests/carriedOver/${column}`)}=${a(`${OUTCOME_TOTAL_ROW}/${column}`)}+${a(`/requests/carriedForward/${column}`)},"✓","✗")`,
    } as ExcelJSType.CellFormulaValue;
  }

  for (const ws of wb.worksheets) await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  return { bytes, layout: { inputs, totals, checks } };
}

/** One table on its own sheet: a title row, then the view's grid cell for cell. */
function table(ws: ExcelJSType.Worksheet, title: string, t: TableView, inputs: Map<string, Placed>, totals: Map<string, Placed>, checks: Map<string, Placed>): void {
  const top = 2; // row 1: the title
  ws.getCell('A1').value = title;
  ws.mergeCells(1, 1, 1, t.columns);
  ws.getCell('A1').font = { ...FONT, size: 14, bold: true };
  const labelCols = t.id === 'table-requests' ? 3 : t.id === 'table-proactive' ? 1 : 0;
  ws.columns = Array.from({ length: t.columns }, (_, i) => ({ width: i < labelCols ? (t.id === 'table-requests' ? [6, 6, 36][i] : 30) : t.id === 'table-proactive' ? 18 : 11 }));
  let last = top;
  for (const { cell, row, col } of placeCells(t)) {
    const r = top + row - 1;
    last = Math.max(last, r + (cell.rowspan ?? 1) - 1);
    const c = ws.getCell(r + 1, col + 1);
    if ((cell.rowspan ?? 1) > 1 || (cell.colspan ?? 1) > 1) ws.mergeCells(r + 1, col + 1, r + (cell.rowspan ?? 1), col + (cell.colspan ?? 1));
    c.border = BORDER;
    c.font = FONT;
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    if (cell.th || !cell.pointer) {
      c.value = cell.text;
      continue;
    }
    const pointer = cell.pointer;
    const rowPtr = pointer.slice(0, pointer.lastIndexOf('/'));
    const column = pointer.slice(pointer.lastIndexOf('/') + 1);
    const at = { sheet: ws.name, address: addr(r, col) };
    const fee = column === 'amountTenThousandYuan';
    c.numFmt = fee ? '0.00##' : '0';
    if (isTotalCell(rowPtr, column)) {
      totals.set(pointer, at);
      c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
      continue;
    }
    c.value = 0;
    c.protection = { locked: false };
    c.dataValidation = fee
      ? { type: 'decimal', operator: 'greaterThanOrEqual', allowBlank: true, formulae: [0], showErrorMessage: true, errorTitle: '收费金额', error: '请填写不小于 0 的金额（单位：万元，可保留两位小数）' }
      : { type: 'whole', operator: 'greaterThanOrEqual', allowBlank: true, formulae: [0], showErrorMessage: true, errorTitle: '件数', error: '请填写不小于 0 的整数' };
    inputs.set(pointer, at);
  }
  if (t.id !== 'table-requests') return;
  // The check row: one ✓/✗ per applicant column, under the table.
  const r = last + 1;
  ws.getCell(r + 1, 1).value = CHECK_LABEL;
  ws.mergeCells(r + 1, 1, r + 1, labelCols);
  const byCol = new Map<number, string>();
  for (const { cell, col } of placeCells(t)) if (cell.pointer?.startsWith('/requests/received/')) byCol.set(col, cell.column!);
  for (let col = 0; col < t.columns; col++) {
    const c = ws.getCell(r + 1, col + 1);
    c.border = BORDER;
    c.font = { ...FONT, bold: true };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    const column = byCol.get(col);
    if (column) checks.set(column, { sheet: ws.name, address: addr(r, col) });
  }
}
