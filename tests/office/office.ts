// LibreOffice and poppler for the office tests: one headless conversion per
// call with its own profile, and the official font names aliased to Noto CJK
// through a fontconfig file that only these runs see.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { ROOT } from '../helpers/cli.js';
import { DOCX_FONTS } from '../../src/render/docx.js';

/** Page images for a person to look at (gitignored). */
export const ARTIFACTS = join(ROOT, 'tests/artifacts');

function fontConfig(dir: string): string {
  const file = join(dir, 'fonts.conf');
  const alias = (from: string, to: string) => `  <alias binding="same"><family>${from}</family><prefer><family>${to}</family></prefer></alias>\n`;
  writeFileSync(file, '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
    + '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
    + alias(DOCX_FONTS.title, 'Noto Serif CJK SC') + alias(DOCX_FONTS.heading1, 'Noto Sans CJK SC')
    + alias(DOCX_FONTS.heading2, 'Noto Serif CJK SC') + alias(DOCX_FONTS.body, 'Noto Serif CJK SC') + alias('宋体', 'Noto Serif CJK SC')
    + '</fontconfig>\n');
  return file;
}

/** soffice --headless --convert-to `to`: the path of the converted file in `outDir`. */
export function convert(file: string, to: string, outDir: string): string {
  const profile = mkdtempSync(join(tmpdir(), 'lo-xxgk-'));
  const out = join(profile, 'out');
  mkdirSync(out);
  try {
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}/user`, '--headless', '--norestore', '--convert-to', to, '--outdir', out, file], {
      env: { ...process.env, FONTCONFIG_FILE: fontConfig(profile), HOME: profile }, stdio: 'pipe', timeout: 45_000,
    });
    const name = basename(file, extname(file)) + '.' + to.split(':')[0];
    const target = join(outDir, `lo-${name}`);
    execFileSync('cp', [join(out, name), target]);
    return target;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * pdfinfo and pdftotext of a PDF: the text as laid out, and its blocks (a
 * table cell's wrapped lines are one block); the pages saved as PNGs.
 */
export function pdfText(pdf: string, pngPrefix: string): { info: string; layout: string; blocks: string[] } {
  mkdirSync(ARTIFACTS, { recursive: true });
  execFileSync('pdftoppm', ['-r', '60', '-png', pdf, pngPrefix]);
  const xml = execFileSync('pdftotext', ['-bbox-layout', pdf, '-'], { encoding: 'utf8' });
  const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  const blocks = xml.split('<block').slice(1).map((b) => [...b.matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((m) => unescape(m[1]!)).join(''));
  return {
    info: execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }),
    layout: execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }),
    blocks,
  };
}
