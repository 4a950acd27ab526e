// --baseline and --write-baseline: the baseline file read and written here,
// matched and built in src/baseline/, whose errors are worded here.
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { BASELINE_VERSION, BaselineError, parseBaseline, serializeBaseline, type Baseline } from '../baseline/baseline.js';
import type { Lang } from '../model/label.js';
import { UsageError } from './io.js';
import { writeAtomic } from './write.js';

export const BASELINE_TEXT = {
  bad: {
    zh: (f: string, m: string) => `基线文件 ${f} 有误：${m}`,
    en: (f: string, m: string) => `Bad baseline file ${f}: ${m}`,
  },
  shape: {
    zh: () => `应为 {"version": ${BASELINE_VERSION}, "findings": [{"file", "ruleId", "pointer"}…]}（由 --write-baseline 写出）`,
    en: () => `expected {"version": ${BASELINE_VERSION}, "findings": [{"file", "ruleId", "pointer"}…]} (as written by --write-baseline)`,
  },
  unreadable: {
    zh: (f: string, why: string) => `无法读取基线文件 ${f}：${why}`,
    en: (f: string, why: string) => `Cannot read the baseline file ${f}: ${why}`,
  },
  noSuchFile: { zh: () => '文件不存在', en: () => 'no such file' },
  written: {
    zh: (f: string, n: number) => `已写入基线 ${f}：记录了 ${n} 个问题`,
    en: (f: string, n: number) => `Baseline written to ${f}: ${n} finding${n === 1 ? '' : 's'} recorded`,
  },
  suppressed: {
    zh: (n: number) => `（基线中已有的 ${n} 个问题未列出）`,
    en: (n: number) => `(${n} finding${n === 1 ? '' : 's'} already in the baseline not shown)`,
  },
} as const;

/** The baseline `file` (as the user named it, relative to `cwd`); a missing or malformed one is a usage error. */
export function readBaseline(file: string, cwd: string, lang: Lang): Baseline {
  let text: string;
  try {
    text = readFileSync(resolve(cwd, file), 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(BASELINE_TEXT.unreadable[lang](file, code === 'ENOENT' ? BASELINE_TEXT.noSuchFile[lang]() : code ?? (e as Error).message));
  }
  try {
    return parseBaseline(text, file);
  } catch (e) {
    if (!(e instanceof BaselineError)) throw e;
    throw new UsageError(BASELINE_TEXT.bad[lang](e.file, e.code === 'syntax' ? e.detail! : BASELINE_TEXT.shape[lang]()));
  }
}

/** Writes `baseline` to `file` atomically, making its folder; never over one of `inputs` (absolute paths). */
export function writeBaseline(file: string, baseline: Baseline, cwd: string, inputs: readonly string[], lang: Lang): void {
  const target = resolve(cwd, file);
  try { mkdirSync(dirname(target), { recursive: true }); } catch { /* writeAtomic reports it */ }
  writeAtomic(target, serializeBaseline(baseline), { inputs, lang });
}
