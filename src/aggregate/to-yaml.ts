// The roll-up report as a YAML data file: labels as comments, a row of cells
// on one line each, like the examples. Pure.
import { Document, isMap, isScalar, Scalar, type Node, type Pair } from 'yaml';
import { PROACTIVE_BLOCKS, REQUEST_ROWS, REVIEW_GROUPS, SECTIONS, TOP_FIELDS, type RowDef } from '../model/edition2021.js';

const SCHEMA_URL = 'https://unpkg.com/xxgk-report/schemas/report.schema.json';

const LABELS = new Map<string, string>([
  ...Object.entries(SECTIONS).map(([k, l]) => [k, l.zh] as [string, string]),
  ['format', `${TOP_FIELDS.format.zh}（国办公开办函〔2021〕30号）`], ['agency', TOP_FIELDS.agency.zh], ['year', TOP_FIELDS.year.zh],
  ...PROACTIVE_BLOCKS.flatMap((b) => b.rows.map((r) => [`proactive/${r.key}`, `${r.label.zh}（${b.label.zh}）`] as [string, string])),
  ...REVIEW_GROUPS.map((g) => [`reviewsAndLawsuits/${g.key}`, g.group ? `${g.group.zh}·${g.label.zh}` : g.label.zh] as [string, string]),
]);
function requestLabels(rows: readonly RowDef[], base: string): void {
  for (const r of rows) {
    LABELS.set(`${base}/${r.key}`, r.label.zh);
    if (r.children) requestLabels(r.children, `${base}/${r.key}`);
  }
}
requestLabels(REQUEST_ROWS, 'requests');

function decorate(node: Node, path: string): void {
  if (!isMap(node)) return;
  for (const p of node.items as Pair<Scalar, Node>[]) {
    const key = String(p.key.value);
    const at = path ? `${path}/${key}` : key;
    const label = LABELS.get(at);
    if (label) p.key.commentBefore = ` ${label}`;
    const v = p.value;
    if (isMap(v) && v.items.every((x) => isScalar(x.value) && typeof (x.value as Scalar).value === 'number')) v.flow = true;
    else if (isMap(v)) decorate(v, at);
    else if (isScalar(v) && typeof v.value === 'string' && at !== 'agency') v.type = Scalar.BLOCK_LITERAL;
  }
}

export function aggregateToYaml(report: Record<string, unknown>, header: readonly string[]): string {
  const doc = new Document(report, { version: '1.2' });
  decorate(doc.contents as Node, '');
  doc.commentBefore = [` yaml-language-server: $schema=${SCHEMA_URL}`, ...header.map((h) => ` ${h}`)].join('\n');
  const format = (doc.contents as { items: Pair<Scalar, Scalar>[] }).items.find((p) => p.key.value === 'format');
  if (format) format.value!.type = Scalar.QUOTE_DOUBLE;
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}
