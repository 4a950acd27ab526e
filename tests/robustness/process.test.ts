// Hostile input against the real built bin, in a child process: time and
// peak memory (maxRSS) are measured, and files that cannot be read (a pipe, a
// file without read permission, a 1 GB file, endless standard input) end in a
// one-line message and exit 2, or a finding and exit 1, never a hang.
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, closeSync, mkdirSync, mkdtempSync, openSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, cli } from '../helpers/cli.js';
import { CASES } from './cases.js';
import { makeZip } from './zip.js';
import { measure, type Measured } from './measure.js';

const isRoot = process.getuid?.() === 0;
const hasSetpriv = spawnSync('setpriv', ['--version']).status === 0;

let dir: string;
let baseline: Measured;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'xxgk-proc-'));
  for (const c of CASES) if (!c.file.endsWith('/') && c.name !== 'a missing file') writeFileSync(join(dir, c.file), c.bytes());
  writeFileSync(join(dir, 'good.yaml'), CASES.find((c) => c.name === 'UTF-8')!.bytes().toString().replace('phone: 037767282399', 'phone: "037767282399"'));
  baseline = await measure(['validate', 'good.yaml'], { cwd: dir });
  expect(baseline.code).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('bounded time and memory (child process, peak RSS)', () => {
  it('refuses the billion laughs at once, in no more memory than a normal report needs', async () => {
    const r = await measure(['validate', 'bomb.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('2:8');
    expect(r.stdout).toContain('PARSE-ALIAS');
    expect(r.ms).toBeLessThan(1000);
    expect(r.maxRssMb).toBeLessThan(baseline.maxRssMb + 30);
  });

  it('refuses 100,000 nested brackets (YAML and JSON) without a stack overflow', async () => {
    for (const file of ['deep.yaml', 'deep-bad.yaml', 'deep-closed.json', 'deep-block.yaml']) {
      const r = await measure(['validate', file], { cwd: dir });
      expect(r.code, file).toBe(1);
      expect(r.stdout, file).toContain('PARSE-TOO-DEEP');
      expect(r.stderr, file).toBe('');
      expect(r.ms, file).toBeLessThan(1500);
      expect(r.maxRssMb, file).toBeLessThan(baseline.maxRssMb + 60);
    }
  });

  it('refuses a 1 GB file from its size, without reading it', async () => {
    const big = join(dir, 'huge.yaml');
    writeFileSync(big, 'format: "2021"\n');
    truncateSync(big, 1024 ** 3); // sparse: costs no disk
    const r = await measure(['validate', 'huge.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('文件大小 1073741824 字节，超过上限 5242880 字节（一份报告只有几 KB）');
    expect(r.stdout).toContain('PARSE-TOO-LARGE');
    expect(r.ms).toBeLessThan(1000);
    expect(r.maxRssMb).toBeLessThan(baseline.maxRssMb + 30);
  });

  it('refuses a .docx zip bomb (80 MB of zeros in 80 KB, honest and lying sizes) quickly and in bounded memory', async () => {
    const doc = '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>';
    writeFileSync(join(dir, 'bomb.docx'), makeZip([{ name: '[Content_Types].xml', data: Buffer.from('<Types/>') }, { name: 'word/document.xml', zeros: 80 * 1024 * 1024 }]));
    writeFileSync(join(dir, 'lying.docx'), makeZip([{ name: 'word/document.xml', zeros: 80 * 1024 * 1024, lieSize: 1000 }, { name: 'word/styles.xml', data: Buffer.from(doc) }]));
    for (const file of ['bomb.docx', 'lying.docx']) {
      const r = await measure(['import', file], { cwd: dir });
      expect(r.code, file).toBe(2);
      expect(r.stderr.trim(), file).toBe(`report: ${file} 中的 word/document.xml 解压后超过 16 MB（一份年度报告只有几 MB），可能是压缩炸弹；未读取，未写出文件`);
      expect(r.ms, file).toBeLessThan(3000);
      expect(r.maxRssMb, file).toBeLessThan(baseline.maxRssMb + 150);
    }
  });

  it('stops reading endless standard input at the size cap', async () => {
    const zero = openSync('/dev/zero', 'r');
    try {
      const r = await measure(['validate', '-'], { cwd: dir, stdin: zero });
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('文件大小超过上限 5242880 字节（一份报告只有几 KB）  PARSE-TOO-LARGE');
      expect(r.maxRssMb).toBeLessThan(baseline.maxRssMb + 90);
    } finally {
      closeSync(zero);
    }
  });
});

describe('files that cannot be read: exit 2, one line, no stack trace', () => {
  const oneLine = (r: { stderr: string }, text: string) => {
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(text);
    expect(r.stderr).not.toMatch(/\n\s+at |Error:/);
  };

  it('a missing file', () => {
    const r = cli(['validate', join(dir, 'nope.yaml')]);
    expect(r.code).toBe(2);
    oneLine(r, `report: 找不到文件：${join(dir, 'nope.yaml')}`);
    oneLine(cli(['validate', '--lang', 'en', join(dir, 'nope.yaml')]), 'File not found: ');
  });

  it('a folder given to render or import as its file', () => {
    mkdirSync(join(dir, 'folder.yaml'), { recursive: true });
    for (const cmd of ['render', 'import']) {
      const r = cli([cmd, join(dir, 'folder.yaml')]);
      expect(r.code, cmd).toBe(2);
      oneLine(r, `report: 这是一个文件夹，不是文件：${join(dir, 'folder.yaml')}`);
    }
    oneLine(cli(['--lang', 'en', 'render', join(dir, 'folder.yaml')]), 'Is a folder, not a file: ');
  });

  it('a path through a file', () => {
    const r = cli(['validate', join(dir, 'good.yaml', 'x.yaml')]);
    expect(r.code).toBe(2);
    oneLine(r, '找不到文件');
  });

  it('a named pipe with no writer (would block for ever if opened)', async () => {
    const fifo = join(dir, 'pipe.yaml');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const r = await measure(['validate', 'pipe.yaml'], { cwd: dir, timeout: 5000 });
    expect(r.code).toBe(2);
    oneLine(r, 'report: 不是普通文件（可能是管道或设备）：pipe.yaml；要从管道读取请用 -（标准输入）');
  });

  it('a device', () => {
    const r = cli(['validate', '--lang', 'en', '/dev/zero']);
    expect(r.code).toBe(2);
    oneLine(r, 'Not a regular file (a pipe or a device?): /dev/zero');
  });

  // Root reads any file whatever its mode: as root, the bin runs as nobody through setpriv.
  it.runIf(!isRoot || hasSetpriv)('a file without read permission', () => {
    const locked = join(dir, 'locked', 'report.yaml');
    mkdirSync(join(dir, 'locked'));
    writeFileSync(locked, 'format: "2021"\n');
    chmodSync(locked, 0o000);
    chmodSync(dir, 0o755);
    const asUser = (args: string[]) => {
      if (!isRoot) return cli(args);
      const r = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, join(ROOT, 'bin', 'report.js'), ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, cwd: '/' });
      return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
    };
    const r = asUser(['validate', locked]);
    expect(r.code).toBe(2);
    oneLine(r, `report: 无法读取 ${locked}：没有读取权限`);
    const en = asUser(['validate', '--lang', 'en', locked]);
    oneLine(en, `Cannot read ${locked}: permission denied`);
  });

  it('random bytes, spawned: a finding, never a crash', () => {
    for (let seed = 1; seed <= 3; seed++) {
      let x = seed * 2654435761;
      const bytes = Buffer.alloc(2000, 0).map(() => ((x = (x * 1103515245 + 12345) >>> 0) >>> 16) & 0xff);
      const f = join(dir, `random-${seed}.yaml`);
      writeFileSync(f, bytes);
      const r = cli(['validate', f]);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe('');
      expect(r.stdout).toMatch(/PARSE-(BINARY|SYNTAX)/);
    }
  });
});
