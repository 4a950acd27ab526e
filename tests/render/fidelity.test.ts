// Rendering the seed example reproduces every label and number of the seed
// text (tests/fixtures/render/seed-shizhi-2023.txt, a copy of the report this
// project started from), with the seed's slips corrected to the official wording.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { describe, expect, it } from 'vitest';
import { renderReport } from '../../src/render/index.js';
import { FIXTURES, load } from './helpers.js';

type Element = DefaultTreeAdapterMap['element'];
type Node = DefaultTreeAdapterMap['node'];

const SEED = readFileSync(join(FIXTURES, 'seed-shizhi-2023.txt'), 'utf8').replace(/\r\n?/g, '\n');

/** The seed's slips and the official wording that replaces them. */
function correct(label: string): string {
  return label
    .replace(/^\((.*)\)$/, '$1') // the note in ASCII parentheses
    .replace('本年度止件数', '本年废止件数') // 废止 misspelt
    .replace(/^\(([一二三四五六七])\)\s*/, '（$1）') // (一) 予以公开 → （一）予以公开
    .replace(/(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])/g, ''); // 结果 维持 → 结果维持 (a line break in a cell)
}

/** The seed text between two headings. */
function region(from: string, to: string): string {
  const a = SEED.indexOf(from);
  const b = SEED.indexOf(to, a + 1);
  if (a < 0 || b < 0) throw new Error(`seed region ${from}…${to} not found`);
  return SEED.slice(a + from.length, b);
}

function seedTable(text: string): { labels: string[]; numbers: string[] } {
  const cells = text.split('\n').filter((l) => l.includes('\t') || /^\S+\t?$/.test(l)).flatMap((l) => l.split('\t')).map((c) => c.trim()).filter(Boolean);
  return { labels: cells.filter((c) => !/^\d+(\.\d+)?$/.test(c)).map(correct), numbers: cells.filter((c) => /^\d+(\.\d+)?$/.test(c)) };
}

const TABLES = {
  'table-proactive': seedTable(region('## 二、主动公开政府信息情况', '### 三、')),
  'table-requests': seedTable(region('### 三、收到和处理政府信息公开申请情况', '#### 四、')),
  'table-reviews': seedTable(region('#### 四、政府信息公开行政复议、行政诉讼情况', '#### 五、')),
};

const els = (n: Node): Element[] => ('childNodes' in n ? (n as Element).childNodes.flatMap((c) => ['tagName' in c ? [c as Element] : [], els(c)].flat()) : []);
const text = (n: Node): string => (n.nodeName === '#text' ? (n as DefaultTreeAdapterMap['textNode']).value : 'childNodes' in n ? (n as Element).childNodes.map(text).join('') : '');

const data = load('examples/shizhi-2023.yaml');
const html = renderReport(data, { format: 'html' });
const md = renderReport(data, { format: 'md' });
const doc = els(parse(html));
const unescapeMd = (s: string) => s.replace(/\\([\\`*_[\]<>#|~&!.)=+-])/g, '$1');

describe('fidelity to the seed text', () => {
  it('reads the seed: three tables with every label and number', () => {
    expect(TABLES['table-proactive'].numbers).toHaveLength(10);
    expect(TABLES['table-requests'].numbers).toHaveLength(25 * 7);
    expect(TABLES['table-reviews'].numbers).toHaveLength(15);
    expect(TABLES['table-proactive'].labels).toContain('本年废止件数');
    expect(TABLES['table-requests'].labels).toContain('（三）不予公开');
    expect(TABLES['table-reviews'].labels).toContain('结果维持');
  });

  for (const [id, seed] of Object.entries(TABLES)) {
    it(`${id}: the same labels (corrected) and the same numbers in the same order`, () => {
      const table = doc.find((e) => e.attrs.some((a) => a.name === 'id' && a.value === id))!;
      const inner = els(table);
      const ths = inner.filter((e) => e.tagName === 'th').map((e) => text(e).trim());
      const tds = inner.filter((e) => e.tagName === 'td').map((e) => text(e).trim());
      expect(new Set(ths)).toEqual(new Set(seed.labels));
      expect(tds).toEqual(seed.numbers);
      // Markdown holds every label too (flattened) and every number, row by row.
      for (const l of seed.labels) expect(unescapeMd(md), l).toContain(l);
    });
  }

  it('reproduces every paragraph of text, and the six section titles', () => {
    const paragraphs = SEED.split('\n').map((l) => l.trim()).filter((l) => l && !l.includes('\t') && !l.startsWith('#') && !/^[\d\s]+$/.test(l) && l.length > 8);
    const prose = paragraphs.filter((p) => /[，。]/.test(p));
    expect(prose.length).toBeGreaterThanOrEqual(10);
    const page = text(doc.find((e) => e.tagName === 'body')!);
    for (const p of prose) {
      expect(page, p).toContain(p);
      expect(unescapeMd(md), p).toContain(p);
    }
    const headings = [...SEED.matchAll(/^#{2,6} (.+)$/gm)].map((m) => correct(m[1]!.trim()));
    const h = doc.filter((e) => /^h[1-6]$/.test(e.tagName)).map((e) => text(e));
    for (const t of headings.slice(1)) expect(h, t).toContain(t);
    // The seed's title lacks the county; ours is agency + year + 政府信息公开工作年度报告.
    expect(h[0]).toContain(correct(SEED.match(/^# (.+)$/m)![1]!).replace(/\s+/g, ''));
  });
});
