// renderReport: report data → Markdown or HTML. Pure: --template files are
// read by the CLI (src/cli/templates.ts) and arrive here as texts.
import type { MarkFinding } from './values.js';
import type { Lang } from '../model/label.js';
import { renderOwnedHtml } from './html.js';
import { markdownToHtml } from './markdown.js';
import { renderMarkdown } from './md.js';
import type { TemplateName } from './templates.js';
import { buildView, type ReportView } from './view.js';

export type RenderFormat = 'md' | 'html';

export interface RenderOptions {
  readonly format: RenderFormat;
  /** HTML only: the content without <html>/<head>, for pasting into a site's editor. */
  readonly fragment?: boolean;
  /** Template sources by name (page, content, style, table); each one given replaces the built-in one. */
  readonly templates?: Partial<Record<TemplateName, string>>;
  /** The files `templates` were read from, to name them in errors. */
  readonly templateFiles?: Partial<Record<TemplateName, string>>;
  /** Findings to mark in the output (rendering with --force). */
  readonly findings?: readonly MarkFinding[];
  /** Language of the finding messages shown with --force. */
  readonly lang?: Lang;
}

/** The view model the templates see (documented in docs/cli.md). */
export function reportView(data: unknown, options: Omit<RenderOptions, 'format' | 'templates' | 'templateFiles'> = {}): ReportView {
  return buildView(data, { findings: options.findings, lang: options.lang, fragment: options.fragment, markdownToHtml: (s) => markdownToHtml(s) });
}

export function renderReport(data: unknown, options: RenderOptions): string {
  const view = reportView(data, options);
  if (options.format === 'md') return renderMarkdown(data, view);
  // The view was built just now and goes nowhere else: no copy needed to mark its HTML safe.
  return renderOwnedHtml(view, { fragment: options.fragment, templates: options.templates, templateFiles: options.templateFiles });
}

export { TemplateError, TEMPLATE_NAMES, type TemplateName } from './templates.js';
export type { MarkFinding } from './values.js';
export type { ReportView, SectionView, TableView, RowGroupView, RowView, CellView } from './view.js';
