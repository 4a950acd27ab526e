// `report validate FILE|FOLDER|GLOB…`: expand the operands, optionally fix
// totals, check every file (checkMany), apply configuration and baseline,
// print through the chosen formatter, and decide the exit code.
import { resolve } from 'node:path';
import type { CliIO } from '../cli/io.js';
import { UsageError } from '../cli/io.js';
import { CLI_TEXT } from '../cli/text.js';
import type { GlobalOptions } from '../cli.js';
import { checkMany } from '../cli/check-many.js';
import { FORMATTERS, LISTS_CLEAN_FILES, STREAMS, type FileResult, type FormatterStream } from '../formatters/index.js';
import { expandOperands } from '../cli/expand.js';
import { applySettings } from '../config/config.js';
import { loadSettings } from '../cli/config.js';
import { applyBaseline, makeBaseline } from '../baseline/baseline.js';
import { BASELINE_TEXT, readBaseline, writeBaseline } from '../cli/baseline.js';
import { compareLocated } from '../diagnostics/finding.js';

/** validate's options, as commander gives them (src/cli.ts). */
export interface ValidateFlags {
  readonly format?: string;
  readonly quiet?: boolean;
  readonly stdinFilename?: string;
  readonly maxWarnings?: string;
  readonly baseline?: string;
  readonly writeBaseline?: string;
  readonly fix?: boolean;
  readonly config?: string;
  readonly rule?: readonly string[];
  readonly progress?: boolean;
  readonly previous?: string;
}

/** Above this many files, a terminal gets a progress bar. */
export const PROGRESS_MIN_FILES = 20;

const TEXT = {
  badMaxWarnings: { zh: (v: string) => `--max-warnings 应为非负整数，而不是 ${v}`, en: (v: string) => `--max-warnings takes a non-negative integer, not ${v}` },
  tooManyWarnings: {
    zh: (n: number, max: number) => `警告过多：${n} 个，超过 --max-warnings ${max}`,
    en: (n: number, max: number) => `Too many warnings: ${n}, more than --max-warnings ${max}`,
  },
  fixWithStdin: { zh: () => '--fix 不能用于标准输入', en: () => '--fix cannot be used with standard input' },
} as const;

export async function validateCommand(operands: readonly string[], flags: ValidateFlags, g: GlobalOptions, io: CliIO): Promise<number> {
  const lang = g.lang;
  // GitHub Actions gets annotations unless a format is asked for.
  const format = flags.format ?? (io.env.GITHUB_ACTIONS === 'true' ? 'github' : 'stylish');
  const load = FORMATTERS[format];
  if (!load) throw new UsageError(CLI_TEXT.badFormat[lang](format, Object.keys(FORMATTERS).join(', ')));
  let maxWarnings: number | undefined;
  if (flags.maxWarnings !== undefined) {
    if (!/^\d+$/.test(flags.maxWarnings)) throw new UsageError(TEXT.badMaxWarnings[lang](flags.maxWarnings));
    maxWarnings = Number(flags.maxWarnings);
  }
  if (!operands.length) throw new UsageError(CLI_TEXT.noFiles[lang]());
  // Configuration and baseline are read first: a mistake there stops before any work.
  const { settings, notice } = loadSettings({ cwd: io.cwd, config: flags.config, rules: flags.rule, lang, home: io.env.HOME });
  if (notice) io.stderr(`report: ${notice}\n`);
  const baseline = flags.baseline !== undefined ? readBaseline(flags.baseline, io.cwd, lang) : undefined;

  const expanded = await expandOperands(operands, io.cwd, lang);
  for (const e of expanded.errors) io.stderr(`report: ${e}\n`);
  let ioFailed = expanded.errors.length > 0;
  const files = expanded.files;

  if (flags.fix) {
    if (files.includes('-')) throw new UsageError(TEXT.fixWithStdin[lang]());
    const { fixFile, describeChange, FIX_TEXT } = await import('../cli/fix.js');
    const out = format === 'stylish' ? io.stdout : io.stderr;
    let changed = 0;
    let changedFiles = 0;
    // A rule turned off is one whose cells the user wants left as written.
    const off = new Set([...settings].filter(([, s]) => s === 'off').map(([id]) => id));
    for (const file of files) {
      const r = fixFile(file, io.cwd, lang, { off }, (line) => io.stderr(`report: ${line}\n`));
      if (r.skipped) io.stderr(`report: ${r.skipped}\n`);
      for (const c of r.changes) out(`${describeChange(file, c, lang)}\n`);
      changed += r.changes.length;
      if (r.changes.length) changedFiles++;
    }
    if (changed) out(`${FIX_TEXT.summary[lang](changed, changedFiles)}\n\n`);
  }

  const progress = flags.progress !== false && io.stderrIsTTY && files.length >= PROGRESS_MIN_FILES
    ? await (await import('../cli/progress.js')).startProgress(files.length, lang)
    : undefined;
  // Printed file by file when the format allows (and no baseline is being written), so memory stays flat for any number of files.
  const stream: FormatterStream | undefined = flags.writeBaseline === undefined && STREAMS[format]
    ? (await STREAMS[format]!())({ lang, color: g.color, quiet: flags.quiet })
    : undefined;
  const print = (text: string) => {
    if (!text) return;
    if (progress) progress.interrupt(() => io.stdout(text));
    else io.stdout(text);
  };
  // Without a stream: every result is kept for the formatter (only files with findings, unless it lists clean files too).
  const keepClean = LISTS_CLEAN_FILES.has(format);
  const results: FileResult[] = [];
  let checked = 0;
  let errors = 0;
  let warnings = 0;
  let suppressed = 0;
  try {
    for await (const r of checkMany(files, io, { lang, stdinFilename: flags.stdinFilename })) {
      progress?.tick();
      if (r.error !== undefined) {
        const print = () => io.stderr(`report: ${r.error}\n`);
        if (progress) progress.interrupt(print);
        else print();
        ioFailed = true;
        continue;
      }
      let found = r.findings;
      if (flags.previous !== undefined) {
        // Rules 7 and 8 (last year's report): src/cli/previous.ts, src/across/previous.ts.
        const { previousFindings } = await import('../cli/previous.js');
        const stdin = files.includes('-') && r.file === (flags.stdinFilename ?? '-');
        found = [...found, ...await previousFindings(r.file, r.data, io, { previous: flags.previous, lang, stdin })].sort(compareLocated);
      }
      checked++;
      let result: FileResult = { file: r.file, findings: applySettings(found, settings) };
      if (baseline && flags.writeBaseline === undefined) {
        const b = applyBaseline(result.findings, baseline, io.cwd, flags.baseline!);
        suppressed += b.suppressed;
        result = { file: r.file, findings: b.kept };
      }
      for (const f of result.findings) if (f.severity === 'error') errors++; else warnings++;
      if (stream) print(stream.file(result));
      else if (result.findings.length || keepClean) results.push(result);
    }
  } finally {
    progress?.stop();
  }

  if (flags.writeBaseline !== undefined) {
    const b = makeBaseline(results.flatMap((r) => r.findings), io.cwd, flags.writeBaseline);
    writeBaseline(flags.writeBaseline, b, io.cwd, files.filter((f) => f !== '-').map((f) => resolve(io.cwd, f)), lang);
    io.stderr(`${BASELINE_TEXT.written[lang](flags.writeBaseline, b.findings.reduce((n, e) => n + (e.count ?? 1), 0))}\n`);
    return ioFailed ? 2 : 0;
  }

  if (suppressed && !flags.quiet && format === 'stylish') io.stderr(`${BASELINE_TEXT.suppressed[lang](suppressed)}\n`);
  if (ioFailed && !checked) return 2;
  if (stream) io.stdout(stream.end(checked));
  else io.stdout((await load())(results, { lang, color: g.color, fileCount: checked, quiet: flags.quiet }));
  if (ioFailed) return 2;
  if (errors) return 1;
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    io.stderr(`report: ${TEXT.tooManyWarnings[lang](warnings, maxWarnings)}\n`);
    return 1;
  }
  return 0;
}
