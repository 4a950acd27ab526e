// The real command in-process (argv to exit code), with its output captured.
import { run } from '../../src/cli.js';

export async function inProcess(args: string[], cwd: string, env: Record<string, string | undefined> = {}) {
  let stdout = '', stderr = '';
  const code = await run(args, {
    stdout: (s) => { stdout += s; }, stderr: (s) => { stderr += s; },
    readStdin: async () => new Uint8Array(), cwd, env, stdoutIsTTY: false, stderrIsTTY: false,
  });
  return { code, stdout, stderr };
}
