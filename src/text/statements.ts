// Figures that the prose of a report states about its own tables, e.g.
// 共收到政府信息公开申请132件 or 全年未收到政府信息公开申请. Conservative on
// purpose: only phrasings that clearly name the same quantity as a table cell
// (a wrong warning is worse than none). Pure: text in, statements out.
import { CN_NUMERAL_CHARS, FIGURE, parseFigure } from './numbers.js';

export type Quantity =
  | 'received' | 'carriedOver' | 'disclosed' | 'partlyDisclosed' | 'outcomesTotal' | 'carriedForward'
  | 'reviews' | 'lawsuits' | 'regulationsIssued' | 'normativeIssued' | 'regulationsInForce' | 'normativeInForce' | 'fees';

export interface Statement {
  readonly quantity: Quantity;
  /** Counts as stated; fees in yuan. */
  readonly value: number;
  /** Offsets (UTF-16) of the figure in the text, or of the phrase that states zero. */
  readonly start: number;
  readonly end: number;
  /** The clause that states it, for the message. */
  readonly quote: string;
  /** The figure includes last year's carried-over requests (…件（含上年结转2件）). */
  readonly includesCarriedOver?: boolean;
  /** Said of a whole area (全市, 全区, 各部门…): only a government's report holds it. */
  readonly wholeArea?: boolean;
}

export interface ExtractOptions {
  /** The report year: sentences about other years are skipped. */
  readonly year?: number;
}

// One character for one: traditional forms of the words the patterns use
// (offsets stay valid), so 上年結轉…辦理數量1件 reads like 上年结转…办理数量1件.
const TRAD: Record<string, string> = {
  結: '结', 轉: '转', 請: '请', 辦: '办', 數: '数', 開: '开', 資: '资', 審: '审', 議: '议', 訟: '讼', 訴: '诉',
  復: '复', 處: '处', 規: '规', 範: '范', 發: '发', 務: '务', 關: '关', 會: '会', 計: '计', 個: '个', 條: '条',
  無: '无', 沒: '没', 繼: '继', 續: '续', 總: '总', 業: '业', 費: '费', 額: '额', 萬: '万', 億: '亿', 兩: '两',
  項: '项', 為: '为', 納: '纳', 維: '维', 糾: '纠', 製: '制', 內: '内', 現: '现', 廢: '废', 達: '达', 僅: '仅',
  訊: '讯', 諮: '咨', 詢: '询', 熱: '热', 線: '线', 來: '来', 舉: '举', 報: '报', 這: '这', 與: '与', 經: '经',
  門: '门', 網: '网', 簽: '签', 據: '据', 應: '应', 產: '产', 歷: '历', 徵: '征', 臺: '台', 訂: '订', 頒: '颁',
  實: '实', 於: '于', 並: '并', 義: '义', 區: '区', 縣: '县', 鎮: '镇', 鄉: '乡', 屬: '属', 禮: '礼', 齊: '齐',
  補: '补', 撤: '撤', 銷: '销', 敗: '败', 確: '确', 認: '认', 違: '违', 準: '准', 層: '层', 級: '级', 書: '书',
};

// A table by character code: a regex class of a hundred CJK characters tests each character many times.
const TRAD_CODE = new Uint16Array(0x10000);
for (const [t, s] of Object.entries(TRAD)) TRAD_CODE[t.charCodeAt(0)] = s.charCodeAt(0);

export function normalize(text: string): string {
  let i = 0;
  while (i < text.length && TRAD_CODE[text.charCodeAt(i)] === 0) i++;
  if (i === text.length) return text;
  let out = text.slice(0, i);
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const s = TRAD_CODE[c]!;
    out += String.fromCharCode(s === 0 ? c : s);
  }
  return out;
}

/** A word every phrasing of the quantity contains: sentences without it skip its patterns. */
const NEEDS: Record<Quantity, string> = {
  received: '申请', carriedOver: '结转', disclosed: '公开', partlyDisclosed: '部分公开', outcomesTotal: '办结', carriedForward: '结转',
  reviews: '行政复议', lawsuits: '行政诉讼', regulationsIssued: '规章', normativeIssued: '规范性文件', regulationsInForce: '现行有效',
  normativeInForce: '现行有效', fees: '行政事业性收费',
};

const CN = CN_NUMERAL_CHARS;
const N = `(?<n>${FIGURE})`;
const UNIT = '\\s*(?:件|条|份|个|宗|起|例)';
/** A short run of words: no punctuation, no figure. */
const gap = (k: number) => `(?<gap>[^，,。；;：:、（）()“”"\\s0-9０-９${CN}]{0,${k}}?)`;
const RECEIVE = '(?:收到|新收|受理|接到|接收|收悉)';
const NEG = '(?:未|没有|无)';

/** Words that mean the figure is about something other than disclosure requests. */
const OTHER_THINGS = /咨询|投诉|信访|举报|建议|提案|复议|诉讼|热线|来信|留言|求助|意见|其他|其它|更正|许可|审批|登记|补正|延期/;
/** A request for disclosure, not some other application (行政许可申请, 更正申请). */
const DISCLOSURE = /公开|信息/;
/** A reviewer's verbs: the agency handled reviews of others, not reviews of its own decisions. */
const AS_REVIEWER = /办理|受理|审理|审查|收到|接到/;
const CORRECTION = /纠错|纠正|败诉|撤销|确认违法|被改变/;
const OTHER_YEAR = /上一?年(?!度?结转)|去年|前年|同比|较上|比上/;

/** The distinct words of NEEDS, and each quantity's index among them. */
const NEED_WORDS = [...new Set(Object.values(NEEDS))];
const NEED_OF = Object.fromEntries(Object.entries(NEEDS).map(([q, w]) => [q, NEED_WORDS.indexOf(w)])) as Record<Quantity, number>;

interface Pattern {
  readonly quantity: Quantity;
  /** Index in NEED_WORDS of the word the sentence must contain. */
  readonly need: number;
  readonly re: RegExp;
  /** Zero forms state 0 without a figure. */
  readonly zero?: boolean;
  /** Extra check on the match; false drops it. */
  readonly ok?: (m: RegExpExecArray, ctx: MatchContext) => boolean;
}

interface MatchContext {
  readonly sentence: string;
  /** Offset of the match in the sentence. */
  readonly at: number;
  /** The paragraph of the sentence speaks of 申请 (computed once per paragraph). */
  readonly requestsParagraph: boolean;
  readonly year?: number;
}

const noOtherThings = (m: RegExpExecArray) => !OTHER_THINGS.test(m.groups?.gap ?? '');
/** The words around 申请 say it is a disclosure request. */
const disclosureRequest = (m: RegExpExecArray) => noOtherThings(m) && DISCLOSURE.test(m[0].replace(m.groups?.n ?? '', ''));
const aboutRequests = (_m: RegExpExecArray, c: MatchContext) => c.requestsParagraph;
const aboutDisclosure = (_m: RegExpExecArray, c: MatchContext) => /信息公开|政府信息/.test(c.sentence.slice(0, c.at + 4));
const notAsReviewer = (m: RegExpExecArray, c: MatchContext) => {
  const before = clauseBefore(c.sentence, c.at);
  return !AS_REVIEWER.test(before) && !CORRECTION.test(c.sentence.slice(c.at, c.at + m[0].length + 12));
};
const nextYear = (m: RegExpExecArray, c: MatchContext) => {
  const y = /(\d{4})年/.exec(m[0]);
  return !y || c.year === undefined || Number(y[1]) === c.year + 1;
};

const P = (quantity: Quantity, source: string, ok?: Pattern['ok'], zero = false): Pattern =>
  ({ quantity, need: NEED_OF[quantity], re: new RegExp(source, 'gd'), ok, zero });
const all = (...fs: NonNullable<Pattern['ok']>[]): Pattern['ok'] => (m, c) => fs.every((f) => f(m, c));

const PATTERNS: readonly Pattern[] = [
  // 共收到政府信息公开申请132件 · 受理政府信息依申请公开9件 · 收到依申请公开信息3条
  P('received', `${RECEIVE}(?:了)?${gap(20)}申请(?:公开)?(?:政府信息|信息|事项)?(?:数量)?(?:共计|共|合计|总计|总数)?(?:为|是|达到|达)?\\s*${N}${UNIT}`, disclosureRequest),
  // 共收到8份政府信息公开申请
  P('received', `${RECEIVE}(?:了)?(?:各类)?\\s*${N}${UNIT}${gap(12)}申请(?!人)`, disclosureRequest),
  // 政府信息公开申请共5件 (no verb; not after 办结/答复/办理/处理, which count outcomes)
  P('received', `(?:政府信息公开|信息公开)申请(?:数量)?(?:共计|共|总数为|总数|为)\\s*${N}${UNIT}`, (m, c) => !/办结|答复|办理|处理|结转|公开了/.test(clauseBefore(c.sentence, c.at))),
  // 依申请公开0件
  P('received', `依申请公开(?:政府信息)?(?:共|共计)?\\s*${N}${UNIT}`),
  // 未收到政府信息公开申请 · 没有接到群众主动要求公开政府信息的申请 · 全年没有发生信息公开申请
  P('received', `${NEG}(?:收到|接到|受理|发生|接收|出现)(?:过)?${gap(24)}申请(?:公开)?(?!人|行政|复议|诉讼|引起|引发|而|提起|导致)`, (m) => disclosureRequest(m) && !/^因/.test(m.groups?.gap ?? ''), true),
  // 全年无政府信息公开申请
  P('received', `${NEG}(?:任何)?(?:(?:政府信息公开|信息公开)申请|依申请公开(?:申请)?)(?:事项|件)?(?:的?情况)?(?=[，,。；;]|$)`, undefined, true),
  P('carriedOver', `上一?年度?结转(?:的)?(?:政府信息公开)?(?:申请)?(?:办理)?(?:数量)?(?:共)?(?:为)?\\s*${N}${UNIT}`),
  P('carriedOver', `${NEG}上一?年度?结转`, undefined, true),
  P('disclosed', `(?<![“"「])(?:予以公开|同意公开|全部公开)(?:的)?(?:申请)?(?:共)?\\s*${N}${UNIT}`, aboutRequests),
  P('partlyDisclosed', `(?<![“"「])部分公开(?:的)?(?:申请)?(?:共)?\\s*${N}${UNIT}`, aboutRequests),
  P('outcomesTotal', `办结(?:了)?(?:政府信息公开|信息公开|依申请公开)?(?:申请)?(?:共|共计)?\\s*${N}${UNIT}`, aboutRequests),
  // 结转下年度继续办理的12件 · 结转至2024年办理1件
  P('carriedForward', `结转(?:至|到|入)?(?:下一?年度?|下年|明年|次年|\\d{4}年度?)(?:继续)?(?:办理)?(?:的)?(?:申请)?(?:共)?\\s*${N}${UNIT}`, nextYear),
  P('carriedForward', `${NEG}(?:结转(?:至|到)?下一?年度?|下一?年度?结转)`, undefined, true),
  P('reviews', `行政复议(?:案件|申请)?(?:共|共计)?\\s*${N}${UNIT}`, all(aboutDisclosure, notAsReviewer)),
  P('lawsuits', `行政诉讼(?:案件)?(?:共|共计)?\\s*${N}${UNIT}`, all(aboutDisclosure, notAsReviewer)),
  P('regulationsIssued', `(?:制发|制定|出台|印发)(?:了)?规章(?:共|共计)?\\s*${N}${UNIT}`),
  P('normativeIssued', `(?:制发|制定|出台|印发)(?:了)?(?:行政)?规范性文件(?:共|共计)?\\s*${N}${UNIT}`),
  P('regulationsIssued', `(?:未|没有)(?:制发|制定|出台|印发)(?:过)?(?:任何)?规章(?![和及与、])`, undefined, true),
  P('normativeIssued', `(?:未|没有)(?:制发|制定|出台|印发)(?:过)?(?:任何)?(?:行政)?规范性文件`, undefined, true),
  P('regulationsInForce', `现行有效(?:的)?规章(?:共|共计)?(?:为)?\\s*${N}${UNIT}`),
  P('normativeInForce', `现行有效(?:的)?(?:行政)?规范性文件(?:共|共计)?(?:为)?\\s*${N}${UNIT}`),
  P('fees', `行政事业性收费(?:金额|总额)?(?:共|共计|合计|总计)?(?:为|是|达)?\\s*${N}\\s*(?<u>万元|元)`),
  P('fees', `${NEG}(?:收取|征收)(?:任何)?行政事业性收费`, undefined, true),
];

/** 行政复议、行政诉讼均为0件: both 0. */
const BOTH_ZERO = /行政复议(?:案件)?(?:和|及|与|、)行政诉讼(?:案件)?(?:数量)?(?:均|都)(?:为|是)?\s*(?:0|０|零|〇)\s*(?:件|起)?/gd;
const WHOLE_AREA = /全(?:市|区|县|省|州|盟|旗|镇|乡)|各(?:部门|单位|镇|乡|街道|区|县)|全系统/;

/** 没有因政府信息公开申请行政复议、提起行政诉讼的情况发生: reviews and lawsuits both 0. */
const ZERO_DISPUTES = new RegExp(`(?:没有|未|无)(?:出现|发生)?[^，,。；;\\d０-９${CN}]{0,30}?(?:行政复议|行政诉讼)[^，,。；;\\d０-９${CN}]*`, 'gd');

const APPROXIMATE_BEFORE = /(?:约|近|超过|逾|不足|大约|将近|多达|上万|数)$/;

/**
 * Splits into sentences (。！？ and blank lines), with offsets. A single line
 * break is a soft break inside a Markdown paragraph: it stays in the sentence.
 */
function sentences(text: string): { s: string; at: number }[] {
  const out: { s: string; at: number }[] = [];
  const re = /(?:[^。！!？?\n]|\n(?![ \t]*\n))+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ s: m[0], at: m.index });
  return out;
}

/** The part of the sentence's current clause before `at`. */
function clauseBefore(sentence: string, at: number): string {
  const head = sentence.slice(0, at);
  const cut = Math.max(head.lastIndexOf('，'), head.lastIndexOf(','), head.lastIndexOf('：'), head.lastIndexOf(':'));
  return head.slice(cut + 1);
}

/** True when the sentence, before `at`, speaks of a year other than the report's (or the next). */
function otherYear(sentence: string, at: number, year: number | undefined, quantity: Quantity): boolean {
  const before = sentence.slice(0, at);
  if (quantity !== 'carriedOver' && OTHER_YEAR.test(clauseBefore(sentence, at))) return true;
  if (year === undefined) return false;
  for (const y of before.matchAll(/(\d{4})\s*年/g)) {
    const v = Number(y[1]);
    if (v !== year && v !== year + 1) return true;
  }
  return false;
}

function quoteOf(sentence: string, from: number, to: number): string {
  const clauseStart = Math.max(0, ...['，', ',', '；', ';'].map((c) => sentence.lastIndexOf(c, from) + 1));
  const s = sentence.slice(Math.max(clauseStart, to - 40), Math.min(sentence.length, to)).trim();
  return s.length > 40 ? `…${s.slice(-40)}` : s;
}

/** Every figure the text states about a table cell, in text order. */
export function extractStatements(text: string, options: ExtractOptions = {}): Statement[] {
  const norm = normalize(text);
  const out: Statement[] = [];
  const seen = new Set<string>();
  const add = (st: Statement) => {
    const key = `${st.quantity}:${st.start}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(st);
  };
  // Paragraphs: separated by blank lines (Markdown) or, in one-line-per-paragraph text, by line breaks.
  const breaks: number[] = [-1];
  const sep = /\n[ \t]*\n/.test(norm) ? /\n[ \t]*\n/g : /\n/g;
  for (let m = sep.exec(norm); m; m = sep.exec(norm)) breaks.push(m.index + m[0].length - 1);
  breaks.push(norm.length);
  const mentions = new Map<number, boolean>();
  const requestsParagraphAt = (offset: number) => {
    let lo = 0, hi = breaks.length - 2;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (breaks[mid]! < offset) lo = mid; else hi = mid - 1;
    }
    let v = mentions.get(lo);
    if (v === undefined) mentions.set(lo, (v = norm.slice(breaks[lo]! + 1, breaks[lo + 1]).includes('申请')));
    return v;
  };
  const has = new Uint8Array(NEED_WORDS.length);
  for (const { s, at } of sentences(norm)) {
    const requestsParagraph = requestsParagraphAt(at);
    // Each word once per sentence, not once per pattern (23 patterns share 10 words).
    for (let w = 0; w < NEED_WORDS.length; w++) has[w] = s.includes(NEED_WORDS[w]!) ? 1 : 0;
    for (const p of PATTERNS) {
      if (has[p.need] === 0) continue;
      p.re.lastIndex = 0;
      for (let m = p.re.exec(s); m; m = p.re.exec(s)) {
        const ctx: MatchContext = { sentence: s, at: m.index, requestsParagraph, year: options.year };
        if (p.ok && !p.ok(m, ctx)) continue;
        if (otherYear(s, m.index, options.year, p.quantity)) continue;
        const end = m.index + m[0].length;
        if (p.zero) {
          add({ quantity: p.quantity, value: 0, start: at + m.index, end: at + end, quote: quoteOf(s, m.index, end) });
          continue;
        }
        const [fs, fe] = m.indices!.groups!.n!;
        if (APPROXIMATE_BEFORE.test(s.slice(0, fs))) continue;
        let value = parseFigure(m.groups!.n!);
        if (value === undefined) continue;
        if (p.quantity === 'fees') {
          value = m.groups!.u === '万元' ? value * 10000 : value;
        } else if (!Number.isInteger(value)) {
          continue;
        }
        const after = s.slice(end, end + 24);
        const includesCarriedOver = /^\s*[（(]?\s*(?:含|包括|其中含?)\s*上一?年度?结转/.test(after);
        const wholeArea = WHOLE_AREA.test(clauseBefore(s, m.index) + m[0]);
        add({ quantity: p.quantity, value, start: at + fs, end: at + fe, quote: quoteOf(s, m.index, end), ...(includesCarriedOver ? { includesCarriedOver } : {}), ...(wholeArea ? { wholeArea } : {}) });
      }
    }
    if (!s.includes('行政')) continue;
    BOTH_ZERO.lastIndex = 0;
    for (let m = BOTH_ZERO.exec(s); m; m = BOTH_ZERO.exec(s)) {
      if (otherYear(s, m.index, options.year, 'reviews')) continue;
      const end = m.index + m[0].length;
      const [zs, ze] = m.indices![0]!;
      const quote = quoteOf(s, m.index, end);
      add({ quantity: 'reviews', value: 0, start: at + zs, end: at + ze, quote });
      add({ quantity: 'lawsuits', value: 0, start: at + zs, end: at + ze, quote });
    }
    ZERO_DISPUTES.lastIndex = 0;
    for (let m = ZERO_DISPUTES.exec(s); m; m = ZERO_DISPUTES.exec(s)) {
      // 尚未审结的行政复议 is a pending review, not the absence of one.
      if (!/信息公开|政府信息/.test(s) || CORRECTION.test(m[0]) || /审结|结案|办结|判决|裁决|撤回/.test(m[0])) continue;
      if (otherYear(s, m.index, options.year, 'reviews')) continue;
      const end = m.index + m[0].length;
      const quote = quoteOf(s, m.index, end);
      if (/行政复议/.test(m[0])) add({ quantity: 'reviews', value: 0, start: at + m.index, end: at + end, quote });
      if (/行政诉讼/.test(m[0])) add({ quantity: 'lawsuits', value: 0, start: at + m.index, end: at + end, quote });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
