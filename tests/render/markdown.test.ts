// The Markdown output: six sections, tables of consistent width, markdownlint
// clean (MD013 off), user Markdown normalised without changing what it says.
import MarkdownIt from 'markdown-it';
import { lint } from 'markdownlint/sync';
import { describe, expect, it } from 'vitest';
import { SECTION_ORDER, SECTIONS } from '../../src/model/edition2021.js';
import { escapeMarkdownText, markdownToHtml, normalizeMarkdown } from '../../src/render/markdown.js';
import { renderReport } from '../../src/render/index.js';
import { EXAMPLES, load } from './helpers.js';

const LINT_CONFIG = { default: true, MD013: false };

function lintErrors(text: string): string[] {
  const r = lint({ strings: { out: text }, config: LINT_CONFIG });
  return (r.out ?? []).map((e) => `${e.lineNumber}: ${e.ruleNames.join('/')} ${e.ruleDescription} ${e.errorDetail ?? ''} [${e.errorContext ?? ''}]`);
}

/** Cells of a pipe-table line, split on unescaped pipes. */
function pipeCells(line: string): number {
  let n = 0;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '\\') { i++; continue; }
    if (line[i] === '|') n++;
  }
  return n - 1;
}

// Markdown that exercises every construct of the normaliser, with the usual sins of hand-written text.
const MESSY = [
  '# 一级标题',
  '### 三级标题跳级',
  'text with trailing spaces   ',
  'and a\ttab, a bare URL https://www.gov.cn/zhengce/ and *emphasis*, __strong__, `code`, ~~gone~~.',
  '',
  '**单独一行的粗体**',
  '',
  '**以标点结尾的粗体：**',
  '',
  '* star item',
  '+ plus item',
  '    1) nested ordered',
  '    2) second',
  '',
  '3. list starting at three',
  '7. numbered oddly',
  '',
  '> quote',
  '>',
  '> more',
  '',
  '    indented code',
  '',
  '```',
  'fence without language',
  '```',
  '',
  '***',
  '',
  '| a | b |',
  '|:-|-:|',
  '| 1 | 2 \\| 3 |',
  '',
  '[](https://example.org/empty) [链接](https://example.org/a_(b)) ![](http://example.org/i.png)',
  'hard break  ',
  'next line',
  '',
  '',
  '',
  '## 末尾标题。',
].join('\n');

const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();

describe('Markdown output', () => {
  for (const path of EXAMPLES) {
    describe(path, () => {
      const md = renderReport(load(path), { format: 'md' });
      const tokens = new MarkdownIt().parse(md, {});

      it('has the six sections, titled and numbered officially, in order, under one title', () => {
        const heads = tokens.flatMap((t, i) => (t.type === 'heading_open' ? [{ tag: t.tag, text: tokens[i + 1]!.content }] : []));
        expect(heads.filter((h) => h.tag === 'h1')).toHaveLength(1);
        expect(heads.filter((h) => h.tag === 'h2').map((h) => h.text)).toEqual(SECTION_ORDER.map((k) => SECTIONS[k].zh));
      });

      it('has tables whose rows all have the header cell count', () => {
        const lines = md.split('\n');
        let tables = 0;
        for (let i = 0; i < lines.length; i++) {
          if (!lines[i]!.startsWith('| ') || !/^\| -{3}/.test(lines[i + 1] ?? '') && !/^\| -{3}:/.test(lines[i + 1] ?? '')) continue;
          tables++;
          const width = pipeCells(lines[i]!);
          for (let j = i + 1; j < lines.length && lines[j]!.startsWith('|'); j++) expect(pipeCells(lines[j]!), lines[j]).toBe(width);
        }
        // 二 (four blocks), 三, 四.
        expect(tables).toBeGreaterThanOrEqual(6);
        // markdown-it sees the same: every row of every table as wide as its header.
        let row = 0;
        let header = 0;
        for (const t of tokens) {
          if (t.type === 'table_open') header = -1;
          if (t.type === 'tr_open') row = 0;
          if (t.type === 'th_open' || t.type === 'td_open') row++;
          if (t.type === 'tr_close') { if (header === -1) header = row; else expect(row).toBe(header); }
        }
      });

      it('passes markdownlint (default rules, MD013 off)', () => {
        expect(lintErrors(md)).toEqual([]);
      });

      it('holds no raw HTML and no unsafe link', () => {
        const html = new MarkdownIt({ html: true }).parse(md, {});
        const all = html.flatMap((t) => [t, ...(t.children ?? [])]);
        expect(all.filter((t) => t.type === 'html_inline' || t.type === 'html_block')).toEqual([]);
        for (const t of all.filter((x) => x.type === 'link_open')) expect(t.attrGet('href')).toMatch(/^(https?:|mailto:|#)/);
      });
    });
  }

  it('flattens hierarchical row labels and grouped column labels', () => {
    const md = renderReport(load('examples/hanyang-2022.yaml'), { format: 'md' });
    expect(md).toContain('| （三）不予公开 · 1.属于国家秘密 |');
    expect(md).toContain('| （六）其他处理 · 3.其他 |');
    expect(md).toContain('申请人情况 · 法人或其他组织 · 商业企业');
    expect(md).toContain('行政诉讼 · 复议后起诉 · 尚未审结');
    expect(md).toMatch(/\| 一、本年新收政府信息公开申请数量 \| 8 \| 0 \| 0 \| 0 \| 0 \| 0 \| 8 \|/);
  });

  it('escapes text that would break Markdown', () => {
    expect(escapeMarkdownText('a | b # c * d _e_ [x](y) <b> &amp;')).toBe('a \\| b \\# c \\* d \\_e\\_ \\[x\\](y) \\<b\\> \\&amp;');
    const d = structuredClone(load('examples/shizhi-2023.yaml')) as Record<string, unknown>;
    d.agency = '# 1. |机关| *甲*';
    const md = renderReport(d, { format: 'md' });
    expect(md.split('\n')[0]).toBe('# \\# 1. \\|机关\\| \\*甲\\*2023年政府信息公开工作年度报告');
    expect(lintErrors(md)).toEqual([]);
    // The signature line starts with the agency: it must not turn into a heading or list.
    expect(md).toContain('\\# 1. \\|机关\\| \\*甲\\*\\\n2024年1月20日');
  });

  it('normalises messy user Markdown to lint-clean Markdown that says the same', () => {
    const d = structuredClone(load('examples/shizhi-2023.yaml')) as Record<string, unknown>;
    d.overview = MESSY;
    d.problems = MESSY;
    d.preamble = MESSY;
    const md = renderReport(d, { format: 'md' });
    expect(lintErrors(md)).toEqual([]);
    // Same words in the same order once rendered (headings re-levelled, images shown as links,
    // a list not starting at 1 kept as numbered paragraphs).
    const norm = normalizeMarkdown(MESSY);
    const words = (s: string) => textOf(new MarkdownIt().render(s)).replace(/&amp;/g, '&');
    expect(words(norm).replace(/ /g, '')).toBe(words(MESSY.replace('![](http://example.org/i.png)', '[http://example.org/i.png](http://example.org/i.png)').replace('[](https://example.org/empty)', '[https://example.org/empty](https://example.org/empty)').replace('3. list starting at three\n7. numbered oddly', '3\\. list starting at three\n\n4\\. numbered oddly')).replace(/ /g, ''));
  });

  it('fits user headings under the section heading without skipping levels', () => {
    expect(normalizeMarkdown('# a\n\n### b\n\n## c')).toBe('### a\n\n#### b\n\n#### c');
    expect(markdownToHtml('# a\n\n#### b')).toBe('<h3>a</h3>\n<h4>b</h4>\n');
    expect(normalizeMarkdown('**小标题**\n\n正文')).toBe('### 小标题\n\n正文');
    expect(normalizeMarkdown('**结尾有标点。**')).toBe('**结尾有标点。**');
  });
});
