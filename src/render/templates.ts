// The template set and the rules every template (built-in or --template) must
// follow: only the names below, every value escaped ({{{ }}} and {{& }} are
// refused; HTML made from Markdown arrives already safe), partials only by
// these names, helpers only Handlebars' own.

/** page: the whole document; content: the report (also the --fragment output); style: the CSS; table: one table. */
export const TEMPLATE_NAMES = ['page', 'content', 'style', 'table'] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

/** Handlebars' built-in helpers; nothing else can be called. */
export const KNOWN_HELPERS = { if: true, unless: true, each: true, with: true, lookup: true, log: true } as const;

export const COMPILE_OPTIONS = { knownHelpersOnly: true, knownHelpers: KNOWN_HELPERS, strict: false, noEscape: false } as const;

/** No prototype properties or methods, whatever a template asks for. */
export const RUNTIME_OPTIONS = { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false } as const;

/** A template problem; `detail` in both languages (Handlebars' own parse errors exist in English only). */
export class TemplateError extends Error {
  readonly detail: { readonly zh: string; readonly en: string };
  constructor(readonly template: string, detail: string | { zh: string; en: string }, readonly line?: number) {
    const d = typeof detail === 'string' ? { zh: detail, en: detail } : detail;
    super(`${template}${line ? `:${line}` : ''}: ${d.en}`);
    this.detail = d;
  }

  /** The message in one language. */
  text(lang: 'zh' | 'en'): string {
    return `${this.template}${this.line ? `:${this.line}` : ''}${lang === 'zh' ? '：' : ': '}${this.detail[lang]}`;
  }
}

interface AstNode { type: string; loc?: { start?: { line: number } }; [k: string]: unknown }

/** Walks a parsed template and refuses what could bypass escaping or reach outside the set. */
export function checkTemplateAst(ast: unknown, name: string): void {
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) { node.forEach(visit); return; }
    if (node === null || typeof node !== 'object') return;
    const n = node as AstNode;
    const line = n.loc?.start?.line;
    if (n.type === 'MustacheStatement' && n.escaped === false) {
      throw new TemplateError(name, {
        zh: '不允许不转义的输出（{{{ }}} 或 {{& }}）；所有值都会转义，.html 字段已是安全的 HTML，请写 {{…html}}',
        en: 'unescaped output ({{{ }}} or {{& }}) is not allowed; every value is escaped, and the .html fields are already safe HTML',
      }, line);
    }
    if (n.type === 'PartialStatement' || n.type === 'PartialBlockStatement') {
      const p = n.name as AstNode;
      const partial = p.type === 'PathExpression' ? String(p.original) : p.type === 'StringLiteral' ? String(p.value) : undefined;
      if (partial === undefined || !(TEMPLATE_NAMES as readonly string[]).includes(partial)) {
        const known = TEMPLATE_NAMES.filter((t) => t !== 'page').join(', ');
        throw new TemplateError(name, {
          zh: `不允许的片段 ${partial ?? '（动态）'}；只能使用 ${known}`,
          en: `partial ${partial ?? '(dynamic)'} is not allowed; partials are only ${known}`,
        }, line);
      }
    }
    if (n.type === 'Decorator' || n.type === 'DecoratorBlock') {
      throw new TemplateError(name, { zh: '不允许使用装饰器（{{* }}）', en: 'decorators are not allowed' }, line);
    }
    for (const k of Object.keys(n)) if (k !== 'loc') visit(n[k]);
  };
  visit(ast);
}
