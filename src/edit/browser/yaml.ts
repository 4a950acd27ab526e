// The browser's `yaml` (the editor bundle): the package itself, imported. In
// Node the loader requires it lazily from dist/yaml.cjs (src/load/yaml-lazy.ts).
import * as Y from 'yaml';

export function yaml(): typeof Y { return Y; }
