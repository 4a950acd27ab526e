// The bench must keep working: run its smoke mode (few files, one run, no
// budgets asserted) against the built CLI and check the table it prints.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

describe('npm run bench -- --smoke', () => {
  it('runs every part and prints the ratio table and the budgets', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'bench', 'run.mjs'), '--smoke'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    for (const row of ['cold: node -e 0', 'cold: report validate', 'cold: ajv-cli validate', 'batch: parse floor', 'batch: report validate', 'batch: ajv-cli validate', 'batch: report validate peak RSS']) {
      expect(r.stdout).toMatch(new RegExp(`^\\| ${row}[^|]*\\| [0-9.]+ (ms|s|MB) \\|`, 'm'));
    }
    for (const budget of ['cold start ≤ 2× node -e 0', 'batch throughput ≥ 1.5× ajv-cli', 'batch time ≤ 1.5× parse floor', 'batch peak RSS < 200 MB']) {
      expect(r.stdout).toContain(`| ${budget} |`);
    }
    // Render in one call of the CLI (not the library loop the bench falls back to without one).
    expect(r.stdout).toMatch(/^\| render: report render FILES --out-dir \(one call\) \| [0-9.]+ (ms|s) \|/m);
    // The render is timed, with no budget of its own.
    expect(r.stdout).not.toMatch(/\| render of \d+ ≤/);
    expect(r.stdout).toContain('not asserted');
    expect(r.stdout).not.toMatch(/\| (PASS|FAIL) \|/);
  }, 150_000);
});
