// checkMany, the plain loop every batch uses: one result per file, in input
// order, errors in place, each file's findings and data exactly what
// checkSource gives for it alone, and a clean stop when the consumer stops.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkMany, type ManyResult } from '../../src/cli/check-many.js';
import { checkSource } from '../../src/check.js';
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

describe('checkMany', () => {
  it('gives each file what checkSource gives it alone, in input order, with unreadable files in place', async () => {
    const all: ManyResult[] = [];
    for await (const r of checkMany(files, io, { lang: 'en', today })) all.push(r);
    expect(all.map((r) => r.file)).toEqual(files);
    expect(all.filter((r) => r.error !== undefined).map((r) => r.file)).toEqual(['missing.yaml', 'folder.yaml']);
    expect(all.some((r) => r.findings?.some((f) => f.severity === 'error'))).toBe(true);
    for (const r of all) {
      if (r.error !== undefined) continue;
      const alone = checkSource(readFileSync(join(dir, r.file)), { filename: r.file, today });
      expect(r.findings, r.file).toEqual(alone.findings);
      expect(r.data, r.file).toEqual(alone.load.data);
    }
  }, 120_000);

  it('stops cleanly when the consumer stops early', async () => {
    const seen: string[] = [];
    for await (const r of checkMany(files, io, { lang: 'zh', today })) {
      seen.push(r.file);
      if (seen.length === 20) break;
    }
    expect(seen).toEqual(files.slice(0, 20));
  }, 60_000);
});
