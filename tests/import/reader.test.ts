// The reader on small inputs: encodings, layouts, label variants, blank and
// odd cells, editions. Each case is a page shape seen on real sites.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { importReport } from '../../src/import/import.js';
import { norm } from '../../src/import/normalize.js';
import { extractHtml } from '../../src/import/extract.js';
import { validateReport } from '../../src/check.js';
import { loadReport } from '../../src/load/load.js';
import { renderReport } from '../../src/render/index.js';
import { tableNumbers } from './expected.js';

const FIX = join(import.meta.dirname, '..', 'fixtures', 'import');
const SEED = readFileSync(join(FIX, 'seed', 'shizhi-2023.txt'));
const TODAY = new Date('2026-11-28T00:00:00Z');
const imp = (text: string | Uint8Array, filename = 'page.txt') => importReport(text, { filename, currentYear: 2026 });
const gapsOf = (r: { gaps: readonly { pointer: string; reason: string }[] }) => Object.fromEntries(r.gaps.map((g) => [g.pointer, g.reason]));

describe('the seed report', () => {
  it('imports completely, validates clean and holds every number of the seed', async () => {
    const r = await imp(SEED, 'seed.txt');
    expect(r.gaps).toEqual([]);
    expect(r.edition).toBe('2021');
    expect(validateReport(r.report, { today: TODAY })).toEqual([]);
    // examples/shizhi-2023.yaml was typed by hand from the same seed.
    const example = loadReport(readFileSync(join(import.meta.dirname, '..', '..', 'examples', 'shizhi-2023.yaml')), { filename: 'x.yaml' }).data as Record<string, unknown>;
    expect(Object.fromEntries(tableNumbers(r.report))).toEqual(Object.fromEntries(tableNumbers(example)));
    expect(r.report.agency).toBe(example.agency);
    expect(r.report.year).toBe(example.year);
    expect(r.report.contact).toEqual(example.contact);
    expect(r.report.other).toBe('无');
    expect(String(r.report.overview)).toMatch(/^2023 年，我街道高度重视/);
  });

  it('renders back every number of the seed', async () => {
    const r = await imp(SEED, 'seed.txt');
    for (const format of ['md', 'html'] as const) {
      const again = await imp(renderReport(r.report, { format }), `seed.${format}`);
      expect(again.gaps).toEqual([]);
      expect(Object.fromEntries(tableNumbers(again.report))).toEqual(Object.fromEntries(tableNumbers(r.report)));
    }
  });

  it('reads the same from GB18030, UTF-8 with BOM and UTF-16 bytes', async () => {
    const base = await imp(SEED, 'seed.txt');
    const text = SEED.toString('utf8');
    for (const bytes of [iconv.encode(text, 'gb18030'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), SEED]), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])]) {
      const r = await imp(bytes, 'seed.txt');
      expect(r.report).toEqual(base.report);
    }
    expect((await imp(iconv.encode(text, 'gb18030'))).source.encoding).toBe('GB18030');
    // A cut download: UTF-8 with a stray byte stays UTF-8 (not GB18030 mojibake).
    const cut = await imp(Buffer.concat([SEED, Buffer.from([0xe5, 0x85])]), 'seed.txt');
    expect(cut.source.encoding).toBe('UTF-8');
    expect(cut.report.agency).toBe(base.report.agency);
  });
});

const HEAD = '示例局2023年政府信息公开工作年度报告\n一、总体情况\n2023年，我局认真落实条例。\n二、主动公开政府信息情况\n';
const T2 = '第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t1\t0\t4\n行政规范性文件\t2\t1\t9\n第二十条第（五）项\n信息内容\t本年处理决定数量\n行政许可\t7\n第二十条第（六）项\n信息内容\t本年处理决定数量\n行政处罚\t3\n行政强制\t0\n第二十条第（八）项\n信息内容\t本年收费金额（单位：万元）\n行政事业性收费\t0.35\n';

describe('cells', () => {
  it('places blank cells by position in a tab-separated row and never fills them with 0', async () => {
    const r = await imp(`${HEAD}${T2}三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t\t3\t\t\t\t\t\t3\n二、上年结转政府信息公开申请数量\t\t/\t—\t-\t无\t/\t/\t0\n`);
    expect(r.report.requests).toEqual({ received: { naturalPerson: 3, total: 3 }, carriedOver: { total: 0 } });
    const g = gapsOf(r);
    expect(g['/requests/received/commercial']).toBe('blank');
    expect(g['/requests/carriedOver/naturalPerson']).toBe('marker');
    expect(g['/requests/carriedOver/socialWelfare']).toBe('marker');
    expect(g['/requests/carriedOver/legalService']).toBe('marker');
    expect(r.report.proactive).toEqual({
      regulations: { issued: 1, repealed: 0, inForce: 4 }, normativeDocuments: { issued: 2, repealed: 1, inForce: 9 },
      licensing: { decisions: 7 }, punishment: { decisions: 3 }, coercion: { decisions: 0 }, fees: { amountTenThousandYuan: 0.35 },
    });
  });

  it('refuses to guess when a flattened row lost its blank cells', async () => {
    // One cell per line: the blank cells vanished, two values for seven columns.
    const r = await imp(`${HEAD}${T2}三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\n3\n3\n二、上年结转政府信息公开申请数量\n0\n0\n0\n0\n0\n0\n0\n`);
    const received = r.gaps.find((x) => x.pointer === '/requests/received');
    expect(received).toMatchObject({ reason: 'unplaced', printed: 2, columns: 7 });
    expect((r.report.requests as Record<string, unknown>).received).toBeUndefined();
    expect((r.report.requests as Record<string, unknown>).carriedOver).toEqual({ naturalPerson: 0, commercial: 0, research: 0, socialWelfare: 0, legalService: 0, otherOrg: 0, total: 0 });
  });

  it('reads thousands separators and full-width digits; a count with decimals or a word is a gap', async () => {
    const t2 = T2.replace('行政许可\t7', '行政许可\t1,234').replace('行政处罚\t3', '行政处罚\t１２').replace('规章\t1\t0\t4', '规章\t1.5\t减4\t4');
    const r = await imp(`${HEAD}${t2}`);
    const p = r.report.proactive as Record<string, Record<string, number>>;
    expect(p.licensing).toEqual({ decisions: 1234 });
    expect(p.punishment).toEqual({ decisions: 12 });
    expect(p.regulations).toEqual({ inForce: 4 });
    expect(gapsOf(r)['/proactive/regulations/issued']).toBe('not-integer');
    expect(gapsOf(r)['/proactive/regulations/repealed']).toBe('not-number');
  });
});

describe('labels', () => {
  it('normalises width, spaces, numbering marks, quotes, <br> breaks and known slips', () => {
    expect(norm('（三） 不予公开')).toBe(norm('(三)不予公开'));
    expect(norm('1、属于国家秘密')).toBe(norm('1.属于国家秘密'));
    expect(norm('3.危及"三安全一稳定"')).toBe(norm('3.危及“三安全一稳定”'));
    expect(norm('6.属于四类过程性性信息')).toBe(norm('6.属于四类过程性信息'));
    expect(norm('本年度止件数')).toBe(norm('本年废止件数'));
    expect(norm('商业\n企业')).toBe(norm('商业企业'));
    expect(norm('總體情況')).toBe(norm('总体情况'));
  });

  it('finds rows whose labels are wrapped over lines, prefixed by their group or flattened with ·', async () => {
    const rows = [
      '三、本年度办理结果\t（一）予以公开\t1\t0\t0\t0\t0\t0\t1',
      '（三）不予公开 1、属于国家秘密\t2\t0\t0\t0\t0\t0\t2',
      '| （六）其他处理 · 3.其他 | 4 | 0 | 0 | 0 | 0 | 0 | 4 |',
    ].join('\n');
    const r = await imp(`${HEAD}${T2}三、收到和处理政府信息公开申请情况\n${rows}\n四、结转下年度继续办理 0 0 0 0 0 0 0\n`);
    const o = (r.report.requests as Record<string, Record<string, unknown>>).outcomes!;
    expect(o.disclosed).toMatchObject({ naturalPerson: 1, total: 1 });
    expect((o.withheld as Record<string, unknown>).stateSecret).toMatchObject({ naturalPerson: 2, total: 2 });
    expect((o.otherHandling as Record<string, unknown>).other).toMatchObject({ naturalPerson: 4, total: 4 });
    expect((r.report.requests as Record<string, unknown>).carriedForward).toMatchObject({ naturalPerson: 0, total: 0 });
  });

  it('joins a long label broken over two cells', async () => {
    const page = `${HEAD}${T2}三、收到和处理政府信息公开申请情况\n1.申请人无正当理由逾期不补正、\n行政机关不再处理其政府信息公开申请\n5\n0\n0\n0\n0\n0\n5\n`;
    const r = await imp(page);
    expect(((r.report.requests as Record<string, Record<string, Record<string, unknown>>>).outcomes!.otherHandling!).noCorrection).toMatchObject({ naturalPerson: 5, total: 5 });
  });

  it('keeps text that shares its heading line', async () => {
    const r = await imp(`${HEAD}${T2}五、存在的主要问题及改进情况：一是公开不够及时。\n二是解读不够。\n六、其他需要报告的事项：本年度未收取任何信息处理费，也没有其他需要向社会报告的事项。\n`);
    expect(r.report.problems).toBe('一是公开不够及时。\n\n二是解读不够。');
    expect(r.report.other).toBe('本年度未收取任何信息处理费，也没有其他需要向社会报告的事项。');
  });

  it('reads table 四 printed one row per group', async () => {
    const t4 = '| | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |\n|---|---|---|---|---|---|\n| 行政复议 | 1 | 0 | 0 | 0 | 1 |\n| 行政诉讼 · 未经复议直接起诉 | 0 | 1 | 0 | 0 | 1 |\n| 行政诉讼 · 复议后起诉 | 0 | 0 | 0 | 2 | 2 |\n';
    const r = await imp(`${HEAD}${T2}四、政府信息公开行政复议、行政诉讼情况\n${t4}五、存在的主要问题及改进情况\n无。\n`);
    expect(r.report.reviewsAndLawsuits).toEqual({
      review: { upheld: 1, corrected: 0, other: 0, pending: 0, total: 1 },
      suitDirect: { upheld: 0, corrected: 1, other: 0, pending: 0, total: 1 },
      suitAfterReview: { upheld: 0, corrected: 0, other: 0, pending: 2, total: 2 },
    });
  });

  it('reads section headings in their variants and at any Markdown level', async () => {
    const r = await imp('#### 一、总体情况\n甲。\n###### 四、因政府信息公开工作被申请行政复议和提起行政诉讼情况\n0 0 0 0 0 1 0 0 0 1 0 0 0 0 0\n五、政府信息公开工作存在的主要问题及改进情况\n乙。\n六、其他需要报告的事项\n无。\n');
    expect(r.report.overview).toBe('甲。');
    expect(r.report.problems).toBe('乙。');
    expect(r.report.reviewsAndLawsuits).toMatchObject({ suitDirect: { upheld: 1, total: 1 } });
  });
});

describe('editions and refusals', () => {
  it('names the 2019 trial edition by its table 二', async () => {
    const r = await imp('2020年某镇政府信息公开工作年度报告\n一、总体情况\n略。\n二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n规章\t0\t0\t0\n');
    expect(r.refused).toBeUndefined();
    expect(r.edition).toBe('2019');
    expect(r.report.format).toBe('2019');
    expect(r.report.proactive).toEqual({ regulations: { newlyMade: 0, newlyPublished: 0, totalPublished: 0 } });
  });

  it('names the 2019 trial edition by its single-row （六）其他处理', async () => {
    const r = await imp(`${HEAD}三、收到和处理政府信息公开申请情况\n（五）不予处理\t1.信访举报投诉类申请\t0\t0\t0\t0\t0\t0\t0\n（六）其他处理\t0\t0\t0\t0\t0\t0\t0\n（七）总计\t0\t0\t0\t0\t0\t0\t0\n`);
    expect(r.edition).toBe('2019');
    expect((r.report.requests as any).outcomes.otherHandling).toEqual({ naturalPerson: 0, commercial: 0, research: 0, socialWelfare: 0, legalService: 0, otherOrg: 0, total: 0 });
  });

  it('is not misled by prose in section 二 that mentions a 2019-only row', async () => {
    const r = await imp(`${HEAD}全年公开政府集中采购信息12条，对外公开总数量较上年增加。\n${T2}`);
    expect(r.edition).toBe('2021');
    expect(r.refused).toBeUndefined();
  });

  it('names the pre-2019 layout', async () => {
    const r = await imp('某局2015年政府信息公开工作年度报告\n一、概述\n略。\n二、主动公开政府信息的情况\n略。\n三、依申请公开政府信息的情况\n略。\n');
    expect(r.refused).toEqual({ reason: 'edition-pre-2019', year: 2015 });
  });

  it('refuses text that is not a report, and binary data', async () => {
    expect((await imp('会议纪要\n今天开会讨论了三件事。\n')).refused?.reason).toBe('not-a-report');
    expect((await imp(new Uint8Array([0, 1, 2, 3, 0, 0, 7, 8, 9, 0, 0, 0, 1, 2]), 'x.bin')).refused?.reason).toBe('binary');
    expect((await imp(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]), 'old.doc')).refused?.reason).toBe('binary');
    expect((await imp(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'broken.docx')).refused?.reason).toBe('binary');
  });
});

describe('page shapes', () => {
  it('skips a table of contents that lists the six headings before the report', async () => {
    const toc = '目录\n一、总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n六、其他需要报告的事项\n';
    const r = await imp(`${toc}${HEAD}${T2}五、存在的主要问题及改进情况\n问题。\n六、其他需要报告的事项\n无。\n`);
    expect(r.report.overview).toBe('2023年，我局认真落实条例。');
    expect((r.report.proactive as Record<string, unknown>).licensing).toEqual({ decisions: 7 });
    expect(r.report.problems).toBe('问题。');
  });

  it('reads one-cell-per-line pages where a line of prose runs into the first label', async () => {
    const page = `${HEAD}${T2}三、收到和处理政府信息公开申请情况\n2023年共收到申请3件。\n一、本年新收政府信息公开申请数量 |\n3 |\n0 |\n0 |\n0 |\n0 |\n0 |\n3 |\n|\n`;
    const r = await imp(page);
    expect((r.report.requests as Record<string, unknown>).received).toEqual({ naturalPerson: 3, commercial: 0, research: 0, socialWelfare: 0, legalService: 0, otherOrg: 0, total: 3 });
  });

  it('takes a count printed with its unit, and a fee in 万元, but not a fee in 元', async () => {
    const t2 = T2.replace('行政许可\t7', '行政许可\t7件').replace('行政事业性收费\t0.35', '行政事业性收费\t0.35万元');
    const r = await imp(`${HEAD}${t2}`);
    expect((r.report.proactive as Record<string, unknown>).licensing).toEqual({ decisions: 7 });
    expect((r.report.proactive as Record<string, unknown>).fees).toEqual({ amountTenThousandYuan: 0.35 });
    const yuan = await imp(`${HEAD}${T2.replace('行政事业性收费\t0.35', '行政事业性收费\t3500元')}`);
    expect(gapsOf(yuan)['/proactive/fees/amountTenThousandYuan']).toBe('not-number');
  });

  it('reads absurdly nested HTML without building a tree, in reasonable time', async () => {
    const html = readFileSync(join(FIX, 'html', 'official.html'), 'utf8').replace('<body>', `<body>${'<div>'.repeat(20_000)}x${'</div>'.repeat(20_000)}`);
    const t = Date.now();
    const r = await imp(html, 'deep.html');
    expect(Date.now() - t).toBeLessThan(10_000);
    expect(r.gaps).toEqual([]);
    expect((r.report.requests as Record<string, unknown>).carriedForward).toEqual({ naturalPerson: 1, commercial: 1, research: 0, socialWelfare: 0, legalService: 0, otherOrg: 0, total: 2 });
  });
});

describe('HTML grid', () => {
  const page = (row: string) => `<p>二、主动公开政府信息情况</p><table>
<tr><td colspan="4">第二十条第（一）项</td></tr>
<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
${row}
<tr><td>行政规范性文件</td><td>2</td><td>1</td><td>9</td></tr>
<tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr>
<tr><td>行政许可</td><td colspan="3">7</td></tr></table>`;

  it('places cells by grid column; a blank cell merged over two columns leaves both blank', async () => {
    const r = await imp(page('<tr><td>规章</td><td colspan="2">&nbsp;</td><td>4</td></tr>'), 'p.html');
    expect((r.report.proactive as Record<string, unknown>).regulations).toEqual({ inForce: 4 });
    expect(gapsOf(r)['/proactive/regulations/issued']).toBe('blank');
    expect(gapsOf(r)['/proactive/regulations/repealed']).toBe('blank');
    expect((r.report.proactive as Record<string, unknown>).licensing).toEqual({ decisions: 7 });
  });

  it('does not spread one value over merged columns', async () => {
    const r = await imp(page('<tr><td>规章</td><td colspan="2">3</td><td>4</td></tr>'), 'p.html');
    expect(r.gaps.find((g) => g.pointer === '/proactive/regulations')).toMatchObject({ reason: 'unplaced' });
  });
});

describe('one report, flattened the ways pages are copied', () => {
  const html = readFileSync(join(FIX, 'html', 'official.html'), 'utf8');
  const units = extractHtml(html);
  const rows = (sep: string, end = '') => units.map((u) => (u.kind === 'line' ? u.text : u.cells.map((c) => c.text.replace(/\n/g, '')).join(sep) + end)).join('\n');
  const shapes: Record<string, string> = {
    'rows split by " | "': rows(' | ', ' |'),
    'rows split by tabs': rows('\t'),
    'rows split by spaces': rows(' '),
    'one cell per line, each ending in "|"': units.map((u) => (u.kind === 'line' ? u.text : u.cells.map((c) => `${c.text.replace(/\n/g, '')} |`).join('\n'))).join('\n'),
    'one cell per line, blank lines between': units.map((u) => (u.kind === 'line' ? u.text : u.cells.map((c) => c.text.replace(/\n/g, '')).join('\n\n'))).join('\n\n'),
  };
  for (const [name, text] of Object.entries(shapes)) {
    it(`${name}: the same data as the web page`, async () => {
      const ref = await imp(html, 'page.html');
      const r = await imp(text, 'page.txt');
      expect(r.gaps).toEqual([]);
      expect(r.report).toEqual(ref.report);
    });
  }
});

describe('a page with a blank cell, flattened', () => {
  const html = new TextDecoder('gb18030').decode(readFileSync(join(FIX, 'html', 'word-gbk.html')));
  const units = extractHtml(html);
  const cells = (u: (typeof units)[number]) => (u.kind === 'row' ? u.cells.map((c) => c.text.replace(/\n/g, '')) : []);
  const text = (f: (u: (typeof units)[number]) => string) => units.map((u) => (u.kind === 'line' ? u.text : f(u))).join('\n');
  const blank = { '/proactive/regulations/inForce': 'blank', '/proactive/fees/amountTenThousandYuan': 'marker' };
  const lost = { '/proactive/regulations': 'unplaced', '/proactive/fees/amountTenThousandYuan': 'marker' };
  const shapes: [string, string, Record<string, string>][] = [
    ['tabs keep the blank cell in its column', text((u) => cells(u).join('\t')), blank],
    ['"|" after every cell keeps it too', text((u) => cells(u).map((c) => `${c} |`).join('\n')), blank],
    ['bare lines lose it: the row is not guessed', text((u) => cells(u).filter((c) => c.trim() !== '').join('\n')), lost],
    ['spaces lose it: the row is not guessed', text((u) => cells(u).join(' ')), lost],
  ];
  for (const [name, page, gaps] of shapes) {
    it(name, async () => {
      const r = await imp(page, 'page.txt');
      expect(gapsOf(r)).toEqual(gaps);
      expect((r.report.proactive as Record<string, unknown>).normativeDocuments).toEqual({ issued: 7, repealed: 3, inForce: 42 });
    });
  }
});
