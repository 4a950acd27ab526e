// The JSON Schema of a 2019-edition data file (`format: "2019"`): the 2021
// schema with the 2019 edition's own table 二 and table 三 rows, generated from
// src/model/edition2019.ts like the 2021 one from its model.
import { SECTIONS, TOP_FIELDS } from '../model/edition2021.js';
import { AMOUNT_COLUMNS, AMOUNT_UNITS, NOTICE, PROACTIVE_BLOCKS, PROACTIVE_COLUMNS, REQUEST_ROWS, SIGNED_COLUMNS } from '../model/edition2019.js';
import { buildSchema, MAX_COUNT, requestRow } from './build-schema.js';

export const SCHEMA_2019_ID = 'https://unpkg.com/xxgk-report/schemas/report-2019.schema.json';

type Schema = Record<string, unknown>;

export function buildSchema2019(): Schema {
  const base = buildSchema() as Schema & { properties: Record<string, Schema>; $defs: Record<string, Schema> };
  const t2 = SECTIONS.proactive.zh;
  const proactive: Record<string, Schema> = {};
  for (const block of PROACTIVE_BLOCKS) {
    for (const row of block.rows) {
      const cols: Record<string, Schema> = {};
      for (const c of block.columns) {
        const label = PROACTIVE_COLUMNS[c].zh;
        const where = `${t2} · ${row.label.zh} · ${label}`;
        cols[c] = SIGNED_COLUMNS.has(c) ? { title: label, description: `${where}：整数，减少写负数（如 -4）`, $ref: '#/$defs/change' }
          : AMOUNT_COLUMNS.has(c) ? { title: label, description: `${where}：非负数，单位见 unit（表中未规定单位）`, $ref: '#/$defs/money' }
          : { title: label, description: where, $ref: '#/$defs/count' };
      }
      const required = [...block.columns];
      if (block.columns.some((c) => AMOUNT_COLUMNS.has(c))) {
        cols.unit = { title: '金额单位', description: `${t2} · ${row.label.zh} · 采购总金额的单位，照报告所写（可省略）`, type: 'string', enum: [...AMOUNT_UNITS] };
      }
      proactive[row.key] = { title: row.label.zh, description: `${t2} · ${block.label.zh} · ${row.label.zh}`, type: 'object', properties: cols, required, additionalProperties: false };
    }
  }
  const t3 = SECTIONS.requests.zh;
  const requests: Record<string, Schema> = {};
  for (const row of REQUEST_ROWS) requests[row.key] = requestRow(row, `${t3} · `);
  const props = base.properties;
  return {
    ...base,
    $id: SCHEMA_2019_ID,
    title: '政府信息公开工作年度报告（2019 年试行格式）',
    description: `按${NOTICE.zh}《中华人民共和国政府信息公开工作年度报告格式（试行）》填报的年度报告数据文件（2019、2020 年度）`,
    properties: {
      ...props,
      format: { title: TOP_FIELDS.format.zh, description: `格式版本：2019 指${NOTICE.zh}规定的试行格式`, type: 'string', const: '2019' },
      proactive: { ...props.proactive, description: '二、主动公开政府信息情况（第二十条第（一）、（五）、（六）、（八）、（九）项）', properties: proactive, required: Object.keys(proactive) },
      requests: { ...props.requests, properties: requests },
    },
    $defs: {
      ...base.$defs,
      money: { title: '金额', description: '非负数（表中未规定单位）', type: 'number', minimum: 0, maximum: MAX_COUNT },
      change: { title: '增减数', description: '整数：增加为正，减少为负', type: 'integer', minimum: -MAX_COUNT, maximum: MAX_COUNT },
    },
  };
}
