// A thread that writes a render batch's pages in the background (see
// writer-worker.ts). Each write resolves to why it failed, or undefined.
import { Worker } from 'node:worker_threads';
import type { Lang } from '../model/label.js';
import { workerScript } from './check-many.js';
import { writeGate } from './write-output.js';

export interface WriteJob {
  readonly id: number;
  readonly output: string;
  readonly content: string;
  /** The input's absolute path: writing over it is refused. */
  readonly input: string;
}

export interface WriteReply {
  readonly id: number;
  readonly error?: string;
}

export interface BackgroundWriter {
  write(output: string, content: string, input: string): Promise<string | undefined>;
  /** Waits for every write, then ends the thread. */
  close(): Promise<void>;
}

/** undefined when the writer script is not built (running from the sources). */
export function startWriter(lang: Lang): BackgroundWriter | undefined {
  const script = workerScript('batch-writer.js');
  if (!script) return undefined;
  const worker = new Worker(script, { workerData: { lang, gate: writeGate() } });
  const waiting = new Map<number, { readonly output: string; readonly done: (error: string | undefined) => void }>();
  const inFlight = new Set<Promise<unknown>>();
  let next = 0;
  let broken: string | undefined;
  const failAll = (why: string) => {
    broken ??= why;
    for (const w of waiting.values()) w.done(`${w.output}: ${broken}`);
    waiting.clear();
  };
  worker.on('message', (r: WriteReply) => {
    waiting.get(r.id)?.done(r.error);
    waiting.delete(r.id);
  });
  worker.on('error', (e) => failAll(e.message));
  worker.on('exit', (code) => failAll(`writer thread exited with code ${code}`));
  return {
    write(output, content, input) {
      if (broken !== undefined) return Promise.resolve(`${output}: ${broken}`);
      const id = next++;
      const p = new Promise<string | undefined>((done) => {
        waiting.set(id, { output, done });
        worker.postMessage({ id, output, content, input } satisfies WriteJob);
      });
      inFlight.add(p);
      void p.then(() => inFlight.delete(p));
      return p;
    },
    async close() {
      // A thread stopped mid-write could leave a temporary file behind.
      await Promise.all(inFlight);
      await worker.terminate();
    },
  };
}
