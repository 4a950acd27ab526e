// report validate prints file by file (so memory stays flat however many
// files there are): the streamed text must be exactly the text the whole
// result list gives.
import { describe, expect, it } from 'vitest';
import type { LocatedFinding } from '../../src/diagnostics/finding.js';
import { formatMessage } from '../../src/diagnostics/format-message.js';
import { jsonStream } from '../../src/formatters/json.js';
import { githubStream, MAX_ANNOTATIONS } from '../../src/formatters/github.js';
import { stylishStream } from '../../src/formatters/stylish.js';
import type { FileResult } from '../../src/formatters/types.js';

const finding = (file: string, line: number, severity: 'error' | 'warning'): LocatedFinding => ({
  file, ruleId: severity === 'error' ? 'PARSE-SYNTAX' : 'PARSE-ENCODING', severity, pointer: '', line, column: 1, params: severity === 'error' ? { slip: 'noColon', line, column: 1 } : { encoding: `m${line}` }, related: [],
});
const results: FileResult[] = [
  { file: 'a.yaml', findings: [] },
  { file: 'b.yaml', findings: Array.from({ length: 12 }, (_, i) => finding('b.yaml', i + 1, 'warning')) },
  { file: 'c.yaml', findings: [] },
  { file: 'd.yaml', findings: Array.from({ length: 4 }, (_, i) => finding('d.yaml', i + 1, 'error')) },
];
const feed = (s: { file(r: FileResult): string; end(n: number): string }) => results.map((r) => s.file(r)).join('') + s.end(results.length);

describe('streamed formatters', () => {
  it('json: the same text as one JSON.stringify of every finding', () => {
    const all = results.flatMap((r) => r.findings.map((f) => ({ file: f.file, ruleId: f.ruleId, severity: f.severity, message: formatMessage(f, 'zh'), pointer: f.pointer, line: f.line, column: f.column, related: f.related })));
    expect(feed(jsonStream({ lang: 'zh' }))).toBe(JSON.stringify(all, null, 2) + '\n');
    const none = jsonStream({ lang: 'zh' });
    expect(none.file(results[0]!) + none.end(1)).toBe('[]\n');
  });

  it('github: errors first although they come in a later file, at most MAX_ANNOTATIONS, the rest counted', () => {
    const lines = feed(githubStream({ lang: 'en', color: false })).trimEnd().split('\n');
    expect(lines.slice(0, 4).every((l) => l.startsWith('::error file=d.yaml'))).toBe(true);
    expect(lines.slice(4, MAX_ANNOTATIONS).every((l) => l.startsWith('::warning file=b.yaml'))).toBe(true);
    expect(lines[MAX_ANNOTATIONS]).toContain(`${16 - MAX_ANNOTATIONS} more problems not annotated`);
    expect(lines.at(-1)).toBe('4 files checked: 4 errors, 12 warnings');
  });

  it('stylish: prints nothing for a clean file, each file block as it comes, one summary at the end', () => {
    const s = stylishStream({ lang: 'en', color: false });
    expect(s.file(results[0]!)).toBe('');
    expect(s.file(results[3]!)).toBe('d.yaml\n' + [1, 2, 3, 4].map((n) => `  ${n}:1  error  Syntax error: line ${n} should read "key: value" but has no half-width colon ": ": add ": " after the key  PARSE-SYNTAX\n`).join('') + '\n');
    expect(s.end(2)).toBe('✖ 4 problems (4 errors, 0 warnings) in 2 files\n');
    const quiet = stylishStream({ lang: 'zh', color: false, quiet: true });
    expect(quiet.file(results[1]!) + quiet.end(1)).toBe('✖ 1 个文件中共 12 个问题（0 个错误，12 个警告）\n');
  });
});
