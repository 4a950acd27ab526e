// readInput's error mapping with the file system failing at its boundary: as
// root, permission errors cannot be produced for real (process.test.ts does
// it through setpriv), so here node:fs throws what the kernel would.
import { describe, expect, it, vi, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const failing = new Map<string, string>();
vi.mock('node:fs', async (orig) => {
  const fs = await orig<typeof import('node:fs')>();
  const fail = (p: unknown) => {
    const code = [...failing].find(([name]) => String(p).endsWith(name))?.[1];
    if (code) throw Object.assign(new Error(`${code}: simulated, open '${String(p)}'`), { code });
  };
  return {
    ...fs,
    openSync: (p: Parameters<typeof fs.openSync>[0], ...rest: unknown[]) => { fail(p); return (fs.openSync as (...a: unknown[]) => number)(p, ...rest); },
  };
});

const { readInput } = await import('../../src/cli/read.js');
const { UsageError } = await import('../../src/cli/io.js');

let dir: string;
const io = () => ({ stdout: () => {}, stderr: () => {}, readStdin: async () => new Uint8Array(), cwd: dir, env: {}, stdoutIsTTY: false, stderrIsTTY: false });
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xxgk-read-'));
  for (const f of ['locked.yaml', 'eio.yaml', 'ok.yaml']) writeFileSync(join(dir, f), 'format: "2021"\n');
  mkdirSync(join(dir, 'folder.yaml'));
  failing.set('locked.yaml', 'EACCES').set('eio.yaml', 'EIO');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function refusal(file: string, lang: 'zh' | 'en') {
  try {
    await readInput(file, io(), lang);
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    expect((e as InstanceType<typeof UsageError>).exitCode).toBe(2);
    return (e as Error).message;
  }
  throw new Error(`${file} was read`);
}

describe('readInput refuses with one line', () => {
  it('permission denied', async () => {
    expect(await refusal('locked.yaml', 'zh')).toBe('无法读取 locked.yaml：没有读取权限');
    expect(await refusal('locked.yaml', 'en')).toBe('Cannot read locked.yaml: permission denied');
  });
  it('an I/O error names the file and the cause', async () => {
    expect(await refusal('eio.yaml', 'en')).toMatch(/^Cannot read eio\.yaml: EIO/);
  });
  it('a folder', async () => {
    expect(await refusal('folder.yaml', 'zh')).toBe('这是一个文件夹，不是文件：folder.yaml');
    expect(await refusal('folder.yaml', 'en')).toBe('Is a folder, not a file: folder.yaml');
  });
  it('a missing file', async () => {
    expect(await refusal('missing.yaml', 'zh')).toBe('找不到文件：missing.yaml');
  });
  it('reads a readable file (the stub only fails the named files)', async () => {
    const r = await readInput('ok.yaml', io(), 'zh');
    expect(Buffer.from(r.bytes).toString()).toBe('format: "2021"\n');
    expect(r.size).toBe(15);
  });
});
