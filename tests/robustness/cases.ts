// The hostile and broken inputs of the robustness suite: one case each, with
// the exit code, the rule and place of the first error, and words of its
// message in Chinese (and, for some, English). The table of docs/reliability.md
// lists the same cases (tests/tools/docs-content.test.ts checks it).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { ROOT } from '../helpers/cli.js';

export const BASE_YAML = readFileSync(join(ROOT, 'tests/fixtures/robustness/base.yaml'), 'utf8');
export const BASE_JSON = readFileSync(join(ROOT, 'tests/fixtures/robustness/base.json'), 'utf8');

export interface Case {
  /** What the input is (the first column of docs/reliability.md). */
  readonly name: string;
  /** File name; its extension picks YAML or JSON. */
  readonly file: string;
  readonly bytes: () => string | Uint8Array;
  readonly code: 1 | 2;
  /** Rule of the (first) error finding; absent for exit 2 (a one-line message). */
  readonly rule?: string;
  readonly pointer?: string;
  /** Line and column of that finding. */
  readonly at?: readonly [number, number];
  /** Words of the message in Chinese (finding message, or stderr for exit 2). */
  readonly zh: string | RegExp;
  readonly en?: string | RegExp;
  /** Further findings expected besides warnings (default: exactly one error). */
  readonly errors?: number;
  /** A warning expected as well. */
  readonly warning?: string;
}

/** Replaces `from` in the base YAML report (must occur once). */
export function plant(from: string, to: string, base = BASE_YAML): string {
  const i = base.indexOf(from);
  if (i < 0 || base.indexOf(from, i + 1) >= 0) throw new Error(`plant: ${from} must occur once`);
  return base.slice(0, i) + to + base.slice(i + from.length);
}
const plantJson = (from: string, to: string) => plant(from, to, BASE_JSON);

const LICENSING = 'licensing: {decisions: 0}';
const count = (v: string) => plant(LICENSING, `licensing: {decisions: ${v}}`);
const jsonCount = (v: string) => plantJson('"licensing": {\n      "decisions": 0', `"licensing": {\n      "decisions": ${v}`);
/** Line 37 of the base YAML, column of the value; line 21 of the base JSON. */
const Y: readonly [number, number] = [37, 26];
const J: readonly [number, number] = [21, 20];
const DECISIONS = '/proactive/licensing/decisions';

// One line with Chinese text before a wrong value: columns must count characters, not bytes.
const CONTACT = 'contact:\n  office: 方城县释之街道办事处党政办公室\n  address: 方城县释之路 47 号\n  phone: "037767282399"';
const ENC = plant(CONTACT, 'contact: {office: 党政办公室, address: 释之路４７号, phone: 037767282399}');
const ENC_AT: readonly [number, number] = [8, 50];
const PHONE = { rule: 'SCHEMA-TYPE', pointer: '/contact/phone', at: ENC_AT, zh: '联系方式 · 电话 应为文本，填报为 037767282399；电话号码请加引号', en: 'must be text, found 037767282399; quote the phone number' } as const;

const billionLaughs = () => {
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 10; i++) {
    const k = String.fromCharCode(97 + i), prev = String.fromCharCode(96 + i);
    lines.push(`${k}: &${k} [${Array(9).fill(`*${prev}`).join(',')}]`);
  }
  return lines.join('\n') + '\n';
};

const deepBlock = (levels: number) => Array.from({ length: levels }, (_, i) => `${' '.repeat(i)}k:`).join('\n') + ' 1\n';

export const CASES: readonly Case[] = [
  // ── syntax ──
  { name: 'YAML: unclosed flow sequence', file: 'unclosed.yaml', bytes: () => plant('agency: 方城县释之街道办事处', 'agency: [方城县, 释之街道'), code: 1, rule: 'PARSE-SYNTAX', at: [4, 19], zh: '语法错误：第 4 行第 9 列的“[”在本行没有配对的“]”', en: 'Syntax error: the "[" at line 4, column 9 is not closed on its line' },
  { name: 'YAML: unclosed flow mapping', file: 'unclosed-map.yaml', bytes: () => plant(LICENSING, 'licensing: {decisions: 0'), code: 1, rule: 'PARSE-SYNTAX', at: [37, 27], zh: '语法错误：第 37 行第 14 列的“{”在本行没有配对的“}”：在行末（第 37 行第 27 列）补上“}”' },
  { name: 'YAML: unclosed quote', file: 'quote.yaml', bytes: () => plant('agency: 方城县释之街道办事处', 'agency: "方城县释之街道办事处'), code: 1, rule: 'PARSE-SYNTAX', at: [4, 9], zh: '语法错误：第 4 行第 9 列的双引号 " 没有闭合' },
  { name: 'YAML: bad indentation', file: 'indent.yaml', bytes: () => plant('  address: 方城县释之路 47 号', '    address: 方城县释之路 47 号'), code: 1, rule: 'PARSE-SYNTAX', at: [10, 1], zh: '语法错误：第 10 行缩进了 4 个空格，而周围同级的键用 2 个：改为 2 个空格' },
  { name: 'YAML: tab indentation', file: 'tabs.yaml', bytes: () => plant('  address: 方城县释之路 47 号', '\taddress: 方城县释之路 47 号'), code: 1, rule: 'PARSE-SYNTAX', at: [10, 1], zh: '语法错误：第 10 行第 1 列用制表符（Tab）缩进', en: 'Syntax error: line 10, column 1 indents with a tab' },
  { name: 'JSON: unclosed bracket', file: 'unclosed.json', bytes: () => BASE_JSON.slice(0, BASE_JSON.lastIndexOf('}')), code: 1, rule: 'PARSE-SYNTAX', zh: '无法按 JSON 读取：此处应是逗号“,”或右花括号“}”', en: 'cannot be read as JSON: a comma "," or "}" was expected' },
  { name: 'JSON: trailing comma', file: 'comma.json', bytes: () => plantJson('"licensing": {\n      "decisions": 0\n', '"licensing": {\n      "decisions": 0,\n'), code: 1, rule: 'PARSE-SYNTAX', at: [22, 5], zh: '语法错误：第 22 行第 5 列无法按 JSON 读取：此处应是用双引号括起的键' },
  { name: 'JSON: single quotes', file: 'single.json', bytes: () => plantJson('"format": "2021"', "'format': \"2021\""), code: 1, rule: 'PARSE-SYNTAX', at: [2, 3], zh: '语法错误：第 2 行第 3 列无法按 JSON 读取：此处应是用双引号括起的键' },
  { name: 'JSON: comment', file: 'comment.json', bytes: () => plantJson('"format": "2021",', '"format": "2021", // 2021 版'), code: 1, rule: 'PARSE-SYNTAX', at: [2, 21], zh: '语法错误' },
  { name: 'YAML: duplicate key', file: 'dup.yaml', bytes: () => plant('year: 2023\n', 'year: 2023\nyear: 2024\n'), code: 1, rule: 'PARSE-DUPLICATE-KEY', at: [6, 1], zh: '键「year」重复出现；每个键只能写一次', en: 'Key "year" appears twice; each key may appear once' },
  { name: 'YAML: duplicate key in a table row', file: 'dup-row.yaml', bytes: () => plant(LICENSING, 'licensing: {decisions: 0, decisions: 1}'), code: 1, rule: 'PARSE-DUPLICATE-KEY', at: [37, 29], zh: '键「decisions」重复出现' },
  { name: 'YAML: 150,000 duplicate keys in one mapping (900 KB)', file: 'dups.yaml', bytes: () => `{${Array(150_000).fill('a: 1').join(', ')}}\n`, code: 1, rule: 'PARSE-DUPLICATE-KEY', at: [1, 8], zh: '键「a」重复出现；每个键只能写一次' },
  { name: 'YAML: an anchor deep in a 400 KB file', file: 'big-anchor.yaml', bytes: () => `${'# padding\n'.repeat(40_000)}${plant(LICENSING, 'licensing: &zero {decisions: 0}')}`, code: 1, rule: 'PARSE-ALIAS', at: [40_037, 14], zh: '不接受 YAML 锚点和别名（&zero）' },
  { name: 'JSON: duplicate key', file: 'dup.json', bytes: () => plantJson('"year": 2022,', '"year": 2022,\n  "year": 2023,'), code: 1, rule: 'PARSE-DUPLICATE-KEY', at: [5, 3], zh: '键「year」重复出现（第一次在第 4 行）', en: 'Key "year" appears twice (first on line 4)' },
  { name: 'YAML: two documents', file: 'multi.yaml', bytes: () => `${BASE_YAML}---\n${BASE_YAML}`, code: 1, rule: 'PARSE-MULTI-DOC', zh: '文件中有多个 YAML 文档（以 --- 分隔）；一个文件只能写一份报告', en: 'more than one YAML document' },

  // ── hostile structure ──
  { name: 'YAML: billion laughs (alias bomb)', file: 'bomb.yaml', bytes: billionLaughs, code: 1, rule: 'PARSE-ALIAS', at: [2, 8], zh: '不接受 YAML 锚点和别名（*a）', en: 'YAML anchors and aliases are not accepted (*a)' },
  { name: 'YAML: a mapping as a key in a flow mapping', file: 'collection-key.yaml', bytes: () => plant(LICENSING, 'licensing: {decisions: 0, {x}: 0}'), code: 1, rule: 'PARSE-SYNTAX', at: [37, 29], zh: '键只能是文字，不能是列表或映射' },
  { name: 'YAML: one anchor', file: 'anchor.yaml', bytes: () => plant(LICENSING, 'licensing: &zero {decisions: 0}'), code: 1, rule: 'PARSE-ALIAS', at: [37, 14], zh: '不接受 YAML 锚点和别名（&zero）' },
  { name: 'YAML: merge key <<', file: 'merge.yaml', bytes: () => plant('  punishment: {decisions: 0}', '  punishment: {<<: *zero}').replace(LICENSING, 'licensing: &zero {decisions: 0}'), code: 1, rule: 'PARSE-ALIAS', zh: '不接受 YAML 锚点和别名（*zero）' },
  { name: 'YAML: 100,000 `[`', file: 'deep.yaml', bytes: () => '['.repeat(100_000), code: 1, rule: 'PARSE-TOO-DEEP', at: [1, 22], zh: '嵌套超过 20 层', en: 'Nested more than 20 levels deep' },
  { name: 'YAML: 100,000 `[` closed, with a `*`', file: 'deep-alias.yaml', bytes: () => `# *\n${'['.repeat(100_000)}${']'.repeat(100_000)}`, code: 1, rule: 'PARSE-TOO-DEEP', at: [2, 22], zh: '嵌套超过 20 层' },
  { name: 'YAML: deep flow after a syntax error', file: 'deep-bad.yaml', bytes: () => `a: b: c\n${'{x: '.repeat(50_000)}`, code: 1, rule: 'PARSE-TOO-DEEP', at: [2, 801], zh: '嵌套超过 20 层' },
  { name: 'YAML: 1,000 indented levels', file: 'deep-block.yaml', bytes: () => deepBlock(1000), code: 1, rule: 'PARSE-TOO-DEEP', at: [22, 22], zh: '嵌套超过 20 层' },
  { name: 'YAML: 30 levels in a report', file: 'deep-report.yaml', bytes: () => plant(LICENSING, `licensing: {decisions: ${'['.repeat(30)}${']'.repeat(30)}}`), code: 1, rule: 'PARSE-TOO-DEEP', at: [37, 44], zh: '嵌套超过 20 层' },
  { name: 'JSON: 100,000 `[`', file: 'deep.json', bytes: () => '['.repeat(100_000), code: 1, rule: 'PARSE-TOO-DEEP', at: [1, 22], zh: '嵌套超过 20 层' },
  { name: 'JSON: 100,000 `[` closed', file: 'deep-closed.json', bytes: () => '['.repeat(100_000) + ']'.repeat(100_000), code: 1, rule: 'PARSE-TOO-DEEP', at: [1, 22], zh: '嵌套超过 20 层' },
  { name: '`__proto__` at the top (YAML)', file: 'proto.yaml', bytes: () => plant('year: 2023\n', 'year: 2023\n__proto__: {polluted: 1}\n'), code: 1, rule: 'SCHEMA-UNKNOWN-KEY', pointer: '/__proto__', at: [6, 1], zh: '未知的键「__proto__」', en: 'Unknown key "__proto__"' },
  { name: '`constructor` and `prototype` in a table (YAML)', file: 'ctor.yaml', bytes: () => plant(LICENSING, 'licensing: {decisions: 0, constructor: {prototype: {polluted: 1}}}'), code: 1, rule: 'SCHEMA-UNKNOWN-KEY', pointer: '/proactive/licensing/constructor', at: [37, 29], zh: '未知的键「constructor」（此处可用的键：decisions）' },
  { name: '`prototype` in table 3 (YAML)', file: 'prototype.yaml', bytes: () => plant('  carriedForward: {', '  carriedForward: {prototype: 1, '), code: 1, rule: 'SCHEMA-UNKNOWN-KEY', pointer: '/requests/carriedForward/prototype', at: [106, 20], zh: '未知的键「prototype」' },
  { name: '`__proto__` (JSON)', file: 'proto.json', bytes: () => plantJson('"format": "2021",', '"format": "2021",\n  "__proto__": {"polluted": 1},'), code: 1, rule: 'SCHEMA-UNKNOWN-KEY', pointer: '/__proto__', at: [3, 3], zh: '未知的键「__proto__」' },

  // YAML 1.2 allows an implicit key of at most 1024 characters; a file this large is not read by the Document.
  { name: 'a key 1 MB long', file: 'long-key.yaml', bytes: () => plant('year: 2023\n', `year: 2023\n${'k'.repeat(1_000_000)}: 1\n`), code: 1, rule: 'PARSE-TOO-LARGE', at: [6, 1], zh: '超过上限 131072 字节（一份报告只有几 KB）', en: 'over the limit of 131072 bytes' },
  { name: 'a key 2,000 characters long', file: 'long-key-2k.yaml', bytes: () => plant('year: 2023\n', `year: 2023\n${'k'.repeat(2000)}: 1\n`), code: 1, rule: 'PARSE-SYNTAX', at: [6, 1], zh: '语法错误：第 6 行第 1 列无法按 YAML 读取：键太长（冒号应在键开始后 1024 个字符以内）' },
  { name: '3,000 stray keys (1,000 reported)', file: 'many-keys.yaml', bytes: () => BASE_YAML + Array.from({ length: 3000 }, (_, i) => `stray${i}: 1\n`).join(''), code: 1, rule: 'SCHEMA-UNKNOWN-KEY', pointer: '/stray0', at: [135, 1], zh: '未知的键「stray0」', errors: 1000 },

  // ── not a report at all ──
  { name: 'empty file (YAML)', file: 'empty.yaml', bytes: () => '', code: 1, rule: 'PARSE-EMPTY', at: [1, 1], zh: '文件为空（或只有注释）；应为一份年度报告数据', en: 'The file is empty (or holds only comments); a report was expected' },
  { name: 'empty file (JSON)', file: 'empty.json', bytes: () => ' \n', code: 1, rule: 'PARSE-EMPTY', at: [1, 1], zh: '文件为空' },
  { name: 'only comments', file: 'comments.yaml', bytes: () => '# 2023 年度报告\n# 待填写\n', code: 1, rule: 'PARSE-EMPTY', at: [1, 1], zh: '文件为空（或只有注释）' },
  { name: 'only `---`', file: 'dashes.yaml', bytes: () => '---\n', code: 1, rule: 'PARSE-EMPTY', zh: '文件为空' },
  { name: 'a scalar at the top', file: 'scalar.yaml', bytes: () => '2023 年度报告\n', code: 1, rule: 'PARSE-NOT-MAPPING', at: [1, 1], zh: '文件顶层是文本，应为以 format、agency、year 等为键的映射', en: 'The top level is text; a mapping with keys format, agency, year' },
  { name: 'a number at the top', file: 'number.yaml', bytes: () => '2023\n', code: 1, rule: 'PARSE-NOT-MAPPING', zh: '文件顶层是数字' },
  { name: 'a list at the top', file: 'list.yaml', bytes: () => '- format: "2021"\n- agency: x\n', code: 1, rule: 'PARSE-NOT-MAPPING', zh: '文件顶层是列表', en: 'The top level is a list' },
  { name: 'null at the top', file: 'null.yaml', bytes: () => '~\n', code: 1, rule: 'PARSE-NOT-MAPPING', zh: '文件顶层是空值' },
  { name: 'a JSON array', file: 'array.json', bytes: () => `[${BASE_JSON}]`, code: 1, rule: 'PARSE-NOT-MAPPING', zh: '文件顶层是列表' },
  { name: 'binary garbage (PNG header)', file: 'image.yaml', bytes: () => Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff, 0xd8]), code: 1, rule: 'PARSE-BINARY', at: [1, 1], zh: '文件不是文本（含有二进制内容）；应为 UTF-8 编码的 YAML 或 JSON', en: 'The file is not text' },
  { name: 'a NUL byte in text', file: 'nul.yaml', bytes: () => plant('year: 2023', 'year: 2023\u0000'), code: 1, rule: 'PARSE-BINARY', zh: '文件不是文本' },
  { name: 'a Word line break (U+000B) in the overview', file: 'vt.yaml', bytes: () => plant('  2023 年，我街道', '  2023 年，\u000b我街道'), code: 1, rule: 'PARSE-SYNTAX', at: [18, 10], zh: '语法错误：第 18 行第 10 列有控制字符 U+000B', en: 'Syntax error: line 18, column 10 holds the control character U+000B' },
  { name: 'a .docx given as data', file: 'report.json', bytes: () => Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0x06, 0, 0x08, 0, 0, 0, 0x21, 0]), code: 1, rule: 'PARSE-BINARY', zh: '文件不是文本' },

  // ── encodings: the phone number on line 8 after Chinese text, column 47 in every encoding ──
  { name: 'UTF-8', file: 'utf8.yaml', bytes: () => ENC, code: 1, ...PHONE },
  { name: 'UTF-8 with BOM', file: 'bom.yaml', bytes: () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ENC)]), code: 1, ...PHONE },
  { name: 'GBK', file: 'gbk.yaml', bytes: () => iconv.encode(ENC, 'gbk'), code: 1, ...PHONE, errors: 1, warning: 'PARSE-ENCODING' },
  { name: 'GB18030 (with a character outside GBK)', file: 'gb18030.yaml', bytes: () => iconv.encode(ENC.replace('agency: 方城县', 'agency: 𠀀方城县'), 'gb18030'), code: 1, ...PHONE, warning: 'PARSE-ENCODING' },
  { name: 'UTF-16 LE with BOM', file: 'utf16le.yaml', bytes: () => iconv.encode(ENC, 'utf16le', { addBOM: true }), code: 1, ...PHONE, warning: 'PARSE-ENCODING' },
  { name: 'UTF-16 BE with BOM', file: 'utf16be.yaml', bytes: () => Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(ENC, 'utf16be')]), code: 1, ...PHONE, warning: 'PARSE-ENCODING' },
  { name: 'UTF-16 LE without BOM', file: 'utf16-nobom.yaml', bytes: () => iconv.encode(ENC, 'utf16le'), code: 1, ...PHONE, warning: 'PARSE-ENCODING' },
  { name: 'CRLF line endings', file: 'crlf.yaml', bytes: () => ENC.replace(/\n/g, '\r\n'), code: 1, ...PHONE },
  { name: 'mixed CRLF and LF', file: 'mixed.yaml', bytes: () => { let i = 0; return ENC.replace(/\n/g, () => (i++ % 2 ? '\r\n' : '\n')); }, code: 1, ...PHONE },
  { name: 'old Mac CR line endings', file: 'cr.yaml', bytes: () => ENC.replace(/\n/g, '\r'), code: 1, ...PHONE },
  { name: 'JSON in GBK with CRLF', file: 'gbk-crlf.json', bytes: () => iconv.encode(jsonCount('"12"').replace(/\n/g, '\r\n'), 'gbk'), code: 1, rule: 'SCHEMA-TYPE', at: J, zh: '填报为 "12"；请去掉引号，写作 12', warning: 'PARSE-ENCODING' },

  // ── numbers ──
  { name: 'count `"12"` (quoted)', file: 'n-quoted.yaml', bytes: () => count('"12"'), code: 1, rule: 'SCHEMA-TYPE', pointer: DECISIONS, at: Y, zh: '行政许可 · 本年处理决定数量 应为非负整数，填报为 "12"；请去掉引号，写作 12', en: 'must be a non-negative whole number, found "12"; remove the quotes: write 12' },
  { name: 'count `１２` (full-width)', file: 'n-fullwidth.yaml', bytes: () => count('１２'), code: 1, rule: 'SCHEMA-TYPE', pointer: DECISIONS, at: Y, zh: '填报为 "１２"；全角数字请改为半角数字 12', en: 'use ASCII digits: write 12' },
  { name: 'count `-3`', file: 'n-negative.yaml', bytes: () => count('-3'), code: 1, rule: 'SCHEMA-NEGATIVE', pointer: DECISIONS, at: Y, zh: '行政许可 · 本年处理决定数量 不能为负数，填报为 -3', en: 'cannot be negative, found -3' },
  { name: 'count `"-3"`', file: 'n-negative-text.yaml', bytes: () => count('"-3"'), code: 1, rule: 'SCHEMA-TYPE', at: Y, zh: '件数不能为负数，也不要加引号' },
  { name: 'count `1.5`', file: 'n-fraction.yaml', bytes: () => count('1.5'), code: 1, rule: 'SCHEMA-TYPE', at: Y, zh: '填报为 1.5；件数必须是整数', en: 'a count must be a whole number' },
  { name: 'count `1.0`', file: 'n-point-zero.yaml', bytes: () => count('1.0'), code: 1, rule: 'SCHEMA-TYPE', at: Y, zh: '填报为 1.0；此处应为整数，不要带小数点，写作 1', en: 'found 1.0; a whole number takes no decimal point: write 1' },
  { name: 'count `.nan`', file: 'n-nan.yaml', bytes: () => count('.nan'), code: 1, rule: 'SCHEMA-TYPE', at: Y, zh: '填报为 .nan；不能是 .nan 或 .inf，请填写实际件数', en: 'cannot be .nan or .inf' },
  { name: 'count `.inf`', file: 'n-inf.yaml', bytes: () => count('.inf'), code: 1, rule: 'SCHEMA-TYPE', at: Y, zh: '填报为 .inf；不能是 .nan 或 .inf' },
  { name: 'count `-.inf`', file: 'n-ninf.yaml', bytes: () => count('-.inf'), code: 1, rule: 'SCHEMA-TYPE', at: Y, zh: '填报为 -.inf' },
  { name: 'count `1e3` (a float in YAML 1.2)', file: 'n-exp.yaml', bytes: () => count('1e3'), code: 1, rule: 'SCHEMA-TYPE', pointer: DECISIONS, at: Y, zh: '填报为 1e3；这是指数（科学计数法）写法，读作小数；请直接写作 1000', en: 'found 1e3; exponent notation is read as a decimal number: write 1000' },
  { name: 'count `0x10`', file: 'n-hex.yaml', bytes: () => count('0x10'), code: 1, rule: 'SCHEMA-TYPE', at: Y, zh: '填报为 0x10；这是十六进制或八进制写法；请写作十进制 16' },
  { name: 'count `9007199254740993` (past 2^53)', file: 'n-big.yaml', bytes: () => count('9007199254740993'), code: 1, rule: 'SCHEMA-TOO-LARGE', at: Y, zh: '数值 9007199254740993 过大（上限 9007199254740991），无法精确表示', en: '9007199254740993 is too large' },
  { name: 'count `12345678901234567890`', file: 'n-huge.yaml', bytes: () => count('12345678901234567890'), code: 1, rule: 'SCHEMA-TOO-LARGE', at: Y, zh: '数值 12345678901234567890 过大' },
  { name: 'count `1,234` (block: a string)', file: 'n-sep.yaml', bytes: () => plant(LICENSING, 'licensing:\n    decisions: 1,234'), code: 1, rule: 'SCHEMA-TYPE', at: [38, 16], zh: '填报为 "1,234"；不要使用千位分隔符，写作 1234', en: 'do not use thousands separators: write 1234' },
  { name: 'count `{decisions: 1,234}` (flow: two keys)', file: 'n-sep-flow.yaml', bytes: () => count('1,234'), code: 1, rule: 'SCHEMA-UNKNOWN-KEY', at: [37, 28], zh: '未知的键「234」（此处可用的键：decisions）；在 {…} 中逗号会把数字拆成两个键', en: 'a comma splits a number into two keys' },
  { name: 'count `1，234` (full-width comma)', file: 'n-sep-cn.yaml', bytes: () => count('1，234'), code: 1, rule: 'SCHEMA-TYPE', at: Y, zh: '不要使用千位分隔符，写作 1234' },
  { name: 'count `1 234`', file: 'n-sep-space.yaml', bytes: () => count('1 234'), code: 1, rule: 'SCHEMA-TYPE', at: Y, zh: '不要使用千位分隔符，写作 1234' },
  { name: 'count `12` followed by a no-break space', file: 'n-nbsp.yaml', bytes: () => plant(LICENSING, 'licensing:\n    decisions: 12\u00a0'), code: 1, rule: 'SCHEMA-TYPE', at: [38, 16], zh: '填报为 "12\u00a0"；数字中夹有不可见的空白字符（不换行空格、零宽空格，常见于从网页或 Word 复制），请写作 12', en: 'the number holds invisible spaces' },
  { name: 'key `ｙｅａｒ` (full-width letters)', file: 'k-fullwidth.yaml', bytes: () => plant('year: 2023', 'ｙｅａｒ: 2023'), code: 1, rule: 'SCHEMA-UNKNOWN-KEY', pointer: '/ｙｅａｒ', at: [5, 1], zh: '未知的键「ｙｅａｒ」，是否应为「year」？', en: 'did you mean "year"?', errors: 2 },
  { name: 'key `year` with a zero-width space', file: 'k-zwsp.yaml', bytes: () => plant('year: 2023', 'year\u200b: 2023'), code: 1, rule: 'SCHEMA-UNKNOWN-KEY', at: [5, 1], zh: '是否应为「year」？（此处可用的键：format, agency, year, published, scope, contact, preamble, overview, proactive, requests, reviewsAndLawsuits, problems, other）；键名中有全角字符或不可见字符', errors: 2 },
  { name: 'count left blank', file: 'n-blank.yaml', bytes: () => count(''), code: 1, rule: 'SCHEMA-TYPE', at: Y, zh: '填报为 null；没有的请填 0，不要留空', en: 'write 0 where there is none' },
  { name: 'count `yes`', file: 'n-yes.yaml', bytes: () => count('yes'), code: 1, rule: 'SCHEMA-TYPE', at: Y, zh: '应为非负整数，填报为 "yes"' },
  { name: 'fee `1e-3` (an amount)', file: 'n-fee-exp.yaml', bytes: () => plant('fees: {amountTenThousandYuan: 0}', 'fees: {amountTenThousandYuan: 1e-3}'), code: 1, rule: 'SCHEMA-TYPE', at: [43, 33], zh: '填报为 1e-3；这是指数（科学计数法）写法，读作小数；请直接写作 0.001' },
  { name: 'JSON count `"12"`', file: 'n-quoted.json', bytes: () => jsonCount('"12"'), code: 1, rule: 'SCHEMA-TYPE', pointer: DECISIONS, at: J, zh: '填报为 "12"；请去掉引号，写作 12' },
  { name: 'JSON count `1e3`', file: 'n-exp.json', bytes: () => jsonCount('1e3'), code: 1, rule: 'SCHEMA-TYPE', at: J, zh: '填报为 1e3；这是指数（科学计数法）写法，读作小数；请直接写作 1000' },
  { name: 'JSON count `1.0`', file: 'n-point-zero.json', bytes: () => jsonCount('1.0'), code: 1, rule: 'SCHEMA-TYPE', at: J, zh: '填报为 1.0；此处应为整数' },
  { name: 'JSON count `-1`', file: 'n-negative.json', bytes: () => jsonCount('-1'), code: 1, rule: 'SCHEMA-NEGATIVE', at: J, zh: '不能为负数，填报为 -1' },
  { name: 'JSON count `9007199254740993`', file: 'n-big.json', bytes: () => jsonCount('9007199254740993'), code: 1, rule: 'SCHEMA-TOO-LARGE', at: J, zh: '数值 9007199254740993 过大' },
  { name: 'year `2.023e3`', file: 'n-year.yaml', bytes: () => plant('year: 2023', 'year: 2.023e3'), code: 1, rule: 'SCHEMA-TYPE', pointer: '/year', at: [5, 7], zh: '填报为 2.023e3；这是指数（科学计数法）写法，读作小数；请直接写作 2023' },

  // ── the wrong report ──
  { name: 'format "2020" (no such edition)', file: 'edition.yaml', bytes: () => plant('format: "2021"', 'format: "2020"'), code: 1, rule: 'SCHEMA-EDITION', at: [3, 9], zh: '格式版本 "2020" 不受支持；本工具支持 "2021"', en: 'Format edition "2020" is not supported' },
  { name: 'format 2021 unquoted (a number)', file: 'edition-number.yaml', bytes: () => plant('format: "2021"', 'format: 2021'), code: 1, rule: 'SCHEMA-TYPE', pointer: '/format', at: [3, 9], zh: '格式版本 应为文本，填报为 2021；请加引号写成文本，如 "2021"', en: 'must be text, found 2021; quote it to make it text: "2021"' },
  { name: 'a missing section (table 3)', file: 'missing.yaml', bytes: () => BASE_YAML.replace(/\nrequests:\n[\s\S]*?\n\n/, '\n'), code: 1, rule: 'SCHEMA-REQUIRED', pointer: '/requests', at: [3, 1], zh: '缺少必填项「requests」（三、收到和处理政府信息公开申请情况）', en: 'Required key "requests"' },
  { name: 'a list for a table row', file: 'row-list.yaml', bytes: () => plant('  carriedForward: {naturalPerson: 0, commercial: 0, research: 0, socialWelfare: 0, legalService: 0, otherOrg: 0, total: 0}', '  carriedForward: [0, 0, 0, 0, 0, 0, 0]'), code: 1, rule: 'SCHEMA-TYPE', pointer: '/requests/carriedForward', at: [106, 19], zh: '四、结转下年度继续办理 应为键值映射，填报为 […]；此处应为以列名为键的映射，而不是列表', en: 'must be a mapping, found […]; this should be a mapping of column keys, not a list' },
  { name: 'a list for a whole section', file: 'section-list.yaml', bytes: () => plant('reviewsAndLawsuits:\n  # 行政复议\n  review:', 'reviewsAndLawsuits:\n  # 行政复议\n  - review:').replace('  # 行政诉讼·未经复议直接起诉\n  suitDirect:', '  # 行政诉讼·未经复议直接起诉\n  - suitDirect:').replace('  # 行政诉讼·复议后起诉\n  suitAfterReview:', '  # 行政诉讼·复议后起诉\n  - suitAfterReview:'), code: 1, rule: 'SCHEMA-TYPE', pointer: '/reviewsAndLawsuits', at: [111, 3], zh: '四、政府信息公开行政复议、行政诉讼情况 应为键值映射，填报为 […]；此处应为以各行名称为键的映射，而不是列表', en: 'must be a mapping, found […]; this should be a mapping of row keys, not a list' },
  { name: 'text for a table', file: 'section-text.yaml', bytes: () => plant('proactive:\n', 'proactive: 见附件\nproactive_old:\n'), code: 1, rule: 'SCHEMA-TYPE', pointer: '/proactive', zh: '二、主动公开政府信息情况 应为键值映射，填报为 "见附件"', errors: 2 },

  // ── files that cannot be read: exit 2, one line on stderr ──
  { name: 'a folder with no report in it', file: 'folder.yaml/', bytes: () => '', code: 2, zh: '文件夹中没有 .yaml、.yml 或 .json 文件', en: 'No .yaml, .yml or .json files in the folder' },
  { name: 'a missing file', file: 'missing-file.yaml', bytes: () => '', code: 2, zh: '找不到文件：', en: 'File not found: ' },
];
