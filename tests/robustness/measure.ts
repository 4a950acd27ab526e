// Runs `report …` from the built bundle in a child process that reports its
// own time and peak memory (maxRSS), so a test can bound both.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect } from 'vitest';
import { ROOT } from '../helpers/cli.js';

const DIST_CLI = pathToFileURL(join(ROOT, 'dist', 'cli.js')).href;

export interface Measured { code: number; stdout: string; stderr: string; ms: number; maxRssMb: number }

/** Runs `report …` in a child that reports its own peak memory on fd 3; killed (and rejected) past `timeout` ms. */
export function measure(args: string[], opts: { cwd: string; stdin?: number | 'ignore'; timeout?: number }): Promise<Measured> {
  const script = `import { main } from ${JSON.stringify(DIST_CLI)};
process.argv = [process.argv[0], 'report', ...JSON.parse(process.env.ARGS)];
const t = performance.now();
const code = await main();
const fs = await import('node:fs');
fs.writeSync(3, JSON.stringify({ code, ms: performance.now() - t, maxRss: process.resourceUsage().maxRSS }));
process.exitCode = code;`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      cwd: opts.cwd, env: { ...process.env, NO_COLOR: '1', ARGS: JSON.stringify(args) },
      stdio: [opts.stdin ?? 'ignore', 'pipe', 'pipe', 'pipe'],
    });
    let stdout = '', stderr = '', report = '';
    child.stdout!.on('data', (d) => { stdout += d; });
    child.stderr!.on('data', (d) => { stderr += d; });
    child.stdio[3]!.on('data', (d) => { report += d; });
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`report ${args.join(' ')} took over ${opts.timeout ?? 20000} ms`)); }, opts.timeout ?? 20000);
    child.on('close', (status) => {
      clearTimeout(timer);
      if (!report) return reject(new Error(`no report from the child (exit ${status}): ${stderr}`));
      const r = JSON.parse(report) as { code: number; ms: number; maxRss: number };
      expect(status).toBe(r.code);
      resolve({ code: r.code, stdout, stderr, ms: r.ms, maxRssMb: r.maxRss / 1024 });
    });
  });
}
