// HTML output: the view model through Handlebars templates. The built-in
// templates are precompiled at build time (only handlebars/runtime is loaded);
// user templates (--template) are compiled here with the same restrictions.
import RuntimeModule from 'handlebars/runtime.js';
import { createRequire } from 'node:module';
import { TEMPLATE_SPECS } from './compiled/templates.js';
import { checkTemplateAst, COMPILE_OPTIONS, RUNTIME_OPTIONS, TemplateError, TEMPLATE_NAMES, type TemplateName } from './templates.js';
import { SECTION_ORDER } from '../model/edition2021.js';
import type { CellView, ReportView } from './view.js';

// The runtime's own typings are empty; it has the shape of the full module minus the compiler.
type Env = typeof import('handlebars');
const Runtime = RuntimeModule as unknown as Env;
type Compiled = (context: unknown, options?: object) => string;

function environment(): Env {
  const hb = Runtime.create();
  // {{log}} would print to standard output, into the rendered file.
  hb.registerHelper('log', () => '');
  return hb;
}

const own = Object.prototype.hasOwnProperty;

/**
 * The view with every `html` field marked safe (it comes from markdown-it with
 * raw HTML off). Only the objects on the way to an `html` field are copied; the
 * rest (the tables, most of the view) is shared, and the caller's view is left
 * as it is.
 */
function context(view: ReportView, hb: Env): unknown {
  const wrap = (v: unknown): unknown => {
    if (v === null || typeof v !== 'object') return v;
    if (Array.isArray(v)) {
      let out: unknown[] | undefined;
      for (let i = 0; i < v.length; i++) {
        const x: unknown = v[i];
        const w = wrap(x);
        if (w !== x) (out ??= v.slice())[i] = w;
      }
      return out ?? v;
    }
    let out: Record<string, unknown> | undefined;
    for (const k in v) {
      if (!own.call(v, k)) continue;
      const x = (v as Record<string, unknown>)[k];
      const w = k === 'html' && typeof x === 'string' ? new hb.SafeString(x) : wrap(x);
      if (w !== x) (out ??= { ...v })[k] = w;
    }
    return out ?? v;
  };
  return wrap(view);
}

/** Compiles user template sources with the restrictions of the built-in ones (needs the full Handlebars, loaded only here). */
function compileUser(hb: Env, name: string, source: string): Compiled {
  const full = createRequire(import.meta.url)('handlebars') as typeof import('handlebars');
  let ast: unknown;
  try {
    ast = full.parse(source);
  } catch (e) {
    const m = /line (\d+)/.exec((e as Error).message);
    throw new TemplateError(name, (e as Error).message.split('\n')[0]!, m ? Number(m[1]) : undefined);
  }
  checkTemplateAst(ast, name);
  let spec: string;
  try {
    spec = full.precompile(ast as Parameters<typeof full.precompile>[0], { ...COMPILE_OPTIONS, knownHelpers: { ...COMPILE_OPTIONS.knownHelpers } }) as string;
  } catch (e) {
    throw new TemplateError(name, (e as Error).message.split('\n')[0]!);
  }
  // The precompiled spec is code Handlebars generated from the checked AST.
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  return hb.template(new Function(`return ${spec};`)()) as Compiled;
}

export interface HtmlOptions {
  readonly fragment?: boolean;
  /** Template sources by name (from --template): each replaces the built-in one. */
  readonly templates?: Partial<Record<TemplateName, string>>;
  /** Names for template errors, e.g. the file path. */
  readonly templateFiles?: Partial<Record<TemplateName, string>>;
}

interface TemplateSet { readonly hb: Env; readonly compiled: Record<TemplateName, Compiled> }

function templateSet(options: HtmlOptions): TemplateSet {
  const hb = environment();
  const compiled = {} as Record<TemplateName, Compiled>;
  for (const name of TEMPLATE_NAMES) {
    const user = options.templates?.[name];
    compiled[name] = user !== undefined
      ? compileUser(hb, options.templateFiles?.[name] ?? `${name}.hbs`, user)
      : hb.template(TEMPLATE_SPECS[name] as Parameters<Env['template']>[0]) as Compiled;
    if (name !== 'page') hb.registerPartial(name, compiled[name] as never);
  }
  return { hb, compiled };
}

// The built-in set never changes: made once, not per report. A call with user
// templates gets an environment of its own, so theirs never reach this one.
let builtin: TemplateSet | undefined;

/**
 * renderReport's view: built for this call and seen by no one else, so its
 * `html` fields (buildView puts them only on the preamble and the sections, as
 * tests/render/speed-invariants.test.ts checks) are marked in place, without
 * walking the tables.
 */
function markOwned(view: ReportView, hb: Env): unknown {
  const mark = (o: { readonly html?: unknown } | undefined): void => {
    if (o !== undefined && typeof o.html === 'string') (o as { html: unknown }).html = new hb.SafeString(o.html);
  };
  mark(view.preamble);
  // The sections list and the by-key fields hold the same objects: each is marked once.
  for (const s of view.sections) mark(s);
  for (const k of SECTION_ORDER) mark(view[k]);
  // Each table written once here, as table.hbs would write it: half the cost of a page was its six {{#if}}s
  // per cell, and most of the rest its {{#each}} over some 700 cells.
  for (const s of view.sections) {
    for (const t of s.tables) {
      // Pieces joined once: a string grown by += is a rope of thousands of pieces, which the
      // page's first reader (the thread that writes it) must flatten, cell by cell.
      const html = [`<div class="table-wrap">\n<table id="${esc(t.id)}">\n`];
      for (const g of t.groups) {
        html.push(g.head ? '<thead>\n' : '<tbody>\n');
        for (const r of g.rows) {
          html.push('<tr>');
          for (const c of r.cells) {
            const m = cellMarkup(c);
            (c as { markup?: unknown }).markup = new hb.SafeString(m);
            html.push(m);
          }
          html.push('</tr>\n');
        }
        html.push(g.head ? '</thead>\n' : '</tbody>\n');
      }
      html.push('</table>\n</div>\n');
      (t as { markup?: unknown }).markup = new hb.SafeString(html.join(''));
    }
  }
  return view;
}

const esc = (v: unknown): string => Runtime.escapeExpression(v as string);
// `{{#if x}}` is false for undefined, null, false, '' and 0: the same as JavaScript's truthiness for these fields.
const attr = (name: string, v: unknown): string => (v ? ` ${name}="${esc(v)}"` : '');

/** A cell as templates/table.hbs writes it without `markup` (tests/render compare both). */
export function cellMarkup(c: CellView): string {
  if (c.th) return `<th${attr('scope', c.scope)}${attr('rowspan', c.rowspan)}${attr('colspan', c.colspan)}${attr('class', c.className)}${attr('data-column', c.column)}>${esc(c.text)}</th>`;
  return `<td${attr('rowspan', c.rowspan)}${attr('colspan', c.colspan)}${attr('class', c.className)}${attr('data-pointer', c.pointer)}${attr('title', c.note)}>${esc(c.text)}${c.note ? '<span class="flag">⚠</span>' : ''}</td>`;
}

export function renderHtml(view: ReportView, options: HtmlOptions = {}): string {
  return render(view, options, false);
}

/** renderHtml for a view built by buildView for this call only (renderReport): marked in place, not copied. */
export function renderOwnedHtml(view: ReportView, options: HtmlOptions = {}): string {
  return render(view, options, true);
}

function render(view: ReportView, options: HtmlOptions, owned: boolean): string {
  const custom = options.templates !== undefined && TEMPLATE_NAMES.some((n) => options.templates![n] !== undefined);
  const { hb, compiled } = custom ? templateSet(options) : (builtin ??= templateSet({}));
  const root = options.fragment ? 'content' : 'page';
  try {
    return compiled[root](owned ? markOwned(view, hb) : context(view, hb), RUNTIME_OPTIONS);
  } catch (e) {
    if (e instanceof TemplateError) throw e;
    // Only user templates can fail here: name them (the root may be a built-in one including theirs).
    const files = Object.values(options.templateFiles ?? {}).join(', ') || `${root}.hbs`;
    const detail = e instanceof RangeError
      ? { zh: '模板包含自身（片段无限递归）', en: 'a template includes itself (endless partial recursion)' }
      : (e as Error).message.split('\n')[0]!;
    throw new TemplateError(files, detail);
  }
}
