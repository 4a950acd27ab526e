// The core's typed errors and results: data for the CLI to word (src/cli/), with no file system.
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig, withRuleOptions } from '../../src/config/config.js';
import { BaselineError, parseBaseline } from '../../src/baseline/baseline.js';
import { fixBytes } from '../../src/fix/fix-file.js';
import { configMessage } from '../../src/cli/config.js';
import { fixTotals } from '../../src/fix/fix-totals.js';
import { GOOD, variant } from './helpers.js';

const thrown = (f: () => unknown): unknown => {
  try { f(); } catch (e) { return e; }
  throw new Error('did not throw');
};

describe('ConfigError', () => {
  it('says what is wrong, where, with its parameters and, for YAML, the line and column', () => {
    const syntax = thrown(() => parseConfig('rules:\n  a: [\n', 'c.yaml'));
    expect(syntax).toBeInstanceOf(ConfigError);
    expect(syntax).toMatchObject({ code: 'syntax', where: 'c.yaml', line: 3, column: 1 });
    expect((syntax as ConfigError).params.detail).toBeTypeOf('string');
    expect(thrown(() => parseConfig('rules:\n  T3-BALANSE: off\n', 'c.yaml'))).toMatchObject({ code: 'unknownRule', where: 'c.yaml', params: { id: 'T3-BALANSE' } });
    expect(thrown(() => parseConfig('rules:\n  T3-BALANCE: 3\n', 'c.yaml'))).toMatchObject({ code: 'badSetting', params: { id: 'T3-BALANCE', value: '3' } });
    expect(thrown(() => parseConfig('- 1\n', 'c.yaml'))).toMatchObject({ code: 'notMapping' });
    expect(thrown(() => parseConfig('rule: {}\n', 'c.yaml'))).toMatchObject({ code: 'unknownKey', params: { key: 'rule' } });
    expect(thrown(() => parseConfig('rules: [1]\n', 'c.yaml'))).toMatchObject({ code: 'rulesNotMapping' });
    expect(thrown(() => withRuleOptions(new Map(), ['T3-BALANCE']))).toMatchObject({ code: 'badRuleOption', where: '--rule', params: { value: 'T3-BALANCE' } });
    expect(thrown(() => withRuleOptions(new Map(), ['parse-syntax=off']))).toMatchObject({ code: 'fixedRule', params: { id: 'PARSE-SYNTAX' } });
  });

  it('settings: the file, then --rule options in order, ids in capitals', () => {
    const file = parseConfig('rules:\n  T3-BALANCE: warn\n  T2-IN-FORCE: off\n', 'c.yaml');
    expect([...withRuleOptions(file, ['t3-balance=error', 'T3-BALANCE = off'])]).toEqual([['T3-BALANCE', 'off'], ['T2-IN-FORCE', 'off']]);
    expect([...file]).toEqual([['T3-BALANCE', 'warn'], ['T2-IN-FORCE', 'off']]);
    expect(parseConfig('', 'c.yaml').size).toBe(0);
  });

  it('is worded by the CLI in either language', () => {
    const e = thrown(() => parseConfig('rules:\n  T3-BALANCE: maybe\n', 'c.yaml')) as ConfigError;
    expect(configMessage(e, 'en')).toBe('c.yaml: rule T3-BALANCE must be set to off, warn or error, not maybe');
    expect(configMessage(e, 'zh')).toBe('c.yaml：规则 T3-BALANCE 的设置只能是 off、warn 或 error，而不是 maybe');
  });
});

describe('BaselineError', () => {
  it('tells a file that is not JSON from one of the wrong shape', () => {
    expect(thrown(() => parseBaseline('{', 'b.json'))).toMatchObject({ code: 'syntax', file: 'b.json' });
    expect((thrown(() => parseBaseline('{', 'b.json')) as BaselineError).detail).toBeTypeOf('string');
    expect(thrown(() => parseBaseline('{"version": 1, "findings": [{"file": 3}]}', 'b.json'))).toMatchObject({ code: 'shape', file: 'b.json' });
    expect(thrown(() => parseBaseline('[]', 'b.json'))).toBeInstanceOf(BaselineError);
    expect(parseBaseline('\ufeff{"version": 1, "findings": []}', 'b.json')).toEqual({ version: 1, findings: [] });
  });
});

describe('fixBytes', () => {
  it('leaves a file that is not UTF-8 alone, and keeps a byte-order mark', () => {
    expect(fixBytes(new Uint8Array([0xc4, 0xe3, 0x0a]), 'yaml')).toEqual({ changes: [], skipped: { reason: 'notUtf8' } });
    const clean = new TextEncoder().encode('\ufeffagency: x\n');
    expect(fixBytes(clean, 'yaml')).toEqual({ changes: [] });
    const wrong = variant(GOOD, 'review: {upheld: 1, corrected: 0, other: 0, pending: 0, total: 1}', 'review: {upheld: 1, corrected: 0, other: 0, pending: 0, total: 5}');
    const r = fixBytes(new TextEncoder().encode('\ufeff' + wrong), 'yaml');
    const expected = fixTotals(wrong, 'yaml');
    expect(r.changes).toEqual(expected.changes);
    expect(r.changes.length).toBeGreaterThan(0);
    expect(r.text).toBe('\ufeff' + expected.text);
  });
});
