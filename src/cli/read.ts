// Reading an input file for a command: stdin for "-", clear one-line errors otherwise.
import { constants, openSync, fstatSync, readSync, closeSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Lang } from '../model/label.js';
import { MAX_BYTES } from '../load/load.js';
import { UsageError, type CliIO } from './io.js';
import { CLI_TEXT } from './text.js';

export interface Input {
  readonly bytes: Uint8Array;
  /** The file's full size (bytes holds at most MAX_BYTES + 1 of it); Infinity for standard input past the cap. */
  readonly size: number;
}

export async function readInput(file: string, io: CliIO, lang: Lang): Promise<Input> {
  if (file === '-') {
    const bytes = await io.readStdin();
    // Standard input is read only up to 20 MB (import's cap): past it, its size is unknown.
    return { bytes, size: bytes.length > MAX_BYTES * 4 ? Infinity : bytes.length };
  }
  const path = resolve(io.cwd, file);
  let fd: number;
  try {
    // O_NONBLOCK: opening a pipe with no writer returns at once (else it waits for ever); what was opened is checked below.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw ioError(e, file, lang);
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw new UsageError(CLI_TEXT.isDirectory[lang](file));
    if (!st.isFile()) throw new UsageError(NOT_A_FILE[lang](file));
    // Read one byte past the cap so the loader can refuse an oversized file without reading it all.
    const size = Math.min(st.size, MAX_BYTES + 1);
    // Not zero-filled: only the bytes read are used (subarray below).
    const buf = Buffer.allocUnsafe(size);
    let off = 0;
    while (off < size) {
      const n = readSync(fd, buf, off, size - off, off);
      if (n === 0) break;
      off += n;
    }
    return { bytes: buf.subarray(0, off), size: st.size };
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw ioError(e, file, lang);
  } finally {
    closeSync(fd);
  }
}

/** readInput for a batch: a file that cannot be read is the one-line reason, and the batch goes on. */
export async function readInputOrError(file: string, io: CliIO, lang: Lang): Promise<Input | { readonly error: string }> {
  try {
    return await readInput(file, io, lang);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    return { error: e.message };
  }
}

const NOT_A_FILE = {
  zh: (f: string) => `不是普通文件（可能是管道或设备）：${f}；要从管道读取请用 -（标准输入）`,
  en: (f: string) => `Not a regular file (a pipe or a device?): ${f}; to read a pipe, use - (standard input)`,
} as const;

function ioError(e: unknown, file: string, lang: Lang): UsageError {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new UsageError(CLI_TEXT.notFound[lang](file));
  if (code === 'EISDIR') return new UsageError(CLI_TEXT.isDirectory[lang](file));
  return new UsageError(CLI_TEXT.unreadable[lang](file, code === 'EACCES' ? (lang === 'zh' ? '没有读取权限' : 'permission denied') : (e as Error).message));
}
