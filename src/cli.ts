// The command line: argv → options → exit code. All work is in the core; each
// command's module is loaded only when that command runs. Commander's extra
// typings infer each command's options from its definition, so what a
// command is handed is checked against its options interface.
import { UsageError, type CliIO } from './cli/io.js';
import { CLI_TEXT, detectLang } from './cli/text.js';
import type { Lang } from './model/label.js';
import { VERSION } from './version.js';

export type { CliIO } from './cli/io.js';

export interface GlobalOptions {
  readonly lang: Lang;
  readonly color: boolean;
}

function globalsFrom(o: { lang?: string; color?: boolean }, io: CliIO): GlobalOptions {
  const lang = detectLang(o.lang);
  if (o.lang !== undefined && o.lang !== 'zh' && o.lang !== 'en') throw new UsageError(CLI_TEXT.badLang.zh(o.lang));
  const color = o.color !== false && !('NO_COLOR' in io.env && io.env.NO_COLOR !== '') && (io.env.FORCE_COLOR ? io.env.FORCE_COLOR !== '0' : io.stdoutIsTTY);
  return { lang, color };
}

/**
 * `report validate FILE…` with no option at all (the pre-commit hook's call)
 * goes straight to the command: loading commander costs ~10 ms of start-up.
 * The flags are what commander gives for no options (tests/bench/fast-path.test.ts).
 */
export const PLAIN_VALIDATE_FLAGS = { progress: true } as const;
const isPlainValidate = (argv: readonly string[]) => argv[0] === 'validate' && argv.length > 1 && argv.slice(1).every((a) => a === '-' || !a.startsWith('-'));

export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  if (isPlainValidate(argv)) {
    try {
      const { validateCommand } = await import('./commands/validate.js');
      return await validateCommand(argv.slice(1), { ...PLAIN_VALIDATE_FLAGS }, globalsFrom({}, io), io);
    } catch (e) {
      return failed(e, io, false);
    }
  }
  const { Command, Option } = await import('@commander-js/extra-typings');
  let exitCode = 0;
  const en = asksEnglish(argv);
  // One chain: the global options' types reach every command's optsWithGlobals().
  const program = new Command('report')
    .description(en ? 'Validate, render and import government information-disclosure annual reports (国办公开办函〔2021〕30号)' : '政府信息公开工作年度报告：检查、生成与导入（国办公开办函〔2021〕30号格式）')
    .version(VERSION, '-V, --version')
    .addOption(new Option('--lang <lang>', en ? 'message language: zh or en' : '提示语言：zh（中文，默认）或 en').default(undefined))
    .option('--no-color', en ? 'no colour in the output' : '输出不使用颜色')
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: (s, write) => write(s) })
    .exitOverride()
    .showSuggestionAfterError(true);

  // The global options are checked before the command's module loads.
  const runCommand = async (cmd: { optsWithGlobals(): { lang?: string; color?: boolean } }, command: (g: GlobalOptions) => Promise<number>) => {
    exitCode = await command(globalsFrom(cmd.optsWithGlobals(), io));
  };

  program
    .command('validate')
    .description(en ? 'check report data files: parse, schema, arithmetic' : '检查报告数据文件：语法、结构与表格勾稽关系')
    .argument('<files...>', en ? 'YAML or JSON report files, folders (searched for *.yaml, *.yml, *.json) or quoted globs; - reads standard input' : 'YAML 或 JSON 报告文件、文件夹（查找其中的 *.yaml、*.yml、*.json）或加引号的通配模式；- 表示标准输入')
    .option('-f, --format <name>', en ? 'output format: stylish (default), json, sarif, github (default under GitHub Actions), junit' : '输出格式：stylish（默认）、json、sarif、github（在 GitHub Actions 中默认）、junit')
    .option('--quiet', en ? 'report errors only' : '只报告错误')
    .option('--max-warnings <n>', en ? 'fail (exit 1) on more than n warnings' : '警告多于 n 个时失败（退出码 1）')
    .option('--fix', en ? 'correct the totals that can be computed, in place' : '就地修正可以计算出的总计')
    .option('--baseline <file>', en ? 'ignore the findings recorded in this baseline' : '忽略基线文件中记录的问题')
    .option('--write-baseline <file>', en ? 'record every current finding in a baseline file' : '把当前所有问题记入基线文件')
    .option('--config <file>', en ? 'rule settings file (default: .xxgkrc.yaml found from here upward)' : '规则配置文件（默认：从当前文件夹向上查找 .xxgkrc.yaml）')
    .option('--rule <id=setting>', en ? 'set a rule to off, warn or error (repeatable)' : '把规则设为 off、warn 或 error（可重复）', (v: string, prev: string[] = []) => [...prev, v])
    .option('--no-progress', en ? 'no progress bar' : '不显示进度条')
    .option('--previous <file>', en ? "last year's report for rules 7 and 8, or auto: the same agency's report of the year before in the same folder" : '上年报告（规则 7、8），或 auto：在同一文件夹中查找同一机关上一年度的报告')
    .option('--stdin-filename <name>', en ? 'file name to use for standard input (its extension picks YAML or JSON)' : '标准输入所用的文件名（由扩展名决定 YAML 或 JSON）')
    .action((files, flags, cmd) => runCommand(cmd, async (g) => (await import('./commands/validate.js')).validateCommand(files, flags, g, io)));

  program
    .command('init')
    .description(en ? 'write a blank report for a year: every count at zero, each key labelled' : '生成某年度的空白报告：数字全为 0，每个键前注明正式名称')
    .option('--agency <name>', en ? 'the reporting agency' : '报告机关全称')
    .option('--year <yyyy>', en ? 'the report year (default: last year)' : '报告年度（默认：上一年）')
    .option('--edition <format>', en ? 'the format edition: 2021, or 2019 for the trial edition of 2019–2020 (default: the one the year requires)' : '格式版本：2021，或 2019（2019、2020 年度所用的试行格式）（默认：按年度确定）')
    .option('-o, --output <file>', en ? 'write to this file instead of standard output' : '写入此文件（默认输出到标准输出）')
    .option('--schema <ref>', en ? 'path or URL of the JSON Schema for editors' : '编辑器所用 JSON Schema 的路径或网址')
    .option('-f, --format <name>', en ? 'yaml (default), or xlsx: a workbook to fill in' : 'yaml（默认），或 xlsx：可填写的 Excel 工作簿')
    .option('--force', en ? 'overwrite an existing file' : '覆盖已有文件')
    .action((flags, cmd) => runCommand(cmd, async (g) => (await import('./commands/init.js')).initCommand(flags, g, io)));
  program
    .command('schema')
    .description(en ? 'print the JSON Schema of the data file' : '输出数据文件的 JSON Schema')
    .action((_flags, cmd) => runCommand(cmd, async (g) => (await import('./commands/schema.js')).schemaCommand(g, io)));
  program
    .command('rules')
    .description(en ? 'list every rule: id, severity, stage, description' : '列出全部规则：编号、级别、阶段、说明')
    .option('-f, --format <name>', en ? 'text (default) or json' : 'text（默认）或 json')
    .action((flags, cmd) => runCommand(cmd, async (g) => (await import('./commands/rules.js')).rulesCommand(flags, g, io)));

  program
    .command('render')
    .description(en ? 'render a report as Markdown or HTML in the official layout' : '按正式格式生成 Markdown 或 HTML 报告')
    .argument('<files...>', en ? 'YAML or JSON report file (- reads standard input); with --out-dir, files, folders or quoted globs' : 'YAML 或 JSON 报告文件（- 表示标准输入）；使用 --out-dir 时可为多个文件、文件夹或带引号的通配符')
    .option('-f, --format <name>', en ? 'md (default), html or docx (Word)' : 'md（默认）、html 或 docx（Word）')
    .option('-o, --output <file>', en ? 'write to this file (atomically) instead of standard output' : '写入此文件（原子写入；默认输出到标准输出）')
    .option('--out-dir <dir>', en ? 'render every report given into this folder (one call for many files)' : '把给出的每份报告生成到此文件夹（一次处理多个文件）')
    .option('--fragment', en ? 'HTML: only the content, no <html>/<head>' : 'HTML：只输出正文，不含 <html>/<head>')
    .option('--template <dir>', en ? 'HTML: a folder of Handlebars templates replacing the built-in ones' : 'HTML：用此文件夹中的 Handlebars 模板替换内置模板')
    .option('--force', en ? 'render a report with errors, marking the wrong cells' : '报告有错误时仍然生成，并标出有误的单元格')
    .option('--config <file>', en ? 'rule settings file, as for validate (default: .xxgkrc.yaml found from here upward)' : '规则配置文件，与 validate 相同（默认：从当前文件夹向上查找 .xxgkrc.yaml）')
    .option('--rule <id=setting>', en ? 'set a rule to off, warn or error (repeatable), as for validate' : '把规则设为 off、warn 或 error（可重复），与 validate 相同', (v: string, prev: string[] = []) => [...prev, v])
    .option('--stdin-filename <name>', en ? 'file name to use for standard input (its extension picks YAML or JSON)' : '标准输入所用的文件名（由扩展名决定 YAML 或 JSON）')
    .action((files, flags, cmd) => runCommand(cmd, async (g) => (await import('./commands/render.js')).renderCommand(files, flags, g, io)));

  program
    .command('import')
    .description(en ? 'turn a published report (text, web page, .docx) into a data file' : '把已发布的报告（文本、网页、.docx）转为数据文件')
    .argument('<file>', en ? '.txt/.md, .html/.htm or .docx; - reads standard input' : '.txt/.md、.html/.htm 或 .docx 文件；- 表示标准输入')
    .option('-o, --output <file>', en ? 'write to this file (atomically) instead of standard output' : '写入此文件（原子写入；默认输出到标准输出）')
    .option('-f, --format <name>', en ? 'yaml (default) or json' : 'yaml（默认）或 json')
    .option('--stdin-filename <name>', en ? 'file name to use for standard input (its extension picks text, HTML or .docx)' : '标准输入所用的文件名（由扩展名决定文本、网页或 .docx）')
    .action((file, flags, cmd) => runCommand(cmd, async (g) => (await import('./commands/import.js')).importCommand(file, flags, g, io)));

  program
    .command('aggregate')
    .description(en ? 'roll up the tables of many unit reports of one year into one report' : '把同一年度多个单位的报告表格汇总为一份报告')
    .argument('<files...>', en ? 'the unit reports (YAML or JSON)' : '各单位的报告文件（YAML 或 JSON）')
    .option('--agency <name>', en ? 'the agency of the roll-up report (required)' : '汇总报告的机关名称（必填）')
    .option('-o, --output <file>', en ? 'write the roll-up to this file instead of standard output' : '写入此文件（默认输出到标准输出）')
    .option('--breakdown <format>', en ? 'also write a per-unit table of every cell: csv' : '同时写出各单位逐项明细表：csv')
    .option('--breakdown-output <file>', en ? 'where the breakdown goes (default: next to -o, .breakdown.csv)' : '明细表写入的文件（默认：-o 文件旁的 .breakdown.csv）')
    .option('--config <file>', en ? 'rule settings file, as for validate (default: .xxgkrc.yaml found from here upward)' : '规则配置文件，与 validate 相同（默认：从当前文件夹向上查找 .xxgkrc.yaml）')
    .option('--rule <id=setting>', en ? 'set a rule to off, warn or error (repeatable), as for validate' : '把规则设为 off、warn 或 error（可重复），与 validate 相同', (v: string, prev: string[] = []) => [...prev, v])
    .action((files, flags, cmd) => runCommand(cmd, async (g) => (await import('./commands/aggregate.js')).aggregateCommand(files, flags, g, io)));

  program
    .command('edit')
    .description(en ? 'fill in a report in the browser, in the official form, checked as you type' : '在浏览器中按正式表格填写报告，边填边检查')
    .argument('[file]', en ? 'the YAML or JSON report to edit (none: a new report)' : '要编辑的 YAML 或 JSON 报告（不写则新建）')
    .option('-o, --output <file>', en ? 'save to this file (without FILE: the new report; default: the file edited)' : '保存到此文件（新建时必填才能保存到磁盘；默认保存到所编辑的文件）')
    .option('--port <n>', en ? 'port on 127.0.0.1 (default or 0: a free one)' : '在 127.0.0.1 上使用的端口（默认或 0：自动选择空闲端口）')
    .option('--no-open', en ? 'do not open a browser; print the address on standard output' : '不打开浏览器，只在标准输出打印地址')
    .option('--export <file>', en ? 'write the form as one self-contained HTML file that works offline, and exit' : '把填报页面写成一个可离线使用的独立 HTML 文件后退出')
    .action((file, flags, cmd) => runCommand(cmd, async (g) => (await import('./commands/edit.js')).editCommand(file, flags, g, io)));

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (e) {
    const { CommanderError } = await import('@commander-js/extra-typings');
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      return 2;
    }
    return failed(e, io, en);
  }
}

/** --lang en on the command line (read before commander parses it: its own errors and ours need it). */
const asksEnglish = (argv: readonly string[]): boolean => argv.includes('--lang=en') || argv.some((a, i) => a === '--lang' && argv[i + 1] === 'en');

/** A user error: its one line; anything else: an internal error, never a stack trace unless XXGK_DEBUG. */
function failed(e: unknown, io: CliIO, en: boolean): number {
  if (e instanceof UsageError) {
    io.stderr(`report: ${e.message}\n`);
    return e.exitCode;
  }
  const lang = en ? 'en' : 'zh';
  io.stderr(`report: ${CLI_TEXT.internal[lang]((e as Error)?.message ?? String(e))}\n`);
  if (io.env.XXGK_DEBUG) io.stderr(`${(e as Error)?.stack}\n`);
  return 2;
}

/** The process entry: real stdio, real environment. */
export async function main(): Promise<number> {
  // A reader that stops early (`| head`) closes the pipe: the rest of the output is dropped and the
  // exit code stays the command's, instead of Node's unhandled-error stack trace.
  // Any other failure of standard output (a full disk under `> file`) is told and exits 2: the output is not whole.
  const closed = { out: false, err: false, failed: undefined as string | undefined };
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    closed.out = true;
    if (e.code !== 'EPIPE') closed.failed ??= e.code ?? e.message;
  });
  process.stderr.on('error', () => { closed.err = true; });
  const io: CliIO = {
    stdout: (s) => void (closed.out || process.stdout.write(s)),
    stderr: (s) => void (closed.err || process.stderr.write(s)),
    readStdin: async () => {
      // Stop past 20 MB (import's cap for a .docx; a data file's is 5 MB): endless input costs bounded memory.
      const chunks: Buffer[] = [];
      let n = 0;
      for await (const c of process.stdin) {
        chunks.push(c as Buffer);
        if ((n += (c as Buffer).length) > 20 * 1024 * 1024) break;
      }
      return Buffer.concat(chunks);
    },
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
  };
  const code = await run(process.argv.slice(2), io);
  // A failed write is told by an 'error' event on a later tick: hear it before deciding the exit code.
  await new Promise((r) => setImmediate(r));
  if (closed.failed === undefined) return code;
  io.stderr(`report: ${CLI_TEXT.stdoutFailed[asksEnglish(process.argv.slice(2)) ? 'en' : 'zh'](closed.failed)}\n`);
  return 2;
}
