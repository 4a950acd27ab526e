// `--fix` on one file: read, fix the totals, write back atomically. A file
// that is not UTF-8 is left alone (rewriting it would change its encoding).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Lang } from '../model/label.js';
import { describePointer } from '../model/cells.js';
import { kindOf } from '../load/load.js';
import { writeAtomic } from '../cli/write.js';
import { UsageError } from '../cli/io.js';
import { fixTotals, type FixOptions, type TotalChange } from './fix-totals.js';

export const FIX_TEXT = {
  change: {
    zh: (cell: string, from: number, to: number) => `${cell}：${from} → ${to}`,
    en: (cell: string, from: number, to: number) => `${cell}: ${from} → ${to}`,
  },
  notUtf8: {
    zh: (f: string) => `${f}：不是 UTF-8 编码，未自动修正（请先转存为 UTF-8）`,
    en: (f: string) => `${f}: not UTF-8, not fixed (save it as UTF-8 first)`,
  },
  stdin: { zh: () => '--fix 不能用于标准输入', en: () => '--fix cannot be used with standard input' },
  failed: {
    zh: (f: string, m: string) => `${f}：无法自动修正（${m}），文件未改动`,
    en: (f: string, m: string) => `${f}: cannot fix (${m}); the file is unchanged`,
  },
  summary: {
    zh: (n: number, files: number) => `已修正 ${files} 个文件中的 ${n} 个总计`,
    en: (n: number, files: number) => `Fixed ${n} total${n === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}`,
  },
} as const;

export interface FileFix {
  readonly file: string;
  readonly changes: readonly TotalChange[];
  /** Why the file was left alone, worded. */
  readonly skipped?: string;
}

/** One line per change: `file:line:col  cell: 13 → 12`. */
export function describeChange(file: string, c: TotalChange, lang: Lang): string {
  return `${file}:${c.line}:${c.column}  ${FIX_TEXT.change[lang](describePointer(c.pointer, lang), c.from, c.to)}`;
}

export function fixFile(file: string, cwd: string, lang: Lang, options: FixOptions = {}): FileFix {
  if (file === '-') throw new UsageError(FIX_TEXT.stdin[lang]());
  const path = resolve(cwd, file);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    // The checker reports a missing or unreadable file with its own message.
    return { file, changes: [] };
  }
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bom ? bytes.subarray(3) : bytes);
  } catch {
    return { file, changes: [], skipped: FIX_TEXT.notUtf8[lang](file) };
  }
  let result;
  try {
    result = fixTotals(text, kindOf(file), options);
  } catch (e) {
    return { file, changes: [], skipped: FIX_TEXT.failed[lang](file, (e as Error).message) };
  }
  if (!result.changes.length) return { file, changes: [] };
  writeAtomic(path, (bom ? '\ufeff' : '') + result.text, { lang });
  return { file, changes: result.changes };
}
