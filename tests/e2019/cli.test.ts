// The 2019 edition through the CLI: init --edition, and validate --previous
// across editions (a 2021 report against a 2020 one in the 2019 tables).
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { cli, ROOT } from '../helpers/cli.js';

const FIX = join(ROOT, 'tests', 'fixtures', '2019');

describe('report CLI, 2019 edition', () => {
  it('init --edition 2019 writes a blank 2019 report that validates clean; a bad edition is a usage error', () => {
    const r = cli(['init', '--edition', '2019', '--year', '2020', '--agency', '某某县']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('format: "2019"');
    expect(r.stdout).toContain('procurement: {projects: 0, totalAmount: 0}');
    expect(cli(['validate', '--stdin-filename', 'b.yaml', '-'], { input: r.stdout }).code).toBe(0);
    // Without --edition the year decides.
    expect(cli(['init', '--year', '2020']).stdout).toContain('format: "2019"');
    expect(cli(['init', '--year', '2021']).stdout).toContain('format: "2021"');
    const bad = cli(['init', '--edition', '2020', '--lang', 'en']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--edition takes 2021 or 2019, not 2020');
  });
  it('validate --previous: a 2021 report against a 2020 report in the 2019 tables', () => {
    const r = cli(['validate', join(FIX, 'pair-2021.yaml'), '--previous', join(FIX, 'pair-2020.yaml'), '-f', 'json']);
    expect(r.code).toBe(1);
    const found = JSON.parse(r.stdout) as { ruleId: string; severity: string; pointer: string; otherFile?: { pointer: string; line: number } }[];
    expect(found.map((f) => `${f.ruleId} ${f.severity} ${f.pointer}`)).toEqual([
      'PREV-PUBLISHED-IN-FORCE warning /proactive/normativeDocuments/inForce',
      'PREV-CARRY error /requests/carriedOver/naturalPerson',
    ]);
    expect(found[1]!.otherFile).toMatchObject({ pointer: '/requests/carriedForward/naturalPerson' });
  });
});
