// `npm run docs`: writes docs/rules/<ID>.md for every rule and the README's
// rule table from the definitions in src/rules/ (see src/rules/docs.ts).
// tests/rules-docs.test.ts fails when what is committed is stale.
import { build } from 'esbuild';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, '.build', 'rules-docs.mjs');
await build({ entryPoints: [join(root, 'src/rules/docs.ts')], bundle: true, platform: 'node', format: 'esm', outfile: out, logLevel: 'warning' });
const docs = await import(`${pathToFileURL(out).href}?t=${Date.now()}`);

let changed = 0;
function writeIfChanged(file, text) {
  if (existsSync(file) && readFileSync(file, 'utf8') === text) return;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  changed++;
  console.log(`docs: wrote ${file.slice(root.length + 1)}`);
}

const pages = docs.rulePages();
for (const [path, text] of pages) writeIfChanged(join(root, path), text);
// A page whose rule is gone would still be served: remove it.
const dir = join(root, 'docs', 'rules');
for (const f of readdirSync(dir)) {
  if (f.endsWith('.md') && !pages.has(`docs/rules/${f}`)) {
    rmSync(join(dir, f));
    changed++;
    console.log(`docs: removed docs/rules/${f}`);
  }
}
const readme = join(root, 'README.md');
writeIfChanged(readme, docs.withRulesTable(readFileSync(readme, 'utf8')));
console.log(changed ? `docs: ${changed} file(s) changed` : 'docs: up to date');
