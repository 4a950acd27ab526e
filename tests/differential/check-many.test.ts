// checkMany on worker threads must give exactly what it gives on one thread:
// same results, same order, errors in place, data on demand.
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkMany, workerScript, type ManyResult } from '../../src/batch/check-many.js';
import type { CliIO } from '../../src/cli/io.js';
// @ts-expect-error: a plain .mjs module without types
import { makeReport, mulberry32 } from '../../bench/generate.mjs';

const dir = mkdtempSync(join(tmpdir(), 'xxgk-many-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const rnd = mulberry32(11);
const files: string[] = [];
for (let i = 0; i < 150; i++) {
  const name = `r${i}.yaml`;
  writeFileSync(join(dir, name), (makeReport(rnd, i) as { text: string }).text);
  files.push(name);
}
writeFileSync(join(dir, 'h.json'), JSON.stringify({ format: '2021', agency: 'x' }));
mkdirSync(join(dir, 'folder.yaml'));
// A missing file, a folder and a JSON file among the others.
files.splice(7, 0, 'missing.yaml');
files.splice(60, 0, 'folder.yaml');
files.splice(100, 0, 'h.json');

const io: CliIO = {
  stdout: () => undefined, stderr: () => undefined, readStdin: async () => new Uint8Array(0),
  cwd: dir, env: {}, stdoutIsTTY: false, stderrIsTTY: false,
};
const today = new Date('2025-06-01T00:00:00Z');

async function all(workers: number): Promise<ManyResult[]> {
  const out: ManyResult[] = [];
  for await (const r of checkMany(files, io, { lang: 'en', today, workers })) out.push(r);
  return out;
}

describe('checkMany', () => {
  it('gives the same results in the same order on worker threads as on one thread', async () => {
    // The built worker entry exists (npm test builds first), so threads really run.
    expect(workerScript()?.href).toMatch(/dist\/batch-worker\.js$/);
    const one = await all(0);
    const two = await all(2);
    expect(two.map((r) => r.file)).toEqual(files);
    const strip = (r: ManyResult) => ({ file: r.file, error: r.error, findings: r.findings });
    expect(two.map(strip)).toEqual(one.map(strip));
    expect(one.filter((r) => r.error !== undefined).map((r) => r.file)).toEqual(['missing.yaml', 'folder.yaml']);
    expect(one.some((r) => r.findings?.some((f) => f.severity === 'error'))).toBe(true);
    // Data is read again on demand for the callers that need it.
    for (const i of [0, 5, 100, 120]) {
      const a = one[i]!, b = two[i]!;
      if (a.error === undefined && b.error === undefined) expect(b.data).toEqual(a.data);
    }
  }, 120_000);

  it('stops cleanly when the consumer stops early', async () => {
    const seen: string[] = [];
    for await (const r of checkMany(files, io, { lang: 'zh', today, workers: 2 })) {
      seen.push(r.file);
      if (seen.length === 20) break;
    }
    expect(seen).toEqual(files.slice(0, 20));
  }, 60_000);
});
