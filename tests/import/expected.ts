// Reads the hand-written *.expected.yaml files: rows of cells written as arrays
// in the official column order (null = a cell that must be a gap), gaps as
// pointer → reason, with "A .. B" ranges over the official order.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { PROACTIVE_BLOCKS, REQUEST_COLUMNS, REQUEST_LEAVES, REVIEW_COLUMNS, REVIEW_GROUPS } from '../../src/model/edition2021.js';
import { EDITION_2019 } from '../../src/model/edition.js';

export interface Expected {
  edition: string;
  refused?: string;
  year?: number;
  agency?: string;
  published?: string;
  contact?: Record<string, string>;
  sections?: string[];
  other?: string;
  overviewStart?: string;
  problemsStart?: string;
  cells: Map<string, number>;
  gaps: Map<string, string>;
}

/** Every table cell pointer and every row pointer, in the official order. */
export const ROW_COLUMNS = new Map<string, readonly string[]>();
for (const b of PROACTIVE_BLOCKS) for (const r of b.rows) ROW_COLUMNS.set(`/proactive/${r.key}`, b.columns);
for (const l of REQUEST_LEAVES) ROW_COLUMNS.set(l.pointer, REQUEST_COLUMNS.map((c) => c.key));
for (const g of REVIEW_GROUPS) ROW_COLUMNS.set(`/reviewsAndLawsuits/${g.key}`, REVIEW_COLUMNS.map((c) => c.key));
const ROWS = [...ROW_COLUMNS.keys()];
const CELLS = ROWS.flatMap((r) => ROW_COLUMNS.get(r)!.map((c) => `${r}/${c}`));
/** The same for pages in the 2019 trial edition (its table 二, （六） one row). */
export const ROW_COLUMNS_2019 = new Map<string, readonly string[]>();
for (const b of EDITION_2019.proactiveBlocks) for (const r of b.rows) ROW_COLUMNS_2019.set(`/proactive/${r.key}`, b.columns);
for (const l of EDITION_2019.requestLeaves) ROW_COLUMNS_2019.set(l.pointer, REQUEST_COLUMNS.map((c) => c.key));
for (const g of REVIEW_GROUPS) ROW_COLUMNS_2019.set(`/reviewsAndLawsuits/${g.key}`, REVIEW_COLUMNS.map((c) => c.key));
const ROWS_2019 = [...ROW_COLUMNS_2019.keys()];
const CELLS_2019 = ROWS_2019.flatMap((r) => ROW_COLUMNS_2019.get(r)!.map((c) => `${r}/${c}`));

function expandRange(key: string, edition: string): string[] {
  const m = /^(\S+)\s*\.\.\s*(\S+)$/.exec(key);
  if (!m) return [key];
  for (const list of edition === '2019' ? [ROWS_2019, CELLS_2019] : [ROWS, CELLS]) {
    const a = list.indexOf(m[1]!), b = list.indexOf(m[2]!);
    if (a >= 0 && b >= a) return list.slice(a, b + 1);
  }
  throw new Error(`bad range ${key}`);
}

export function readExpected(file: string): Expected {
  const raw = parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const base = typeof raw.like === 'string' ? readExpected(join(dirname(file), raw.like)) : undefined;
  const cells = new Map(base?.cells ?? []);
  const gaps = new Map<string, string>();
  const edition = String(raw.edition ?? base?.edition);
  const rowColumns = edition === '2019' ? ROW_COLUMNS_2019 : ROW_COLUMNS;
  for (const [row, values] of Object.entries((raw.cells ?? {}) as Record<string, (number | null)[]>)) {
    const cols = rowColumns.get(row);
    if (!cols || cols.length !== values.length) throw new Error(`${file}: ${row} needs ${cols?.length} values`);
    cols.forEach((c, i) => {
      const v = values[i];
      if (v === null || v === undefined) cells.delete(`${row}/${c}`);
      else cells.set(`${row}/${c}`, v);
    });
  }
  for (const [key, reason] of Object.entries((raw.gaps ?? {}) as Record<string, string>)) for (const p of expandRange(key, edition)) gaps.set(p, reason);
  const pick = <T>(k: string): T | undefined => (k in raw ? (raw[k] as T) : (base as unknown as Record<string, T> | undefined)?.[k]);
  return {
    edition: String(pick('edition')),
    refused: pick('refused'),
    year: pick('year'),
    agency: pick('agency'),
    published: pick('published'),
    contact: pick('contact'),
    sections: pick('sections'),
    other: pick('other'),
    overviewStart: pick('overviewStart'),
    problemsStart: pick('problemsStart'),
    cells,
    gaps,
  };
}

/** The numbers of the three tables of a report, by JSON pointer. */
export function tableNumbers(report: Record<string, unknown>): Map<string, number> {
  const out = new Map<string, number>();
  const walk = (o: unknown, p: string) => {
    if (typeof o === 'number') out.set(p, o);
    else if (o && typeof o === 'object') for (const [k, v] of Object.entries(o)) walk(v, `${p}/${k}`);
  };
  for (const k of ['proactive', 'requests', 'reviewsAndLawsuits']) if (k in report) walk(report[k], `/${k}`);
  return out;
}
