// `report validate FILE…` without options skips commander (start-up time):
// it must hand the command exactly what commander would, and behave the same.
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { CliIO } from '../../src/cli/io.js';

const calls: unknown[][] = [];
vi.mock('../../src/commands/validate.js', () => ({
  validateCommand: async (files: string[], flags: unknown, g: unknown) => {
    calls.push([files, flags, g]);
    return 0;
  },
}));

const { run, PLAIN_VALIDATE_FLAGS } = await import('../../src/cli.js');

const io = (env: Record<string, string> = {}): CliIO => ({
  stdout: () => undefined, stderr: () => undefined, readStdin: async () => new Uint8Array(0),
  cwd: join(import.meta.dirname, '..', '..'), env, stdoutIsTTY: false, stderrIsTTY: false,
});

describe('the plain validate fast path', () => {
  it('passes the same files, flags and globals as commander does', async () => {
    calls.length = 0;
    for (const env of [{}, { NO_COLOR: '1' }, { FORCE_COLOR: '1' }] as Record<string, string>[]) {
      // Fast path, then commander (a global option that changes nothing forces it).
      await run(['validate', 'a.yaml', '-', 'dir'], io(env));
      await run(['--lang', 'zh', 'validate', 'a.yaml', '-', 'dir'], io(env));
    }
    expect(calls).toHaveLength(6);
    for (let i = 0; i < calls.length; i += 2) expect(calls[i]).toEqual(calls[i + 1]);
    expect(calls[0]![1]).toEqual(PLAIN_VALIDATE_FLAGS);
    expect(calls[0]![0]).toEqual(['a.yaml', '-', 'dir']);
  });

  it('leaves anything with an option, or no file, to commander', async () => {
    calls.length = 0;
    let err = '';
    const e = { ...io(), stderr: (s: string) => void (err += s) };
    expect(await run(['validate'], e)).toBe(2);
    expect(err).toMatch(/files/);
    await run(['validate', '--quiet', 'a.yaml'], io());
    expect(calls[0]![1]).toMatchObject({ quiet: true, progress: true });
  });
});
