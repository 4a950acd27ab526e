// report edit end to end: the built CLI serves the form, Debian's Chromium
// (playwright-core) fills it in; the security checks with raw HTTP requests;
// the exported page from file://. One browser for all; screenshots go to
// test-output/edit/ (ignored by git). Never skipped: without Chromium it fails.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkText, EditableText, parseCellInput, type EditValue } from '../../src/edit/core.js';
import { pastedRow, sentenceAt } from '../../src/edit/page.js';
import { formatMessage } from '../../src/diagnostics/format-message.js';
import { importReport } from '../../src/import/import.js';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'report.js');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];
const SHOTS = join(ROOT, 'test-output', 'edit');
const EXAMPLE = join(ROOT, 'examples', 'shizhi-2023.yaml');
const CELL = '/requests/received/naturalPerson';

let browser: Browser;
const tmp = mkdtempSync(join(tmpdir(), 'xxgk-edit-'));
const servers: ChildProcess[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}. Install it (apt-get install -y chromium, as .ci/run does) or set CHROMIUM_PATH; this test is never skipped.`);
  mkdirSync(SHOTS, { recursive: true });
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  for (const s of servers) s.kill('SIGTERM');
  rmSync(tmp, { recursive: true, force: true });
});

/** Starts `report edit … --no-open` and reads the address it prints. */
function serve(args: string[]): Promise<{ url: string; port: number; token: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [BIN, 'edit', ...args, '--no-open'], { cwd: tmp, stdio: ['ignore', 'pipe', 'pipe'] });
  servers.push(child);
  return new Promise((ok, fail) => {
    let out = '';
    let err = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /^(http:\/\/127\.0\.0\.1:(\d+)\/\?token=([\w-]+))\n/.exec(out);
      if (m) ok({ url: m[1]!, port: Number(m[2]), token: m[3]!, child });
    });
    child.stderr!.on('data', (c: Buffer) => { err += c.toString(); });
    child.on('exit', (code) => fail(new Error(`report edit exited ${code}: ${err}`)));
  });
}

interface Raw { status: number; headers: Record<string, string | string[] | undefined>; body: string }
function raw(port: number, method: string, path: string, headers: Record<string, string>, body?: string): Promise<Raw> {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers, setHost: false }, (res) => {
      let b = '';
      res.on('data', (c: Buffer) => { b += c.toString(); });
      res.on('end', () => ok({ status: res.statusCode!, headers: res.headers, body: b }));
    });
    req.on('error', fail);
    req.end(body);
  });
}

const cli = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: tmp, encoding: 'utf8' });
const cell = (page: Page, pointer: string) => page.locator(`input[data-pointer="${pointer}"]`);
const box = (page: Page, pointer: string) => page.locator(`td:has(> input[data-pointer="${pointer}"])`);

async function openPage(url: string): Promise<{ page: Page; errors: string[]; requests: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(url);
  await page.waitForSelector('#summary');
  return { page, errors, requests };
}

describe('the editing core', () => {
  it('writes a changed value over the old one only: the rest of the file stays byte for byte', () => {
    const text = readFileSync(EXAMPLE, 'utf8');
    const e = new EditableText(text, 'a.yaml');
    const data = checkText(text, 'a.yaml').load.data as Record<string, string>;
    // Every text written back as it is gives the same file (block literals kept as blocks).
    expect(e.apply(new Map([['/overview', data.overview!], ['/preamble', data.preamble!], ['/agency', data.agency!]]))).toBe(text);
    const changed = e.apply(new Map<string, EditValue>([[CELL, 7], ['/overview', `${data.overview!}（六）新增一段。\n`]]));
    const a = text.split('\n');
    const b = changed.split('\n');
    const diff = b.map((l, i) => [i, l] as const).filter(([i, l]) => l !== a[i]);
    expect(b.length).toBe(a.length + 1);
    expect(diff[0]![1]).toBe('  （六）新增一段。');
    expect(changed).toContain('  received: {naturalPerson: 7, commercial: 0,');
    expect(changed.replace('naturalPerson: 7', 'naturalPerson: 0').replace('\n  （六）新增一段。\n', '\n')).toBe(text);
  });

  it('keeps what a clerk typed, for validate to word: 35件, full-width digits, negatives', () => {
    expect(parseCellInput(' 12 ')).toBe(12);
    expect(parseCellInput('-3')).toBe(-3);
    expect(parseCellInput('35件')).toBe('35件');
    expect(parseCellInput('３５')).toBe('３５');
    expect(parseCellInput('')).toBeUndefined();
    const text = readFileSync(EXAMPLE, 'utf8');
    const e = new EditableText(text, 'a.yaml');
    for (const [typed, rule] of [['35件', 'SCHEMA-TYPE'], ['３５', 'SCHEMA-TYPE'], ['-3', 'SCHEMA-NEGATIVE']] as const) {
      const edited = e.apply(new Map([[CELL, parseCellInput(typed)]]));
      // The same findings as validate gives for the file written that way.
      const file = join(tmp, `typed-${rule}.yaml`);
      writeFileSync(file, edited);
      const fromCli = (JSON.parse(cli(['validate', '-f', 'json', file]).stdout) as { ruleId: string; message: string; line: number }[])
        .map((f) => `${f.line} ${f.ruleId} ${f.message}`);
      expect(checkText(edited, file).findings.map((f) => `${f.line} ${f.ruleId} ${formatMessage(f, 'zh')}`)).toEqual(fromCli);
      const cliIds = fromCli.map((f) => f.split(' ')[1]);
      expect(cliIds).toContain(rule);
    }
  });

  it('reads a pasted row and the sentence of a text finding', () => {
    expect(pastedRow('1\t2\t\t4\r\n')).toEqual(['1', '2', '', '4']);
    expect(pastedRow('\n5 6  7\n8')).toEqual(['5', '6', '7']);
    expect(sentenceAt('甲。全年收到申请 5 件。乙', 6)).toBe('全年收到申请 5 件。');
  });
});

describe('report edit in Chromium', () => {
  it('checks as the clerk types, moves like a spreadsheet, pastes a row, saves only the changed line', async () => {
    const file = join(tmp, 'report.yaml');
    copyFileSync(EXAMPLE, file);
    const before = readFileSync(file, 'utf8');
    const { url } = await serve(['report.yaml']);
    const { page, errors, requests } = await openPage(url);
    expect(await page.textContent('#summary')).toBe('✔ 未发现问题');
    // Labels from the row and column headers.
    expect(await cell(page, CELL).getAttribute('aria-label')).toBe('一、本年新收政府信息公开申请数量 · 申请人情况 · 自然人');

    // A wrong number: the total of its row no longer adds up, marked at the total with validate's words.
    await cell(page, CELL).fill('3');
    const total = box(page, '/requests/received/total');
    await expect.poll(() => total.getAttribute('data-rule')).toBe('T3-ROW-TOTAL');
    expect(await total.locator('.cellmsg').textContent()).toContain('一、本年新收政府信息公开申请数量 · 总计：六类申请人之和为 3，填报为 0，相差 3');
    expect(await page.locator('#findings li[data-rule="T3-ROW-TOTAL"]').count()).toBe(1);
    expect(await page.textContent('#summary')).toBe('✖ 共 2 个问题（2 个错误，0 个警告）');
    // The equation's cells light up on focus.
    await cell(page, '/requests/received/total').focus();
    expect(await box(page, '/requests/received/commercial').getAttribute('class')).toContain('eq');
    await page.screenshot({ path: join(SHOTS, 'form-finding.png') });
    // Fixed: the finding goes.
    await cell(page, CELL).fill('0');
    await expect.poll(() => page.textContent('#summary')).toBe('✔ 未发现问题');
    expect(await total.getAttribute('data-rule')).toBeNull();

    // The keyboard: Enter and → go along the row, ↓ to the same column of the next row, Shift+Enter back.
    const active = () => page.evaluate(() => document.activeElement?.getAttribute('data-pointer'));
    await cell(page, CELL).focus();
    await page.keyboard.press('Enter');
    expect(await active()).toBe('/requests/received/commercial');
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowRight');
    expect(await active()).toBe('/requests/received/research');
    await page.keyboard.press('ArrowDown');
    expect(await active()).toBe('/requests/carriedOver/research');
    await page.keyboard.press('Shift+Enter');
    expect(await active()).toBe('/requests/carriedOver/commercial');
    await page.keyboard.press('Tab');
    expect(await active()).toBe('/requests/carriedOver/research');

    // A row pasted from a spreadsheet fills the row from the cell pasted into.
    await cell(page, '/proactive/regulations/issued').focus();
    await page.evaluate(() => {
      const dt = new DataTransfer();
      dt.setData('text/plain', '4\t1\t9\r\n');
      document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    });
    expect(await cell(page, '/proactive/regulations/repealed').inputValue()).toBe('1');
    expect(await cell(page, '/proactive/regulations/inForce').inputValue()).toBe('9');

    // Save: the file differs in exactly that line, and validates with the CLI.
    await page.click('#save');
    await expect.poll(() => page.textContent('#status')).toBe(`已保存 report.yaml`);
    const after = readFileSync(file, 'utf8');
    const a = before.split('\n');
    const changed = after.split('\n').filter((l, i) => l !== a[i]);
    expect(changed).toEqual(['  regulations: {issued: 4, repealed: 1, inForce: 9}']);
    expect(after.split('\n').length).toBe(a.length);
    expect(cli(['validate', 'report.yaml']).status).toBe(0);

    // Saving with errors is allowed and said.
    await cell(page, CELL).fill('35件');
    await expect.poll(() => box(page, CELL).getAttribute('data-rule')).toBe('SCHEMA-TYPE');
    await page.click('#save');
    await expect.poll(() => page.textContent('#status')).toMatch(/^已保存 report\.yaml（仍有 \d+ 个错误/);
    expect(readFileSync(file, 'utf8')).toContain('naturalPerson: 35件');

    // Changed on disk since: refused, and the page keeps its state.
    writeFileSync(file, `${readFileSync(file, 'utf8')}# edited elsewhere\n`);
    await cell(page, CELL).fill('2');
    await page.click('#save');
    await expect.poll(() => page.textContent('#status')).toContain('在打开后已被其他程序修改');
    expect(readFileSync(file, 'utf8')).toContain('# edited elsewhere');
    expect(await cell(page, CELL).inputValue()).toBe('2');

    // Preview: the page as render makes it, in a sandboxed frame.
    await page.click('#preview-button');
    const frame = page.frameLocator('#preview iframe');
    await expect.poll(() => frame.locator('h1').first().textContent()).toContain('方城县释之街道办事处2023年政府信息公开工作年度报告');
    await page.screenshot({ path: join(SHOTS, 'preview.png') });
    await page.click('#preview-close');

    // Downloads: Markdown as render makes it.
    const dl = page.waitForEvent('download');
    await page.click('#download-md');
    const md = readFileSync((await (await dl).path())!, 'utf8');
    expect(md).toContain('## 三、收到和处理政府信息公开申请情况');

    expect(errors).toEqual([]);
    // Nothing from anywhere but the server itself.
    expect(requests.filter((r) => !r.startsWith(new URL(url).origin) && !r.startsWith('blob:') && !r.startsWith('data:') && r !== 'about:srcdoc')).toEqual([]);
    await page.close();
  }, 60_000);

  it('refuses other hosts, requests without the token and cross-origin writes; no request names a file', async () => {
    const file = join(tmp, 'sec.yaml');
    copyFileSync(EXAMPLE, file);
    const { port, token } = await serve(['sec.yaml', '--port', '0']);
    const host = `127.0.0.1:${port}`;
    expect((await raw(port, 'GET', '/', { host: `evil.example:${port}` })).status).toBe(403);
    expect((await raw(port, 'GET', `/?token=${token}`, { host: 'evil.example' })).status).toBe(403);
    expect((await raw(port, 'GET', '/', { host })).status).toBe(401);
    expect((await raw(port, 'GET', '/?token=wrong', { host })).status).toBe(401);
    const login = await raw(port, 'GET', `/?token=${token}`, { host });
    expect(login.status).toBe(303);
    expect(String(login.headers['set-cookie'])).toMatch(/^xxgk_edit=[\w-]+; HttpOnly; SameSite=Strict; Path=\/$/);
    const cookie = `xxgk_edit=${token}`;
    const pageRes = await raw(port, 'GET', '/', { host, cookie });
    expect(pageRes.status).toBe(200);
    expect(pageRes.headers['content-security-policy']).toMatch(/^default-src 'none'; script-src 'sha256-[^']+'; style-src 'sha256-/);
    expect(pageRes.headers['content-security-policy']).toContain("frame-ancestors 'none'");

    const text = JSON.stringify({ text: 'agency: x\n', path: join(tmp, 'evil.yaml'), file: '../evil.yaml' });
    const ok = { host, cookie, origin: `http://${host}`, 'x-xxgk-edit': '1', 'content-type': 'application/json' };
    expect((await raw(port, 'POST', '/save', { ...ok, cookie: '' }, text)).status).toBe(401);
    expect((await raw(port, 'POST', '/save', { ...ok, origin: 'http://evil.example' }, text)).status).toBe(403);
    expect((await raw(port, 'POST', '/save', { host, cookie, 'x-xxgk-edit': '1', 'content-type': 'application/json' }, text)).status).toBe(403);
    expect((await raw(port, 'POST', '/save', { ...ok, 'x-xxgk-edit': '' }, text)).status).toBe(403);
    expect((await raw(port, 'POST', '/save', { ...ok, 'content-type': 'text/plain' }, text)).status).toBe(403);
    expect(readFileSync(file, 'utf8')).toBe(readFileSync(EXAMPLE, 'utf8'));
    // A path in the query or the body is not a file to write: the one file is.
    const saved = await raw(port, 'POST', `/save?file=${encodeURIComponent(join(tmp, 'evil2.yaml'))}`, ok, text);
    expect(saved.status).toBe(200);
    expect(readFileSync(file, 'utf8')).toBe('agency: x\n');
    expect(existsSync(join(tmp, 'evil.yaml'))).toBe(false);
    expect(existsSync(join(tmp, 'evil2.yaml'))).toBe(false);
    expect((await raw(port, 'GET', '/../sec.yaml', { host, cookie })).status).toBe(404);
  }, 30_000);

  it('the exported page works from file://: checks the same way, in English with --lang en, and saves by download', async () => {
    const out = join(tmp, 'editor.html');
    const r = cli(['--lang', 'en', 'edit', EXAMPLE, '--export', out]);
    expect(r.status, r.stderr).toBe(0);
    const html = readFileSync(out, 'utf8');
    // One file: no script, style or frame loaded from anywhere.
    expect(html).not.toMatch(/<script[^>]*\ssrc=/i);
    expect(html).not.toMatch(/<link\b/i);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (q) => requests.push(q.url()));
    await page.goto(pathToFileURL(out).href);
    await page.waitForSelector('#summary');
    expect(await page.textContent('#summary')).toBe('✔ No problems');
    await cell(page, CELL).fill('3');
    await expect.poll(() => box(page, '/requests/received/total').getAttribute('data-rule')).toBe('T3-ROW-TOTAL');
    expect(await box(page, '/requests/received/total').locator('.cellmsg').textContent()).toMatch(/the six applicant columns add up to 3/i);
    await page.screenshot({ path: join(SHOTS, 'export.png') });
    // Kept in the browser: a reload restores the work.
    await page.reload();
    await page.waitForSelector('#summary');
    expect(await cell(page, CELL).inputValue()).toBe('3');
    await cell(page, CELL).fill('0');
    await cell(page, '/proactive/licensing/decisions').fill('12');
    const dl = page.waitForEvent('download');
    await page.click('#save');
    const saved = join(tmp, 'downloaded.yaml');
    await (await dl).saveAs(saved);
    expect(cli(['validate', saved]).status).toBe(0);
    expect(readFileSync(saved, 'utf8')).toContain('licensing: {decisions: 12}');
    // Import in the page (offline too): a .docx fills the form, as report import reads it.
    await page.setInputFiles('#import-file', join(ROOT, 'tests/fixtures/import/docx/report.docx'));
    await expect.poll(() => page.textContent('#status')).toMatch(/^Imported report\.docx/);
    const docx = join(ROOT, 'tests/fixtures/import/docx/report.docx');
    const expected = (await importReport(readFileSync(docx), { filename: 'report.docx' })).report as { agency: string; requests: { received: { naturalPerson: number } } };
    expect(await cell(page, '/requests/received/naturalPerson').inputValue()).toBe(String(expected.requests.received.naturalPerson));
    expect(await page.inputValue('#field-agency')).toBe(expected.agency);
    expect(errors).toEqual([]);
    expect(requests.filter((q) => !q.startsWith('file:') && !q.startsWith('blob:') && !q.startsWith('data:'))).toEqual([]);
    await page.close();
  }, 40_000);
});
