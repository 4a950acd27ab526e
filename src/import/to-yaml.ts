// The imported data as a YAML data file: comments saying where it came from
// and what could not be read, keys in the data-model order, rows of cells on
// one line each like the examples, section texts as literal blocks.
import { SCHEMA_2019_ID } from '../schema/build-schema-2019.js';
import { isMap, isScalar, type Document, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import { parsePointer } from '../model/cells.js';
import { writeYaml } from '../model/to-yaml.js';
import type { Lang } from '../model/label.js';
import { describeGap, IMPORT_TEXT } from './messages.js';
import type { Gap, ImportResult } from './types.js';

export interface YamlOptions {
  /** Name of the source as shown in the comment. */
  readonly source: string;
  /** ISO time of the import. */
  readonly when: string;
  readonly lang?: Lang;
}

const ROW_PARENTS = new Set(['proactive', 'requests', 'outcomes', 'withheld', 'unavailable', 'notProcessed', 'otherHandling', 'reviewsAndLawsuits']);
const SECTION_KEYS = new Set(['overview', 'proactive', 'requests', 'reviewsAndLawsuits', 'problems', 'other', 'preamble']);

/** Repeats a missing cell just above its row, so it is seen where it is filled in. */
function commentGapsInPlace(doc: Document, gaps: readonly Gap[], lang: Lang): void {
  const notes = new Map<Pair, string[]>();
  for (const g of gaps) {
    if (g.reason === 'table-missing' || g.reason === 'section-missing' || g.reason === 'field-missing') continue;
    // Only a cell missing from a row the file holds: whole rows and tables are listed at the top.
    const keys = parsePointer(g.pointer);
    let map = doc.contents;
    let pair: Pair | undefined;
    for (const k of keys.slice(0, -1)) {
      if (!isMap(map)) { pair = undefined; break; }
      pair = (map as YAMLMap).items.find((i) => isScalar(i.key) && i.key.value === k) as Pair | undefined;
      if (!pair) break;
      map = pair.value as Node;
    }
    if (!pair || !isMap(pair.value) || !(pair.value as YAMLMap).flow) continue;
    const list = notes.get(pair) ?? [];
    list.push(` ${IMPORT_TEXT.notRead[lang](describeGap(g, lang))}`);
    notes.set(pair, list);
  }
  for (const [pair, lines] of notes) {
    const key = pair.key as Scalar;
    key.commentBefore = [key.commentBefore, ...lines].filter(Boolean).join('\n');
  }
}

export function toYaml(result: ImportResult, options: YamlOptions): string {
  const lang = options.lang ?? 'zh';
  const head = [
    IMPORT_TEXT.importedFrom[lang](options.source, options.when),
    IMPORT_TEXT.editionLine[lang](result.edition),
    IMPORT_TEXT.numbersAsPrinted[lang](),
  ];
  if (result.gaps.length) {
    head.push(IMPORT_TEXT.gapsComment[lang](result.gaps.length));
    for (const g of result.gaps) head.push(`  - ${g.pointer}  ${describeGap(g, lang)}`);
  } else head.push(IMPORT_TEXT.noGaps[lang]());
  return writeYaml(result.report, {
    header: head.map((l) => l.replace(/\n/g, ' ')),
    ...(result.report.format === '2019' ? { schema: SCHEMA_2019_ID } : {}),
    blankBefore: (path) => SECTION_KEYS.has(path),
    flow: (path) => {
      const key = path.slice(path.lastIndexOf('/') + 1);
      return !ROW_PARENTS.has(key) && key !== 'contact';
    },
    text: (_, value) => (value.includes('\n') ? 'block' : undefined),
    finish: (doc) => commentGapsInPlace(doc, result.gaps, lang),
  });
}
