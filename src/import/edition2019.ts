// Reading the cells that only the 2019 trial edition has: 本年增/减, a signed
// count that pages print as 减4, -4 or +2, and 采购总金额, an amount whose unit
// (the form names none) a page may print in the cell ("251000元"), kept as
// printed and never guessed.
import { classify, type StreamCell } from './cells.js';
import { asciiDigits } from './normalize.js';
import type { CellRead } from './tables.js';

const SIGNED = /^(\+|-|－|−|—|增|减)?(\d+)$/;
const AMOUNT = /^(\d+(?:\.\d+)?)(元|万元)?$/;

/** A cell of the 2019 table 二 read its own way; undefined for the columns read as everywhere else. */
export function readCell2019(units: Map<string, string>) {
  return (pointer: string, key: string, c: StreamCell | undefined): CellRead | undefined => {
    if (key !== 'change' && key !== 'totalAmount') return undefined;
    const raw = c?.text.trim() ?? '';
    const v = classify(raw);
    // Blanks and markers ("-", "/") are gaps as in any other cell.
    if (v.kind === 'empty' || v.kind === 'marker' || v.kind === 'several') return undefined;
    const text = asciiDigits(raw).replace(/[\s,，]/g, '');
    if (key === 'change') {
      const m = SIGNED.exec(text);
      if (!m) return undefined;
      const n = Number(m[2]);
      const negative = m[1] !== undefined && /[-－−—减]/.test(m[1]);
      return Number.isSafeInteger(n) ? { pointer, value: negative && n !== 0 ? -n : n } : undefined;
    }
    const m = AMOUNT.exec(text);
    if (!m) return undefined;
    if (m[2]) units.set(pointer.replace(/\/totalAmount$/, '/unit'), m[2]);
    return { pointer, value: Number(m[1]) };
  };
}
