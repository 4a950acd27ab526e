// Property tests: any text in any text field renders lint-clean Markdown with
// the six sections and HTML with no active content; any broken shape renders
// with --force without crashing.
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { lint } from 'markdownlint/sync';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { describe, expect, it } from 'vitest';
import { validateReport } from '../../src/check.js';
import { renderReport } from '../../src/render/index.js';
import { load } from './helpers.js';

type Element = DefaultTreeAdapterMap['element'];
const els = (n: DefaultTreeAdapterMap['node']): Element[] =>
  'childNodes' in n ? (n as Element).childNodes.flatMap((c) => ['tagName' in c ? [c as Element] : [], els(c)].flat()) : [];

const base = load('examples/shizhi-2023.yaml') as Record<string, unknown>;

// Text built from the pieces that break Markdown and HTML, plus arbitrary Unicode.
const piece = fc.constantFrom(
  '#', '# ', '## ', '* ', '- ', '+ ', '1. ', '2) ', '> ', '|', '\\', '`', '```', '~~~', '**', '_', '[', ']', '(', ')', '!', '<', '>', '&', '&amp;', '&#x3C;',
  '<script>window.__pwned=1</script>', '"><img src=x onerror=alert(1)>', '[x](javascript:alert(1))', '<javascript:alert(1)>', '{{title}}', '{{{x}}}', '</style>',
  '---', '===', '***', '    ', '\t', '\n', '\n\n', ' ', '　', '中文', '（一）', '1.信息', 'https://www.gov.cn/a_(b)', 'a@b.cn', '[^1]', '[a]: http://x', '$ ls',
);
const text = fc.array(fc.oneof({ weight: 4, arbitrary: piece }, { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) }), { maxLength: 25 }).map((a) => a.join(''));

describe('any text renders safely', () => {
  it('Markdown: lint-clean, one title, the six sections; HTML: no active content', () => {
    fc.assert(fc.property(text, text, text, (agency, overview, problems) => {
      const d = { ...base, agency: agency || '机关', overview, problems, other: problems, preamble: overview };
      const md = renderReport(d, { format: 'md' });
      const errors = lint({ strings: { md }, config: { default: true, MD013: false } }).md ?? [];
      expect(errors.map((e) => `${e.lineNumber} ${e.ruleNames[0]} ${e.errorDetail ?? ''} ${e.errorContext ?? ''}`)).toEqual([]);
      const tokens = new MarkdownIt({ html: true }).parse(md, {});
      const heads = tokens.filter((t) => t.type === 'heading_open');
      expect(heads.filter((t) => t.tag === 'h1')).toHaveLength(1);
      expect(heads.filter((t) => t.tag === 'h2')).toHaveLength(6);
      expect(tokens.flatMap((t) => [t, ...(t.children ?? [])]).filter((t) => t.type.startsWith('html'))).toEqual([]);
      const html = renderReport(d, { format: 'html' });
      const all = els(parse(html));
      expect(all.filter((e) => ['script', 'img', 'iframe', 'object', 'embed', 'link', 'base', 'form'].includes(e.tagName))).toEqual([]);
      expect(all.filter((e) => e.tagName === 'style')).toHaveLength(1);
      expect(all.flatMap((e) => e.attrs).filter((a) => /^on/i.test(a.name) || (a.name === 'href' && !/^(https?:|mailto:|#)/i.test(a.value)))).toEqual([]);
      expect(all.filter((e) => e.tagName === 'h2')).toHaveLength(6);
    }), { numRuns: Number(process.env.FC_RUNS ?? 60), seed: Number(process.env.FC_SEED ?? 20240120) });
  }, 120_000);
});

describe('broken data renders with --force', () => {
  const pointers = [
    '/requests', '/requests/received', '/requests/received/naturalPerson', '/requests/outcomes', '/requests/outcomes/withheld',
    '/requests/outcomes/total', '/proactive', '/proactive/fees', '/proactive/fees/amountTenThousandYuan', '/reviewsAndLawsuits/review',
    '/reviewsAndLawsuits/review/total', '/overview', '/agency', '/year', '/contact', '/published', '/preamble',
  ];
  const value = fc.oneof(fc.constant(null), fc.constant(undefined), fc.string({ maxLength: 5 }), fc.integer(), fc.double(), fc.boolean(),
    fc.array(fc.integer(), { maxLength: 3 }), fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'total', 'x'), fc.integer(), { maxKeys: 3 }));

  it('never throws, keeps every table complete, and marks the findings', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.constantFrom(...pointers), value), { minLength: 1, maxLength: 4 }), (edits) => {
      const d = structuredClone(base);
      for (const [p, v] of edits) {
        const keys = p.slice(1).split('/');
        let o: Record<string, unknown> = d;
        for (const k of keys.slice(0, -1)) {
          if (o[k] === null || typeof o[k] !== 'object') o[k] = {};
          o = o[k] as Record<string, unknown>;
        }
        if (v === undefined) delete o[keys[keys.length - 1]!];
        else o[keys[keys.length - 1]!] = v;
      }
      const findings = validateReport(d, { today: new Date('2024-06-01') });
      const html = renderReport(d, { format: 'html', findings });
      expect(html.match(/<td /g)).toHaveLength(10 + 25 * 7 + 15);
      if (findings.some((f) => f.pointer !== '')) expect(html).toContain('role="alert"');
      const md = renderReport(d, { format: 'md', findings });
      expect(md.match(/^## /gm)).toHaveLength(6);
      expect(({} as Record<string, unknown>).x).toBeUndefined();
    }), { numRuns: Number(process.env.FC_RUNS ?? 80), seed: Number(process.env.FC_SEED ?? 49) });
  }, 120_000);
});
