// The 2021 edition (国办公开办函〔2021〕30号): every row and column label of the
// official form, defined once and used by the schema, rules, messages, renderers
// and importer.
import type { Label } from './label.js';

export const EDITION = '2021' as const;

export interface ColumnDef {
  readonly key: string;
  readonly label: Label;
  /** Column group heading, e.g. 法人或其他组织 over 商业企业. */
  readonly group?: Label;
  /** Computed when absent, checked when present. */
  readonly optional?: boolean;
}

export interface RowDef {
  readonly key: string;
  readonly label: Label;
  /** Sub-rows; a row with children holds no cells of its own. */
  readonly children?: readonly RowDef[];
  readonly optional?: boolean;
}

export const SECTIONS = {
  preamble: { zh: '前言', en: 'Preamble' },
  overview: { zh: '一、总体情况', en: '1. Overview' },
  proactive: { zh: '二、主动公开政府信息情况', en: '2. Proactive disclosure' },
  requests: { zh: '三、收到和处理政府信息公开申请情况', en: '3. Requests received and handled' },
  reviewsAndLawsuits: { zh: '四、政府信息公开行政复议、行政诉讼情况', en: '4. Administrative reviews and lawsuits' },
  problems: { zh: '五、存在的主要问题及改进情况', en: '5. Main problems and improvements' },
  other: { zh: '六、其他需要报告的事项', en: '6. Other matters' },
} as const satisfies Record<string, Label>;

export type SectionKey = keyof typeof SECTIONS;
export const SECTION_ORDER = ['overview', 'proactive', 'requests', 'reviewsAndLawsuits', 'problems', 'other'] as const;

export const TOP_FIELDS = {
  format: { zh: '格式版本', en: 'Format edition' },
  agency: { zh: '报告机关', en: 'Reporting agency' },
  year: { zh: '报告年度', en: 'Report year' },
  published: { zh: '发布日期', en: 'Publication date' },
  scope: { zh: '报告范围', en: 'Report scope' },
  contact: { zh: '联系方式', en: 'Contact' },
  office: { zh: '联系机构', en: 'Office' },
  address: { zh: '地址', en: 'Address' },
  phone: { zh: '电话', en: 'Phone' },
} as const satisfies Record<string, Label>;

// ── 二、主动公开政府信息情况 ─────────────────────────────────────────────
export const PROACTIVE_COLUMNS = {
  issued: { zh: '本年制发件数', en: 'Issued this year' },
  repealed: { zh: '本年废止件数', en: 'Repealed this year' },
  inForce: { zh: '现行有效件数', en: 'In force' },
  decisions: { zh: '本年处理决定数量', en: 'Decisions this year' },
  amountTenThousandYuan: { zh: '本年收费金额（单位：万元）', en: 'Fees this year (10,000 yuan)' },
} as const satisfies Record<string, Label>;
export type ProactiveColumn = keyof typeof PROACTIVE_COLUMNS;

export interface ProactiveBlock {
  readonly label: Label;
  readonly rows: readonly { key: string; label: Label }[];
  readonly columns: readonly ProactiveColumn[];
}

export const PROACTIVE_BLOCKS: readonly ProactiveBlock[] = [
  {
    label: { zh: '第二十条第（一）项', en: 'Article 20 (1)' },
    rows: [
      { key: 'regulations', label: { zh: '规章', en: 'Rules' } },
      { key: 'normativeDocuments', label: { zh: '行政规范性文件', en: 'Normative documents' } },
    ],
    columns: ['issued', 'repealed', 'inForce'],
  },
  {
    label: { zh: '第二十条第（五）项', en: 'Article 20 (5)' },
    rows: [{ key: 'licensing', label: { zh: '行政许可', en: 'Administrative licensing' } }],
    columns: ['decisions'],
  },
  {
    label: { zh: '第二十条第（六）项', en: 'Article 20 (6)' },
    rows: [
      { key: 'punishment', label: { zh: '行政处罚', en: 'Administrative penalties' } },
      { key: 'coercion', label: { zh: '行政强制', en: 'Administrative coercion' } },
    ],
    columns: ['decisions'],
  },
  {
    label: { zh: '第二十条第（八）项', en: 'Article 20 (8)' },
    rows: [{ key: 'fees', label: { zh: '行政事业性收费', en: 'Administrative fees' } }],
    columns: ['amountTenThousandYuan'],
  },
];

export const PROACTIVE_CONTENT_LABEL: Label = { zh: '信息内容', en: 'Item' };

// ── 三、收到和处理政府信息公开申请情况 ─────────────────────────────────────
const LEGAL_PERSON: Label = { zh: '法人或其他组织', en: 'Legal persons or other organisations' };
export const APPLICANT_GROUP_LABEL: Label = { zh: '申请人情况', en: 'Applicants' };

export const REQUEST_COLUMNS: readonly ColumnDef[] = [
  { key: 'naturalPerson', label: { zh: '自然人', en: 'Natural persons' } },
  { key: 'commercial', label: { zh: '商业企业', en: 'Businesses' }, group: LEGAL_PERSON },
  { key: 'research', label: { zh: '科研机构', en: 'Research institutions' }, group: LEGAL_PERSON },
  { key: 'socialWelfare', label: { zh: '社会公益组织', en: 'Public-interest organisations' }, group: LEGAL_PERSON },
  { key: 'legalService', label: { zh: '法律服务机构', en: 'Legal service institutions' }, group: LEGAL_PERSON },
  { key: 'otherOrg', label: { zh: '其他', en: 'Others' }, group: LEGAL_PERSON },
  { key: 'total', label: { zh: '总计', en: 'Total' }, optional: true },
];
export const APPLICANT_COLUMN_KEYS = REQUEST_COLUMNS.filter((c) => !c.optional).map((c) => c.key);

export const REQUESTS_NOTE: Label = {
  zh: '本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和',
  en: 'In every column, item 1 plus item 2 equals item 3 plus item 4',
};

const item = (key: string, zh: string, en: string): RowDef => ({ key, label: { zh, en } });

export const OUTCOME_GROUPS: readonly RowDef[] = [
  item('disclosed', '（一）予以公开', '(1) Disclosed'),
  item('partlyDisclosed', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '(2) Partly disclosed'),
  {
    key: 'withheld',
    label: { zh: '（三）不予公开', en: '(3) Not disclosed' },
    children: [
      item('stateSecret', '1.属于国家秘密', '1. State secret'),
      item('prohibitedByLaw', '2.其他法律行政法规禁止公开', '2. Prohibited by other laws or regulations'),
      item('securityStability', '3.危及“三安全一稳定”', '3. Endangers security or stability'),
      item('thirdPartyRights', '4.保护第三方合法权益', '4. Protects third-party rights'),
      item('internalAffairs', '5.属于三类内部事务信息', '5. Internal affairs'),
      item('processInformation', '6.属于四类过程性信息', '6. Process information'),
      item('enforcementFiles', '7.属于行政执法案卷', '7. Law-enforcement files'),
      item('queryMatters', '8.属于行政查询事项', '8. Administrative query matters'),
    ],
  },
  {
    key: 'unavailable',
    label: { zh: '（四）无法提供', en: '(4) Cannot be provided' },
    children: [
      item('notHeld', '1.本机关不掌握相关政府信息', '1. Not held by this agency'),
      item('needsCreation', '2.没有现成信息需要另行制作', '2. Would have to be created'),
      item('stillUnclear', '3.补正后申请内容仍不明确', '3. Still unclear after correction'),
    ],
  },
  {
    key: 'notProcessed',
    label: { zh: '（五）不予处理', en: '(5) Not processed' },
    children: [
      item('petition', '1.信访举报投诉类申请', '1. Petitions, reports or complaints'),
      item('repeated', '2.重复申请', '2. Repeated request'),
      item('publications', '3.要求提供公开出版物', '3. Asks for published material'),
      item('vexatious', '4.无正当理由大量反复申请', '4. Mass repeated requests without good reason'),
      item('reconfirmation', '5.要求行政机关确认或重新出具已获取信息', '5. Asks to confirm or reissue information already obtained'),
    ],
  },
  {
    key: 'otherHandling',
    label: { zh: '（六）其他处理', en: '(6) Other handling' },
    children: [
      item('noCorrection', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '1. Applicant did not correct in time'),
      item('feeUnpaid', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '2. Applicant did not pay the fee in time'),
      item('other', '3.其他', '3. Other'),
    ],
  },
];

export const OUTCOME_TOTAL: RowDef = { key: 'total', label: { zh: '（七）总计', en: '(7) Total' }, optional: true };

export const REQUEST_ROWS: readonly RowDef[] = [
  item('received', '一、本年新收政府信息公开申请数量', 'I. New requests this year'),
  item('carriedOver', '二、上年结转政府信息公开申请数量', 'II. Carried over from last year'),
  {
    key: 'outcomes',
    label: { zh: '三、本年度办理结果', en: 'III. Outcomes this year' },
    children: [...OUTCOME_GROUPS, OUTCOME_TOTAL],
  },
  item('carriedForward', '四、结转下年度继续办理', 'IV. Carried forward to next year'),
];

// ── 四、政府信息公开行政复议、行政诉讼情况 ─────────────────────────────────
export const REVIEW_COLUMNS: readonly ColumnDef[] = [
  { key: 'upheld', label: { zh: '结果维持', en: 'Upheld' } },
  { key: 'corrected', label: { zh: '结果纠正', en: 'Corrected' } },
  { key: 'other', label: { zh: '其他结果', en: 'Other result' } },
  { key: 'pending', label: { zh: '尚未审结', en: 'Pending' } },
  { key: 'total', label: { zh: '总计', en: 'Total' }, optional: true },
];
export const REVIEW_PART_KEYS = REVIEW_COLUMNS.filter((c) => !c.optional).map((c) => c.key);

export const LAWSUIT_LABEL: Label = { zh: '行政诉讼', en: 'Administrative lawsuits' };
export const REVIEW_GROUPS: readonly { key: string; label: Label; group?: Label }[] = [
  { key: 'review', label: { zh: '行政复议', en: 'Administrative review' } },
  { key: 'suitDirect', label: { zh: '未经复议直接起诉', en: 'Sued directly' }, group: LAWSUIT_LABEL },
  { key: 'suitAfterReview', label: { zh: '复议后起诉', en: 'Sued after review' }, group: LAWSUIT_LABEL },
];

export const SCOPES = {
  agency: { zh: '本机关年度报告', en: "One agency's report" },
  government: { zh: '本级政府年度报告', en: "A people's government's whole-government report" },
} as const satisfies Record<string, Label>;

/** A leaf row of table 三 with its JSON pointer and label path. */
export interface RequestLeaf {
  readonly pointer: string;
  readonly path: readonly Label[];
  readonly def: RowDef;
}

/** The rows that hold cells under `rows`, with their pointers and label paths (each edition's table 三). */
export function leaves(rows: readonly RowDef[], base: string, path: readonly Label[]): RequestLeaf[] {
  const out: RequestLeaf[] = [];
  for (const r of rows) {
    const p = `${base}/${r.key}`;
    const lp = [...path, r.label];
    if (r.children) out.push(...leaves(r.children, p, lp));
    else out.push({ pointer: p, path: lp, def: r });
  }
  return out;
}

/** Every row of table 三 that holds cells, in the official order. */
export const REQUEST_LEAVES: readonly RequestLeaf[] = leaves(REQUEST_ROWS, '/requests', []);
/** The outcome items that （七）总计 adds up: （一）,（二） and every item of （三）…（六）. */
export const OUTCOME_ITEMS: readonly RequestLeaf[] = leaves(OUTCOME_GROUPS, '/requests/outcomes', [REQUEST_ROWS[2]!.label]);
