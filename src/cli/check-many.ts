// Checks many files, one result per file, in input order: a plain loop that
// reads and checks one file at a time, so memory stays flat whatever the
// count. (A thread pool was measured and bought nothing on 2 cores: each
// thread compiles the checker again; docs/performance.md.)
import type { Lang } from '../model/label.js';
import type { LocatedFinding } from '../diagnostics/finding.js';
import { checkSource } from '../check.js';
import { readInputOrError } from './read.js';
import type { CliIO } from './io.js';

export interface CheckManyOptions {
  readonly lang: Lang;
  readonly today?: Date;
  /** Name used for standard input ('-'). */
  readonly stdinFilename?: string;
}

export type ManyResult =
  | { readonly file: string; readonly findings: LocatedFinding[]; readonly data: unknown; readonly error?: undefined }
  | { readonly file: string; readonly error: string; readonly findings?: undefined };

export async function* checkMany(files: readonly string[], io: CliIO, options: CheckManyOptions): AsyncGenerator<ManyResult> {
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
