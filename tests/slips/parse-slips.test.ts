// The parse slips people make, each in several spellings: one PARSE-SYNTAX
// finding at the slip (its line and column), worded by the tool in Chinese and
// English (never the parser's text), naming the character and what to type.
import { describe, expect, it } from 'vitest';
import { loadReport } from '../../src/load/load.js';
import { formatMessage } from '../../src/diagnostics/format-message.js';
import { BASE_JSON, plant } from '../robustness/cases.js';

interface Slip { name: string; text: string; at: [number, number]; zh: string[]; en: string[]; json?: boolean }

const LIC = '  licensing: {decisions: 0}';
const FEES = '  fees: {amountTenThousandYuan: 0}';
const wide = (char: string, name: string, fix: string) => ({ zh: [`全角${name}“${char}”`, `改为半角${name}`], en: ['full-width', `"${char}"`, `"${fix}"`] });
const COLON = wide('：', '冒号', ': ');
const SPACE = wide('\u3000', '空格', ' ');
const INDENT = (n: number, m: number) => ({ zh: [`缩进了 ${n} 个空格`, `用 ${m} 个`], en: [`indented ${n} space`, `use ${m}`] });

const SLIPS: Slip[] = [
  // Full-width colon where a key needs `: ` (the issue's own line), at the top and nested.
  { name: 'published：date', text: plant('published: 2024-01-20', 'published：2024-01-20'), at: [6, 10], ...COLON },
  { name: 'published： date', text: plant('published: 2024-01-20', 'published： 2024-01-20'), at: [6, 10], ...COLON },
  { name: 'year：2023', text: plant('year: 2023', 'year：2023'), at: [5, 5], ...COLON },
  { name: 'nested address：', text: plant('  address: 方城县释之路 47 号', '  address：方城县释之路 47 号'), at: [10, 10], ...COLON },
  { name: 'nested phone：', text: plant('  phone: "037767282399"', '  phone："037767282399"'), at: [11, 8], ...COLON },
  // Full-width comma, braces, brackets and quotes where they broke the line.
  { name: 'full-width comma in a flow mapping', text: plant('  regulations: {issued: 0, repealed: 0, inForce: 0}', '  regulations: {issued: 0，repealed: 0, inForce: 0}'), at: [33, 26], ...wide('，', '逗号', ',') },
  { name: 'two full-width commas', text: plant('  regulations: {issued: 0, repealed: 0, inForce: 0}', '  regulations: {issued: 0，repealed: 0，inForce: 0}'), at: [33, 26], ...wide('，', '逗号', ',') },
  { name: 'full-width braces', text: plant(LIC, '  licensing: ｛decisions: 0｝'), at: [37, 14], ...wide('｛', '左花括号', '{') },
  { name: 'full-width opening brace', text: plant(LIC, '  licensing: ｛decisions: 0}'), at: [37, 14], ...wide('｛', '左花括号', '{') },
  { name: 'full-width closing brace', text: plant(LIC, '  licensing: {decisions: 0｝'), at: [37, 27], ...wide('｝', '右花括号', '}') },
  { name: 'full-width closing brace (fees)', text: plant(FEES, '  fees: {amountTenThousandYuan: 0｝'), at: [43, 34], ...wide('｝', '右花括号', '}') },
  { name: 'full-width brackets', text: plant('scope: agency', 'scope: ［a: 1］'), at: [7, 8], ...wide('［', '左方括号', '[') },
  { name: 'full-width double quotes', text: plant('agency: 方城县释之街道办事处', 'agency: “方城县: 释之街道办事处”'), at: [4, 9], ...wide('“', '双引号', '"') },
  { name: 'full-width single quotes', text: plant('agency: 方城县释之街道办事处', 'agency: ‘方城县: 释之街道办事处’'), at: [4, 9], ...wide('‘', '单引号', "'") },
  // Full-width space as indentation, or after the colon.
  { name: 'full-width space as indentation', text: plant('  address: 方城县释之路 47 号', '\u3000address: 方城县释之路 47 号'), at: [10, 1], ...SPACE },
  { name: 'two full-width spaces as indentation', text: plant('  address: 方城县释之路 47 号', '\u3000\u3000address: 方城县释之路 47 号'), at: [10, 1], ...SPACE },
  { name: 'a space, then a full-width one', text: plant('  address: 方城县释之路 47 号', ' \u3000address: 方城县释之路 47 号'), at: [10, 2], ...SPACE },
  { name: 'full-width space after the colon', text: plant('year: 2023', 'year:\u30002023'), at: [5, 6], ...SPACE },
  { name: 'full-width space after a nested colon', text: plant('  office: 方城县释之街道办事处党政办公室', '  office:\u3000方城县释之街道办事处党政办公室'), at: [9, 10], ...SPACE },
  // Tabs as indentation.
  { name: 'tab as indentation', text: plant('  address: 方城县释之路 47 号', '\taddress: 方城县释之路 47 号'), at: [10, 1], zh: ['制表符（Tab）缩进', '改用空格'], en: ['tab', 'indent with spaces'] },
  { name: 'two tabs', text: plant(LIC, '\t\tlicensing: {decisions: 0}'), at: [37, 1], zh: ['制表符（Tab）缩进'], en: ['tab'] },
  { name: 'spaces then a tab', text: plant(LIC, ' \tlicensing: {decisions: 0}'), at: [37, 2], zh: ['制表符（Tab）缩进'], en: ['tab'] },
  // Indentation: one space too few or too many, below a comment too, and at the top level.
  { name: 'one space too few', text: plant(LIC, ' licensing: {decisions: 0}'), at: [37, 1], ...INDENT(1, 2) },
  { name: 'one space too many', text: plant(LIC, '   licensing: {decisions: 0}'), at: [37, 1], ...INDENT(3, 2) },
  { name: 'two spaces too many', text: plant('  address: 方城县释之路 47 号', '    address: 方城县释之路 47 号'), at: [10, 1], ...INDENT(4, 2) },
  { name: 'one too many under a comment', text: plant(FEES, '   fees: {amountTenThousandYuan: 0}'), at: [43, 1], ...INDENT(3, 2) },
  { name: 'a top-level key indented', text: plant('year: 2023', ' year: 2023'), at: [5, 1], zh: ['缩进了 1 个空格', '顶格写'], en: ['indented 1 space', 'delete the spaces'] },
  { name: 'nested table row one too few', text: plant('    partlyDisclosed: {', '   partlyDisclosed: {'), at: [56, 1], ...INDENT(3, 4) },
  // Brackets and quotes: one missing or extra, at its line.
  { name: 'missing closing brace', text: plant(LIC, '  licensing: {decisions: 0'), at: [37, 27], zh: ['第 37 行第 14 列的“{”', '补上“}”'], en: ['"{" at line 37, column 14', 'add "}"'] },
  { name: 'missing closing brace (fees, before a blank line and a comment)', text: plant(FEES, '  fees: {amountTenThousandYuan: 0'), at: [43, 34], zh: ['“{”在本行没有配对的“}”'], en: ['is not closed on its line'] },
  { name: 'missing closing bracket', text: plant('agency: 方城县释之街道办事处', 'agency: [方城县, 释之街道'), at: [4, 19], zh: ['“[”在本行没有配对的“]”', '补上“]”'], en: ['"[" at line 4, column 9', 'add "]"'] },
  { name: 'extra closing brace', text: plant(LIC, '  licensing: {decisions: 0}}'), at: [37, 28], zh: ['多了一个“}”', '删去它'], en: ['"}" that closes nothing', 'delete it'] },
  { name: 'unclosed double quote', text: plant('agency: 方城县释之街道办事处', 'agency: "方城县释之街道办事处'), at: [4, 9], zh: ['双引号 " 没有闭合'], en: ['quote " at line 4, column 9 is not closed'] },
  { name: 'unclosed single quote, nested', text: plant('  address: 方城县释之路 47 号', "  address: '方城县释之路 47 号"), at: [10, 12], zh: ["单引号 ' 没有闭合"], en: ["quote ' at line 10, column 12"] },
  // A key line with no half-width colon and a space.
  { name: 'no space after the colon', text: plant('published: 2024-01-20', 'published:2024-01-20'), at: [6, 10], zh: ['冒号后面缺少空格'], en: ['no space after the colon'] },
  { name: 'no colon at all', text: plant('year: 2023', 'year 2023'), at: [5, 1], zh: ['没有半角冒号“: ”'], en: ['has no half-width colon'] },
  // JSON files: full-width punctuation too.
  { name: 'JSON: full-width colon', text: plant('"format": "2021"', '"format"： "2021"', BASE_JSON), at: [2, 11], ...COLON, json: true },
  { name: 'JSON: full-width comma', text: plant('"format": "2021",', '"format": "2021"，', BASE_JSON), at: [2, 19], ...wide('，', '逗号', ','), json: true },
];

describe('parse slips: one finding at the slip, in the tool\'s words', () => {
  it('has at least 30 slips', () => expect(SLIPS.length).toBeGreaterThanOrEqual(30));
  for (const s of SLIPS) {
    it(s.name, () => {
      const r = loadReport(s.text, { filename: s.json ? 'r.json' : 'r.yaml' });
      const errors = r.findings.filter((f) => f.severity === 'error');
      expect(errors.map((f) => [f.ruleId, f.line, f.column])).toEqual([['PARSE-SYNTAX', ...s.at]]);
      const zh = formatMessage(errors[0]!, 'zh');
      const en = formatMessage(errors[0]!, 'en');
      for (const w of [...s.zh, `第 ${s.at[0]} 行`]) expect(zh).toContain(w);
      for (const w of [...s.en, `line ${s.at[0]}`]) expect(en).toContain(w);
      // The tool's words only: none of the `yaml` package's or JSON scanner's English.
      expect(`${zh} ${en}`).not.toMatch(/mapping items|Implicit|Nested mappings|Flow (map|sequence)|Missing closing|expected a "key"|Tabs are not/);
    });
  }
});
