// `--fix` on one file's bytes: decode, fix the totals, give the new text. A
// file that is not UTF-8 is left alone (rewriting it would change its
// encoding). Reading and writing the file is the CLI's (src/cli/fix.ts).
import type { SourceKind } from '../load/load.js';
import { fixTotals, type FixOptions, type TotalChange } from './fix-totals.js';

/** Why a file is left alone: not UTF-8, or fixTotals failed (`detail`: its message). */
export type FixSkip = { readonly reason: 'notUtf8' } | { readonly reason: 'failed'; readonly detail: string };

export interface BytesFix {
  readonly changes: readonly TotalChange[];
  /** The fixed file (its byte-order mark kept) when there are changes. */
  readonly text?: string;
  readonly skipped?: FixSkip;
}

export function fixBytes(bytes: Uint8Array, kind: SourceKind, options: FixOptions = {}): BytesFix {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bom ? bytes.subarray(3) : bytes);
  } catch {
    return { changes: [], skipped: { reason: 'notUtf8' } };
  }
  // Lone CR (old Mac) line ends are line ends to the loader but not to the yaml Document that places the cells:
  // fixed as LF, then every line gets its own ending back (a fix changes numbers only, never lines).
  const endings = text.includes('\r') ? text.match(/\r\n|\r|\n/g) ?? [] : undefined;
  let result;
  try {
    result = fixTotals(endings ? text.replace(/\r(?!\n)/g, '\n') : text, kind, options);
  } catch (e) {
    return { changes: [], skipped: { reason: 'failed', detail: (e as Error).message } };
  }
  if (!result.changes.length) return { changes: [] };
  let out = result.text;
  if (endings) {
    const lines = out.split(/\r\n|\n/);
    out = lines.map((l, i) => l + (i < lines.length - 1 ? endings[i] ?? '\n' : '')).join('');
  }
  return { changes: result.changes, text: (bom ? '\ufeff' : '') + out };
}
