// The one YAML writer (src/model/to-yaml.ts): init's blank report byte for byte
// as the string-built writer wrote it before (tests/model/golden), and the
// layout parts each command relies on.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { blankReport } from '../../src/commands/init.js';
import { KEY_LABELS, writeYaml } from '../../src/model/to-yaml.js';
import { REQUEST_LEAVES } from '../../src/model/edition2021.js';

const golden = (name: string) => readFileSync(join(import.meta.dirname, 'golden', name), 'utf8');

describe('the YAML writer', () => {
  it('writes init\'s blank report exactly as before, quotes and all', () => {
    expect(blankReport({ agency: '测试局', year: 2023 })).toBe(golden('blank-2023.yaml'));
    expect(blankReport({ agency: 'A: "b" #c', year: 2023 })).toBe(golden('blank-odd-agency.yaml'));
    expect(parse(golden('blank-odd-agency.yaml')).agency).toBe('A: "b" #c');
  });

  it('puts the header, comment lines (a blank one kept blank), blank lines, rows on one line and blocks where the layout says', () => {
    const text = writeYaml({ a: 'x', b: { r: { n: 1, m: 2 }, s: {} }, c: 'two\nlines\n', d: 'q' }, {
      header: ['first', 'second'],
      schema: './s.json',
      comment: (p) => (p === 'b' ? ['one', '', 'two'] : p === 'b/r' ? ['row'] : undefined),
      blankBefore: (p) => p === 'c',
      text: (p) => (p === 'c' ? 'block' : p === 'd' ? 'quoted' : undefined),
      jsonQuotes: true,
    });
    expect(text).toBe([
      '# yaml-language-server: $schema=./s.json', '# first', '# second', '',
      'a: x', '# one', '', '# two', 'b:', '  # row', '  r: {n: 1, m: 2}', '  s: {}', '', 'c: |', '  two', '  lines', 'd: "q"', '',
    ].join('\n'));
  });

  it('has a label for every row of table 三', () => {
    for (const leaf of REQUEST_LEAVES) expect(KEY_LABELS.get(leaf.pointer.slice(1))).toBe(leaf.def.label.zh);
  });
});
