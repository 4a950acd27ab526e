// One file of `report render … --out-dir`: check it, and unless it has errors
// (or --force) render it and write the output atomically. Runs on a worker
// thread for large batches, so it takes plain data and returns plain data.
import { checkSource, type CheckResult } from '../check.js';
import type { LocatedFinding } from '../diagnostics/finding.js';
import type { Lang } from '../model/label.js';
import { renderReport, TemplateError, type RenderFormat, type RenderOptions, type TemplateName } from '../render/index.js';
import { writeOutput } from './write-output.js';

export interface RenderJob {
  readonly format: RenderFormat;
  readonly fragment: boolean;
  readonly force: boolean;
  /** --template sources, read once by the command, and their file names (for errors). */
  readonly templates?: Partial<Record<TemplateName, string>>;
  readonly templateFiles?: Partial<Record<TemplateName, string>>;
}

export interface RenderOutcome {
  readonly findings: LocatedFinding[];
  /** 'written'; 'errors' (not rendered: the report has errors); 'unreadable' (no report data); 'failed' (see error). */
  readonly status: 'written' | 'errors' | 'unreadable' | 'failed';
  /** Why writing failed, as one line. */
  readonly error?: string;
}

/**
 * What render does with a checked report (one file or a batch): not rendered
 * and why, or the page. Throws TemplateError for a broken user template.
 */
export function renderChecked(checked: CheckResult, force: boolean, options: RenderOptions): { readonly status: 'errors' | 'unreadable' } | { readonly status: 'rendered'; readonly out: string } {
  const data = checked.load.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return { status: 'unreadable' };
  const errors = checked.findings.filter((f) => f.severity === 'error');
  if (errors.length && !force) return { status: 'errors' };
  return { status: 'rendered', out: renderReport(data, errors.length ? { ...options, findings: errors } : options) };
}

export type RenderedPage =
  | { readonly findings: LocatedFinding[]; readonly status: 'rendered'; readonly out: string }
  | (RenderOutcome & { readonly status: 'errors' | 'unreadable' | 'failed' });

/** Checks `bytes` (read from `file`) and renders the page, for the caller to write. */
export function renderPage(bytes: Uint8Array, size: number, file: string, job: RenderJob, lang: Lang): RenderedPage {
  const checked = checkSource(bytes, { filename: file, byteLength: size });
  try {
    const r = renderChecked(checked, job.force, {
      format: job.format, lang, fragment: job.fragment,
      ...(job.templates ? { templates: job.templates, templateFiles: job.templateFiles } : {}),
    });
    return r.status === 'rendered' ? { findings: checked.findings, status: 'rendered', out: r.out } : { findings: checked.findings, status: r.status };
  } catch (e) {
    if (e instanceof TemplateError) return { findings: checked.findings, status: 'failed', error: e.text(lang) };
    throw e;
  }
}

/** A rendered page's outcome once its write is done: `error` is why it failed (writeOutput), or undefined. */
export const afterWrite = (findings: LocatedFinding[], error: string | undefined): RenderOutcome =>
  (error === undefined ? { findings, status: 'written' } : { findings, status: 'failed', error });

/** Checks `bytes` (read from `file`) and writes the rendering to `output`. */
export function renderOne(bytes: Uint8Array, size: number, file: string, absInput: string, output: string, job: RenderJob, lang: Lang): RenderOutcome {
  const page = renderPage(bytes, size, file, job, lang);
  if (page.status !== 'rendered') return page;
  return afterWrite(page.findings, writeOutput(output, page.out, absInput, lang));
}
