// `report aggregate FILE… --agency NAME [-o OUT] [--breakdown csv]`: sums the
// tables of many unit reports of one year into one report (src/aggregate/),
// refusing inputs that have errors or do not belong together.
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CliIO } from '../cli/io.js';
import { UsageError } from '../cli/io.js';
import type { GlobalOptions } from '../cli.js';
import { checkMany } from '../cli/check-many.js';
import { loadSettings } from '../cli/config.js';
import { applySettings } from '../config/config.js';
import { checkSource } from '../check.js';
import { formatMessage } from '../diagnostics/format-message.js';
import { writeAtomicAll } from '../cli/write.js';
import { describePointer } from '../model/cells.js';
import type { Lang } from '../model/label.js';
import { aggregateProblems, aggregateReports, breakdownCsv, unitKey, type AggregateProblem, type UnitReport } from '../aggregate/aggregate.js';
import { aggregateToYaml } from '../aggregate/to-yaml.js';

/** aggregate's options, as commander gives them (src/cli.ts). */
export interface AggregateFlags {
  readonly agency?: string;
  readonly output?: string;
  readonly breakdown?: string;
  readonly breakdownOutput?: string;
  readonly config?: string;
  readonly rule?: readonly string[];
}

export const AGGREGATE_TEXT = {
  noAgency: { zh: () => '请用 --agency 指定汇总报告的机关名称', en: () => 'Name the agency of the roll-up with --agency' },
  noFiles: { zh: () => '没有指定要汇总的报告文件', en: () => 'No report files given to roll up' },
  stdin: { zh: () => 'aggregate 不读取标准输入，请给出文件', en: () => 'aggregate does not read standard input: give files' },
  badBreakdown: { zh: (v: string) => `--breakdown 只支持 csv，而不是 ${v}`, en: (v: string) => `--breakdown supports csv only, not ${v}` },
  breakdownWhere: {
    zh: () => '--breakdown csv 需要 --breakdown-output 文件，或用 -o 指定汇总报告（明细写在其旁）',
    en: () => '--breakdown csv needs --breakdown-output FILE, or -o for the roll-up (the breakdown goes next to it)',
  },
  sameOutput: { zh: (f: string) => `汇总报告与明细表不能写到同一个文件：${f}`, en: (f: string) => `The roll-up and the breakdown cannot go to the same file: ${f}` },
  sameFile: { zh: (f: string) => `同一文件给了两次：${f}`, en: (f: string) => `The same file is given twice: ${f}` },
  hasErrors: {
    zh: (f: string, n: number, first: string) => `${f} 有 ${n} 个错误，不能汇总（第一个：${first}）；请先运行 report validate ${f}`,
    en: (f: string, n: number, first: string) => `${f} has ${n} error${n === 1 ? '' : 's'} and cannot be rolled up (first: ${first}); run report validate ${f} first`,
  },
  year: {
    zh: (p: AggregateProblem & { kind: 'year' }) => `${p.file} 是 ${String(p.value)} 年度的报告，而 ${p.first} 是 ${String(p.expected)} 年度；只能汇总同一年度的报告`,
    en: (p: AggregateProblem & { kind: 'year' }) => `${p.file} reports on ${String(p.value)} but ${p.first} on ${String(p.expected)}; only reports of one year can be rolled up`,
  },
  format: {
    zh: (p: AggregateProblem & { kind: 'format' }) => `${p.file} 的格式版本是 ${String(p.value)}，而 ${p.first} 是 ${String(p.expected)}；只能汇总同一格式的报告`,
    en: (p: AggregateProblem & { kind: 'format' }) => `${p.file} is in format ${String(p.value)} but ${p.first} in ${String(p.expected)}; only reports of one format can be rolled up`,
  },
  cell: {
    zh: (p: AggregateProblem & { kind: 'cell' }) => `${p.file}：${describePointer(p.pointer, 'zh')} 无法读取为数字，不能汇总`,
    en: (p: AggregateProblem & { kind: 'cell' }) => `${p.file}: ${describePointer(p.pointer, 'en')} is not a usable number; cannot roll up`,
  },
  sameUnit: {
    zh: (a: string, b: string, agency: string) => `${a} 与 ${b} 是同一单位（${agency}）同一年度的报告，汇总会重复计数`,
    en: (a: string, b: string, agency: string) => `${a} and ${b} are reports of the same unit (${agency}) for the same year: it would be counted twice`,
  },
  written: {
    zh: (n: number, f: string) => `已汇总 ${n} 份报告，写入 ${f}`,
    en: (n: number, f: string) => `Rolled up ${n} report${n === 1 ? '' : 's'} into ${f}`,
  },
  header: {
    zh: (agency: string, year: unknown, n: number) => [`${agency} ${String(year)} 年政府信息公开工作年度报告（汇总）`, `由 report aggregate 汇总 ${n} 份单位报告的表二、表三、表四；各节文字请作者补写。`],
    en: (agency: string, year: unknown, n: number) => [`${agency}: roll-up for ${String(year)}`, `Tables 2, 3 and 4 summed by report aggregate from ${n} unit reports; the section texts are for the author to write.`],
  },
} as const;

function problemText(p: AggregateProblem, lang: Lang): string {
  return p.kind === 'year' ? AGGREGATE_TEXT.year[lang](p) : p.kind === 'format' ? AGGREGATE_TEXT.format[lang](p) : AGGREGATE_TEXT.cell[lang](p);
}

export async function aggregateCommand(files: readonly string[], flags: AggregateFlags, g: GlobalOptions, io: CliIO): Promise<number> {
  const lang = g.lang;
  const agency = flags.agency?.trim();
  if (!agency) throw new UsageError(AGGREGATE_TEXT.noAgency[lang]());
  if (!files.length) throw new UsageError(AGGREGATE_TEXT.noFiles[lang]());
  if (files.includes('-')) throw new UsageError(AGGREGATE_TEXT.stdin[lang]());
  if (flags.breakdown !== undefined && flags.breakdown !== 'csv') throw new UsageError(AGGREGATE_TEXT.badBreakdown[lang](flags.breakdown));
  let breakdownTo = flags.breakdownOutput;
  if (flags.breakdown !== undefined && breakdownTo === undefined) {
    if (flags.output === undefined) throw new UsageError(AGGREGATE_TEXT.breakdownWhere[lang]());
    breakdownTo = flags.output.replace(/\.(ya?ml|json)$/i, '') + '.breakdown.csv';
  }
  if (breakdownTo !== undefined && flags.output !== undefined && resolve(io.cwd, breakdownTo) === resolve(io.cwd, flags.output)) {
    throw new UsageError(AGGREGATE_TEXT.sameOutput[lang](breakdownTo));
  }
  const seen = new Map<string, string>();
  for (const f of files) {
    let real: string;
    try { real = realpathSync(resolve(io.cwd, f)); } catch { real = resolve(io.cwd, f); }
    if (seen.has(real)) throw new UsageError(AGGREGATE_TEXT.sameFile[lang](f));
    seen.set(real, f);
  }

  // The rule settings validate uses: the inputs validate passes are rolled up.
  const { settings, notice } = loadSettings({ cwd: io.cwd, config: flags.config, rules: flags.rule, lang, home: io.env.HOME });
  if (notice) io.stderr(`report: ${notice}\n`);
  // Every input must be clean of errors (warnings are allowed).
  const units: UnitReport[] = [];
  let refused = false;
  for await (const r of checkMany(files, io, { lang })) {
    if (r.error !== undefined) throw new UsageError(r.error);
    const errors = applySettings(r.findings, settings).filter((f) => f.severity === 'error');
    if (errors.length) {
      const e = errors[0]!;
      io.stderr(`report: ${AGGREGATE_TEXT.hasErrors[lang](r.file, errors.length, `${e.line}:${e.column} ${formatMessage(e, lang)}`)}\n`);
      refused = true;
      continue;
    }
    units.push({ file: r.file, data: r.data });
  }
  if (refused) return 1;
  const problems = aggregateProblems(units);
  // One unit however its name is typed: （局） and (局), a zero-width space, full-width letters, NFD.
  const byAgency = new Map<string, string>();
  for (const u of units) {
    const a = String((u.data as Record<string, unknown>).agency);
    const key = unitKey(a);
    const prev = byAgency.get(key);
    if (prev !== undefined) { io.stderr(`report: ${AGGREGATE_TEXT.sameUnit[lang](prev, u.file, a)}\n`); refused = true; }
    byAgency.set(key, u.file);
  }
  for (const p of problems) io.stderr(`report: ${problemText(p, lang)}\n`);
  if (refused || problems.length) return 1;

  const report = aggregateReports(units, { agency });
  const text = aggregateToYaml(report, AGGREGATE_TEXT.header[lang](agency, report.year, units.length));
  // The roll-up of clean inputs is clean; if not, that is a bug, not the user's data.
  const check = checkSource(text, { filename: 'aggregate.yaml' });
  const bad = applySettings(check.findings, settings).find((f) => f.severity === 'error');
  if (bad) throw new Error(`roll-up does not validate: ${bad.ruleId} ${formatMessage(bad, 'en')}`);

  const inputs = files.map((f) => resolve(io.cwd, f));
  // Every output or none: both files are written whole before either takes its name, and standard output comes last.
  const outputs = [
    ...(flags.output !== undefined ? [{ target: resolve(io.cwd, flags.output), content: text }] : []),
    ...(breakdownTo !== undefined ? [{ target: resolve(io.cwd, breakdownTo), content: breakdownCsv(units, lang) }] : []),
  ];
  if (outputs.length) writeAtomicAll(outputs, { inputs, lang });
  if (flags.output === undefined) io.stdout(text);
  if (flags.output !== undefined) io.stderr(`${AGGREGATE_TEXT.written[lang](units.length, flags.output)}\n`);
  return 0;
}
