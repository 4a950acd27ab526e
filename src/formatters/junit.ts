// JUnit XML for CI dashboards: one testsuite per file, one failing testcase
// per error; a file without errors is one passing testcase.
import { formatMessage } from '../diagnostics/format-message.js';
import type { Formatter } from './types.js';
import { shown } from './shown.js';

/** XML text: escaped, and without the characters XML 1.0 cannot hold. */
export const xml = (s: string) =>
  s.replace(/[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, '\ufffd')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

const T = {
  clean: { zh: '检查通过', en: 'report is valid' },
  warnings: { zh: '警告', en: 'warnings' },
};

export const junit: Formatter = (results, ctx) => {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  let tests = 0;
  let failures = 0;
  const suites: string[] = [];
  for (const r of results) {
    const findings = shown(r.findings, ctx);
    const errors = findings.filter((f) => f.severity === 'error');
    const warnings = findings.filter((f) => f.severity === 'warning');
    const cases = errors.length
      ? errors.map((f) => {
        const message = formatMessage(f, ctx.lang);
        return [
          `    <testcase classname="${xml(r.file)}" name="${xml(`${f.ruleId} ${f.line}:${f.column}${f.pointer ? ` ${f.pointer}` : ''}`)}" file="${xml(r.file)}" line="${f.line}">`,
          `      <failure type="${xml(f.ruleId)}" message="${xml(message)}">${xml(`${r.file}:${f.line}:${f.column} ${message} (${f.ruleId})`)}</failure>`,
          '    </testcase>',
        ].join('\n');
      })
      : [`    <testcase classname="${xml(r.file)}" name="${xml(T.clean[ctx.lang])}" file="${xml(r.file)}"/>`];
    const n = Math.max(1, errors.length);
    tests += n;
    failures += errors.length;
    const sysout = warnings.length
      ? [`    <system-out>${xml(`${T.warnings[ctx.lang]}:\n${warnings.map((f) => `${r.file}:${f.line}:${f.column} ${formatMessage(f, ctx.lang)} (${f.ruleId})`).join('\n')}`)}</system-out>`]
      : [];
    suites.push([`  <testsuite name="${xml(r.file)}" tests="${n}" failures="${errors.length}" errors="0" skipped="0">`, ...cases, ...sysout, '  </testsuite>'].join('\n'));
  }
  out.push(`<testsuites name="report validate" tests="${tests}" failures="${failures}" errors="0">`);
  out.push(...suites);
  out.push('</testsuites>');
  return out.join('\n') + '\n';
};
