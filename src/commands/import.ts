// `report import FILE`: a published report → a data file (YAML with comments, or JSON).
import { resolve } from 'node:path';
import type { CliIO } from '../cli/io.js';
import { UsageError } from '../cli/io.js';
import { readInput } from '../cli/read.js';
import { CLI_TEXT } from '../cli/text.js';
import { writeAtomic } from '../cli/write.js';
import type { GlobalOptions } from '../cli.js';
import { MAX_BYTES } from '../load/load.js';
import { importReport } from '../import/import.js';
import { describeGap, describeNote, IMPORT_TEXT, refusalMessage } from '../import/messages.js';
import { toYaml } from '../import/to-yaml.js';

/** import's options, as commander gives them (src/cli.ts). */
export interface ImportFlags {
  readonly output?: string;
  readonly format?: string;
  readonly stdinFilename?: string;
}

/** Imports may carry pictures (.docx), so they get a larger cap than data files. */
const MAX_IMPORT_BYTES = MAX_BYTES * 4;

export async function importCommand(file: string, flags: ImportFlags, g: GlobalOptions, io: CliIO): Promise<number> {
  const lang = g.lang;
  const format = flags.format ?? 'yaml';
  if (format !== 'yaml' && format !== 'json') throw new UsageError(IMPORT_TEXT.badFormat[lang](format));
  const input = await readInput(file, io, lang);
  if (input.size > MAX_BYTES) {
    // readInput stops one byte past the data-file cap; read the rest for a large .docx.
    if (input.size > MAX_IMPORT_BYTES) throw new UsageError(CLI_TEXT.tooLarge[lang](file, MAX_IMPORT_BYTES));
  }
  const bytes = input.size > input.bytes.length && file !== '-'
    ? new Uint8Array((await import('node:fs')).readFileSync(resolve(io.cwd, file)))
    : input.bytes;
  // Without a name, standard input is recognised by its content (HTML, .docx or text).
  const name = file === '-' ? (flags.stdinFilename ?? '<stdin>') : file;
  const result = await importReport(bytes, { filename: name });
  if (result.refused) {
    io.stderr(`report: ${refusalMessage(result, name, lang)}\n`);
    return 2;
  }
  const epoch = io.env.SOURCE_DATE_EPOCH;
  const when = (epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const text = format === 'json'
    ? `${JSON.stringify(result.report, null, 2)}\n`
    : toYaml(result, { source: name, when, lang });
  if (flags.output) {
    writeAtomic(resolve(io.cwd, flags.output), text, { inputs: file === '-' ? [] : [resolve(io.cwd, file)], lang });
  } else {
    io.stdout(text);
  }
  if (result.notes?.length) {
    io.stderr(`${IMPORT_TEXT.notesHeader[lang](name, result.notes.length)}\n`);
    for (const note of result.notes) io.stderr(`  ${note.pointer}  ${describeNote(note, lang)}\n`);
  }
  if (result.gaps.length) {
    io.stderr(`${IMPORT_TEXT.gapsHeader[lang](name, result.gaps.length)}\n`);
    for (const gap of result.gaps) io.stderr(`  ${gap.pointer}  ${describeGap(gap, lang)}\n`);
    return 1;
  }
  if (flags.output) io.stderr(`${IMPORT_TEXT.complete[lang](name)}\n`);
  return 0;
}
