// The one YAML writer of report files (report init, import and aggregate): the
// data as a `yaml` Document, so that comments attach to keys; rows of cells on
// one line each, like the examples; texts as literal blocks. Each command
// gives its layout (which comments, blank lines and quotes); the official
// labels of the keys, the header and the output options are the same for all.
import type { Document, Node, Pair, YAMLMap } from 'yaml';
import { yaml } from '../load/yaml-lazy.js';
import { SCHEMA_ID } from '../schema/build-schema.js';
import { PROACTIVE_BLOCKS, REQUEST_ROWS, REVIEW_GROUPS, SECTIONS, TOP_FIELDS, type RowDef } from './edition2021.js';
import { EDITION_2019 } from './edition.js';

/** The official label of each key, by its path ('requests/outcomes/withheld'), as a comment says it. */
export const KEY_LABELS: ReadonlyMap<string, string> = keyLabels(PROACTIVE_BLOCKS, REQUEST_ROWS, '国办公开办函〔2021〕30号');

/** The same for the 2019 trial edition (its table 二, its single-row （六）). */
export const KEY_LABELS_2019: ReadonlyMap<string, string> = keyLabels(EDITION_2019.proactiveBlocks, EDITION_2019.requestRows, EDITION_2019.notice);

function keyLabels(blocks: readonly { label: { zh: string }; rows: readonly { key: string; label: { zh: string } }[] }[], rows: readonly RowDef[], notice: string): ReadonlyMap<string, string> {
  const labels = new Map<string, string>([
    ...Object.entries(SECTIONS).map(([k, l]) => [k, l.zh] as [string, string]),
    ['format', `${TOP_FIELDS.format.zh}（${notice}）`], ['agency', TOP_FIELDS.agency.zh], ['year', TOP_FIELDS.year.zh],
    ...blocks.flatMap((b) => b.rows.map((r) => [`proactive/${r.key}`, `${r.label.zh}（${b.label.zh}）`] as [string, string])),
    ...REVIEW_GROUPS.map((g) => [`reviewsAndLawsuits/${g.key}`, g.group ? `${g.group.zh}·${g.label.zh}` : g.label.zh] as [string, string]),
  ]);
  const requestLabels = (rows: readonly RowDef[], base: string): void => {
    for (const r of rows) {
      labels.set(`${base}/${r.key}`, r.label.zh);
      if (r.children) requestLabels(r.children, `${base}/${r.key}`);
    }
  };
  requestLabels(rows, 'requests');
  return labels;
}

export interface YamlLayout {
  /** Comment lines at the top, after the yaml-language-server line. */
  readonly header: readonly string[];
  /** Path or URL of the JSON Schema for the yaml-language-server line (default: the published one). */
  readonly schema?: string;
  /** The comment lines above the key at `path` ('' for a blank line), if any. */
  readonly comment?: (path: string) => readonly string[] | undefined;
  /** A blank line above the key at `path`. */
  readonly blankBefore?: (path: string) => boolean;
  /** Whether the map of numbers at `path` may go on one line (default: every one does). */
  readonly flow?: (path: string) => boolean;
  /** How the text at `path` is written: a literal block, double-quoted, or as the library chooses. */
  readonly text?: (path: string, value: string) => 'block' | 'quoted' | undefined;
  /** Double quotes exactly as JSON writes them (init has always written its strings so). */
  readonly jsonQuotes?: boolean;
  /** Last touches on the styled document (import: its notes next to the cells it could not read). */
  readonly finish?: (doc: Document) => void;
}

// Each line after its '#' and a space; a blank line stays blank.
const commentText = (lines: readonly string[]): string => lines.map((l) => (l === '' ? '' : ` ${l}`)).join('\n');

/** A row of cells: a non-empty map whose values are all numbers. */
const isRow = (node: Node | null): node is YAMLMap => {
  const { isMap, isScalar } = yaml();
  // The 2019 edition's 采购总金额 keeps its unit (元, 万元) in its row: a cell of text.
  return isMap(node) && node.items.length > 0 && node.items.every((p) => isScalar(p.value) && (typeof p.value.value === 'number'
    || (isScalar(p.key) && p.key.value === 'unit' && typeof p.value.value === 'string')));
};

function style(node: Node | null | undefined, path: string, layout: YamlLayout): void {
  const { isMap, isScalar, isSeq, Scalar } = yaml();
  if (isSeq(node)) {
    node.items.forEach((it, i) => style(it as Node, `${path}/${i}`, layout));
  } else if (isMap(node)) {
    for (const p of node.items as Pair<Node, Node>[]) {
      const key = isScalar(p.key) ? String(p.key.value) : '';
      const at = path ? `${path}/${key}` : key;
      const comment = layout.comment?.(at);
      if (comment && isScalar(p.key)) p.key.commentBefore = commentText(comment);
      if (layout.blankBefore?.(at) && isScalar(p.key)) p.key.spaceBefore = true;
      const v = p.value;
      // A row of cells goes on one line; nothing in it to style.
      if (isRow(v) && (layout.flow?.(at) ?? true)) v.flow = true;
      else style(v, at, layout);
    }
  } else if (isScalar(node) && typeof node.value === 'string') {
    const how = layout.text?.(path, node.value);
    if (how === 'block') node.type = Scalar.BLOCK_LITERAL;
    else if (how === 'quoted') node.type = Scalar.QUOTE_DOUBLE;
  }
}

/** The report (or any data) as the text of a YAML data file. Pure. */
export function writeYaml(data: unknown, layout: YamlLayout): string {
  const doc = new (yaml().Document)(data, { version: '1.2' });
  style(doc.contents as Node, '', layout);
  layout.finish?.(doc);
  doc.commentBefore = commentText([`yaml-language-server: $schema=${layout.schema ?? SCHEMA_ID}`, ...layout.header]);
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false, ...(layout.jsonQuotes ? { doubleQuotedAsJSON: true } : {}) });
}
