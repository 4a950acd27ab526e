// A .docx is a zip: a few hundred KB can inflate to gigabytes (a zip bomb).
// Before a zip is handed to a reader that inflates it all in memory, every
// entry is inflated here with a hard cap on the output, so the declared sizes
// cannot lie.
import { inflateRawSync } from 'node:zlib';

/** A .docx report with pictures inflates to a few tens of MB at most. */
export const MAX_ZIP_EXPANDED = 64 * 1024 * 1024;
const MAX_ENTRIES = 10_000;

const u16 = (b: Uint8Array, o: number) => b[o]! | (b[o + 1]! << 8);
const u32 = (b: Uint8Array, o: number) => (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;

/**
 * Whether the zip inflates to at most `limit` bytes in all. A zip whose
 * structure cannot be read passes (the reader reports it); one that
 * inflates past the limit, or has absurdly many entries, does not.
 */
export function zipWithinLimit(bytes: Uint8Array, limit = MAX_ZIP_EXPANDED): boolean {
  // End of central directory: 22 bytes plus a comment of up to 64 KB, at the end.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (u32(bytes, i) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) return true;
  const entries = u16(bytes, eocd + 10);
  if (entries === 0xffff || entries > MAX_ENTRIES) return false;
  let at = u32(bytes, eocd + 16);
  let budget = limit;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50) return true;
    const method = u16(bytes, at + 10);
    const compressed = u32(bytes, at + 20);
    const declared = u32(bytes, at + 24);
    const local = u32(bytes, at + 42);
    at += 46 + u16(bytes, at + 28) + u16(bytes, at + 30) + u16(bytes, at + 32);
    if (compressed === 0xffffffff || declared === 0xffffffff) return false; // zip64: no report needs 4 GB
    if (declared > budget) return false;
    if (local + 30 > bytes.length || u32(bytes, local) !== 0x04034b50) return true;
    const start = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
    const data = bytes.subarray(start, Math.min(bytes.length, start + compressed));
    if (method === 0) {
      budget -= data.length;
    } else if (method === 8) {
      try {
        budget -= inflateRawSync(data, { maxOutputLength: Math.max(1, budget) }).length;
      } catch (e) {
        if (e instanceof RangeError || (e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return false;
        // Corrupt data: the reader reports it.
      }
    }
    if (budget < 0) return false;
  }
  return true;
}
