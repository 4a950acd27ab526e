// Bytes → text: BOMs, UTF-8, and GB18030/GBK (common on clerks' Windows machines).
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
