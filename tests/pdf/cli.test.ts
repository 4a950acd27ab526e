// `report import FILE.pdf` end to end: the data file written, a scan refused
// in the user's language with exit 2 and nothing written.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { cli } from '../helpers/cli.js';

const FIX = 'tests/fixtures/pdf';
const tmp = mkdtempSync(join(tmpdir(), 'xxgk-pdf-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('report import FILE.pdf', () => {
  it('writes the data file, which validates clean; standard input is recognised as a PDF by its content', () => {
    const out = join(tmp, 'r.yaml');
    const r = cli(['import', `${FIX}/unruled.pdf`, '-o', out]);
    expect(r.stderr).toContain('全部读取');
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('agency: 武汉市汉阳区人民政府办公室');
    expect(cli(['validate', out]).code).toBe(0);
    const piped = cli(['import', '-', '--format', 'json'], { input: readFileSync(`${FIX}/unruled.pdf`) });
    expect(piped.code).toBe(0);
    expect(JSON.parse(piped.stdout).requests.received.total).toBe(JSON.parse(cli(['import', `${FIX}/unruled.pdf`, '--format', 'json']).stdout).requests.received.total);
  });

  it('refuses a scan, saying why and what to do, in Chinese or English; exit 2, nothing written', () => {
    const out = join(tmp, 'scan.yaml');
    const zh = cli(['import', `${FIX}/scanned.pdf`, '-o', out]);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toBe(`report: ${FIX}/scanned.pdf 是扫描件或图片 PDF（1 页），没有可读取的文字层；本工具不做文字识别（OCR），请取得原始的 Word、网页或带文字的 PDF，或先用 OCR 软件转成带文字的 PDF；未写出文件\n`);
    expect(existsSync(out)).toBe(false);
    const en = cli(['--lang', 'en', 'import', `${FIX}/scanned.pdf`]);
    expect(en.code).toBe(2);
    expect(en.stdout).toBe('');
    expect(en.stderr).toMatch(/is a scanned or image-only PDF \(1 page\(s\)\) with no text layer; this tool does no OCR/);
  });

  it('a damaged PDF: exit 2, a message, no stack trace', () => {
    const r = cli(['import', '-', '--stdin-filename', 'x.pdf'], { input: Buffer.from('%PDF-1.7\n1 0 obj <<\n') });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('report: x.pdf 无法作为 PDF 打开（文件损坏、不完整或已加密）；未写出文件\n');
  });
});
