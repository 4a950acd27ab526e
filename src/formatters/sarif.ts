// SARIF 2.1.0 (OASIS), for GitHub code scanning and other SARIF viewers.
// Columns are UTF-16 code units, SARIF's default column kind.
import { pathToFileURL } from 'node:url';
import { isAbsolute } from 'node:path';
import { RULES } from '../rules/catalog.js';
import { rulePageUrl } from '../rules/page-url.js';
import { formatMessage } from '../diagnostics/format-message.js';
import { describePointer } from '../model/cells.js';
import { VERSION } from '../version.js';
import type { Formatter } from './types.js';
import { shown } from './shown.js';

export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** A file name as a URI reference: relative paths stay relative. */
export function fileUri(file: string): string {
  if (isAbsolute(file)) return pathToFileURL(file).href;
  return file.split('\\').join('/').split('/').map(encodeURIComponent).join('/');
}

export const sarif: Formatter = (results, ctx) => {
  const index = new Map<string, number>(RULES.map((r, i) => [r.id, i]));
  const sarifResults = results.flatMap((r) => shown(r.findings, ctx).map((f) => {
    const location = (line: number, column: number) => ({
      physicalLocation: {
        artifactLocation: { uri: fileUri(f.file) },
        region: { startLine: Math.max(1, line), startColumn: Math.max(1, column) },
      },
    });
    return {
      ruleId: f.ruleId,
      ruleIndex: index.get(f.ruleId)!,
      level: f.severity,
      message: { text: formatMessage(f, ctx.lang) },
      locations: [{
        ...location(f.line, f.column),
        ...(f.pointer ? { logicalLocations: [{ name: describePointer(f.pointer, ctx.lang), fullyQualifiedName: f.pointer, kind: 'element' }] } : {}),
      }],
      ...(f.related.length ? {
        relatedLocations: f.related.map((rel, i) => ({
          id: i + 1,
          ...location(rel.line, rel.column),
          message: { text: describePointer(rel.pointer, ctx.lang) },
        })),
      } : {}),
      properties: { pointer: f.pointer },
    };
  }));
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'xxgk-report',
          version: VERSION,
          informationUri: 'https://www.npmjs.com/package/xxgk-report',
          rules: RULES.map((r) => ({
            id: r.id,
            shortDescription: { text: r.title[ctx.lang] },
            fullDescription: { text: `${r.title.zh} / ${r.title.en}` },
            helpUri: rulePageUrl(r.id),
            defaultConfiguration: { level: r.severity },
            properties: { stage: r.stage },
          })),
        },
      },
      columnKind: 'utf16CodeUnits',
      results: sarifResults,
    }],
  };
  return JSON.stringify(log, null, 2) + '\n';
};
