// The 2019 trial edition rendered in its own layout (HTML and Markdown), and
// rolled up (aggregate refuses a mix of editions).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderReport, reportView } from '../../src/render/index.js';
import { loadReport } from '../../src/load/load.js';
import { validateReport } from '../../src/check.js';
import { aggregateProblems, aggregateReports, breakdownCsv } from '../../src/aggregate/aggregate.js';
import { EDITION_2019 } from '../../src/model/edition.js';

const ROOT = join(import.meta.dirname, '..', '..');
const read = (f: string) => loadReport(readFileSync(join(ROOT, f)), { filename: f }).data as Record<string, any>;
const shanghai = () => structuredClone(read('tests/fixtures/valid/shanghai-2019.yaml'));
const TODAY = new Date('2026-11-28T00:00:00Z');

describe('render, 2019 edition', () => {
  it('the view has the 2019 table 二: five blocks, its columns and rows, the unit of 采购总金额', () => {
    const v = reportView(shanghai());
    const t2 = v.proactive.tables[0]!;
    expect(t2.groups.map((g) => g.rows[0]!.cells[0]!.text)).toEqual(EDITION_2019.proactiveBlocks.map((b) => b.label.zh));
    expect(t2.groups[0]!.rows[1]!.cells.map((c) => c.text)).toEqual(['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量']);
    expect(t2.groups[1]!.rows.map((r) => r.cells[0]!.text)).toEqual(['第二十条第（五）项', '信息内容', '行政许可', '其他对外管理服务事项']);
    const procurement = t2.groups[4]!.rows[2]!.cells;
    expect(procurement.map((c) => c.text)).toEqual(['政府集中采购', '6', '251000元']);
    expect(procurement[2]!.pointer).toBe('/proactive/procurement/totalAmount');
  });
  it('（六）其他处理 is one row of table 三 with its cells', () => {
    const d = shanghai();
    d.requests.outcomes.otherHandling.naturalPerson = 0;
    const rows = reportView(d).requests.tables[0]!.groups[1]!.rows;
    const six = rows.find((r) => r.cells.some((c) => c.text === '（六）其他处理'))!;
    expect(six.cells.filter((c) => !c.th).map((c) => c.pointer)).toEqual([
      'naturalPerson', 'commercial', 'research', 'socialWelfare', 'legalService', 'otherOrg', 'total',
    ].map((k) => `/requests/outcomes/otherHandling/${k}`));
    expect(rows.some((r) => r.cells.some((c) => c.text.startsWith('1.申请人无正当理由')))).toBe(false);
    // The computed 总计 of the 2019 rows, as in 2021.
    expect(rows.find((r) => r.cells.some((c) => c.text === '（一）予以公开'))!.cells.at(-1)).toMatchObject({ text: '272', className: 'num computed' });
  });
  it('Markdown and HTML in the 2019 layout', () => {
    const md = renderReport(shanghai(), { format: 'md' });
    expect(md).toContain('### 第二十条第（九）项\n\n| 信息内容 | 采购项目数量 | 采购总金额 |\n| --- | ---: | ---: |\n| 政府集中采购 | 6 | 251000元 |');
    expect(md).toContain('| 规范性文件 | 0 | 0 | 0 |');
    expect(md).toContain('| （六）其他处理 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |');
    expect(md).not.toContain('本年制发件数');
    const html = renderReport(shanghai(), { format: 'html' });
    expect(html).toContain('其他对外管理服务事项');
    expect(html).toContain('>251000元<');
    expect(html).not.toContain('本年收费金额');
  });
});

describe('aggregate, 2019 edition', () => {
  const units = () => [{ file: 'a.yaml', data: shanghai() }, { file: 'b.yaml', data: shanghai() }];
  it('sums 2019 reports into a 2019 report that validates', () => {
    const u = units();
    u[1]!.data.proactive.licensing = { previousYear: 6, change: -4, decisions: 2 };
    u[1]!.data.proactive.procurement.totalAmount = 0.5;
    expect(aggregateProblems(u)).toEqual([]);
    const sum = aggregateReports(u, { agency: '上海市' }) as Record<string, any>;
    expect(sum.format).toBe('2019');
    expect(sum.proactive.licensing).toEqual({ previousYear: 6, change: -4, decisions: 2 });
    expect(sum.proactive.procurement).toEqual({ projects: 12, totalAmount: 251000.5, unit: '元' });
    expect(sum.requests.outcomes.otherHandling).toEqual({ naturalPerson: 0, commercial: 0, research: 0, socialWelfare: 0, legalService: 0, otherOrg: 0, total: 0 });
    expect(sum.requests.received.total).toBe(1718);
    expect(validateReport({ ...sum, year: 2019 }, { today: TODAY })).toEqual([]);
    const csv = breakdownCsv(u, 'zh').split('\r\n');
    expect(csv[0]).toContain('行政许可 · 本年增/减');
    expect(csv[2]!.split(',')).toContain('-4');
  });
  it('refuses a mix of editions, and 采购总金额 in different units', () => {
    const mixed = [{ file: 'a.yaml', data: shanghai() }, { file: 'h.yaml', data: { ...read('examples/hanyang-2022.yaml'), year: 2019 } }];
    expect(aggregateProblems(mixed)).toEqual([{ kind: 'format', file: 'h.yaml', value: '2021', expected: '2019', first: 'a.yaml' }]);
    const u = units();
    delete u[1]!.data.proactive.procurement.unit;
    expect(aggregateProblems(u)).toEqual([{ kind: 'cell', file: 'b.yaml', pointer: '/proactive/procurement/unit' }]);
  });
});
