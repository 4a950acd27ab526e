// PDF bench helper, one process per run (bench/run.mjs times it):
//   node bench/pdf.mjs text   LIST   pdf.js alone: open each PDF, every page's text (the peer)
//   node bench/pdf.mjs import LIST   report's importReport on each PDF (text, ruling lines, tables, data)
// LIST: a file of paths, one a line. Both give pdf.js the same options (the packaged CMaps).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const [mode, list] = process.argv.slice(2);
const files = readFileSync(list, 'utf8').split('\n').filter(Boolean);
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
let n = 0;
if (mode === 'text') {
  const require = createRequire(join(ROOT, 'package.json'));
  const dir = dirname(require.resolve('pdfjs-dist/package.json'));
  const pdfjs = await import(pathToFileURL(join(dir, 'legacy/build/pdf.mjs')).href);
  for (const f of files) {
    const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(f)), cMapUrl: `${dir}/cmaps/`, cMapPacked: true, standardFontDataUrl: `${dir}/standard_fonts/`, isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;
    for (let p = 1; p <= doc.numPages; p++) n += (await (await doc.getPage(p)).getTextContent()).items.length;
    await doc.destroy();
  }
} else if (mode === 'import') {
  const { importReport } = await import(pathToFileURL(join(ROOT, 'dist', 'index.js')).href);
  for (const f of files) {
    const r = await importReport(readFileSync(f), { filename: f });
    if (r.refused) throw new Error(`${f}: refused (${r.refused.reason})`);
    n += r.gaps.length + 1;
  }
} else {
  throw new Error('mode: text or import');
}
if (!n) throw new Error('nothing read');
