// Rule 7: this year against last year's report. Pure: (data, previous data).
import type { Finding } from '../diagnostics/finding.js';
import { REQUEST_COLUMNS } from '../model/edition2021.js';
import { count, finding } from './define.js';
import { requestCell } from './table3.js';

export interface PreviousNames {
  /** Last year's file, for otherFile and the message. */
  readonly previousFile?: string;
}

export function checkPrevious(data: unknown, previous: unknown, names: PreviousNames = {}): Finding[] {
  const out: Finding[] = [];
  const other = (pointer: string) => ({ file: names.previousFile ?? '', pointer });
  // 二、上年结转 = last year's 四、结转下年度继续办理, column by column. The total
  // column is reported only when no applicant column is, to say each thing once.
  const carry: Finding[] = [];
  let total: Finding | undefined;
  for (const col of REQUEST_COLUMNS) {
    const current = requestCell(data, '/requests/carriedOver', col.key);
    const prev = requestCell(previous, '/requests/carriedForward', col.key);
    if (current === undefined || prev === undefined || current === prev) continue;
    const prevPointer = `/requests/carriedForward/${col.key}`;
    const f: Finding = { ...finding('PREV-CARRY', `/requests/carriedOver/${col.key}`, { current, previous: prev, prevPointer, prevFile: names.previousFile }), otherFile: other(prevPointer) };
    if (col.key === 'total') total = f;
    else carry.push(f);
  }
  out.push(...carry);
  if (!carry.length && total) out.push(total);
  // 现行有效 = last year's 现行有效 + 本年制发 − 本年废止 (a warning: definitions vary).
  for (const row of ['regulations', 'normativeDocuments']) {
    const base = `/proactive/${row}`;
    const current = count(data, `${base}/inForce`);
    const issued = count(data, `${base}/issued`);
    const repealed = count(data, `${base}/repealed`);
    const prev = count(previous, `${base}/inForce`);
    if (current === undefined || issued === undefined || repealed === undefined || prev === undefined) continue;
    const expected = prev + issued - repealed;
    if (current === expected) continue;
    out.push({
      ...finding('PREV-IN-FORCE', `${base}/inForce`, { current, previous: prev, issued, repealed, expected, prevPointer: `${base}/inForce`, prevFile: names.previousFile }, [`${base}/issued`, `${base}/repealed`]),
      otherFile: other(`${base}/inForce`),
    });
  }
  return out;
}
