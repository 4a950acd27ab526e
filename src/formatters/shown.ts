import type { LocatedFinding } from '../diagnostics/finding.js';
import type { FormatContext } from './types.js';

/** The findings a formatter prints: errors only under --quiet. */
export const shown = (findings: readonly LocatedFinding[], ctx: Pick<FormatContext, 'quiet'>): readonly LocatedFinding[] =>
  ctx.quiet ? findings.filter((f) => f.severity === 'error') : findings;

// Control characters (C0, DEL, C1: ESC starts terminal sequences such as OSC 52, which writes the clipboard)
// and bidirectional overrides (they reorder what the terminal shows) are never printed raw.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Text for a terminal or log: each unsafe character as its code, `<U+001B>`. */
export const visible = (s: string): string => s.replace(UNSAFE, (c) => `<U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`);
