// Writing one rendered page of a batch: shared by the checking thread and the
// background writer thread (writer-worker.ts), so both fail with the same words.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { writeAtomic } from '../cli/write.js';
import { UsageError } from '../cli/io.js';
import type { Lang } from '../model/label.js';

// Folders this thread has made: one mkdir per folder, not per file.
const made = new Set<string>();

/** Writes `content` to `output` atomically; why it failed, as one line, or undefined. */
export function writeOutput(output: string, content: string, absInput: string, lang: Lang): string | undefined {
  try {
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
  }
}
