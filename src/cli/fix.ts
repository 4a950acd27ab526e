// `validate --fix`: each file read, its totals fixed (src/fix/), written back
// atomically; what was changed or why a file was left alone, worded.
import { accessSync, constants, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { fixBytes, type FixSkip } from '../fix/fix-file.js';
import type { FixOptions, TotalChange } from '../fix/fix-totals.js';
import { kindOf } from '../load/load.js';
import { describePointer } from '../model/cells.js';
import type { Lang } from '../model/label.js';
import { lockFile, writeAtomic } from './write.js';

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
  readOnly: {
    zh: (f: string) => `${f}：文件是只读的，未自动修正（确需修改请先取消只读）`,
    en: (f: string) => `${f}: the file is read-only; not fixed (make it writable first if it should change)`,
  },
  waiting: {
    zh: (f: string, pid: number) => `${f}：另一个 report 进程（pid ${pid}）正在修正此文件，等待其完成…`,
    en: (f: string, pid: number) => `${f}: another report process (pid ${pid}) is fixing this file; waiting for it…`,
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

/** Read-only to us: no write bit at all (even root keeps a 444 report as it is), or no permission. */
function readOnly(path: string): boolean {
  try {
    if ((statSync(path).mode & 0o222) === 0) return true;
    accessSync(path, constants.W_OK);
    return false;
  } catch {
    return true;
  }
}

/**
 * Fixes `file` (not standard input) in place. The fix is worked out once
 * without a lock (most files need none), then again under the file's lock
 * from what the file holds then, so that a run that waited for another
 * fixes that run's output and loses nothing; the write is refused if the
 * file changed after this second read. `notice` hears that the run waits.
 */
export function fixFile(file: string, cwd: string, lang: Lang, options: FixOptions = {}, notice?: (line: string) => void): FileFix {
  const path = resolve(cwd, file);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    // The checker reports a missing or unreadable file with its own message.
    return { file, changes: [] };
  }
  const kind = kindOf(file);
  const first = fixBytes(bytes, kind, options);
  if (first.skipped) return { file, changes: [], skipped: skipText(file, first.skipped, lang) };
  if (first.text === undefined) return { file, changes: [] };
  if (readOnly(path)) return { file, changes: [], skipped: FIX_TEXT.readOnly[lang](file) };
  const release = lockFile(path, { lang, onWait: (pid) => notice?.(FIX_TEXT.waiting[lang](file, pid)) });
  try {
    bytes = readFileSync(path);
    const r = fixBytes(bytes, kind, options);
    if (r.skipped) return { file, changes: [], skipped: skipText(file, r.skipped, lang) };
    if (r.text !== undefined) writeAtomic(path, r.text, { lang, keepLinks: true, unchanged: bytes });
    return { file, changes: r.changes };
  } finally {
    release();
  }
}
