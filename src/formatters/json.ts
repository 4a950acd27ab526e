import type { Formatter } from './types.js';

/** One JSON array of every finding of every file. */
export const json: Formatter = (results) =>
  JSON.stringify(results.flatMap((r) => r.findings.map((f) => ({
    file: f.file, ruleId: f.ruleId, severity: f.severity, message: f.message, pointer: f.pointer,
    line: f.line, column: f.column, related: f.related, ...(f.otherFile ? { otherFile: f.otherFile } : {}),
  }))), null, 2) + '\n';
