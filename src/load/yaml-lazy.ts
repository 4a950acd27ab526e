// The `yaml` package, loaded on first use: most files never need it (js-yaml
// reads them and yaml-index.ts places their findings). The build puts it in
// its own file (dist/yaml.cjs) so that it is not even compiled on a start
// that never uses it; from the sources it comes from node_modules.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

type Yaml = typeof import('yaml');

let lib: Yaml | undefined;

export function yaml(): Yaml {
  if (!lib) {
    const req = createRequire(import.meta.url);
    const own = ['./yaml.cjs', '../yaml.cjs'].map((p) => fileURLToPath(new URL(p, import.meta.url))).find((p) => existsSync(p));
    lib = req(own ?? 'yaml') as Yaml;
  }
  return lib;
}
