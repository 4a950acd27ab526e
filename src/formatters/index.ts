// Formatter registry: each loaded only when chosen.
import type { FormatContext, Formatter, FormatterStream } from './types.js';

export const FORMATTERS: Record<string, () => Promise<Formatter>> = {
  stylish: async () => (await import('./stylish.js')).stylish,
  json: async () => (await import('./json.js')).json,
  sarif: async () => (await import('./sarif.js')).sarif,
  github: async () => (await import('./github.js')).github,
  junit: async () => (await import('./junit.js')).junit,
};

/** Formatters that list every file checked, clean ones too (the others are given only files with findings). */
export const LISTS_CLEAN_FILES: ReadonlySet<string> = new Set(['junit']);

/** Formatters that print file by file (the others need every result first). */
export const STREAMS: Record<string, () => Promise<(ctx: Omit<FormatContext, 'fileCount'>) => FormatterStream>> = {
  stylish: async () => (await import('./stylish.js')).stylishStream,
  json: async () => (await import('./json.js')).jsonStream,
  github: async () => (await import('./github.js')).githubStream,
};

export type { Formatter, FileResult, FormatContext, FormatterStream } from './types.js';
