// Bench helper: the editor page (report edit --export) in Debian's Chromium;
// one keystroke into a count cell = the page's whole re-check (write the value
// into the text, load, schema, rules, marks). Prints JSON: the median and worst
// of N keystrokes, beside one JSON.parse + JSON.stringify of the same report in
// the same page (its clock is coarse, 0.1 ms: a keystroke is timed alone, the
// JSON round trip 100 at a time).
//   node bench/edit.mjs N
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const N = Number(process.argv[2] ?? 200);
const dir = mkdtempSync(join(tmpdir(), 'xxgk-bench-edit-'));
const out = join(dir, 'editor.html');
const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'report.js'), 'edit', join(ROOT, 'examples', 'shizhi-2023.yaml'), '--export', out], { encoding: 'utf8' });
if (r.status !== 0) { process.stderr.write(r.stderr); process.exit(2); }
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
try {
  const page = await browser.newPage();
  await page.goto(pathToFileURL(out).href);
  await page.waitForSelector('#summary');
  const result = await page.evaluate((n) => {
    const input = document.querySelector('input[data-pointer="/requests/received/naturalPerson"]');
    const edit = [];
    for (let i = 0; i < n; i++) {
      input.value = String(i % 10);
      const t0 = performance.now();
      input.dispatchEvent(new Event('input', { bubbles: true }));
      edit.push(performance.now() - t0);
    }
    // The same report as JSON text, parsed and written once per sample, in this page.
    const text = JSON.stringify(window.__xxgkEdit.check(window.__xxgkEdit.text(), 'a.yaml').load.data);
    // The page's clock is coarse (0.1 ms): each sample times 100 round trips.
    const json = [];
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      for (let k = 0; k < 100; k++) JSON.stringify(JSON.parse(text));
      json.push((performance.now() - t0) / 100);
    }
    const med = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
    return { n, editMedian: med(edit), editWorst: Math.max(...edit), jsonMedian: med(json), bytes: text.length, summary: document.querySelector('#summary').textContent };
  }, N);
  process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
