// `report init`: a blank report for the year, every count at zero, each key
// preceded by its official Chinese label, and the yaml-language-server line
// so that VS Code's YAML extension completes keys and shows labels.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CliIO } from '../cli/io.js';
import { UsageError } from '../cli/io.js';
import type { GlobalOptions } from '../cli.js';
import {
  EDITION, PROACTIVE_BLOCKS, PROACTIVE_COLUMNS, REQUEST_COLUMNS, REQUEST_ROWS, REVIEW_COLUMNS, REVIEW_GROUPS,
  SCOPES, SECTIONS, TOP_FIELDS, type RowDef,
} from '../model/edition2021.js';
import { KEY_LABELS, KEY_LABELS_2019, writeYaml } from '../model/to-yaml.js';
import { EDITION_2019, editionForYear, type EditionId } from '../model/edition.js';
import { SCHEMA_2019_ID } from '../schema/build-schema-2019.js';
import { writeAtomic } from '../cli/write.js';

export interface BlankOptions {
  readonly agency?: string;
  readonly year: number;
  /** Path or URL of the JSON Schema for the yaml-language-server line. */
  readonly schema?: string;
  /** The format edition (default 2021). */
  readonly edition?: EditionId;
}

export const AGENCY_PLACEHOLDER = '（请填写机关全称）';

const TEXT = {
  badYear: { zh: (v: string) => `--year 应为 2008 年以来的四位年份，而不是 ${v}`, en: (v: string) => `--year takes a four-digit year from 2008 on, not ${v}` },
  emptyAgency: { zh: () => '--agency 不能为空', en: () => '--agency cannot be empty' },
  exists: { zh: (f: string) => `${f} 已存在（加 --force 覆盖）`, en: (f: string) => `${f} already exists (add --force to overwrite)` },
  written: { zh: (f: string) => `已写入 ${f}`, en: (f: string) => `Written ${f}` },
  badEdition: { zh: (v: string) => `--edition 应为 2021 或 2019，而不是 ${v}`, en: (v: string) => `--edition takes 2021 or 2019, not ${v}` },
  badFormat: { zh: (v: string) => `未知的格式 ${v}（可用：yaml、xlsx）`, en: (v: string) => `Unknown format ${v} (available: yaml, xlsx)` },
  xlsxNeedsFile: { zh: () => 'xlsx 是二进制文件，不输出到终端：请用 -o 文件.xlsx', en: () => 'xlsx is a binary file and is not written to the terminal: use -o FILE.xlsx' },
  xlsxEdition: { zh: () => 'xlsx 工作簿按 2021 年版格式；2019 年版请用 YAML', en: () => 'the xlsx workbook follows the 2021 edition; for the 2019 edition use YAML' },
  notYaml: {
    zh: (f: string) => `${f}：report init 只写 YAML（JSON 不能带注释）；请用 .yaml 或 .yml 文件名`,
    en: (f: string) => `${f}: report init writes YAML only (JSON cannot hold the label comments); use a .yaml or .yml name`,
  },
} as const;

const colLabel = (c: { label: { zh: string }; group?: { zh: string } }) => (c.group ? `${c.group.zh}·${c.label.zh}` : c.label.zh);
const zeros = (keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, 0]));
const requestRows = (rows: readonly RowDef[]): Record<string, unknown> =>
  Object.fromEntries(rows.map((r) => [r.key, r.children ? requestRows(r.children) : zeros(REQUEST_COLUMNS.map((c) => c.key))]));

const OVERVIEW = ['（一）主动公开情况。', '（二）依申请公开情况。', '（三）政府信息管理情况。', '（四）平台建设情况。', '（五）监督保障情况。'];
const BLANK_BEFORE = new Set(['overview', 'proactive', 'requests', 'reviewsAndLawsuits', 'problems', 'other']);

/** The text of a blank report. Pure. */
export function blankReport(o: BlankOptions): string {
  if (o.edition === '2019') return blankReport2019(o);
  const agency = o.agency ?? AGENCY_PLACEHOLDER;
  const f = TOP_FIELDS;
  const data = {
    format: EDITION,
    agency,
    year: o.year,
    scope: 'agency',
    preamble: `根据《中华人民共和国政府信息公开条例》和国办公开办函〔2021〕30号的规定，现公布${agency} ${o.year} 年度政府信息公开工作年度报告。\n`,
    overview: OVERVIEW.map((p) => `${p}（待填写）\n`).join('\n'),
    proactive: Object.fromEntries(PROACTIVE_BLOCKS.flatMap((b) => b.rows.map((r) => [r.key, zeros(b.columns)]))),
    requests: requestRows(REQUEST_ROWS),
    reviewsAndLawsuits: Object.fromEntries(REVIEW_GROUPS.map((g) => [g.key, zeros(REVIEW_COLUMNS.map((c) => c.key))])),
    problems: '（待填写）\n',
    other: '无。\n',
  };
  // Beyond the labels: what each column holds, and the optional fields as lines to uncomment.
  const comments = new Map<string, readonly string[]>([
    ['scope', [
      `${f.published.zh}（YYYY-MM-DD；发布时填写，并删去行首的 #）`, `published: ${o.year + 1}-01-20`,
      `${f.scope.zh}：agency ${SCOPES.agency.zh}（1 月 31 日前发布）；government ${SCOPES.government.zh}（3 月 31 日前发布）`,
    ]],
    ['preamble', [
      `${f.contact.zh}（可选；填写时删去行首的 #）`, 'contact:',
      `  # ${f.office.zh}`, '  office: ""', `  # ${f.address.zh}`, '  address: ""', `  # ${f.phone.zh}（写成带引号的文本，以免丢失开头的 0）`, '  phone: ""',
      '', SECTIONS.preamble.zh,
    ]],
    ...PROACTIVE_BLOCKS.flatMap((b) => b.rows.map((r): [string, string[]] => {
      const path = `proactive/${r.key}`;
      return [path, [`${KEY_LABELS.get(path)}：${b.columns.map((c) => `${c} ${PROACTIVE_COLUMNS[c].zh}`).join('，')}`]];
    })),
    ['requests', [SECTIONS.requests.zh, `每行各列：${REQUEST_COLUMNS.map((c) => `${c.key} ${colLabel(c)}`).join('，')}`]],
    ['reviewsAndLawsuits', [SECTIONS.reviewsAndLawsuits.zh, `每组各列：${REVIEW_COLUMNS.map((c) => `${c.key} ${c.label.zh}`).join('，')}`]],
  ]);
  return writeYaml(data, {
    header: [
      `${agency} ${o.year} 年政府信息公开工作年度报告（由 report init 生成；按国办公开办函〔2021〕30号格式填写）`,
      '各表的数字填写完毕后运行：report validate 本文件（可加 --fix 自动修正总计）',
    ],
    schema: o.schema,
    comment: (path) => {
      const label = KEY_LABELS.get(path);
      return comments.get(path) ?? (label ? [label] : undefined);
    },
    blankBefore: (path) => BLANK_BEFORE.has(path),
    text: (path) => (path === 'format' || path === 'agency' ? 'quoted' : path === 'scope' ? undefined : 'block'),
    jsonQuotes: true,
  });
}

/** A blank report in the 2019 trial edition: its table 二 and its single-row （六）; the rest as in 2021. */
function blankReport2019(o: BlankOptions): string {
  const agency = o.agency ?? AGENCY_PLACEHOLDER;
  const e = EDITION_2019;
  const data = {
    format: e.id,
    agency,
    year: o.year,
    scope: 'agency',
    preamble: `根据《中华人民共和国政府信息公开条例》和${e.notice}的规定，现公布${agency} ${o.year} 年度政府信息公开工作年度报告。\n`,
    overview: '（待填写）\n',
    proactive: Object.fromEntries(e.proactiveBlocks.flatMap((b) => b.rows.map((r) => [r.key, zeros(b.columns)]))),
    requests: requestRows(e.requestRows),
    reviewsAndLawsuits: Object.fromEntries(REVIEW_GROUPS.map((g) => [g.key, zeros(REVIEW_COLUMNS.map((c) => c.key))])),
    problems: '（待填写）\n',
    other: '无。\n',
  };
  const comments = new Map<string, readonly string[]>([
    ...e.proactiveBlocks.flatMap((b) => b.rows.map((r): [string, string[]] => {
      const path = `proactive/${r.key}`;
      const cols = b.columns.map((c) => `${c} ${e.proactiveColumns[c]!.zh}${c === 'change' ? '（减少写负数，如 -4）' : ''}`).join('，');
      return [path, [`${KEY_LABELS_2019.get(path)}：${cols}${r.key === 'procurement' ? '；金额单位照报告填写 unit: 元 或 unit: 万元（可省略）' : ''}`]];
    })),
    ['requests', [SECTIONS.requests.zh, `每行各列：${REQUEST_COLUMNS.map((c) => `${c.key} ${colLabel(c)}`).join('，')}`]],
    ['reviewsAndLawsuits', [SECTIONS.reviewsAndLawsuits.zh, `每组各列：${REVIEW_COLUMNS.map((c) => `${c.key} ${c.label.zh}`).join('，')}`]],
  ]);
  return writeYaml(data, {
    header: [
      `${agency} ${o.year} 年政府信息公开工作年度报告（由 report init 生成；按${e.notice}试行格式填写）`,
      '各表的数字填写完毕后运行：report validate 本文件（可加 --fix 自动修正总计）',
    ],
    schema: o.schema ?? SCHEMA_2019_ID,
    comment: (path) => {
      const label = KEY_LABELS_2019.get(path);
      return comments.get(path) ?? (label ? [label] : undefined);
    },
    blankBefore: (path) => BLANK_BEFORE.has(path),
    text: (path) => (path === 'format' || path === 'agency' ? 'quoted' : path === 'scope' ? undefined : 'block'),
    jsonQuotes: true,
  });
}

/** init's options, as commander gives them (src/cli.ts). */
export interface InitFlags {
  readonly agency?: string;
  readonly year?: string;
  readonly output?: string;
  readonly schema?: string;
  readonly edition?: string;
  readonly force?: boolean;
  readonly format?: string;
}

export async function initCommand(flags: InitFlags, g: GlobalOptions, io: CliIO): Promise<number> {
  const lang = g.lang;
  const now = new Date();
  let year = now.getFullYear() - 1; // Reports are written in January for the year before.
  if (flags.year !== undefined) {
    if (!/^\d{4}$/.test(flags.year) || Number(flags.year) < 2008 || Number(flags.year) > now.getFullYear()) throw new UsageError(TEXT.badYear[lang](flags.year));
    year = Number(flags.year);
  }
  if (flags.agency !== undefined && !/\S/.test(flags.agency)) throw new UsageError(TEXT.emptyAgency[lang]());
  if (flags.edition !== undefined && flags.edition !== '2021' && flags.edition !== '2019') throw new UsageError(TEXT.badEdition[lang](flags.edition));
  // Without --edition, the one the year requires (2019 for 2019–2020); a year before 2019 keeps 2021, as it did.
  const edition: EditionId = (flags.edition as EditionId | undefined) ?? (editionForYear(year) === '2019' ? '2019' : '2021');
  if (flags.format !== undefined && flags.format !== 'yaml' && flags.format !== 'xlsx') throw new UsageError(TEXT.badFormat[lang](flags.format));
  if (flags.format === 'xlsx' || (flags.format === undefined && /\.xlsx$/i.test(flags.output ?? ''))) {
    if (edition !== '2021') throw new UsageError(TEXT.xlsxEdition[lang]());
    return initXlsx(flags, year, lang, io);
  }
  const text = blankReport({ agency: flags.agency?.trim(), year, schema: flags.schema, edition });
  if (flags.output === undefined || flags.output === '-') {
    io.stdout(text);
    return 0;
  }
  if (/\.json$/i.test(flags.output)) throw new UsageError(TEXT.notYaml[lang](flags.output));
  const target = resolve(io.cwd, flags.output);
  if (existsSync(target) && !flags.force) throw new UsageError(TEXT.exists[lang](flags.output));
  writeAtomic(target, text, { lang });
  io.stderr(`${TEXT.written[lang](flags.output)}\n`);
  return 0;
}

/** The workbook to fill in (exceljs is loaded only for it). */
async function initXlsx(flags: InitFlags, year: number, lang: GlobalOptions['lang'], io: CliIO): Promise<number> {
  if (flags.output === undefined || flags.output === '-') throw new UsageError(TEXT.xlsxNeedsFile[lang]());
  const target = resolve(io.cwd, flags.output);
  if (existsSync(target) && !flags.force) throw new UsageError(TEXT.exists[lang](flags.output));
  const { buildWorkbook } = await import('../init/xlsx.js');
  writeAtomic(target, (await buildWorkbook({ agency: flags.agency?.trim(), year })).bytes, { lang });
  io.stderr(`${TEXT.written[lang](flags.output)}\n`);
  return 0;
}
