// Agency, year, publication date and contact, from the title, a metadata
// block (索引号 / 发布机构 / 发布日期) and the preamble.
import { toSimplified } from './normalize.js';

const AGENCY_SUFFIX = /(政府|办公室|办公厅|局|委员会|委|办事处|街道|镇|乡|中心|厅|院|所|处|站|队|会|署|部|办|馆|室|区|县|市|州|盟|旗|园区|管委会|集团|公司)$/;
const NOT_AGENCY = /^(本|现|其|该|由)|[我《》，,。：:；;“”"！？]|公布|根据|编制|关于|印发|通知|年度|报告|统计期|统计时|以下|如下/;

const GENERIC = new Set(['政府', '人民政府', '本机关', '机关', '单位', '本单位', '区', '县', '市']);

export function cleanAgency(s: string | undefined): string | undefined {
  if (!s) return undefined;
  let t = s.replace(/^[#\s*>]+/, '').replace(/^(标题|题目|名称)\s*[:：]\s*/, '');
  // "Page 8 - 某局", "首页 | 某局": keep what follows the last separator.
  t = t.split(/\s[-–—|_]\s|[|_]/).pop()!;
  t = t.replace(/^.*(现公布|公布|发布|现将|编制形成|编制|形成|结合)/, '').replace(/\s+/g, '').trim();
  if (t.length < 2 || t.length > 40 || GENERIC.has(t) || NOT_AGENCY.test(t) || !AGENCY_SUFFIX.test(toSimplified(t)) || /^[\dA-Za-z]/.test(t)) return undefined;
  return t;
}

const TITLE_AGENCY_FIRST = /^(.{2,40}?)\s*(\d{4})\s*年度?\s*(?:政府)?信息公开(?:工作)?(?:年度)?报告/;
const TITLE_YEAR_FIRST = /(\d{4})\s*年度?\s*(.{2,40}?)(?:政府)?信息公开(?:工作)?(?:年度)?报告/;
const TITLE_AGENCY_FIRST_T = /^(.{2,40}?)\s*(\d{4})\s*年度?\s*(?:政府)?信息公開(?:工作)?(?:年度)?報告/;

export interface Meta {
  agency?: string;
  year?: number;
  published?: string;
}

const validYear = (y: number, now: number) => (y >= 2008 && y <= now ? y : undefined);

function realDate(y: number, m: number, d: number): string | undefined {
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * `head`: the lines before section 一 (title, metadata, preamble);
 * `body`: the opening text of the report, for the statistics period;
 * `tail`: the last lines (a signature with the date).
 */
export function readMeta(head: readonly string[], body: string, tail: readonly string[], now: number): Meta {
  const meta: Meta = {};
  const candidates: string[] = [];
  const years: number[] = [];
  for (const [i, raw] of head.entries()) {
    const line = raw.replace(/^\s*#+\s*/, '').trim();
    // "发布日期：" on one line and its value on the next (one cell per line).
    const next = head.slice(i + 1, i + 4).find((l) => l.trim() !== '');
    const pairLine = /[:：][\s|]*$/.test(line) && next !== undefined ? `${line} ${next.trim()}` : line;
    const isTitle = /年度报告|年度報告|年报/.test(line) && line.length <= 80;
    for (const re of [TITLE_AGENCY_FIRST, TITLE_AGENCY_FIRST_T]) {
      const m = re.exec(line);
      if (m) {
        const a = cleanAgency(m[1]);
        if (a && isTitle) candidates.push(a);
        if (isTitle) years.push(Number(m[2]));
      }
    }
    const y = TITLE_YEAR_FIRST.exec(line);
    if (y) {
      const a = cleanAgency(y[2]);
      if (a) candidates.push(a);
      years.push(Number(y[1]));
    }
    const by = /(?:结合|由|现将|公布)\s*([^\s，,。；;《》]{2,30}?)\s*(\d{4})\s*年度?/.exec(line);
    if (by) { const a = cleanAgency(by[1]); if (a) candidates.push(a); }
    const yb = /(\d{4})\s*年\s*(?:度)?\s*(?:报告|年报)|(\d{4})\s*年报/.exec(line);
    if (yb && isTitle) years.push(Number(yb[1] ?? yb[2]));
    const org = /(?:发布机构|发文机关|发布单位|发文单位|来源)\s*[:：][\s|]*([^\s|]{2,40})/.exec(pairLine);
    if (org) { const a = cleanAgency(org[1]); if (a) candidates.push(a); }
    const date = /(?:发布|发文|成文|公开|印发)(?:日期|时间)\s*[:：]?[\s|]*(\d{4})\s*[-年./]\s*(\d{1,2})\s*[-月./]\s*(\d{1,2})/.exec(pairLine);
    if (date && !meta.published) meta.published = realDate(Number(date[1]), Number(date[2]), Number(date[3]));
  }
  // "现将我办2022年度政府信息公开情况报告如下", "统计期限为2023年1月1日至…"
  const period = /(?:统计期限|统计时间|统计起止时间|期间|期限)[^\d]{0,8}(\d{4})\s*年\s*1\s*月\s*1\s*日/.exec(body)
    ?? /(\d{4})\s*年度?\s*(?:政府)?信息公开(?:工作)?(?:情况|年度)/.exec(body);
  if (period) years.push(Number(period[1]));
  // The overview usually opens with the year: "2024年，我局…".
  const opening = /(\d{4})\s*年度?\s*[，,]/.exec(body);
  if (opening) years.push(Number(opening[1]));
  const lineStart = /(?:^|\n)[ \t\u3000]*(\d{4})[ \t]*年度?[ \t]*(?![\d\s月])/.exec(body);
  if (lineStart) years.push(Number(lineStart[1]));
  for (const y of years) {
    const ok = validYear(y, now);
    if (ok) { meta.year = ok; break; }
  }
  if (candidates.length) {
    let best = candidates[0]!;
    for (const c of candidates) if (c.length > best.length && c.endsWith(best)) best = c;
    meta.agency = best;
  }
  for (const line of [...tail].reverse()) {
    const m = /^\s*(\d{4})\s*[年\-./]\s*(\d{1,2})\s*[月\-./]\s*(\d{1,2})\s*日?\s*$/.exec(line);
    if (m && !meta.published) { meta.published = realDate(Number(m[1]), Number(m[2]), Number(m[3])); break; }
  }
  return meta;
}

export interface Contact {
  office?: string;
  address?: string;
  phone?: string;
}

export function readContact(text: string): Contact | undefined {
  const c: Contact = {};
  const office = /(?:径与|请与|直接与|可与|及时与)\s*([^\s，,。；;（(、]{4,40}?(?:办公室|科|室|股|中心|处|局|部|所))\s*(?:联系|取得联系)/.exec(text);
  if (office) c.office = office[1];
  const address = /地址\s*[:：]\s*([^；;，,。)）\n]{4,60})/.exec(text);
  if (address) c.address = address[1]!.trim();
  else {
    const place = /联系方式\s*[:：]\s*([^，,；;。:：\n]{2,40}?\d+\s*号)/.exec(text);
    if (place) c.address = place[1]!.trim();
  }
  const phone = /电话\s*[:：]?\s*(\d[\d\-－— ]{5,18}\d)/.exec(text);
  if (phone) c.phone = phone[1]!.replace(/[－—]/g, '-').replace(/\s+/g, '');
  return Object.keys(c).length ? c : undefined;
}
