// `report edit [FILE]`: the form in a browser, served from 127.0.0.1 by Node's
// own http; `--export FILE.html` writes the same page as one offline file.
// The page does the checking and builds the saved text (src/edit/); the server
// only hands out the page and writes the one file it was started on.
import { spawn } from 'node:child_process';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CliIO } from '../cli/io.js';
import { UsageError } from '../cli/io.js';
import { writeAtomic } from '../cli/write.js';
import type { GlobalOptions } from '../cli.js';
import { decode } from '../load/decode.js';
import { MAX_BYTES } from '../load/load.js';
import { renderReport } from '../render/index.js';
import { blankReport } from './init.js';
import { editorHtml, headerPolicy } from '../edit/shell.js';
import { EDIT_CSS } from '../edit/style.js';
import type { PageConfig } from '../edit/page.js';
import type { Lang } from '../model/label.js';

export interface EditFlags {
  readonly output?: string;
  readonly port?: string;
  readonly open?: boolean;
  readonly export?: string;
}

const TEXT = {
  badPort: { zh: (v: string) => `--port 应为 0 到 65535 之间的整数，而不是 ${v}`, en: (v: string) => `--port takes a whole number from 0 to 65535, not ${v}` },
  notFound: { zh: (f: string) => `找不到文件 ${f}`, en: (f: string) => `File not found: ${f}` },
  unreadable: { zh: (f: string, m: string) => `无法读取 ${f}：${m}`, en: (f: string, m: string) => `Cannot read ${f}: ${m}` },
  binary: { zh: (f: string) => `${f} 不是文本文件（YAML 或 JSON）`, en: (f: string) => `${f} is not a text file (YAML or JSON)` },
  tooLarge: { zh: (f: string) => `${f} 超过 ${MAX_BYTES} 字节`, en: (f: string) => `${f} is larger than ${MAX_BYTES} bytes` },
  exists: { zh: (f: string) => `${f} 已存在：要编辑它，请写成 report edit ${f}`, en: (f: string) => `${f} already exists: to edit it, run report edit ${f}` },
  noBundle: { zh: (f: string) => `缺少编辑器页面 ${f}（请先运行 npm run build）`, en: (f: string) => `The editor page ${f} is missing (run npm run build first)` },
  listening: {
    zh: (f: string) => `正在编辑 ${f}。在浏览器中打开下面的地址；按 Ctrl-C 结束。`,
    en: (f: string) => `Editing ${f}. Open the address below in a browser; Ctrl-C ends.`,
  },
  newReport: { zh: '新报告', en: 'a new report' },
  exported: { zh: (f: string) => `已写入 ${f}（可离线打开的填报页面）`, en: (f: string) => `Written ${f} (the form, to open offline)` },
  portBusy: { zh: (p: number) => `端口 ${p} 已被占用（不写 --port 则自动选择空闲端口）`, en: (p: number) => `Port ${p} is in use (without --port a free one is chosen)` },
} as const;

/** The bundled page script: next to the CLI's bundle, or in dist/ when run from the sources. */
function editorScript(lang: Lang): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, 'edit/editor.js'), join(here, '../edit/editor.js'), join(here, '../../dist/edit/editor.js')];
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new UsageError(TEXT.noBundle[lang](candidates[0]!));
  return readFileSync(found, 'utf8');
}

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('base64');

/** The page, and the hashes its policy allows: its own script and style, and the styles of the rendered page (the preview). */
function page(config: PageConfig): { html: string; csp: string } {
  const script = editorScript(config.lang);
  const sample = renderReport(JSON.parse(JSON.stringify({ format: '2021', agency: '', year: 2000 })), { format: 'html' });
  const styles = [...sample.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => sha256(m[1]!));
  const o = { config, script, scriptHash: sha256(script), styleHashes: [sha256(EDIT_CSS), ...styles], connectSelf: config.mode === 'server' };
  return { html: editorHtml(o), csp: headerPolicy(o) };
}

function readReport(file: string, abs: string, lang: Lang): { text: string; bytes: Buffer } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(abs);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? TEXT.notFound[lang](file) : TEXT.unreadable[lang](file, (e as Error).message));
  }
  if (bytes.length > MAX_BYTES) throw new UsageError(TEXT.tooLarge[lang](file));
  const d = decode(bytes);
  if (d.binary) throw new UsageError(TEXT.binary[lang](file));
  return { text: d.text, bytes };
}

export async function editCommand(file: string | undefined, flags: EditFlags, g: GlobalOptions, io: CliIO): Promise<number> {
  const lang = g.lang;
  const source = file !== undefined ? readReport(file, resolve(io.cwd, file), lang) : undefined;
  const name = file ?? flags.output;
  const filename = name ? basename(name) : 'report.yaml';

  if (flags.export !== undefined) {
    const { html } = page({ mode: 'export', lang, filename, text: source?.text ?? null, canSave: false });
    writeAtomic(resolve(io.cwd, flags.export), html, { lang, inputs: file ? [resolve(io.cwd, file)] : [] });
    io.stderr(`${TEXT.exported[lang](flags.export)}\n`);
    return 0;
  }

  let port = 0;
  if (flags.port !== undefined) {
    if (!/^\d{1,5}$/.test(flags.port) || Number(flags.port) > 65535) throw new UsageError(TEXT.badPort[lang](flags.port));
    port = Number(flags.port);
  }
  // The one file this server may write: -o, or FILE. Nothing in a request names a file.
  const target = flags.output !== undefined ? resolve(io.cwd, flags.output) : file !== undefined ? resolve(io.cwd, file) : undefined;
  if (file === undefined && target !== undefined && existsSync(target)) throw new UsageError(TEXT.exists[lang](flags.output!));
  // What the target held when the page was made: a save over anything else is refused.
  let onDisk: Buffer | null = target === undefined ? null : target === (file && resolve(io.cwd, file)) ? source!.bytes : existsSync(target) ? readFileSync(target) : null;

  const text = source?.text ?? null;
  const { html, csp } = page({ mode: 'server', lang, filename, text, canSave: target !== undefined });
  const token = randomBytes(24).toString('base64url');
  const server = createServer((req, res) => {
    try {
      handle(req, res);
    } catch {
      send(res, 500, { error: 'internal' });
    }
  });
  let origin = '';

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    res.writeHead(status, {
      'content-type': typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8',
      'cache-control': 'no-store', 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer', ...headers,
    });
    res.end(text);
  };
  const hasToken = (req: IncomingMessage): boolean => {
    const m = /(?:^|;\s*)xxgk_edit=([A-Za-z0-9_-]+)/.exec(req.headers.cookie ?? '');
    return Boolean(m) && equal(m![1]!, token);
  };

  function handle(req: IncomingMessage, res: ServerResponse): void {
    // DNS rebinding: only our own address names this server.
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return send(res, 403, { error: 'host' });
    const url = new URL(req.url ?? '/', origin);
    if (req.method === 'GET' && url.pathname === '/') {
      const given = url.searchParams.get('token');
      if (given !== null && equal(given, token)) {
        // The token moves into a cookie the page's script cannot read; the address bar loses it.
        res.writeHead(303, { location: '/', 'set-cookie': `xxgk_edit=${token}; HttpOnly; SameSite=Strict; Path=/`, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' });
        return void res.end();
      }
      if (!hasToken(req)) return send(res, 401, lang === 'zh' ? '未授权：请使用启动时给出的完整地址打开' : 'Unauthorized: open the full address printed at start');
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp, 'cache-control': 'no-store',
        'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer', 'x-frame-options': 'DENY', 'cross-origin-opener-policy': 'same-origin',
      });
      return void res.end(html);
    }
    if (!hasToken(req)) return send(res, 401, { error: 'token' });
    if (req.method === 'POST' && url.pathname === '/save') {
      // CSRF: a state change only from our own page (its origin, and a header a form cannot send).
      if (req.headers.origin !== `http://${host}` || req.headers['x-xxgk-edit'] !== '1' || !/^application\/json\b/.test(req.headers['content-type'] ?? '')) {
        return send(res, 403, { error: 'origin' });
      }
      return void readBody(req, (body) => {
        if (body === undefined) return send(res, 413, { error: 'size' });
        let text: unknown;
        try { text = (JSON.parse(body) as { text?: unknown }).text; } catch { text = undefined; }
        if (typeof text !== 'string') return send(res, 400, { error: 'body' });
        if (target === undefined) return send(res, 409, { error: 'no-file' });
        const now = existsSync(target) ? readFileSync(target) : null;
        if (!(now === null ? onDisk === null : onDisk !== null && now.equals(onDisk))) return send(res, 409, { error: 'changed' });
        try {
          writeAtomic(target, text, { lang });
        } catch (e) {
          return send(res, 500, { error: 'write', message: (e as Error).message });
        }
        onDisk = Buffer.from(text, 'utf8');
        send(res, 200, { saved: true });
      });
    }
    send(res, 404, { error: 'not-found' });
  }

  await new Promise<void>((ok, fail) => {
    server.once('error', (e: NodeJS.ErrnoException) => fail(e.code === 'EADDRINUSE' ? new UsageError(TEXT.portBusy[lang](port)) : e));
    server.listen(port, '127.0.0.1', () => ok());
  });
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : port;
  origin = `http://127.0.0.1:${port}`;
  const url = `${origin}/?token=${token}`;
  io.stderr(`${TEXT.listening[lang](file ?? flags.output ?? TEXT.newReport[lang])}\n`);
  if (flags.open === false || !openBrowser(url)) io.stdout(`${url}\n`);
  return new Promise<number>((done) => {
    const stop = () => { server.close(() => done(0)); server.closeAllConnections(); };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

function equal(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function readBody(req: IncomingMessage, done: (body: string | undefined) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  let over = false;
  req.on('data', (c: Buffer) => {
    size += c.length;
    if (size > MAX_BYTES * 2) { over = true; chunks.length = 0; return; }
    if (!over) chunks.push(c);
  });
  req.on('end', () => done(over ? undefined : Buffer.concat(chunks).toString('utf8')));
}

/** The default browser, if there is one; false (print the address) if it cannot be started. */
function openBrowser(url: string): boolean {
  const [cmd, args] = process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, args as string[], { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
    return child.pid !== undefined;
  } catch {
    return false;
  }
}

