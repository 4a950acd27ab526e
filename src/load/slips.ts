// Why a refused YAML text is refused, in the tool's own words. The `yaml`
// package decides whether a text is refused; its messages are English and
// often point away from the slip (at a comment above a line indented one space
// too far, or lines below a missing `}`). This finds the slip a person made on
// the lines of the broken entry: a tab or full-width space as indentation, a
// line indented off its neighbours, a key line without a half-width colon, an
// unpaired bracket or quote, a full-width character on the line the parser
// stopped at; failing those, the parser's error by its code, where it is.

export type SlipParams = Record<string, string | number>;

/**
 * Where the slip is and what it is. `sure`: the lines show a slip YAML always
 * refuses (a line indented off its neighbours, a bracket no later line closes,
 * a key line with no half-width `: `), provided the lines above it are read.
 */
export interface Slip { readonly offset: number; readonly params: SlipParams; readonly sure: boolean }

/** Full-width characters and what to type instead. */
export const FULL_WIDTH: Readonly<Record<string, string>> = { '：': ': ', '，': ',', '｛': '{', '｝': '}', '［': '[', '］': ']', '“': '"', '”': '"', '‘': "'", '’': "'", '\u3000': ' ' };
const FULL_WIDTH_RE = /[：，｛｝［］“”‘’\u3000]/;

interface Line {
  readonly start: number;
  /** Leading spaces. */
  readonly indent: number;
  /** The text after the indentation, without a trailing comment or spaces. */
  readonly body: string;
}

/** What the tokenizer saw on one line's body. */
interface Scan {
  /** Offset in the body of the `:` that ends a key (outside brackets and quotes), or -1. */
  colon: number;
  /** Offsets of `{` and `[` still open at the end. */
  open: number[];
  /** A `}` or `]` with nothing to close, or -1. */
  extra: number;
  /** A quote that starts a scalar and is not closed on the line, or -1. */
  quote: number;
  /** Whether the value after the key is empty, `|` or `>`. */
  blockValue: 'none' | 'empty' | 'scalar';
  /** The body starts with a sequence dash. */
  dash: boolean;
}

function scanBody(b: string): Scan {
  const out: Scan = { colon: -1, open: [], extra: -1, quote: -1, blockValue: 'none', dash: false };
  let expect = true; // at the start of a scalar
  let closed = false; // just after a collection closed at depth 0
  let quoted = -1; // where the last quoted scalar ended
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!;
    const n = b[i + 1];
    const flow = out.open.length > 0;
    if (c === ' ') continue;
    if (expect && (c === '"' || c === "'")) {
      let j = i + 1;
      for (; j < b.length; j++) {
        if (c === '"' && b[j] === '\\') j++;
        else if (b[j] === c) {
          if (c === "'" && b[j + 1] === "'") j++;
          else break;
        }
      }
      if (j >= b.length) { out.quote = i; return out; }
      i = j;
      quoted = i;
      expect = false;
      continue;
    }
    if ((c === '{' || c === '[') && (expect || flow)) { out.open.push(i); expect = true; continue; }
    if ((c === '}' || c === ']') && (flow || expect || closed)) {
      if (flow) out.open.pop();
      else if (out.extra < 0) out.extra = i;
      expect = false;
      closed = out.open.length === 0;
      continue;
    }
    closed = false;
    if (c === ',' && flow) { expect = true; continue; }
    // (In braces, `"key":value` is JSON-like: a colon right after a quoted key needs no space.)
    if (c === ':' && (n === undefined || n === ' ' || (flow && (/[,[\]{}]/.test(n) || quoted === i - 1)))) {
      if (!flow && out.colon < 0) {
        out.colon = i;
        const rest = b.slice(i + 1).trim();
        out.blockValue = rest === '' ? 'empty' : /^[|>][-+0-9]*$/.test(rest) ? 'scalar' : 'none';
      }
      expect = true;
      continue;
    }
    if (c === '-' && expect && !flow && i === 0 && (n === undefined || n === ' ')) { out.dash = true; continue; }
    expect = false;
  }
  return out;
}

/** The lines from `from` (a line start) to the end of line `lastLine` (1-based), blank and comment lines left out. */
function linesOf(text: string, from: number, to: number): Line[] {
  const out: Line[] = [];
  for (let start = from; start < to && start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const raw = text.slice(start, end);
    let indent = 0;
    while (raw.charCodeAt(indent) === 0x20) indent++;
    // A comment starts at `#` after a space (or at the start), outside quotes; a rough cut suffices here.
    const m = /(^|[ \t])#(?=(?:[^"']|"[^"]*"|'[^']*')*$)/.exec(raw.slice(indent));
    const body = (m ? raw.slice(indent, indent + m.index) : raw.slice(indent)).trimEnd();
    if (body !== '') out.push({ start, indent, body });
    start = end + 1;
  }
  return out;
}

const lineOf = (text: string, offset: number) => {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
};

/**
 * The slip that broke `text`: its offset and the message's params. The lines
 * from `from` to `to` are searched (the broken entry and the one before it);
 * `error` is the parser's first error (offset and code), which places the
 * slip when no line shows one.
 */
export function findSlip(text: string, from: number, to: number, error: { offset: number; code: string }): Slip {
  // (Past the entry, the parser only found the entry unfinished: a part of the file read alone ends there too.)
  const errAt = Math.min(error.offset, to);
  const lines = linesOf(text, from, to);
  const errLine = lineOf(text, errAt);
  const at = (offset: number, params: SlipParams, sure = false) => {
    const line = lineOf(text, offset);
    return { offset, sure, params: { ...params, line, column: offset - text.lastIndexOf('\n', offset - 1) } };
  };
  const stack: number[] = [];
  let open = false; // the line above is a key with nothing after it
  let first = false; // the line is the first under such a key
  let block = -1; // the indent of the key above a block scalar whose lines are being skipped
  let cont = -1; // the indent of a key whose value continues on deeper lines
  let structured = true; // the indentation is understood (no sequence dashes)
  for (let k = 0; k < lines.length; k++) {
    const l = lines[k]!;
    const lead = /^[ \t\u3000]*/.exec(text.slice(l.start, l.start + l.indent + l.body.length))![0];
    if (block >= 0 && l.indent > block) continue;
    block = -1;
    if (cont >= 0 && l.indent > cont && !/^[ ]*[\t\u3000]/.test(lead)) continue;
    cont = -1;
    const tab = lead.indexOf('\t');
    if (tab >= 0) return at(l.start + tab, { slip: 'tab' });
    const wide = lead.indexOf('\u3000');
    if (wide >= 0) return at(l.start + wide, { slip: 'fullWidth', char: '\u3000', fix: ' ' });
    const s = scanBody(l.body);
    const body = l.start + l.indent;
    const nextLine = lines[k + 1];
    // Indentation against the keys around the line.
    if (structured && !s.dash) {
      if (stack.length === 0) stack.push(l.indent);
      else if (l.indent > stack[stack.length - 1]!) {
        if (open) { stack.push(l.indent); first = true; }
        // (A deeper line with no key is more of a plain value.)
        else if (s.colon >= 0 || s.quote >= 0 || s.open.length) return at(l.start, { slip: 'indent', indent: l.indent, expected: stack[stack.length - 1]! });
        else continue;
      } else if (l.indent < stack[stack.length - 1]!) {
        let popped = stack.pop()!;
        while (stack.length && stack[stack.length - 1]! > l.indent) popped = stack.pop()!;
        const parent = stack[stack.length - 1];
        if (parent !== l.indent) {
          const expected = parent !== undefined && nextLine?.indent === parent ? parent : popped;
          return at(l.start, { slip: 'indent', indent: l.indent, expected }, true);
        }
      }
    } else structured = false;
    // The line's own syntax.
    if (s.quote >= 0) {
      // A quoted value may go on over deeper lines; not closed on them, it is the slip.
      const q = l.body[s.quote]!;
      let closed = false;
      for (let j = k + 1; j < lines.length && lines[j]!.indent > l.indent && !closed; j++) closed = closes(lines[j]!.body, q);
      if (!closed) return at(body + s.quote, { slip: 'quote', char: q });
      cont = l.indent;
    }
    if (s.extra >= 0) return at(body + s.extra, { slip: 'extraClose', char: l.body[s.extra]! });
    if (s.open.length) {
      const o = s.open[s.open.length - 1]!;
      const close = l.body[o] === '{' ? '}' : ']';
      if (!nextLine || nextLine.indent <= l.indent || errLine <= lineOf(text, nextLine.start)) {
        const wrong = wideIn(l.body, o, '｝］');
        if (wrong >= 0) return at(body + wrong, fullWidth(l.body[wrong]!));
        // (Sure where no line goes on with it: a line no deeper than the key's may only close it.)
        const sure = !nextLine || (nextLine.indent <= l.indent && !/^[\]}]/.test(nextLine.body));
        return at(body + l.body.length, { slip: 'unclosed', char: l.body[o]!, close, openColumn: l.indent + o + 1 }, sure);
      }
      cont = l.indent;
    }
    // (The first line under a key with no value is that value, unless a key follows it at its indent.)
    const keyLine = !first || (nextLine?.indent === l.indent && scanBody(nextLine.body).colon >= 0);
    if (s.colon < 0 && !s.dash && s.quote < 0 && keyLine && !/^[?\-!&*%@`|>[{"'.]/.test(l.body)) {
      // A key line without a half-width `: `: a full-width colon, a colon with no space after it, or none.
      const wide = l.body.search(/[：]/);
      // (Sure unless a deeper line may go on with it: `key` ⏎ `  : value` is YAML.)
      // (And only below a key of the same mapping: a first line may be a plain text document.)
      const sure = k > 0 && !first && (!nextLine || nextLine.indent <= l.indent);
      if (wide >= 0) return at(body + wide, fullWidth('：'), sure);
      const tight = l.body.search(/:(?=[^ ])/);
      if (tight >= 0) {
        if (l.body[tight + 1] === '\u3000') return at(body + tight + 1, fullWidth('\u3000'), sure);
        return at(body + tight, { slip: 'colonSpace' }, sure);
      }
      if (lineOf(text, l.start) === errLine) return at(body, { slip: 'noColon' });
    }
    open = s.colon >= 0 && s.blockValue === 'empty';
    first = false;
    if (s.blockValue === 'scalar') block = l.indent;
  }
  // A full-width character on the line the parser stopped at, nearest the error.
  const ls = text.lastIndexOf('\n', errAt - 1) + 1;
  const le = text.indexOf('\n', errAt);
  const lineText = text.slice(ls, le < 0 ? text.length : le);
  if (FULL_WIDTH_RE.test(lineText)) {
    let best = -1;
    for (let i = 0; i < lineText.length; i++) if (FULL_WIDTH[lineText[i]!] !== undefined && (best < 0 || Math.abs(ls + i - errAt) < Math.abs(ls + best - errAt))) best = i;
    return at(ls + best, fullWidth(lineText[best]!));
  }
  return at(errAt, { slip: 'yaml', code: error.code });
}

/** Whether a line of a quoted value's continuation holds its closing quote `q`. */
const closes = (body: string, q: string) => (q === "'" ? /'(?!')/.test(body.replace(/''/g, '')) : /(?:^|[^\\])(?:\\\\)*"/.test(body));

const fullWidth = (char: string): SlipParams => ({ slip: 'fullWidth', char, fix: FULL_WIDTH[char]! });

/** A full-width closing bracket after `from` in `body`, or -1. */
function wideIn(body: string, from: number, chars: string): number {
  for (let i = from; i < body.length; i++) if (chars.includes(body[i]!)) return i;
  return -1;
}
