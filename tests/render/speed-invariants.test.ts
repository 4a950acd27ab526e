// What the fast paths of the HTML render rely on: table cells read from row
// objects give what cellValue gives, the built-in templates are compiled once
// without user templates leaking into them, the exported renderHtml leaves its
// view untouched, buildView puts `html` only where renderReport marks it, and
// the table and cell markup renderReport writes in code is what table.hbs writes.
import { describe, expect, it } from 'vitest';
import { SECTION_ORDER } from '../../src/model/edition2021.js';
import { renderHtml } from '../../src/render/html.js';
import { renderReport, reportView, type CellView, type ReportView } from '../../src/render/index.js';
import { cellValue } from '../../src/render/values.js';
import { EXAMPLES, load } from './helpers.js';

const dataCells = (view: ReportView): CellView[] =>
  view.sections.flatMap((s) => s.tables.flatMap((t) => t.groups.flatMap((g) => g.rows.flatMap((r) => r.cells.filter((c) => !c.th)))));

type Obj = Record<string, unknown>;

/** Examples bent out of shape the ways --force may meet: rows as arrays, scalars or null, totals left out, odd values. */
function variants(): unknown[] {
  const out: unknown[] = [];
  for (const path of EXAMPLES) {
    const base = load(path) as Obj;
    out.push(base);
    const bend = (f: (d: Obj) => void) => {
      const d = structuredClone(base);
      f(d);
      out.push(d);
    };
    const req = (d: Obj) => d.requests as Obj;
    const outcomes = (d: Obj) => req(d).outcomes as Obj;
    bend((d) => { delete (outcomes(d).total as Obj).naturalPerson; delete (outcomes(d).total as Obj).total; });
    bend((d) => { delete outcomes(d).total; });
    bend((d) => { outcomes(d).total = []; });
    bend((d) => { req(d).outcomes = [outcomes(d)]; });
    bend((d) => { req(d).received = Object.assign([], req(d).received); });
    bend((d) => { req(d).received = 5; req(d).carriedOver = null; });
    bend((d) => { for (const k of Object.keys(req(d))) if (typeof req(d)[k] === 'object' && req(d)[k]) delete (req(d)[k] as Obj).total; });
    bend((d) => { (req(d).received as Obj).naturalPerson = { a: [1, 2] }; (req(d).received as Obj).total = '7'; (req(d).received as Obj).legalPerson = -1.5; });
    bend((d) => { d.proactive = [d.proactive]; });
    bend((d) => { const p = d.proactive as Obj; for (const k of Object.keys(p)) p[k] = k.length % 2 ? null : 'x'; });
    bend((d) => {
      const r = d.reviewsAndLawsuits as Obj;
      for (const k of Object.keys(r)) if (r[k] && typeof r[k] === 'object') delete (r[k] as Obj).total;
    });
    bend((d) => {
      const r = d.reviewsAndLawsuits as Obj;
      const first = Object.keys(r)[0]!;
      r[first] = Object.assign([], r[first]);
      for (const k of Object.keys(r).slice(1)) if (r[k] && typeof r[k] === 'object') { delete (r[k] as Obj).total; (r[k] as Obj).upheld = 'many'; }
    });
    bend((d) => { d.requests = JSON.parse('{"__proto__": {"total": 1}, "received": {"__proto__": 3, "total": 2}}'); });
    bend((d) => { delete d.requests; delete d.proactive; delete d.reviewsAndLawsuits; });
  }
  return out;
}

describe('fast paths of the HTML render', () => {
  it('reads every table cell as cellValue does, computed totals included', () => {
    let computed = 0;
    for (const d of variants()) {
      for (const c of dataCells(reportView(d))) {
        const v = cellValue(d, c.pointer!);
        expect(c.text, c.pointer).toBe(v.text);
        expect((c.className ?? '').split(' ').includes('computed'), c.pointer).toBe(v.computed);
        expect(c.column).toBe(c.pointer!.slice(c.pointer!.lastIndexOf('/') + 1));
        if (v.computed) computed++;
      }
    }
    expect(computed).toBeGreaterThan(0);
  });

  it('puts html fields only on the preamble and the sections (renderReport marks exactly those)', () => {
    for (const d of variants()) {
      const view = reportView(d, { findings: [{ ruleId: 'T3-BALANCE', severity: 'error', pointer: '/requests/received/total', params: {}, message: 'x' }] as never });
      const found: string[] = [];
      const walk = (v: unknown, path: string): void => {
        if (v === null || typeof v !== 'object') return;
        for (const [k, x] of Object.entries(v)) {
          if (k === 'html') found.push(path);
          walk(x, `${path}/${k}`);
        }
      };
      walk(view, '');
      const allowed = new Set(['/preamble', ...view.sections.map((_, i) => `/sections/${i}`), ...SECTION_ORDER.map((k) => `/${k}`)]);
      expect(found.filter((p) => !allowed.has(p))).toEqual([]);
      for (const k of SECTION_ORDER) expect(view.sections).toContain(view[k]);
    }
  });

  it('writes each table and each cell (renderReport\'s `markup`) exactly as table.hbs writes them (renderHtml), hostile text and --force notes included', async () => {
    const { checkSource } = await import('../../src/check.js');
    const { readFileSync } = await import('node:fs');
    const inputs = [...EXAMPLES, 'tests/fixtures/render/hostile.json', 'tests/fixtures/invalid/t3-balance/report.yaml', 'tests/fixtures/invalid/t3-outcome-total/report.yaml'];
    let pages = 0;
    for (const path of inputs) {
      const r = checkSource(readFileSync(path), { filename: path });
      const errors = r.findings.filter((f) => f.severity === 'error');
      for (const d of [r.load.data, ...variants().slice(0, 6)]) {
        for (const lang of ['zh', 'en'] as const) {
          const view = reportView(d, { findings: errors, lang });
          expect(renderHtml(view), path).toBe(renderReport(d, { format: 'html', findings: errors, lang }));
          pages++;
        }
      }
    }
    expect(pages).toBeGreaterThan(40);
  });

  it('gives the same page through renderHtml (copying) as through renderReport (marking in place), and leaves the view as it was', () => {
    for (const path of EXAMPLES) {
      const d = load(path);
      for (const fragment of [false, true]) {
        const view = reportView(d, { fragment });
        const before = structuredClone(view);
        expect(renderHtml(view, { fragment })).toBe(renderReport(d, { format: 'html', fragment }));
        expect(view).toEqual(before);
        expect(typeof view.overview.html).toBe('string');
        expect(view.sections[0]).toBe(view[view.sections[0]!.key]);
      }
    }
  });

  it('marks html safe wherever the caller put it, copying only the way there', () => {
    const view = reportView(load(EXAMPLES[0]));
    const tables = view.requests.tables;
    const odd = { ...view, title: 'T', requests: { ...view.requests, html: '<p>r</p>' } } as ReportView;
    const html = renderHtml(odd, { templates: { page: '{{title}}|{{requests.html}}|{{overview.html}}|{{requests.markdown}}' } });
    expect(html).toBe(`T|<p>r</p>|${view.overview.html!}|`);
    expect(odd.requests.html).toBe('<p>r</p>');
    expect(odd.requests.tables).toBe(tables);
  });

  it('keeps user templates out of the shared built-in environment', () => {
    const d = load(EXAMPLES[0]);
    const plain = renderReport(d, { format: 'html' });
    const frag = renderReport(d, { format: 'html', fragment: true });
    expect(renderReport(d, { format: 'html', templates: { table: 'T', style: 'S' } })).not.toBe(plain);
    expect(renderReport(d, { format: 'html', templates: { content: 'C{{> table}}' } })).toContain('C');
    expect(renderReport(d, { format: 'html' })).toBe(plain);
    expect(renderReport(d, { format: 'html', fragment: true })).toBe(frag);
    // No template given, or only undefined ones: the built-in set.
    expect(renderReport(d, { format: 'html', templates: {} })).toBe(plain);
    expect(renderReport(d, { format: 'html', templates: { table: undefined } })).toBe(plain);
  });

  it('does not change the data it renders', () => {
    for (const d of variants()) {
      const before = structuredClone(d);
      renderReport(d, { format: 'html' });
      renderReport(d, { format: 'md' });
      expect(d).toEqual(before);
    }
  });
});
