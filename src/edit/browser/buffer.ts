// `Buffer` in the editor bundle: the .docx reader writes the zip it hands to
// mammoth with Buffer.alloc, writeUInt16LE/writeUInt32LE and Buffer.concat
// (src/import/zip.ts); these, over Uint8Array, are all it uses. JSZip asks
// Buffer.isBuffer, answered no.
class BrowserBuffer extends Uint8Array {
  static isBuffer(_: unknown): boolean { return false; }
  static alloc(n: number): BrowserBuffer { return new BrowserBuffer(n); }
  static concat(list: readonly Uint8Array[]): BrowserBuffer {
    const out = new BrowserBuffer(list.reduce((n, b) => n + b.length, 0));
    let at = 0;
    for (const b of list) { out.set(b, at); at += b.length; }
    return out;
  }
  writeUInt16LE(v: number, at: number): number { new DataView(this.buffer, this.byteOffset).setUint16(at, v, true); return at + 2; }
  writeUInt32LE(v: number, at: number): number { new DataView(this.buffer, this.byteOffset).setUint32(at, v >>> 0, true); return at + 4; }
}

export { BrowserBuffer as Buffer };
