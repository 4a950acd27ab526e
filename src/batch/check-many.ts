// Checks many files, yielding one result per file in input order. The
// validate command consumes this; it may run files on worker threads later,
// without the command changing.
import type { Lang } from '../model/label.js';
import type { LocatedFinding } from '../diagnostics/finding.js';
import { checkSource } from '../check.js';
import { readInput } from '../cli/read.js';
import { UsageError, type CliIO } from '../cli/io.js';

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
    let input;
    try {
      input = await readInput(file, io, options.lang);
    } catch (e) {
      if (!(e instanceof UsageError)) throw e;
      yield { file: name, error: e.message };
      continue;
    }
    const r = checkSource(input.bytes, {
      filename: name, lang: options.lang, byteLength: input.size, today: options.today,
      kind: file === '-' && !options.stdinFilename ? 'yaml' : undefined,
    });
    yield { file: name, findings: r.findings, data: r.load.data };
  }
}
