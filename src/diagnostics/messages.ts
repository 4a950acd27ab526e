// Words shared by the rules' messages (each rule's own message is in its
// definition, src/rules/*.ts): hints for values of the wrong type, type names,
// the equations' difference, where a cell of another file is.
import type { Lang } from '../model/label.js';
import type { Finding } from './finding.js';
import { describePointer } from '../model/cells.js';

type P = Finding['params'];
interface Hint { readonly zh: (p: P) => string; readonly en: (p: P) => string }

/** How far a reported total is from the computed one. */
export const diff = (p: P) => Math.abs(Number(p.reported) - Number(p.computed));

/** The hint a finding's params name, after a separator; '' without one. */
export const hintZh = (p: P) => (p.hint ? `；${HINTS[p.hint as HintId]?.zh(p) ?? ''}` : '');
export const hintEn = (p: P) => (p.hint ? `; ${HINTS[p.hint as HintId]?.en(p) ?? ''}` : '');

/** Advice for values of the wrong type: what was written, what to write instead. */
export const HINTS = {
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
} as const satisfies Record<string, Hint>;
export type HintId = keyof typeof HINTS;

export const TYPE_ZH: Record<string, string> = {
  integer: '非负整数', number: '数字', string: '文本', object: '键值映射', array: '列表', boolean: '布尔值', null: '空值',
};
export const TYPE_EN: Record<string, string> = {
  integer: 'a non-negative whole number', number: 'a number', string: 'text', object: 'a mapping', array: 'a list', boolean: 'a boolean', null: 'null',
};

/** "（2022.yaml 第 88 行）" for a file and line, when known. */
export function where(lang: Lang, file: unknown, line: unknown): string {
  if (file === undefined && line === undefined) return '';
  if (lang === 'zh') return `（${file ?? ''}${line !== undefined ? `${file !== undefined ? ' ' : ''}第 ${line} 行` : ''}）`;
  return ` (${file ?? ''}${line !== undefined ? `${file !== undefined ? ' ' : ''}line ${line}` : ''})`;
}

/** One or more cells ("a+b" pointers), named by their labels. */
export function cellsOf(pointers: unknown, lang: Lang): string {
  return String(pointers ?? '').split('+').map((x) => describePointer(x, lang)).join(' + ');
}
