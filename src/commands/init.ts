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
import { SCHEMA_ID } from '../schema/build-schema.js';
import { writeAtomic } from '../cli/write.js';

export interface BlankOptions {
  readonly agency?: string;
  readonly year: number;
  /** Path or URL of the JSON Schema for the yaml-language-server line. */
  readonly schema?: string;
}

export const AGENCY_PLACEHOLDER = '（请填写机关全称）';

const TEXT = {
  badYear: { zh: (v: string) => `--year 应为 2008 年以来的四位年份，而不是 ${v}`, en: (v: string) => `--year takes a four-digit year from 2008 on, not ${v}` },
  emptyAgency: { zh: () => '--agency 不能为空', en: () => '--agency cannot be empty' },
  exists: { zh: (f: string) => `${f} 已存在（加 --force 覆盖）`, en: (f: string) => `${f} already exists (add --force to overwrite)` },
  written: { zh: (f: string) => `已写入 ${f}`, en: (f: string) => `Written ${f}` },
  notYaml: {
    zh: (f: string) => `${f}：report init 只写 YAML（JSON 不能带注释）；请用 .yaml 或 .yml 文件名`,
    en: (f: string) => `${f}: report init writes YAML only (JSON cannot hold the label comments); use a .yaml or .yml name`,
  },
} as const;

const q = (s: string) => JSON.stringify(s);
const colLabel = (c: { label: { zh: string }; group?: { zh: string } }) => (c.group ? `${c.group.zh}·${c.label.zh}` : c.label.zh);
const zeros = (keys: readonly string[]) => `{${keys.map((k) => `${k}: 0`).join(', ')}}`;

function requestRows(rows: readonly RowDef[], indent: string, out: string[]): void {
  for (const r of rows) {
    out.push(`${indent}# ${r.label.zh}`);
    if (r.children) {
      out.push(`${indent}${r.key}:`);
      requestRows(r.children, indent + '  ', out);
    } else {
      out.push(`${indent}${r.key}: ${zeros(REQUEST_COLUMNS.map((c) => c.key))}`);
    }
  }
}

/** The text of a blank report. Pure. */
export function blankReport(o: BlankOptions): string {
  const agency = o.agency ?? AGENCY_PLACEHOLDER;
  const f = TOP_FIELDS;
  const out: string[] = [
    `# yaml-language-server: $schema=${o.schema ?? SCHEMA_ID}`,
    `# ${agency} ${o.year} 年政府信息公开工作年度报告（由 report init 生成；按国办公开办函〔2021〕30号格式填写）`,
    '# 各表的数字填写完毕后运行：report validate 本文件（可加 --fix 自动修正总计）',
    '',
    `# ${f.format.zh}（国办公开办函〔2021〕30号）`,
    `format: ${q(EDITION)}`,
    `# ${f.agency.zh}`,
    `agency: ${q(agency)}`,
    `# ${f.year.zh}`,
    `year: ${o.year}`,
    `# ${f.published.zh}（YYYY-MM-DD；发布时填写，并删去行首的 #）`,
    `# published: ${o.year + 1}-01-20`,
    `# ${f.scope.zh}：agency ${SCOPES.agency.zh}（1 月 31 日前发布）；government ${SCOPES.government.zh}（3 月 31 日前发布）`,
    'scope: agency',
    `# ${f.contact.zh}（可选；填写时删去行首的 #）`,
    '# contact:',
    `#   # ${f.office.zh}`,
    '#   office: ""',
    `#   # ${f.address.zh}`,
    '#   address: ""',
    `#   # ${f.phone.zh}（写成带引号的文本，以免丢失开头的 0）`,
    '#   phone: ""',
    '',
    `# ${SECTIONS.preamble.zh}`,
    'preamble: |',
    `  根据《中华人民共和国政府信息公开条例》和国办公开办函〔2021〕30号的规定，现公布${agency} ${o.year} 年度政府信息公开工作年度报告。`,
    '',
    `# ${SECTIONS.overview.zh}`,
    'overview: |',
    '  （一）主动公开情况。（待填写）',
    '',
    '  （二）依申请公开情况。（待填写）',
    '',
    '  （三）政府信息管理情况。（待填写）',
    '',
    '  （四）平台建设情况。（待填写）',
    '',
    '  （五）监督保障情况。（待填写）',
    '',
    `# ${SECTIONS.proactive.zh}`,
    'proactive:',
  ];
  for (const block of PROACTIVE_BLOCKS) {
    for (const row of block.rows) {
      const cols = block.columns.map((c) => `${c} ${PROACTIVE_COLUMNS[c].zh}`).join('，');
      out.push(`  # ${row.label.zh}（${block.label.zh}）：${cols}`);
      out.push(`  ${row.key}: ${zeros(block.columns)}`);
    }
  }
  out.push('', `# ${SECTIONS.requests.zh}`);
  out.push(`# 每行各列：${REQUEST_COLUMNS.map((c) => `${c.key} ${colLabel(c)}`).join('，')}`);
  out.push('requests:');
  requestRows(REQUEST_ROWS, '  ', out);
  out.push('', `# ${SECTIONS.reviewsAndLawsuits.zh}`);
  out.push(`# 每组各列：${REVIEW_COLUMNS.map((c) => `${c.key} ${c.label.zh}`).join('，')}`);
  out.push('reviewsAndLawsuits:');
  for (const g of REVIEW_GROUPS) {
    out.push(`  # ${colLabel(g)}`);
    out.push(`  ${g.key}: ${zeros(REVIEW_COLUMNS.map((c) => c.key))}`);
  }
  out.push('', `# ${SECTIONS.problems.zh}`, 'problems: |', '  （待填写）', '');
  out.push(`# ${SECTIONS.other.zh}`, 'other: |', '  无。', '');
  return out.join('\n');
}

/** init's options, as commander gives them (src/cli.ts). */
export interface InitFlags {
  readonly agency?: string;
  readonly year?: string;
  readonly output?: string;
  readonly schema?: string;
  readonly force?: boolean;
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
  const text = blankReport({ agency: flags.agency?.trim(), year, schema: flags.schema });
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
