// The `yaml` package, loaded on first use: most files never need it (js-yaml
// reads them and yaml-index.ts places their findings), and evaluating it is
// a sizeable part of a one-file check's start-up.
import { createRequire } from 'node:module';

type Yaml = typeof import('yaml');
// Set by scripts/build.mjs: in the bundle, esbuild turns require('yaml') into
// a module that runs on its first call; from the sources Node loads it.
declare const __XXGK_BUNDLED__: boolean | undefined;

let lib: Yaml | undefined;

export function yaml(): Yaml {
  if (!lib) lib = typeof __XXGK_BUNDLED__ !== 'undefined' && __XXGK_BUNDLED__ ? (require('yaml') as Yaml) : (createRequire(import.meta.url)('yaml') as Yaml);
  return lib;
}
