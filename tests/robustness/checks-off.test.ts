// Issue 15, items 12, 13 and 6: checks that could be switched off by accident.
// A parse error is never recorded in nor hidden by a baseline; a configuration
// that changes rules is named on standard error, and render and aggregate
// follow the same settings as validate; .xxgkrc.yaml is capped in size and
// looked for only up to the repository root or the home folder.
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BASE_YAML, plant } from './cases.js';
import { inProcess } from './run.js';
import { RULES } from '../../src/rules/catalog.js';

let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'xxgk-checks-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ROW = 'carriedOver: {naturalPerson: 0, commercial: 0, research: 0, socialWelfare: 0, legalService: 0, otherOrg: 0, total: 0}';
const WRONG = plant(ROW, ROW.replace('total: 0', 'total: 5'));
const folder = (name: string) => { const d = join(dir, name); mkdirSync(d, { recursive: true }); return d; };
const ids = (stdout: string) => (JSON.parse(stdout) as { ruleId: string }[]).map((f) => f.ruleId);

describe('item 12: parse errors are never baselined', () => {
  it('a hand-written PARSE-SYNTAX / PARSE-BINARY entry with pointer "" hides nothing', async () => {
    const d = folder('baseline');
    writeFileSync(join(d, 'bad.yaml'), 'agency: [方城县\n');
    writeFileSync(join(d, 'bin.yaml'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0xff]));
    writeFileSync(join(d, 'b.json'), JSON.stringify({ version: 1, findings: [
      { file: 'bad.yaml', ruleId: 'PARSE-SYNTAX', pointer: '', count: 5 },
      { file: 'bin.yaml', ruleId: 'PARSE-BINARY', pointer: '', count: 5 },
    ] }));
    const r = await inProcess(['validate', 'bad.yaml', 'bin.yaml', '--baseline', 'b.json', '-f', 'json'], d);
    expect(r.code).toBe(1);
    expect(ids(r.stdout).sort()).toEqual(['PARSE-BINARY', 'PARSE-SYNTAX']);
  });

  it('--write-baseline records no parse error; a later parse error in that file still fails', async () => {
    const d = folder('baseline-write');
    writeFileSync(join(d, 'r.yaml'), 'agency: [方城县\n');
    writeFileSync(join(d, 'ok.yaml'), WRONG);
    const w = await inProcess(['validate', 'r.yaml', 'ok.yaml', '--write-baseline', 'b.json'], d);
    expect(w.code).toBe(0);
    const b = JSON.parse(readFileSync(join(d, 'b.json'), 'utf8')) as { findings: { ruleId: string }[] };
    expect(b.findings.map((f) => f.ruleId).sort()).toEqual(['T3-BALANCE', 'T3-ROW-TOTAL']);
    expect(w.stderr).toContain('记录了 2 个问题');
    writeFileSync(join(d, 'r.yaml'), 'agency: "方城县\n');
    const r = await inProcess(['validate', 'r.yaml', 'ok.yaml', '--baseline', 'b.json', '-f', 'json'], d);
    expect(r.code).toBe(1);
    expect(ids(r.stdout)).toEqual(['PARSE-SYNTAX']);
  });
});

describe('item 13: the configuration is told, and render and aggregate follow it', () => {
  it('a configuration turning every rule off is named, with a warning, on standard error', async () => {
    const d = folder('all-off');
    const off = RULES.filter((r) => !(r.stage === 'parse' && r.severity === 'error')).map((r) => `  ${r.id}: off`).join('\n');
    writeFileSync(join(d, '.xxgkrc.yaml'), `rules:\n${off}\n`);
    writeFileSync(join(d, 'junk.yaml'), 'a: 1\n');
    const r = await inProcess(['validate', 'junk.yaml'], d);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^report: 使用配置文件 \.xxgkrc\.yaml：关闭规则 .*SCHEMA-REQUIRED.*（全部规则均已关闭，检查结果不说明数据正确）\n$/);
    const en = await inProcess(['validate', 'junk.yaml', '--lang', 'en'], d);
    expect(en.stderr).toContain('Using the configuration file .xxgkrc.yaml: rules off: ');
    expect(en.stderr).toContain('every rule is off: a clean result says nothing about the data');
  });

  it('a configuration that changes nothing from the defaults is not mentioned', async () => {
    const d = folder('same');
    writeFileSync(join(d, '.xxgkrc.yaml'), 'rules:\n  T3-BALANCE: error\n');
    writeFileSync(join(d, 'r.yaml'), BASE_YAML);
    expect((await inProcess(['validate', 'r.yaml'], d)).stderr).toBe('');
  });

  it('render and aggregate take the same settings as validate (file and --rule)', async () => {
    const d = folder('same-config');
    writeFileSync(join(d, 'r.yaml'), WRONG);
    writeFileSync(join(d, 'b.yaml'), BASE_YAML.replace('agency: 方城县释之街道办事处', 'agency: 另一个单位'));
    // Without a configuration: validate fails, render and aggregate refuse.
    expect((await inProcess(['validate', 'r.yaml'], d)).code).toBe(1);
    expect((await inProcess(['render', 'r.yaml'], d)).code).toBe(1);
    expect((await inProcess(['aggregate', 'r.yaml', 'b.yaml', '--agency', '某县'], d)).code).toBe(1);
    writeFileSync(join(d, '.xxgkrc.yaml'), 'rules:\n  T3-ROW-TOTAL: off\n  T3-BALANCE: warn\n');
    const v = await inProcess(['validate', 'r.yaml'], d);
    expect(v.code).toBe(0);
    const render = await inProcess(['render', 'r.yaml'], d);
    expect(render.code).toBe(0);
    expect(render.stdout).toContain('政府信息公开');
    expect(render.stderr).toContain('report: 使用配置文件 .xxgkrc.yaml：关闭规则 T3-ROW-TOTAL；降为警告 T3-BALANCE');
    const agg = await inProcess(['aggregate', 'r.yaml', 'b.yaml', '--agency', '某县'], d);
    expect(agg.stderr).toContain('使用配置文件');
    expect(agg.code).toBe(0);
    // --rule on render, as on validate.
    expect((await inProcess(['render', 'r.yaml', '--rule', 'T3-ROW-TOTAL=error'], d)).code).toBe(1);
    expect((await inProcess(['render', 'r.yaml', '--out-dir', 'out', '--rule', 'T3-BALANCE=error'], d)).code).toBe(1);
    expect((await inProcess(['render', 'r.yaml', '--out-dir', 'out'], d)).code).toBe(0);
  });
});

describe('item 6: .xxgkrc.yaml capped in size, looked for up to the repository root or home', () => {
  it('200,000 keys (3 MB) are refused from the size, before parsing', async () => {
    const d = folder('huge');
    writeFileSync(join(d, '.xxgkrc.yaml'), `rules:\n${Array.from({ length: 200_000 }, (_, i) => `  K${i}: off`).join('\n')}\n`);
    writeFileSync(join(d, 'r.yaml'), BASE_YAML);
    const r = await inProcess(['validate', 'r.yaml'], d);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^report: 配置文件 .*\.xxgkrc\.yaml 超过 65536 字节（只应写几行 rules）；未读取\n$/);
    // One byte under the cap is read (and its first unknown rule reported).
    writeFileSync(join(d, '.xxgkrc.yaml'), `rules:\n  T3-BALANCE: off\n#${'x'.repeat(65536 - 28)}\n`);
    expect(readFileSync(join(d, '.xxgkrc.yaml')).length).toBeLessThanOrEqual(65536);
    expect((await inProcess(['validate', 'r.yaml'], d)).stderr).toContain('关闭规则 T3-BALANCE');
  });

  it('a config above the repository root (.git) or above home is not used', async () => {
    const top = folder('search');
    writeFileSync(join(top, '.xxgkrc.yaml'), 'rules:\n  T3-ROW-TOTAL: off\n  T3-BALANCE: off\n');
    const repo = join(top, 'repo', 'sub');
    mkdirSync(repo, { recursive: true });
    mkdirSync(join(top, 'repo', '.git'));
    writeFileSync(join(repo, 'r.yaml'), WRONG);
    const inRepo = await inProcess(['validate', 'r.yaml'], repo);
    expect(inRepo.code).toBe(1);
    expect(inRepo.stderr).toBe('');
    const home = join(top, 'home', 'me');
    mkdirSync(join(home, 'work'), { recursive: true });
    writeFileSync(join(home, 'work', 'r.yaml'), WRONG);
    expect((await inProcess(['validate', 'r.yaml'], join(home, 'work'), { HOME: home })).code).toBe(1);
    // Inside the repository, its own config still counts, and so does one in home.
    writeFileSync(join(top, 'repo', '.xxgkrc.yaml'), 'rules:\n  T3-ROW-TOTAL: off\n  T3-BALANCE: off\n');
    expect((await inProcess(['validate', 'r.yaml'], repo)).code).toBe(0);
    writeFileSync(join(home, '.xxgkrc.yaml'), 'rules:\n  T3-ROW-TOTAL: off\n  T3-BALANCE: off\n');
    const h = await inProcess(['validate', 'r.yaml'], join(home, 'work'), { HOME: home });
    expect(h.code).toBe(0);
    expect(h.stderr).toContain(join(home, '.xxgkrc.yaml'));
  });
});
