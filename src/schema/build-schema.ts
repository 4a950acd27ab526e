// Builds the JSON Schema of the data file from the edition model, so that the
// schema's titles are the official labels and cannot drift from the code.
import {
  APPLICANT_COLUMN_KEYS, PROACTIVE_BLOCKS, PROACTIVE_COLUMNS,
  REQUEST_COLUMNS, REQUEST_ROWS, REVIEW_COLUMNS, REVIEW_GROUPS, SCOPES, SECTIONS, TOP_FIELDS,
  type RowDef,
} from '../model/edition2021.js';

export const SCHEMA_ID = 'https://unpkg.com/xxgk-report/schemas/report.schema.json';
/** Largest count accepted: beyond it a number cannot be held exactly. */
export const MAX_COUNT = Number.MAX_SAFE_INTEGER;

type Schema = Record<string, unknown>;

const prop = (title: string, description: string, body: Schema): Schema => ({ title, description, ...body });
const md = (title: string, description: string): Schema =>
  prop(title, `${description}（Markdown 文本）`, { type: 'string' });

function object(properties: Record<string, Schema>, required: string[], extra: Schema = {}): Schema {
  return { type: 'object', ...extra, properties, required, additionalProperties: false };
}

export function requestRow(def: RowDef, where: string): Schema {
  if (def.children) {
    const props: Record<string, Schema> = {};
    for (const c of def.children) props[c.key] = requestRow(c, `${where}${def.label.zh}`);
    return prop(def.label.zh, `${where}${def.label.zh}`, object(props, def.children.filter((c) => !c.optional).map((c) => c.key)));
  }
  const note = def.optional ? '（可省略：省略时自动计算，填写时予以核对）' : '';
  return { $ref: '#/$defs/requestRow', title: def.label.zh, description: `${where}${def.label.zh}：按申请人分列的件数${note}` };
}

export function buildSchema(): Schema {
  const t2 = SECTIONS.proactive.zh;
  const proactive: Record<string, Schema> = {};
  for (const block of PROACTIVE_BLOCKS) {
    for (const row of block.rows) {
      const cols: Record<string, Schema> = {};
      for (const c of block.columns) {
        const label = PROACTIVE_COLUMNS[c].zh;
        cols[c] = c === 'amountTenThousandYuan'
          ? prop(label, `${t2} · ${row.label.zh} · ${label}：非负数，至多四位小数`, { $ref: '#/$defs/amount' })
          : prop(label, `${t2} · ${row.label.zh} · ${label}`, { $ref: '#/$defs/count' });
      }
      proactive[row.key] = prop(row.label.zh, `${t2} · ${block.label.zh} · ${row.label.zh}`, object(cols, [...block.columns]));
    }
  }

  const t3 = SECTIONS.requests.zh;
  const requests: Record<string, Schema> = {};
  for (const row of REQUEST_ROWS) requests[row.key] = requestRow(row, `${t3} · `);

  const rowCols: Record<string, Schema> = {};
  for (const c of REQUEST_COLUMNS) {
    const label = c.group ? `${c.group.zh} · ${c.label.zh}` : c.label.zh;
    rowCols[c.key] = prop(label, c.optional ? `${label}：六类申请人之和（可省略：省略时自动计算）` : `申请人情况 · ${label}`, { $ref: '#/$defs/count' });
  }
  const reviewCols: Record<string, Schema> = {};
  for (const c of REVIEW_COLUMNS) {
    reviewCols[c.key] = prop(c.label.zh, c.optional ? `${c.label.zh}：结果维持、结果纠正、其他结果、尚未审结之和（可省略：省略时自动计算）` : c.label.zh, { $ref: '#/$defs/count' });
  }
  const t4 = SECTIONS.reviewsAndLawsuits.zh;
  const reviews: Record<string, Schema> = {};
  for (const g of REVIEW_GROUPS) {
    const label = g.group ? `${g.group.zh} · ${g.label.zh}` : g.label.zh;
    reviews[g.key] = { $ref: '#/$defs/reviewGroup', title: label, description: `${t4} · ${label}` };
  }

  const f = TOP_FIELDS;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: SCHEMA_ID,
    title: '政府信息公开工作年度报告（2021 年格式）',
    description: '按国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》填报的年度报告数据文件',
    ...object(
      {
        format: prop(f.format.zh, '格式版本：2021 指国办公开办函〔2021〕30号规定的格式', { type: 'string', const: '2021' }),
        agency: prop(f.agency.zh, '发布报告的行政机关全称', { type: 'string', pattern: '\\S' }),
        year: prop(f.year.zh, '报告所述的公历年度（2008 年起）', { type: 'integer', minimum: 2008, maximum: 9999 }),
        published: prop(f.published.zh, '报告发布日期，格式 YYYY-MM-DD', { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' }),
        scope: prop(f.scope.zh, `agency：${SCOPES.agency.zh}（默认，1 月 31 日前发布）；government：${SCOPES.government.zh}（3 月 31 日前发布）`, { type: 'string', enum: Object.keys(SCOPES) }),
        contact: prop(f.contact.zh, '联系机构、地址和电话', object({
          office: prop(f.office.zh, '负责解答疑问的机构', { type: 'string' }),
          address: prop(f.address.zh, '联系地址', { type: 'string' }),
          phone: prop(f.phone.zh, '联系电话（用引号写成文本，以免丢失开头的 0）', { type: 'string' }),
        }, [])),
        preamble: md(SECTIONS.preamble.zh, '第一部分之前的说明段落'),
        overview: md(SECTIONS.overview.zh, '一、总体情况'),
        proactive: prop(SECTIONS.proactive.zh, '二、主动公开政府信息情况（第二十条第（一）、（五）、（六）、（八）项）', object(proactive, Object.keys(proactive))),
        requests: prop(t3, '三、收到和处理政府信息公开申请情况', object(requests, REQUEST_ROWS.map((r) => r.key))),
        reviewsAndLawsuits: prop(t4, '四、政府信息公开行政复议、行政诉讼情况', object(reviews, Object.keys(reviews))),
        problems: md(SECTIONS.problems.zh, '五、存在的主要问题及改进情况'),
        other: md(SECTIONS.other.zh, '六、其他需要报告的事项'),
      },
      ['format', 'agency', 'year', 'overview', 'proactive', 'requests', 'reviewsAndLawsuits', 'problems', 'other'],
    ),
    $defs: {
      count: { title: '件数', description: '非负整数', type: 'integer', minimum: 0, maximum: MAX_COUNT },
      amount: { title: '金额（万元）', description: '非负数，至多四位小数', type: 'number', minimum: 0, maximum: MAX_COUNT },
      requestRow: { title: '申请人情况', description: '按申请人分列的一行', ...object(rowCols, [...APPLICANT_COLUMN_KEYS]) },
      reviewGroup: { title: '行政复议或行政诉讼', description: '按结果分列的件数', ...object(reviewCols, REVIEW_COLUMNS.filter((c) => !c.optional).map((c) => c.key)) },
    },
  };
}
