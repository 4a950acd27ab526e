// Any overview text, written in any YAML scalar style or as a JSON string:
// every character of the value maps back to the source character that
// produced it (itself, or the escape sequence that stands for it).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Document, Scalar } from 'yaml';
import { loadReport } from '../../src/load/load.js';
import { positionInValue } from '../../src/text/position.js';
import { lineStartsOf } from '../../src/load/json-scan.js';

const CHARS = ['申', '请', '十', '二', '件', '1', '2', 'a', ' ', ' ', '\n', '\n', '"', "'", '\\', '#', ':', '，', '。', '\t'];
const text = fc.array(fc.constantFrom(...CHARS), { minLength: 1, maxLength: 60 }).map((a) => a.join(''));
const STYLES = [Scalar.BLOCK_LITERAL, Scalar.BLOCK_FOLDED, Scalar.QUOTE_DOUBLE, Scalar.QUOTE_SINGLE, Scalar.PLAIN] as const;

function sourceFor(value: string, style: (typeof STYLES)[number] | 'json'): string {
  if (style === 'json') return JSON.stringify({ format: '2021', overview: value }, null, 2);
  const doc = new Document({ format: '2021', overview: value });
  const node = doc.get('overview', true) as Scalar;
  node.type = style;
  return doc.toString({ lineWidth: 20, minContentWidth: 5 });
}

describe('positions inside a text value', () => {
  it('map every character back to its source', () => {
    fc.assert(fc.property(text, fc.constantFrom(...STYLES, 'json' as const), fc.nat(), (value, style, pick) => {
      const src = sourceFor(value, style);
      const l = loadReport(src, { filename: style === 'json' ? 'r.json' : 'r.yaml' });
      const parsed = (l.data as { overview?: unknown } | undefined)?.overview;
      if (typeof parsed !== 'string' || parsed.length === 0) return; // the style could not hold this value
      const offset = pick % parsed.length;
      const ch = parsed[offset]!;
      if (/\s/.test(ch)) return; // folded whitespace has no single source character
      const pos = positionInValue(src, l.kind, l.locate('/overview'), parsed, offset);
      expect(pos, `${style} ${JSON.stringify(src)} @${offset}`).toBeDefined();
      const at = lineStartsOf(src)[pos!.line - 1]! + pos!.column - 1;
      const s = src[at];
      expect(s === ch || s === '\\' || (ch === "'" && s === "'"), `${style} ${JSON.stringify(src)} @${offset} → ${JSON.stringify(s)}`).toBe(true);
    }), { numRuns: Number(process.env.XXGK_RUNS ?? 400), seed: process.env.XXGK_SEED ? Number(process.env.XXGK_SEED) : 20231 });
  });
});

describe('lineStartsOf', () => {
  it('finds every line start, whichever of LF, CRLF and CR ends the lines', () => {
    const reference = (t: string): number[] => {
      const out = [0];
      for (let i = 0; i < t.length; i++) {
        if (t[i] === '\n' || (t[i] === '\r' && t[i + 1] !== '\n')) out.push(i + 1);
      }
      return out;
    };
    const lines = fc.array(fc.constantFrom('a', '申', ' ', '\n', '\r\n', '\r', '\n\n'), { maxLength: 40 }).map((a) => a.join(''));
    fc.assert(fc.property(lines, (t) => { expect(lineStartsOf(t), JSON.stringify(t)).toEqual(reference(t)); }), { numRuns: 500, seed: 7 });
  });
});
