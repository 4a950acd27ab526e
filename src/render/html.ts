// HTML output: the view model through Handlebars templates. The built-in
// templates are precompiled at build time (only handlebars/runtime is loaded);
// user templates (--template) are compiled here with the same restrictions.
import RuntimeModule from 'handlebars/runtime.js';
import { createRequire } from 'node:module';
import { TEMPLATE_SPECS } from './compiled/templates.js';
import { checkTemplateAst, COMPILE_OPTIONS, RUNTIME_OPTIONS, TemplateError, TEMPLATE_NAMES, type TemplateName } from './templates.js';
import type { ReportView } from './view.js';

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

/** The view with every `html` field marked safe (it comes from markdown-it with raw HTML off). */
function context(view: ReportView, hb: Env): unknown {
  const wrap = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(wrap);
    if (v === null || typeof v !== 'object') return v;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = k === 'html' && typeof x === 'string' ? new hb.SafeString(x) : wrap(x);
    return out;
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

export function renderHtml(view: ReportView, options: HtmlOptions = {}): string {
  const hb = environment();
  const compiled = {} as Record<TemplateName, Compiled>;
  for (const name of TEMPLATE_NAMES) {
    const user = options.templates?.[name];
    compiled[name] = user !== undefined
      ? compileUser(hb, options.templateFiles?.[name] ?? `${name}.hbs`, user)
      : hb.template(TEMPLATE_SPECS[name] as Parameters<Env['template']>[0]) as Compiled;
    if (name !== 'page') hb.registerPartial(name, compiled[name] as never);
  }
  const root = options.fragment ? 'content' : 'page';
  try {
    return compiled[root](context(view, hb), RUNTIME_OPTIONS);
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
