// The writer of render batches (writeInBatch): each page written whole, its
// folder made, a failure returned (not thrown) for its own page, and no
// temporary file left behind. (Interrupted writes: tests/robustness/atomic-write.test.ts.)
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeInBatch } from '../../src/cli/write.js';

const dir = mkdtempSync(join(tmpdir(), 'xxgk-writer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeInBatch', () => {
  it('writes pages, makes folders, and answers each write with its failure or undefined', () => {
    const input = join(dir, 'in.yaml');
    writeFileSync(input, 'x: 1\n');
    mkdirSync(join(dir, 'out', 'taken.html'), { recursive: true });
    const results = [
      writeInBatch(join(dir, 'out', 'a', 'one.html'), '<p>一</p>', input, 'en'),
      writeInBatch(join(dir, 'out', 'taken.html'), '<p>二</p>', input, 'en'),
      writeInBatch(input, 'overwrites the input', input, 'en'),
      writeInBatch(join(dir, 'out', 'a', 'three.html'), '<p>三</p>'.repeat(10_000), input, 'en'),
    ];
    expect(results).toEqual([
      undefined,
      `Cannot write ${join(dir, 'out', 'taken.html')}: EISDIR`,
      `Refusing to write over the input file: ${input}`,
      undefined,
    ]);
    expect(readFileSync(join(dir, 'out', 'a', 'one.html'), 'utf8')).toBe('<p>一</p>');
    expect(readFileSync(join(dir, 'out', 'a', 'three.html'), 'utf8')).toBe('<p>三</p>'.repeat(10_000));
    expect(readFileSync(input, 'utf8')).toBe('x: 1\n');
    // No temporary file is left, even where the write failed.
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['a', 'taken.html']);
    expect(readdirSync(join(dir, 'out', 'a')).sort()).toEqual(['one.html', 'three.html']);
  });

  it('a folder that cannot be made is that page\'s failure, in one line', () => {
    const input = join(dir, 'in3.yaml');
    writeFileSync(input, 'x: 1\n');
    writeFileSync(join(dir, 'file'), 'a file, not a folder');
    const target = join(dir, 'file', 'sub', 'p.html');
    expect(writeInBatch(target, '<p/>', input, 'en')).toBe(`${target}: ENOTDIR`);
  });
});
