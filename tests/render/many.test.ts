// `report render FILES… --out-dir DIR`: many reports in one call, one after
// the other, each written whole; the same bytes as the one-file render;
// reports with errors skipped unless --force.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderReport } from '../../src/render/index.js';
import { outputPaths } from '../../src/commands/render.js';
import { cli } from '../helpers/cli.js';
import { load } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'xxgk-render-many-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const BAD = 'tests/fixtures/invalid/t3-balance/report.yaml';

/** Every file under dir, relative, sorted. */
function tree(dir: string, base = ''): string[] {
  return readdirSync(join(dir, base)).sort().flatMap((n) => (statSync(join(dir, base, n)).isDirectory() ? tree(dir, join(base, n)) : [join(base, n)]));
}

describe('report render --out-dir', () => {
  it('renders files and folders under their common folder, byte for byte as one at a time; skips reports with errors (exit 1)', () => {
    const out = join(tmp, 'a');
    const r = cli(['render', 'examples/shizhi-2023.yaml', 'examples/hanyang-2022.yaml', BAD, '--out-dir', out, '-f', 'html']);
    expect(r.code).toBe(1);
    expect(tree(out)).toEqual(['examples/hanyang-2022.html', 'examples/shizhi-2023.html']);
    for (const name of ['shizhi-2023', 'hanyang-2022']) {
      expect(readFileSync(join(out, 'examples', `${name}.html`), 'utf8')).toBe(renderReport(load(`examples/${name}.yaml`), { format: 'html' }));
    }
    // The findings as validate prints them, the reason, and one summary line.
    expect(r.stderr).toContain(`${BAD}\n`);
    expect(r.stderr).toContain('T3-BALANCE');
    expect(r.stderr).toContain(`report: ${BAD} 有错误，未生成报告`);
    expect(r.stderr.trimEnd().split('\n').at(-1)).toBe(`已生成 2 份报告（共 3 个文件）到 ${out}；1 份有错误，未生成`);
    expect(r.stdout).toBe('');
  });

  it('--force renders a report with errors too; Markdown by default; English with --lang en', () => {
    const out = join(tmp, 'b');
    const r = cli(['--lang', 'en', 'render', BAD, 'examples/shizhi-2023.yaml', '--out-dir', out, '--force']);
    expect(r.code).toBe(0);
    expect(tree(out)).toEqual(['examples/shizhi-2023.md', 'tests/fixtures/invalid/t3-balance/report.md']);
    expect(readFileSync(join(out, 'tests/fixtures/invalid/t3-balance/report.md'), 'utf8')).toContain('⚠');
    expect(r.stderr.trimEnd().split('\n').at(-1)).toBe(`Rendered 2 of 2 reports into ${out}`);
  });

  it('takes a folder, searched below: every report file in it; one that is not report data is not rendered', () => {
    const src = join(tmp, 'folder');
    mkdirSync(join(src, 'sub'), { recursive: true });
    copyFileSync('examples/shizhi-2023.yaml', join(src, 'sub', 'a.yaml'));
    copyFileSync('examples/hanyang-2022.json', join(src, 'b.json'));
    writeFileSync(join(src, 'c.yaml'), '- a list, not a report\n');
    const out = join(tmp, 'c');
    const r = cli(['render', src, '--out-dir', out, '-f', 'html', '--fragment']);
    expect(r.code).toBe(1);
    expect(tree(out)).toEqual(['b.html', 'sub/a.html']);
    expect(readFileSync(join(out, 'sub/a.html'), 'utf8')).toBe(renderReport(load('examples/shizhi-2023.yaml'), { format: 'html', fragment: true }));
    expect(r.stderr).toContain('PARSE-NOT-MAPPING');
    expect(r.stderr).toContain(`c.yaml 无法读取为报告数据，不能生成`);
    expect(r.stderr.trimEnd().split('\n').at(-1)).toBe(`已生成 2 份报告（共 3 个文件）到 ${out}；1 份有错误，未生成`);
  });

  it('gives the same pages and messages run after run (a batch of 120), and leaves no temporary file', () => {
    const src = join(tmp, 'many');
    mkdirSync(src);
    for (let i = 0; i < 120; i++) copyFileSync(i % 3 === 0 ? BAD : i % 3 === 1 ? 'examples/shizhi-2023.yaml' : 'examples/hanyang-2022.yaml', join(src, `r${String(i).padStart(3, '0')}.yaml`));
    const first = cli(['render', src, '--out-dir', join(tmp, 'w'), '-f', 'html']);
    const second = cli(['render', src, '--out-dir', join(tmp, 's'), '-f', 'html']);
    expect(first.code).toBe(1);
    expect(second.code).toBe(1);
    expect(first.stderr.replace(join(tmp, 'w'), 'OUT')).toBe(second.stderr.replace(join(tmp, 's'), 'OUT'));
    const files = tree(join(tmp, 's'));
    expect(files).toHaveLength(80);
    expect(tree(join(tmp, 'w'))).toEqual(files);
    for (const f of files) expect(readFileSync(join(tmp, 'w', f), 'utf8')).toBe(readFileSync(join(tmp, 's', f), 'utf8'));
  });

  it('a batch of 24: same bytes, same order of messages, a failed write reported in its place (exit 2)', () => {
    const src = join(tmp, 'bg');
    mkdirSync(src);
    const inputs = Array.from({ length: 24 }, (_, i) => (i % 4 === 0 ? BAD : i % 2 ? 'examples/shizhi-2023.yaml' : 'examples/hanyang-2022.yaml'));
    inputs.forEach((f, i) => copyFileSync(f, join(src, `r${String(i).padStart(2, '0')}.yaml`)));
    // A folder where one page should go: that write fails, the others go on.
    mkdirSync(join(tmp, 'bg-out', 'r05.html'), { recursive: true });
    const r = cli(['render', src, '--out-dir', join(tmp, 'bg-out'), '-f', 'html']);
    expect(r.code).toBe(2);
    const lines = r.stderr.split('\n').filter((l) => l.startsWith('report: '));
    // Each file's message where the file comes: r00, r04 … have errors; r05 could not be written.
    expect(lines.map((l) => /r\d\d\.(?:yaml|html)/.exec(l)?.[0])).toEqual(['r00.yaml', 'r04.yaml', 'r05.html', 'r08.yaml', 'r12.yaml', 'r16.yaml', 'r20.yaml']);
    expect(lines[2]).toBe(`report: 无法写入 ${join(tmp, 'bg-out', 'r05.html')}：EISDIR`);
    expect(r.stderr.trimEnd().split('\n').at(-1)).toBe(`已生成 17 份报告（共 24 个文件）到 ${join(tmp, 'bg-out')}；6 份有错误，未生成`);
    const written = tree(join(tmp, 'bg-out'));
    expect(written).toHaveLength(17);
    for (const f of written) {
      const i = Number(f.slice(1, 3));
      expect(readFileSync(join(tmp, 'bg-out', f), 'utf8'), f).toBe(renderReport(load(inputs[i]!), { format: 'html' }));
    }
  });

  it('refuses what it cannot do, before writing anything (exit 2)', () => {
    const out = join(tmp, 'refused');
    const cases: [string[], RegExp][] = [
      [['render', 'examples/shizhi-2023.yaml', 'examples/hanyang-2022.yaml'], /^report: 给出了 2 个文件：一次生成多份报告请用 --out-dir 文件夹\n$/],
      [['render', 'examples/shizhi-2023.yaml', '--out-dir', out, '-o', 'x.md'], /^report: --out-dir 与 -o\/--output 不能同时使用\n$/],
      [['render', '-', '--out-dir', out], /^report: --out-dir 只接受文件，不接受标准输入（-）\n$/],
      [['render', 'examples', '--out-dir', out], /^report: examples\/hanyang-2022\.json 与 examples\/hanyang-2022\.yaml 会生成同一个文件 .*hanyang-2022\.md；请分开生成\n$/],
      [['render', 'examples/shizhi-2023.yaml', '--out-dir', out, '--fragment'], /^report: --fragment 只适用于 --format html\n$/],
    ];
    for (const [args, err] of cases) {
      const r = cli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(err);
    }
    expect(existsSync(out)).toBe(false);
  });

  it('--template: a broken template stops the batch before any file is written, naming the template file as one-file render does', () => {
    const dir = join(tmp, 'tpl');
    mkdirSync(dir);
    writeFileSync(join(dir, 'page.hbs'), 'ok\n{{{title}}}');
    const out = join(tmp, 'tpl-out');
    const r = cli(['render', 'examples/shizhi-2023.yaml', '--out-dir', out, '-f', 'html', '--template', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`report: 模板错误：${join(dir, 'page.hbs')}:2：不允许不转义的输出（{{{ }}} 或 {{& }}）；所有值都会转义，.html 字段已是安全的 HTML，请写 {{…html}}\n`);
    expect(existsSync(out)).toBe(false);
    writeFileSync(join(dir, 'page.hbs'), '<h1>{{title}}</h1>');
    const ok = cli(['render', 'examples/shizhi-2023.yaml', '--out-dir', out, '-f', 'html', '--template', dir]);
    expect(ok.code).toBe(0);
    expect(readFileSync(join(out, 'shizhi-2023.html'), 'utf8')).toBe('<h1>方城县释之街道办事处2023年政府信息公开工作年度报告</h1>');
  });

  it('names outputs by their path under the inputs\' common folder', () => {
    expect(outputPaths(['/a/b/x.yaml'], '/o', 'html')).toEqual(['/o/x.html']);
    expect(outputPaths(['/a/b/x.yaml', '/a/c/d/y.json'], '/o', 'md')).toEqual(['/o/b/x.md', '/o/c/d/y.md']);
    expect(outputPaths(['/a/bc/x.yaml', '/a/b/y.yaml'], '/o', 'md')).toEqual(['/o/bc/x.md', '/o/b/y.md']);
    expect(outputPaths(['/x.yaml', '/y/z.yml'], '/o', 'md')).toEqual(['/o/x.md', '/o/y/z.md']);
  });
});
