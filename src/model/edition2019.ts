// The 2019 trial edition (国办公开办函〔2019〕60号, report years 2019–2020):
// its own table 二 and a single-row （六）其他处理; everything else (sections,
// metadata, the columns of tables 三 and 四) is the 2021 edition's, shared.
import type { Label } from './label.js';
import {
  leaves, OUTCOME_GROUPS as OUTCOME_GROUPS_2021, OUTCOME_TOTAL, REQUEST_ROWS as REQUEST_ROWS_2021,
  type ProactiveBlock as ProactiveBlock2021, type RequestLeaf, type RowDef,
} from './edition2021.js';

export const EDITION = '2019' as const;

/** The notice that defines this edition, as the rules and renderers cite it. */
export const NOTICE: Label = { zh: '国办公开办函〔2019〕60号', en: '国办公开办函〔2019〕60号' };

// ── 二、主动公开政府信息情况 ─────────────────────────────────────────────
export const PROACTIVE_COLUMNS = {
  newlyMade: { zh: '本年新制作数量', en: 'Made this year' },
  newlyPublished: { zh: '本年新公开数量', en: 'Published this year' },
  totalPublished: { zh: '对外公开总数量', en: 'Published in all' },
  previousYear: { zh: '上一年项目数量', en: 'Items last year' },
  change: { zh: '本年增/减', en: 'Change this year' },
  decisions: { zh: '处理决定数量', en: 'Decisions' },
  projects: { zh: '采购项目数量', en: 'Procurement projects' },
  totalAmount: { zh: '采购总金额', en: 'Procurement amount' },
} as const satisfies Record<string, Label>;
export type ProactiveColumn = keyof typeof PROACTIVE_COLUMNS;

/** The one signed count of the edition (本年增/减), published as 减4, -4 or +2. */
export const SIGNED_COLUMNS: ReadonlySet<string> = new Set(['change']);
/** Cells that hold an amount (decimals allowed) rather than a count. */
export const AMOUNT_COLUMNS: ReadonlySet<string> = new Set(['totalAmount']);
/**
 * The form gives 采购总金额 no unit; pages write 元 or 万元 in the cell, or
 * nothing. The unit is kept as printed (never guessed) in the row's `unit`.
 */
export const AMOUNT_UNITS = ['元', '万元'] as const;

export interface ProactiveBlock extends Omit<ProactiveBlock2021, 'columns'> {
  readonly columns: readonly ProactiveColumn[];
}

const ITEMS = ['previousYear', 'change', 'decisions'] as const;

export const PROACTIVE_BLOCKS: readonly ProactiveBlock[] = [
  {
    label: { zh: '第二十条第（一）项', en: 'Article 20 (1)' },
    rows: [
      { key: 'regulations', label: { zh: '规章', en: 'Rules' } },
      { key: 'normativeDocuments', label: { zh: '规范性文件', en: 'Normative documents' } },
    ],
    columns: ['newlyMade', 'newlyPublished', 'totalPublished'],
  },
  {
    label: { zh: '第二十条第（五）项', en: 'Article 20 (5)' },
    rows: [
      { key: 'licensing', label: { zh: '行政许可', en: 'Administrative licensing' } },
      { key: 'otherServices', label: { zh: '其他对外管理服务事项', en: 'Other public administration services' } },
    ],
    columns: ITEMS,
  },
  {
    label: { zh: '第二十条第（六）项', en: 'Article 20 (6)' },
    rows: [
      { key: 'punishment', label: { zh: '行政处罚', en: 'Administrative penalties' } },
      { key: 'coercion', label: { zh: '行政强制', en: 'Administrative coercion' } },
    ],
    columns: ITEMS,
  },
  {
    label: { zh: '第二十条第（八）项', en: 'Article 20 (8)' },
    rows: [{ key: 'fees', label: { zh: '行政事业性收费', en: 'Administrative fees' } }],
    columns: ['previousYear', 'change'],
  },
  {
    label: { zh: '第二十条第（九）项', en: 'Article 20 (9)' },
    rows: [{ key: 'procurement', label: { zh: '政府集中采购', en: 'Centralised government procurement' } }],
    columns: ['projects', 'totalAmount'],
  },
];

/** The rows whose items carry over: 上一年项目数量 + 本年增/减 is this year's number of items. */
export const ITEM_ROWS: readonly string[] = PROACTIVE_BLOCKS.filter((b) => b.columns.includes('change')).flatMap((b) => b.rows.map((r) => r.key));

// ── 三、收到和处理政府信息公开申请情况 ─────────────────────────────────────
// The 2021 rows, except that （六）其他处理 is one row without sub-items.
export const OUTCOME_GROUPS: readonly RowDef[] = OUTCOME_GROUPS_2021.map((g) =>
  g.key === 'otherHandling' ? { key: g.key, label: g.label } : g);

export const REQUEST_ROWS: readonly RowDef[] = REQUEST_ROWS_2021.map((r) =>
  r.key === 'outcomes' ? { ...r, children: [...OUTCOME_GROUPS, OUTCOME_TOTAL] } : r);

export const REQUEST_LEAVES: readonly RequestLeaf[] = leaves(REQUEST_ROWS, '/requests', []);
export const OUTCOME_ITEMS: readonly RequestLeaf[] = leaves(OUTCOME_GROUPS, '/requests/outcomes', [REQUEST_ROWS[2]!.label]);
