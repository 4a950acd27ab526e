// Checks many files, yielding one result per file in input order. Large
// batches run on worker threads (one per core), in small chunks, with a
// bounded window of files in flight so memory stays flat however many files
// there are; small ones (and standard input) run on this thread.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import type { Lang } from '../model/label.js';
import type { LocatedFinding } from '../diagnostics/finding.js';
import { checkSource } from '../check.js';
import { loadReport } from '../load/load.js';
import { readInputOrError } from '../cli/read.js';
import type { CliIO } from '../cli/io.js';
import type { RenderJob, RenderOutcome } from './render-one.js';

export interface CheckManyOptions {
  readonly lang: Lang;
  readonly today?: Date;
  /** Name used for standard input ('-'). */
  readonly stdinFilename?: string;
  /**
   * Worker threads: 0 checks on this thread; default: one per core for
   * batches of MIN_PARALLEL files or more (XXGK_WORKERS in the environment overrides).
   */
  readonly workers?: number;
  /** Render each file too (report render --out-dir): outputs[i] is where files[i] goes. */
  readonly render?: { readonly job: RenderJob; readonly outputs: readonly string[] };
}

export type ManyResult =
  | { readonly file: string; readonly findings: LocatedFinding[]; readonly data: unknown; readonly error?: undefined; readonly render?: RenderOutcome }
  | { readonly file: string; readonly error: string; readonly findings?: undefined };

/** Below this many files, starting threads costs more than it saves. */
export const MIN_PARALLEL = 100;
/** Files per message to a worker: fewer messages, yet an even spread. */
const CHUNK = 16;
/** Files sent but not yet yielded, at most: bounds memory for any batch size. */
const WINDOW = 256;
/** A worker's young generation: V8's default (48 MB) costs ~18 MB RSS on a batch of 2,000, for no measurable speed. */
const YOUNG_GENERATION_MB = 4;

export async function* checkMany(files: readonly string[], io: CliIO, options: CheckManyOptions): AsyncGenerator<ManyResult> {
  if (files.length >= MIN_TUNED) await tuneCompiler();
  const n = workerCount(files, io, options);
  const script = n > 0 ? workerScript() : undefined;
  if (script) yield* onWorkers(files, io, options, n, script);
  else yield* onThisThread(files, io, options);
}

/** Below this many files, the compiler has too little to do for its tuning to matter. */
const MIN_TUNED = 20;
let tuned = false;
/**
 * A smaller inlining budget for TurboFan (process-wide, so worker threads too):
 * it then spends far less time compiling the checker's large functions, which
 * each thread compiles for itself; on a batch that costs more than inlining
 * gains (`npm run bench`: about 10 % off a batch of 10,000, 5 % off a render of 1,000).
 */
async function tuneCompiler(): Promise<void> {
  if (tuned) return;
  tuned = true;
  (await import('node:v8')).setFlagsFromString('--max-inlined-bytecode-size-cumulative=200');
}

function workerCount(files: readonly string[], io: CliIO, options: CheckManyOptions): number {
  if (files.includes('-')) return 0;
  const env = io.env.XXGK_WORKERS;
  const asked = options.workers ?? (env !== undefined && /^\d+$/.test(env) ? Number(env) : undefined);
  if (asked !== undefined) return Math.min(asked, files.length);
  const cores = availableParallelism();
  return files.length >= MIN_PARALLEL && cores > 1 ? Math.min(cores, 8) : 0;
}

/** A bundled thread entry (dist/batch-worker.js, dist/batch-writer.js), from a chunk or from the sources. */
export function workerScript(name = 'batch-worker.js'): URL | undefined {
  for (const rel of [`../${name}`, `./${name}`, `../../dist/${name}`]) {
    const url = new URL(rel, import.meta.url);
    if (existsSync(fileURLToPath(url))) return url;
  }
  return undefined;
}

async function* onThisThread(files: readonly string[], io: CliIO, options: CheckManyOptions): AsyncGenerator<ManyResult> {
  if (options.render) {
    yield* renderOnThisThread(files, io, options, options.render);
    return;
  }
  for (const file of files) {
    const name = file === '-' ? (options.stdinFilename ?? '-') : file;
    const input = await readInputOrError(file, io, options.lang);
    if ('error' in input) {
      yield { file: name, error: input.error };
      continue;
    }
    const r = checkSource(input.bytes, {
      filename: name, byteLength: input.size, today: options.today,
      kind: file === '-' && !options.stdinFilename ? 'yaml' : undefined,
    });
    yield { file: name, findings: r.findings, data: r.load.data };
  }
}

/** Pages whose writing may be under way at once: bounds memory, keeps the writer busy. */
const WRITES_IN_FLIGHT = 64;

/**
 * Rendering on this thread: with a batch of some size, a second thread writes
 * each page while this one renders the next (results still come in input order).
 */
async function* renderOnThisThread(files: readonly string[], io: CliIO, options: CheckManyOptions, render: NonNullable<CheckManyOptions['render']>): AsyncGenerator<ManyResult> {
  const { afterWrite, renderPage, renderOne } = await import('./render-one.js');
  const writer = files.length >= MIN_BACKGROUND_WRITES ? (await import('./writer.js')).startWriter(options.lang) : undefined;
  const queue: Promise<ManyResult>[] = [];
  try {
    for (const [i, file] of files.entries()) {
      const input = await readInputOrError(file, io, options.lang);
      if ('error' in input) {
        const failed = { file, error: input.error };
        if (writer) queue.push(Promise.resolve(failed));
        else yield failed;
        continue;
      }
      const absInput = resolve(io.cwd, file);
      const output = render.outputs[i]!;
      if (!writer) {
        const out = renderOne(input.bytes, input.size, file, absInput, output, render.job, options.lang);
        yield { file, findings: out.findings, data: undefined, render: out };
        continue;
      }
      const page = renderPage(input.bytes, input.size, file, render.job, options.lang);
      const findings = page.findings;
      queue.push(page.status !== 'rendered'
        ? Promise.resolve({ file, findings, data: undefined, render: page })
        : writer.write(output, page.out, absInput).then((error) => ({ file, findings, data: undefined, render: afterWrite(findings, error) })));
      while (queue.length > WRITES_IN_FLIGHT) yield await queue.shift()!;
    }
    while (queue.length) yield await queue.shift()!;
  } finally {
    await writer?.close();
  }
}

/** Below this many files, a writer thread costs more to start than it saves. */
const MIN_BACKGROUND_WRITES = 20;

/**
 * Workers send findings only (copying every file's data between threads
 * costs more than it is used); the few callers that read `data` get it
 * parsed again here, on first access.
 */
function withLazyData(file: string, findings: LocatedFinding[], cwd: string, render?: RenderOutcome): ManyResult {
  let data: { value: unknown } | undefined;
  return {
    file,
    findings,
    ...(render ? { render } : {}),
    get data() {
      data ??= { value: loadReport(readFileSync(resolve(cwd, file)), { filename: file }).data };
      return data.value;
    },
  };
}

/** What a worker posts back for a chunk (see worker.ts); results carry no data. */
export interface WorkerReply {
  readonly start: number;
  readonly results?: ({ readonly file: string; readonly findings: LocatedFinding[]; readonly error?: undefined; readonly render?: RenderOutcome } | { readonly file: string; readonly error: string; readonly findings?: undefined })[];
  /** An unexpected failure (a bug): the batch stops with it. */
  readonly fatal?: string;
}

export interface WorkerJob {
  readonly start: number;
  readonly files: readonly string[];
  /** With WorkerSetup.render: where each file's rendering goes. */
  readonly outputs?: readonly string[];
}

export interface WorkerSetup {
  readonly cwd: string;
  readonly lang: Lang;
  readonly today?: number;
  readonly render?: RenderJob;
  /** With render: the process's write gate (write-output.ts). */
  readonly gate?: SharedArrayBuffer;
}

async function* onWorkers(files: readonly string[], io: CliIO, options: CheckManyOptions, n: number, script: URL): AsyncGenerator<ManyResult> {
  const { Worker } = await import('node:worker_threads');
  const gate = options.render ? (await import('./write-output.js')).writeGate() : undefined;
  const setup: WorkerSetup = { cwd: io.cwd, lang: options.lang, today: options.today?.getTime(), ...(options.render ? { render: options.render.job, gate } : {}) };
  const ready = new Map<number, ManyResult>();
  const busy = new Map<Worker, number>();
  let sent = 0;
  let yielded = 0;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;

  const pump = () => {
    for (const [w, jobs] of busy) {
      // Two chunks per worker keep it busy while the other is on its way back.
      for (let j = jobs; j < 2 && sent < files.length && sent - yielded < WINDOW; j++) {
        const end = Math.min(files.length, sent + CHUNK);
        const job: WorkerJob = { start: sent, files: files.slice(sent, end), ...(options.render ? { outputs: options.render.outputs.slice(sent, end) } : {}) };
        sent += job.files.length;
        busy.set(w, busy.get(w)! + 1);
        w.postMessage(job);
      }
    }
  };

  const workers = Array.from({ length: n }, () => {
    const w = new Worker(script, { workerData: setup, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
    busy.set(w, 0);
    w.on('message', (m: WorkerReply) => {
      if (m.fatal !== undefined) failure ??= new Error(m.fatal);
      m.results?.forEach((r, i) => ready.set(m.start + i, r.error === undefined ? withLazyData(r.file, r.findings, io.cwd, r.render) : r));
      busy.set(w, busy.get(w)! - 1);
      pump();
      wake?.();
    });
    w.on('error', (e) => {
      failure ??= e;
      wake?.();
    });
    w.on('exit', (code) => {
      if (code !== 0 && yielded < files.length) failure ??= new Error(`worker thread exited with code ${code}`);
      wake?.();
    });
    return w;
  });

  try {
    pump();
    while (yielded < files.length) {
      const r = ready.get(yielded);
      if (r) {
        ready.delete(yielded);
        yielded++;
        yield r;
        pump();
        continue;
      }
      if (failure) throw failure;
      await new Promise<void>((res) => (wake = res));
      wake = undefined;
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
