// Shared by the render tests: the examples, loaded once, and golden files.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { loadReport } from '../../src/load/load.js';
import { ROOT } from '../helpers/cli.js';

export const FIXTURES = join(ROOT, 'tests', 'fixtures', 'render');
export const OUT = join(ROOT, 'test-output', 'render');

/** Every example shipped with the project, and the hostile fixture. */
export const EXAMPLES = ['examples/shizhi-2023.yaml', 'examples/hanyang-2022.yaml', 'examples/hanyang-2022.json', 'tests/fixtures/render/hostile.json'] as const;

export function load(path: string): unknown {
  const r = loadReport(readFileSync(join(ROOT, path)), { filename: path });
  if (r.data === undefined) throw new Error(`${path} did not load`);
  return r.data;
}

/** Compares with a golden file; UPDATE_GOLDEN=1 rewrites it (review the diff). */
export function golden(name: string, actual: string): void {
  const file = join(FIXTURES, 'golden', name);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
    if (process.env.UPDATE_GOLDEN !== '1' && process.env.CI) throw new Error(`golden file missing: ${file}`);
    mkdirSync(join(FIXTURES, 'golden'), { recursive: true });
    writeFileSync(file, actual);
  }
  expect(actual, `${name} differs from its golden file (UPDATE_GOLDEN=1 to accept)`).toBe(readFileSync(file, 'utf8'));
}

export function outDir(): string {
  mkdirSync(OUT, { recursive: true });
  return OUT;
}
