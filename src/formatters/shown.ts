import type { LocatedFinding } from '../diagnostics/finding.js';
import type { FormatContext } from './types.js';

/** The findings a formatter prints: errors only under --quiet. */
export const shown = (findings: readonly LocatedFinding[], ctx: Pick<FormatContext, 'quiet'>): readonly LocatedFinding[] =>
  ctx.quiet ? findings.filter((f) => f.severity === 'error') : findings;
