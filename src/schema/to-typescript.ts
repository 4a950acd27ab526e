// Generates the TypeScript types of the data file from its JSON Schema, so the
// two cannot drift apart (a test checks the committed file is current).
type Schema = Record<string, any>;

const DEF_NAMES: Record<string, string> = { count: 'Count', amount: 'Amount', requestRow: 'RequestRow', reviewGroup: 'ReviewGroup', change: 'Change', money: 'Money' };

function typeOf(s: Schema, indent: string): string {
  if (s.$ref) return DEF_NAMES[String(s.$ref).replace('#/$defs/', '')] ?? 'unknown';
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (s.enum) return s.enum.map((v: unknown) => JSON.stringify(v)).join(' | ');
  switch (s.type) {
    case 'integer':
    case 'number': return 'number';
    case 'string': return 'string';
    case 'object': return objectType(s, indent);
    default: return 'unknown';
  }
}

function objectType(s: Schema, indent: string): string {
  const inner = indent + '  ';
  const required = new Set<string>(s.required ?? []);
  const lines = Object.entries<Schema>(s.properties ?? {}).map(([k, v]) => {
    const doc = v.title ? `${inner}/** ${v.title} */\n` : '';
    return `${doc}${inner}${k}${required.has(k) ? '' : '?'}: ${typeOf(v, inner)};`;
  });
  return `{\n${lines.join('\n')}\n${indent}}`;
}

export function schemaToTypeScript(schema: Schema, source = 'schemas/report.schema.json'): string {
  const out = [`// Generated from ${source} by scripts/build.mjs. Do not edit.`, ''];
  for (const [name, def] of Object.entries<Schema>(schema.$defs ?? {})) {
    const tsName = DEF_NAMES[name] ?? name;
    out.push(`/** ${def.title}：${def.description} */`);
    out.push(`export type ${tsName} = ${typeOf(def, '')};`, '');
  }
  out.push(`/** ${schema.title} */`);
  out.push(`export interface Report ${objectType(schema, '')}`, '');
  return out.join('\n');
}
