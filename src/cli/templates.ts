// `render --template DIR`: the folder's templates read here; rendering takes
// their texts (src/render/). Mistakes are TemplateErrors, like a template's own.
import { lstatSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { TemplateError, TEMPLATE_NAMES, type TemplateName } from '../render/index.js';

const MAX_TEMPLATE_BYTES = 1024 * 1024;

export interface TemplateTexts {
  readonly templates: Partial<Record<TemplateName, string>>;
  /** The file each template was read from, to name it in errors. */
  readonly files: Partial<Record<TemplateName, string>>;
}

/** Reads the known template files of a folder; anything else there is an error (usually a misspelt name). */
export function readTemplatesDir(dir: string): TemplateTexts {
  const templates: Partial<Record<TemplateName, string>> = {};
  const files: Partial<Record<TemplateName, string>> = {};
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new TemplateError(dir, code === 'ENOTDIR' ? { zh: '不是文件夹', en: 'not a folder' } : code === 'ENOENT' ? { zh: '找不到此文件夹（ENOENT）', en: 'no such folder (ENOENT)' } : code ?? String(e));
  }
  for (const f of names.filter((n) => n.endsWith('.hbs')).sort()) {
    const name = f.slice(0, -4) as TemplateName;
    const path = join(dir, f);
    const known = TEMPLATE_NAMES.map((n) => `${n}.hbs`).join(', ');
    if (!TEMPLATE_NAMES.includes(name)) throw new TemplateError(path, { zh: `未知的模板（可用：${known}）`, en: `unknown template (known: ${known})` });
    const st = lstatSync(path);
    if (!st.isFile()) throw new TemplateError(path, { zh: '不是普通文件（不接受链接和文件夹）', en: 'not a regular file' });
    if (st.size > MAX_TEMPLATE_BYTES) throw new TemplateError(path, { zh: `超过 ${MAX_TEMPLATE_BYTES} 字节`, en: `larger than ${MAX_TEMPLATE_BYTES} bytes` });
    templates[name] = readFileSync(path, 'utf8');
    files[name] = path;
  }
  return { templates, files };
}
