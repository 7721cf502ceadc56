import { incrementalUpdate } from '../../src/archive/pdf/incremental-update.js';
import { readPdfStructure } from '../../src/archive/pdf/pdf-structure.js';

/** The file with one byte flipped at `offset` (inside the first signed range for offsets past the header). */
export function flipByte(bytes: Uint8Array, offset: number): Uint8Array {
  const copy = new Uint8Array(bytes);
  copy[offset] ^= 0x01;
  return copy;
}

/**
 * A valid incremental update after signing, as an editor would write it: a new document-info
 * dictionary, appended and not signed. Viewers show the changed file; the signature no longer
 * covers all of it.
 */
export async function appendUnsignedUpdate(bytes: Uint8Array): Promise<Uint8Array> {
  const structure = await readPdfStructure(bytes);
  const number = structure.nextObjectNumber;
  const info = `${number} 0 obj\n<< /Title (changed after signing) /Producer (an editor) >>\nendobj`;
  const update = incrementalUpdate(bytes, { ...structure, info: undefined }, [{ number, generation: 0, text: info }]);
  // The new trailer points /Info at the new dictionary.
  const text = Buffer.from(update.bytes).toString('latin1').replace('/Prev ', `/Info ${number} 0 R\n/Prev `);
  return Buffer.concat([bytes, Buffer.from(text, 'latin1')]);
}
