// Writing one rendered page of a batch: shared by the checking thread and the
// background writer thread (writer-worker.ts), so both fail with the same words.
//
// Ctrl-C: worker threads hear no signals, so the main thread removes their
// temporary files. A thread that opened a new one just after would leave it
// behind; so every write passes a gate shared by all threads, which the
// signal handler closes (waiting for the writes under way) before it cleans up.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { writeAtomic } from '../cli/write.js';
import { UsageError } from '../cli/io.js';
import type { Lang } from '../model/label.js';

// Folders this thread has made: one mkdir per folder, not per file.
const made = new Set<string>();

/** [0]: 1 once closed; [1]: writes under way. Created by the main thread, handed to the others. */
let gate: Int32Array | undefined;

/** The process's write gate (made on first use), to hand to a thread that writes pages. */
export function writeGate(): SharedArrayBuffer {
  gate ??= new Int32Array(new SharedArrayBuffer(8));
  return gate.buffer as SharedArrayBuffer;
}

/** In a thread that writes pages: use the gate the main thread handed over. */
export function useWriteGate(shared: SharedArrayBuffer): void {
  gate = new Int32Array(shared);
}

/** For the Ctrl-C handler: no page is written after this returns, and none is half-way. */
export function closeWrites(timeoutMs = 5000): void {
  if (!gate) return;
  Atomics.store(gate, 0, 1);
  const until = Date.now() + timeoutMs;
  for (let busy = Atomics.load(gate, 1); busy !== 0; busy = Atomics.load(gate, 1)) {
    const left = until - Date.now();
    if (left <= 0 || Atomics.wait(gate, 1, busy, left) === 'timed-out') return;
  }
}

const INTERRUPTED = { zh: '已中断', en: 'interrupted' } as const;

/** Writes `content` to `output` atomically; why it failed, as one line, or undefined. */
export function writeOutput(output: string, content: string, absInput: string, lang: Lang): string | undefined {
  const g = gate;
  // Counted before the check: the handler then either sees this write under way or this write sees the gate closed.
  if (g) Atomics.add(g, 1, 1);
  try {
    if (g && Atomics.load(g, 0) === 1) return `${output}: ${INTERRUPTED[lang]}`;
    const dir = dirname(output);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    // No fsync per file: a batch writes thousands (see WriteOptions.durable).
    writeAtomic(output, content, { inputs: [absInput], lang, durable: false });
    return undefined;
  } catch (e) {
    if (e instanceof UsageError) return e.message;
    const code = (e as NodeJS.ErrnoException).code;
    if (code) return `${output}: ${code}`;
    throw e;
  } finally {
    if (g && Atomics.sub(g, 1, 1) === 1) Atomics.notify(g, 1);
  }
}
