// The HTML output: document shell, the official table layout, escaping,
// computed totals, --force marks, --fragment, and user templates that cannot
// reach prototypes or the file system.
import { mkdtempSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { afterAll, describe, expect, it } from 'vitest';
import { validateReport } from '../../src/check.js';
import { SECTION_ORDER, SECTIONS } from '../../src/model/edition2021.js';
import { markdownToHtml } from '../../src/render/markdown.js';
import { renderReport, reportView, TemplateError } from '../../src/render/index.js';
import { readTemplatesDir } from '../../src/cli/templates.js';
import { EXAMPLES, load } from './helpers.js';
import { ROOT } from '../helpers/cli.js';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

function elements(root: Node): Element[] {
  const out: Element[] = [];
  const walk = (n: Node) => {
    if ('tagName' in n) out.push(n as Element);
    const kids = 'childNodes' in n ? (n as Element).childNodes : [];
    kids.forEach(walk);
    if ('content' in n && (n as DefaultTreeAdapterMap['template']).content) walk((n as DefaultTreeAdapterMap['template']).content);
  };
  walk(root);
  return out;
}
const attr = (e: Element, name: string) => e.attrs.find((a) => a.name === name)?.value;
const text = (n: Node): string =>
  'value' in n && (n as DefaultTreeAdapterMap['textNode']).nodeName === '#text' ? (n as DefaultTreeAdapterMap['textNode']).value
    : 'childNodes' in n ? (n as Element).childNodes.map(text).join('') : '';
const byText = (els: Element[], tag: string, t: string) => els.filter((e) => e.tagName === tag && text(e).trim() === t);

const hanyang = load('examples/hanyang-2022.yaml');
const tmp = mkdtempSync(join(tmpdir(), 'xxgk-render-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('HTML document', () => {
  const html = renderReport(hanyang, { format: 'html' });
  const els = elements(parse(html));

  it('is one self-contained zh-CN page titled agency + year + 政府信息公开工作年度报告', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(attr(els.find((e) => e.tagName === 'html')!, 'lang')).toBe('zh-CN');
    expect(text(els.find((e) => e.tagName === 'title')!)).toBe('武汉市汉阳区人民政府办公室2022年政府信息公开工作年度报告');
    expect(els.filter((e) => e.tagName === 'style')).toHaveLength(1);
  });

  it('makes no external request of any kind', () => {
    for (const path of EXAMPLES) {
      const page = renderReport(load(path), { format: 'html' });
      const all = elements(parse(page));
      expect(all.filter((e) => ['script', 'img', 'link', 'iframe', 'object', 'embed', 'video', 'audio', 'source', 'base', 'form', 'svg'].includes(e.tagName))).toEqual([]);
      expect(all.flatMap((e) => e.attrs.filter((a) => ['src', 'srcset', 'background', 'poster', 'action'].includes(a.name) || /^on/i.test(a.name)))).toEqual([]);
      expect(page).not.toMatch(/@import|url\(/i);
    }
  });

  it('has the six sections with their official titles, in order, and a print stylesheet for A4', () => {
    expect(els.filter((e) => e.tagName === 'h2').map((e) => text(e))).toEqual(SECTION_ORDER.map((k) => SECTIONS[k].zh));
    expect(html).toMatch(/@media print[\s\S]*@page \{ size: A4/);
    expect(html).toMatch(/font-family:[^;]*"SimSun"[^;]*serif/);
  });

  it('lays out table 二 as four blocks, each with its own header rows', () => {
    const t = els.find((e) => attr(e, 'id') === 'table-proactive')!;
    const inner = elements(t);
    for (const block of ['第二十条第（一）项', '第二十条第（五）项', '第二十条第（六）项', '第二十条第（八）项']) {
      const [th] = byText(inner, 'th', block);
      expect(attr(th!, 'colspan')).toBe('4');
      expect(attr(th!, 'scope')).toBe('colgroup');
    }
    expect(byText(inner, 'th', '信息内容')).toHaveLength(4);
    expect(byText(inner, 'th', '本年处理决定数量').map((e) => attr(e, 'colspan'))).toEqual(['3', '3']);
    expect(attr(byText(inner, 'th', '本年收费金额（单位：万元）')[0]!, 'colspan')).toBe('3');
    expect(attr(byText(inner, 'th', '行政规范性文件')[0]!, 'scope')).toBe('row');
    const cells = inner.filter((e) => attr(e, 'data-pointer')?.startsWith('/proactive/normativeDocuments/'));
    expect(cells.map((e) => text(e))).toEqual(['5', '12', '8']);
  });

  it('lays out table 三 with its two-level column header, the note and nested row labels', () => {
    const inner = elements(els.find((e) => attr(e, 'id') === 'table-requests')!);
    const note = inner.find((e) => e.tagName === 'th' && text(e).startsWith('本列数据的勾稽关系为'))!;
    expect([attr(note, 'rowspan'), attr(note, 'colspan')]).toEqual(['3', '3']);
    expect(attr(byText(inner, 'th', '申请人情况')[0]!, 'colspan')).toBe('7');
    expect(attr(byText(inner, 'th', '法人或其他组织')[0]!, 'colspan')).toBe('5');
    expect(attr(byText(inner, 'th', '自然人')[0]!, 'rowspan')).toBe('2');
    expect(attr(byText(inner, 'th', '总计')[0]!, 'rowspan')).toBe('2');
    const outcomes = byText(inner, 'th', '三、本年度办理结果')[0]!;
    expect([attr(outcomes, 'rowspan'), attr(outcomes, 'scope')]).toEqual(['22', 'rowgroup']);
    expect(attr(byText(inner, 'th', '（三）不予公开')[0]!, 'rowspan')).toBe('8');
    expect(attr(byText(inner, 'th', '（四）无法提供')[0]!, 'rowspan')).toBe('3');
    expect(attr(byText(inner, 'th', '（五）不予处理')[0]!, 'rowspan')).toBe('5');
    expect(attr(byText(inner, 'th', '（六）其他处理')[0]!, 'rowspan')).toBe('3');
    expect(attr(byText(inner, 'th', '（一）予以公开')[0]!, 'colspan')).toBe('2');
    expect(attr(byText(inner, 'th', '（七）总计')[0]!, 'colspan')).toBe('2');
    expect(attr(byText(inner, 'th', '一、本年新收政府信息公开申请数量')[0]!, 'colspan')).toBe('3');
    expect(attr(byText(inner, 'th', '1.属于国家秘密')[0]!, 'scope')).toBe('row');
    // Every body row spans the full width of 3 label columns + 7 numbers.
    const rows = inner.filter((e) => e.tagName === 'tr');
    expect(rows).toHaveLength(3 + 25);
    const received = inner.filter((e) => attr(e, 'data-pointer')?.startsWith('/requests/received/'));
    expect(received.map((e) => text(e))).toEqual(['8', '0', '0', '0', '0', '0', '8']);
    expect(received.every((e) => attr(e, 'class')?.split(' ').includes('num'))).toBe(true);
  });

  it('lays out table 四: 行政复议 over five columns, 行政诉讼 over two groups of five', () => {
    const inner = elements(els.find((e) => attr(e, 'id') === 'table-reviews')!);
    expect(attr(byText(inner, 'th', '行政复议')[0]!, 'colspan')).toBe('5');
    expect(attr(byText(inner, 'th', '行政诉讼')[0]!, 'colspan')).toBe('10');
    expect(attr(byText(inner, 'th', '未经复议直接起诉')[0]!, 'colspan')).toBe('5');
    expect(attr(byText(inner, 'th', '复议后起诉')[0]!, 'colspan')).toBe('5');
    expect(byText(inner, 'th', '结果维持').map((e) => attr(e, 'rowspan'))).toEqual(['2', undefined, undefined]);
    expect(inner.filter((e) => e.tagName === 'td')).toHaveLength(15);
  });

  it('renders Markdown sections with raw HTML shown as text and unsafe links refused', () => {
    const out = markdownToHtml('<b>x</b> [a](javascript:alert(1)) [b](vbscript:x) [c](file:///etc/passwd) [d](data:text/html,x) [ok](https://www.gov.cn/) ![i](http://e.org/i.png)');
    expect(out).toContain('&lt;b&gt;x&lt;/b&gt;');
    expect(out).not.toMatch(/href="(javascript|vbscript|file|data):/i);
    expect(out).toContain('<a href="https://www.gov.cn/" rel="noopener noreferrer">ok</a>');
    expect(out).toContain('<a href="http://e.org/i.png" rel="noopener noreferrer">i</a>');
    expect(out).not.toContain('<img');
  });
});

describe('computed totals, --force marks, --fragment', () => {
  it('shows totals absent from the data computed, equal to the written ones', () => {
    const d = structuredClone(hanyang) as { requests: Record<string, unknown>; reviewsAndLawsuits: Record<string, Record<string, number>> };
    const strip = (o: unknown): void => {
      if (o && typeof o === 'object') for (const [k, v] of Object.entries(o)) { if (k === 'total') delete (o as Record<string, unknown>)[k]; else strip(v); }
    };
    strip(d.requests);
    strip(d.reviewsAndLawsuits);
    expect(validateReport(d, { today: new Date('2023-06-01') }).filter((f) => f.severity === 'error')).toEqual([]);
    const html = renderReport(d, { format: 'html' });
    const nums = (h: string) => [...h.matchAll(/data-pointer="([^"]+)">([^<]*)</g)].map((m) => `${m[1]}=${m[2]}`);
    expect(nums(html)).toEqual(nums(renderReport(hanyang, { format: 'html' })));
    expect(html).toContain('class="num computed" data-pointer="/requests/outcomes/total/total">8<');
    expect(renderReport(d, { format: 'md' })).toBe(renderReport(hanyang, { format: 'md' }));
  });

  it('marks every cell a finding names, with the finding as its title, and lists the findings', () => {
    const d = structuredClone(hanyang) as { requests: { carriedForward: Record<string, number> } };
    d.requests.carriedForward.naturalPerson = 1;
    const findings = validateReport(d, { today: new Date('2023-06-01') }).filter((f) => f.severity === 'error');
    expect(findings.map((f) => f.pointer)).toContain('/requests/carriedForward/naturalPerson');
    const html = renderReport(d, { format: 'html', findings });
    const marked = elements(parse(html)).filter((e) => attr(e, 'class')?.split(' ').includes('inconsistent'));
    expect(marked.map((e) => attr(e, 'data-pointer')).sort()).toEqual([...new Set(findings.map((f) => f.pointer))].sort());
    expect(attr(marked[0]!, 'title')).toMatch(/相差 1/);
    expect(html).toContain('role="alert"');
    const md = renderReport(d, { format: 'md', findings });
    expect(md).toMatch(/\| 四、结转下年度继续办理 \| 1 ⚠ \|/);
    expect(md).toContain('本报告未通过检查');
    expect(renderReport(d, { format: 'md', findings, lang: 'en' })).toContain('I + II = 8 + 0 = 8, but III (7) total');
  });

  it('--fragment emits only the content, with its own scoped style', () => {
    const frag = renderReport(hanyang, { format: 'html', fragment: true });
    expect(frag).not.toMatch(/<html|<head|<body|<!DOCTYPE/i);
    expect(frag.trimStart().startsWith('<article class="xxgk-report">')).toBe(true);
    const els = elements(parseFragment(frag));
    expect(els.filter((e) => e.tagName === 'table')).toHaveLength(3);
    expect(els.filter((e) => e.tagName === 'style')).toHaveLength(1);
  });
});

describe('templates (--template)', () => {
  const dir = (files: Record<string, string>) => {
    const d = mkdtempSync(join(tmp, 't-'));
    for (const [f, s] of Object.entries(files)) writeFileSync(join(d, f), s);
    return d;
  };
  // What `--template DIR` does: the folder read (src/cli/templates.ts), its texts rendered.
  const fromDir = (d: string) => {
    const read = readTemplatesDir(d);
    return renderReport(hanyang, { format: 'html', templates: read.templates, templateFiles: read.files });
  };

  it('replaces a built-in template by name and keeps the others', () => {
    const d = dir({ 'style.hbs': 'body { color: red }', 'table.hbs': '<table class="mine">{{#each groups}}{{#each rows}}<tr>{{#each cells}}<td>{{text}}</td>{{/each}}</tr>{{/each}}{{/each}}</table>' });
    const html = fromDir(d);
    expect(html).toContain('body { color: red }');
    expect(html.match(/<table class="mine">/g)).toHaveLength(3);
    expect(html).toContain('<h2>三、收到和处理政府信息公开申请情况</h2>');
  });

  it('accepts the minimal page.hbs of docs/cli.md', () => {
    const doc = readFileSync(join(ROOT, 'docs', 'cli.md'), 'utf8');
    const page = /```hbs\n([\s\S]*?)```/.exec(doc)![1]!;
    const html = renderReport(hanyang, { format: 'html', templates: { page } });
    expect(html).toContain('<title>武汉市汉阳区人民政府办公室2022年政府信息公开工作年度报告</title>');
    expect(html.match(/<table id=/g)).toHaveLength(3);
  });

  it('gives the documented variables', () => {
    const page = [
      '{{lang}}|{{title}}|{{agency}}|{{year}}|{{published}}|{{publishedText}}|{{contact.label}}',
      '{{#each sections}}[{{key}}:{{id}}:{{title}}]{{/each}}',
      '{{overview.html}}|{{overview.markdown}}|{{requests.tables.0.id}}|{{requests.tables.0.columns}}|{{forced}}|{{fragment}}',
    ].join('\n');
    const d = structuredClone(load('examples/shizhi-2023.yaml')) as Record<string, unknown>;
    d.overview = '**粗** <i>';
    const html = renderReport(d, { format: 'html', templates: { page } });
    expect(html).toContain('zh-CN|方城县释之街道办事处2023年政府信息公开工作年度报告|方城县释之街道办事处|2023|2024-01-20|2024年1月20日|联系方式');
    expect(html).toContain('[overview:section-overview:一、总体情况][proactive:section-proactive:二、主动公开政府信息情况]');
    expect(html).toContain('<p><strong>粗</strong> &lt;i&gt;</p>\n|**粗** &lt;i&gt;|table-requests|10|false|false');
    const view = reportView(d);
    expect(Object.keys(view)).toEqual(expect.arrayContaining(['title', 'agency', 'year', 'sections', 'overview', 'proactive', 'requests', 'reviewsAndLawsuits', 'problems', 'other', 'forced', 'findings']));
  });

  it('cannot reach prototypes', () => {
    const probes = [
      '{{constructor}}', '{{constructor.name}}', '{{__proto__}}', '{{this.__proto__.constructor}}', '{{@root.constructor.name}}',
      '{{lookup this "constructor"}}', '{{lookup (lookup this "constructor") "name"}}', '{{#with __proto__}}{{constructor.name}}{{/with}}',
      '{{#with constructor}}{{name}}{{/with}}', '{{title.constructor.name}}', '{{title.toString}}', '{{sections.constructor.name}}',
      '{{#each sections}}{{constructor.name}}{{__defineGetter__}}{{hasOwnProperty}}{{/each}}', '{{lookup title "toString"}}', '{{valueOf}}',
    ];
    for (const probe of probes) {
      const html = renderReport(hanyang, { format: 'html', templates: { page: `<x>${probe}</x>` } });
      expect(html, probe).toMatch(/^<x>(2?)<\/x>$/);
    }
    // A call through a path is not a known helper: refused at compile time.
    for (const probe of ['{{constructor.constructor "return process"}}', '{{#with (lookup this "constructor")}}{{constructor "return process"}}{{/with}}', '{{readFile "/etc/passwd"}}']) {
      expect(() => renderReport(hanyang, { format: 'html', templates: { page: probe } }), probe).toThrow(TemplateError);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('cannot reach the file system or bypass escaping', () => {
    const refused = [
      '{{> /etc/passwd}}', '{{> ../../package.json}}', '{{> "../../secret"}}', '{{> (lookup . "style")}}', '{{#> nope}}x{{/nope}}',
      '{{{title}}}', '{{& title}}', '{{*inline "x"}}',
    ];
    for (const page of refused) {
      expect(() => renderReport(hanyang, { format: 'html', templates: { page } }), page).toThrow(TemplateError);
    }
    const d = structuredClone(hanyang) as Record<string, unknown>;
    d.agency = '<script>x</script>{{title}}';
    expect(renderReport(d, { format: 'html', templates: { page: '{{agency}}' } })).toBe('&lt;script&gt;x&lt;/script&gt;{{title}}');
    // {{log}} would write to standard output: it does nothing.
    expect(renderReport(d, { format: 'html', templates: { page: '{{log "leak"}}ok' } })).toBe('ok');
  });

  it('refuses unknown template files, symlinks and non-folders, naming the file', () => {
    expect(() => fromDir(dir({ 'pgae.hbs': 'x' }))).toThrow(/pgae\.hbs: unknown template \(known: page\.hbs/);
    const d = dir({});
    symlinkSync('/etc/passwd', join(d, 'style.hbs'));
    expect(() => fromDir(d)).toThrow(/style\.hbs: not a regular file/);
    mkdirSync(join(d, 'sub'));
    expect(() => fromDir(join(tmp, 'missing'))).toThrow(TemplateError);
    const syntax = dir({ 'page.hbs': 'line one\n{{#if x}}unclosed' });
    expect(() => fromDir(syntax)).toThrow(/page\.hbs/);
  });
});
