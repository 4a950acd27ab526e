// The official labels of the 2021 edition (from src/model), as normalised
// forms the table reader matches cells against, plus the marks of the 2019
// 试行 edition and of the pre-2019 layout.
import {
  OUTCOME_GROUPS, PROACTIVE_BLOCKS, PROACTIVE_COLUMNS, REQUEST_LEAVES, REQUEST_ROWS, REVIEW_GROUPS, SECTIONS, type SectionKey,
  type RequestLeaf, type RowDef,
} from '../model/edition2021.js';
import { OUTCOME_GROUPS as EDITION_2019_OUTCOME_GROUPS } from '../model/edition2019.js';
import { EDITION_2019 } from '../model/edition.js';
import type { Label } from '../model/label.js';
import { norm, stripNumbering } from './normalize.js';

export interface LabelEntry {
  /** JSON pointer of the row (leaf) or group. */
  readonly pointer: string;
  /** Normalised forms that name this row. */
  readonly forms: readonly string[];
  /** Number of value columns; 0 for a group heading that holds no cells. */
  readonly columns: number;
  readonly columnKeys: readonly string[];
}

function formsOf(path: readonly Label[]): string[] {
  const parts = path.map((l) => norm(l.zh));
  const forms = new Set<string>();
  for (let i = 0; i < parts.length; i++) forms.add(parts.slice(i).join(''));
  const last = parts[parts.length - 1]!;
  const bare = stripNumbering(last);
  // A bare form as short as "其他" or "总计" would also match column headings.
  if (bare.length >= 4 && bare !== last) forms.add(bare);
  // "（二）部分公开" is often printed without its parenthesised note.
  const noNote = last.replace(/\(.*\)$/, '');
  if (noNote !== last && noNote.length >= 4) forms.add(noNote);
  return [...forms];
}

const PROACTIVE_ROWS = PROACTIVE_BLOCKS.flatMap((b) => b.rows.map((r) => ({ ...r, columns: b.columns })));

/** Table 二: six rows in the official order. */
/** Names some 2021-edition pages still print for a row (the 2019 wording). */
const TABLE2_VARIANTS: Record<string, string[]> = { normativeDocuments: ['规范性文件'] };

export const TABLE2: readonly LabelEntry[] = PROACTIVE_ROWS.map((r) => ({
  pointer: `/proactive/${r.key}`,
  forms: [...formsOf([r.label]), ...(TABLE2_VARIANTS[r.key] ?? []).map(norm)],
  columns: r.columns.length,
  columnKeys: r.columns,
}));

const REQUEST_COLUMN_KEYS = ['naturalPerson', 'commercial', 'research', 'socialWelfare', 'legalService', 'otherOrg', 'total'];

/** Table 三: group headings (no cells) and leaf rows, in the official order. */
export const TABLE3: readonly LabelEntry[] = table3Entries(REQUEST_LEAVES, OUTCOME_GROUPS);

function table3Entries(requestLeaves: readonly RequestLeaf[], groups: readonly RowDef[]): LabelEntry[] {
  const out: LabelEntry[] = [];
  const outcomes = REQUEST_ROWS[2]!;
  for (const leaf of requestLeaves) {
    // Group headings come just before their first leaf.
    if (leaf.pointer === '/requests/outcomes/disclosed') out.push({ pointer: '/requests/outcomes', forms: formsOf([outcomes.label]), columns: 0, columnKeys: [] });
    const group = groups.find((g) => g.children?.[0] && leaf.pointer === `/requests/outcomes/${g.key}/${g.children[0].key}`);
    if (group) out.push({ pointer: `/requests/outcomes/${group.key}`, forms: formsOf([outcomes.label, group.label]), columns: 0, columnKeys: [] });
    out.push({ pointer: leaf.pointer, forms: formsOf(leaf.path), columns: 7, columnKeys: REQUEST_COLUMN_KEYS });
  }
  return out;
}

/** The 2019 edition: table 二 in its rows and columns (2021 pages' 行政规范性文件 read too), table 三 with （六） one row. */
export const TABLE2_2019: readonly LabelEntry[] = EDITION_2019.proactiveBlocks.flatMap((b) => b.rows.map((r) => ({
  pointer: `/proactive/${r.key}`,
  forms: [...formsOf([r.label]), ...(r.key === 'normativeDocuments' ? [norm('行政规范性文件')] : [])],
  columns: b.columns.length,
  columnKeys: b.columns,
})));
export const TABLE3_2019: readonly LabelEntry[] = table3Entries(EDITION_2019.requestLeaves, EDITION_2019_OUTCOME_GROUPS);

/** Table 四: the three groups, five columns each, in the official order. */
export const TABLE4: readonly LabelEntry[] = REVIEW_GROUPS.map((g) => ({
  pointer: `/reviewsAndLawsuits/${g.key}`,
  forms: formsOf(g.group ? [g.group, g.label] : [g.label]),
  columns: 5,
  columnKeys: ['upheld', 'corrected', 'other', 'pending', 'total'],
}));

// ── Section headings ──────────────────────────────────────────────────────
const ORDINALS = ['一', '二', '三', '四', '五', '六'];
/** Key words of each section heading; pages vary the rest ("因政府信息公开工作被申请行政复议…"). */
const HEADING_WORDS: Record<SectionKey, RegExp> = {
  preamble: /$^/,
  overview: /总体情况|概述|基本情况|总体/,
  proactive: /主动公开/,
  requests: /申请/,
  reviewsAndLawsuits: /行政复议|行政诉讼/,
  problems: /问题|改进/,
  other: /其他|其它/,
};

const TABLE3_ROW_FORMS = new Set(TABLE3.flatMap((e) => e.forms));
const OFFICIAL_HEADINGS = new Map((Object.keys(SECTIONS) as SectionKey[]).filter((k) => k !== 'preamble').map((k) => [norm(SECTIONS[k].zh), k] as const));

/** The section a line opens, if it is one of the six headings. */
export function headingOf(line: string): SectionKey | undefined {
  // Every heading holds its ordinal (一 … 六), and normalising never makes one: most lines end here.
  if (line.length > 200 || !/[一二三四五六]/.test(line)) return undefined;
  const n = norm(line.replace(/^\s*#{1,6}\s*/, '').replace(/\*\*/g, '').replace(/\|/g, ''));
  // A long line is a heading only when the official heading opens it, before a colon
  // ("六、其他需要报告的事项：本年度……"); prose numbered 一、二、 is not.
  if (n.length > 40) return OFFICIAL_HEADINGS.get(n.split('：')[0]!);
  if (TABLE3_ROW_FORMS.has(n)) return undefined;
  const official = OFFICIAL_HEADINGS.get(n);
  if (official) return official;
  const m = /^([一二三四五六])、/.exec(n);
  if (!m) return undefined;
  const key = (['overview', 'proactive', 'requests', 'reviewsAndLawsuits', 'problems', 'other'] as const)[ORDINALS.indexOf(m[1]!)]!;
  if (!HEADING_WORDS[key].test(n)) return undefined;
  // The official heading itself, or a variant carrying its key words.
  return key;
}

// ── Editions ──────────────────────────────────────────────────────────────
/** Table 二 of the 2019 试行 edition: columns and rows that the 2021 edition dropped. */
export const MARKS_2019 = ['本年新制作数量', '本年新公开数量', '对外公开总数量', '上一年项目数量', '本年增/减', '其他对外管理服务事项', '第二十条第(九)项', '政府集中采购', '采购项目数量', '采购总金额'].map(norm);
/** Table 二 columns of the 2021 edition. */
export const MARKS_2021 = Object.values(PROACTIVE_COLUMNS).map((c) => norm(c.zh)).filter((n) => n !== norm('本年处理决定数量'));
/** Headings and rows of the 2008 layout (before the 2019 revision of the regulations). */
export const MARKS_PRE2019 = [/政府信息公开的?收费及减免情况/, /依申请公开政府信息的?情况/, /因政府信息公开申请提起行政复议/, /主动公开政府信息的情况/];
