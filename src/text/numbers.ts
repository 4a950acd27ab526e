// Figures written in Chinese prose: Arabic and full-width digits (with
// thousands separators and decimals), Chinese numerals (十二, 一百零五, 两千,
// 〇), and 万/亿 multipliers on either (3.5万, 十二万). Pure functions.

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 壹: 1, 二: 2, 贰: 2, 两: 2, 三: 3, 叁: 3, 四: 4, 肆: 4,
  五: 5, 伍: 5, 六: 6, 陆: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const BIG_UNITS: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/** Characters a Chinese numeral is made of. */
export const CN_NUMERAL_CHARS = '零〇一壹二贰两三叁四肆五伍六陆七柒八捌九玖十拾百佰千仟万亿';

/** Full-width digits and separators to ASCII, one character for one (offsets stay valid). */
export function toHalfWidth(s: string): string {
  return s.replace(/[０-９．，]/g, (c) => (c === '．' ? '.' : c === '，' ? ',' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

/**
 * The value of a Chinese numeral, or undefined when it is not well formed
 * (e.g. 一二 is a sequence of digits, read digit by digit like 二〇二三).
 */
export function parseChineseNumeral(s: string): number | undefined {
  if (!s) return undefined;
  for (const c of s) if (!(c in DIGITS) && !(c in SMALL_UNITS) && !(c in BIG_UNITS)) return undefined;
  // Digit strings without units: 二〇二三 → 2023.
  if ([...s].every((c) => c in DIGITS)) {
    if (s.length === 1) return DIGITS[s];
    return Number([...s].map((c) => DIGITS[c]).join(''));
  }
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  let lastSmall = Infinity;
  for (const c of s) {
    if (c in DIGITS) {
      if (digit !== undefined && DIGITS[c] !== 0 && digit !== 0) return undefined; // 三四十
      digit = DIGITS[c];
    } else if (c in SMALL_UNITS) {
      const u = SMALL_UNITS[c]!;
      if (u >= lastSmall) return undefined; // 十百
      // 十二 = 12: a bare 十 at the head of a section means one ten.
      section += (digit ?? (u === 10 ? 1 : NaN)) * u;
      if (Number.isNaN(section)) return undefined;
      digit = undefined;
      lastSmall = u;
    } else {
      const u = BIG_UNITS[c]!;
      const part = section + (digit ?? 0);
      if (part === 0 && total === 0) return undefined;
      total = (total + part) * u;
      section = 0;
      digit = undefined;
      lastSmall = Infinity;
    }
  }
  return total + section + (digit ?? 0);
}

/** An Arabic figure such as 1,541 or 52.15 or 3.5万 (ASCII or full-width). */
export function parseArabic(s: string): number | undefined {
  const h = toHalfWidth(s).replace(/\s+/g, '');
  const m = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(万|亿)?$/.exec(h);
  if (!m) return undefined;
  const base = Number(m[1]!.replace(/,/g, '') + (m[2] ? `.${m[2]}` : ''));
  const mul = m[3] === '万' ? 1e4 : m[3] === '亿' ? 1e8 : 1;
  return base * mul;
}

/** Parses any figure the extractor matched. */
export function parseFigure(s: string): number | undefined {
  const t = s.trim();
  return /^[0-9０-９]/.test(t) ? parseArabic(t) : parseChineseNumeral(t);
}

/** A regular-expression source that matches one figure (Arabic, full-width or Chinese). */
export const FIGURE = `(?:[0-9０-９]{1,3}(?:[,，][0-9０-９]{3})+(?:[.．][0-9０-９]+)?|[0-9０-９]+(?:[.．][0-9０-９]+)?)(?:万|亿)?|[${CN_NUMERAL_CHARS}]+`;
