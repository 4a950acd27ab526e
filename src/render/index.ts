// renderReport: report data → Markdown or HTML. Pure apart from reading
// --template files when `templatesDir` is given.
import { lstatSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { MarkFinding } from './values.js';
import type { Lang } from '../model/label.js';
import { renderOwnedHtml } from './html.js';
import { markdownToHtml } from './markdown.js';
import { renderMarkdown } from './md.js';
import { TemplateError, TEMPLATE_NAMES, type TemplateName } from './templates.js';
import { buildView, type ReportView } from './view.js';

export type RenderFormat = 'md' | 'html';

export interface RenderOptions {
  readonly format: RenderFormat;
  /** HTML only: the content without <html>/<head>, for pasting into a site's editor. */
  readonly fragment?: boolean;
  /** A folder of templates (page.hbs, content.hbs, style.hbs, table.hbs); each file found replaces the built-in one. */
  readonly templatesDir?: string;
  /** Template sources by name (the same as templatesDir, without the file system). */
  readonly templates?: Partial<Record<TemplateName, string>>;
  /** The files `templates` were read from, to name them in errors. */
  readonly templateFiles?: Partial<Record<TemplateName, string>>;
  /** Findings to mark in the output (rendering with --force). */
  readonly findings?: readonly MarkFinding[];
  /** Language of the finding messages shown with --force. */
  readonly lang?: Lang;
}

const MAX_TEMPLATE_BYTES = 1024 * 1024;

/** Reads the known template files of a folder; anything else there is an error (usually a misspelt name). */
export function readTemplatesDir(dir: string): { templates: Partial<Record<TemplateName, string>>; files: Partial<Record<TemplateName, string>> } {
  const templates: Partial<Record<TemplateName, string>> = {};
  const files: Partial<Record<TemplateName, string>> = {};
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new TemplateError(dir, code === 'ENOTDIR' ? { zh: '不是文件夹', en: 'not a folder' } : code === 'ENOENT' ? { zh: '找不到此文件夹（ENOENT）', en: 'no such folder (ENOENT)' } : code ?? String(e));
  }
  for (const f of names.filter((n) => n.endsWith('.hbs')).sort()) {
    const name = f.slice(0, -4) as TemplateName;
    const path = join(dir, f);
    const known = TEMPLATE_NAMES.map((n) => `${n}.hbs`).join(', ');
    if (!TEMPLATE_NAMES.includes(name)) throw new TemplateError(path, { zh: `未知的模板（可用：${known}）`, en: `unknown template (known: ${known})` });
    const st = lstatSync(path);
    if (!st.isFile()) throw new TemplateError(path, { zh: '不是普通文件（不接受链接和文件夹）', en: 'not a regular file' });
    if (st.size > MAX_TEMPLATE_BYTES) throw new TemplateError(path, { zh: `超过 ${MAX_TEMPLATE_BYTES} 字节`, en: `larger than ${MAX_TEMPLATE_BYTES} bytes` });
    templates[name] = readFileSync(path, 'utf8');
    files[name] = path;
  }
  return { templates, files };
}

/** The view model the templates see (documented in docs/cli.md). */
export function reportView(data: unknown, options: Omit<RenderOptions, 'format' | 'templatesDir' | 'templates' | 'templateFiles'> = {}): ReportView {
  return buildView(data, { findings: options.findings, lang: options.lang, fragment: options.fragment, markdownToHtml: (s) => markdownToHtml(s) });
}

export function renderReport(data: unknown, options: RenderOptions): string {
  const view = reportView(data, options);
  if (options.format === 'md') return renderMarkdown(data, view);
  let templates = options.templates;
  let templateFiles = options.templateFiles;
  if (options.templatesDir !== undefined) {
    const read = readTemplatesDir(options.templatesDir);
    templates = { ...read.templates, ...templates };
    templateFiles = read.files;
  }
  // The view was built just now and goes nowhere else: no copy needed to mark its HTML safe.
  return renderOwnedHtml(view, { fragment: options.fragment, templates, templateFiles });
}

export { TemplateError, TEMPLATE_NAMES, type TemplateName } from './templates.js';
export type { MarkFinding } from './values.js';
export type { ReportView, SectionView, TableView, RowGroupView, RowView, CellView } from './view.js';
