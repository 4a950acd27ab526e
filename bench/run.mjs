#!/usr/bin/env node
// `npm run bench`: whole-process timings of the CLI against its peers, several
// runs, medians, one table of ratios and the budgets as PASS/FAIL.
//   npm run bench [-- --runs 7] [-- --count 10000] [-- --smoke]
// --smoke: a few files, one run each, no budgets asserted (checks the bench
// itself still works; tests/bench runs it).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, openSync, closeSync } from 'node:fs';
import { tmpdir, availableParallelism, cpus } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { generate } from './generate.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(`--${name}`);
const opt = (name, def) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined ? Number(argv[i + 1]) : def;
};
const SMOKE = flag('smoke');
const RUNS = opt('runs', SMOKE ? 1 : 5);
const COLD_RUNS = opt('cold-runs', SMOKE ? 2 : 15);
const COUNT = opt('count', SMOKE ? 40 : 10000);
const RENDER_COUNT = Math.min(opt('render-count', SMOKE ? 10 : 1000), COUNT);
const SEED = 20240120;

const BIN = join(ROOT, 'bin', 'report.js');
const AJV = join(ROOT, 'node_modules', 'ajv-cli', 'dist', 'index.js');
const SCHEMA = join(ROOT, 'schemas', 'report.schema.json');
const ONE = join(ROOT, 'examples', 'shizhi-2023.yaml');
const TIME = existsSync('/usr/bin/time') && !process.env.XXGK_BENCH_NO_TIME ? '/usr/bin/time' : undefined;

const log = (s = '') => process.stdout.write(s + '\n');
const fail = (msg) => {
  process.stderr.write(`bench: ${msg}\n`);
  process.exit(2);
};

if (!existsSync(join(ROOT, 'dist', 'cli.js'))) fail('dist/ is missing; run `npm run build` first');

// ── data ────────────────────────────────────────────────────────────────────
const dataDir = SMOKE ? mkdtempSync(join(tmpdir(), 'xxgk-bench-')) : join(ROOT, 'bench', '.data');
const stampFile = join(dataDir, '.stamp');
const stamp = JSON.stringify({ count: COUNT, seed: SEED, generator: readFileSync(join(ROOT, 'bench', 'generate.mjs'), 'utf8').length });
let files;
if (!SMOKE && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) {
  files = readdirSync(dataDir).filter((f) => f.endsWith('.yaml')).sort().map((f) => join(dataDir, f));
} else {
  log(`generating ${COUNT} report files into ${relative(ROOT, dataDir) || dataDir} …`);
  const g = generate({ count: COUNT, out: dataDir, seed: SEED });
  files = g.files;
  writeFileSync(stampFile, stamp);
  log(`  ${(g.bytes / COUNT / 1024).toFixed(1)} KB average; mix ${JSON.stringify(g.mix)}`);
}
const rel = files.map((f) => relative(ROOT, f));
// ajv-cli stops at the first file it cannot parse (exit 2), so it gets the
// files its own js-yaml 3 can read; throughput is compared per file.
const ajvListFile = join(dataDir, '.ajv-list');
let ajvFiles;
if (!SMOKE && existsSync(ajvListFile) && readFileSync(stampFile, 'utf8') === stamp && readFileSync(ajvListFile, 'utf8')) {
  ajvFiles = readFileSync(ajvListFile, 'utf8').split('\n');
} else {
  const yaml3 = createRequire(AJV)('js-yaml');
  ajvFiles = rel.filter((f) => {
    try {
      yaml3.safeLoad(readFileSync(join(ROOT, f), 'utf8'));
      return true;
    } catch {
      return false;
    }
  });
  writeFileSync(ajvListFile, ajvFiles.join('\n'));
}
const listFile = join(dataDir, '.list');
writeFileSync(listFile, files.join('\n'));
const renderList = join(dataDir, '.render-list');
writeFileSync(renderList, files.slice(0, RENDER_COUNT).join('\n'));

// The parse floor and the in-process helpers are bundled from the sources,
// so the floor uses exactly the tool's own fast parser.
const helperDir = join(ROOT, '.build', 'bench');
mkdirSync(helperDir, { recursive: true });
{
  const { build } = await import('esbuild');
  await build({
    entryPoints: { floor: join(ROOT, 'bench', 'floor.mjs') },
    outdir: helperDir, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
}
const FLOOR = join(helperDir, 'floor.js');

// ── process timing ──────────────────────────────────────────────────────────
const devnull = openSync('/dev/null', 'w');
/** Runs a whole process; wall time in ms, peak RSS in MB (when /usr/bin/time exists), exit code. */
// Without /usr/bin/time, a preload prints the process's own peak RSS at exit.
const RSS_PRELOAD = join(helperDir, 'rss.mjs');
writeFileSync(RSS_PRELOAD, "process.on('exit', () => { const u = process.resourceUsage(); process.stderr.write(`\\n@@rss ${u.maxRSS} ${(u.userCPUTime + u.systemCPUTime) / 1e6}`); });\n");
function timeProcess(cmd, args) {
  return new Promise((resolveP, reject) => {
    const full = TIME ? [TIME, ['-f', '\n@@rss %M %U %S', cmd, ...args]] : cmd === process.execPath ? [cmd, ['--import', pathToFileURL(RSS_PRELOAD).href, ...args]] : [cmd, args];
    const t0 = process.hrtime.bigint();
    const child = spawn(full[0], full[1], { cwd: ROOT, stdio: ['ignore', devnull, 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      const m = /@@rss (\d+) ([\d.]+)(?: ([\d.]+))?\s*$/.exec(err);
      const cpuMs = m ? (Number(m[2]) + Number(m[3] ?? 0)) * 1000 : undefined;
      resolveP({ ms, cpuMs, rssMB: m ? Number(m[1]) / 1024 : undefined, code, stderr: m ? err.slice(0, m.index) : err });
    });
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) >> 1] : (s[n / 2 - 1] + s[n / 2]) / 2;
};

/** Interleaves the commands run by run, so drift in machine load hits all alike. */
async function measure(name, commands, runs) {
  const samples = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  const rss = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  const cpu = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  const codes = {};
  for (let i = 0; i < runs; i++) {
    for (const [k, [cmd, args, okCodes]] of Object.entries(commands)) {
      const r = await timeProcess(cmd, args);
      if (!okCodes.includes(r.code)) fail(`${name}: \`${k}\` exited with ${r.code}${r.stderr ? `:\n${r.stderr.slice(0, 2000)}` : ''}`);
      samples[k].push(r.ms);
      if (r.rssMB !== undefined) rss[k].push(r.rssMB);
      if (r.cpuMs !== undefined) cpu[k].push(r.cpuMs);
      codes[k] = r.code;
    }
    process.stdout.write('.');
  }
  process.stdout.write('\n');
  return Object.fromEntries(Object.keys(commands).map((k) => [k, { ms: median(samples[k]), min: Math.min(...samples[k]), rssMB: rss[k].length ? Math.max(...rss[k]) : undefined, cpuMs: cpu[k].length ? median(cpu[k]) : undefined, runs: samples[k].length }]));
}

const node = process.execPath;
const rows = [];
const budgets = [];
const fmtMs = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(0)} ms`);

log(`node ${process.version}, ${availableParallelism()} cores (${cpus()[0]?.model ?? '?'}), ${files.length} files, ${RUNS} batch runs, ${COLD_RUNS} cold runs${SMOKE ? ' (smoke: budgets not asserted)' : ''}`);

// 1. Cold start.
log('\n1. cold start: one file');
const cold = await measure('cold start', {
  'node -e 0': [node, ['-e', '0'], [0]],
  'report validate': [node, [BIN, 'validate', relative(ROOT, ONE)], [0]],
  'ajv-cli validate': [node, [AJV, 'validate', '--spec=draft2020', '-s', relative(ROOT, SCHEMA), '-d', relative(ROOT, ONE)], [0, 1]],
}, COLD_RUNS);
rows.push(['cold: node -e 0 (floor)', cold['node -e 0'].ms, 1, '', cold['node -e 0'].cpuMs]);
rows.push(['cold: report validate', cold['report validate'].ms, cold['report validate'].ms / cold['node -e 0'].ms, '× node -e 0', cold['report validate'].cpuMs]);
rows.push(['cold: ajv-cli validate', cold['ajv-cli validate'].ms, cold['ajv-cli validate'].ms / cold['node -e 0'].ms, '× node -e 0', cold['ajv-cli validate'].cpuMs]);
budgets.push(['cold start ≤ 2× node -e 0', cold['report validate'].ms / cold['node -e 0'].ms, (x) => x <= 2, (x) => `${x.toFixed(2)}×`]);

// 2. Batch: every file in one call.
log(`\n2. batch: ${files.length} files in one call`);
const folderOk = spawnSync(node, [BIN, 'validate', relative(ROOT, join(ROOT, 'examples'))], { cwd: ROOT, stdio: 'ignore' }).status === 0;
const reportArgs = folderOk ? [relative(ROOT, dataDir) || dataDir] : rel;
const batch = await measure('batch', {
  'parse floor': [node, [FLOOR, 'parse', listFile], [0]],
  'report validate': [node, [BIN, 'validate', ...reportArgs], [0, 1]],
  'ajv-cli validate': [node, [AJV, 'validate', '--spec=draft2020', '-s', relative(ROOT, SCHEMA), ...ajvFiles.flatMap((f) => ['-d', f])], [0, 1]],
}, RUNS);
const perFile = (ms) => `${((ms / files.length) * 1000).toFixed(0)} µs/file`;
log(`  report validate given ${folderOk ? 'the folder' : 'every path as an argument'} (${files.length} files); ajv-cli given the ${ajvFiles.length} files its parser reads`);
const ajvPerFile = batch['ajv-cli validate'].ms / ajvFiles.length;
const reportPerFile = batch['report validate'].ms / files.length;
rows.push(['batch: parse floor (the tool\'s own fast parser)', batch['parse floor'].ms, 1, perFile(batch['parse floor'].ms), batch['parse floor'].cpuMs]);
rows.push(['batch: report validate', batch['report validate'].ms, batch['report validate'].ms / batch['parse floor'].ms, `× floor; ${perFile(batch['report validate'].ms)}`, batch['report validate'].cpuMs]);
rows.push([`batch: ajv-cli validate (schema only, ${ajvFiles.length} files)`, batch['ajv-cli validate'].ms, batch['ajv-cli validate'].ms / batch['parse floor'].ms, `× floor; ${((ajvPerFile) * 1000).toFixed(0)} µs/file`, batch['ajv-cli validate'].cpuMs]);
budgets.push(['batch throughput ≥ 1.5× ajv-cli', ajvPerFile / reportPerFile, (x) => x >= 1.5, (x) => `${x.toFixed(2)}×`]);
budgets.push(['batch time ≤ 1.5× parse floor', batch['report validate'].ms / batch['parse floor'].ms, (x) => x <= 1.5, (x) => `${x.toFixed(2)}×`]);
const rss = batch['report validate'].rssMB;
if (rss !== undefined) {
  rows.push(['batch: report validate peak RSS', rss, undefined, 'MB']);
  budgets.push(['batch peak RSS < 200 MB', rss, (x) => x < 200, (x) => `${x.toFixed(0)} MB`]);
}

// 3. Render: one call over many files when the CLI can, else the library loop (timed, no budget).
log(`\n3. render: ${RENDER_COUNT} reports to HTML`);
const render = await benchRender();
if (render) {
  rows.push([`render: parse floor (${RENDER_COUNT} files)`, render.floor, 1, '', render.floorCpu]);
  rows.push([`render: ${render.how}`, render.ms, render.ms / render.floor, '× floor', render.cpu]);
} else {
  log('  render is not available in this build: skipped');
}

// 4. PDF import: the PDF fixtures over and over, against pdf.js's bare text extraction of the same files.
const PDF_COUNT = opt('pdf-count', SMOKE ? 4 : 100);
log(`\n4. PDF: importing ${PDF_COUNT} PDFs against pdf.js text extraction of the same files`);
{
  const pdfDir = join(ROOT, 'tests', 'fixtures', 'pdf');
  const pdfs = readdirSync(pdfDir).filter((f) => f.endsWith('.pdf') && f !== 'scanned.pdf').sort().map((f) => join(pdfDir, f));
  const pdfList = join(dataDir, '.pdf-list');
  writeFileSync(pdfList, Array.from({ length: PDF_COUNT }, (_, i) => pdfs[i % pdfs.length]).join('\n'));
  const HELPER = join(ROOT, 'bench', 'pdf.mjs');
  const m = await measure('pdf', {
    'pdf.js text': [node, [HELPER, 'text', pdfList], [0]],
    'report import': [node, [HELPER, 'import', pdfList], [0]],
  }, RUNS);
  rows.push([`pdf: pdf.js text extraction (${PDF_COUNT} PDFs)`, m['pdf.js text'].ms, 1, '', m['pdf.js text'].cpuMs]);
  rows.push([`pdf: importReport (${PDF_COUNT} PDFs, one process)`, m['report import'].ms, m['report import'].ms / m['pdf.js text'].ms, '× pdf.js text', m['report import'].cpuMs]);
  budgets.push(['PDF import ≤ 2× pdf.js text extraction', m['report import'].ms / m['pdf.js text'].ms, (x) => x <= 2, (x) => `${x.toFixed(2)}×`]);
}

// 5. Word and Excel: one report, cold (a process each), against its peer in the same run.
log('\n5. office formats: one report, cold');
const officeDir = mkdtempSync(join(tmpdir(), 'xxgk-bench-office-'));
const office = await measure('office', {
  'render html': [node, [BIN, 'render', relative(ROOT, ONE), '-o', join(officeDir, 'r.html')], [0]],
  'render docx': [node, [BIN, 'render', relative(ROOT, ONE), '-o', join(officeDir, 'r.docx')], [0]],
}, COLD_RUNS);
rows.push(['office: render html, cold', office['render html'].ms, 1, '', office['render html'].cpuMs]);
rows.push(['office: render docx, cold', office['render docx'].ms, office['render docx'].ms / office['render html'].ms, '× render html', office['render docx'].cpuMs]);
// xlsx import against a bare exceljs read of the same workbook (each a cold process).
const workbook = join(officeDir, 'r.xlsx');
spawnSync(node, [BIN, 'init', '--format', 'xlsx', '-o', workbook], { cwd: ROOT });
const excel = await measure('xlsx', {
  'exceljs read': [node, ['-e', "new (require('exceljs').Workbook)().xlsx.readFile(process.argv[1])", workbook], [0]],
  // The blank workbook's texts are empty: import says so (exit 1) and writes the data all the same.
  'report import': [node, [BIN, 'import', workbook, '-o', join(officeDir, 'r.yaml')], [0, 1]],
}, COLD_RUNS);
rows.push(['office: exceljs read of the workbook, cold', excel['exceljs read'].ms, 1, '', excel['exceljs read'].cpuMs]);
rows.push(['office: report import of the workbook, cold', excel['report import'].ms, excel['report import'].ms / excel['exceljs read'].ms, '× exceljs read', excel['report import'].cpuMs]);
rmSync(officeDir, { recursive: true, force: true });

// 6. report edit: the page's re-check after one keystroke, in Chromium, beside JSON.parse + JSON.stringify of the same report there.
log('\n6. edit: re-check after one keystroke in Chromium');
{
  const EDITS = SMOKE ? 20 : 200;
  const r = spawnSync(node, [join(ROOT, 'bench', 'edit.mjs'), String(EDITS)], { cwd: ROOT, encoding: 'utf8' });
  if (r.status === 0) {
    const e = JSON.parse(r.stdout);
    rows.push([`edit: JSON.parse + JSON.stringify of the report, in the page (median of ${EDITS})`, e.jsonMedian, 1, '']);
    rows.push([`edit: re-check after one keystroke (median of ${EDITS})`, e.editMedian, e.editMedian / e.jsonMedian, '× JSON round trip']);
    rows.push([`edit: re-check after one keystroke (worst of ${EDITS})`, e.editWorst, e.editWorst / e.jsonMedian, '× JSON round trip']);
    budgets.push(['edit re-check median < 16 ms (one frame)', e.editMedian, (x) => x < 16, (x) => `${x.toFixed(1)} ms`]);
  } else {
    log(`  not measured: ${(r.stderr || '').trim().split('\n')[0]}`);
  }
}

// ── table ───────────────────────────────────────────────────────────────────
// CPU time (user + system, all threads) says how much work each did, whatever else loads the machine.
log('\n| measurement | median wall | ratio | | CPU time |');
log('|---|---:|---:|---|---:|');
for (const [name, v, ratio, note, cpuMs] of rows) {
  const val = note === 'MB' ? `${v.toFixed(0)} MB` : fmtMs(v);
  log(`| ${name} | ${val} | ${ratio === undefined ? '' : `${ratio.toFixed(2)}×`} | ${note === 'MB' ? '' : note} | ${cpuMs === undefined ? '' : fmtMs(cpuMs)} |`);
}
log('\n| budget | measured | result |');
log('|---|---:|---|');
let failed = 0;
for (const [name, v, ok, show] of budgets) {
  const pass = ok(v);
  if (!pass) failed++;
  log(`| ${name} | ${show(v)} | ${SMOKE ? 'not asserted' : pass ? 'PASS' : 'FAIL'} |`);
}
closeSync(devnull);
if (SMOKE) rmSync(dataDir, { recursive: true, force: true });
process.exitCode = !SMOKE && failed ? 1 : 0;

async function benchRender() {
  const help = spawnSync(node, [BIN, '--help'], { cwd: ROOT, encoding: 'utf8' });
  // Next to the data (a dot-folder, which validate's folder walk skips): on this machine new files in /tmp cost 5–7× as much to create.
  const outDir = join(dataDir, '.render-out');
  rmSync(outDir, { recursive: true, force: true });
  try {
    if (/^\s+render\b/m.test(help.stdout)) {
      const subset = rel.slice(0, RENDER_COUNT);
      // Find the one-call form the render command offers: many files into a folder.
      const probe = spawnSync(node, [BIN, 'render', subset[0], subset[1] ?? subset[0], '--out-dir', outDir, '--format', 'html'], { cwd: ROOT, encoding: 'utf8' });
      if (probe.status === 0 || probe.status === 1) {
        const m = await measure('render', {
          'parse floor': [node, [FLOOR, 'parse', renderList], [0]],
          'report render': [node, [BIN, 'render', ...subset, '--out-dir', outDir, '--format', 'html'], [0, 1]],
        }, RUNS);
        return { how: 'report render FILES --out-dir (one call)', ms: m['report render'].ms, floor: m['parse floor'].ms, cpu: m['report render'].cpuMs, floorCpu: m['parse floor'].cpuMs };
      }
      log(`  report render has no one-call many-file form (${(probe.stderr || '').trim().split('\n')[0]}); timing the library loop instead`);
    }
    const lib = await import(pathToFileURL(join(ROOT, 'dist', 'index.js')).href);
    if (typeof lib.renderReport !== 'function') return undefined;
    const m = await measure('render', {
      'parse floor': [node, [FLOOR, 'parse', renderList], [0]],
      'renderReport loop': [node, [FLOOR, 'render', renderList, join(ROOT, 'dist', 'index.js')], [0]],
    }, RUNS);
    return { how: 'check + renderReport loop, one process (no many-file render command)', ms: m['renderReport loop'].ms, floor: m['parse floor'].ms, cpu: m['renderReport loop'].cpuMs, floorCpu: m['parse floor'].cpuMs };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
