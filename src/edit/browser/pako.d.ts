// pako ships no types; what the browser's zlib uses.
declare module 'pako' {
  export class Inflate {
    constructor(options: { raw: boolean; chunkSize?: number });
    onData: (chunk: Uint8Array) => void;
    onEnd: (status: number) => void;
    push(data: Uint8Array, last: boolean): boolean;
    err: number;
    msg: string;
  }
}
