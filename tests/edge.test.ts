// I/O at the edge: only src/cli.ts, src/cli/ and src/commands/ touch files,
// processes, the network, threads and the process's streams and environment;
// the core takes text or data and returns data or typed errors.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/cli.js';

const EDGE = /^src\/(cli\.ts$|cli\/|commands\/)/;

/** Modules of the core that must do I/O, each with its reason. Each entry must still be needed. */
const EXCEPTIONS: Record<string, string> = {
  'src/load/yaml-lazy.ts': 'a lazy module loader: looks for the bundled dist/yaml.cjs before requiring the yaml package',
  'src/render/precompile.ts': 'a build step (scripts/build.mjs), never run by the CLI: reads templates/*.hbs',
};

const IO_MODULES = new Set(['fs', 'fs/promises', 'child_process', 'net', 'http', 'https', 'http2', 'dgram', 'worker_threads', 'cluster']);
const PROCESS_IO = new Set(['env', 'argv', 'stdin', 'stdout', 'stderr', 'cwd', 'chdir', 'exit', 'exitCode', 'kill', 'on', 'once', 'off']);
const isIoModule = (spec: string) => IO_MODULES.has(spec.replace(/^node:/, ''));
// src/cli.ts or anything in src/cli/, from any folder of src/.
const isCli = (spec: string) => /^(\.\.?\/)+(?:[\w-]+\/)*(?:cli\/[\w.-]+|cli\.js)$/.test(spec);

/** What a module does that only the edge may do, read from its syntax tree (comments and strings are not code). */
function edgeUses(text: string): string[] {
  const found = new Set<string>();
  const spec = (s: string) => {
    if (isIoModule(s)) found.add('imports an I/O module');
    if (isCli(s)) found.add('imports the CLI');
  };
  const visit = (node: ts.Node): void => {
    // `import type` and `export type` vanish at build: no I/O.
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      if (!node.importClause?.isTypeOnly || isCli(node.moduleSpecifier.text)) spec(node.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      if (!node.isTypeOnly) spec(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.arguments.length && ts.isStringLiteralLike(node.arguments[0]!)
      && (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require'))) {
      spec(node.arguments[0].text);
    } else if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'process' && PROCESS_IO.has(node.name.text)) {
      found.add("uses the process's streams, arguments, environment or signals");
    }
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile('x.ts', text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS));
  return [...found].sort();
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? sources(p) : /\.ts$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

const files = sources(join(ROOT, 'src')).map((p) => relative(ROOT, p).split('\\').join('/')).sort();

describe('I/O at the edge', () => {
  it('the scan recognises what it looks for', () => {
    expect(edgeUses("import { readFileSync } from 'node:fs';")).toEqual(['imports an I/O module']);
    expect(edgeUses("import { open } from 'fs/promises';")).toEqual(['imports an I/O module']);
    expect(edgeUses("const { Worker } = await import('node:worker_threads');")).toEqual(['imports an I/O module']);
    expect(edgeUses("import {\n  spawn,\n} from 'node:child_process';")).toEqual(['imports an I/O module']);
    expect(edgeUses('const home = process.env.HOME;')).toEqual(["uses the process's streams, arguments, environment or signals"]);
    expect(edgeUses("process.stdout.write('x');")).toEqual(["uses the process's streams, arguments, environment or signals"]);
    expect(edgeUses("import { UsageError } from '../cli/io.js';")).toEqual(['imports the CLI']);
    expect(edgeUses("import type { GlobalOptions } from '../cli.js';")).toEqual(['imports the CLI']);
    // Not I/O: pure path arithmetic, types only, comments, strings, other names.
    expect(edgeUses("import { join } from 'node:path';\nimport type { Worker } from 'node:worker_threads';\n// process.env is read by the CLI\n/* import('node:fs') */\nconst s = \"process.env\";\nconst fsx = 1;")).toEqual([]);
    // The edge itself is found by the same scan.
    expect(edgeUses(readFileSync(join(ROOT, 'src/cli/read.ts'), 'utf8'))).toContain('imports an I/O module');
  });

  it('no module outside src/cli.ts, src/cli/ and src/commands/ does I/O or imports the CLI, but the listed exceptions', () => {
    expect(files.length).toBeGreaterThan(50);
    const found: Record<string, string[]> = {};
    for (const f of files) {
      if (EDGE.test(f)) continue;
      const uses = edgeUses(readFileSync(join(ROOT, f), 'utf8'));
      if (uses.length) found[f] = uses;
    }
    const unexpected = Object.fromEntries(Object.entries(found).filter(([f]) => !(f in EXCEPTIONS)));
    expect(unexpected, 'move this I/O to src/cli/ or src/commands/ (or list the module in EXCEPTIONS with its reason)').toEqual({});
    // An exception no longer needed is removed from the list.
    expect(Object.keys(EXCEPTIONS).filter((f) => !(f in found))).toEqual([]);
  });
});
