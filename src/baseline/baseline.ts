// A baseline records the findings a report already had, so that old reports
// can be adopted and only new mistakes fail. A finding is matched by file
// (relative to the baseline's folder), rule id and cell pointer — never by
// line, so that editing other parts of a file does not break the match. The
// same key recorded N times suppresses at most N findings. A parse error
// (the file could not be read, so nothing in it was checked) is never
// recorded and never hidden, even by a hand-written entry.
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { LocatedFinding } from '../diagnostics/finding.js';
import { isFixedRule } from '../config/config.js';

export const BASELINE_VERSION = 1;

export interface BaselineEntry {
  readonly file: string;
  readonly ruleId: string;
  readonly pointer: string;
  /** How many findings share this key (default 1). */
  readonly count?: number;
}

export interface Baseline {
  readonly version: typeof BASELINE_VERSION;
  readonly findings: readonly BaselineEntry[];
}

/** A baseline file that is not JSON (`detail`: the parser's message) or not of the shape written by makeBaseline. */
export class BaselineError extends Error {
  constructor(readonly code: 'syntax' | 'shape', readonly file: string, readonly detail?: string) {
    super(`${file}: ${code === 'syntax' ? detail : `not a baseline (version ${BASELINE_VERSION})`}`);
  }
}

/** The file's path as recorded: relative to the baseline's folder, with '/' separators. */
export function baselinePath(file: string, cwd: string, baselineFile: string): string {
  if (file === '-' || file === '<input>') return file;
  const abs = isAbsolute(file) ? file : resolve(cwd, file);
  return relative(dirname(resolve(cwd, baselineFile)), abs).split(sep).join('/');
}

const keyOf = (file: string, ruleId: string, pointer: string) => JSON.stringify([file, ruleId, pointer]);

/** Builds a baseline from findings. Pure; `cwd` and `baselineFile` only place paths. */
export function makeBaseline(findings: readonly LocatedFinding[], cwd: string, baselineFile: string): Baseline {
  const counts = new Map<string, { entry: Omit<BaselineEntry, 'count'>; n: number }>();
  for (const f of findings) {
    if (isFixedRule(f.ruleId)) continue;
    const entry = { file: baselinePath(f.file, cwd, baselineFile), ruleId: f.ruleId, pointer: f.pointer };
    const k = keyOf(entry.file, entry.ruleId, entry.pointer);
    const c = counts.get(k);
    if (c) c.n++;
    else counts.set(k, { entry, n: 1 });
  }
  const entries = [...counts.values()]
    .map(({ entry, n }) => (n > 1 ? { ...entry, count: n } : entry))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : a.pointer < b.pointer ? -1 : a.pointer > b.pointer ? 1 : 0));
  return { version: BASELINE_VERSION, findings: entries };
}

export function serializeBaseline(b: Baseline): string {
  return JSON.stringify(b, null, 2) + '\n';
}

/** Parses a baseline file's text; `file` only names it in a BaselineError. */
export function parseBaseline(text: string, file: string): Baseline {
  let doc: unknown;
  try {
    doc = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw new BaselineError('syntax', file, (e as Error).message);
  }
  const bad = () => new BaselineError('shape', file);
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw bad();
  const { version, findings } = doc as { version?: unknown; findings?: unknown };
  if (version !== BASELINE_VERSION || !Array.isArray(findings)) throw bad();
  for (const e of findings as unknown[]) {
    const x = e as Record<string, unknown>;
    if (!x || typeof x !== 'object' || typeof x.file !== 'string' || typeof x.ruleId !== 'string' || typeof x.pointer !== 'string') throw bad();
    if (x.count !== undefined && !(Number.isSafeInteger(x.count) && (x.count as number) > 0)) throw bad();
  }
  return { version: BASELINE_VERSION, findings: findings as BaselineEntry[] };
}

/** Removes the findings the baseline records. Pure. */
export function applyBaseline(findings: readonly LocatedFinding[], baseline: Baseline, cwd: string, baselineFile: string): { kept: LocatedFinding[]; suppressed: number } {
  const left = new Map<string, number>();
  for (const e of baseline.findings) {
    const k = keyOf(e.file, e.ruleId, e.pointer);
    left.set(k, (left.get(k) ?? 0) + (e.count ?? 1));
  }
  const kept: LocatedFinding[] = [];
  let suppressed = 0;
  for (const f of findings) {
    if (isFixedRule(f.ruleId)) {
      kept.push(f);
      continue;
    }
    const k = keyOf(baselinePath(f.file, cwd, baselineFile), f.ruleId, f.pointer);
    const n = left.get(k) ?? 0;
    if (n > 0) {
      left.set(k, n - 1);
      suppressed++;
    } else {
      kept.push(f);
    }
  }
  return { kept, suppressed };
}
