// Temporary folders with report files, for the tools tests.
import { cpSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ROOT } from '../helpers/cli.js';

export const GOOD = join(ROOT, 'examples', 'hanyang-2022.yaml');
export const GOOD_JSON = join(ROOT, 'examples', 'hanyang-2022.json');
export const BAD_BALANCE = join(ROOT, 'tests', 'fixtures', 'invalid', 't3-balance', 'report.yaml');
export const WARN_ONLY = join(ROOT, 'tests', 'fixtures', 'invalid', 't2-in-force', 'report.yaml');

export function tempDir(prefix = 'xxgk-tools-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Writes files (path → content or source file to copy) under a new temp folder. */
export function tree(files: Record<string, string | { copy: string }>): string {
  const dir = tempDir();
  for (const [rel, content] of Object.entries(files)) {
    const p = join(dir, rel);
    mkdirSync(dirname(p), { recursive: true });
    if (typeof content === 'string') writeFileSync(p, content);
    else cpSync(content.copy, p);
  }
  return dir;
}

export const read = (p: string) => readFileSync(p, 'utf8');
export const remove = (dir: string) => rmSync(dir, { recursive: true, force: true });

/** The good example with one cell changed (by exact text replacement). */
export function variant(source: string, from: string, to: string): string {
  const text = read(source);
  if (!text.includes(from)) throw new Error(`fixture text not found: ${from}`);
  return text.replace(from, to);
}
