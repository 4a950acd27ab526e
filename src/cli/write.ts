// Atomic output: write a temporary file in the same folder, then rename, so a
// reader never sees half a file; on error or Ctrl-C the old file stays and no
// temporary file is left behind. Everything runs on this thread: the pending
// temporary files are a plain set, removed on error, exit and signal.
//
// What is replaced is the file itself, not the name: a symlink's target is
// written (the link stays), the old file's mode is kept; a device or FIFO is
// written into, never renamed over; `--fix` rewrites a hard-linked file in
// place (a rename would cut it from its other names) and holds a lock file so
// that two runs on one file do not lose each other's changes.
import { closeSync, constants, fchmodSync, fchownSync, fstatSync, fsyncSync, ftruncateSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from './io.js';
import type { Lang } from '../model/label.js';

const pending = new Set<string>();
/** Lock files held by this process (removed on exit and signal, never by a failed write). */
const locks = new Set<string>();
let hooked = false;

function removeTemps(): void {
  for (const p of pending) {
    try { unlinkSync(p); } catch { /* already gone */ }
  }
  pending.clear();
}

function cleanup(): void {
  removeTemps();
  for (const p of locks) {
    try { unlinkSync(p); } catch { /* already gone */ }
  }
  locks.clear();
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

/** Where a write may be interrupted (the test hook below): temp file made; first piece written; about to rename; renamed; a --fix lock taken. */
type Step = 'open' | 'write' | 'rename' | 'renamed' | 'locked';

/**
 * Test-only hook: XXGK_TEST_KILL_AT=STEP:N[:SIGNAL] makes the process send
 * itself SIGNAL (default SIGINT) at STEP of its N-th atomic write (or N-th
 * lock), so the kill and race tests drive the moment instead of sleeping
 * (tests/robustness/atomic-write.test.ts, tests/robustness/files-harmed.test.ts).
 */
const killAt = (() => {
  const m = /^(open|write|rename|renamed|locked):(\d+)(?::(SIG[A-Z]+))?$/.exec(process.env.XXGK_TEST_KILL_AT ?? '');
  return m ? { step: m[1] as Step, n: Number(m[2]), signal: (m[3] ?? 'SIGINT') as NodeJS.Signals } : undefined;
})();
let writes = 0;
let locksTaken = 0;
const reached = (step: Step, n: number): void => {
  if (killAt && killAt.step === step && killAt.n === n) process.kill(process.pid, killAt.signal);
};

/** A file's identity (device and inode), or undefined when it is not there. */
export function fileId(path: string): string | undefined {
  try {
    const st = statSync(path, { throwIfNoEntry: false });
    return st ? `${st.dev}:${st.ino}` : undefined;
  } catch {
    return undefined;
  }
}

// The same file by device and inode: catches `./x`, symlinks and hard links alike.
const sameFile = (a: string, b: string): boolean => {
  // No exception for a target not yet there (the usual case; a batch writes thousands).
  const y = fileId(b);
  if (!y) return resolve(a) === resolve(b);
  const x = fileId(a);
  return x === undefined ? resolve(a) === resolve(b) : x === y;
};

const TEXT = {
  sameAsInput: { zh: (f: string) => `不能写到输入文件本身：${f}`, en: (f: string) => `Refusing to write over the input file: ${f}` },
  cannotWrite: { zh: (f: string, m: string) => `无法写入 ${f}：${m}`, en: (f: string, m: string) => `Cannot write ${f}: ${m}` },
  noReader: { zh: () => '管道没有读取方（ENXIO）', en: () => 'the pipe has no reader (ENXIO)' },
  changed: {
    zh: (f: string) => `${f} 在修正期间被其他程序改动，未写入（请重新运行）`,
    en: (f: string) => `${f} was changed by another program while being fixed; not written (run again)`,
  },
  locked: {
    zh: (f: string, pid: number) => `${f} 正由另一个 report 进程（pid ${pid}）修正，等待 30 秒后放弃；未写入`,
    en: (f: string, pid: number) => `${f} is being fixed by another report process (pid ${pid}); gave up after 30 s; not written`,
  },
};

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
  /** `--fix`: a file with other hard links is rewritten in place, so every name keeps the new text. */
  readonly keepLinks?: boolean;
  /** `--fix`: the bytes the file held when it was read; if it holds others now, nothing is written. */
  readonly unchanged?: Uint8Array;
}

/** Where an output really goes: a symlink followed to its target, and what is there now. */
interface Place {
  readonly path: string;
  readonly st?: Stats;
}

function placeOf(target: string): Place {
  const abs = resolve(target);
  let path = abs;
  try {
    // native: the JS walk would make /dev/stdout (a link to a pipe) a path under /proc that cannot be written.
    if (lstatSync(abs).isSymbolicLink()) path = realpathSync.native(abs);
  } catch { /* not there, or a dangling link: written where named */ }
  const st = statSync(path, { throwIfNoEntry: false });
  return st ? { path, st } : { path };
}

function writeAll(fd: number, buf: Uint8Array, n: number): void {
  let off = 0;
  while (off < buf.length) {
    try {
      off += writeSync(fd, buf, off, buf.length - off);
    } catch (e) {
      // Our own standard output may be non-blocking (a pipe set so by another reader of it): try again.
      if ((e as NodeJS.ErrnoException).code === 'EAGAIN') continue;
      throw e;
    }
    reached('write', n);
  }
}

/** Our standard output or error when `st` is the same file (/dev/stdout of a socket cannot be opened again). */
function ownStream(st: Stats): number | undefined {
  for (const fd of [1, 2]) {
    try {
      const own = fstatSync(fd);
      if (own.dev === st.dev && own.ino === st.ino) return fd;
    } catch { /* closed */ }
  }
  return undefined;
}

const bytesOf = (content: string | Uint8Array): Uint8Array => (typeof content === 'string' ? Buffer.from(content, 'utf8') : content);

/** A device, FIFO or socket is written into: renaming over it would replace /dev/null or cut a FIFO from its reader. */
function writeInto(place: Place, buf: Uint8Array, n: number, lang: Lang): void {
  const own = ownStream(place.st!);
  if (own !== undefined) {
    reached('open', n);
    writeAll(own, buf, n);
    return;
  }
  let probe: number | undefined;
  if (place.st!.isFIFO()) {
    // Non-blocking first: a FIFO with no reader fails at once (ENXIO) instead of waiting for ever; kept open so the reader sees no end meanwhile.
    try {
      probe = openSync(place.path, constants.O_WRONLY | constants.O_NONBLOCK);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENXIO') throw new UsageError(TEXT.cannotWrite[lang](place.path, TEXT.noReader[lang]()));
      throw e;
    }
  }
  try {
    const fd = openSync(place.path, constants.O_WRONLY);
    try {
      reached('open', n);
      writeAll(fd, buf, n);
    } finally {
      closeSync(fd);
    }
  } finally {
    if (probe !== undefined) closeSync(probe);
  }
}

/** A hard-linked file rewritten in place (keepLinks): every name sees the new text. */
function writeInPlace(place: Place, buf: Uint8Array, n: number): void {
  const fd = openSync(place.path, constants.O_WRONLY);
  try {
    reached('open', n);
    writeAll(fd, buf, n);
    ftruncateSync(fd, buf.length);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** The old file's mode (and, where allowed, owner) on the new one: a 600 report stays private. */
function keepMode(fd: number, st: Stats | undefined): void {
  if (!st?.isFile()) return;
  fchmodSync(fd, st.mode & 0o7777);
  if (typeof process.getuid === 'function' && (st.uid !== process.getuid() || st.gid !== process.getgid!())) {
    try { fchownSync(fd, st.uid, st.gid); } catch { /* not ours to give */ }
  }
}

interface Prepared {
  readonly target: string;
  readonly place: Place;
  readonly buf: Uint8Array;
  readonly n: number;
  /** Set when the output goes through a temporary file and a rename. */
  readonly tmp?: string;
}

function prepareOne(target: string, content: string | Uint8Array, options: WriteOptions): Prepared {
  for (const input of options.inputs ?? []) {
    if (input !== '-' && sameFile(input, target)) throw new UsageError(TEXT.sameAsInput[options.lang ?? 'zh'](target));
  }
  hookSignals();
  const place = placeOf(target);
  const n = ++writes;
  const buf = bytesOf(content);
  const direct = place.st && !place.st.isFile() && !place.st.isDirectory();
  const inPlace = options.keepLinks && place.st?.isFile() && place.st.nlink > 1;
  if (direct || inPlace) return { target, place, buf, n };
  sweep(dirname(place.path));
  const tmp = join(dirname(place.path), `.${basename(place.path)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  pending.add(tmp);
  return { target, place, buf, n, tmp };
}

function writeTemp(p: Prepared, durable: boolean): void {
  const fd = openSync(p.tmp!, 'wx', 0o644);
  try {
    reached('open', p.n);
    keepMode(fd, p.place.st);
    writeAll(fd, p.buf, p.n);
    if (durable) fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function checkUnchanged(p: Prepared, options: WriteOptions, lang: Lang): void {
  if (!options.unchanged) return;
  let now: Uint8Array;
  try { now = readFileSync(p.place.path); } catch { now = new Uint8Array(); }
  if (Buffer.compare(now, options.unchanged) !== 0) throw new UsageError(TEXT.changed[lang](p.target));
}

/**
 * Writes `content` to `target` atomically. `inputs` are the files the output
 * was made from: writing over one of them is refused. Synchronous: a signal
 * that arrives meanwhile is handled after the rename, so the new file is whole.
 */
export function writeAtomic(target: string, content: string | Uint8Array, options: WriteOptions = {}): void {
  writeAtomicAll([{ target, content }], options);
}

/**
 * Several outputs of one command (aggregate's roll-up and breakdown): all
 * are written, or none. Every temporary file is written whole before the
 * first rename; a device or FIFO among them is written after the others
 * are ready.
 */
export function writeAtomicAll(outputs: readonly { readonly target: string; readonly content: string | Uint8Array }[], options: WriteOptions = {}): void {
  const lang = options.lang ?? 'zh';
  let current = outputs[0]?.target ?? '';
  try {
    const prepared: Prepared[] = [];
    for (const o of outputs) {
      current = o.target;
      prepared.push(prepareOne(o.target, o.content, options));
    }
    for (const p of prepared) {
      current = p.target;
      if (p.tmp) writeTemp(p, options.durable !== false);
    }
    for (const p of prepared) {
      current = p.target;
      if (p.tmp) continue;
      checkUnchanged(p, options, lang);
      if (p.place.st!.isFile()) writeInPlace(p.place, p.buf, p.n);
      else writeInto(p.place, p.buf, p.n, lang);
    }
    for (const p of prepared) {
      current = p.target;
      if (!p.tmp) continue;
      checkUnchanged(p, options, lang);
      rename(p.tmp, p.place.path, p.n);
    }
  } catch (e) {
    throw failed(e, current, lang);
  }
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
  removeTemps();
  if (e instanceof UsageError) return e;
  return new UsageError(TEXT.cannotWrite[lang](target, (e as NodeJS.ErrnoException).code ?? (e as Error).message));
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

// Our own temporary files (`.NAME.PID.TIME.tmp`) whose process is gone: what a kill -9 left.
const TEMP_NAME = /^\..+\.(\d+)\.[0-9a-z]+\.tmp$/;
const swept = new Set<string>();

/** Removes, once per folder and run, the temporary files of writers that died before their rename. */
function sweep(dir: string): void {
  if (swept.has(dir)) return;
  swept.add(dir);
  let names: string[];
  try { names = readdirSync(dir); } catch { return; }
  for (const name of names) {
    const m = TEMP_NAME.exec(name);
    if (!m || Number(m[1]) === process.pid || alive(Number(m[1]))) continue;
    try { unlinkSync(join(dir, name)); } catch { /* taken by another sweeper */ }
  }
}

const LOCK_WAIT_MS = 50;
const LOCK_TRIES = 600;
// Made on first wait: the editor's browser bundle loads this module and has no SharedArrayBuffer.
let pause: Int32Array | undefined;

/**
 * Takes the `--fix` lock of `file` (`.NAME.xxgk-lock` beside its real path,
 * holding our pid): another run waits until it is released, and a lock whose
 * process is gone (kill -9) is taken over. `onWait` is told once, with the
 * holder's pid. Returns the release.
 */
export function lockFile(file: string, options: { readonly lang?: Lang; readonly onWait?: (pid: number) => void } = {}): () => void {
  const lang = options.lang ?? 'zh';
  hookSignals();
  const real = placeOf(file).path;
  const lock = join(dirname(real), `.${basename(real)}.xxgk-lock`);
  let told = false;
  for (let tries = 0; ; tries++) {
    try {
      const fd = openSync(lock, 'wx', 0o644);
      try { writeSync(fd, String(process.pid)); } finally { closeSync(fd); }
      locks.add(lock);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw new UsageError(TEXT.cannotWrite[lang](file, (e as NodeJS.ErrnoException).code ?? (e as Error).message));
    }
    let holder = NaN;
    try { holder = Number(readFileSync(lock, 'utf8').trim()); } catch { continue; /* released meanwhile */ }
    if (!Number.isSafeInteger(holder) || holder <= 0 || !alive(holder)) {
      // A lock whose process is gone (or half written by one that died): stale.
      try { unlinkSync(lock); } catch { /* another run took it over first */ }
      continue;
    }
    if (tries >= LOCK_TRIES) throw new UsageError(TEXT.locked[lang](file, holder));
    if (!told) { told = true; options.onWait?.(holder); }
    Atomics.wait((pause ??= new Int32Array(new SharedArrayBuffer(4))), 0, 0, LOCK_WAIT_MS);
  }
  reached('locked', ++locksTaken);
  return () => {
    if (!locks.delete(lock)) return;
    try { unlinkSync(lock); } catch { /* already gone */ }
  };
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
  try {
    const isWhole = typeof content === 'string' || content instanceof Uint8Array;
    const p = prepareOne(target, isWhole ? content : new Uint8Array(), options);
    if (!p.tmp) {
      // A device or FIFO: written into, piece by piece.
      const chunks: Uint8Array[] = [];
      if (isWhole) chunks.push(bytesOf(content));
      else for await (const piece of content) chunks.push(bytesOf(piece));
      if (p.place.st!.isFile()) writeInPlace(p.place, Buffer.concat(chunks), p.n);
      else writeInto(p.place, Buffer.concat(chunks), p.n, lang);
      return;
    }
    // Imported here: node:fs/promises costs every command's start-up a few ms, and only this writer uses it.
    const { open } = await import('node:fs/promises');
    const fh = await open(p.tmp, 'wx', 0o644);
    try {
      reached('open', p.n);
      if (p.place.st?.isFile()) await fh.chmod(p.place.st.mode & 0o7777);
      const pieces = isWhole ? [content] : content;
      for await (const piece of pieces) {
        await fh.write(bytesOf(piece));
        reached('write', p.n);
      }
      await fh.sync();
    } finally {
      await fh.close();
    }
    // A signal handled while the pieces were written has removed the temporary file.
    if (!pending.has(p.tmp)) throw new Error('interrupted');
    rename(p.tmp, p.place.path, p.n);
  } catch (e) {
    throw failed(e, target, lang);
  }
}
