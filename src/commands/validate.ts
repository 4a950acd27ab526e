// `report validate FILE…`: every file through the core, one summary, exit code.
import type { CliIO } from '../cli/io.js';
import { UsageError } from '../cli/io.js';
import { readInput } from '../cli/read.js';
import { CLI_TEXT } from '../cli/text.js';
import type { GlobalOptions } from '../cli.js';
import { checkSource } from '../check.js';
import { FORMATTERS, type FileResult } from '../formatters/index.js';

interface ValidateFlags {
  format: string;
  quiet?: boolean;
  stdinFilename?: string;
}

export async function validateCommand(args: unknown[], g: GlobalOptions, io: CliIO): Promise<number> {
  const files = args[0] as string[];
  const flags = args[1] as ValidateFlags;
  const load = FORMATTERS[flags.format];
  if (!load) throw new UsageError(CLI_TEXT.badFormat[g.lang](flags.format, Object.keys(FORMATTERS).join(', ')));
  if (!files.length) throw new UsageError(CLI_TEXT.noFiles[g.lang]());
  const results: FileResult[] = [];
  let ioFailed = false;
  for (const file of files) {
    const name = file === '-' ? (flags.stdinFilename ?? '-') : file;
    let input;
    try {
      input = await readInput(file, io, g.lang);
    } catch (e) {
      if (!(e instanceof UsageError)) throw e;
      io.stderr(`report: ${e.message}\n`);
      ioFailed = true;
      continue;
    }
    const r = checkSource(input.bytes, { filename: name, lang: g.lang, byteLength: input.size, kind: file === '-' && !flags.stdinFilename ? 'yaml' : undefined });
    results.push({ file: name, findings: r.findings });
  }
  const formatter = await load();
  if (ioFailed && !results.length) return 2;
  io.stdout(formatter(results, { lang: g.lang, color: g.color, fileCount: results.length, quiet: flags.quiet }));
  if (ioFailed) return 2;
  return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}
