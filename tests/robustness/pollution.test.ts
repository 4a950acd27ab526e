// `__proto__`, `constructor` and `prototype` keys are data like any other:
// reported as unknown keys, never reaching Object.prototype, through every
// parse path (the subset reader, the `yaml` Document path, JSON).
import { describe, expect, it, afterEach, vi } from 'vitest';
import { loadReport as loadReportFast } from '../../src/load/load.js';
import { checkSource as checkSourceFast, validateReport } from '../../src/check.js';
import { BASE_YAML, BASE_JSON, plant } from './cases.js';
import { formatMessage } from '../../src/diagnostics/format-message.js';

const polluted = () => [({} as Record<string, unknown>).polluted, ([] as unknown as Record<string, unknown>).polluted, (Object.create(null) as Record<string, unknown>).polluted];

afterEach(() => {
  // A leak here would make every later test lie: fail loudly and clean up.
  const leaked = 'polluted' in Object.prototype;
  delete (Object.prototype as Record<string, unknown>).polluted;
  expect(leaked).toBe(false);
});

const yamlHostile = plant('year: 2023\n', 'year: 2023\n__proto__: {polluted: 1}\nconstructor: {prototype: {polluted: 2}}\n');
/** loadReport with the subset reader giving up, so the `yaml` Document path builds the data. */
async function documentPathLoader() {
  vi.resetModules();
  let calls = 0;
  vi.doMock('../../src/load/subset-yaml.js', async (orig) => ({
    ...(await orig<typeof import('../../src/load/subset-yaml.js')>()),
    readSubset: () => { calls++; return { gaveUp: 0 }; },
  }));
  const load = (await import('../../src/load/load.js')).loadReport;
  const check = (await import('../../src/check.js')).checkSource;
  vi.doUnmock('../../src/load/subset-yaml.js');
  return { load, check, calls: () => calls };
}
const jsonHostile = BASE_JSON.replace('"format": "2021",', '"format": "2021",\n  "__proto__": {"polluted": 1},\n  "constructor": {"prototype": {"polluted": 2}},');

describe('prototype keys', () => {
  for (const [name, text, file] of [['YAML, as loaded', yamlHostile, 'r.yaml'], ['YAML Document path', yamlHostile, 'r.yaml'], ['JSON', jsonHostile, 'r.json']] as const) {
    it(`${name}: loaded as plain own keys, Object.prototype untouched`, async () => {
      const { load: loadReport, check: checkSource } = name === 'YAML Document path' ? await documentPathLoader() : { load: loadReportFast, check: checkSourceFast };
      const r = loadReport(text, { filename: file });
      expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
      const data = r.data as Record<string, unknown>;
      expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
      expect(Object.keys(data)).toContain('__proto__');
      expect(Object.prototype.hasOwnProperty.call(data, '__proto__')).toBe(true);
      expect(polluted()).toEqual([undefined, undefined, undefined]);
      const keys = checkSource(text, { filename: file }).findings.filter((f) => f.ruleId === 'SCHEMA-UNKNOWN-KEY');
      expect(keys.map((f) => f.pointer).sort()).toEqual(['/__proto__', '/constructor']);
      expect(formatMessage(keys.find((f) => f.pointer === '/__proto__')!, 'en')).toContain('Unknown key "__proto__"');
      expect(polluted()).toEqual([undefined, undefined, undefined]);
    });
  }

  it('the Document path loader really bypasses the subset reader', async () => {
    const { load, calls } = await documentPathLoader();
    // The reader was asked and gave up, and the data came from the Document.
    expect(load(yamlHostile, { filename: 'r.yaml' }).data).toHaveProperty('agency', '方城县释之街道办事处');
    expect(calls()).toBe(1);
  });

  it('validateReport on a hand-made object with an own __proto__ key', () => {
    const data = JSON.parse(jsonHostile) as Record<string, unknown>;
    const findings = validateReport(data);
    expect(findings.filter((f) => f.ruleId === 'SCHEMA-UNKNOWN-KEY').map((f) => f.pointer).sort()).toEqual(['/__proto__', '/constructor']);
    expect(polluted()).toEqual([undefined, undefined, undefined]);
  });

  it('prototype keys deep inside table 3 rows', () => {
    const text = plant('  carriedForward: {', '  carriedForward: {__proto__: {polluted: 3}, constructor: 1, ');
    const f = checkSourceFast(text, { filename: 'r.yaml' }).findings.filter((x) => x.severity === 'error');
    expect(f.map((x) => [x.ruleId, x.pointer])).toEqual([
      ['SCHEMA-UNKNOWN-KEY', '/requests/carriedForward/__proto__'],
      ['SCHEMA-UNKNOWN-KEY', '/requests/carriedForward/constructor'],
    ]);
    expect(polluted()).toEqual([undefined, undefined, undefined]);
  });
});
