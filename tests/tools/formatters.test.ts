// The sarif, github, junit and json formatters, through the real bin.
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { cli, ROOT } from '../helpers/cli.js';
import { BAD_BALANCE, GOOD, WARN_ONLY, read, remove, tree } from './helpers.js';

const manyErrors = read(GOOD).replace(/total: 0\}/g, 'total: 7}');
const dir = tree({
  'good.yaml': { copy: GOOD },
  'bad.yaml': { copy: BAD_BALANCE },
  'warn.yaml': { copy: WARN_ONLY },
  '多错.yaml': manyErrors,
});
afterAll(() => remove(dir));

interface SarifLog {
  runs: {
    tool: { driver: { rules: { id: string; helpUri: string; shortDescription: { text: string } }[] } };
    results: {
      ruleId: string; ruleIndex: number; level: string; message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[];
      relatedLocations?: { physicalLocation: { region: { startLine: number; startColumn: number } }; message: { text: string } }[];
    }[];
  }[];
}

describe('--format sarif', () => {
  const r = cli(['validate', '--format', 'sarif', 'good.yaml', 'bad.yaml', 'warn.yaml', '多错.yaml'], { cwd: dir });
  const log = JSON.parse(r.stdout) as SarifLog;

  it('is valid against the official SARIF 2.1.0 JSON Schema', () => {
    // tests/fixtures/tools/sarif/README.md says where the schema comes from.
    const schema = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/tools/sarif/sarif-schema-2.1.0.json'), 'utf8'));
    const ajv = new AjvDraft04.default({ allErrors: true, strict: false });
    ajvFormats.default(ajv);
    const validate = ajv.compile(schema);
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(r.code).toBe(1);
    // The validator does reject what SARIF forbids.
    const broken = structuredClone(log);
    (broken.runs[0]!.results[0] as { level: string }).level = 'fatal';
    broken.runs[0]!.results[0]!.locations[0]!.physicalLocation.region.startLine = 0;
    expect(validate(broken)).toBe(false);
  });

  it('has one rule entry per rule id, with a description and its own page as help URI', () => {
    const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    const rules = log.runs[0]!.tool.driver.rules;
    const ids = rules.map((x) => x.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('T3-BALANCE');
    for (const rule of rules) {
      expect(rule.shortDescription.text).not.toBe('');
      expect(rule.helpUri).toMatch(/^https:\/\/.+\.md$/);
      expect(rule.helpUri).toBe(`https://unpkg.com/xxgk-report@${version}/docs/rules/${rule.id}.md`);
    }
    for (const res of log.runs[0]!.results) expect(rules[res.ruleIndex]!.id).toBe(res.ruleId);
  });

  it('places results and lists every cell of an equation as a related location', () => {
    const balance = log.runs[0]!.results.find((x) => x.ruleId === 'T3-BALANCE' && x.locations[0]!.physicalLocation.artifactLocation.uri === 'bad.yaml')!;
    expect(balance.level).toBe('error');
    expect(balance.locations[0]!.physicalLocation.region).toEqual({ startLine: 106, startColumn: 35 });
    // 一、二、三（七）总计 for the same column.
    expect(balance.relatedLocations).toHaveLength(3);
    expect(balance.relatedLocations!.map((x) => x.message.text)).toContain('一、本年新收政府信息公开申请数量 · 自然人');
    const rowTotal = log.runs[0]!.results.find((x) => x.ruleId === 'T3-ROW-TOTAL')!;
    expect(rowTotal.relatedLocations).toHaveLength(6);
    expect(log.runs[0]!.results.find((x) => x.ruleId === 'T2-IN-FORCE')!.level).toBe('warning');
    // Non-ASCII file names become valid URI references.
    expect(log.runs[0]!.results.some((x) => x.locations[0]!.physicalLocation.artifactLocation.uri === encodeURIComponent('多错.yaml'))).toBe(true);
  });
});

describe('--format github', () => {
  it('writes workflow commands, worst first, at most 10, then a notice', () => {
    const r = cli(['validate', '--format', 'github', 'warn.yaml', '多错.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    const annotations = lines.filter((l) => /^::(error|warning) /.test(l));
    expect(annotations).toHaveLength(10);
    expect(annotations.every((l) => l.startsWith('::error '))).toBe(true);
    expect(annotations[0]).toMatch(/^::error file=多错\.yaml,line=\d+,col=\d+,title=T3-ROW-TOTAL::.+总计/);
    const notice = lines.find((l) => l.startsWith('::notice '))!;
    const total = (JSON.parse(cli(['validate', '--format', 'json', 'warn.yaml', '多错.yaml'], { cwd: dir }).stdout) as unknown[]).length;
    expect(notice).toContain(`另有 ${total - 10} 个问题未标注`);
  });

  it('is chosen by itself under GitHub Actions, unless a format is given', () => {
    const auto = cli(['validate', 'bad.yaml'], { cwd: dir, env: { GITHUB_ACTIONS: 'true' } });
    expect(auto.stdout).toMatch(/^::error file=bad\.yaml,line=106,col=35,title=T3-BALANCE::/m);
    const asked = cli(['validate', 'bad.yaml', '--format', 'stylish'], { cwd: dir, env: { GITHUB_ACTIONS: 'true' } });
    expect(asked.stdout).not.toContain('::error');
  });

  it('escapes what would break a workflow command', async () => {
    const { escapeData, escapeProperty } = await import('../../src/formatters/github.js');
    expect(escapeData('50%\r\nnext')).toBe('50%25%0D%0Anext');
    expect(escapeProperty('a:b,c')).toBe('a%3Ab%2Cc');
  });
});

describe('--format junit', () => {
  it('has one testsuite per file and one failing testcase per error', () => {
    const r = cli(['validate', '--format', 'junit', 'good.yaml', 'bad.yaml', 'warn.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ')).toBe(true);
    expect(r.stdout.match(/<testsuite /g)).toHaveLength(3);
    const bad = /<testsuite name="bad\.yaml" tests="(\d+)" failures="(\d+)"[^>]*>([\s\S]*?)<\/testsuite>/.exec(r.stdout)!;
    const errors = (JSON.parse(cli(['validate', '--format', 'json', 'bad.yaml'], { cwd: dir }).stdout) as { severity: string }[]).filter((f) => f.severity === 'error').length;
    expect(Number(bad[2])).toBe(errors);
    expect(bad[3]!.match(/<failure type="T3-BALANCE"/g)).toHaveLength(2);
    expect(r.stdout).toMatch(/<testsuite name="good\.yaml" tests="1" failures="0"[^>]*>\n {4}<testcase [^>]*\/>/);
    // Warnings are reported, not failed.
    expect(r.stdout).toMatch(/<testsuite name="warn\.yaml" tests="1" failures="0"[\s\S]*?<system-out>[\s\S]*T2-IN-FORCE/);
  });

  it('escapes XML', async () => {
    const { xml } = await import('../../src/formatters/junit.js');
    expect(xml('<a & "b">\u0001')).toBe('&lt;a &amp; &quot;b&quot;&gt;\ufffd');
  });
});

describe('--format json', () => {
  it('keeps the related locations', () => {
    const r = cli(['validate', '--format', 'json', 'bad.yaml'], { cwd: dir });
    const f = (JSON.parse(r.stdout) as { ruleId: string; related: { pointer: string; line: number; column: number }[] }[]).find((x) => x.ruleId === 'T3-BALANCE')!;
    expect(f.related.map((x) => x.pointer)).toEqual(['/requests/received/naturalPerson', '/requests/carriedOver/naturalPerson', '/requests/outcomes/total/naturalPerson']);
    expect(f.related.every((x) => x.line > 0 && x.column > 0)).toBe(true);
  });

  it('refuses an unknown format', () => {
    const r = cli(['validate', '--format', 'xml', 'bad.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('sarif');
  });
});
