// The view model of a report: what the templates see. Built from the data and
// the official labels of the report's edition (src/model/edition.ts); the layout of the three
// tables (rowspan/colspan, <th scope>) is decided here, cell for cell, so that
// templates only draw it.
import {
  APPLICANT_GROUP_LABEL, PROACTIVE_CONTENT_LABEL,
  REQUEST_COLUMNS, REQUEST_ROWS, REQUESTS_NOTE, REVIEW_COLUMNS, REVIEW_GROUPS, SECTION_ORDER, SECTIONS,
  TOP_FIELDS, type RowDef, type SectionKey,
} from '../model/edition2021.js';
import { rowAt, withRowCache } from '../model/values.js';
import { EDITION_2019, editionOf, type EditionId } from '../model/edition.js';
import type { Lang } from '../model/label.js';
import { cellIn, marksByPointer, textAt, wordFinding, type MarkFinding } from './values.js';

export type Scope = 'col' | 'colgroup' | 'row' | 'rowgroup';

/** One cell of a table as drawn: a header (th) or a data cell (td). */
export interface CellView {
  readonly th: boolean;
  readonly text: string;
  readonly rowspan?: number;
  readonly colspan?: number;
  readonly scope?: Scope;
  /** Space-separated classes: num, computed, inconsistent, note, group, … */
  readonly className?: string;
  /** JSON pointer of a data cell in the report file. */
  readonly pointer?: string;
  /** Column key (e.g. naturalPerson) of a column header or data cell. */
  readonly column?: string;
  /** Findings about this cell (only with --force), joined for a tooltip. */
  readonly note?: string;
}

export interface RowView { readonly cells: readonly CellView[] }
export interface RowGroupView { readonly head: boolean; readonly rows: readonly RowView[] }

export interface TableView {
  readonly id: string;
  /** The number of columns of the grid. */
  readonly columns: number;
  readonly groups: readonly RowGroupView[];
}

export interface SectionView {
  readonly key: SectionKey;
  readonly id: string;
  /** Official title with its number, e.g. 一、总体情况. */
  readonly title: string;
  /** Markdown source of a text section (overview, problems, other). */
  readonly markdown?: string;
  /** The Markdown rendered to HTML (raw HTML disabled, links checked). */
  readonly html?: string;
  readonly tables: readonly TableView[];
}

export interface ReportView {
  readonly lang: 'zh-CN';
  /** agency + year + 年政府信息公开工作年度报告 */
  readonly title: string;
  readonly agency: string;
  readonly year: string;
  readonly published?: string;
  /** The publication date written in Chinese, e.g. 2024年1月20日. */
  readonly publishedText?: string;
  readonly contact?: { readonly label: string; readonly lines: readonly { label: string; value: string }[] };
  readonly preamble?: { readonly markdown: string; readonly html: string };
  readonly sections: readonly SectionView[];
  readonly overview: SectionView;
  readonly proactive: SectionView;
  readonly requests: SectionView;
  readonly reviewsAndLawsuits: SectionView;
  readonly problems: SectionView;
  readonly other: SectionView;
  /** Rendered with --force: every finding, worded. */
  readonly forced: boolean;
  readonly findings: readonly { readonly message: string; readonly pointer: string }[];
  /** True when rendering only the content (no <html>/<head>). */
  readonly fragment: boolean;
}

export interface ViewOptions {
  readonly findings?: readonly MarkFinding[];
  readonly lang?: Lang;
  readonly fragment?: boolean;
  /** Markdown → HTML for the text sections (kept out so the view stays free of the Markdown library). */
  readonly markdownToHtml?: (markdown: string) => string;
}

export function reportTitle(data: unknown): string {
  return `${(textAt(data, '/agency') ?? '').trim()}${textAt(data, '/year') ?? ''}年政府信息公开工作年度报告`;
}

function dateText(s: string | undefined): string | undefined {
  const m = s ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(s) : null;
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : s;
}

type Marker = (pointer: string) => { className: string; note?: string };

/**
 * A row of a table with its pointers: made once per process (the tables never
 * change), so no pointer is built or split per report.
 */
interface RowPlan {
  readonly pointer: string;
  readonly cells: readonly { readonly column: string; readonly pointer: string }[];
}

const rowPlan = (pointer: string, columns: readonly string[]): RowPlan => ({
  pointer, cells: columns.map((column) => ({ column, pointer: `${pointer}/${column}` })),
});

/** A data cell; `row` is the row's object read once for all its cells (rowAt). */
function data(plan: RowPlan, i: number, row: object | undefined, d: unknown, mark: Marker, extra?: Partial<CellView>): CellView {
  const { column, pointer } = plan.cells[i]!;
  const v = cellIn(d, plan.pointer, row, column);
  const m = mark(pointer);
  // The same classes as ['num', computed, mark].filter(Boolean).join(' '), without the arrays.
  const cls = `num${v.computed ? ' computed' : ''}${m.className ? ` ${m.className}` : ''}`;
  if (!m.note && extra === undefined) return { th: false, text: v.text, className: cls, pointer, column };
  return { th: false, text: v.text, className: cls, pointer, column, ...(m.note ? { note: m.note } : {}), ...extra };
}

const th = (text: string, scope: Scope, extra: Partial<CellView> = {}): CellView => ({ th: true, text, scope, ...extra });

// Row plans of the three tables, made on first use.
const PROACTIVE_PLANS = new Map<EditionId, RowPlan[][]>();
let REQUEST_PLANS: Map<RowDef, RowPlan> | undefined;
let REVIEW_PLANS: RowPlan[] | undefined;

/** 二: one table, a block per article item, each with its own header rows (the official form's layout; the edition's blocks). */
function proactiveTable(d: unknown, mark: Marker): TableView {
  const edition = editionOf(d);
  const blocks = edition.proactiveBlocks;
  const labels = edition.proactiveColumns;
  const width = 1 + Math.max(...blocks.map((b) => b.columns.length));
  let editionPlans = PROACTIVE_PLANS.get(edition.id);
  if (!editionPlans) PROACTIVE_PLANS.set(edition.id, (editionPlans = blocks.map((b) => b.rows.map((r) => rowPlan(`/proactive/${r.key}`, b.columns)))));
  const groups: RowGroupView[] = blocks.map((block, bi) => {
    const span = (i: number) => (i === block.columns.length - 1 ? width - block.columns.length : 1);
    const head: RowView[] = [
      { cells: [th(block.label.zh, 'colgroup', { colspan: width, className: 'block' })] },
      {
        cells: [
          th(PROACTIVE_CONTENT_LABEL.zh, 'col'),
          ...block.columns.map((c, i) => th(labels[c]!.zh, 'col', { column: c, ...(span(i) > 1 ? { colspan: span(i) } : {}) })),
        ],
      },
    ];
    const plans = editionPlans[bi]!;
    const rows: RowView[] = block.rows.map((r, ri) => {
      const plan = plans[ri]!;
      const obj = rowAt(d, plan.pointer);
      return {
        cells: [
          th(r.label.zh, 'row'),
          ...block.columns.map((c, i) => withUnit(data(plan, i, obj, d, mark, span(i) > 1 ? { colspan: span(i) } : undefined), c, obj)),
        ],
      };
    });
    return { head: false, rows: [...head, ...rows] };
  });
  return { id: 'table-proactive', columns: width, groups };
}

/** 采购总金额 (2019 edition) with the unit its row keeps, as the page printed it (251000元). */
function withUnit(cell: CellView, column: string, row: object | undefined): CellView {
  if (column !== 'totalAmount' || cell.text === '') return cell;
  const unit = (row as Record<string, unknown> | undefined)?.unit;
  return typeof unit === 'string' ? { ...cell, text: `${cell.text}${unit}` } : cell;
}

const depth = (rows: readonly RowDef[]): number => Math.max(...rows.map((r) => 1 + (r.children ? depth(r.children) : 0)));
const leafCount = (r: RowDef): number => (r.children ? r.children.reduce((n, c) => n + leafCount(c), 0) : 1);

/** 三: the two-level column header, the note, nested row labels. */
function requestsTable(d: unknown, mark: Marker): TableView {
  const labelCols = depth(editionOf(d).requestRows);
  const ungrouped = (c: (typeof REQUEST_COLUMNS)[number]) => !c.group;
  const head: RowView[] = [
    { cells: [th(REQUESTS_NOTE.zh, 'col', { rowspan: 3, colspan: labelCols, className: 'note' }), th(APPLICANT_GROUP_LABEL.zh, 'colgroup', { colspan: REQUEST_COLUMNS.length })] },
    { cells: [] },
    { cells: [] },
  ];
  const row2: CellView[] = [];
  const row3: CellView[] = [];
  for (let i = 0; i < REQUEST_COLUMNS.length; i++) {
    const c = REQUEST_COLUMNS[i]!;
    if (ungrouped(c)) {
      row2.push(th(c.label.zh, 'col', { rowspan: 2, column: c.key }));
      continue;
    }
    let n = 0;
    while (REQUEST_COLUMNS[i + n]?.group === c.group) n++;
    row2.push(th(c.group!.zh, 'colgroup', { colspan: n, className: 'group' }));
    for (let k = 0; k < n; k++) row3.push(th(REQUEST_COLUMNS[i + k]!.label.zh, 'col', { column: REQUEST_COLUMNS[i + k]!.key }));
    i += n - 1;
  }
  head[1] = { cells: row2 };
  head[2] = { cells: row3 };

  if (!REQUEST_PLANS) {
    const plans = new Map<RowDef, RowPlan>();
    const columns = REQUEST_COLUMNS.map((c) => c.key);
    const planRows = (rows: readonly RowDef[], base: string): void => {
      for (const r of rows) {
        if (r.children) planRows(r.children, `${base}/${r.key}`);
        else plans.set(r, rowPlan(`${base}/${r.key}`, columns));
      }
    };
    planRows(REQUEST_ROWS, '/requests');
    // The 2019 rows that differ (（六） as one row) are other RowDefs: planned alongside.
    planRows(EDITION_2019.requestRows, '/requests');
    REQUEST_PLANS = plans;
  }
  const plans = REQUEST_PLANS;
  const body: RowView[] = [];
  const walk = (rows: readonly RowDef[], level: number, pending: CellView[]) => {
    for (const r of rows) {
      if (r.children) {
        pending.push(th(r.label.zh, 'rowgroup', { rowspan: leafCount(r), className: `level${level}` }));
        walk(r.children, level + 1, pending);
      } else {
        const span = labelCols - level + 1;
        const plan = plans.get(r)!;
        const obj = rowAt(d, plan.pointer);
        const cells = [
          ...pending.splice(0),
          th(r.label.zh, 'row', { className: `level${level}`, ...(span > 1 ? { colspan: span } : {}) }),
          ...REQUEST_COLUMNS.map((_, i) => data(plan, i, obj, d, mark)),
        ];
        body.push({ cells });
      }
    }
  };
  walk(editionOf(d).requestRows, 1, []);
  return { id: 'table-requests', columns: labelCols + REQUEST_COLUMNS.length, groups: [{ head: true, rows: head }, { head: false, rows: body }] };
}

/** 四: 行政复议 over five columns; 行政诉讼 over its two groups, each over five. */
function reviewsTable(d: unknown, mark: Marker): TableView {
  const n = REVIEW_COLUMNS.length;
  const row1: CellView[] = [];
  const row2: CellView[] = [];
  const row3: CellView[] = [];
  const cells: CellView[] = [];
  for (let i = 0; i < REVIEW_GROUPS.length; i++) {
    const g = REVIEW_GROUPS[i]!;
    if (!g.group) {
      row1.push(th(g.label.zh, 'colgroup', { colspan: n }));
      for (const c of REVIEW_COLUMNS) row2.push(th(c.label.zh, 'col', { rowspan: 2, column: `${g.key}.${c.key}` }));
    } else {
      let k = 0;
      while (REVIEW_GROUPS[i + k]?.group === g.group) k++;
      row1.push(th(g.group.zh, 'colgroup', { colspan: n * k }));
      for (let j = 0; j < k; j++) {
        const sub = REVIEW_GROUPS[i + j]!;
        row2.push(th(sub.label.zh, 'colgroup', { colspan: n, className: 'group' }));
        for (const c of REVIEW_COLUMNS) row3.push(th(c.label.zh, 'col', { column: `${sub.key}.${c.key}` }));
      }
      i += k - 1;
    }
  }
  const columns = REVIEW_COLUMNS.map((c) => c.key);
  for (const plan of (REVIEW_PLANS ??= REVIEW_GROUPS.map((g) => rowPlan(`/reviewsAndLawsuits/${g.key}`, columns)))) {
    const obj = rowAt(d, plan.pointer);
    for (let i = 0; i < columns.length; i++) cells.push(data(plan, i, obj, d, mark));
  }
  return {
    id: 'table-reviews', columns: n * REVIEW_GROUPS.length,
    groups: [{ head: true, rows: [{ cells: row1 }, { cells: row2 }, { cells: row3 }] }, { head: false, rows: [{ cells }] }],
  };
}

const NO_MARK = { className: '' } as const;

export function buildView(d: unknown, options: ViewOptions = {}): ReportView {
  const lang = options.lang ?? 'zh';
  const toHtml = options.markdownToHtml ?? ((s: string) => s);
  const marks = marksByPointer(options.findings, lang);
  // Without findings (the usual render) no cell is marked: one shared answer, no loop.
  const mark: Marker = marks.size === 0 ? () => NO_MARK : (pointer) => {
    const notes: string[] = [];
    for (const [p, msgs] of marks) if (pointer === p || pointer.startsWith(`${p}/`)) notes.push(...msgs);
    return notes.length ? { className: 'inconsistent', note: notes.join('\n') } : { className: '' };
  };
  const text = (key: SectionKey) => textAt(d, `/${key}`);
  const section = (key: SectionKey, tables: TableView[] = []): SectionView => {
    const md = key === 'overview' || key === 'problems' || key === 'other' ? text(key) ?? '' : undefined;
    return {
      key, id: `section-${key}`, title: SECTIONS[key].zh, tables,
      ...(md !== undefined ? { markdown: md, html: toHtml(md) } : {}),
    };
  };
  // Computed totals read the same rows again and again: each is looked up once for this view.
  const tables = withRowCache(d, () => ({ proactive: proactiveTable(d, mark), requests: requestsTable(d, mark), reviews: reviewsTable(d, mark) }));
  const byKey = {
    overview: section('overview'),
    proactive: section('proactive', [tables.proactive]),
    requests: section('requests', [tables.requests]),
    reviewsAndLawsuits: section('reviewsAndLawsuits', [tables.reviews]),
    problems: section('problems'),
    other: section('other'),
  };
  const contactLines = (['office', 'address', 'phone'] as const)
    .map((k) => ({ label: TOP_FIELDS[k].zh, value: (textAt(d, `/contact/${k}`) ?? '').trim() }))
    .filter((l) => l.value !== '');
  const preamble = text('preamble');
  const published = textAt(d, '/published');
  return {
    lang: 'zh-CN',
    title: reportTitle(d),
    agency: (textAt(d, '/agency') ?? '').trim(),
    year: textAt(d, '/year') ?? '',
    ...(published !== undefined ? { published, publishedText: dateText(published) } : {}),
    ...(contactLines.length ? { contact: { label: TOP_FIELDS.contact.zh, lines: contactLines } } : {}),
    ...(preamble !== undefined && preamble.trim() !== '' ? { preamble: { markdown: preamble, html: toHtml(preamble) } } : {}),
    sections: SECTION_ORDER.map((k) => byKey[k]),
    ...byKey,
    forced: Boolean(options.findings?.length),
    findings: (options.findings ?? []).map((f) => ({ message: wordFinding(f, lang), pointer: f.pointer })),
    fragment: Boolean(options.fragment),
  };
}

/** A cell of a table with the grid row and column it starts at (0-based), row spans above taken into account. */
export interface PlacedCell { readonly cell: CellView; readonly row: number; readonly col: number; readonly head: boolean }

/** Where each cell of a table sits on its grid: what a Word table or a worksheet needs, where HTML only lists cells. */
export function placeCells(t: TableView): PlacedCell[] {
  const out: PlacedCell[] = [];
  // For each grid column, how many more rows a cell above still covers.
  const covered: number[] = Array(t.columns).fill(0);
  let row = 0;
  for (const g of t.groups) {
    for (const r of g.rows) {
      let col = 0;
      for (const cell of r.cells) {
        while (col < t.columns && covered[col]! > 0) col++;
        const span = cell.colspan ?? 1;
        for (let k = 0; k < span; k++) covered[col + k] = cell.rowspan ?? 1;
        out.push({ cell, row, col, head: g.head });
        col += span;
      }
      for (let k = 0; k < covered.length; k++) if (covered[k]! > 0) covered[k]!--;
      row++;
    }
  }
  return out;
}
