// The schema and the TypeScript types come from the model and stay current.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, SCHEMA_ID } from '../src/schema/build-schema.js';
import { schemaToTypeScript } from '../src/schema/to-typescript.js';
import { REQUEST_LEAVES, SECTIONS } from '../src/model/edition2021.js';

const ROOT = join(import.meta.dirname, '..');
const committed = JSON.parse(readFileSync(join(ROOT, 'schemas', 'report.schema.json'), 'utf8'));

describe('schemas/report.schema.json', () => {
  it('is what the model generates (run npm run build after changing the model)', () => {
    expect(committed).toEqual(buildSchema());
  });
  it('the TypeScript types are generated from it', () => {
    expect(readFileSync(join(ROOT, 'src', 'model', 'report.generated.ts'), 'utf8')).toBe(schemaToTypeScript(committed));
  });
  it('is draft 2020-12 with an $id', () => {
    expect(committed.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(committed.$id).toBe(SCHEMA_ID);
  });
  it('every property has a Chinese title and description; every object is closed', () => {
    const walk = (s: Record<string, any>, path: string) => {
      if (s.type === 'object') {
        expect(s.additionalProperties, path).toBe(false);
        for (const [k, v] of Object.entries<Record<string, any>>(s.properties)) {
          expect(v.title, `${path}/${k}`).toMatch(/[\u4e00-\u9fff]/);
          expect(v.description, `${path}/${k}`).toMatch(/[\u4e00-\u9fff]/);
          walk(v, `${path}/${k}`);
        }
      }
    };
    walk(committed, '');
    for (const [k, v] of Object.entries<Record<string, any>>(committed.$defs)) walk(v, `$defs/${k}`);
  });
  it('uses the official labels as titles', () => {
    expect(committed.properties.requests.title).toBe(SECTIONS.requests.zh);
    expect(committed.properties.requests.properties.outcomes.properties.withheld.properties.securityStability.title).toBe('3.危及“三安全一稳定”');
    expect(REQUEST_LEAVES).toHaveLength(25);
  });
  it('counts are non-negative integers', () => {
    expect(committed.$defs.count).toMatchObject({ type: 'integer', minimum: 0 });
  });
});
