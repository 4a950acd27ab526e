// The text of every finding, in Chinese and English, keyed by rule id.
// `satisfies Record<RuleId, …>` makes a missing translation a compile error.
import type { Lang } from '../model/label.js';
import type { RuleId } from '../rules/catalog.js';
import type { Finding } from './finding.js';
import { describePointer } from '../model/cells.js';

type P = Finding['params'];
type Text = (p: P, cell: string) => string;
interface Message { readonly zh: Text; readonly en: Text }

const diff = (p: P) => Math.abs(Number(p.reported) - Number(p.computed));
const fmt = (v: unknown) => (v === undefined ? '' : String(v));

const hintZh = (p: P) => (p.hint ? `；${HINTS[p.hint as HintId]?.zh(p) ?? ''}` : '');
const hintEn = (p: P) => (p.hint ? `; ${HINTS[p.hint as HintId]?.en(p) ?? ''}` : '');

/** Advice for values of the wrong type: what was written, what to write instead. */
const HINTS = {
  quotedNumber: { zh: (p: P) => `请去掉引号，写作 ${p.suggest}`, en: (p: P) => `remove the quotes: write ${p.suggest}` },
  fullWidth: { zh: (p: P) => `全角数字请改为半角数字 ${p.suggest}`, en: (p: P) => `use ASCII digits: write ${p.suggest}` },
  separators: { zh: (p: P) => `不要使用千位分隔符，写作 ${p.suggest}`, en: (p: P) => `do not use thousands separators: write ${p.suggest}` },
  fraction: { zh: () => '件数必须是整数', en: () => 'a count must be a whole number' },
  notFinite: { zh: () => '不能是 .nan 或 .inf，请填写实际件数', en: () => 'cannot be .nan or .inf: write the actual count' },
  blank: { zh: () => '没有的请填 0，不要留空', en: () => 'write 0 where there is none, do not leave it blank' },
  phoneNumber: { zh: () => '电话号码请加引号写成文本，以免丢失开头的 0', en: () => 'quote the phone number so a leading 0 is kept' },
  wrongShape: { zh: (p: P) => `此处应为${p.expectedZh}`, en: (p: P) => `this should be ${p.expectedEn}` },
  exponent: {
    zh: (p: P) => `这是指数（科学计数法）写法，读作小数${p.suggest ? `；请直接写作 ${p.suggest}` : ''}`,
    en: (p: P) => `exponent notation is read as a decimal number${p.suggest ? `: write ${p.suggest}` : ''}`,
  },
  radix: {
    zh: (p: P) => `这是十六进制或八进制写法${p.suggest ? `；请写作十进制 ${p.suggest}` : ''}`,
    en: (p: P) => `this is hexadecimal or octal${p.suggest ? `: write ${p.suggest} in decimal` : ''}`,
  },
  pointZero: {
    zh: (p: P) => `此处应为整数，不要带小数点${p.suggest ? `，写作 ${p.suggest}` : ''}`,
    en: (p: P) => `a whole number takes no decimal point${p.suggest ? `: write ${p.suggest}` : ''}`,
  },
  quoteText: { zh: (p: P) => `请加引号写成文本，如 "${p.value}"`, en: (p: P) => `quote it to make it text: "${p.value}"` },
  invisible: {
    zh: (p: P) => `数字中夹有不可见的空白字符（不换行空格、零宽空格，常见于从网页或 Word 复制），请写作 ${p.suggest}`,
    en: (p: P) => `the number holds invisible spaces (no-break or zero-width, common when copied from a web page or Word): write ${p.suggest}`,
  },
  oddKey: {
    zh: () => '键名中有全角字符或不可见字符（常见于从网页或 Word 复制），请用半角字母重新输入',
    en: () => 'the key holds full-width or invisible characters (common when copied from a web page or Word): type it again in ASCII',
  },
  negativeText: { zh: () => '件数不能为负数，也不要加引号', en: () => 'a count cannot be negative, and takes no quotes' },
  splitNumber: {
    zh: () => '在 {…} 中逗号会把数字拆成两个键，是否写了千位分隔符？请去掉逗号，如 1234',
    en: () => 'inside {…} a comma splits a number into two keys: a thousands separator? Remove it, e.g. 1234',
  },
} as const satisfies Record<string, Message & Record<'zh' | 'en', (p: P) => string>>;
export type HintId = keyof typeof HINTS;

const TYPE_ZH: Record<string, string> = {
  integer: '非负整数', number: '数字', string: '文本', object: '键值映射', array: '列表', boolean: '布尔值', null: '空值',
};
const TYPE_EN: Record<string, string> = {
  integer: 'a non-negative whole number', number: 'a number', string: 'text', object: 'a mapping', array: 'a list', boolean: 'a boolean', null: 'null',
};

export const MESSAGES = {
  'PARSE-SYNTAX': { zh: (p) => `语法错误：${p.detail}`, en: (p) => `Syntax error: ${p.detail}` },
  'PARSE-DUPLICATE-KEY': {
    zh: (p) => `键「${p.key}」重复出现${p.firstLine ? `（第一次在第 ${p.firstLine} 行）` : ''}；每个键只能写一次`,
    en: (p) => `Key "${p.key}" appears twice${p.firstLine ? ` (first on line ${p.firstLine})` : ''}; each key may appear once`,
  },
  'PARSE-MULTI-DOC': {
    zh: () => '文件中有多个 YAML 文档（以 --- 分隔）；一个文件只能写一份报告',
    en: () => 'The file holds more than one YAML document (separated by ---); one file holds one report',
  },
  'PARSE-EMPTY': { zh: () => '文件为空（或只有注释）；应为一份年度报告数据', en: () => 'The file is empty (or holds only comments); a report was expected' },
  'PARSE-NOT-MAPPING': {
    zh: (p) => `文件顶层是${TYPE_ZH[String(p.actual)] ?? p.actual}，应为以 format、agency、year 等为键的映射`,
    en: (p) => `The top level is ${TYPE_EN[String(p.actual)] ?? p.actual}; a mapping with keys format, agency, year, … was expected`,
  },
  'PARSE-ALIAS': {
    zh: (p) => `不接受 YAML 锚点和别名（${p.detail}）；请直接写出数值`,
    en: (p) => `YAML anchors and aliases are not accepted (${p.detail}); write the values out`,
  },
  'PARSE-TOO-LARGE': {
    zh: (p) => `文件大小${Number.isFinite(Number(p.size)) ? ` ${p.size} 字节，` : ''}超过上限 ${p.limit} 字节（一份报告只有几 KB）`,
    en: (p) => `The file is ${Number.isFinite(Number(p.size)) ? `${p.size} bytes, ` : ''}over the limit of ${p.limit} bytes (a report is a few KB)`,
  },
  'PARSE-TOO-DEEP': {
    zh: (p) => `嵌套超过 ${p.limit} 层；报告数据最多只有 5 层`,
    en: (p) => `Nested more than ${p.limit} levels deep; a report has at most 5`,
  },
  'PARSE-BINARY': {
    zh: () => '文件不是文本（含有二进制内容）；应为 UTF-8 编码的 YAML 或 JSON',
    en: () => 'The file is not text (it holds binary data); UTF-8 YAML or JSON was expected',
  },
  'PARSE-ENCODING': {
    zh: (p) => `文件按 ${p.encoding} 编码读取；建议另存为 UTF-8`,
    en: (p) => `The file was decoded as ${p.encoding}; save it as UTF-8`,
  },
  'SCHEMA-REQUIRED': {
    zh: (p, cell) => `缺少必填项「${p.key}」（${cell}）`,
    en: (p, cell) => `Required key "${p.key}" (${cell}) is missing`,
  },
  'SCHEMA-UNKNOWN-KEY': {
    zh: (p) => `未知的键「${p.key}」${p.suggest ? `，是否应为「${p.suggest}」？` : ''}（此处可用的键：${p.allowed}）${hintZh(p)}`,
    en: (p) => `Unknown key "${p.key}"${p.suggest ? `; did you mean "${p.suggest}"?` : ''} (keys allowed here: ${p.allowed})${hintEn(p)}`,
  },
  'SCHEMA-TYPE': {
    zh: (p, cell) => `${cell} 应为${TYPE_ZH[String(p.expected)] ?? p.expected}，填报为 ${p.value}${hintZh(p)}`,
    en: (p, cell) => `${cell} must be ${TYPE_EN[String(p.expected)] ?? p.expected}, found ${p.value}${hintEn(p)}`,
  },
  'SCHEMA-NEGATIVE': {
    zh: (p, cell) => `${cell} 不能为负数，填报为 ${p.value}`,
    en: (p, cell) => `${cell} cannot be negative, found ${p.value}`,
  },
  'SCHEMA-TOO-LARGE': {
    zh: (p, cell) => `${cell} 数值 ${p.value} 过大（上限 ${p.limit}），无法精确表示`,
    en: (p, cell) => `${cell}: ${p.value} is too large (limit ${p.limit}) to be held exactly`,
  },
  'SCHEMA-EDITION': {
    zh: (p) => `格式版本 ${p.value} 不受支持${p.known ? `（${p.known}）` : ''}；本工具支持 "2021"（国办公开办函〔2021〕30号），请写作 format: "2021"`,
    en: (p) => `Format edition ${p.value} is not supported${p.known ? ` (${p.known})` : ''}; this tool reads "2021" (国办公开办函〔2021〕30号): write format: "2021"`,
  },
  'SCHEMA-ENUM': {
    zh: (p, cell) => `${cell} 填报为 ${p.value}，只能是 ${p.allowed}`,
    en: (p, cell) => `${cell} is ${p.value}; allowed: ${p.allowed}`,
  },
  'SCHEMA-PATTERN': {
    zh: (p, cell) => (p.what === 'date' ? `${cell} 填报为 ${p.value}，应为 YYYY-MM-DD 格式的日期，如 2024-01-20` : `${cell} 不能为空`),
    en: (p, cell) => (p.what === 'date' ? `${cell} is ${p.value}; a date as YYYY-MM-DD, e.g. 2024-01-20, was expected` : `${cell} cannot be empty`),
  },
  'SCHEMA-DECIMALS': {
    zh: (p, cell) => `${cell} 填报为 ${p.value}，以万元为单位最多保留四位小数`,
    en: (p, cell) => `${cell} is ${p.value}; in units of 10,000 yuan at most four decimal places`,
  },
  'SCHEMA-YEAR': {
    zh: (p) => `报告年度 ${p.value} 晚于当前年度 ${p.limit}`,
    en: (p) => `Report year ${p.value} is after the current year ${p.limit}`,
  },
  'SCHEMA-DATE': {
    zh: (p) => `发布日期 ${p.value} 不是真实存在的日期`,
    en: (p) => `Publication date ${p.value} is not a real date`,
  },
  'T3-ROW-TOTAL': {
    zh: (p, cell) => `${cell}：六类申请人之和为 ${p.computed}，填报为 ${p.reported}，相差 ${diff(p)}`,
    en: (p, cell) => `${cell}: the six applicant columns add up to ${p.computed}, reported ${p.reported}, off by ${diff(p)}`,
  },
  'T3-OUTCOME-TOTAL': {
    zh: (p, cell) => `${cell}：（一）至（六）之和为 ${p.computed}，填报为 ${p.reported}，相差 ${diff(p)}`,
    en: (p, cell) => `${cell}: items (1) to (6) add up to ${p.computed}, reported ${p.reported}, off by ${diff(p)}`,
  },
  'T3-BALANCE': {
    zh: (p) => `三、收到和处理政府信息公开申请情况 · ${p.column}：一 + 二 = ${p.received} + ${p.carriedOver} = ${Number(p.received) + Number(p.carriedOver)}，三（七）总计 + 四 = ${p.outcomes} + ${p.carriedForward} = ${Number(p.outcomes) + Number(p.carriedForward)}，相差 ${Math.abs(Number(p.received) + Number(p.carriedOver) - Number(p.outcomes) - Number(p.carriedForward))}`,
    en: (p) => `Table 3 · ${p.columnEn}: I + II = ${p.received} + ${p.carriedOver} = ${Number(p.received) + Number(p.carriedOver)}, but III (7) total + IV = ${p.outcomes} + ${p.carriedForward} = ${Number(p.outcomes) + Number(p.carriedForward)}, off by ${Math.abs(Number(p.received) + Number(p.carriedOver) - Number(p.outcomes) - Number(p.carriedForward))}`,
  },
  'T4-TOTAL': {
    zh: (p, cell) => `${cell}：结果维持、结果纠正、其他结果、尚未审结之和为 ${p.computed}，填报为 ${p.reported}，相差 ${diff(p)}`,
    en: (p, cell) => `${cell}: upheld + corrected + other + pending add up to ${p.computed}, reported ${p.reported}, off by ${diff(p)}`,
  },
  'T2-IN-FORCE': {
    zh: (p, cell) => `${cell} ${p.inForce} 小于本年制发件数 ${p.issued}；本年制发的文件应计入现行有效件数，请核对`,
    en: (p, cell) => `${cell} ${p.inForce} is less than the ${p.issued} issued this year; documents issued this year are normally in force`,
  },
  'DATE-LATE': {
    zh: (p) => `发布日期 ${p.published} 晚于 ${p.deadline}（《政府信息公开条例》第四十九条：${p.scope === 'government' ? '本级政府年度报告应于每年 3 月 31 日前公布' : '各机关年度报告应于每年 1 月 31 日前公布'}）`,
    en: (p) => `Published ${p.published}, after the deadline ${p.deadline} (Article 49: ${p.scope === 'government' ? "a government's report by 31 March" : "an agency's report by 31 January"})`,
  },
  'DATE-EARLY': {
    zh: (p) => `发布日期 ${p.published} 早于报告年度 ${p.year} 年结束`,
    en: (p) => `Published ${p.published}, before the report year ${p.year} ended`,
  },
  'YEAR-EDITION': {
    zh: (p) => `${p.year} 年度报告应使用 2019 年试行格式（2021 年格式自 2021 年度报告起施行），本文件声明为 format: "2021"`,
    en: (p) => `A report for ${p.year} used the 2019 trial edition (the 2021 edition applies from 2021 reports on), but this file says format: "2021"`,
  },
  'PREV-CARRY': {
    zh: (p, cell) => `${cell} 为 ${p.current}${where('zh', p.file, p.line)}，上年报告 ${cellsOf(p.prevPointer, 'zh')} 为 ${p.previous}${where('zh', p.prevFile, p.prevLine)}；两者应相等，相差 ${Math.abs(Number(p.current) - Number(p.previous))}`,
    en: (p, cell) => `${cell} is ${p.current}${where('en', p.file, p.line)}, but last year's ${cellsOf(p.prevPointer, 'en')} is ${p.previous}${where('en', p.prevFile, p.prevLine)}; they should be equal, off by ${Math.abs(Number(p.current) - Number(p.previous))}`,
  },
  'PREV-IN-FORCE': {
    zh: (p, cell) => `${cell} 为 ${p.current}${where('zh', p.file, p.line)}，上年现行有效 ${p.previous}${where('zh', p.prevFile, p.prevLine)} + 本年制发 ${p.issued} − 本年废止 ${p.repealed} = ${p.expected}，相差 ${Math.abs(Number(p.current) - Number(p.expected))}；请核对（口径不同时可能不等）`,
    en: (p, cell) => `${cell} is ${p.current}${where('en', p.file, p.line)}, but last year's in force ${p.previous}${where('en', p.prevFile, p.prevLine)} + issued ${p.issued} - repealed ${p.repealed} = ${p.expected}, off by ${Math.abs(Number(p.current) - Number(p.expected))}; please check (definitions may differ)`,
  },
  'PREV-COPIED': {
    zh: (p) => `表二、三、四的全部 ${p.cells} 个数字与上年报告 ${p.prevFile} 完全相同，疑似照搬上年报告，请核对`,
    en: (p) => `All ${p.cells} figures of tables 2, 3 and 4 are the same as in last year's report ${p.prevFile}: probably copied, please check`,
  },
  'TEXT-TABLE': {
    zh: (p, cell) => `${cell}写明「${p.quote}」（${p.statedValue}${p.unit ?? ''}），而 ${cellsOf(p.target, 'zh')} 为 ${p.tableValue}${p.unit ?? ''}；文字与表格不一致`,
    en: (p, cell) => `${cell} says "${p.quote}" (${p.statedValue}${p.unitEn ? ` ${p.unitEn}` : ''}), but ${cellsOf(p.target, 'en')} is ${p.tableValue}${p.unitEn ? ` ${p.unitEn}` : ''}; the text and the table disagree`,
  },
} as const satisfies Record<RuleId, Message>;

/** "（2022.yaml 第 88 行）" for a file and line, when known. */
function where(lang: Lang, file: unknown, line: unknown): string {
  if (file === undefined && line === undefined) return '';
  if (lang === 'zh') return `（${file ?? ''}${line !== undefined ? `${file !== undefined ? ' ' : ''}第 ${line} 行` : ''}）`;
  return ` (${file ?? ''}${line !== undefined ? `${file !== undefined ? ' ' : ''}line ${line}` : ''})`;
}

/** One or more cells ("a+b" pointers), named by their labels. */
function cellsOf(pointers: unknown, lang: Lang): string {
  return String(pointers ?? '').split('+').map((x) => describePointer(x, lang)).join(' + ');
}

export function formatMessage(f: Finding, lang: Lang): string {
  const m = (MESSAGES as Record<string, Message>)[f.ruleId];
  if (!m) return f.ruleId;
  return m[lang](f.params, describePointer(f.pointer, lang));
}
