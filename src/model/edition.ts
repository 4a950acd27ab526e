// The edition switch: which edition a report is in (its `format`), and the
// parts that differ between editions, so that a rule, the renderer or the
// roll-up asks for "this report's rows" instead of importing one edition.
// A file with any other `format` reads as the 2021 edition (the schema
// reports the bad value), so 2021 files take exactly the paths they did.
import type { Label } from './label.js';
import * as e2021 from './edition2021.js';
import * as e2019 from './edition2019.js';
import { field } from './cells.js';

export type EditionId = '2021' | '2019';
export const EDITION_IDS: readonly EditionId[] = ['2021', '2019'];

export interface ProactiveBlockDef {
  readonly label: Label;
  readonly rows: readonly { key: string; label: Label }[];
  readonly columns: readonly string[];
}

export interface EditionModel {
  readonly id: EditionId;
  /** The notice that defines the edition. */
  readonly notice: string;
  /** The report years the edition is for (inclusive; `to` undefined = still in use). */
  readonly years: { readonly from: number; readonly to?: number };
  readonly proactiveBlocks: readonly ProactiveBlockDef[];
  readonly proactiveColumns: Readonly<Record<string, Label>>;
  readonly requestRows: readonly e2021.RowDef[];
  readonly requestLeaves: readonly e2021.RequestLeaf[];
  readonly outcomeItems: readonly e2021.RequestLeaf[];
}

export const EDITION_2021: EditionModel = {
  id: '2021',
  notice: '国办公开办函〔2021〕30号',
  years: { from: 2021 },
  proactiveBlocks: e2021.PROACTIVE_BLOCKS,
  proactiveColumns: e2021.PROACTIVE_COLUMNS,
  requestRows: e2021.REQUEST_ROWS,
  requestLeaves: e2021.REQUEST_LEAVES,
  outcomeItems: e2021.OUTCOME_ITEMS,
};

export const EDITION_2019: EditionModel = {
  id: '2019',
  notice: e2019.NOTICE.zh,
  years: { from: 2019, to: 2020 },
  proactiveBlocks: e2019.PROACTIVE_BLOCKS,
  proactiveColumns: e2019.PROACTIVE_COLUMNS,
  requestRows: e2019.REQUEST_ROWS,
  requestLeaves: e2019.REQUEST_LEAVES,
  outcomeItems: e2019.OUTCOME_ITEMS,
};

export const EDITIONS: Readonly<Record<EditionId, EditionModel>> = { 2021: EDITION_2021, 2019: EDITION_2019 };

/** The edition a report's data is in: 2019 when it says so, else 2021. */
export const editionIdOf = (data: unknown): EditionId => (field(data, 'format') === '2019' ? '2019' : '2021');
export const editionOf = (data: unknown): EditionModel => EDITIONS[editionIdOf(data)];

/** The edition the report year requires: 2019 for 2019–2020, 2021 from 2021 on; undefined before 2019. */
export function editionForYear(year: number): EditionId | undefined {
  if (year >= EDITION_2021.years.from) return '2021';
  if (year >= EDITION_2019.years.from) return '2019';
  return undefined;
}
