// Fee units: the form writes fees in 万元 (10,000 yuan) with at most four
// decimals; sums and comparisons are made in whole yuan, so they stay exact.
import { valueAtPath } from './cells.js';

export const FEES_POINTER = '/proactive/fees/amountTenThousandYuan';
const FEES_PATH = ['proactive', 'fees', 'amountTenThousandYuan'] as const;

/**
 * An amount in 万元 as whole yuan, or undefined when it is not a usable
 * amount. Through the decimal text, not v * 10000, so 0.0003 is 3 and not
 * 2.9999…; a fifth decimal (the schema refuses it) rounds half up.
 */
export function amountToYuan(v: unknown): number | undefined {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) return undefined;
  const s = String(v);
  // Below 1e-6 or from 1e21 up: no decimal digits to keep.
  if (s.includes('e')) return Math.round(v * 10000);
  const [int, frac = ''] = s.split('.');
  const yuan = Number(int) * 10000 + Number((frac + '0000').slice(0, 4));
  return frac.length > 4 && frac[4]! >= '5' ? yuan + 1 : yuan;
}

/** Whole yuan back to 万元, exactly as written (12.6457, 0.0003); a fraction of a yuan (a stated 1.5 元) to four decimals. */
export function yuanToAmount(yuan: number): number {
  // From 1e21 up a number's text has an exponent: no digits to place a point in.
  if (!Number.isInteger(yuan) || yuan < 0 || yuan >= 1e21) return Number((yuan / 10000).toFixed(4));
  const int = Math.floor(yuan / 10000);
  const frac = String(yuan % 10000).padStart(4, '0').replace(/0+$/, '');
  return Number(frac ? `${int}.${frac}` : String(int));
}

/** The report's fees in whole yuan, or undefined. */
export const feeYuan = (data: unknown): number | undefined => amountToYuan(valueAtPath(data, FEES_PATH));
