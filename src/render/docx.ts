// Word output: the view model (./view.ts, the same tables as the HTML page,
// cell for cell) written as an A4 official document in the style of GB/T 9704
// through the `docx` package, which is loaded only here, on first use.
import type Token from 'markdown-it/lib/token.mjs';
import type * as Docx from 'docx';
import { parseSection } from './markdown.js';
import { buildView, placeCells, type CellView, type TableView } from './view.js';
import type { MarkFinding } from './values.js';
import type { Lang } from '../model/label.js';

export interface DocxOptions {
  readonly findings?: readonly MarkFinding[];
  readonly lang?: Lang;
}

/** Font names as Word and agencies' own templates name them (the CJK slot and the others alike). */
export const DOCX_FONTS = { title: '方正小标宋简体', heading1: '黑体', heading2: '楷体_GB2312', body: '仿宋_GB2312' } as const;

// GB/T 9704-2012: A4, type area 156 mm × 225 mm, top margin 37 mm, left 28 mm.
const MM = 1440 / 25.4;
const tw = (mm: number) => Math.round(mm * MM);
const PAGE = { width: tw(210), height: tw(297), top: tw(37), bottom: tw(35), left: tw(28), right: tw(26) } as const;
const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
/** 三号 (16 pt) body on a fixed 28 pt line: 22 lines in the type area. */
const BODY_PT = 16;
const LINE = 560;
const TABLE_PT = 9;

const fonts = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name, cs: name });

/** Fixed column widths (LibreOffice ignores autofit): label columns wide, number columns even. */
function columnWidths(t: TableView): number[] {
  const n = t.columns;
  if (t.id === 'table-requests') {
    const labels = [tw(9), tw(9), tw(42)];
    const lead = labels.slice(0, Math.min(3, n - 1));
    const rest = TEXT_WIDTH - lead.reduce((a, b) => a + b, 0);
    const each = Math.floor(rest / (n - lead.length));
    return [...lead, ...Array.from({ length: n - lead.length }, (_, i) => (i === 0 ? rest - each * (n - lead.length - 1) : each))];
  }
  if (t.id === 'table-proactive') {
    const first = Math.round(TEXT_WIDTH * 0.4);
    const each = Math.floor((TEXT_WIDTH - first) / (n - 1));
    return [TEXT_WIDTH - each * (n - 1), ...Array.from({ length: n - 1 }, () => each)];
  }
  const each = Math.floor(TEXT_WIDTH / n);
  return [TEXT_WIDTH - each * (n - 1), ...Array.from({ length: n - 1 }, () => each)];
}

export async function renderDocx(data: unknown, options: DocxOptions = {}): Promise<Uint8Array> {
  const d = await import('docx');
  const view = buildView(data, { findings: options.findings, lang: options.lang });
  const run = (text: string, font: string, size: number, extra: Partial<Docx.IRunOptions> = {}) =>
    new d.TextRun({ text, font: fonts(font), size: size * 2, ...extra });
  const body = (children: Docx.ParagraphChild[], extra: Partial<Docx.IParagraphOptions> = {}) =>
    new d.Paragraph({ children, indent: { firstLine: BODY_PT * 2 * 20 }, spacing: { line: LINE, lineRule: d.LineRuleType.EXACT }, alignment: d.AlignmentType.JUSTIFIED, ...extra });
  const heading = (text: string, level: 1 | 2) => new d.Paragraph({
    children: [run(text, level === 1 ? DOCX_FONTS.heading1 : DOCX_FONTS.heading2, BODY_PT)],
    heading: level === 1 ? d.HeadingLevel.HEADING_1 : d.HeadingLevel.HEADING_2,
    indent: { firstLine: BODY_PT * 2 * 20 }, spacing: { line: LINE, lineRule: d.LineRuleType.EXACT }, keepNext: true, keepLines: true,
  });

  let listInstance = 0;
  /** Inline tokens → runs: bold, italic, code as text, line breaks; links as their text and address. */
  const inlineRuns = (tokens: readonly Token[]): Docx.ParagraphChild[] => {
    const out: Docx.ParagraphChild[] = [];
    let bold = 0, italic = 0;
    let href: string | undefined;
    for (const t of tokens) {
      if (t.type === 'strong_open') bold++;
      else if (t.type === 'strong_close') bold--;
      else if (t.type === 'em_open') italic++;
      else if (t.type === 'em_close') italic--;
      else if (t.type === 'link_open') href = t.attrGet('href') ?? undefined;
      else if (t.type === 'link_close') { if (href) out.push(run(`（${href}）`, DOCX_FONTS.body, BODY_PT)); href = undefined; }
      else if (t.type === 'softbreak' || t.type === 'hardbreak') out.push(new d.TextRun({ break: 1 }));
      else if (t.type === 'text' || t.type === 'code_inline') {
        if (t.content !== '') out.push(run(t.content, DOCX_FONTS.body, BODY_PT, { bold: bold > 0, italics: italic > 0 }));
      } else if (t.type === 'image') out.push(run(t.content || (t.attrGet('src') ?? ''), DOCX_FONTS.body, BODY_PT));
    }
    return out;
  };
  /** A section's Markdown → paragraphs, headings (楷体) and numbered or bulleted lists. */
  const markdown = (src: string): Docx.Paragraph[] => {
    const tokens = parseSection(src, 3);
    const out: Docx.Paragraph[] = [];
    const lists: { ordered: boolean; instance: number }[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (t.type === 'bullet_list_open' || t.type === 'ordered_list_open') lists.push({ ordered: t.type === 'ordered_list_open', instance: ++listInstance });
      else if (t.type === 'bullet_list_close' || t.type === 'ordered_list_close') lists.pop();
      else if (t.type === 'heading_open') {
        const text = (tokens[i + 1]?.children ?? []).filter((c) => c.type === 'text' || c.type === 'code_inline').map((c) => c.content).join('');
        out.push(heading(text, 2));
        i += 2;
      } else if (t.type === 'inline' && tokens[i - 1]?.type === 'paragraph_open') {
        const list = lists[lists.length - 1];
        out.push(list
          ? body(inlineRuns(t.children ?? []), { indent: { left: 640 * lists.length, hanging: 640 }, numbering: { reference: list.ordered ? 'ordered' : 'bullet', level: Math.min(lists.length - 1, 2), instance: list.instance } })
          : body(inlineRuns(t.children ?? [])));
      } else if (t.type === 'fence' || t.type === 'code_block') {
        for (const line of t.content.replace(/\n$/, '').split('\n')) out.push(body([run(line, DOCX_FONTS.body, BODY_PT)]));
      }
    }
    return out;
  };

  const cellParagraph = (c: CellView) => new d.Paragraph({
    alignment: d.AlignmentType.CENTER, spacing: { line: 240, lineRule: d.LineRuleType.AUTO },
    children: [run(c.text, DOCX_FONTS.body, TABLE_PT, c.className?.includes('inconsistent') ? { color: 'C00000', bold: true } : {})],
  });
  const table = (t: TableView): Docx.Table => {
    const widths = columnWidths(t);
    const placed = placeCells(t);
    const rows: Docx.TableRow[] = [];
    for (let i = 0; i < placed.length;) {
      const row = placed[i]!.row;
      const cells: Docx.TableCell[] = [];
      let head = false;
      for (; i < placed.length && placed[i]!.row === row; i++) {
        const { cell: c, col } = placed[i]!;
        head = placed[i]!.head;
        const span = c.colspan ?? 1;
        cells.push(new d.TableCell({
          children: [cellParagraph(c)],
          width: { size: widths.slice(col, col + span).reduce((a, b) => a + b, 0), type: d.WidthType.DXA },
          verticalAlign: d.VerticalAlign.CENTER,
          ...(span > 1 ? { columnSpan: span } : {}),
          ...(c.rowspan && c.rowspan > 1 ? { rowSpan: c.rowspan } : {}),
        }));
      }
      // Only the leading header rows of 三 and 四 repeat; 二's blocks each carry their own.
      rows.push(new d.TableRow({ children: cells, cantSplit: true, tableHeader: head }));
    }
    return new d.Table({
      rows, columnWidths: widths, layout: d.TableLayoutType.FIXED,
      width: { size: TEXT_WIDTH, type: d.WidthType.DXA }, alignment: d.AlignmentType.CENTER,
    });
  };

  const children: (Docx.Paragraph | Docx.Table)[] = [];
  children.push(new d.Paragraph({
    alignment: d.AlignmentType.CENTER, spacing: { line: 720, lineRule: d.LineRuleType.EXACT, after: LINE },
    children: [run(view.title, DOCX_FONTS.title, 22)],
  }));
  if (view.forced) {
    children.push(body([run('⚠ 本报告未通过检查，以下内容有误（表中已标出）：', DOCX_FONTS.body, BODY_PT, { color: 'C00000' })]));
    for (const f of view.findings) children.push(body([run(f.message, DOCX_FONTS.body, BODY_PT, { color: 'C00000' })]));
  }
  if (view.preamble) children.push(...markdown(view.preamble.markdown));
  for (const s of view.sections) {
    children.push(heading(s.title, 1));
    if (s.markdown !== undefined) children.push(...markdown(s.markdown));
    for (const t of s.tables) {
      children.push(table(t));
      // An empty paragraph after a table, so two tables or a table and a heading do not join.
      children.push(new d.Paragraph({ children: [] }));
    }
  }
  if (view.contact) {
    children.push(body([run(`${view.contact.label}：${view.contact.lines.map((l) => `${l.label}：${l.value}`).join('；')}`, DOCX_FONTS.body, BODY_PT)]));
  }
  const right = { alignment: d.AlignmentType.RIGHT, indent: { right: BODY_PT * 4 * 20 } } as const;
  children.push(body([run(view.agency, DOCX_FONTS.body, BODY_PT)], { ...right, spacing: { before: LINE * 2, line: LINE, lineRule: d.LineRuleType.EXACT } }));
  if (view.publishedText) children.push(body([run(view.publishedText, DOCX_FONTS.body, BODY_PT)], right));

  const level = (format: Docx.ILevelsOptions['format'], text: (l: number) => string) => [0, 1, 2].map((l) => ({
    level: l, format, text: text(l), alignment: d.AlignmentType.LEFT,
    style: { paragraph: { indent: { left: 640 * (l + 1), hanging: 640 } } },
  }));
  const doc = new d.Document({
    creator: 'xxgk-report', title: view.title,
    styles: {
      default: {
        document: { run: { font: fonts(DOCX_FONTS.body), size: BODY_PT * 2 }, paragraph: { spacing: { line: LINE, lineRule: d.LineRuleType.EXACT } } },
        heading1: { run: { font: fonts(DOCX_FONTS.heading1), size: BODY_PT * 2, bold: false, color: '000000' }, paragraph: { keepNext: true, keepLines: true } },
        heading2: { run: { font: fonts(DOCX_FONTS.heading2), size: BODY_PT * 2, bold: false, color: '000000' }, paragraph: { keepNext: true, keepLines: true } },
      },
    },
    numbering: {
      config: [
        { reference: 'ordered', levels: level(d.LevelFormat.DECIMAL, (l) => `%${l + 1}.`) },
        { reference: 'bullet', levels: level(d.LevelFormat.BULLET, () => '•') },
      ],
    },
    sections: [{
      properties: {
        page: {
          size: { width: PAGE.width, height: PAGE.height, orientation: d.PageOrientation.PORTRAIT },
          margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right, header: tw(15), footer: tw(20) },
        },
      },
      footers: {
        default: new d.Footer({
          children: [new d.Paragraph({ alignment: d.AlignmentType.CENTER, children: [new d.TextRun({ children: ['— ', d.PageNumber.CURRENT, ' —'], font: fonts('宋体'), size: 28 })] })],
        }),
      },
      children,
    }],
  });
  return new Uint8Array(await d.Packer.toBuffer(doc));
}
