// `validate --fix`: each file read, its totals fixed (src/fix/), written back
// atomically; what was changed or why a file was left alone, worded.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fixBytes, type FixSkip } from '../fix/fix-file.js';
import type { FixOptions, TotalChange } from '../fix/fix-totals.js';
import { kindOf } from '../load/load.js';
import { describePointer } from '../model/cells.js';
import type { Lang } from '../model/label.js';
import { writeAtomic } from './write.js';

export const FIX_TEXT = {
  change: {
    zh: (cell: string, from: number, to: number) => `${cell}：${from} → ${to}`,
    en: (cell: string, from: number, to: number) => `${cell}: ${from} → ${to}`,
  },
  notUtf8: {
    zh: (f: string) => `${f}：不是 UTF-8 编码，未自动修正（请先转存为 UTF-8）`,
    en: (f: string) => `${f}: not UTF-8, not fixed (save it as UTF-8 first)`,
  },
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

const skipText = (file: string, s: FixSkip, lang: Lang) => (s.reason === 'notUtf8' ? FIX_TEXT.notUtf8[lang](file) : FIX_TEXT.failed[lang](file, s.detail));

/** Fixes `file` (not standard input) in place. */
export function fixFile(file: string, cwd: string, lang: Lang, options: FixOptions = {}): FileFix {
  const path = resolve(cwd, file);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    // The checker reports a missing or unreadable file with its own message.
    return { file, changes: [] };
  }
  const r = fixBytes(bytes, kindOf(file), options);
  if (r.skipped) return { file, changes: [], skipped: skipText(file, r.skipped, lang) };
  if (r.text !== undefined) writeAtomic(path, r.text, { lang });
  return { file, changes: r.changes };
}
