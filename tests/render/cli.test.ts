// `report render` end to end through the built bin: exit codes, output files,
// --force, stdin, templates, and handlebars/markdown-it loaded only by render.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { renderReport } from '../../src/render/index.js';
import { BIN, cli, ROOT } from '../helpers/cli.js';
import { load } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'xxgk-render-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const BAD = 'tests/fixtures/invalid/t3-balance/report.yaml';

describe('report render', () => {
  it('writes Markdown to standard output by default, the same as the library', () => {
    const r = cli(['render', 'examples/shizhi-2023.yaml']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(renderReport(load('examples/shizhi-2023.yaml'), { format: 'md' }));
  });

  it('writes HTML to a file atomically, leaving no temporary file', () => {
    const out = join(tmp, 'a', 'report.html');
    mkdirSync(join(tmp, 'a'));
    const r = cli(['render', 'examples/hanyang-2022.json', '-o', out]);
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(renderReport(load('examples/hanyang-2022.json'), { format: 'html' }));
    expect(readdirSync(join(tmp, 'a'))).toEqual(['report.html']);
    const frag = cli(['render', 'examples/hanyang-2022.yaml', '--format', 'html', '--fragment']);
    expect(frag.code).toBe(0);
    expect(frag.stdout.startsWith('<article')).toBe(true);
  });

  it('does not render a report with errors: exit 1, the findings as validate prints them, no output file', () => {
    const out = join(tmp, 'bad.md');
    writeFileSync(out, 'old content');
    const r = cli(['render', BAD, '-o', out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^tests\/fixtures\/invalid\/t3-balance\/report\.yaml\n(?:.*\n)*  106:35 +错误  /);
    expect(r.stderr).toContain('T3-BALANCE');
    expect(r.stderr).toContain('有错误，未生成报告');
    expect(readFileSync(out, 'utf8')).toBe('old content');
    const en = cli(['render', BAD, '--lang', 'en']);
    expect(en.stderr).toContain('has errors and was not rendered');
  });

  it('--force renders it, marking the inconsistent cells', () => {
    const r = cli(['render', BAD, '--force', '--format', 'html']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('T3-BALANCE');
    expect(r.stdout).toContain('class="num inconsistent" data-pointer="/requests/carriedForward/naturalPerson"');
    const md = cli(['render', BAD, '--force']);
    expect(md.stdout).toMatch(/\| 四、结转下年度继续办理 \| 1 ⚠ \|/);
  });

  it('refuses data it cannot read as a report, even with --force', () => {
    const f = join(tmp, 'garbage.yaml');
    writeFileSync(f, 'a: [1, 2\n');
    const r = cli(['render', f, '--force']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('PARSE-SYNTAX');
    expect(r.stdout).toBe('');
  });

  it('refuses to write over its input, and keeps the input intact', () => {
    const input = join(tmp, 'in.yaml');
    const text = readFileSync(join(ROOT, 'examples/shizhi-2023.yaml'), 'utf8');
    writeFileSync(input, text);
    const r = cli(['render', input, '-o', input]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`report: 不能写到输入文件本身：${input}\n`);
    expect(readFileSync(input, 'utf8')).toBe(text);
  });

  it('reads standard input', () => {
    const yaml = readFileSync(join(ROOT, 'examples/shizhi-2023.yaml'));
    expect(cli(['render', '-'], { input: yaml }).stdout).toBe(renderReport(load('examples/shizhi-2023.yaml'), { format: 'md' }));
    const json = readFileSync(join(ROOT, 'examples/hanyang-2022.json'));
    expect(cli(['render', '-', '--stdin-filename', 'x.json', '-f', 'html'], { input: json }).stdout).toContain('<title>武汉市汉阳区人民政府办公室2022年政府信息公开工作年度报告</title>');
  });

  it('usage and I/O problems: exit 2, one line, no stack trace', () => {
    const cases: [string[], RegExp][] = [
      [['render', 'examples/shizhi-2023.yaml', '--fragment'], /^report: --fragment 只适用于 --format html\n$/],
      [['render', 'examples/shizhi-2023.yaml', '--template', 'x'], /^report: --template 只适用于 --format html\n$/],
      [['render', 'examples/shizhi-2023.yaml', '--format', 'pdf'], /^report: 未知的输出格式 pdf（可用：md、html、docx）\n$/],
      [['render', 'nope.yaml'], /^report: 找不到文件：nope\.yaml\n$/],
      [['render', 'examples'], /^report: 这是一个文件夹，不是文件：examples\n$/],
      [['render', 'examples/shizhi-2023.yaml', '-o', join(tmp, 'no', 'such', 'dir', 'x.md')], /^report: 无法写入 .*x\.md：ENOENT\n$/],
      [['--lang', 'en', 'render', 'examples/shizhi-2023.yaml', '-f', 'html', '--template', 'nope-dir'], /^report: Template error: .*nope-dir: no such folder \(ENOENT\)\n$/],
    ];
    for (const [args, re] of cases) {
      const r = cli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(re);
      expect(r.stdout).toBe('');
    }
  });

  it('--template DIR replaces templates; a bad template is exit 2 with the file and line', () => {
    const dir = join(tmp, 'tpl');
    mkdirSync(dir);
    writeFileSync(join(dir, 'page.hbs'), '<h1>{{title}}</h1>{{#each sections}}<h2>{{title}}</h2>{{/each}}');
    const ok = cli(['render', 'examples/shizhi-2023.yaml', '-f', 'html', '--template', dir]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toBe('<h1>方城县释之街道办事处2023年政府信息公开工作年度报告</h1><h2>一、总体情况</h2><h2>二、主动公开政府信息情况</h2><h2>三、收到和处理政府信息公开申请情况</h2><h2>四、政府信息公开行政复议、行政诉讼情况</h2><h2>五、存在的主要问题及改进情况</h2><h2>六、其他需要报告的事项</h2>');
    writeFileSync(join(dir, 'page.hbs'), 'ok\n{{{title}}}');
    const bad = cli(['render', 'examples/shizhi-2023.yaml', '-f', 'html', '--template', dir]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^report: 模板错误：.*page\.hbs:2：不允许不转义的输出/);
    const en = cli(['--lang', 'en', 'render', 'examples/shizhi-2023.yaml', '-f', 'html', '--template', dir]);
    expect(en.stderr).toMatch(/^report: Template error: .*page\.hbs:2: unescaped output/);
    expect(bad.stderr.split('\n')).toHaveLength(2);
    writeFileSync(join(dir, 'page.hbs'), '{{> content}}');
    writeFileSync(join(dir, 'content.hbs'), '{{> content}}');
    const loop = cli(['render', 'examples/shizhi-2023.yaml', '-f', 'html', '--template', dir]);
    expect(loop.code).toBe(2);
    expect(loop.stderr).toMatch(/^report: 模板错误：.*content\.hbs.*：模板包含自身（片段无限递归）\n$/);
  });

  it('accepts the examples and the hostile fixture', () => {
    // (shizhi as Markdown and hanyang.json as HTML are run above.)
    for (const [f, format] of [['examples/hanyang-2022.yaml', 'md'], ['tests/fixtures/render/hostile.json', 'html'], ['tests/fixtures/render/hostile.json', 'md']] as const) {
      const r = cli(['render', f, '-f', format]);
      expect(r.code, `${f} ${format}`).toBe(0);
      expect(r.stdout).toBe(renderReport(load(f), { format }));
    }
  });
});

describe('lazy loading', () => {
  const meta = JSON.parse(readFileSync(join(ROOT, '.build', 'meta.json'), 'utf8')) as { outputs: Record<string, { inputs: Record<string, unknown> }> };
  const heavy = (chunk: string) => Object.keys(meta.outputs[chunk]?.inputs ?? {}).filter((i) => /node_modules\/(handlebars|markdown-it|docx|exceljs)\//.test(i));

  /** The ES modules a run of the CLI loads. */
  function trace(args: string[], env: Record<string, string> = {}): string[] {
    const file = join(tmp, `trace-${args[0]}.txt`);
    rmSync(file, { force: true });
    const r = spawnSync(process.execPath, ['--import', join(ROOT, 'tests/render/trace-register.mjs'), BIN, ...args], {
      cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env, XXGK_TRACE_FILE: file, NO_COLOR: '1' },
    });
    expect(r.status, r.stderr).toBe(0);
    return readFileSync(file, 'utf8').split('\n').filter(Boolean);
  }

  /** The dist files a run of the CLI loads, relative to the repository. */
  function loaded(args: string[]): string[] {
    return trace(args).filter((u) => u.startsWith('file:'))
      .map((u) => relative(ROOT, fileURLToPath(u))).filter((p) => p.startsWith('dist/'));
  }

  it('validate never loads handlebars or markdown-it; render does', () => {
    const v = loaded(['validate', 'examples/shizhi-2023.yaml']);
    expect(v).toContain('dist/cli.js');
    for (const chunk of v) {
      expect(meta.outputs[chunk], `${chunk} missing from the build's metafile`).toBeDefined();
      expect(heavy(chunk), chunk).toEqual([]);
    }
    const r = loaded(['render', 'examples/shizhi-2023.yaml', '-f', 'html']);
    const inRender = r.flatMap(heavy);
    expect(inRender.some((i) => i.includes('node_modules/handlebars/'))).toBe(true);
    expect(inRender.some((i) => i.includes('node_modules/markdown-it/'))).toBe(true);
    // Only the runtime of Handlebars: its compiler is not in the bundle at all.
    expect(inRender.filter((i) => /handlebars\/dist\/cjs\/handlebars\/compiler\//.test(i))).toEqual([]);
    expect(existsSync(join(ROOT, 'dist/cli.js'))).toBe(true);
    // Word and Excel: only the commands that write or read them load docx or exceljs.
    expect(inRender.filter((i) => /node_modules\/(docx|exceljs)\//.test(i))).toEqual([]);
    const out = join(tmp, 'lazy.docx');
    const w = loaded(['render', 'examples/shizhi-2023.yaml', '-o', out]).flatMap(heavy);
    expect(w.some((i) => i.includes('node_modules/docx/'))).toBe(true);
    expect(w.filter((i) => i.includes('node_modules/exceljs/'))).toEqual([]);
    const x = join(tmp, 'lazy.xlsx');
    expect(loaded(['init', '--format', 'xlsx', '-o', x]).flatMap(heavy).some((i) => i.includes('node_modules/exceljs/'))).toBe(true);
  });

  it('validate loads neither worker threads nor node:v8, for one file or a batch (every batch is a plain loop)', () => {
    const one = trace(['validate', 'examples/shizhi-2023.yaml']);
    expect(one).not.toContain('node:worker_threads');
    expect(one).not.toContain('node:v8');
    const twenty = join(tmp, 'twenty');
    mkdirSync(twenty, { recursive: true });
    for (let i = 0; i < 20; i++) writeFileSync(join(twenty, `r${i}.yaml`), readFileSync(join(ROOT, 'examples/shizhi-2023.yaml')));
    const batch = trace(['validate', twenty]);
    // No compiler flags are tuned any more (node:v8 was loaded for that), and no thread is started.
    expect(batch).not.toContain('node:v8');
    expect(batch).not.toContain('node:worker_threads');
  });

  it('validate and render never load pdf.js (nor the PDF layout); importing a PDF does', () => {
    const pdfjs = (urls: string[]) => urls.filter((u) => u.includes('/node_modules/pdfjs-dist/'));
    expect(pdfjs(trace(['validate', 'examples/shizhi-2023.yaml']))).toEqual([]);
    expect(pdfjs(trace(['render', 'examples/shizhi-2023.yaml', '-f', 'html']))).toEqual([]);
    const layout = (chunk: string) => Object.keys(meta.outputs[chunk]?.inputs ?? {}).some((i) => /src\/import\/pdf/.test(i));
    expect(loaded(['validate', 'examples/shizhi-2023.yaml']).filter(layout)).toEqual([]);
    const imported = trace(['import', 'tests/fixtures/pdf/unruled.pdf', '--format', 'json']);
    expect(pdfjs(imported).some((u) => u.endsWith('/legacy/build/pdf.mjs'))).toBe(true);
  });

  it('validate never loads report edit (its server, its page); edit does', () => {
    const editCode = (chunk: string) => Object.keys(meta.outputs[chunk]?.inputs ?? {}).some((i) => /src\/(commands\/edit|edit\/)/.test(i));
    for (const args of [['validate', 'examples/shizhi-2023.yaml'], ['validate', '--quiet', 'examples']]) {
      const t = trace(args);
      expect(t, args.join(' ')).not.toContain('node:http');
      expect(t.some((u) => u.includes('/dist/edit/')), args.join(' ')).toBe(false);
      expect(loaded(args).filter(editCode), args.join(' ')).toEqual([]);
    }
    const out = join(tmp, 'editor.html');
    expect(loaded(['edit', 'examples/shizhi-2023.yaml', '--export', out]).filter(editCode)).not.toEqual([]);
  });

  it('validate of named files never loads the glob library (start-up time in a pre-commit hook); a glob does', () => {
    const globber = (chunk: string) => Object.keys(meta.outputs[chunk]?.inputs ?? {}).some((i) => i.includes('node_modules/tinyglobby/'));
    expect(loaded(['validate', 'examples/shizhi-2023.yaml', 'examples']).filter(globber)).toEqual([]);
    expect(loaded(['validate', 'examples/*.yaml']).filter(globber)).not.toEqual([]);
  });
});
