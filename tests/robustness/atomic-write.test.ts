// Outputs are written atomically: a write interrupted at any of its steps
// (SIGINT, SIGTERM, SIGKILL) leaves the old output or the whole new one,
// never a half file under the output's name; a signal that can be handled
// leaves no temporary file either; writing over the input (by any path to
// it) is refused. The kill points are driven (XXGK_TEST_KILL_AT, a test-only
// hook in src/cli/write.ts), not timed.
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
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

const STEPS = ['open', 'write', 'rename', 'renamed'] as const;
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGKILL'] as const;

/** Runs node with the kill point set: the process signals itself at `step` of its `n`-th atomic write. */
function killedAt(args: string[], cwd: string, step: string, n: number, signal: string) {
  const r = spawnSync(process.execPath, args, {
    cwd, encoding: 'utf8', timeout: 60_000,
    env: { ...process.env, NO_COLOR: '1', XXGK_TEST_KILL_AT: `${step}:${n}:${signal}` },
  });
  return { code: r.status, signal: r.signal, stderr: r.stderr };
}

describe('a write interrupted at each of its steps', () => {
  it('piece by piece (writeAtomicAsync): SIGINT or SIGTERM mid-write leaves the old output and no temporary file', async () => {
    const work = join(dir, 'slow');
    mkdirSync(work);
    // The writer as shipped, bundled for a plain node child.
    await build({ entryPoints: [join(ROOT, 'src/cli/write.ts')], bundle: true, platform: 'node', format: 'esm', outfile: join(work, 'write.mjs'), logLevel: 'silent' });
    // 4 MB in 200 pieces: the signal is sent after the first piece, and heard between two pieces.
    writeFileSync(join(work, 'slow.mjs'), `import { writeAtomicAsync } from './write.mjs';
async function* pieces() {
  for (let i = 0; i < 200; i++) yield 'x'.repeat(20_000) + '\\n';
}
await writeAtomicAsync('out.txt', pieces(), { inputs: ['in.txt'] });
console.log('finished');
`);
    for (const step of ['open', 'write'] as const) {
      for (const signal of ['SIGINT', 'SIGTERM'] as const) {
        writeFileSync(join(work, 'out.txt'), 'OLD OUTPUT\n');
        const r = killedAt(['slow.mjs'], work, step, 1, signal);
        expect(r.signal, `${signal} at ${step}`).toBe(signal);
        expect(readFileSync(join(work, 'out.txt'), 'utf8')).toBe('OLD OUTPUT\n');
        expect(temps(work)).toEqual([]);
      }
    }
    // Not interrupted, the same script writes the whole output.
    const whole = spawnSync(process.execPath, ['slow.mjs'], { cwd: work, encoding: 'utf8' });
    expect(whole.stdout).toBe('finished\n');
    expect(readFileSync(join(work, 'out.txt'), 'utf8')).toBe(('x'.repeat(20_000) + '\n').repeat(200));
    expect(temps(work)).toEqual([]);
  });

  it('render -o: the old output or the whole new one, at every step and signal; no temporary file unless SIGKILL left it', () => {
    const work = join(dir, 'render');
    mkdirSync(work);
    writeFileSync(join(work, 'report.yaml'), BASE_YAML);
    const full = cli(['render', join(work, 'report.yaml'), '--format', 'html']);
    expect(full.code).toBe(0);
    expect(full.stdout.length).toBeGreaterThan(1000);
    const seen = new Set<string>();
    for (const step of STEPS) {
      for (const signal of SIGNALS) {
        const at = `${signal} at ${step}`;
        writeFileSync(join(work, 'out.html'), 'OLD OUTPUT\n');
        const r = killedAt([BIN, 'render', 'report.yaml', '--format', 'html', '-o', 'out.html'], work, step, 1, signal);
        const now = readFileSync(join(work, 'out.html'), 'utf8');
        expect(r.stderr, at).not.toMatch(/\n\s+at /);
        if (signal === 'SIGKILL') {
          expect(r.signal, at).toBe('SIGKILL');
          // Nothing runs after SIGKILL: before the rename the old output stays, and the temporary file with it.
          expect(now, at).toBe(step === 'renamed' ? full.stdout : 'OLD OUTPUT\n');
          expect(temps(work).length, at).toBe(step === 'renamed' ? 0 : 1);
          for (const t of temps(work)) rmSync(join(work, t));
        } else {
          // The write is synchronous: the signal is handled after the rename, or the process has ended first.
          expect([signal, null], at).toContain(r.signal);
          expect(now, at).toBe(full.stdout);
          expect(temps(work), at).toEqual([]);
        }
        seen.add(now === 'OLD OUTPUT\n' ? 'old' : 'new');
      }
    }
    expect([...seen].sort()).toEqual(['new', 'old']);
  });

  it('render --out-dir: a batch interrupted during its N-th page holds whole pages only, the first N (N-1 and a temporary file after SIGKILL before the rename)', () => {
    const work = join(dir, 'batch');
    mkdirSync(join(work, 'in'), { recursive: true });
    for (let i = 0; i < 60; i++) writeFileSync(join(work, 'in', `r${i}.yaml`), BASE_YAML);
    // The batch's order: each folder's files sorted by name.
    const order = readdirSync(join(work, 'in')).sort().map((f) => f.replace(/\.yaml$/, '.html'));
    const page = cli(['render', join(work, 'in', 'r0.yaml'), '--format', 'html']).stdout;
    const counts = new Set<number>();
    for (const n of [1, 3]) {
      for (const step of STEPS) {
        for (const signal of SIGNALS) {
          const at = `${signal} at ${step} of page ${n}`;
          const out = join(work, `out-${n}-${step}-${signal}`);
          const r = killedAt([BIN, 'render', 'in', '--out-dir', out, '--format', 'html'], work, step, n, signal);
          expect(r.signal, at).toBe(signal);
          expect(r.stderr, at).not.toMatch(/\n\s+at /);
          const names = existsSync(out) ? readdirSync(out) : [];
          const pages = names.filter((f) => !f.endsWith('.tmp')).sort();
          const whole = signal === 'SIGKILL' && step !== 'renamed' ? n - 1 : n;
          expect(pages, at).toEqual(order.slice(0, whole).sort());
          for (const f of pages) expect(readFileSync(join(out, f), 'utf8'), `${at}: ${f}`).toBe(page);
          expect(temps(out).length, at).toBe(n - whole);
          counts.add(pages.length);
        }
      }
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
