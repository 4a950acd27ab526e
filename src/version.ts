// Replaced at build time from package.json.
declare const __XXGK_VERSION__: string;
export const VERSION: string = typeof __XXGK_VERSION__ === 'string' ? __XXGK_VERSION__ : '0.0.0-dev';
