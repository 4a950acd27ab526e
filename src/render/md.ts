// Markdown output: headings for the six sections, each table as a GFM pipe
// table whose rows all have the header's cell count, hierarchical labels
// flattened with " · ", every user text escaped or normalised.
import {
  APPLICANT_GROUP_LABEL, PROACTIVE_CONTENT_LABEL, REQUEST_COLUMNS,
  REQUEST_ROWS, REQUESTS_NOTE, REVIEW_COLUMNS, REVIEW_GROUPS, SECTION_ORDER, SECTIONS, type RowDef,
} from '../model/edition2021.js';
import { escapeLineStart, escapeMarkdownText, normalizeMarkdown } from './markdown.js';
import { cellValue } from './values.js';
import { editionOf } from '../model/edition.js';
import { valueAt } from '../model/cells.js';
import type { ReportView } from './view.js';

const SEP = ' · ';
/** One line of text: no line breaks, nothing Markdown would read as syntax. */
const esc = (s: string) => escapeLineStart(escapeMarkdownText(s.replace(/\s*[\r\n]+\s*/g, ' ').replace(/\t/g, ' ')));
const MARK = ' ⚠';

function pipeTable(header: readonly string[], aligns: readonly ('left' | 'right')[], rows: readonly (readonly string[])[]): string {
  // Empty cells as `| |`: markdownlint's MD060 reads `|  |` as a mixed column style.
  const line = (cells: readonly string[]) => `|${cells.map((c) => (c === '' ? ' ' : ` ${c.replace(/\n/g, ' ')} `)).join('|')}|`;
  const width = header.length;
  for (const r of rows) if (r.length !== width) throw new Error(`table row of ${r.length} cells under a header of ${width}`);
  return [line(header), line(aligns.map((a) => (a === 'right' ? '---:' : '---'))), ...rows.map(line)].join('\n');
}

export function renderMarkdown(data: unknown, view: ReportView): string {
  const marked = new Set(view.findings.map((f) => f.pointer).filter(Boolean));
  const isMarked = (p: string) => [...marked].some((m) => p === m || p.startsWith(`${m}/`));
  const cell = (p: string) => {
    const v = cellValue(data, p);
    // A signed count (2019 本年增/减, -3) inside a table cell is no list item: written as it is.
    return (/^-\d+$/.test(v.text) ? v.text : esc(v.text)) + (isMarked(p) ? MARK : '');
  };
  // 采购总金额 (2019 edition) with the unit its row keeps, as the page printed it.
  const unitOf = (row: string, column: string) => {
    const unit = column === 'totalAmount' && cellValue(data, `/proactive/${row}/${column}`).text !== '' ? valueAt(data, `/proactive/${row}/unit`) : undefined;
    return typeof unit === 'string' ? esc(unit) : '';
  };
  const seen = new Set<string>();
  const heading = (level: number, text: string) => {
    seen.add(esc(text));
    return `${'#'.repeat(level)} ${esc(text)}`;
  };
  const out: string[] = [heading(1, view.title)];
  if (view.forced) {
    out.push(`${MARK.trim()} 本报告未通过检查，以下内容有误（已用 ${MARK.trim()} 标出）：`);
    out.push(view.findings.map((f) => `- ${esc(f.message).replace(/\n/g, ' ')}`).join('\n'));
  }
  if (view.preamble) out.push(normalizeMarkdown(view.preamble.markdown, { flat: true }));

  const sections: Record<string, () => string[]> = {
    overview: () => [normalizeMarkdown(view.overview.markdown ?? '', { seen })],
    problems: () => [normalizeMarkdown(view.problems.markdown ?? '', { seen })],
    other: () => [normalizeMarkdown(view.other.markdown ?? '', { seen })],
    proactive: () => editionOf(data).proactiveBlocks.flatMap((b) => [
      heading(3, b.label.zh),
      pipeTable(
        [PROACTIVE_CONTENT_LABEL.zh, ...b.columns.map((c) => editionOf(data).proactiveColumns[c]!.zh)].map(esc),
        ['left', ...b.columns.map(() => 'right' as const)],
        b.rows.map((r) => [esc(r.label.zh), ...b.columns.map((c) => cell(`/proactive/${r.key}/${c}`) + unitOf(r.key, c))]),
      ),
    ]),
    requests: () => {
      const header = [REQUESTS_NOTE.zh, ...REQUEST_COLUMNS.map((c) => [APPLICANT_GROUP_LABEL.zh, c.group?.zh, c.label.zh].filter(Boolean).join(SEP))];
      const rows: string[][] = [];
      // Top-level groups (三、本年度办理结果) get a row of their own; deeper labels are joined.
      const walk = (defs: readonly RowDef[], base: string, path: string[], level: number) => {
        for (const r of defs) {
          const p = `${base}/${r.key}`;
          if (r.children && level === 1) {
            rows.push([esc(r.label.zh), ...REQUEST_COLUMNS.map(() => '')]);
            walk(r.children, p, [], level + 1);
          } else if (r.children) {
            walk(r.children, p, [...path, r.label.zh], level + 1);
          } else {
            rows.push([esc([...path, r.label.zh].join(SEP)), ...REQUEST_COLUMNS.map((c) => cell(`${p}/${c.key}`))]);
          }
        }
      };
      walk(editionOf(data).requestRows, '/requests', [], 1);
      return [pipeTable(header.map(esc), ['left', ...REQUEST_COLUMNS.map(() => 'right' as const)], rows)];
    },
    reviewsAndLawsuits: () => {
      const header = REVIEW_GROUPS.flatMap((g) => REVIEW_COLUMNS.map((c) => [g.group?.zh, g.label.zh, c.label.zh].filter(Boolean).join(SEP)));
      const row = REVIEW_GROUPS.flatMap((g) => REVIEW_COLUMNS.map((c) => cell(`/reviewsAndLawsuits/${g.key}/${c.key}`)));
      return [pipeTable(header.map(esc), header.map(() => 'right' as const), [row])];
    },
  };
  for (const key of SECTION_ORDER) {
    out.push(heading(2, SECTIONS[key].zh));
    out.push(...sections[key]!());
  }
  const tail: string[] = [];
  if (view.contact) tail.push(`${esc(view.contact.label)}：${view.contact.lines.map((l) => `${esc(l.label)}：${esc(l.value)}`).join('；')}`);
  const signature = [view.agency, view.publishedText].filter((s): s is string => Boolean(s)).map(esc);
  if (signature.length) tail.push(signature.join('\\\n'));
  if (tail.length) out.push('---', ...tail);
  return out.filter((b) => b.trim() !== '').join('\n\n') + '\n';
}
