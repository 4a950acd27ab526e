// The fast path: js-yaml with a schema that reads scalars exactly as the `yaml`
// package's YAML 1.2 core schema does (dates and `yes` stay strings, no 0b or
// underscores), so both parsers give the same data (see tests/differential).
import jsyaml from 'js-yaml';

const INT = /^[-+]?[0-9]+$/;
const OCT = /^0o[0-7]+$/;
const HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const INF = /^[-+]?\.(?:inf|Inf|INF)$/;
const NAN = /^\.(?:nan|NaN|NAN)$/;

const coreInt = new jsyaml.Type('tag:yaml.org,2002:int', {
  kind: 'scalar',
  resolve: (s: string) => INT.test(s) || OCT.test(s) || HEX.test(s),
  construct: (s: string) => (OCT.test(s) ? parseInt(s.slice(2), 8) : HEX.test(s) ? parseInt(s.slice(2), 16) : Number(s)),
});

const coreFloat = new jsyaml.Type('tag:yaml.org,2002:float', {
  kind: 'scalar',
  resolve: (s: string) => FLOAT.test(s) || INF.test(s) || NAN.test(s),
  construct: (s: string) => (NAN.test(s) ? NaN : INF.test(s) ? (s.startsWith('-') ? -Infinity : Infinity) : Number(s)),
});

// `types` is exported by js-yaml 4 but missing from its type definitions.
const types = (jsyaml as unknown as { types: Record<string, InstanceType<typeof jsyaml.Type>> }).types;
const CORE = new jsyaml.Schema({
  implicit: [types.null!, types.bool!, coreInt, coreFloat],
  explicit: [types.str!, types.seq!, types.map!, types.null!, types.bool!, coreInt, coreFloat],
});

/** Parses YAML 1.2 core; throws on any syntax problem (the caller falls back to `yaml`). */
export function fastParseYaml(text: string): unknown {
  return jsyaml.load(text, { schema: CORE, json: false });
}
