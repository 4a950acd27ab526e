// `report import` end to end through the built bin: output, comments, exit codes.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { cli } from '../helpers/cli.js';

const FIX = join(import.meta.dirname, '..', 'fixtures', 'import');
const SEED = join(FIX, 'seed', 'shizhi-2023.txt');
const tmp = () => mkdtempSync(join(tmpdir(), 'xxgk-import-'));
const EPOCH = { SOURCE_DATE_EPOCH: '1706000000' };

describe('report import', () => {
  it('imports the seed: exit 0, a commented YAML file that validates clean', () => {
    const dir = tmp();
    const out = join(dir, 'shizhi.yaml');
    const r = cli(['import', SEED, '-o', out], { env: EPOCH });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const text = readFileSync(out, 'utf8');
    const lines = text.split('\n');
    expect(lines[0]).toBe('# yaml-language-server: $schema=https://unpkg.com/xxgk-report/schemas/report.schema.json');
    expect(lines[1]).toBe(`# 由 report import 从 ${SEED} 导入（2024-01-23T08:53:20Z）`);
    expect(text).toContain('# 全部单元格与各部分均已读取');
    const data = parse(text) as Record<string, unknown>;
    expect(Object.keys(data)).toEqual(['format', 'agency', 'year', 'contact', 'preamble', 'overview', 'proactive', 'requests', 'reviewsAndLawsuits', 'problems', 'other']);
    expect(text).toMatch(/^ {2}regulations: \{issued: 0, repealed: 0, inForce: 0\}$/m);
    const v = cli(['validate', out]);
    expect(v.code).toBe(0);
  });

  it('writes a file with gaps: exit 1, every gap in the comments and on stderr, in Chinese and English', () => {
    const page = join(FIX, 'corpus', '001.txt');
    const zh = cli(['import', page]);
    expect(zh.code).toBe(1);
    const data = parse(zh.stdout) as Record<string, Record<string, Record<string, number>>>;
    expect(data.proactive!.regulations).toEqual({ issued: 0, repealed: 0 });
    expect(data.proactive!.normativeDocuments).toEqual({ issued: 5, repealed: 12, inForce: 8 });
    const commented = zh.stdout.split('\n').filter((l) => /^# {3}- \//.test(l));
    expect(commented).toHaveLength(28);
    expect(zh.stdout).toContain('#   - /proactive/regulations/inForce  规章 · 现行有效件数：原文为空白');
    // And again just above the row, where it is filled in.
    expect(zh.stdout).toContain('  # 未能读取：规章 · 现行有效件数：原文为空白\n  regulations: {issued: 0, repealed: 0}\n');
    expect(zh.stderr).toContain('有 28 处未能读取');
    expect(zh.stderr).toContain('/proactive/regulations/inForce  规章 · 现行有效件数：原文为空白');
    const en = cli(['import', page, '--lang', 'en']);
    expect(en.code).toBe(1);
    expect(en.stderr).toContain('28 place(s) could not be read');
    expect(en.stderr).toContain('/proactive/regulations/inForce  Rules · In force: printed blank');
    expect(en.stderr).toContain('/reviewsAndLawsuits  4. Administrative reviews and lawsuits: table not found');
  });

  it('imports a 2019-edition report in that edition (format "2019", its schema), naming the edition', () => {
    const dir = tmp();
    const out = join(dir, 'x.yaml');
    const zh = cli(['import', join(FIX, 'corpus', '032.txt'), '-o', out]);
    // Written, with gaps (table 二's head is not on the page): exit 1, as for any report with gaps.
    expect(zh.code).toBe(1);
    const text = readFileSync(out, 'utf8');
    expect(text).toMatch(/^# yaml-language-server: \$schema=https:\/\/unpkg.com\/xxgk-report\/schemas\/report-2019.schema.json\n/);
    expect(text).toContain('2019 年试行格式');
    expect(text).toContain('format: "2019"');
    expect(text).toContain('procurement: {projects: 6, totalAmount: 251000, unit: 元}');
    // （六）其他处理 is one row, printed blank ("-") in every column: a gap per cell, not its 2021 sub-items.
    expect(text).toContain('/requests/outcomes/otherHandling/naturalPerson');
    expect(text).not.toContain('otherHandling/noCorrection');
    const en = cli(['import', join(FIX, 'corpus', '003.txt'), '--lang', 'en']);
    expect(en.code).toBe(1);
    expect(en.stdout).toContain('# Source edition: the 2019 trial edition (试行)');
    expect(en.stdout).toContain('licensing: {previousYear: 0, change: 0, decisions: 0}');
  });

  it('refuses text that is not a report', () => {
    const dir = tmp();
    const f = join(dir, 'note.txt');
    writeFileSync(f, '会议纪要\n今天开会。\n');
    const r = cli(['import', f, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('does not look like a government information-disclosure annual report');
  });

  it('reads web pages and Word files, from a file or from standard input', () => {
    const html = cli(['import', join(FIX, 'html', 'official.html'), '--format', 'json']);
    expect(html.code).toBe(0);
    const data = JSON.parse(html.stdout) as Record<string, Record<string, Record<string, number>>>;
    expect(data.requests!.received).toEqual({ naturalPerson: 30, commercial: 5, research: 1, socialWelfare: 0, legalService: 2, otherOrg: 1, total: 39 });
    const docx = cli(['import', join(FIX, 'docx', 'report.docx'), '--format', 'json']);
    expect(docx.code).toBe(0);
    expect(JSON.parse(docx.stdout)).toEqual({ ...data, published: '2024-01-18' });
    const stdin = cli(['import', '-', '--stdin-filename', 'page.html', '--format', 'json'], { input: readFileSync(join(FIX, 'html', 'word-gbk.html')) });
    expect(stdin.code).toBe(1);
    expect((JSON.parse(stdin.stdout) as typeof data).proactive!.licensing).toEqual({ decisions: 1234 });
    // Unnamed standard input is recognised by its content.
    const sniffed = cli(['import', '-', '--format', 'json'], { input: readFileSync(join(FIX, 'html', 'official.html')) });
    expect(sniffed.code).toBe(0);
    expect(JSON.parse(sniffed.stdout)).toEqual(data);
  });

  it('usage and I/O errors: exit 2, one line', () => {
    const missing = cli(['import', 'no-such-file.txt']);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    const fmt = cli(['import', SEED, '--format', 'xml', '--lang', 'en']);
    expect(fmt.code).toBe(2);
    expect(fmt.stderr).toContain('--format must be yaml or json, not xml');
    const dir = tmp();
    const copy = join(dir, 'page.txt');
    writeFileSync(copy, readFileSync(SEED));
    const same = cli(['import', copy, '-o', copy]);
    expect(same.code).toBe(2);
    expect(readFileSync(copy)).toEqual(readFileSync(SEED));
  });
});
