// The fast path: js-yaml with a schema that reads scalars exactly as the `yaml`
// package's YAML 1.2 core schema does (dates and `yes` stay strings, no 0b or
// underscores), so both parsers give the same data (see tests/differential).
import jsyaml from 'js-yaml';
import { GIVE_UP, parseSubset, type ImplicitType } from './subset-yaml.js';

const INT = /^[-+]?[0-9]+$/;
const OCT = /^0o[0-7]+$/;
const HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const INF = /^[-+]?\.(?:inf|Inf|INF)$/;
const NAN = /^\.(?:nan|NaN|NAN)$/;

// Every plain scalar is tried as a number: text (most of a report's scalars
// that are not counts) is turned away by its first character, without a regex.
const mayBeNumber = (s: string): boolean => {
  const c = s.charCodeAt(0);
  return (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2b || c === 0x2e;
};
// Counts as reports write them: 0 or up to 15 digits, no leading zero (always plain, always safe).
const SIMPLE_COUNT = /^(?:0|[1-9][0-9]{0,14})$/;

const coreInt = new jsyaml.Type('tag:yaml.org,2002:int', {
  kind: 'scalar',
  resolve: (s: string) => mayBeNumber(s) && (INT.test(s) || OCT.test(s) || HEX.test(s)),
  construct: (s: string) => {
    if (SIMPLE_COUNT.test(s)) return Number(s);
    const v = OCT.test(s) ? parseInt(s.slice(2), 8) : HEX.test(s) ? parseInt(s.slice(2), 16) : Number(s);
    if (sink && !isPlainNumber(s, v)) sink(s);
    return v;
  },
});

const coreFloat = new jsyaml.Type('tag:yaml.org,2002:float', {
  kind: 'scalar',
  resolve: (s: string) => mayBeNumber(s) && (FLOAT.test(s) || INF.test(s) || NAN.test(s)),
  construct: (s: string) => {
    const v = NAN.test(s) ? NaN : INF.test(s) ? (s.startsWith('-') ? -Infinity : Infinity) : Number(s);
    if (sink && !isPlainNumber(s, v)) sink(s);
    return v;
  },
});

/**
 * A number written so that its value may not be what the author meant:
 * exponent (1e3), hex/octal, an integer past 2^53, a whole number with a
 * decimal point (1.0), or leading zeros (037…, a phone number). Plain integers and decimals with a fraction are plain.
 */
export function isPlainNumber(source: string, value: number): boolean {
  // A leading zero is kept as written, so a phone number written as a number is shown as written.
  if (/^[-+]?0[0-9]/.test(source)) return false;
  if (/^[-+]?[0-9]+$/.test(source)) return Number.isSafeInteger(value);
  if (/^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)$/.test(source)) return !Number.isInteger(value);
  return !/^[-+]?(?:[0-9.]+[eE]|0[xo])/.test(source);
}

/** A character a plain (unquoted, non-flow) key may start with. */
export const PLAIN_KEY_START = /^[^\s#'"{}[\],&*!|>%@`?:-]/;
let sink: ((source: string) => void) | undefined;
let sectionStart: number | undefined;

/** Thrown on the first anchor: the careful path refuses anchors and aliases with a position. */
export class AnchorFound extends Error {}
// Every alias needs an anchor defined before it, so watching anchors is enough;
// text such as `**bold**` in a block scalar no longer leaves the fast path.
function refuseAnchors(this: jsyaml.State, event: jsyaml.EventType, state: jsyaml.State): void {
  const st = state as unknown as { anchor: string | null; anchorMap: object; depth: number; position: number; lineStart: number };
  // A plain key of the top mapping at the start of its line: where the section being read began
  // (a quoted or flow key there may run over lines, so the section is not known to start there).
  if (event === 'open' && st.depth === 2 && st.position === st.lineStart && PLAIN_KEY_START.test((state as unknown as { input: string }).input.charAt(st.position))) sectionStart = st.position;
  if (st.anchor !== null && st.anchor !== undefined) throw new AnchorFound('anchor');
  // Belt and braces, once per document: at the root's close every anchor is in the map.
  if (event === 'close' && (state as unknown as { depth: number }).depth === 1) for (const _ in st.anchorMap) throw new AnchorFound('anchor');
}

// `types` is exported by js-yaml 4 but missing from its type definitions.
const types = (jsyaml as unknown as { types: Record<string, InstanceType<typeof jsyaml.Type>> }).types;
const CORE = new jsyaml.Schema({
  implicit: [types.null!, types.bool!, coreInt, coreFloat],
  explicit: [types.str!, types.seq!, types.map!, types.null!, types.bool!, coreInt, coreFloat],
});

/**
 * The implicit types js-yaml tries on a plain scalar, in its order: the subset reader resolves
 * with the same. (js-yaml's own list, not in its type definitions; without it the subset is not used.)
 */
export const CORE_IMPLICIT = (CORE as unknown as { compiledImplicit?: readonly ImplicitType[] }).compiledImplicit;

/**
 * Parses YAML 1.2 core; throws on any syntax problem (the caller falls back to
 * `yaml`) and past `maxDepth` levels. `onOddNumber` hears of every number not
 * written plainly (see isPlainNumber). `knownClean`: the text holds none of
 * the characters subset-yaml's REFUSED lists (decode found out).
 */
export function fastParseYaml(text: string, onOddNumber?: (source: string) => void, maxDepth = 100, knownClean = false): unknown {
  return fastParse(text, onOddNumber, maxDepth, knownClean).data;
}

/**
 * fastParseYaml, telling also whether the data is known to hold no collection
 * nested deeper than `maxDepth - 2` levels below the root (the subset reader
 * gives up past that; js-yaml's limit is not as exact, so its data is not known).
 */
export function fastParse(text: string, onOddNumber: ((source: string) => void) | undefined, maxDepth: number, knownClean: boolean): { readonly data: unknown; readonly shallow: boolean } {
  // The report subset first (over twice as fast); its odd numbers are told only if it reads the whole text.
  if (Array.isArray(CORE_IMPLICIT)) {
    const odd: string[] = [];
    sink = onOddNumber && ((s) => { odd.push(s); });
    let data: unknown;
    try {
      data = parseSubset(text, maxDepth, CORE_IMPLICIT, knownClean);
    } finally {
      sink = undefined;
    }
    if (data !== GIVE_UP) {
      for (const s of odd) onOddNumber!(s);
      return { data, shallow: true };
    }
  }
  return { data: jsYamlParse(text, onOddNumber, maxDepth), shallow: false };
}

/** fastParseYaml through js-yaml alone: what the subset reader must agree with. */
export function jsYamlParse(text: string, onOddNumber?: (source: string) => void, maxDepth = 100): unknown {
  sink = onOddNumber;
  sectionStart = undefined;
  // A syntax error is the usual reason to be here: its stack is never shown, and capturing one costs more than the parse.
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    // maxDepth is in js-yaml 4.1.1+ but not in its type definitions.
    return jsyaml.load(text, { schema: CORE, json: false, maxDepth, listener: refuseAnchors } as jsyaml.LoadOptions);
  } catch (e) {
    if (e !== null && typeof e === 'object') (e as FastParseError).sectionStart = sectionStart;
    throw e;
  } finally {
    Error.stackTraceLimit = limit;
    sink = undefined;
  }
}

/** What fastParseYaml throws: js-yaml's error, plus where the top-level entry being read began. */
export interface FastParseError extends Error {
  readonly mark?: { readonly line: number; readonly column: number; readonly position: number };
  readonly reason?: string;
  /** Offset of the line of the last key of the top mapping that was begun (a line start), if any. */
  sectionStart?: number;
}
