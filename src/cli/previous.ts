// `report validate --previous FILE|auto`: last year's report found (auto: the
// same agency's report of the year before, in the same folder) and read here;
// rules 7 and 8 and the placing of their findings are in src/across/.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { placePrevious, previousChecks, type PreviousReport } from '../across/previous.js';
import type { LocatedFinding } from '../diagnostics/finding.js';
import { formatMessage } from '../diagnostics/format-message.js';
import { decode } from '../load/decode.js';
import { loadReport, MAX_BYTES, type LoadResult } from '../load/load.js';
import { field } from '../model/cells.js';
import type { Lang } from '../model/label.js';
import { UsageError, type CliIO } from './io.js';
import { readInput } from './read.js';

export const PREVIOUS_TEXT = {
  stdinAuto: { zh: () => '--previous auto 不能用于标准输入（无从查找同一文件夹）', en: () => '--previous auto cannot be used with standard input (there is no folder to look in)' },
  notFound: {
    zh: (f: string, agency: string, year: number) => `${f}：同一文件夹中未找到「${agency}」${year} 年度的报告，未做跨年度检查`,
    en: (f: string, agency: string, year: number) => `${f}: no report of "${agency}" for ${year} in the same folder; the checks against last year were skipped`,
  },
  several: {
    zh: (f: string, list: string) => `${f}：同一文件夹中有多份上年报告（${list}），请用 --previous 指定一份`,
    en: (f: string, list: string) => `${f}: several reports of last year in the same folder (${list}); name one with --previous`,
  },
  unparsable: {
    zh: (f: string, where: string, msg: string) => `上年报告 ${f} 无法读取（${where} ${msg}），未做跨年度检查`,
    en: (f: string, where: string, msg: string) => `Last year's report ${f} cannot be read (${where} ${msg}); the checks against last year were skipped`,
  },
  wrongYear: {
    zh: (f: string, got: unknown, want: number) => `上年报告 ${f} 的年度是 ${String(got)}，应为 ${want}`,
    en: (f: string, got: unknown, want: number) => `Last year's report ${f} is for ${String(got)}, not ${want}`,
  },
  otherAgency: {
    zh: (f: string, a: unknown, b: unknown) => `注意：上年报告 ${f} 的机关是「${String(a)}」，本年是「${String(b)}」`,
    en: (f: string, a: unknown, b: unknown) => `Note: last year's report ${f} is by "${String(a)}", this year's by "${String(b)}"`,
  },
} as const;

const REPORT_EXT = new Set(['.yaml', '.yml', '.json']);

/**
 * The report of the same agency for year − 1 in `file`'s folder: only files
 * that mention the agency and the year are parsed. Undefined when none.
 */
export function findPreviousReport(file: string, data: unknown, cwd: string, lang: Lang): string | undefined {
  const agency = field(data, 'agency');
  const year = field(data, 'year');
  if (typeof agency !== 'string' || typeof year !== 'number') return undefined;
  const self = resolve(cwd, file);
  const found: string[] = [];
  for (const entry of siblings(dirname(self))) {
    if (entry.path === self) continue;
    // Cheap test first: the agency's name and last year's number must appear.
    if (!entry.text.includes(String(year - 1)) || !(entry.text.includes(agency) || entry.text.includes(JSON.stringify(agency).slice(1, -1)))) continue;
    entry.head ??= headOf(entry);
    if (entry.head.agency === agency && entry.head.year === year - 1) found.push(entry.path);
  }
  if (found.length > 1) throw new UsageError(PREVIOUS_TEXT.several[lang](file, found.map((p) => relative(cwd, p) || basename(p)).join(', ')));
  return found[0];
}

interface Sibling {
  readonly path: string;
  readonly text: string;
  head?: { agency: unknown; year: unknown };
}

/** Each folder is read once per run, each candidate parsed once: many files with `auto` stay linear. */
const folders = new Map<string, Sibling[]>();

function siblings(dir: string): Sibling[] {
  const hit = folders.get(dir);
  if (hit) return hit;
  const out: Sibling[] = [];
  let names: string[] = [];
  try {
    names = readdirSync(dir).sort();
  } catch {
    // An unreadable folder holds no candidates.
  }
  for (const name of names) {
    if (!REPORT_EXT.has(extname(name).toLowerCase())) continue;
    const path = join(dir, name);
    try {
      const st = statSync(path);
      if (!st.isFile() || st.size > MAX_BYTES) continue;
      // The loader's decoding (UTF-8, GB18030, UTF-16), so a GB18030 file is found too.
      out.push({ path, text: decode(readFileSync(path)).text });
    } catch {
      continue;
    }
  }
  folders.set(dir, out);
  return out;
}

function headOf(entry: Sibling): { agency: unknown; year: unknown } {
  const l = loadReport(entry.text, { filename: entry.path });
  return { agency: field(l.data, 'agency'), year: field(l.data, 'year') };
}

const cache = new Map<string, PreviousReport>();

/** Loads last year's report; a file that cannot be parsed is a usage error. */
export async function loadPrevious(file: string, io: CliIO, lang: Lang): Promise<PreviousReport> {
  const abs = resolve(io.cwd, file);
  const hit = cache.get(abs);
  if (hit) return hit;
  const input = await readInput(abs, io, lang);
  const shown = relative(io.cwd, abs) || file;
  const load = loadReport(input.bytes, { filename: abs, byteLength: input.size });
  if (load.data === undefined) {
    const e = load.findings.find((f) => f.severity === 'error')!;
    throw new UsageError(PREVIOUS_TEXT.unparsable[lang](shown, `${e.line ?? 1}:${e.column ?? 1}`, formatMessage(e, lang)));
  }
  const r = { file: shown, load };
  cache.set(abs, r);
  return r;
}

export interface PreviousOptions {
  /** `auto` or a file. */
  readonly previous: string;
  readonly lang: Lang;
  /** The file came from standard input: it cannot be read again to place findings. */
  readonly stdin?: boolean;
}

/**
 * Rules 7 and 8 for one checked file: findings placed in this file, with
 * last year's file, line and column in `otherFile` and in the message.
 */
export async function previousFindings(file: string, data: unknown, io: CliIO, options: PreviousOptions): Promise<LocatedFinding[]> {
  const { lang } = options;
  if (data === undefined) return [];
  let prevPath: string | undefined = options.previous;
  if (options.previous === 'auto') {
    if (options.stdin) throw new UsageError(PREVIOUS_TEXT.stdinAuto[lang]());
    prevPath = findPreviousReport(file, data, io.cwd, lang);
    if (!prevPath) {
      const agency = field(data, 'agency');
      const year = field(data, 'year');
      if (typeof agency === 'string' && typeof year === 'number') io.stderr(`report: ${PREVIOUS_TEXT.notFound[lang](file, agency, year - 1)}\n`);
      return [];
    }
  }
  const prev = await loadPrevious(prevPath, io, lang);
  const year = field(data, 'year');
  if (typeof year === 'number' && field(prev.load.data, 'year') !== year - 1) {
    throw new UsageError(PREVIOUS_TEXT.wrongYear[lang](prev.file, field(prev.load.data, 'year'), year - 1));
  }
  if (field(prev.load.data, 'agency') !== field(data, 'agency')) {
    io.stderr(`report: ${PREVIOUS_TEXT.otherAgency[lang](prev.file, field(prev.load.data, 'agency'), field(data, 'agency'))}\n`);
  }
  const raw = previousChecks(data, prev);
  if (!raw.length) return [];
  return placePrevious(raw, file, options.stdin ? undefined : await reload(file, io, lang), prev);
}

async function reload(file: string, io: CliIO, lang: Lang): Promise<LoadResult> {
  const input = await readInput(file, io, lang);
  return loadReport(input.bytes, { filename: file, byteLength: input.size });
}
