// report init, report schema, report rules.
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { cli, ROOT } from '../helpers/cli.js';
import { read, remove, tempDir } from './helpers.js';
import { RULES } from '../../src/rules/catalog.js';
import { REQUEST_LEAVES, REVIEW_GROUPS, SECTIONS } from '../../src/model/edition2021.js';

const dir = tempDir();
afterAll(() => remove(dir));

describe('report init', () => {
  it('writes a blank report that validates clean', () => {
    const r = cli(['init', '--agency', '某某县人民政府办公室', '--year', '2024', '-o', 'r.yaml'], { cwd: dir });
    expect(r.code).toBe(0);
    const text = read(join(dir, 'r.yaml'));
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=https://unpkg.com/xxgk-report/schemas/report.schema.json');
    const v = cli(['validate', 'r.yaml', '-f', 'json'], { cwd: dir });
    expect(JSON.parse(v.stdout)).toEqual([]);
    expect(v.code).toBe(0);
  });

  it('puts every count at zero and a Chinese label comment before every key', () => {
    const text = read(join(dir, 'r.yaml'));
    const doc = parseDocument(text);
    const data = doc.toJS() as { agency: string; year: number; requests: unknown; reviewsAndLawsuits: unknown; proactive: unknown };
    expect(data.agency).toBe('某某县人民政府办公室');
    expect(data.year).toBe(2024);
    const numbers = JSON.stringify([data.proactive, data.requests, data.reviewsAndLawsuits]).match(/:\s*\d+/g)!;
    expect(numbers.length).toBeGreaterThanOrEqual(REQUEST_LEAVES.length * 7 + REVIEW_GROUPS.length * 5);
    expect(numbers.every((n) => /:\s*0$/.test(n))).toBe(true);
    const lines = text.split('\n');
    // Each key line (not a comment) is preceded by a comment line holding a Chinese label.
    lines.forEach((line, i) => {
      if (/^\s*[A-Za-z]+:/.test(line)) expect(lines[i - 1]).toMatch(/^\s*# .*[\u4e00-\u9fff]/);
    });
    for (const leaf of REQUEST_LEAVES) expect(text).toContain(`# ${leaf.def.label.zh}\n`);
    for (const g of REVIEW_GROUPS) expect(text).toContain(g.label.zh);
    expect(text).toContain(`# ${SECTIONS.requests.zh}\n`);
  });

  it('refuses to overwrite, checks its options, prints to stdout by default', () => {
    const again = cli(['init', '-o', 'r.yaml'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toBe('report: r.yaml 已存在（加 --force 覆盖）\n');
    expect(cli(['init', '-o', 'r.yaml', '--force', '--year', '2023'], { cwd: dir }).code).toBe(0);
    expect(read(join(dir, 'r.yaml'))).toContain('year: 2023');
    expect(cli(['init', '--year', '23'], { cwd: dir }).code).toBe(2);
    const json = cli(['init', '-o', 'r.json'], { cwd: dir });
    expect(json.code).toBe(2);
    expect(json.stderr).toContain('只写 YAML');
    expect(cli(['init', '--agency', ' '], { cwd: dir }).code).toBe(2);
    const out = cli(['init', '--year', '2022', '--agency', 'A: "b" #c'], { cwd: dir });
    expect(out.code).toBe(0);
    writeFileSync(join(dir, 'odd.yaml'), out.stdout);
    expect(cli(['validate', 'odd.yaml'], { cwd: dir }).code).toBe(0);
    expect(parseDocument(out.stdout).toJS().agency).toBe('A: "b" #c');
  });
});

describe('report schema', () => {
  it('prints the shipped JSON Schema', () => {
    const r = cli(['schema']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(ROOT, 'schemas/report.schema.json'), 'utf8'));
  });
});

describe('report rules', () => {
  const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  const page = (id: string) => `https://unpkg.com/xxgk-report@${version}/docs/rules/${id}.md`;
  const re = (s: string) => s.replace(/[()（）.*+?[\]]/g, '\\$&');
  it('lists every rule with its severity, description and page, in both languages', () => {
    const zh = cli(['rules']);
    expect(zh.code).toBe(0);
    for (const r of RULES) expect(zh.stdout).toMatch(new RegExp(`^${r.id} +${r.severity === 'error' ? '错误' : '警告'} +\\S+ +${re(r.title.zh)} +${re(page(r.id))}$`, 'm'));
    const en = cli(['rules', '--lang', 'en']);
    for (const r of RULES) expect(en.stdout).toMatch(new RegExp(`^${r.id} +${r.severity} +${r.stage} +${re(r.title.en)} +${re(page(r.id))}$`, 'm'));
    const json = JSON.parse(cli(['rules', '-f', 'json']).stdout) as { id: string; severity: string; description: string; needs?: string; url: string }[];
    expect(json.map((r) => r.id)).toEqual(RULES.map((r) => r.id));
    expect(json.map((r) => r.url)).toEqual(RULES.map((r) => page(r.id)));
    expect(json.filter((r) => r.needs === 'previous').map((r) => r.id)).toEqual(['PREV-CARRY', 'PREV-IN-FORCE', 'PREV-ITEMS', 'PREV-PUBLISHED-IN-FORCE', 'PREV-COPIED']);
  });
  it('links pages the package ships', () => {
    for (const r of RULES) expect(existsSync(join(ROOT, 'docs', 'rules', `${r.id}.md`)), r.id).toBe(true);
    const files = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { files: string[] }).files;
    expect(files).toContain('docs/');
  });
});
