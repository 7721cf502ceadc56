import { deflateSync } from 'node:zlib';
import type { PDFObject } from 'pdf-lib';
import type { PdfStructure } from './pdf-structure.js';

export interface UpdateObject {
  number: number;
  generation: number;
  /** The whole `N G obj … endobj` text, ASCII. */
  text: string;
}

export interface IncrementalUpdate {
  bytes: Buffer;
  /** Where each object's text starts in `bytes`, by object number. */
  offsets: Map<number, number>;
}

function subsections(numbers: number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const n of numbers) {
    const last = runs.at(-1);
    if (last && last[0] + last[1] === n) last[1] += 1;
    else runs.push([n, 1]);
  }
  return runs;
}

function trailerEntries(structure: PdfStructure, size: number): string {
  const entry = (key: string, value: PDFObject | undefined) => (value ? `/${key} ${value.toString()}\n` : '');
  return `/Size ${size}\n/Root ${structure.root.toString()}\n${entry('Info', structure.info)}${entry('ID', structure.id)}/Prev ${structure.startXref}\n`;
}

/**
 * Appends objects to a PDF as an incremental update (ISO 32000-1 §7.5.6): the original bytes
 * stay as they are, a new cross-reference section lists the new and changed objects and
 * points back to the previous one. A file whose last section is a cross-reference stream
 * gets a stream again; a classic table gets a table.
 */
export function incrementalUpdate(original: Uint8Array, structure: PdfStructure, objects: UpdateObject[]): IncrementalUpdate {
  const endsWithEol = original.length > 0 && (original[original.length - 1] === 0x0a || original[original.length - 1] === 0x0d);
  const parts: Buffer[] = [];
  let offset = original.length;
  const push = (part: Buffer | string) => {
    const buffer = typeof part === 'string' ? Buffer.from(part, 'latin1') : part;
    parts.push(buffer);
    offset += buffer.length;
  };
  if (!endsWithEol) push('\n');
  const offsets = new Map<number, number>();
  const entries = new Map<number, { offset: number; generation: number }>();
  for (const object of [...objects].sort((a, b) => a.number - b.number)) {
    offsets.set(object.number, offset - original.length);
    entries.set(object.number, { offset, generation: object.generation });
    push(`${object.text}\n`);
  }
  const maxNumber = Math.max(structure.nextObjectNumber - 1, ...entries.keys());
  const xrefOffset = offset;
  if (!structure.xrefStream) {
    const numbers = [...entries.keys()].sort((a, b) => a - b);
    let table = 'xref\n';
    for (const [first, count] of subsections(numbers)) {
      table += `${first} ${count}\n`;
      for (let n = first; n < first + count; n += 1) {
        const entry = entries.get(n)!;
        table += `${String(entry.offset).padStart(10, '0')} ${String(entry.generation).padStart(5, '0')} n \n`;
      }
    }
    push(`${table}trailer\n<<\n${trailerEntries(structure, maxNumber + 1)}>>\nstartxref\n${xrefOffset}\n%%EOF\n`);
  } else {
    // The stream lists itself too; fields: type 1, 4-byte offset, 2-byte generation.
    const streamNumber = maxNumber + 1;
    entries.set(streamNumber, { offset: xrefOffset, generation: 0 });
    const numbers = [...entries.keys()].sort((a, b) => a - b);
    const rows = Buffer.alloc(numbers.length * 7);
    numbers.forEach((n, i) => {
      const entry = entries.get(n)!;
      rows.writeUInt8(1, i * 7);
      rows.writeUInt32BE(entry.offset, i * 7 + 1);
      rows.writeUInt16BE(entry.generation, i * 7 + 5);
    });
    const data = deflateSync(rows);
    const index = subsections(numbers).map(([first, count]) => `${first} ${count}`).join(' ');
    push(
      `${streamNumber} 0 obj\n<<\n/Type /XRef\n/W [1 4 2]\n/Index [${index}]\n${trailerEntries(structure, streamNumber + 1)}/Filter /FlateDecode\n/Length ${data.length}\n>>\nstream\n`,
    );
    push(data);
    push(`\nendstream\nendobj\nstartxref\n${xrefOffset}\n%%EOF\n`);
  }
  return { bytes: Buffer.concat(parts), offsets };
}
