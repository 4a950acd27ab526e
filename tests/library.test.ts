// `import { loadReport, validateReport } from 'xxgk-report'` from another package, typed.
import { describe, expect, it, beforeAll } from 'vitest';
import { mkdtempSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { ROOT } from './helpers/cli.js';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xxgk-consumer-'));
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(ROOT, join(dir, 'node_modules', 'xxgk-report'), 'dir');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', type: 'module', private: true }));
  writeFileSync(join(dir, 'use.ts'), [
    "import { loadReport, validateReport, checkSource, formatMessage, type Finding, type Report } from 'xxgk-report';",
    "import { readFileSync } from 'node:fs';",
    "const bytes = readFileSync(process.argv[2]!);",
    "const loaded = loadReport(bytes, { filename: process.argv[2] });",
    "const report = loaded.data as Report;",
    "const year: number = report.year;",
    "const received: number | undefined = report.requests.received.total;",
    "const findings: Finding[] = validateReport(report);",
    "const located = checkSource(bytes, { filename: 'x.yaml' }).findings;",
    "const words: string[] = located.map((f) => formatMessage(f, 'en'));",
    "console.log(JSON.stringify({ year, received, n: findings.length, ids: located.map((f) => f.ruleId), words }));",
  ].join('\n'));
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: true, types: ['node'], typeRoots: [join(ROOT, 'node_modules', '@types')] },
    files: ['use.ts'],
  }));
});

describe('the library from another package', () => {
  it('type-checks against the shipped declarations', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(dir, 'tsconfig.json')], { encoding: 'utf8' });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  }, 180_000);
  it('a type error in the consumer is caught (the types are real, not any)', () => {
    writeFileSync(join(dir, 'bad.ts'), "import type { Report } from 'xxgk-report';\nconst r = {} as Report;\nconst s: string = r.year;\nexport { s };\n");
    writeFileSync(join(dir, 'tsconfig.bad.json'), JSON.stringify({ extends: './tsconfig.json', files: ['bad.ts'] }));
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(dir, 'tsconfig.bad.json')], { encoding: 'utf8' });
    expect(r.status).not.toBe(0);
    expect(r.stdout).toContain("Type 'number' is not assignable to type 'string'");
  }, 180_000);
  it('runs', () => {
    writeFileSync(join(dir, 'use.mjs'), [
      "import { loadReport, validateReport } from 'xxgk-report';",
      "import { readFileSync } from 'node:fs';",
      "const l = loadReport(readFileSync(process.argv[2]), { filename: process.argv[2] });",
      "const bad = structuredClone(l.data); bad.requests.received.total += 1;",
      "console.log(JSON.stringify({ year: l.data.year, clean: validateReport(l.data).length, bad: validateReport(bad).map((f) => f.ruleId) }));",
    ].join('\n'));
    const r = spawnSync(process.execPath, [join(dir, 'use.mjs'), join(ROOT, 'examples', 'hanyang-2022.yaml')], { cwd: dir, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ year: 2022, clean: 0, bad: ['T3-ROW-TOTAL', 'T3-BALANCE'] });
  });
});
