// Issue 15, items 7-11: no file harmed by an output. A device or FIFO is
// written into, never replaced; a symlink's target is written (the link
// stays), hard links and the mode are kept, a read-only file is refused;
// two --fix runs on one file lose nothing, and what a kill -9 left is
// cleaned; render --out-dir writes over no input; aggregate writes all its
// outputs or none. Races and kills are driven (XXGK_TEST_KILL_AT), never timed.
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, closeSync, constants, existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, readSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, cli } from '../helpers/cli.js';
import { BASE_YAML, plant } from './cases.js';

let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'xxgk-harm-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const fresh = (name: string) => {
  const d = join(dir, name);
  mkdirSync(d, { recursive: true });
  writeFileSync(join(d, 'r.yaml'), BASE_YAML);
  return d;
};

const ROW = 'carriedOver: {naturalPerson: 0, commercial: 0, research: 0, socialWelfare: 0, legalService: 0, otherOrg: 0, total: 0}';
const REVIEW = 'review: {upheld: 0, corrected: 0, other: 0, pending: 0, total: 0}';
/** Two wrong totals: table 三's carried-over row (T3-ROW-TOTAL) and table 四's review row (T4-TOTAL). */
const TWO_WRONG = plant(REVIEW, REVIEW.replace('total: 0', 'total: 7'), plant(ROW, ROW.replace('total: 0', 'total: 5')));
const fixedRow = (text: string) => text.includes(ROW);
const fixedReview = (text: string) => text.includes(REVIEW);
/** Our own leftovers: temporary files and --fix locks. */
const leftovers = (d: string) => readdirSync(d).filter((f) => f.endsWith('.tmp') || f.endsWith('.xxgk-lock'));

describe('item 7: -o onto a device or FIFO writes into it', () => {
  const md = () => cli(['render', 'r.yaml'], { cwd: join(dir, 'dev') }).stdout;

  it('a FIFO with a reader gets the whole page and stays a FIFO', () => {
    const d = fresh('dev');
    expect(spawnSync('mkfifo', [join(d, 'pipe')]).status).toBe(0);
    const page = md();
    expect(page.length).toBeGreaterThan(1000);
    expect(page.length).toBeLessThan(60_000); // fits the pipe's buffer: the writer never waits for the test to read
    // The reader: opened before the writer runs (non-blocking, so no writer is needed to open it).
    const fd = openSync(join(d, 'pipe'), constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const r = cli(['render', 'r.yaml', '-o', 'pipe'], { cwd: d });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const buf = Buffer.alloc(Buffer.byteLength(page) + 10);
      let got = 0;
      for (let n; got < buf.length && (n = readSync(fd, buf, got, buf.length - got, null)) > 0;) got += n;
      expect(buf.subarray(0, got).toString('utf8')).toBe(page);
    } finally {
      closeSync(fd);
    }
    expect(lstatSync(join(d, 'pipe')).isFIFO()).toBe(true);
    expect(leftovers(d)).toEqual([]);
  });

  it('a FIFO with no reader: exit 2 at once, the FIFO kept', () => {
    const d = join(dir, 'dev');
    const r = cli(['render', 'r.yaml', '-o', 'pipe'], { cwd: d });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^report: 无法写入 .*pipe：管道没有读取方（ENXIO）\n$/);
    expect(lstatSync(join(d, 'pipe')).isFIFO()).toBe(true);
    expect(leftovers(d)).toEqual([]);
  });

  it('a symlink to /dev/null or /dev/full: the link stays, the device is written (ENOSPC told)', () => {
    const d = join(dir, 'dev');
    symlinkSync('/dev/null', join(d, 'null'));
    symlinkSync('/dev/full', join(d, 'full'));
    const ok = cli(['render', 'r.yaml', '-o', 'null'], { cwd: d });
    expect(ok.code).toBe(0);
    expect(ok.stderr).toBe('');
    const full = cli(['render', 'r.yaml', '-o', 'full'], { cwd: d });
    expect(full.code).toBe(2);
    expect(full.stderr).toContain('ENOSPC');
    for (const l of ['null', 'full']) expect(lstatSync(join(d, l)).isSymbolicLink()).toBe(true);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    expect(leftovers(d)).toEqual([]);
  });

  it('-o /dev/stdout (a link to a pipe) prints the page', () => {
    const d = join(dir, 'dev');
    const r = cli(['render', 'r.yaml', '-o', '/dev/stdout'], { cwd: d });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(md());
    expect(lstatSync('/dev/stdout').isSymbolicLink()).toBe(true);
  });
});

describe('item 8: --fix keeps the file: symlink target, hard links, mode; refuses read-only', () => {
  it('through a symlink: the real file is fixed and the link stays a link', () => {
    const d = fresh('link');
    writeFileSync(join(d, 'real.yaml'), TWO_WRONG);
    symlinkSync('real.yaml', join(d, 'alias.yaml'));
    const r = cli(['validate', 'alias.yaml', '--fix'], { cwd: d });
    expect(r.stdout).toContain('已修正 1 个文件中的 2 个总计');
    expect(lstatSync(join(d, 'alias.yaml')).isSymbolicLink()).toBe(true);
    const text = readFileSync(join(d, 'real.yaml'), 'utf8');
    expect(fixedRow(text) && fixedReview(text)).toBe(true);
    expect(leftovers(d)).toEqual([]);
  });

  it('a hard-linked file: every name holds the fix, one inode', () => {
    const d = fresh('hard');
    writeFileSync(join(d, 'a.yaml'), TWO_WRONG);
    linkSync(join(d, 'a.yaml'), join(d, 'b.yaml'));
    const ino = statSync(join(d, 'a.yaml')).ino;
    expect(cli(['validate', 'a.yaml', '--fix'], { cwd: d }).code).toBe(0);
    expect(statSync(join(d, 'a.yaml')).ino).toBe(ino);
    expect(statSync(join(d, 'b.yaml')).nlink).toBe(2);
    expect(readFileSync(join(d, 'b.yaml'), 'utf8')).toBe(readFileSync(join(d, 'a.yaml'), 'utf8'));
    expect(fixedRow(readFileSync(join(d, 'b.yaml'), 'utf8'))).toBe(true);
    expect(leftovers(d)).toEqual([]);
  });

  it('a 600 report stays 600 (and a 640 one 640)', () => {
    const d = fresh('mode');
    for (const [name, mode] of [['p.yaml', 0o600], ['g.yaml', 0o640]] as const) {
      writeFileSync(join(d, name), TWO_WRONG);
      chmodSync(join(d, name), mode);
      expect(cli(['validate', name, '--fix'], { cwd: d }).code).toBe(0);
      expect(statSync(join(d, name)).mode & 0o777).toBe(mode);
      expect(fixedRow(readFileSync(join(d, name), 'utf8'))).toBe(true);
    }
  });

  it('a read-only (444) report is not rewritten, and says so', () => {
    const d = fresh('ro');
    writeFileSync(join(d, 'ro.yaml'), TWO_WRONG);
    chmodSync(join(d, 'ro.yaml'), 0o444);
    const r = cli(['validate', 'ro.yaml', '--fix'], { cwd: d });
    expect(r.stderr).toContain('report: ro.yaml：文件是只读的，未自动修正');
    expect(r.code).toBe(1); // its errors are still reported
    expect(readFileSync(join(d, 'ro.yaml'), 'utf8')).toBe(TWO_WRONG);
    expect(statSync(join(d, 'ro.yaml')).mode & 0o777).toBe(0o444);
    expect(cli(['validate', 'ro.yaml', '--fix', '--lang', 'en'], { cwd: d }).stderr).toContain('ro.yaml: the file is read-only; not fixed');
  });
});

/** A child we can watch: its exit, and its stderr as it comes. */
function start(args: string[], cwd: string, env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', ...env } });
  let stderr = '';
  let stdout = '';
  const waiters: { text: string; resolve: () => void }[] = [];
  child.stdout.on('data', (b: Buffer) => { stdout += b.toString(); });
  child.stderr.on('data', (b: Buffer) => {
    stderr += b.toString();
    for (const w of waiters.splice(0)) if (stderr.includes(w.text)) w.resolve(); else waiters.push(w);
  });
  const exited = new Promise<number | null>((res) => child.on('close', (code) => res(code)));
  return {
    child, exited,
    get stderr() { return stderr; },
    get stdout() { return stdout; },
    heard: (text: string) => new Promise<void>((res) => (stderr.includes(text) ? res() : waiters.push({ text, resolve: res }))),
  };
}

/** Waits until the process is stopped (state T in /proc): a state, not a time. */
async function stopped(pid: number): Promise<void> {
  for (let i = 0; i < 1_000_000; i++) {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    if (/^\d+ \(.*\) T /.test(stat)) return;
    await new Promise((r) => setImmediate(r));
  }
  throw new Error('never stopped');
}

describe('item 9: concurrent --fix runs lose nothing; kill -9 leftovers are cleaned', () => {
  it('run B waits for run A (stopped while holding the lock), then fixes A\'s output: both fixes kept', async () => {
    const d = fresh('race');
    writeFileSync(join(d, 'r.yaml'), TWO_WRONG);
    // A fixes table 三 only and stops itself right after taking the lock.
    const a = start(['validate', 'r.yaml', '--fix', '--rule', 'T4-TOTAL=off'], d, { XXGK_TEST_KILL_AT: 'locked:1:SIGSTOP' });
    await stopped(a.child.pid!);
    // B fixes table 四 only: it read the old text, finds the lock held, and says it waits.
    const b = start(['validate', 'r.yaml', '--fix', '--rule', 'T3-ROW-TOTAL=off'], d);
    await b.heard('正在修正此文件，等待其完成');
    expect(b.stderr).toContain(`另一个 report 进程（pid ${a.child.pid}）`);
    a.child.kill('SIGCONT');
    expect(await a.exited).toBe(0);
    expect(await b.exited).toBe(0);
    expect(a.stdout).toContain('二、上年结转政府信息公开申请数量 · 总计：5 → 0');
    expect(b.stdout).toContain('总计：7 → 0');
    const text = readFileSync(join(d, 'r.yaml'), 'utf8');
    expect(fixedRow(text)).toBe(true);
    expect(fixedReview(text)).toBe(true);
    expect(leftovers(d)).toEqual([]);
  });

  it('a --fix killed with SIGKILL mid-write leaves a temporary file and its lock; the next run removes both and fixes', () => {
    const d = fresh('kill9');
    writeFileSync(join(d, 'r.yaml'), TWO_WRONG);
    const k = spawnSync(process.execPath, [BIN, 'validate', 'r.yaml', '--fix'], { cwd: d, env: { ...process.env, XXGK_TEST_KILL_AT: 'write:1:SIGKILL' } });
    expect(k.signal).toBe('SIGKILL');
    expect(leftovers(d).sort()).toEqual([expect.stringMatching(/^\.r\.yaml\.\d+\.[0-9a-z]+\.tmp$/), '.r.yaml.xxgk-lock']);
    expect(readFileSync(join(d, 'r.yaml'), 'utf8')).toBe(TWO_WRONG);
    // Someone else's file of a like name, and a temporary file of a live process, are left alone.
    writeFileSync(join(d, `.r.yaml.${process.pid}.abc.tmp`), 'alive');
    writeFileSync(join(d, 'notes.tmp'), 'mine');
    const r = cli(['validate', 'r.yaml', '--fix'], { cwd: d });
    expect(r.code).toBe(0);
    expect(fixedRow(readFileSync(join(d, 'r.yaml'), 'utf8'))).toBe(true);
    expect(leftovers(d).sort()).toEqual([`.r.yaml.${process.pid}.abc.tmp`, 'notes.tmp']);
  });

  it('a file changed between the read under the lock and the write is not overwritten', async () => {
    const d = fresh('cas');
    writeFileSync(join(d, 'r.yaml'), TWO_WRONG);
    const a = start(['validate', 'r.yaml', '--fix'], d, { XXGK_TEST_KILL_AT: 'open:1:SIGSTOP' });
    await stopped(a.child.pid!);
    // An editor saves meanwhile (it takes no lock).
    writeFileSync(join(d, 'r.yaml'), TWO_WRONG + '# edited\n');
    a.child.kill('SIGCONT');
    expect(await a.exited).toBe(2);
    expect(a.stderr).toContain('r.yaml 在修正期间被其他程序改动，未写入（请重新运行）');
    expect(readFileSync(join(d, 'r.yaml'), 'utf8')).toBe(TWO_WRONG + '# edited\n');
    expect(leftovers(d)).toEqual([]);
  });
});

describe('item 10: render --out-dir writes over no input', () => {
  it('an input that is one of the outputs: refused before any page is written', () => {
    const d = fresh('outdir');
    mkdirSync(join(d, 'o', 'out'), { recursive: true });
    writeFileSync(join(d, 'o', 'x.yaml'), BASE_YAML);
    writeFileSync(join(d, 'o', 'out', 'x.md'), 'MY NOTES\n');
    const r = cli(['render', 'o/x.yaml', 'o/out/x.md', '--out-dir', 'o/out'], { cwd: d });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('report: o/x.yaml 会生成到 o/out/x.md，而它也是一个输入文件；未生成任何报告（请换一个 --out-dir）\n');
    expect(readFileSync(join(d, 'o', 'out', 'x.md'), 'utf8')).toBe('MY NOTES\n');
    expect(readdirSync(join(d, 'o', 'out'))).toEqual(['x.md']);
  });

  it('the same through a hard link to an input', () => {
    const d = fresh('outdir-link');
    mkdirSync(join(d, 'in'));
    mkdirSync(join(d, 'out'));
    writeFileSync(join(d, 'in', 'x.yaml'), BASE_YAML);
    linkSync(join(d, 'in', 'x.yaml'), join(d, 'out', 'x.md'));
    const r = cli(['render', 'in/x.yaml', '--out-dir', 'out', '--lang', 'en'], { cwd: d });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('in/x.yaml would be rendered to out/x.md, which is also an input');
    expect(readFileSync(join(d, 'out', 'x.md'), 'utf8')).toBe(BASE_YAML);
  });
});

describe('item 11: aggregate writes all its outputs or none', () => {
  it('a breakdown that cannot be written: the roll-up is not written either', () => {
    const d = fresh('agg');
    writeFileSync(join(d, 'b.yaml'), BASE_YAML.replace('agency: 方城县释之街道办事处', 'agency: 另一个单位'));
    const r = cli(['aggregate', 'r.yaml', 'b.yaml', '--agency', '某县', '-o', 'sum.yaml', '--breakdown', 'csv', '--breakdown-output', 'missing/b.csv'], { cwd: d });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^report: 无法写入 .*b\.csv：ENOENT\n$/);
    expect(existsSync(join(d, 'sum.yaml'))).toBe(false);
    expect(leftovers(d)).toEqual([]);
    // The same with the roll-up on standard output: nothing printed.
    const s = cli(['aggregate', 'r.yaml', 'b.yaml', '--agency', '某县', '--breakdown', 'csv', '--breakdown-output', 'missing/b.csv'], { cwd: d });
    expect(s.code).toBe(2);
    expect(s.stdout).toBe('');
    // Both writable: both written.
    const ok = cli(['aggregate', 'r.yaml', 'b.yaml', '--agency', '某县', '-o', 'sum.yaml', '--breakdown', 'csv'], { cwd: d });
    expect(ok.code).toBe(0);
    expect(existsSync(join(d, 'sum.yaml')) && existsSync(join(d, 'sum.breakdown.csv'))).toBe(true);
  });
});
