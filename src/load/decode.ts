// Bytes → text: BOMs, UTF-8, and GB18030/GBK (common on clerks' Windows machines).
// Two entry points, on purpose: decode() for the data files, which refuses
// binary and flags control characters (a data file must be text the loader can
// place findings in, so bytes that fail UTF-8 and GB18030 are an error), and
// decodeText()/decodeHtml() for the importer, which reads published pages and
// never refuses them (stray bad bytes are replaced and reported as lossy; an
// HTML page's declared charset is honoured).
import { REFUSED } from './subset-yaml.js';
export interface Decoded {
  readonly text: string;
  /** Set when the text was not UTF-8. */
  readonly encoding?: 'GB18030' | 'UTF-16LE' | 'UTF-16BE';
  readonly binary?: boolean;
  /** The text holds a control character (a stray one; in bulk it is binary). */
  readonly control?: boolean;
  /** None of the characters the subset YAML reader refuses (one scan here instead of two). */
  readonly clean?: boolean;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

// Control characters other than tab, LF, CR, FF mean the bytes are not text.
export const CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/;
const CONTROLS = new RegExp(CONTROL.source, 'g');

export function decode(bytes: Uint8Array): Decoded {
  const b0 = bytes[0], b1 = bytes[1];
  if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf) return checkText(utf8.decode(bytes.subarray(3)));
  if (b0 === 0xff && b1 === 0xfe) return checkText(new TextDecoder('utf-16le').decode(bytes.subarray(2)), 'UTF-16LE');
  if (b0 === 0xfe && b1 === 0xff) return checkText(new TextDecoder('utf-16be').decode(bytes.subarray(2)), 'UTF-16BE');
  const wide = utf16WithoutBom(bytes);
  if (wide) {
    try {
      return checkText(new TextDecoder(wide === 'UTF-16LE' ? 'utf-16le' : 'utf-16be', { fatal: true }).decode(bytes), wide);
    } catch { /* not UTF-16 after all */ }
  }
  try {
    return checkText(utf8.decode(bytes));
  } catch {
    try {
      return checkText(new TextDecoder('gb18030', { fatal: true }).decode(bytes), 'GB18030');
    } catch {
      return { text: '', binary: true };
    }
  }
}

// A NUL, or control characters in bulk, mean the bytes are not text; a stray
// one (U+000B is Word's manual line break) is text the loader places.
function checkText(text: string, encoding?: Decoded['encoding']): Decoded {
  // REFUSED holds every CONTROL character: text without them is clean for both.
  if (!REFUSED.test(text)) return encoding ? { text, encoding, clean: true } : { text, clean: true };
  if (CONTROL.test(text)) {
    if (text.includes('\u0000')) return { text: '', binary: true };
    const most = Math.max(8, text.length / 100);
    let n = 0;
    for (const _ of text.matchAll(CONTROLS)) if (++n > most) return { text: '', binary: true };
    return encoding ? { text, encoding, control: true } : { text, control: true };
  }
  return encoding ? { text, encoding } : { text };
}

// Notepad's "Unicode" without a BOM: ASCII keys leave a zero in every other byte.
function utf16WithoutBom(bytes: Uint8Array): 'UTF-16LE' | 'UTF-16BE' | undefined {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return undefined;
  const n = Math.min(bytes.length, 4096);
  // No zero byte at all (a native search): not UTF-16, and the usual case.
  if (bytes.subarray(0, n).indexOf(0) < 0) return undefined;
  let evenZeros = 0, oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  // CJK text has a zero in the other byte now and then (U+4E00 is 00 4E).
  if (oddZeros > pairs * 0.3 && evenZeros * 4 < oddZeros) return 'UTF-16LE';
  if (evenZeros > pairs * 0.3 && oddZeros * 4 < evenZeros) return 'UTF-16BE';
  return undefined;
}

// ── The importer's entry points ─────────────────────────────────────────
export type TextEncoding = 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | 'GB18030';

export interface DecodedText {
  readonly text: string;
  readonly encoding: TextEncoding;
  /** True when some bytes could not be decoded and were replaced. */
  readonly lossy: boolean;
}

export function decodeText(bytes: Uint8Array): DecodedText {
  const [b0, b1, b2] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return lenient(bytes.subarray(3), 'utf-8', 'UTF-8');
  if (b0 === 0xff && b1 === 0xfe) return lenient(bytes.subarray(2), 'utf-16le', 'UTF-16LE');
  if (b0 === 0xfe && b1 === 0xff) return lenient(bytes.subarray(2), 'utf-16be', 'UTF-16BE');
  try {
    return { text: utf8.decode(bytes), encoding: 'UTF-8', lossy: false };
  } catch { /* not UTF-8 */ }
  // UTF-8 with a stray bad byte or two (a cut download) stays UTF-8: GB18030 would turn it all to mojibake.
  const loose = lenient(bytes, 'utf-8', 'UTF-8');
  const bad = loose.text.split('\ufffd').length - 1;
  if (bad <= Math.max(2, loose.text.length / 1000) && /[\u4e00-\u9fff]/.test(loose.text)) return loose;
  try {
    return { text: new TextDecoder('gb18030', { fatal: true }).decode(bytes), encoding: 'GB18030', lossy: false };
  } catch { /* neither: keep what UTF-8 can read */ }
  return lenient(bytes, 'utf-8', 'UTF-8');
}

function lenient(bytes: Uint8Array, label: string, encoding: TextEncoding): DecodedText {
  const text = new TextDecoder(label).decode(bytes);
  return { text, encoding, lossy: text.includes('\ufffd') };
}

/** The charset an HTML page declares in its first bytes, if any. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  return m?.[1]?.toLowerCase();
}

/** Decodes an HTML page, honouring a declared GBK/GB2312/GB18030 charset. */
export function decodeHtml(bytes: Uint8Array): DecodedText {
  const cs = declaredCharset(bytes);
  if (cs && /^(gbk|gb2312|gb18030|x-gbk)$/.test(cs) && !(bytes[0] === 0xef && bytes[1] === 0xbb)) {
    try {
      return { text: new TextDecoder('gb18030', { fatal: true }).decode(bytes), encoding: 'GB18030', lossy: false };
    } catch { /* mislabelled: fall through to detection */ }
  }
  return decodeText(bytes);
}
