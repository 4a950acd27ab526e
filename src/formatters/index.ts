// Formatter registry: each loaded only when chosen.
import type { Formatter } from './types.js';

export const FORMATTERS: Record<string, () => Promise<Formatter>> = {
  stylish: async () => (await import('./stylish.js')).stylish,
  json: async () => (await import('./json.js')).json,
  sarif: async () => (await import('./sarif.js')).sarif,
  github: async () => (await import('./github.js')).github,
  junit: async () => (await import('./junit.js')).junit,
};

export type { Formatter, FileResult, FormatContext } from './types.js';
