import { PdfKitClass } from './pdfmake-internals.js';

interface PdfReference {
  buffer: (Uint8Array | string)[] | Uint8Array;
  data: { Length?: number; Filter?: string };
  compress: boolean;
  uncompressedLength: number;
  write(chunk: Uint8Array | string): void;
  finalize(): void;
  /** Text written since the last binary chunk, joined once at the end. */
  pendingText?: string[];
}

let installed = false;

/**
 * pdfkit turns every content-stream operator into its own small Buffer (`Buffer.from(op +
 * '\n', 'binary')`) and concatenates them at the end: thousands of allocations per form
 * (~4 ms of copying and collection). Text operators are kept as strings and joined into one
 * Buffer when the stream is finalised; the bytes are the same (latin1 = pdfkit's 'binary').
 */
export function coalesceStreamWrites(): void {
  if (installed) return;
  installed = true;
  const scratch = new PdfKitClass({ autoFirstPage: false }) as unknown as { ref(data: object): object };
  const prototype = Object.getPrototypeOf(scratch.ref({})) as PdfReference;
  const { write, finalize } = prototype;
  const flushText = (reference: PdfReference) => {
    if (reference.pendingText && reference.pendingText.length > 0) {
      (reference.buffer as Uint8Array[]).push(Buffer.from(reference.pendingText.join(''), 'latin1'));
      reference.pendingText = [];
    }
  };
  prototype.write = function coalescedWrite(this: PdfReference, chunk) {
    if (chunk instanceof Uint8Array) {
      flushText(this);
      write.call(this, chunk);
      return;
    }
    const text = `${chunk}\n`;
    (this.pendingText ??= []).push(text);
    this.uncompressedLength += text.length;
    this.data.Length = (this.data.Length ?? 0) + text.length;
    if (this.compress) this.data.Filter = 'FlateDecode';
  };
  prototype.finalize = function coalescedFinalize(this: PdfReference) {
    flushText(this);
    finalize.call(this);
  };
}
