export { buildSchema } from '../src/schema/build-schema.js';
export { buildSchema2019 } from '../src/schema/build-schema-2019.js';
export { schemaToTypeScript } from '../src/schema/to-typescript.js';
import { precompileTemplatesStep } from '../src/render/precompile.js';
/** Build steps run by scripts/build.mjs after the schema (each: ({ root, writeIfChanged }) => Promise<void>). */
export const buildSteps = [precompileTemplatesStep];
