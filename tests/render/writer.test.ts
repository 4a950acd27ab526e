// The background writer of one-thread render batches: each page written whole
// by the second thread, a failure returned (not thrown) for its own page.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startWriter } from '../../src/batch/writer.js';
import { closeWrites } from '../../src/batch/write-output.js';

const dir = mkdtempSync(join(tmpdir(), 'xxgk-writer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('startWriter', () => {
  it('writes pages on its own thread, makes folders, and answers each write with its failure or undefined', async () => {
    // npm test builds first, so the bundled thread entry exists and is used.
    const w = startWriter('en');
    expect(w).toBeDefined();
    const input = join(dir, 'in.yaml');
    writeFileSync(input, 'x: 1\n');
    mkdirSync(join(dir, 'out', 'taken.html'), { recursive: true });
    const results = await Promise.all([
      w!.write(join(dir, 'out', 'a', 'one.html'), '<p>一</p>', input),
      w!.write(join(dir, 'out', 'taken.html'), '<p>二</p>', input),
      w!.write(input, 'overwrites the input', input),
      w!.write(join(dir, 'out', 'a', 'three.html'), '<p>三</p>'.repeat(10_000), input),
    ]);
    await w!.close();
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

  it('after closeWrites (Ctrl-C) no page is begun: a file the clean-up has passed cannot appear', async () => {
    const w = startWriter('en')!;
    const input = join(dir, 'in2.yaml');
    writeFileSync(input, 'x: 1\n');
    const out = join(dir, 'gated');
    const big = '<p>页</p>'.repeat(200_000);
    // Many large pages queued: the thread is writing when the gate closes.
    const writes = Array.from({ length: 40 }, (_, i) => w.write(join(out, `p${i}.html`), big, input));
    await writes[0];
    closeWrites();
    // What the Ctrl-C handler sees now is all there will be: whole pages, nothing half-way.
    const seen = readdirSync(out).sort();
    expect(seen.every((n) => /^p\d+\.html$/.test(n)), seen.join(' ')).toBe(true);
    const results = await Promise.all(writes);
    await w.close();
    expect(readdirSync(out).sort()).toEqual(seen);
    for (const n of seen) expect(readFileSync(join(out, n), 'utf8').length, n).toBe(big.length);
    // The pages asked for after the gate closed are refused, in their own words.
    const refused = results.filter((r) => r !== undefined);
    expect(refused.length).toBe(40 - seen.length);
    expect(refused.every((r) => / interrupted$/.test(r!))).toBe(true);
  });
});
