// node:zlib for the browser bundle: the .docx reader (src/import/zip.ts) needs
// raw inflate and CRC-32; pako (jszip's inflater) gives the first.
import { Inflate } from 'pako';

/** Inflates in chunks and stops past maxOutputLength, as Node's does (a zip bomb never fills memory). */
export function inflateRawSync(data: Uint8Array, options: { maxOutputLength?: number } = {}): Uint8Array {
  const max = options.maxOutputLength ?? Infinity;
  const chunks: Uint8Array[] = [];
  let n = 0;
  const inf = new Inflate({ raw: true, chunkSize: 64 * 1024 });
  inf.onData = (c) => {
    n += c.length;
    if (n > max) throw Object.assign(new RangeError('Cannot create a Buffer larger than maxOutputLength'), { code: 'ERR_BUFFER_TOO_LARGE' });
    chunks.push(c);
  };
  inf.push(data, true);
  if (inf.err) throw new Error(inf.msg || 'invalid deflate data');
  const out = new Uint8Array(n);
  let at = 0;
  for (const c of chunks) { out.set(c, at); at += c.length; }
  return out;
}

let table: Uint32Array | undefined;
export function crc32(data: Uint8Array): number {
  table ??= Uint32Array.from({ length: 256 }, (_, n) => { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; return c >>> 0; });
  let c = 0xffffffff;
  for (const b of data) c = table[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
