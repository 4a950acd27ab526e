// Bytes → text for the importer. Unlike the data-file loader it never refuses
// text: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (which
// covers GBK and GB2312), chosen by which decodes without errors.
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
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8', lossy: false };
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
