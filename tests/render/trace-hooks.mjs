// Module hooks (registered by trace-register.mjs): append every ES module URL
// the process loads to the file named by XXGK_TRACE_FILE.
import { appendFileSync } from 'node:fs';

let out;
export function initialize(data) { out = data.out; }
export async function load(url, context, next) {
  if (out) appendFileSync(out, url + '\n');
  return next(url, context);
}
