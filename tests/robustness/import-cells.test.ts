// "Nothing invented": a cell is read as a number only if what a reader sees
// in it is one number. Hidden and struck-out text is not read, footnote
// marks (superscript, subscript) are left out and reported, and two numbers
// in a cell, or one split by a line break, are a gap, never glued together.
// Web pages, Word files (built here with jszip) and the deep-nesting path.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { importReport } from '../../src/import/import.js';
import type { ImportResult } from '../../src/import/types.js';
import { cli, ROOT } from '../helpers/cli.js';
import { para, run, wordWithCell } from './word.js';

const FIX = join(ROOT, 'tests', 'fixtures', 'import');
const OFFICIAL = readFileSync(join(FIX, 'html', 'official.html'), 'utf8');
const CELL = '<td>行政规范性文件</td><td>7</td>';
const POINTER = '/proactive/normativeDocuments/issued';

/** The official page with the cell 行政规范性文件 · 本年制发件数 (printed 7) holding `inner`. */
function page(inner: string, deep = false): string {
  if (!OFFICIAL.includes(CELL)) throw new Error('the fixture changed: cell not found');
  const html = OFFICIAL.replace(CELL, `<td>行政规范性文件</td><td>${inner}</td>`);
  // Past 1,000 levels of nesting the page is read by the tag scan, not the parser.
  return deep ? html.replace('<body>', `<body>${'<div>'.repeat(1_200)}x${'</div>'.repeat(1_200)}`) : html;
}

interface Read { value?: unknown; gap?: string; raw?: string; note?: string; others: unknown }
function cellOf(r: ImportResult): Read {
  const row = (r.report.proactive as Record<string, Record<string, unknown>> | undefined)?.normativeDocuments ?? {};
  const gap = r.gaps.find((g) => g.pointer === POINTER);
  const note = r.notes?.find((n) => n.pointer === POINTER);
  return { value: row.issued, gap: gap?.reason, raw: gap?.raw, note: note?.raw, others: { repealed: row.repealed, inForce: row.inForce } };
}
const html = async (inner: string, deep = false) => cellOf(await importReport(page(inner, deep), { filename: 'p.html', currentYear: 2026 }));
const word = async (paragraphs: string) => cellOf(await importReport(new Uint8Array(await wordWithCell(paragraphs)), { filename: 'p.docx', currentYear: 2026 }));
const SAME_ROW = { repealed: 3, inForce: 42 };

describe('web page cells', () => {
  const read7: [string, string][] = [
    ['struck out: <s>', '<s>9</s>7'],
    ['struck out: <strike>', '<strike>9</strike>7'],
    ['struck out: <del>', '<del>9</del>7'],
    ['struck out: line-through', '<span style="text-decoration: line-through">9</span>7'],
    ['struck out: text-decoration-line', '<span style="TEXT-DECORATION-LINE:line-through">9</span>7'],
    ['hidden: display:none', '7<span style="display:none">0</span>'],
    ['hidden: display:none !important', '7<span style="color:red; display: none !important">0</span>'],
    ['hidden: the hidden attribute', '7<span hidden>0</span>'],
    ['hidden: visibility:hidden', '7<font style="visibility:hidden">0</font>'],
    ['hidden: Word\'s mso-hide:all', "7<span style='mso-hide:all'>0</span>"],
    ['hidden: nested inside a hidden block', '7<div style="display:none"><p><b>0</b></p></div>'],
    ['a visible child of a visibility:hidden span', '<span style="visibility:hidden">0<span style="visibility:visible">7</span></span>'],
    ['a number split over inline runs', '<span>7</span>'],
    ['a zero-width space (takes no room)', '&#8203;7&#8203;'],
  ];
  for (const [name, inner] of read7) {
    it(`${name}: ${inner} → 7`, async () => {
      expect(await html(inner)).toEqual({ value: 7, gap: undefined, raw: undefined, note: undefined, others: SAME_ROW });
    });
  }

  const marks: [string, string, string][] = [
    ['a superscript footnote mark', '7<sup>1</sup>', '1'],
    ['a subscript', '7<sub>2</sub>', '2'],
    ['a mark before the number', '<sup>*</sup>7', '*'],
    ['vertical-align:super', '7<span style="vertical-align: super">注1</span>', '注1'],
    ['a bracketed mark', '7<sup>[1]</sup>', '[1]'],
  ];
  for (const [name, inner, mark] of marks) {
    it(`${name}: ${inner} → 7, the mark reported`, async () => {
      expect(await html(inner)).toEqual({ value: 7, gap: undefined, raw: undefined, note: mark, others: SAME_ROW });
    });
  }

  it('a hidden row or cell is not in the table: a hidden copy of the row, a hidden cell before the 7', async () => {
    // A copy of the row with other numbers, in a row of its own just before it, hidden three ways in turn.
    for (const hide of ['style="display:none"', 'hidden', 'style="visibility:hidden"']) {
      const pageWithCopy = OFFICIAL.replace(`<tr>${CELL}`, `<tr ${hide}><td>行政规范性文件</td><td>9</td><td>9</td><td>9</td></tr><tr>${CELL}`);
      expect(pageWithCopy).toContain(`<tr ${hide}><td>行政规范性文件</td><td>9</td>`);
      const r = cellOf(await importReport(pageWithCopy, { filename: 'p.html', currentYear: 2026 }));
      expect(r, hide).toMatchObject({ value: 7, others: SAME_ROW });
    }
    expect(await html('7</td><td style="display:none">9')).toMatchObject({ value: 7, others: SAME_ROW });
  });

  it('a cell printed wholly in superscript is its number, no mark', async () => {
    expect(await html('<sup>7</sup>')).toMatchObject({ value: 7, note: undefined });
  });

  const gaps: [string, string, string, string][] = [
    ['a line break', '7<br>8', 'split-number', '7↵8'],
    ['two paragraphs', '<p>7</p><p>8</p>', 'split-number', '7↵8'],
    ['a block', '7<div>8</div>', 'split-number', '7↵8'],
    ['a no-break space', '7&nbsp;7', 'several-numbers', '7 7'],
    ['a space', '7 8', 'several-numbers', '7 8'],
    ['an ideographic space', '7\u30008', 'several-numbers', '7 8'],
    ['a mark between digits', '1<sup>2</sup>3', 'several-numbers', '1 3'],
    ['a count and its unit in pieces', '5 6件', 'several-numbers', '5 6件'],
    ['digits split around a comma', '1, 234', 'several-numbers', '1, 234'],
  ];
  for (const [name, inner, reason, raw] of gaps) {
    it(`${name}: ${inner} → a gap (${reason}), never one number`, async () => {
      expect(await html(inner)).toEqual({ value: undefined, gap: reason, raw, note: undefined, others: SAME_ROW });
    });
  }

  it('the tag-scan path for absurdly nested pages leaves hidden and struck text out too', async () => {
    expect(await html('<s>9</s>7', true)).toMatchObject({ value: 7 });
    expect(await html('7<span style="display:none">0</span>', true)).toMatchObject({ value: 7 });
    expect(await html('7<span hidden>0</span>', true)).toMatchObject({ value: 7 });
    expect(await html('7<sup>1</sup>', true)).toMatchObject({ value: 7 });
    // There the break splits the row's line: the row cannot be placed, and nothing is glued.
    const split = await importReport(page('7<br>8', true), { filename: 'p.html', currentYear: 2026 });
    expect((split.report.proactive as Record<string, unknown>).normativeDocuments).toBeUndefined();
    expect(split.gaps.find((g) => g.pointer.startsWith('/proactive/normativeDocuments'))).toBeDefined();
  });

  it('in text: a second number in a tab-separated cell is a value too many, not glued', async () => {
    const text = readFileSync(join(FIX, 'seed', 'shizhi-2023.txt'), 'utf8');
    expect(text).toContain('行政许可\t0\t');
    const r = await importReport(text.replace('行政许可\t0\t', '行政许可\t0 9\t'), { filename: 's.txt', currentYear: 2026 });
    expect((r.report.proactive as Record<string, unknown>).licensing).toBeUndefined();
    expect(r.gaps.find((g) => g.pointer === '/proactive/licensing')).toMatchObject({ reason: 'unplaced', printed: 2, columns: 1 });
  });
});

describe('Word cells (runs, styles, paragraphs)', () => {
  const cases: [string, string, Partial<Read>][] = [
    ['plain', para(run('7')), { value: 7 }],
    ['w:vertAlign superscript', para(run('7') + run('1', '<w:vertAlign w:val="superscript"/>')), { value: 7, note: '1' }],
    ['superscript through a character style', para(run('7') + run('1', '<w:rStyle w:val="Sup"/>')), { value: 7, note: '1' }],
    ['w:vertAlign subscript', para(run('7') + run('2', '<w:vertAlign w:val="subscript"/>')), { value: 7, note: '2' }],
    ['a footnote reference', para(run('7') + '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="1"/></w:r>'), { value: 7, note: '[1]' }],
    ['w:strike', para(run('9', '<w:strike/>') + run('7')), { value: 7 }],
    ['w:dstrike (mammoth keeps it)', para(run('9', '<w:dstrike/>') + run('7')), { value: 7 }],
    ['strike through a character style', para(run('9', '<w:rStyle w:val="Str"/>') + run('7')), { value: 7 }],
    ['w:strike w:val="off" is not struck', para(run('7', '<w:strike w:val="off"/>')), { value: 7 }],
    ['w:vanish (mammoth keeps it)', para(run('7') + run('0', '<w:vanish/>')), { value: 7 }],
    ['w:specVanish', para(run('7') + run('0', '<w:specVanish/>')), { value: 7 }],
    ['hidden through a style based on a hidden style', para(run('7') + run('0', '<w:rStyle w:val="Hid2"/>')), { value: 7 }],
    ['hidden through the paragraph style', para(run('7')) + para(run('0'), '<w:pStyle w:val="HidPara"/>'), { value: 7 }],
    ['a hidden style undone on the run is visible', para(run('7') + run('0', '<w:rStyle w:val="Hid"/><w:vanish w:val="0"/>')), { value: 70 }],
    ['after a tag whose attribute holds ">" (allowed in XML)', para(`<w:bookmarkStart w:id="9" w:name="a>b"/>${run('7')}${run('0', '<w:vanish/>')}<w:bookmarkEnd w:id="9"/>`), { value: 7 }],
    ['runs of one number', para(`${run('1')}${run('2')}<w:proofErr w:type="spellStart"/>${run('3')}`), { value: 123 }],
    ['two paragraphs', para(run('7')) + para(run('8')), { gap: 'split-number', raw: '7↵8' }],
    ['a line break in a run', para('<w:r><w:t>7</w:t><w:br/><w:t>8</w:t></w:r>'), { gap: 'split-number', raw: '7↵8' }],
    ['a no-break space', para(run('7\u00a07')), { gap: 'several-numbers', raw: '7 7' }],
  ];
  for (const [name, cell, want] of cases) {
    it(name, async () => {
      const got = await word(cell);
      expect(got.others).toEqual(SAME_ROW);
      expect({ value: got.value, gap: got.gap, raw: got.raw, note: got.note }).toEqual({ value: undefined, gap: undefined, raw: undefined, note: undefined, ...want });
    });
  }
});

describe('the CLI', () => {
  it('reports a dropped footnote mark (exit 0) and a split number (exit 1), in Chinese and English', async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'xxgk-cells-'));
    try {
      writeFileSync(join(dir, 'mark.html'), page('7<sup>1</sup>'));
      writeFileSync(join(dir, 'split.html'), page('7<br>8'));
      const mark = cli(['import', 'mark.html', '--format', 'json'], { cwd: dir });
      expect(mark.code).toBe(0);
      expect(JSON.parse(mark.stdout).proactive.normativeDocuments).toEqual({ issued: 7, ...SAME_ROW });
      expect(mark.stderr).toContain('mark.html：有 1 处数字旁印有脚注标记，已去掉标记读取数字，请对照原文的脚注：');
      expect(mark.stderr).toContain(`${POINTER}  行政规范性文件 · 本年制发件数：读作 7，去掉了上标或下标“1”（脚注标记）`);
      const en = cli(['import', 'mark.html', '--format', 'json', '--lang', 'en'], { cwd: dir });
      expect(en.stderr).toContain('read as 7, leaving out the superscript or subscript "1" (a footnote mark)');
      const split = cli(['import', 'split.html', '--format', 'json'], { cwd: dir });
      expect(split.code).toBe(1);
      expect(JSON.parse(split.stdout).proactive.normativeDocuments).toEqual(SAME_ROW);
      expect(split.stderr).toContain('原文为“7↵8”（↵ 为换行），数字被换行隔开，无法确定是一个数还是两个数');
      const splitEn = cli(['import', 'split.html', '--format', 'json', '--lang', 'en'], { cwd: dir });
      expect(splitEn.stderr).toContain('printed as "7↵8" (↵ is a line break): the digits are split by a line break; one number or two cannot be told');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// ── Property: random inline markup around a number ────────────────────────
// Each piece says what it adds to the cell and whether a reader sees other
// digits: then the cell must read as the number, or (when other digits are
// seen) as a gap. Never another number.
interface Piece { html: string; word: string; seenDigits: boolean }
type Side = 'before' | 'after';
const noise = fc.integer({ min: 0, max: 999 }).map(String);
/** Pieces of markup; those that show digits put their separator (break, space, paragraph) next to the number. */
const pieces = (side: Side): fc.Arbitrary<Piece>[] => {
  const apart = (n: string, html: string, word: string): Piece => side === 'after'
    ? { html: `${html}${n}`, word: word.replace('#', n), seenDigits: true }
    : { html: `${n}${html}`, word: word.replace('#', n), seenDigits: true };
  return [
    noise.map((n) => ({ html: `<sup>${n}</sup>`, word: run(n, '<w:vertAlign w:val="superscript"/>'), seenDigits: false })),
    noise.map((n) => ({ html: `<sub>${n}</sub>`, word: run(n, '<w:vertAlign w:val="subscript"/>'), seenDigits: false })),
    noise.map((n) => ({ html: `<s>${n}</s>`, word: run(n, '<w:strike/>'), seenDigits: false })),
    noise.map((n) => ({ html: `<del>${n}</del>`, word: run(n, '<w:dstrike/>'), seenDigits: false })),
    noise.map((n) => ({ html: `<strike>${n}</strike>`, word: run(n, '<w:rStyle w:val="Str"/>'), seenDigits: false })),
    noise.map((n) => ({ html: `<span style="display:none">${n}</span>`, word: run(n, '<w:vanish/>'), seenDigits: false })),
    noise.map((n) => ({ html: `<span hidden>${n}</span>`, word: run(n, '<w:rStyle w:val="Hid2"/>'), seenDigits: false })),
    noise.map((n) => ({ html: `<span style="visibility:hidden">${n}</span>`, word: run(n, '<w:specVanish/>'), seenDigits: false })),
    noise.map((n) => apart(n, '<br>', side === 'after' ? '<w:r><w:br/><w:t>#</w:t></w:r>' : '<w:r><w:t>#</w:t><w:br/></w:r>')),
    noise.map((n) => apart(n, '&nbsp;', side === 'after' ? run('\u00a0#') : run('#\u00a0'))),
    noise.map((n) => apart(n, '</p><p>', side === 'after' ? `</w:p><w:p>${run('#')}` : `${run('#')}</w:p><w:p>`)),
    fc.constant({ html: '<span></span>', word: '<w:proofErr w:type="spellStart"/>', seenDigits: false }),
  ];
};
const piece = (side: Side) => fc.oneof(...pieces(side));
/** The number's digits, cut into runs (Word and pages split runs anywhere). */
const numberRuns = fc.integer({ min: 0, max: 99_999 }).chain((n) => {
  const s = String(n);
  return fc.array(fc.boolean(), { minLength: s.length - 1, maxLength: s.length - 1 }).map((cuts) => {
    const parts: string[] = [];
    let cur = s[0]!;
    cuts.forEach((cut, i) => { if (cut) { parts.push(cur); cur = ''; } cur += s[i + 1]; });
    parts.push(cur);
    return { n, parts };
  });
});
const cellArb = fc.record({ num: numberRuns, before: fc.array(piece('before'), { maxLength: 2 }), after: fc.array(piece('after'), { maxLength: 3 }) });

/** Other digits seen: a gap; none: the number. Either way never another number. */
function check(got: Read, n: number, seen: boolean): void {
  if (seen) expect(got, 'other digits are seen: a gap').toMatchObject({ value: undefined, gap: expect.stringMatching(/^(several-numbers|split-number)$/) });
  else expect(got.value, 'no other digits seen: the number is read').toBe(n);
  expect(got.others).toEqual(SAME_ROW);
}

describe('property: random markup around a number reads as the number or a gap, never another number', () => {
  it('web pages (300 cells)', async () => {
    await fc.assert(fc.asyncProperty(cellArb, async ({ num, before, after }) => {
      const body = [...before.map((p) => p.html), num.parts.map((d) => `<span>${d}</span>`).join(''), ...after.map((p) => p.html)].join('');
      check(await html(`<p>${body}</p>`), num.n, [...before, ...after].some((p) => p.seenDigits));
    }), { numRuns: 300 });
  });

  it('Word files (40 cells)', async () => {
    await fc.assert(fc.asyncProperty(cellArb, async ({ num, before, after }) => {
      const body = [...before.map((p) => p.word), num.parts.map((d) => run(d)).join(''), ...after.map((p) => p.word)].join('');
      check(await word(`<w:p>${body}</w:p>`), num.n, [...before, ...after].some((p) => p.seenDigits));
    }), { numRuns: 40 });
  }, 120_000);
});
