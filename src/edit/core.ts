// The editor's core, pure (it runs in the page and in Node's tests): the file's
// text is the state. A change to a cell or a text is written into the text as
// loaded by splicing the new value over the old one at the range the yaml
// Document gives for its node, so a saved file differs from the loaded one only
// in the changed values (the Document's own toString reformats untouched parts,
// so it is used only where the file has no node to replace: a new key, a
// removed one). Checking is the validate pipeline: load → schema → rules.
import type { Document, Node as YNode, Scalar, YAMLMap } from 'yaml';
import { yaml } from '../load/yaml-lazy.js';
import { loadReport, kindOf, type LoadResult } from '../load/load.js';
import { locateFindings, validateReport } from '../check.js';
import type { Finding, LocatedFinding } from '../diagnostics/finding.js';
import { escapePointerPart, parsePointer } from '../model/cells.js';

/** A value typed into the form: a number, a text, or undefined (the key is removed). */
export type EditValue = number | string | undefined;

/** What a cell input holds → the value written to the file. Anything not a plain integer is kept as typed, for the checks to word. */
export function parseCellInput(text: string): EditValue {
  const t = text.trim();
  if (t === '') return undefined;
  if (/^-?(0|[1-9]\d{0,14})$/.test(t)) return Number(t);
  return t;
}

export interface Checked {
  readonly load: LoadResult;
  /** The findings as the rules give them (text findings keep their textOffset). */
  readonly raw: readonly Finding[];
  /** The findings placed in the text, sorted as validate prints them. */
  readonly findings: readonly LocatedFinding[];
}

/** The same pipeline as checkSource (src/check.ts), keeping the unplaced findings too. */
export function checkText(text: string, filename: string, today?: Date): Checked {
  const load = loadReport(text, { filename });
  const raw = load.data === undefined ? load.findings : [...load.findings, ...validateReport(load.data, { numbers: load.numbers, ...(today ? { today } : {}) })];
  return { load, raw, findings: locateFindings(raw, filename, load) };
}

type Range = readonly [number, number];

/**
 * The text as loaded and the ranges of its scalar nodes by pointer, made once;
 * `apply` then writes any set of edits into a copy of the text.
 */
export class EditableText {
  readonly base: string;
  readonly kind: 'yaml' | 'json';
  private doc: Document.Parsed | undefined;
  private ranges = new Map<string, { range: Range; block: boolean; indent: number }>();

  constructor(base: string, filename: string) {
    this.base = base;
    this.kind = kindOf(filename);
    const Y = yaml();
    const doc = Y.parseDocument(base, { keepSourceTokens: false, uniqueKeys: false });
    if (doc.errors.length) return;
    this.doc = doc;
    const walk = (node: unknown, pointer: string) => {
      if (Y.isMap(node) || Y.isSeq(node)) {
        (node as YAMLMap).items.forEach((item: unknown, i: number) => {
          if (Y.isPair(item)) {
            const k = Y.isScalar(item.key) ? String(item.key.value) : undefined;
            if (k !== undefined) walk(item.value, `${pointer}/${escapePointerPart(k)}`);
          } else walk(item, `${pointer}/${i}`);
        });
      } else if (Y.isScalar(node) && node.range && !node.anchor) {
        const s = node as Scalar;
        const block = s.type === 'BLOCK_LITERAL' || s.type === 'BLOCK_FOLDED';
        this.ranges.set(pointer, { range: [node.range[0], node.range[1]], block, indent: lineIndent(base, node.range[0]) });
      }
    };
    walk(doc.contents, '');
  }

  /** The text with these edits (pointer → value) written in. */
  apply(edits: ReadonlyMap<string, EditValue>): string {
    const splices: { at: number; end: number; text: string }[] = [];
    for (const [pointer, value] of edits) {
      const r = this.ranges.get(pointer);
      if (!r || value === undefined) return this.rebuild(edits);
      splices.push({ at: r.range[0], end: r.range[1], text: this.scalarText(value, r) });
    }
    splices.sort((a, b) => b.at - a.at);
    let out = this.base;
    for (const s of splices) out = out.slice(0, s.at) + s.text + out.slice(s.end);
    return out;
  }

  private scalarText(value: string | number, r: { block: boolean; indent: number }): string {
    if (typeof value === 'number') return String(value);
    if (this.kind === 'yaml' && r.block) {
      const block = literalBlock(value, r.indent + 2);
      if (block !== undefined) return block;
    }
    // What a clerk typed into a cell goes in as they would have typed it in the file (so the advice is validate's for that).
    if (this.kind === 'yaml' && PLAIN_SAFE.test(value) && readsAsItself(value)) return value;
    return JSON.stringify(value);
  }

  /** A key the file does not have, or one removed: through the Document (the only case that reformats). */
  private rebuild(edits: ReadonlyMap<string, EditValue>): string {
    if (this.kind === 'json') {
      let data: unknown;
      try { data = JSON.parse(this.base); } catch { return this.base; }
      for (const [pointer, value] of edits) setPath(data, parsePointer(pointer), value);
      return JSON.stringify(data, null, 2) + '\n';
    }
    const Y = yaml();
    const doc = Y.parseDocument(this.base);
    if (doc.errors.length) return this.base;
    for (const [pointer, value] of edits) {
      const path = parsePointer(pointer);
      if (value === undefined) { if (doc.hasIn(path)) doc.deleteIn(path); continue; }
      const node = doc.getIn(path, true) as YNode | undefined;
      if (node && Y.isScalar(node)) (node as Scalar).value = value;
      else doc.setIn(path, value);
    }
    return doc.toString();
  }
}

const PLAIN_SAFE = /^[^\s#:,[\]{}&*!|>'"%@`?-][^#:,[\]{}\n]*[^\s#:,[\]{}]$|^[^\s#:,[\]{}&*!|>'"%@`?-]$/u;

function readsAsItself(value: string): boolean {
  try { return yaml().parse(value) === value; } catch { return false; }
}

function lineIndent(text: string, at: number): number {
  const start = text.lastIndexOf('\n', at - 1) + 1;
  const m = /^ */.exec(text.slice(start, at));
  return m ? m[0].length : 0;
}

/** A literal block (`|`, `|-`, `|+`) for this text at this indent, or undefined where a quoted string is safer. */
function literalBlock(value: string, indent: number): string | undefined {
  // Leading spaces need an indentation indicator; control characters need quoting.
  if (/^[ \t]|\n[ \t]/.test(value) && /^ /.test(value)) return undefined;
  if (/[\u0000-\u0008\u000b-\u001f\u007f\u0085\u2028\u2029\ufeff]/.test(value) || /^\s*$/.test(value)) return undefined;
  const trailing = /\n*$/.exec(value)![0].length;
  const head = trailing === 0 ? '|-' : trailing === 1 ? '|' : '|+';
  const body = value.slice(0, value.length - trailing);
  if (/^ /.test(body)) return undefined;
  const pad = ' '.repeat(indent);
  const lines = body.split('\n').map((l) => (l === '' ? '' : pad + l));
  return `${head}\n${lines.join('\n')}\n${'\n'.repeat(Math.max(0, trailing - 1))}`;
}

function setPath(data: unknown, path: readonly string[], value: EditValue): void {
  let o = data as Record<string, unknown>;
  for (let i = 0; i < path.length - 1; i++) {
    const k = path[i]!;
    if (o[k] === null || typeof o[k] !== 'object') o[k] = {};
    o = o[k] as Record<string, unknown>;
  }
  const last = path[path.length - 1]!;
  if (value === undefined) delete o[last];
  else o[last] = value;
}
