export { buildSchema } from '../src/schema/build-schema.js';
export { schemaToTypeScript } from '../src/schema/to-typescript.js';
