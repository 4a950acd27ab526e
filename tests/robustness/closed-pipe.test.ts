// A reader that goes away early (`report validate DIR -f json | head -c 100`):
// the command ends quietly with the exit code it would have had, no stack trace.
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers/cli.js';

const BIN = join(ROOT, 'bin', 'report.js');

/** Runs the bin; reads `keep` bytes of its standard output, then closes the pipe. */
function run(args: string[], keep: number): Promise<{ code: number | null; stderr: string; read: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    let read = 0;
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.on('data', (d: Buffer) => {
      read += d.length;
      if (read >= keep) child.stdout.destroy();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr, read }));
  });
}

describe('standard output closed early', () => {
  it('ends with the exit code of a full run, and no stack trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xxgk-pipe-'));
    try {
      // Output far past a pipe's 64 KB buffer, so the writes after the close do fail.
      for (let i = 0; i < 1500; i++) copyFileSync(join(ROOT, 'tests/fixtures/invalid/date-late/report.yaml'), join(dir, `r${i}.yaml`));
      const full = await run(['validate', dir, '-f', 'json'], Infinity);
      expect(full.read).toBeGreaterThan(256 * 1024);
      const cut = await run(['validate', dir, '-f', 'json'], 100);
      expect(cut.stderr).not.toMatch(/EPIPE|Unhandled|at .*\.js:\d+/);
      expect(cut.code).toBe(full.code);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // /dev/full fails every write with ENOSPC, as a full disk does under `> file`.
  it.runIf(existsSync('/dev/full'))('any other failed write is told, and exits 2: the output is not whole', () => {
    const fd = openSync('/dev/full', 'w');
    try {
      for (const [lang, words] of [['zh', '无法写入标准输出（ENOSPC），输出不完整'], ['en', 'Cannot write to standard output (ENOSPC); the output is incomplete']] as const) {
        const r = spawnSync(process.execPath, [BIN, 'validate', join(ROOT, 'examples'), '--lang', lang], { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
        expect(r.status).toBe(2);
        expect(r.stderr).toContain(words);
      }
    } finally {
      closeSync(fd);
    }
  });
});
