// Command-line operands → report files: files as given, folders searched
// recursively, quoted globs expanded. Order is deterministic (operands in
// order, each folder's or glob's matches sorted) and every file appears once.
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Lang } from '../model/label.js';

/** What a folder or glob picks up. */
export const REPORT_FILE = /\.(ya?ml|json)$/i;
const SKIP_DIR = (name: string) => name === 'node_modules' || name.startsWith('.');

export const EXPAND_TEXT = {
  noMatch: { zh: (p: string) => `没有文件与模式匹配：${p}`, en: (p: string) => `No files match the pattern: ${p}` },
  emptyDir: { zh: (d: string) => `文件夹中没有 .yaml、.yml 或 .json 文件：${d}`, en: (d: string) => `No .yaml, .yml or .json files in the folder: ${d}` },
  unreadableDir: { zh: (d: string, m: string) => `无法读取文件夹 ${d}：${m}`, en: (d: string, m: string) => `Cannot read the folder ${d}: ${m}` },
} as const;

export interface Expanded {
  /** Files to check, as paths relative to cwd (or as given); '-' is kept. */
  readonly files: string[];
  /** One-line problems (a glob or folder with no report file). */
  readonly errors: string[];
}

/** Joins a folder operand and a relative path the way the user wrote the folder. */
const under = (dir: string, rel: string) => (dir === '.' || dir === './' ? rel : join(dir, rel));

function walk(root: string, dir: string, out: string[]): void {
  const entries = readdirSync(join(root, dir), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const rel = dir ? join(dir, e.name) : e.name;
    if (e.isDirectory()) {
      if (!SKIP_DIR(e.name)) walk(root, rel, out);
    } else if ((e.isFile() || e.isSymbolicLink()) && REPORT_FILE.test(e.name)) {
      if (e.isSymbolicLink()) {
        try { if (!statSync(join(root, rel)).isFile()) continue; } catch { continue; }
      }
      out.push(rel);
    }
  }
}

function statOrUndefined(path: string) {
  try { return statSync(path); } catch { return undefined; }
}

export async function expandOperands(operands: readonly string[], cwd: string, lang: Lang): Promise<Expanded> {
  const files: string[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  const add = (f: string) => {
    const key = f === '-' ? '-' : resolve(cwd, f);
    if (seen.has(key)) return;
    seen.add(key);
    files.push(f);
  };
  // Loaded only for an operand that is not a file or folder: it costs start-up time (a pre-commit hook names files).
  let globber: typeof import('tinyglobby') | undefined;
  for (const op of operands) {
    if (op === '-') { add(op); continue; }
    const st = statOrUndefined(resolve(cwd, op));
    if (st?.isDirectory()) {
      const found: string[] = [];
      try {
        walk(resolve(cwd, op), '', found);
      } catch (e) {
        errors.push(EXPAND_TEXT.unreadableDir[lang](op, (e as NodeJS.ErrnoException).code ?? (e as Error).message));
        continue;
      }
      if (!found.length) errors.push(EXPAND_TEXT.emptyDir[lang](op));
      for (const f of found) add(under(op, f));
    } else if (!st && (globber ??= await import('tinyglobby')).isDynamicPattern(op)) {
      const found = await globber.glob(op, {
        cwd, onlyFiles: true, dot: false, expandDirectories: false,
        ignore: ['**/node_modules/**'],
      });
      // The user chose the pattern: every match is checked, whatever its extension.
      const reports = found.sort();
      if (!reports.length) errors.push(EXPAND_TEXT.noMatch[lang](op));
      for (const f of reports) add(f);
    } else {
      // A plain file, or a missing one: the reader reports it with its own message.
      add(op);
    }
  }
  return { files, errors };
}
