// `report render FILE`: check, then Markdown or HTML to standard output or
// (atomically) to a file. A report with errors is not rendered unless --force.
import type { CliIO } from '../cli/io.js';
import { UsageError } from '../cli/io.js';
import type { GlobalOptions } from '../cli.js';
import { checkSource } from '../check.js';
import { readInput } from '../cli/read.js';
import { writeAtomic } from '../cli/write.js';
import { stylish } from '../formatters/stylish.js';
import { renderReport, TemplateError, type RenderFormat } from '../render/index.js';
import type { Lang } from '../model/label.js';
import { resolve } from 'node:path';

interface RenderFlags {
  format?: string;
  output?: string;
  fragment?: boolean;
  template?: string;
  force?: boolean;
  stdinFilename?: string;
}

const TEXT = {
  badFormat: { zh: (v: string) => `未知的输出格式 ${v}（可用：md、html）`, en: (v: string) => `Unknown format ${v} (available: md, html)` },
  htmlOnly: { zh: (f: string) => `${f} 只适用于 --format html`, en: (f: string) => `${f} applies to --format html only` },
  notRendered: {
    zh: (f: string) => `${f} 有错误，未生成报告（修正后重试，或用 --force 生成并标出有误的单元格）`,
    en: (f: string) => `${f} has errors and was not rendered (fix them, or use --force to render with the wrong cells marked)`,
  },
  cannotRender: { zh: (f: string) => `${f} 无法读取为报告数据，不能生成`, en: (f: string) => `${f} could not be read as report data and cannot be rendered` },
  template: { zh: (m: string) => `模板错误：${m}`, en: (m: string) => `Template error: ${m}` },
} as const;

function pickFormat(flags: RenderFlags, lang: Lang): RenderFormat {
  if (flags.format === undefined) return flags.output && /\.html?$/i.test(flags.output) ? 'html' : 'md';
  if (flags.format === 'md' || flags.format === 'markdown') return 'md';
  if (flags.format === 'html') return 'html';
  throw new UsageError(TEXT.badFormat[lang](flags.format));
}

export async function renderCommand(args: unknown[], g: GlobalOptions, io: CliIO): Promise<number> {
  const file = args[0] as string;
  const flags = args[1] as RenderFlags;
  const lang = g.lang;
  const format = pickFormat(flags, lang);
  if (format !== 'html' && flags.fragment) throw new UsageError(TEXT.htmlOnly[lang]('--fragment'));
  if (format !== 'html' && flags.template !== undefined) throw new UsageError(TEXT.htmlOnly[lang]('--template'));

  const input = await readInput(file, io, lang);
  const name = file === '-' ? (flags.stdinFilename ?? '-') : file;
  const checked = checkSource(input.bytes, {
    filename: name, lang, byteLength: input.size,
    kind: file === '-' && !flags.stdinFilename ? 'yaml' : undefined,
  });
  const errors = checked.findings.filter((f) => f.severity === 'error');
  const data = checked.load.data;
  const printFindings = () => {
    if (checked.findings.length) io.stderr(stylish([{ file: name, findings: checked.findings }], { lang, color: g.color && io.stderrIsTTY, fileCount: 1 }));
  };
  const renderable = data !== null && typeof data === 'object' && !Array.isArray(data);
  if (!renderable || (errors.length && !flags.force)) {
    printFindings();
    io.stderr(`report: ${(renderable ? TEXT.notRendered : TEXT.cannotRender)[lang](name)}\n`);
    return 1;
  }
  printFindings();

  let out: string;
  try {
    out = renderReport(data, {
      format, lang,
      fragment: Boolean(flags.fragment),
      ...(flags.template !== undefined ? { templatesDir: resolve(io.cwd, flags.template) } : {}),
      ...(errors.length ? { findings: errors } : {}),
    });
  } catch (e) {
    if (e instanceof TemplateError) throw new UsageError(TEXT.template[lang](e.text(lang)));
    throw e;
  }
  if (flags.output !== undefined) {
    writeAtomic(resolve(io.cwd, flags.output), out, { inputs: file === '-' ? [] : [resolve(io.cwd, file)], lang });
  } else {
    io.stdout(out);
  }
  return 0;
}
