// CLI wording that is not a finding, in both languages.
import type { Lang } from '../model/label.js';

export const CLI_TEXT = {
  notFound: { zh: (f: string) => `找不到文件：${f}`, en: (f: string) => `File not found: ${f}` },
  isDirectory: { zh: (f: string) => `这是一个文件夹，不是文件：${f}`, en: (f: string) => `Is a folder, not a file: ${f}` },
  unreadable: { zh: (f: string, why: string) => `无法读取 ${f}：${why}`, en: (f: string, why: string) => `Cannot read ${f}: ${why}` },
  tooLarge: { zh: (f: string, n: number) => `${f} 超过大小上限（${n} 字节）`, en: (f: string, n: number) => `${f} is over the size limit (${n} bytes)` },
  noFiles: { zh: () => '没有指定要检查的文件', en: () => 'No files given to check' },
  badLang: { zh: (v: string) => `--lang 只能是 zh 或 en，而不是 ${v}`, en: (v: string) => `--lang must be zh or en, not ${v}` },
  badFormat: { zh: (v: string, all: string) => `未知的输出格式 ${v}（可用：${all}）`, en: (v: string, all: string) => `Unknown format ${v} (available: ${all})` },
  stdoutFailed: { zh: (c: string) => `无法写入标准输出（${c}），输出不完整`, en: (c: string) => `Cannot write to standard output (${c}); the output is incomplete` },
  internal: { zh: (m: string) => `内部错误：${m}（请报告此问题）`, en: (m: string) => `Internal error: ${m} (please report this)` },
} as const;

export type CliTextKey = keyof typeof CLI_TEXT;

export function detectLang(value: unknown): Lang {
  return value === 'en' ? 'en' : 'zh';
}
