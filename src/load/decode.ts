// Bytes → text: BOMs, UTF-8, and GB18030/GBK (common on clerks' Windows machines).
export interface Decoded {
  readonly text: string;
  /** Set when the text was not UTF-8. */
  readonly encoding?: 'GB18030' | 'UTF-16LE' | 'UTF-16BE';
  readonly binary?: boolean;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

// Control characters other than tab, LF, CR, FF mean the bytes are not text.
const CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/;

export function decode(bytes: Uint8Array): Decoded {
  const b0 = bytes[0], b1 = bytes[1];
  if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf) return checkText(utf8.decode(bytes.subarray(3)));
  if (b0 === 0xff && b1 === 0xfe) return checkText(new TextDecoder('utf-16le').decode(bytes.subarray(2)), 'UTF-16LE');
  if (b0 === 0xfe && b1 === 0xff) return checkText(new TextDecoder('utf-16be').decode(bytes.subarray(2)), 'UTF-16BE');
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

function checkText(text: string, encoding?: Decoded['encoding']): Decoded {
  if (CONTROL.test(text)) return { text: '', binary: true };
  return encoding ? { text, encoding } : { text };
}
