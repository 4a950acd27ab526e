// The rule pages (docs/rules/<ID>.md) and the README's rule table are made
// from the rule definitions by `npm run docs`: fail when what is committed is
// stale, when a rule has no page, or when a page is left over.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint } from 'markdownlint/sync';
import { RULES } from '../src/rules/catalog.js';
import { rulePages, rulesTable, RULES_END, RULES_START, withRulesTable } from '../src/rules/docs.js';
import { rulePagePath } from '../src/rules/page-url.js';

const ROOT = join(import.meta.dirname, '..');
const STALE = 'stale: run `npm run docs`';
const pages = rulePages();
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

describe('rule pages', () => {
  it('every rule in the registry has its page, and no page is left over', () => {
    expect([...pages.keys()]).toEqual(RULES.map((r) => rulePagePath(r.id)));
    const onDisk = readdirSync(join(ROOT, 'docs', 'rules')).filter((f) => f.endsWith('.md')).map((f) => `docs/rules/${f}`).sort();
    expect(onDisk).toEqual([...pages.keys()].sort());
  });

  for (const [path, text] of pages) {
    it(`${path} is up to date and markdownlint clean`, () => {
      expect(existsSync(join(ROOT, path)), path).toBe(true);
      expect(readFileSync(join(ROOT, path), 'utf8'), `${path} ${STALE}`).toBe(text);
      const errors = lint({ strings: { [path]: text }, config: { default: true, MD013: false } })[path] ?? [];
      expect(errors.map((e) => `${e.lineNumber} ${e.ruleNames.join('/')} ${e.errorDetail ?? ''}`)).toEqual([]);
    });
  }

  it('each page holds both languages, the rule\'s severity and stage, both examples', () => {
    for (const r of RULES) {
      const text = pages.get(rulePagePath(r.id))!;
      expect(text).toContain(`# ${r.id}\n`);
      for (const l of [r.title, r.description, r.basis, r.fix]) {
        expect(text).toContain(l.zh);
        expect(text).toContain(l.en);
      }
      expect(text).toContain(r.examples.wrong.trimEnd());
      expect(text).toContain(r.examples.right.trimEnd());
      expect(text).toContain(`${r.severity === 'error' ? '错误' : '警告'} · ${r.severity}`);
      expect(text).toContain(r.stage);
    }
  });
});

describe('the README rule table', () => {
  it('sits between the markers and is up to date', () => {
    expect(README).toContain(RULES_START);
    expect(README).toContain(RULES_END);
    expect(README, `README.md ${STALE}`).toBe(withRulesTable(README));
    expect(README).toContain(`${RULES_START}\n${rulesTable()}\n${RULES_END}`);
  });

  it('has one row per rule, linked to its page, in registry order', () => {
    const rows = rulesTable().split('\n').slice(2);
    expect(rows.map((r) => /^\| \[`([A-Z0-9-]+)`\]\(([^)]+)\)/.exec(r)?.slice(1))).toEqual(RULES.map((r) => [r.id, rulePagePath(r.id)]));
  });

  it('refuses a README without the markers', () => {
    expect(() => withRulesTable('# no table here\n')).toThrow(/rules:start/);
  });
});
