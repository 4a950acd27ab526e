// Atomic output: write a temporary file in the same folder, then rename, so a
// reader never sees half a file; on error or Ctrl-C the old file stays and no
// temporary file is left behind.
import { closeSync, fsyncSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from './io.js';
import type { Lang } from '../model/label.js';

const pending = new Set<string>();
let hooked = false;

function cleanup(): void {
  for (const p of pending) {
    try { unlinkSync(p); } catch { /* already gone */ }
  }
  pending.clear();
}

function hookSignals(): void {
  if (hooked) return;
  hooked = true;
  process.on('exit', cleanup);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(sig, () => {
      cleanup();
      process.kill(process.pid, sig);
    });
  }
}

// The same file by device and inode: catches `./x`, symlinks and hard links alike.
const sameFile = (a: string, b: string): boolean => {
  try {
    // No exception for a target not yet there (the usual case; a batch writes thousands).
    const y = statSync(b, { throwIfNoEntry: false });
    if (!y) return resolve(a) === resolve(b);
    const x = statSync(a);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return resolve(a) === resolve(b);
  }
};

const TEXT = {
  sameAsInput: { zh: (f: string) => `不能写到输入文件本身：${f}`, en: (f: string) => `Refusing to write over the input file: ${f}` },
  cannotWrite: { zh: (f: string, m: string) => `无法写入 ${f}：${m}`, en: (f: string, m: string) => `Cannot write ${f}: ${m}` },
};

/**
 * Writes `content` to `target` atomically. `inputs` are the files the output
 * was made from: writing over one of them is refused.
 */
export function writeAtomic(target: string, content: string | Uint8Array, options: WriteOptions = {}): void {
  const lang = options.lang ?? 'zh';
  const tmp = prepare(target, options);
  try {
    const fd = openSync(tmp, 'wx', 0o644);
    try {
      const buf = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
      let off = 0;
      while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
      if (options.durable !== false) fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, target);
    pending.delete(tmp);
  } catch (e) {
    cleanup();
    if (e instanceof UsageError) throw e;
    throw new UsageError(TEXT.cannotWrite[lang](target, (e as NodeJS.ErrnoException).code ?? (e as Error).message));
  }
}

export interface WriteOptions {
  /** The files the output is made from: writing over one of them is refused. */
  readonly inputs?: readonly string[];
  readonly lang?: Lang;
  /**
   * false: no fsync before the rename. The file still appears whole or not at
   * all; only a power cut right after may lose it. For batches of many files,
   * where a sync per file costs more than the rendering.
   */
  readonly durable?: boolean;
}

/** The temporary files this process may leave in `dir` (for a batch's Ctrl-C handler; see writeAtomic). */
export const isOwnTemporary = (name: string, pid = process.pid): boolean => name.startsWith('.') && name.endsWith('.tmp') && name.includes(`.${pid}.`);

function prepare(target: string, options: WriteOptions): string {
  for (const input of options.inputs ?? []) {
    if (input !== '-' && sameFile(input, target)) throw new UsageError(TEXT.sameAsInput[options.lang ?? 'zh'](target));
  }
  hookSignals();
  const tmp = join(dirname(resolve(target)), `.${basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  pending.add(tmp);
  return tmp;
}

/**
 * writeAtomic for output made or written piece by piece: between pieces the
 * event loop runs, so Ctrl-C removes the temporary file and leaves the old
 * output as it was (a synchronous write finishes before any signal is seen).
 */
export async function writeAtomicAsync(target: string, content: string | Uint8Array | AsyncIterable<string | Uint8Array>, options: WriteOptions = {}): Promise<void> {
  const lang = options.lang ?? 'zh';
  const tmp = prepare(target, options);
  try {
    // Imported here: node:fs/promises costs every command's start-up a few ms, and only this writer uses it.
    const { open } = await import('node:fs/promises');
    const fh = await open(tmp, 'wx', 0o644);
    try {
      const pieces = typeof content === 'string' || content instanceof Uint8Array ? [content] : content;
      for await (const piece of pieces) await fh.write(typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece);
      await fh.sync();
    } finally {
      await fh.close();
    }
    if (!pending.has(tmp)) throw new Error('interrupted');
    renameSync(tmp, target);
    pending.delete(tmp);
  } catch (e) {
    cleanup();
    if (e instanceof UsageError) throw e;
    throw new UsageError(TEXT.cannotWrite[lang](target, (e as NodeJS.ErrnoException).code ?? (e as Error).message));
  }
}
