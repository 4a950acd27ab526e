// Outputs are written atomically: Ctrl-C in the middle of a write leaves the
// old file as it was and no temporary file; a render killed at any moment
// leaves either the old output or the whole new one; writing over the input
// (by any path to it) is refused.
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { BIN, ROOT, cli } from '../helpers/cli.js';
import { BASE_YAML } from './cases.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xxgk-atomic-'));
  writeFileSync(join(dir, 'report.yaml'), BASE_YAML);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const temps = (d: string) => readdirSync(d).filter((f) => f.endsWith('.tmp'));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function start(args: string[], cwd: string) {
  const child = spawn(process.execPath, args, { cwd, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stderr })));
  return { child, done };
}

describe('Ctrl-C during a write', () => {
  it('leaves the old output untouched and no temporary file (a slow write of 4 MB in pieces)', async () => {
    const work = join(dir, 'slow');
    mkdirSync(work);
    // The writer as shipped, bundled for a plain node child.
    await build({ entryPoints: [join(ROOT, 'src/cli/write.ts')], bundle: true, platform: 'node', format: 'esm', outfile: join(work, 'write.mjs'), logLevel: 'silent' });
    writeFileSync(join(work, 'slow.mjs'), `import { writeAtomicAsync } from './write.mjs';
async function* pieces() {
  for (let i = 0; i < 200; i++) { yield 'x'.repeat(20_000) + '\\n'; await new Promise((r) => setTimeout(r, 25)); }
}
await writeAtomicAsync('out.txt', pieces(), { inputs: ['in.txt'] });
console.log('finished');
`);
    writeFileSync(join(work, 'out.txt'), 'OLD OUTPUT\n');
    const { child, done } = start(['slow.mjs'], work);
    // Wait until the temporary file exists and has grown: the write is under way.
    const t0 = Date.now();
    for (;;) {
      const t = temps(work);
      if (t.length && readFileSync(join(work, t[0]!)).length > 100_000) break;
      if (Date.now() - t0 > 10_000) throw new Error('the write never started');
      await sleep(20);
    }
    child.kill('SIGINT');
    const r = await done;
    expect(r.signal).toBe('SIGINT');
    expect(readFileSync(join(work, 'out.txt'), 'utf8')).toBe('OLD OUTPUT\n');
    expect(temps(work)).toEqual([]);
  });

  it('a render killed at any moment leaves the old output or the whole new one, never a temporary file', async () => {
    const work = join(dir, 'render');
    mkdirSync(work);
    writeFileSync(join(work, 'report.yaml'), BASE_YAML);
    const full = cli(['render', join(work, 'report.yaml'), '--format', 'html']);
    expect(full.code).toBe(0);
    expect(full.stdout.length).toBeGreaterThan(1000);
    const seen = new Set<string>();
    for (const delay of [0, 30, 60, 90, 120, 150, 200, 250, 300, 400]) {
      writeFileSync(join(work, 'out.html'), 'OLD OUTPUT\n');
      const { child, done } = start([BIN, 'render', 'report.yaml', '--format', 'html', '-o', 'out.html'], work);
      await sleep(delay);
      child.kill('SIGINT');
      const r = await done;
      const now = readFileSync(join(work, 'out.html'), 'utf8');
      expect([full.stdout, 'OLD OUTPUT\n'], `killed after ${delay} ms`).toContain(now);
      expect(temps(work)).toEqual([]);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      seen.add(now === 'OLD OUTPUT\n' ? 'old' : 'new');
    }
    // The kill landed before the write at least once (the old output stayed).
    expect(seen.has('old')).toBe(true);
  });

  it('a render batch (pages written by a second thread) killed at any moment leaves whole pages only, never a temporary file', async () => {
    const work = join(dir, 'batch');
    mkdirSync(join(work, 'in'), { recursive: true });
    for (let i = 0; i < 60; i++) writeFileSync(join(work, 'in', `r${i}.yaml`), BASE_YAML);
    const page = cli(['render', join(work, 'in', 'r0.yaml'), '--format', 'html']).stdout;
    const counts = new Set<number>();
    for (const delay of [150, 300, 450, 600, 900]) {
      const out = join(work, `out-${delay}`);
      const { child, done } = start([BIN, 'render', 'in', '--out-dir', out, '--format', 'html'], work);
      await sleep(delay);
      child.kill('SIGINT');
      const r = await done;
      expect(r.stderr).not.toMatch(/\n\s+at /);
      const names = existsSync(out) ? readdirSync(out) : [];
      expect(names.filter((n) => !/^r\d+\.html$/.test(n)), `killed after ${delay} ms`).toEqual([]);
      for (const n of names) expect(readFileSync(join(out, n), 'utf8'), n).toBe(page);
      counts.add(names.length);
    }
    // The kills landed at different moments of the batch.
    expect(counts.size).toBeGreaterThan(1);
  });
});

describe('writing over the input is refused', () => {
  const variants = () => {
    const w = join(dir, 'same');
    if (!existsSync(w)) {
      mkdirSync(w);
      writeFileSync(join(w, 'report.yaml'), BASE_YAML);
      symlinkSync('report.yaml', join(w, 'link.yaml'));
      linkSync(join(w, 'report.yaml'), join(w, 'hard.yaml'));
    }
    return w;
  };

  for (const out of ['report.yaml', './report.yaml', 'sub/../report.yaml', 'link.yaml', 'hard.yaml', '@ABS']) {
    it(`render -o ${out}`, () => {
      const w = variants();
      mkdirSync(join(w, 'sub'), { recursive: true });
      const target = out === '@ABS' ? join(w, 'report.yaml') : out;
      const r = cli(['render', 'report.yaml', '-o', target], { cwd: w });
      expect(r.code).toBe(2);
      expect(r.stderr.trim()).toBe(`report: 不能写到输入文件本身：${resolve(w, target)}`);
      expect(readFileSync(join(w, 'report.yaml'), 'utf8')).toBe(BASE_YAML);
      expect(temps(w)).toEqual([]);
    });
  }

  it('in English', () => {
    const w = variants();
    const r = cli(['--lang', 'en', 'render', 'report.yaml', '-o', 'link.yaml'], { cwd: w });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Refusing to write over the input file: ');
  });

  it('import -o onto its own input', () => {
    const w = variants();
    // A page import reads well: the report rendered to HTML.
    expect(cli(['render', 'report.yaml', '-o', 'page.html'], { cwd: w }).code).toBe(0);
    const page = readFileSync(join(w, 'page.html'), 'utf8');
    const r = cli(['import', 'page.html', '-o', 'page.html'], { cwd: w });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`report: 不能写到输入文件本身：${join(w, 'page.html')}`);
    expect(readFileSync(join(w, 'page.html'), 'utf8')).toBe(page);
  });

  it('a write that fails (no such folder) leaves nothing behind and says why', () => {
    const w = variants();
    const r = cli(['render', 'report.yaml', '-o', 'no/such/dir/out.md'], { cwd: w });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(/^report: 无法写入 .*out\.md：ENOENT$/);
    expect(temps(w)).toEqual([]);
  });

  it('a folder as the output: the old folder stays, no temporary file', () => {
    const w = variants();
    mkdirSync(join(w, 'out.md'), { recursive: true });
    const r = cli(['render', 'report.yaml', '-o', 'out.md'], { cwd: w });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/无法写入 .*out\.md：E(ISDIR|EXIST|NOTEMPTY)/);
    expect(temps(w)).toEqual([]);
  });
});
