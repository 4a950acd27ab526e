// A .docx is a zip, and a zip can lie: a few hundred KB may inflate to
// gigabytes, the sizes it declares may be false, and bytes may be put in
// front of it (a reader that trusts the offsets it records then looks in the
// wrong place). So the archive is read here, not by the Word reader: the
// central directory is found from its end record wherever it sits, only the
// entries asked for are inflated, each with a hard cap on its output, and the
// Word reader is given a clean archive built from what was inflated.
import { crc32, inflateRawSync } from 'node:zlib';

export interface ZipLimits {
  /** Inflated bytes of any one entry. */
  readonly entry: number;
  /** Inflated bytes of all the entries read. */
  readonly total: number;
  /** Entries in the directory. */
  readonly entries: number;
}

/** A Word report's text and table parts inflate to a few MB (pictures are not inflated at all). */
export const ZIP_LIMITS: ZipLimits = { entry: 16 * 1024 * 1024, total: 32 * 1024 * 1024, entries: 10_000 };

export type ZipRefusal =
  | { readonly why: 'corrupt' }
  | { readonly why: 'too-large'; readonly what: 'zip-entry' | 'zip'; readonly limit: number; readonly entry?: string }
  | { readonly why: 'too-large'; readonly what: 'zip-entries'; readonly limit: number };

export type ZipRead = { readonly files: Map<string, Uint8Array> } | { readonly refused: ZipRefusal };

const u16 = (b: Uint8Array, o: number) => b[o]! | (b[o + 1]! << 8);
const u32 = (b: Uint8Array, o: number) => (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;

const EOCD = 0x06054b50, CENTRAL = 0x02014b50, LOCAL = 0x04034b50, ZIP64_LOCATOR = 0x07064b50;

/** The end-of-central-directory record: 22 bytes and a comment of up to 64 KB, at the end (trailing bytes tolerated). */
function findEnd(b: Uint8Array): number {
  let fallback = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (u32(b, i) !== EOCD) continue;
    if (i + 22 + u16(b, i + 20) === b.length) return i;
    if (fallback < 0) fallback = i;
  }
  return fallback;
}

/**
 * The entries for which `want(name)` holds, inflated. Declared sizes are not
 * trusted: each entry is inflated with its output capped at what is left of
 * the limits, so memory is bounded whatever the archive says.
 */
export function readZip(b: Uint8Array, want: (name: string) => boolean, limits: ZipLimits = ZIP_LIMITS): ZipRead {
  const corrupt = { refused: { why: 'corrupt' as const } };
  const end = findEnd(b);
  if (end < 0) return corrupt;
  const disk = u16(b, end + 4), cdDisk = u16(b, end + 6);
  const count = u16(b, end + 10), cdSize = u32(b, end + 12), cdOffset = u32(b, end + 16);
  // Zip64 (a locator just before the end record, or saturated fields): no report needs 4 GB or 65,535 entries.
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff || (end >= 20 && u32(b, end - 20) === ZIP64_LOCATOR)) {
    return { refused: { why: 'too-large', what: 'zip-entries', limit: limits.entries } };
  }
  if (disk !== 0 || cdDisk !== 0) return corrupt;
  if (count > limits.entries) return { refused: { why: 'too-large', what: 'zip-entries', limit: limits.entries } };
  // The directory ends where the end record starts; bytes put in front of the
  // archive shift every recorded offset by the same amount.
  const cdStart = end - cdSize;
  if (cdStart < 0 || (count > 0 && u32(b, cdStart) !== CENTRAL)) return corrupt;
  const shift = cdStart - cdOffset;
  const files = new Map<string, Uint8Array>();
  const names = new TextDecoder('utf-8');
  let left = limits.total;
  let at = cdStart;
  for (let n = 0; n < count; n++) {
    if (at + 46 > end || u32(b, at) !== CENTRAL) return corrupt;
    const flags = u16(b, at + 8), method = u16(b, at + 10);
    const compressed = u32(b, at + 20);
    const nameLen = u16(b, at + 28), extraLen = u16(b, at + 30), commentLen = u16(b, at + 32);
    const local = u32(b, at + 42) + shift;
    const name = names.decode(b.subarray(at + 46, at + 46 + nameLen));
    at += 46 + nameLen + extraLen + commentLen;
    if (at > end) return corrupt;
    if (!want(name) || files.has(name)) continue;
    if (flags & 1) return corrupt; // encrypted
    if (local < 0 || local + 30 > b.length || u32(b, local) !== LOCAL) return corrupt;
    const start = local + 30 + u16(b, local + 26) + u16(b, local + 28);
    // The directory's compressed size (the local header's may be 0 when a data descriptor follows).
    if (start + compressed > b.length) return corrupt;
    const data = b.subarray(start, start + compressed);
    const cap = Math.min(limits.entry, left);
    const tooLarge = () => ({ refused: cap === limits.entry
      ? { why: 'too-large' as const, what: 'zip-entry' as const, limit: limits.entry, entry: name }
      : { why: 'too-large' as const, what: 'zip' as const, limit: limits.total } });
    let out: Uint8Array;
    if (method === 0) {
      if (data.length > cap) return tooLarge();
      out = data;
    } else if (method === 8) {
      try {
        out = inflateRawSync(data, { maxOutputLength: Math.max(1, cap) });
      } catch (e) {
        if (e instanceof RangeError || (e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return tooLarge();
        return corrupt;
      }
    } else {
      return corrupt;
    }
    left -= out.length;
    files.set(name, out);
  }
  return { files };
}

/** A plain archive of the given files, stored without compression: what the Word reader is handed. */
export function writeZip(files: ReadonlyMap<string, Uint8Array>): Buffer {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const [name, data] of files) {
    const nameBytes = new TextEncoder().encode(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(0x800, 6);
    local.writeUInt32LE(crc, 14); local.writeUInt32LE(data.length, 18); local.writeUInt32LE(data.length, 22); local.writeUInt16LE(nameBytes.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(CENTRAL, 0); dir.writeUInt16LE(20, 4); dir.writeUInt16LE(20, 6); dir.writeUInt16LE(0x800, 8);
    dir.writeUInt32LE(crc, 16); dir.writeUInt32LE(data.length, 20); dir.writeUInt32LE(data.length, 24); dir.writeUInt16LE(nameBytes.length, 28);
    dir.writeUInt32LE(offset, 42);
    parts.push(local, nameBytes, data);
    central.push(dir, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const cdSize = central.reduce((s, p) => s + p.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD, 0); end.writeUInt16LE(files.size, 8); end.writeUInt16LE(files.size, 10);
  end.writeUInt32LE(cdSize, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, ...central, end]);
}
