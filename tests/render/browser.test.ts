// A real browser: Debian's headless Chromium, driven by playwright-core, opens
// the rendered HTML. Never skipped: without Chromium the suite fails.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReport } from '../../src/render/index.js';
import { load, outDir } from './helpers.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];
/** A4 (210 mm) less the print stylesheet's 18 mm side margins, in CSS pixels (96 per inch). */
const A4_PRINTABLE_PX = Math.floor(((210 - 2 * 18) / 25.4) * 96);

let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}. Install it (apt-get install -y chromium, as .ci/run does) or set CHROMIUM_PATH; this test is never skipped.`);
  }
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
}, 60_000);
afterAll(async () => { await browser?.close(); });

interface Watch { requests: string[]; dialogs: string[]; console: string[]; errors: string[] }

/** A page that records (and blocks) every request, dialog, console message and error. */
async function open(html: string, width = 1000): Promise<{ page: Page; watch: Watch }> {
  const page = await browser.newPage({ viewport: { width, height: 900 }, javaScriptEnabled: true });
  const watch: Watch = { requests: [], dialogs: [], console: [], errors: [] };
  page.on('request', (r) => { if (!r.url().startsWith('data:') && r.url() !== 'about:blank') watch.requests.push(r.url()); });
  page.on('dialog', (d) => { watch.dialogs.push(d.message()); void d.dismiss(); });
  page.on('console', (m) => watch.console.push(m.text()));
  page.on('pageerror', (e) => watch.errors.push(e.message));
  await page.route('**/*', (route) => route.abort());
  await page.setContent(html, { waitUntil: 'load' });
  await page.waitForTimeout(100);
  return { page, watch };
}

const near = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(1.5);

describe('geometry of the official tables (headless Chromium)', () => {
  for (const example of ['examples/hanyang-2022.yaml', 'examples/shizhi-2023.yaml']) {
    it(`${example}: table 三 headers sit over their columns and rows`, async () => {
      const { page, watch } = await open(renderReport(load(example), { format: 'html' }));
      try {
        // All boxes in one round trip.
        const g = await page.evaluate(() => {
          const t = document.querySelector('#table-requests')!;
          const r = (e: Element | null) => {
            if (!e) throw new Error('missing element');
            const b = e.getBoundingClientRect();
            return { left: b.left, right: b.right, top: b.top, bottom: b.bottom };
          };
          const th = (text: string) => [...t.querySelectorAll('th')].filter((e) => e.textContent === text);
          const cell = (p: string) => r(t.querySelector(`td[data-pointer="${p}"]`));
          return {
            natural: r(t.querySelector('th[data-column="naturalPerson"]')),
            naturalCells: [...t.querySelectorAll('td[data-pointer$="/naturalPerson"]')].map(r),
            legal: th('法人或其他组织').map(r),
            legalSpan: th('法人或其他组织')[0]?.getAttribute('colspan'),
            commercial: r(t.querySelector('th[data-column="commercial"]')),
            otherOrg: r(t.querySelector('th[data-column="otherOrg"]')),
            total: r(t.querySelector('th[data-column="total"]')),
            withheld: th('（三）不予公开').map(r),
            item1: cell('/requests/outcomes/withheld/stateSecret/naturalPerson'),
            item8: cell('/requests/outcomes/withheld/queryMatters/naturalPerson'),
            next: cell('/requests/outcomes/unavailable/notHeld/naturalPerson'),
          };
        });
        // 自然人 sits horizontally above the numbers of its column.
        expect(g.naturalCells).toHaveLength(25);
        for (const b of g.naturalCells) {
          near(b.left, g.natural.left);
          near(b.right, g.natural.right);
          expect(b.top).toBeGreaterThanOrEqual(g.natural.bottom - 1);
        }
        // 法人或其他组织 spans exactly its five sub-columns, and sits right above them.
        expect(g.legal).toHaveLength(1);
        expect(g.legalSpan).toBe('5');
        near(g.legal[0]!.left, g.commercial.left);
        near(g.legal[0]!.right, g.otherOrg.right);
        near(g.legal[0]!.bottom, g.commercial.top);
        expect(g.total.left).toBeGreaterThanOrEqual(g.legal[0]!.right - 1);
        // （三）不予公开 spans its eight items: from the top of 1. to the bottom of 8.
        expect(g.withheld).toHaveLength(1);
        near(g.withheld[0]!.top, g.item1.top);
        near(g.withheld[0]!.bottom, g.item8.bottom);
        near(g.next.top, g.withheld[0]!.bottom);
        expect(g.item8.top - g.item1.top).toBeGreaterThan(0);
        // Numbers are right-aligned.
        expect(await page.locator('#table-requests td.num').first().evaluate((e) => getComputedStyle(e).textAlign)).toBe('right');
        expect(await page.evaluate(() => getComputedStyle(document.body.firstElementChild!).fontFamily)).toMatch(/serif$/);
        expect(watch.requests).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }

  it('every table fits the A4 print width; screenshots and a PDF are saved', async () => {
    const html = renderReport(load('examples/hanyang-2022.yaml'), { format: 'html' });
    const { page, watch } = await open(html, A4_PRINTABLE_PX);
    try {
      await page.emulateMedia({ media: 'print' });
      const widths = await page.evaluate(() => [...document.querySelectorAll('table')].map((t) => ({
        id: t.id, right: t.getBoundingClientRect().right, scroll: t.scrollWidth, client: t.clientWidth,
      })));
      expect(widths.map((w) => w.id)).toEqual(['table-proactive', 'table-requests', 'table-reviews']);
      for (const w of widths) {
        expect(w.right, w.id).toBeLessThanOrEqual(A4_PRINTABLE_PX);
        expect(w.scroll, w.id).toBeLessThanOrEqual(w.client + 1);
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(A4_PRINTABLE_PX);
      const dir = outDir();
      await page.screenshot({ path: join(dir, 'hanyang-2022-print.png'), fullPage: true });
      await page.locator('#table-requests').screenshot({ path: join(dir, 'hanyang-2022-table3-print.png') });
      await page.pdf({ path: join(dir, 'hanyang-2022.pdf'), preferCSSPageSize: true, printBackground: true });
      await page.emulateMedia({ media: 'screen' });
      await page.setViewportSize({ width: 1000, height: 900 });
      await page.screenshot({ path: join(dir, 'hanyang-2022.png'), fullPage: true });
      for (const f of ['hanyang-2022-print.png', 'hanyang-2022.pdf', 'hanyang-2022.png']) expect(statSync(join(dir, f)).size).toBeGreaterThan(10_000);
      expect(watch.requests).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('hostile text renders inert (headless Chromium)', () => {
  const hostile = load('tests/fixtures/render/hostile.json');
  const pwned = (page: Page) => page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);

  it('the checks can fail: a real script and image in a page are caught', async () => {
    const { page, watch } = await open('<p>x</p><script>window.__pwned = 1; console.log("ran")</script><img src="http://127.0.0.1:9/x.png">');
    try {
      expect(await pwned(page)).toBe(1);
      expect(watch.console).toContain('ran');
      expect(watch.requests).toEqual(['http://127.0.0.1:9/x.png']);
    } finally {
      await page.close();
    }
  });

  const variants = {
    'the page': (h: string) => h,
    'the page without its Content-Security-Policy (escaping alone)': (h: string) => h.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, ''),
  };
  for (const [name, edit] of Object.entries(variants)) {
    it(`${name}: no script runs, no request is made, the text is shown as written`, async () => {
      const html = edit(renderReport(hostile, { format: 'html' }));
      if (name.includes('without')) expect(html).not.toContain('Content-Security-Policy');
      const { page, watch } = await open(html);
      try {
        expect(await pwned(page)).toBeUndefined();
        expect(watch).toEqual({ requests: [], dialogs: [], console: [], errors: [] });
        const dom = await page.evaluate(() => ({
          scripts: document.querySelectorAll('script, iframe, img, object, embed').length,
          handlers: [...document.querySelectorAll('*')].flatMap((e) => [...e.attributes].map((a) => a.name)).filter((n) => /^on/i.test(n)),
          unsafeLinks: [...document.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? '').filter((h) => !/^https?:/.test(h)),
          styles: document.querySelectorAll('style').length,
          text: document.body.innerText,
        }));
        expect(dom.scripts).toBe(0);
        expect(dom.handlers).toEqual([]);
        expect(dom.unsafeLinks).toEqual([]);
        expect(dom.styles).toBe(1);
        expect(dom.text).toContain('<script>window.__pwned=1;alert(1)</script>');
        expect(dom.text).toContain('"><img src=x onerror="window.__pwned=2">');
        expect(dom.text).toContain('[点我](javascript:window.__pwned=3)');
        expect(dom.text).toContain('{{constructor.constructor "return process"}} {{{title}}}');
        expect(dom.text).toContain('</style><script>window.__pwned=4</script><style>');
        expect(await page.title()).toContain('<script>window.__pwned=5</script>');
      } finally {
        await page.close();
      }
    });
  }

  it('the fragment pasted into a page without any policy: no script runs', async () => {
    const { page, watch } = await open(`<!DOCTYPE html><html><body>${renderReport(hostile, { format: 'html', fragment: true })}</body></html>`);
    try {
      expect(await pwned(page)).toBeUndefined();
      expect(watch.dialogs).toEqual([]);
      expect(watch.errors).toEqual([]);
      expect(watch.requests).toEqual([]);
      expect(await page.evaluate(() => document.querySelectorAll('script, img').length)).toBe(0);
    } finally {
      await page.close();
    }
  });
});
