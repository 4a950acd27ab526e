// Words of the importer, in both languages.
import type { Lang } from '../model/label.js';
import { describePointer } from '../model/cells.js';
import type { LimitKind } from './limits.js';
import type { Edition, Gap, GapReason, ImportResult, Note } from './types.js';

const REASON: Record<GapReason, Record<Lang, (g: Gap) => string>> = {
  blank: { zh: () => '原文为空白', en: () => 'printed blank' },
  marker: { zh: (g) => `原文为“${g.raw}”，不是数字`, en: (g) => `printed as "${g.raw}", not a number` },
  'not-number': { zh: (g) => `原文为“${g.raw}”，无法读作数字`, en: (g) => `printed as "${g.raw}", which is not a plain number` },
  'not-integer': { zh: (g) => `原文为“${g.raw}”，件数应为整数`, en: (g) => `printed as "${g.raw}", but a count is a whole number` },
  'several-numbers': {
    zh: (g) => `原文为“${g.raw}”，一格中有不止一个数，无法确定是哪一个`,
    en: (g) => `printed as "${g.raw}": more than one number in one cell; which one is meant cannot be told`,
  },
  'split-number': {
    zh: (g) => `原文为“${g.raw}”（↵ 为换行），数字被换行隔开，无法确定是一个数还是两个数`,
    en: (g) => `printed as "${g.raw}" (↵ is a line break): the digits are split by a line break; one number or two cannot be told`,
  },
  unplaced: {
    zh: (g) => `原文该行只印出 ${g.printed} 个数值（应有 ${g.columns} 栏），无法确定各数值所在的栏`,
    en: (g) => `the row prints ${g.printed} value(s) for ${g.columns} columns; which value belongs to which column cannot be told`,
  },
  'row-missing': { zh: () => '原文中找不到这一行（页面截断或行名无法识别）', en: () => 'row not found (page cut off or label unreadable)' },
  'table-missing': { zh: () => '原文中找不到这张表', en: () => 'table not found' },
  'section-missing': { zh: () => '原文中找不到这一部分', en: () => 'section not found' },
  'field-missing': { zh: () => '原文中找不到', en: () => 'not found in the text' },
};

export function gapReason(g: Gap, lang: Lang): string {
  return REASON[g.reason][lang](g);
}

/** "二、… · 本年制发件数：读作 7，去掉了上标“1”（脚注标记）" */
export function describeNote(n: Note, lang: Lang): string {
  const what = lang === 'zh' ? `读作 ${n.value}，去掉了上标或下标“${n.raw}”（脚注标记）` : `read as ${n.value}, leaving out the superscript or subscript "${n.raw}" (a footnote mark)`;
  return `${describePointer(n.pointer, lang)}${lang === 'zh' ? '：' : ': '}${what}`;
}

/** "三、… · 自然人：原文为空白" */
export function describeGap(g: Gap, lang: Lang): string {
  return `${describePointer(g.pointer, lang)}${lang === 'zh' ? '：' : ': '}${gapReason(g, lang)}`;
}

const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
const count = (n: number, lang: Lang) => (lang === 'zh' ? String(n) : n.toLocaleString('en'));

/** What crossed which bound, after the file name. */
const TOO_LARGE: Record<LimitKind, Record<Lang, (limit: number, entry?: string) => string>> = {
  text: {
    zh: (n) => `的文字超过 ${count(n, 'zh')} 个字符（一份年度报告通常只有几万字）`,
    en: (n) => `holds more than ${count(n, 'en')} characters of text (a report has a few tens of thousands)`,
  },
  cells: {
    zh: (n) => `中的表格超过 ${count(n, 'zh')} 个单元格（含按表格读取的文字行与数字；一份年度报告的表格只有几百个单元格）`,
    en: (n) => `has tables of more than ${count(n, 'en')} cells (counting lines and numbers read as table cells; a report's tables have a few hundred)`,
  },
  'html-elements': {
    zh: (n) => `的网页元素超过 ${count(n, 'zh')} 个（一个报告页面通常只有几千个）`,
    en: (n) => `has more than ${count(n, 'en')} HTML elements (a report's page has a few thousand)`,
  },
  'xml-elements': {
    zh: (n) => `的文档结构超过 ${count(n, 'zh')} 个 XML 元素（一份年度报告的 Word 文件通常只有几千个）`,
    en: (n) => `has more than ${count(n, 'en')} XML elements (a report's Word file has a few thousand)`,
  },
  zip: {
    zh: (n) => `的文字和表格部分解压后超过 ${mb(n)}（一份年度报告只有几 MB），可能是压缩炸弹`,
    en: (n) => `inflates past ${mb(n)} in its text and table parts (a report needs a few MB): possibly a zip bomb`,
  },
  'zip-entry': {
    zh: (n, e) => `中的 ${e} 解压后超过 ${mb(n)}（一份年度报告只有几 MB），可能是压缩炸弹`,
    en: (n, e) => `has a part, ${e}, that inflates past ${mb(n)} (a report needs a few MB): possibly a zip bomb`,
  },
  'pdf-pages': {
    zh: (n) => `超过 ${count(n, 'zh')} 页（一份年度报告通常只有十几页）`,
    en: (n) => `has more than ${count(n, 'en')} pages (a report has a dozen or two)`,
  },
  'pdf-lines': {
    zh: (n) => `有一页画了超过 ${count(n, 'zh')} 条线（一页表格通常只有一千条左右）`,
    en: (n) => `has a page drawing more than ${count(n, 'en')} lines (a page of tables has about a thousand)`,
  },
  'zip-entries': {
    zh: (n) => `的压缩包超过 ${count(n, 'zh')} 个文件，或为 ZIP64 格式（一份 .docx 只有几十个文件）`,
    en: (n) => `is a zip of more than ${count(n, 'en')} files, or a ZIP64 archive (a .docx holds a few dozen)`,
  },
};

const EDITION_NAME: Record<Edition, Record<Lang, string>> = {
  '2021': { zh: '2021 年版格式（国办公开办函〔2021〕30号）', en: 'the 2021 edition (国办公开办函〔2021〕30号)' },
  '2019': { zh: '2019 年试行格式', en: 'the 2019 trial edition (试行)' },
  'pre-2019': { zh: '2019 年以前的旧格式', en: 'the pre-2019 layout' },
  unknown: { zh: '未知格式', en: 'an unknown edition' },
};

export const IMPORT_TEXT = {
  refused2019: {
    zh: (f: string, y?: number) => `${f} 是按 2019 年试行格式编制的年度报告${y ? `（${y} 年度）` : ''}（表二为“本年新制作数量/本年新公开数量/对外公开总数量”，表三（六）其他处理只有一行）；目前只能导入 2021 年版格式，未写出文件`,
    en: (f: string, y?: number) => `${f} is a report in the 2019 trial edition (试行)${y ? ` for ${y}` : ''} (table 2 with 本年新制作数量/本年新公开数量/对外公开总数量, table 3 item (6) a single row); only the 2021 edition can be imported for now, nothing written`,
  },
  refusedPre2019: {
    zh: (f: string, y?: number) => `${f} 是 2019 年以前旧格式的年度报告${y ? `（${y} 年度）` : ''}；目前只能导入 2021 年版格式，未写出文件`,
    en: (f: string, y?: number) => `${f} is a report in the pre-2019 layout${y ? ` for ${y}` : ''}; only the 2021 edition can be imported for now, nothing written`,
  },
  notAReport: {
    zh: (f: string) => `${f} 不像是政府信息公开工作年度报告：找不到“一、总体情况”等六个部分的标题，也找不到三张统计表`,
    en: (f: string) => `${f} does not look like a government information-disclosure annual report: none of the six section headings (一、总体情况 …) and none of the three tables were found`,
  },
  binary: {
    zh: (f: string) => `${f} 不是文本、网页、.docx 或 PDF 文件（旧版 .doc 请先另存为 .docx）`,
    en: (f: string) => `${f} is not text, a web page, a .docx or a PDF file (save an old .doc as .docx first)`,
  },
  scanned: {
    zh: (f: string, pages?: number) => `${f} 是扫描件或图片 PDF${pages ? `（${pages} 页）` : ''}，没有可读取的文字层；本工具不做文字识别（OCR），请取得原始的 Word、网页或带文字的 PDF，或先用 OCR 软件转成带文字的 PDF；未写出文件`,
    en: (f: string, pages?: number) => `${f} is a scanned or image-only PDF${pages ? ` (${pages} page(s))` : ''} with no text layer; this tool does no OCR: get the original Word file, web page or a PDF with text, or run OCR software first; nothing written`,
  },
  pdfNoText: {
    zh: (f: string, pages?: number) => `${f} 的 ${pages ?? 0} 页中没有可读取的文字（字体没有对应的字符编码，或页面为空白）；请取得原始的 Word 或网页，或另存为带文字的 PDF；未写出文件`,
    en: (f: string, pages?: number) => `${f} has no readable text in its ${pages ?? 0} page(s) (fonts without a character mapping, or blank pages); get the original Word file or web page, or save it again as a PDF with text; nothing written`,
  },
  pdfBroken: {
    zh: (f: string) => `${f} 无法作为 PDF 打开（文件损坏、不完整或已加密）；未写出文件`,
    en: (f: string) => `${f} cannot be opened as a PDF (damaged, incomplete or encrypted); nothing written`,
  },
  tooLarge: {
    zh: (f: string, what: LimitKind, limit: number, entry?: string) => `${f} ${TOO_LARGE[what].zh(limit, entry)}；未读取，未写出文件`,
    en: (f: string, what: LimitKind, limit: number, entry?: string) => `${f} ${TOO_LARGE[what].en(limit, entry)}; not read, nothing written`,
  },
  notesHeader: {
    zh: (f: string, n: number) => `${f}：有 ${n} 处数字旁印有脚注标记，已去掉标记读取数字，请对照原文的脚注：`,
    en: (f: string, n: number) => `${f}: ${n} number(s) printed with a footnote mark, read without it; check the original's footnotes:`,
  },
  gapsHeader: {
    zh: (f: string, n: number) => `${f}：有 ${n} 处未能读取（已写出文件，这些位置留空）：`,
    en: (f: string, n: number) => `${f}: ${n} place(s) could not be read (file written, these left out):`,
  },
  complete: { zh: (f: string) => `${f}：全部读取`, en: (f: string) => `${f}: everything read` },
  badFormat: { zh: (v: string) => `--format 只能是 yaml 或 json，而不是 ${v}`, en: (v: string) => `--format must be yaml or json, not ${v}` },
  written: { zh: (f: string) => `已写出 ${f}`, en: (f: string) => `Wrote ${f}` },
  // Comments at the top of the YAML.
  importedFrom: { zh: (f: string, when: string) => `由 report import 从 ${f} 导入（${when}）`, en: (f: string, when: string) => `Imported by report import from ${f} (${when})` },
  editionLine: { zh: (e: Edition) => `原文格式：${EDITION_NAME[e].zh}`, en: (e: Edition) => `Source edition: ${EDITION_NAME[e].en}` },
  numbersAsPrinted: {
    zh: () => '数字照录原文（含总计），请用 report validate 检查原文的勾稽关系',
    en: () => 'Numbers as printed (totals included); run report validate to check the published arithmetic',
  },
  gapsComment: { zh: (n: number) => `未能读取的 ${n} 处（文件中留空，请对照原文补全）：`, en: (n: number) => `${n} place(s) not read (left out of the file; fill them in from the original):` },
  notRead: { zh: (what: string) => `未能读取：${what}`, en: (what: string) => `Not read: ${what}` },
  noGaps: { zh: () => '全部单元格与各部分均已读取', en: () => 'Every cell and section was read' },
} as const;

export function refusalMessage(r: ImportResult, file: string, lang: Lang): string {
  const why = r.refused!;
  switch (why.reason) {
    case 'edition-2019': return IMPORT_TEXT.refused2019[lang](file, why.year);
    case 'edition-pre-2019': return IMPORT_TEXT.refusedPre2019[lang](file, why.year);
    case 'binary': return IMPORT_TEXT.binary[lang](file);
    case 'scanned': return IMPORT_TEXT.scanned[lang](file, why.pages);
    case 'pdf-no-text': return IMPORT_TEXT.pdfNoText[lang](file, why.pages);
    case 'pdf-broken': return IMPORT_TEXT.pdfBroken[lang](file);
    case 'too-large': return IMPORT_TEXT.tooLarge[lang](file, why.limit!.what, why.limit!.value, why.limit!.entry);
    default: return IMPORT_TEXT.notAReport[lang](file);
  }
}
