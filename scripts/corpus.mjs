#!/usr/bin/env node
// npm run corpus [-- DIR]: imports every report in ../shared/corpus/ (or DIR)
// with the built tool, validates each, and prints a table: file, agency, year,
// imported fully / with gaps / refused, and the published arithmetic errors.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = resolve(process.argv[2] ?? join(ROOT, '..', 'shared', 'corpus'));
if (!existsSync(dir) || !statSync(dir).isDirectory()) {
  console.log(`No corpus folder at ${dir}: nothing to do (the corpus is not part of the package).`);
  process.exit(0);
}
const dist = join(ROOT, 'dist', 'index.js');
if (!existsSync(dist)) {
  console.error('dist/ is missing: run npm run build first.');
  process.exit(2);
}
const { importReport, validateReport, RULE_BY_ID } = await import(dist);

/** Table cells read: every number under proactive, requests, reviewsAndLawsuits. */
function countNumbers(report) {
  let n = 0;
  const walk = (o) => { if (typeof o === 'number') n++; else if (o && typeof o === 'object') Object.values(o).forEach(walk); };
  for (const k of ['proactive', 'requests', 'reviewsAndLawsuits']) walk(report[k]);
  return n;
}

const files = readdirSync(dir).filter((f) => /\.(txt|md|html?|shtml|docx)$/i.test(f) && !/^readme\.md$/i.test(f)).sort();
const rows = [];
for (const f of files) {
  const r = await importReport(readFileSync(join(dir, f)), { filename: f });
  if (r.refused) {
    rows.push({ file: f, edition: r.edition, agency: '', year: r.refused.year ?? '', status: `refused (${r.refused.reason === 'edition-2019' ? '2019 edition' : r.refused.reason === 'edition-pre-2019' ? 'pre-2019' : 'not a report'})`, gaps: 0, read: 0, errors: [] });
    continue;
  }
  const findings = validateReport(r.report);
  const errors = findings.filter((x) => x.severity === 'error' && RULE_BY_ID[x.ruleId]?.stage === 'arithmetic');
  rows.push({
    file: f,
    edition: r.report.format,
    agency: r.report.agency ?? '?',
    year: r.report.year ?? '?',
    status: r.gaps.length ? 'with gaps' : 'fully',
    gaps: r.gaps.length,
    read: countNumbers(r.report),
    errors: errors.map((x) => `${x.ruleId} ${x.pointer}`),
  });
}

const cols = [['file', 'file'], ['edition', 'edition'], ['agency', 'agency'], ['year', 'year'], ['status', 'imported'], ['read', 'cells read'], ['gaps', 'gaps'], ['errs', 'arithmetic errors as published']];
const cells = rows.map((r) => [r.file, String(r.edition), r.agency, String(r.year), r.status, String(r.read), String(r.gaps), r.errors.length ? r.errors.join('; ') : '—']);
const width = (s) => [...s].reduce((w, ch) => w + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);
const widths = cols.map(([, h], i) => Math.max(width(h), ...cells.map((c) => width(c[i]))));
const line = (c) => c.map((x, i) => (i === c.length - 1 ? x : x + ' '.repeat(widths[i] - width(x)))).join('  ');
console.log(line(cols.map(([, h]) => h)));
console.log(line(widths.map((w) => '-'.repeat(Math.min(w, 40)))));
for (const c of cells) console.log(line(c));
const count = (p) => rows.filter(p).length;
console.log('');
console.log(`${rows.length} reports: ${count((r) => r.status === 'fully')} read fully, ${count((r) => r.status === 'with gaps')} with gaps, ${count((r) => r.status.startsWith('refused'))} refused (${count((r) => r.status.includes('2019 edition'))} in the 2019 edition, ${count((r) => r.status.includes('pre-2019'))} pre-2019, ${count((r) => r.status.includes('not a report'))} not a report).`);
// Per edition: how many pages were read (fully or with gaps), and their cells.
for (const e of ['2021', '2019']) {
  const of = rows.filter((r) => r.edition === e && !r.status.startsWith('refused'));
  console.log(`edition ${e}: ${of.length} read (${of.filter((r) => r.status === 'fully').length} fully), ${of.reduce((s, r) => s + r.read, 0)} table cells, ${of.filter((r) => r.errors.length > 0).length} with arithmetic errors as published.`);
}
console.log(`${rows.reduce((s, r) => s + r.read, 0)} table cells read; ${count((r) => r.errors.length > 0)} report(s) with arithmetic errors as published.`);
