// `report validate FILE…`: every file through the core, one summary, exit code.
import type { CliIO } from '../cli/io.js';
import { UsageError } from '../cli/io.js';
import { CLI_TEXT } from '../cli/text.js';
import type { GlobalOptions } from '../cli.js';
import { checkMany } from '../batch/check-many.js';
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
  for await (const r of checkMany(files, io, { lang: g.lang, stdinFilename: flags.stdinFilename })) {
    if (r.error !== undefined) {
      io.stderr(`report: ${r.error}\n`);
      ioFailed = true;
      continue;
    }
    results.push({ file: r.file, findings: r.findings });
  }
  const formatter = await load();
  if (ioFailed && !results.length) return 2;
  io.stdout(formatter(results, { lang: g.lang, color: g.color, fileCount: results.length, quiet: flags.quiet }));
  if (ioFailed) return 2;
  return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}
