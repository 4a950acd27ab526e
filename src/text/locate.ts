// Places a finding about a figure inside a text value (rule 9) at the figure
// itself rather than at the start of the value.
import type { Position } from '../diagnostics/finding.js';
import type { Located, SourceKind } from '../load/load.js';
import { parsePointer } from '../model/cells.js';
import { positionInValue } from './position.js';

export type TextSource = Located & { readonly text?: string; readonly kind?: SourceKind; readonly data?: unknown };

export function locateTextOffset(source: TextSource, pointer: string, offset: number): Position {
  const start = source.locate(pointer);
  if (source.text === undefined || source.kind === undefined) return start;
  let v: unknown = source.data;
  for (const k of parsePointer(pointer)) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
  if (typeof v !== 'string') return start;
  return positionInValue(source.text, source.kind, start, v, offset) ?? start;
}
