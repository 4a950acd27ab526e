// The page's HTML around the bundled script: one document, the script and
// styles inline, a Content-Security-Policy that allows exactly those (by their
// hashes, given by the caller) and nothing from the network. Pure.
import type { PageConfig } from './page.js';
import { EDIT_CSS } from './style.js';

export interface ShellOptions {
  readonly config: PageConfig;
  /** The bundled editor script (dist/edit/editor.js). */
  readonly script: string;
  /** base64 sha256 of each inline script and style allowed, and of the rendered page's style (the preview). */
  readonly scriptHash: string;
  readonly styleHashes: readonly string[];
  /** Server pages may call back to their own origin (save); the exported file may not call anything. */
  readonly connectSelf: boolean;
}

/** The policy as the server sends it (frame-ancestors works only in a header). */
export const headerPolicy = (o: Pick<ShellOptions, 'scriptHash' | 'styleHashes' | 'connectSelf'>): string => `${contentSecurityPolicy(o)}; frame-ancestors 'none'`;

export function contentSecurityPolicy(o: Pick<ShellOptions, 'scriptHash' | 'styleHashes' | 'connectSelf'>): string {
  return [
    "default-src 'none'",
    `script-src 'sha256-${o.scriptHash}'`,
    `style-src ${o.styleHashes.map((h) => `'sha256-${h}'`).join(' ')}`,
    'img-src data: blob:',
    `connect-src ${o.connectSelf ? "'self'" : "'none'"}`,
    "frame-src 'self' about:",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** JSON safe inside a <script> element. */
const scriptJson = (v: unknown) => JSON.stringify(v).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
/** A script's text safe inside <script> (the bundle never holds "</script", but a report's text might, through the config). */
const scriptText = (s: string) => s.replace(/<\/(script)/gi, '<\\/$1');

export function editorHtml(o: ShellOptions): string {
  const lang = o.config.lang === 'en' ? 'en' : 'zh-CN';
  // The policy in a meta element too: the exported file has no server to send it.
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(o).replace(/"/g, '&quot;')}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${o.config.lang === 'en' ? 'Annual report form' : '年度报告填报'}</title>
<style>${EDIT_CSS}</style>
</head>
<body>
<div id="app"></div>
<script type="application/json" id="xxgk-config">${scriptJson(o.config)}</script>
<script>${scriptText(o.script)}</script>
</body>
</html>
`;
}
