// Label normalisation: published pages mix full- and half-width punctuation,
// spaces and line breaks inside labels, traditional characters on mirror
// sites, and a few known slips in the fixed wording. Matching is done on the
// normalised form only; text that is kept (sections, agency) stays as printed.

// Traditional → simplified, for the characters of the official labels and
// headings (mirror sites convert whole pages).
const TRAD_PAIRS = '總总體体況况動动開开務务處处報报機机關关請请與与結结轉转數数據据複复議议訴诉訟讼題题進进須须於于條条規规範范發发廢废現现許许罰罚強强製制費费國国權权內内實实過过執执衛卫詢询補补確确認认獲获問问類类舉举審审維维護护糾纠錯错無无計计屬属專专門门辦办為为應应項项時时間间員员會会區区縣县鄉乡鎮镇鄰邻歸归';
const TRAD_MAP = new Map<string, string>();
for (let i = 0; i + 1 < TRAD_PAIRS.length; i += 2) TRAD_MAP.set(TRAD_PAIRS[i]!, TRAD_PAIRS[i + 1]!);

/** Traditional characters of the labels → simplified (for tests on names such as 辦事處). */
export function toSimplified(s: string): string {
  return s.replace(TRAD_RE, (c) => TRAD_MAP.get(c)!);
}

/** Known slips in the fixed wording, seen in published reports. */
const SLIPS: readonly [RegExp, string][] = [
  [/本年度止件数/g, '本年废止件数'],
  [/过程性性/g, '过程性'],
  [/危及三安全一稳定/g, '危及三安全一稳定'],
  [/其它/g, '其他'],
];

/** Full-width ASCII → half-width; brackets, numbering marks and quotes unified; whitespace removed. */
const TRAD_RE = new RegExp(`[${[...TRAD_MAP.keys()].join('')}]`, 'g');

export function norm(s: string): string {
  // Plain digits (most cells of a table) are their own normal form.
  if (/^\d*$/.test(s)) return s;
  let out = s
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(TRAD_RE, (c) => TRAD_MAP.get(c)!);
  out = out
    .replace(/[\s\u00a0\u200b\ufeff]+/g, '')
    .replace(/[“”"‘’'「」『』]/g, '')
    .replace(/[【\[]/g, '(').replace(/[】\]]/g, ')')
    .replace(/[·•・]/g, '')
    .replace(/^(\d{1,2})[、.．,，]/, '$1.')
    .replace(/(\D)(\d{1,2})[、．]/g, '$1$2.')
    .replace(/^\((\d{1,2})\)/, '$1.')
    .replace(/^([一二三四五六七八九十]{1,3})[.．,，]/, '$1、')
    .replace(/,/g, '，').replace(/:/g, '：').replace(/;/g, '；');
  for (const [re, to] of SLIPS) out = out.replace(re, to);
  return out;
}

/** The label without its numbering: "1.属于国家秘密" → "属于国家秘密", "（三）不予公开" → "不予公开". */
export function stripNumbering(n: string): string {
  return n.replace(/^(\d{1,2}\.|\([一二三四五六七八九十\d]{1,3}\)|[一二三四五六七八九十]{1,3}、)/, '');
}

/** Digits as ASCII (full-width digits appear in copied text). */
export function asciiDigits(s: string): string {
  return s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/[，]/g, ',').replace(/[．]/g, '.');
}
