// `report schema`: the JSON Schema of the data file, as shipped in schemas/.
import type { CliIO } from '../cli/io.js';
import type { GlobalOptions } from '../cli.js';
import { buildSchema } from '../schema/build-schema.js';

export async function schemaCommand(_g: GlobalOptions, io: CliIO): Promise<number> {
  io.stdout(JSON.stringify(buildSchema(), null, 2) + '\n');
  return 0;
}
