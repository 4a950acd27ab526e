// Rule 8: tables 二, 三 and 四 identical to last year's, not all zero: the
// report was probably copied. Pure: (data, previous data).
import type { Finding } from '../diagnostics/finding.js';
import { cellValue, FIGURE_CELLS } from '../across/cells.js';
import { finding } from './define.js';

export function checkCopied(data: unknown, previous: unknown, names: { previousFile?: string } = {}): Finding[] {
  let nonZero = false;
  let cells = 0;
  for (const cell of FIGURE_CELLS) {
    const a = cellValue(data, cell);
    const b = cellValue(previous, cell);
    // A cell the schema refused on either side: no conclusion.
    if (a === undefined || b === undefined) return [];
    if (a !== b) return [];
    if (a !== 0) nonZero = true;
    cells++;
  }
  if (!nonZero) return [];
  return [{ ...finding('PREV-COPIED', '/proactive', { cells, prevFile: names.previousFile ?? '' }), otherFile: { file: names.previousFile ?? '', pointer: '/proactive' } }];
}
