// Atomic output: write a temporary file in the same folder, then rename, so a
// reader never sees half a file; on error or Ctrl-C the old file stays and no
// temporary file is left behind. Everything runs on this thread: the pending
// temporary files are a plain set, removed on error, exit and signal.
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
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

/** Where a write may be interrupted (the test hook below): temp file made; first piece written; about to rename; renamed. */
type Step = 'open' | 'write' | 'rename' | 'renamed';

/**
 * Test-only hook: XXGK_TEST_KILL_AT=STEP:N[:SIGNAL] makes the process send
 * itself SIGNAL (default SIGINT) at STEP of its N-th atomic write, so the
 * kill tests drive the moment instead of sleeping (tests/robustness/atomic-write.test.ts).
 */
const killAt = (() => {
  const m = /^(open|write|rename|renamed):(\d+)(?::(SIG[A-Z]+))?$/.exec(process.env.XXGK_TEST_KILL_AT ?? '');
  return m ? { step: m[1] as Step, n: Number(m[2]), signal: (m[3] ?? 'SIGINT') as NodeJS.Signals } : undefined;
})();
let writes = 0;
const reached = (step: Step, n: number): void => {
  if (killAt && killAt.step === step && killAt.n === n) process.kill(process.pid, killAt.signal);
};

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
 * was made from: writing over one of them is refused. Synchronous: a signal
 * that arrives meanwhile is handled after the rename, so the new file is whole.
 */
export function writeAtomic(target: string, content: string | Uint8Array, options: WriteOptions = {}): void {
  const lang = options.lang ?? 'zh';
  const { tmp, n } = prepare(target, options);
  try {
    const fd = openSync(tmp, 'wx', 0o644);
    try {
      reached('open', n);
      const buf = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
      let off = 0;
      while (off < buf.length) {
        off += writeSync(fd, buf, off, buf.length - off);
        reached('write', n);
      }
      if (options.durable !== false) fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    rename(tmp, target, n);
  } catch (e) {
    throw failed(e, target, lang);
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

/** The whole temporary file takes the target's name (both writers end here). */
function rename(tmp: string, target: string, n: number): void {
  reached('rename', n);
  renameSync(tmp, target);
  pending.delete(tmp);
  reached('renamed', n);
}

/** A failed write: temporary files removed, the reason as one line. */
function failed(e: unknown, target: string, lang: Lang): UsageError {
  cleanup();
  if (e instanceof UsageError) return e;
  return new UsageError(TEXT.cannotWrite[lang](target, (e as NodeJS.ErrnoException).code ?? (e as Error).message));
}

function prepare(target: string, options: WriteOptions): { readonly tmp: string; readonly n: number } {
  for (const input of options.inputs ?? []) {
    if (input !== '-' && sameFile(input, target)) throw new UsageError(TEXT.sameAsInput[options.lang ?? 'zh'](target));
  }
  hookSignals();
  const tmp = join(dirname(resolve(target)), `.${basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  pending.add(tmp);
  return { tmp, n: ++writes };
}

// Folders made by writeInBatch: one mkdir per folder, not per file.
const made = new Set<string>();

/**
 * One output of a batch (render --out-dir): its folder made if need be, no
 * fsync (see WriteOptions.durable). Why it failed, as one line, or undefined.
 */
export function writeInBatch(output: string, content: string | Uint8Array, absInput: string, lang: Lang): string | undefined {
  try {
    const dir = dirname(output);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    writeAtomic(output, content, { inputs: [absInput], lang, durable: false });
    return undefined;
  } catch (e) {
    if (e instanceof UsageError) return e.message;
    const code = (e as NodeJS.ErrnoException).code;
    if (code) return `${output}: ${code}`;
    throw e;
  }
}

/**
 * writeAtomic for output made or written piece by piece: between pieces the
 * event loop runs, so Ctrl-C removes the temporary file and leaves the old
 * output as it was.
 */
export async function writeAtomicAsync(target: string, content: string | Uint8Array | AsyncIterable<string | Uint8Array>, options: WriteOptions = {}): Promise<void> {
  const lang = options.lang ?? 'zh';
  const { tmp, n } = prepare(target, options);
  try {
    // Imported here: node:fs/promises costs every command's start-up a few ms, and only this writer uses it.
    const { open } = await import('node:fs/promises');
    const fh = await open(tmp, 'wx', 0o644);
    try {
      reached('open', n);
      const pieces = typeof content === 'string' || content instanceof Uint8Array ? [content] : content;
      for await (const piece of pieces) {
        await fh.write(typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece);
        reached('write', n);
      }
      await fh.sync();
    } finally {
      await fh.close();
    }
    // A signal handled while the pieces were written has removed the temporary file.
    if (!pending.has(tmp)) throw new Error('interrupted');
    rename(tmp, target, n);
  } catch (e) {
    throw failed(e, target, lang);
  }
}
