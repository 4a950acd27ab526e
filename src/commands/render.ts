// `report render FILE`: check, then Markdown or HTML to standard output or
// (atomically) to a file. A report with errors is not rendered unless --force.
import type { CliIO } from '../cli/io.js';
import { UsageError } from '../cli/io.js';
import type { GlobalOptions } from '../cli.js';
import { checkSource } from '../check.js';
import { readInput } from '../cli/read.js';
import { fileId, writeAtomic, writeInBatch } from '../cli/write.js';
import { setImmediate as turn } from 'node:timers/promises';
import { stylish, stylishStream } from '../formatters/stylish.js';
import { renderReport, TemplateError, type RenderFormat, type RenderOptions, type TemplateName } from '../render/index.js';
import type { LocatedFinding } from '../diagnostics/finding.js';
import { readTemplatesDir, type TemplateTexts } from '../cli/templates.js';
import type { Lang } from '../model/label.js';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { expandOperands } from '../cli/expand.js';
import { checkMany } from '../cli/check-many.js';
import { loadSettings } from '../cli/config.js';
import { applySettings, type RuleSettings } from '../config/config.js';

/** render's options, as commander gives them (src/cli.ts). */
export interface RenderFlags {
  readonly format?: string;
  readonly output?: string;
  readonly outDir?: string;
  readonly fragment?: boolean;
  readonly template?: string;
  readonly force?: boolean;
  readonly stdinFilename?: string;
  readonly config?: string;
  readonly rule?: readonly string[];
}

const TEXT = {
  badFormat: { zh: (v: string) => `未知的输出格式 ${v}（可用：md、html、docx）`, en: (v: string) => `Unknown format ${v} (available: md, html, docx)` },
  docxNeedsFile: { zh: () => 'docx 是二进制文件，不输出到终端：请用 -o 文件.docx 或 --out-dir', en: () => 'docx is a binary file and is not written to the terminal: use -o FILE.docx or --out-dir' },
  htmlOnly: { zh: (f: string) => `${f} 只适用于 --format html`, en: (f: string) => `${f} applies to --format html only` },
  notRendered: {
    zh: (f: string) => `${f} 有错误，未生成报告（修正后重试，或用 --force 生成并标出有误的单元格）`,
    en: (f: string) => `${f} has errors and was not rendered (fix them, or use --force to render with the wrong cells marked)`,
  },
  cannotRender: { zh: (f: string) => `${f} 无法读取为报告数据，不能生成`, en: (f: string) => `${f} could not be read as report data and cannot be rendered` },
  template: { zh: (m: string) => `模板错误：${m}`, en: (m: string) => `Template error: ${m}` },
  manyNeedOutDir: {
    zh: (n: number) => `给出了 ${n} 个文件：一次生成多份报告请用 --out-dir 文件夹`,
    en: (n: number) => `${n} files given: to render several reports in one call, use --out-dir FOLDER`,
  },
  outDirAndOutput: { zh: () => '--out-dir 与 -o/--output 不能同时使用', en: () => '--out-dir and -o/--output cannot be used together' },
  outDirStdin: { zh: () => '--out-dir 只接受文件，不接受标准输入（-）', en: () => '--out-dir takes files, not standard input (-)' },
  outputIsInput: {
    zh: (o: string, f: string) => `${f} 会生成到 ${o}，而它也是一个输入文件；未生成任何报告（请换一个 --out-dir）`,
    en: (o: string, f: string) => `${f} would be rendered to ${o}, which is also an input; nothing rendered (choose another --out-dir)`,
  },
  sameOutput: {
    zh: (a: string, b: string, o: string) => `${a} 与 ${b} 会生成同一个文件 ${o}；请分开生成`,
    en: (a: string, b: string, o: string) => `${a} and ${b} would both be rendered to ${o}; render them separately`,
  },
  summary: {
    zh: (written: number, total: number, dir: string, skipped: number) => `已生成 ${written} 份报告（共 ${total} 个文件）到 ${dir}${skipped ? `；${skipped} 份有错误，未生成` : ''}`,
    en: (written: number, total: number, dir: string, skipped: number) => `Rendered ${written} of ${total} report${total === 1 ? '' : 's'} into ${dir}${skipped ? `; ${skipped} with errors not rendered` : ''}`,
  },
} as const;

/**
 * What render does with a checked report (one file or a batch): not rendered
 * and why, or the page. Throws TemplateError for a broken user template.
 */
async function renderChecked(data: unknown, findings: readonly LocatedFinding[], force: boolean, options: Omit<RenderOptions, 'format'> & { readonly format: OutFormat }): Promise<{ readonly status: 'errors' | 'unreadable' } | { readonly status: 'rendered'; readonly out: string | Uint8Array }> {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return { status: 'unreadable' };
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length && !force) return { status: 'errors' };
  if (options.format === 'docx') {
    // The docx package is loaded only for a Word render.
    const { renderDocx } = await import('../render/docx.js');
    return { status: 'rendered', out: await renderDocx(data, { lang: options.lang, ...(errors.length ? { findings: errors } : {}) }) };
  }
  const o = options as RenderOptions;
  return { status: 'rendered', out: renderReport(data, errors.length ? { ...o, findings: errors } : o) };
}

type OutFormat = RenderFormat | 'docx';

function pickFormat(flags: RenderFlags, lang: Lang): OutFormat {
  if (flags.format === undefined) return flags.output && /\.html?$/i.test(flags.output) ? 'html' : flags.output && /\.docx$/i.test(flags.output) ? 'docx' : 'md';
  if (flags.format === 'docx') return 'docx';
  if (flags.format === 'md' || flags.format === 'markdown') return 'md';
  if (flags.format === 'html') return 'html';
  throw new UsageError(TEXT.badFormat[lang](flags.format));
}

export async function renderCommand(operands: readonly string[], flags: RenderFlags, g: GlobalOptions, io: CliIO): Promise<number> {
  const lang = g.lang;
  const format = pickFormat(flags, lang);
  if (format !== 'html' && flags.fragment) throw new UsageError(TEXT.htmlOnly[lang]('--fragment'));
  if (format !== 'html' && flags.template !== undefined) throw new UsageError(TEXT.htmlOnly[lang]('--template'));
  // The rule settings validate uses: a report validate passes is rendered, and one it fails is not.
  const { settings, notice } = loadSettings({ cwd: io.cwd, config: flags.config, rules: flags.rule, lang, home: io.env.HOME });
  if (notice) io.stderr(`report: ${notice}\n`);
  if (flags.outDir !== undefined) return renderMany(operands, flags, format, g, io, settings);
  if (operands.length !== 1) throw new UsageError(TEXT.manyNeedOutDir[lang](operands.length));
  if (format === 'docx' && flags.output === undefined) throw new UsageError(TEXT.docxNeedsFile[lang]());
  const file = operands[0]!;

  const input = await readInput(file, io, lang);
  const name = file === '-' ? (flags.stdinFilename ?? '-') : file;
  const raw = checkSource(input.bytes, {
    filename: name, byteLength: input.size,
    kind: file === '-' && !flags.stdinFilename ? 'yaml' : undefined,
  });
  const checked = { ...raw, findings: applySettings(raw.findings, settings) };
  if (checked.findings.length) io.stderr(stylish([{ file: name, findings: checked.findings }], { lang, color: g.color && io.stderrIsTTY, fileCount: 1 }));
  // A folder that cannot be read matters only if the page is rendered: a report with errors is refused first.
  let texts: TemplateTexts | undefined;
  let unreadTemplates: unknown;
  if (flags.template !== undefined) {
    try { texts = readTemplatesDir(resolve(io.cwd, flags.template)); } catch (e) { unreadTemplates = e; }
  }
  let r;
  try {
    r = await renderChecked(checked.load.data, checked.findings, Boolean(flags.force), {
      format, lang,
      fragment: Boolean(flags.fragment),
      ...(texts ? { templates: texts.templates, templateFiles: texts.files } : {}),
    });
    if (r.status === 'rendered' && unreadTemplates !== undefined) throw unreadTemplates;
  } catch (e) {
    if (e instanceof TemplateError) throw new UsageError(TEXT.template[lang](e.text(lang)));
    throw e;
  }
  if (r.status !== 'rendered') {
    io.stderr(`report: ${(r.status === 'errors' ? TEXT.notRendered : TEXT.cannotRender)[lang](name)}\n`);
    return 1;
  }
  if (flags.output !== undefined) {
    writeAtomic(resolve(io.cwd, flags.output), r.out, { inputs: file === '-' ? [] : [resolve(io.cwd, file)], lang });
  } else {
    io.stdout(r.out as string);
  }
  return 0;
}

/** A path as the user would write it: relative to the working folder when inside it. */
const shown = (cwd: string, p: string): string => {
  const rel = relative(cwd, p);
  return rel === '' ? '.' : rel.startsWith('..') ? p : rel;
};

/**
 * Output paths: each input's path under the folder the inputs have in common,
 * with the extension of the format, inside `outDir`.
 */
export function outputPaths(inputs: readonly string[], outDir: string, format: OutFormat): string[] {
  const abs = inputs.map((f) => resolve(f));
  let common = abs.length ? dirname(abs[0]!) : '';
  for (const a of abs) {
    while (common !== dirname(common) && !(a === common || a.startsWith(common.endsWith(sep) ? common : common + sep))) common = dirname(common);
  }
  return abs.map((a) => {
    const rel = relative(common, a);
    return join(outDir, rel.slice(0, rel.length - extname(rel).length) + (format === 'html' ? '.html' : format === 'docx' ? '.docx' : '.md'));
  });
}

/** `report render FILES… --out-dir DIR`: every report in one call, one after the other on this thread. */
async function renderMany(operands: readonly string[], flags: RenderFlags, format: OutFormat, g: GlobalOptions, io: CliIO, settings: RuleSettings): Promise<number> {
  const lang = g.lang;
  if (flags.output !== undefined) throw new UsageError(TEXT.outDirAndOutput[lang]());
  if (operands.includes('-')) throw new UsageError(TEXT.outDirStdin[lang]());
  // Templates are read (and their mistakes reported) once, before any work.
  let templates: Partial<Record<TemplateName, string>> | undefined;
  let templateFiles: Partial<Record<TemplateName, string>> | undefined;
  if (flags.template !== undefined) {
    try {
      const read = readTemplatesDir(resolve(io.cwd, flags.template));
      templates = read.templates;
      templateFiles = read.files;
      // Compiled once here so a broken template stops the run before any file is written.
      renderReport({}, { format: format as RenderFormat, templates, templateFiles, fragment: Boolean(flags.fragment) });
    } catch (e) {
      if (e instanceof TemplateError) throw new UsageError(TEXT.template[lang](e.text(lang)));
      // Anything else is about the empty report used to compile: each file says its own.
    }
  }
  const expanded = await expandOperands(operands, io.cwd, lang);
  for (const e of expanded.errors) io.stderr(`report: ${e}\n`);
  let failed = expanded.errors.length > 0;
  const files = expanded.files;
  const outDir = resolve(io.cwd, flags.outDir!);
  const outputs = outputPaths(files.map((f) => resolve(io.cwd, f)), outDir, format);
  const seen = new Map<string, string>();
  for (const [i, o] of outputs.entries()) {
    const other = seen.get(o);
    if (other !== undefined) throw new UsageError(TEXT.sameOutput[lang](other, files[i]!, shown(io.cwd, o)));
    seen.set(o, files[i]!);
  }
  // No output may be any input (by path or by device and inode: a symlink, a hard link), checked before any page is written.
  const inputPaths = new Set(files.map((f) => resolve(io.cwd, f)));
  const inputIds = new Set(files.map((f) => fileId(resolve(io.cwd, f))).filter((x) => x !== undefined));
  for (const [i, o] of outputs.entries()) {
    const id = inputIds.size ? fileId(o) : undefined;
    if (inputPaths.has(o) || (id !== undefined && inputIds.has(id))) throw new UsageError(TEXT.outputIsInput[lang](shown(io.cwd, o), files[i]!));
  }
  let written = 0;
  let skipped = 0;
  const color = g.color && io.stderrIsTTY;
  const findingsOut = stylishStream({ lang, color });
  const options = { format, lang, fragment: Boolean(flags.fragment), ...(templates ? { templates, templateFiles } : {}) };
  let i = 0;
  for await (const checked of checkMany(files, io, { lang })) {
    const r = checked.error === undefined ? { ...checked, findings: applySettings(checked.findings, settings) } : checked;
    // A signal is handled only when the event loop turns (its poll phase, just before setImmediate's):
    // a Ctrl-C during one page ends the batch before the next is begun.
    await turn();
    const output = outputs[i++]!;
    if (r.error !== undefined) {
      io.stderr(`report: ${r.error}\n`);
      failed = true;
      continue;
    }
    // Findings stream out file by file, as validate prints them, without its summary line.
    if (r.findings.length) io.stderr(findingsOut.file({ file: r.file, findings: r.findings }));
    let page: Awaited<ReturnType<typeof renderChecked>> | undefined;
    let error: string | undefined;
    try {
      page = await renderChecked(r.data, r.findings, Boolean(flags.force), options);
    } catch (e) {
      if (!(e instanceof TemplateError)) throw e;
      error = e.text(lang);
    }
    // Each page is written whole (writeAtomic, synchronous) before the next is begun.
    if (page?.status === 'rendered') error = writeInBatch(output, page.out, resolve(io.cwd, r.file), lang);
    if (error !== undefined) {
      io.stderr(`report: ${error}\n`);
      failed = true;
    } else if (page?.status === 'rendered') {
      written++;
    } else {
      skipped++;
      io.stderr(`report: ${(page?.status === 'errors' ? TEXT.notRendered : TEXT.cannotRender)[lang](r.file)}\n`);
    }
  }
  io.stderr(`${TEXT.summary[lang](written, files.length, shown(io.cwd, outDir), skipped)}\n`);
  if (failed) return 2;
  return skipped ? 1 : 0;
}
