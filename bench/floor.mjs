// The floor a batch is compared with: a plain loop that reads every file and
// parses it as the tool does (its subset reader, the `yaml` Document where
// that gives up), nothing else. Bundled by
// bench/run.mjs from the sources. `render` mode loops the library's
// renderReport over the same files (when the CLI has no many-file render).
//   node floor.js parse LISTFILE
//   node floor.js render LISTFILE DIST_INDEX
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseDocument } from 'yaml';
import { readSubset } from '../src/load/subset-yaml.ts';

const [mode, list, lib] = process.argv.slice(2);
const files = readFileSync(list, 'utf8').split('\n').filter(Boolean);
const utf8 = new TextDecoder('utf-8');
let n = 0;
if (mode === 'parse') {
  for (const f of files) {
    const text = utf8.decode(readFileSync(f));
    const r = readSubset(text, 20);
    // A file with a syntax error still costs its parse.
    if ('gaveUp' in r ? parseDocument(text, { version: '1.2', uniqueKeys: false }).errors.length === 0 : r.data !== undefined) n++;
  }
} else if (mode === 'render') {
  // As `report render` does: check first, refuse a report with errors, else render.
  const { renderReport, checkSource } = await import(pathToFileURL(lib).href);
  for (const f of files) {
    const r = checkSource(readFileSync(f), { filename: f });
    if (r.findings.some((x) => x.severity === 'error')) continue;
    if (renderReport(r.load.data, { format: 'html' }).length > 0) n++;
  }
} else {
  throw new Error(`unknown mode ${mode}`);
}
process.stdout.write(`${n}\n`);
