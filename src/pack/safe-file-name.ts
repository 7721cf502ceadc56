/** Characters Windows or POSIX refuse in a file name, and control characters. */
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f\u007f]/g;
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;
/** Well under the 255-byte limit of common file systems (a CJK character is 3 UTF-8 bytes). */
const MAX_CHARACTERS = 80;

/**
 * A department name as a file name that every file system and zip tool accepts: unsafe
 * characters become `_`, leading/trailing dots and blanks go, Chinese stays as it is.
 */
export function safeFileName(name: string): string {
  let safe = name.normalize('NFC').replace(UNSAFE, '_').replace(/\s+/g, ' ').trim().replace(/^[.\s]+|[.\s]+$/g, '');
  if ([...safe].length > MAX_CHARACTERS) safe = [...safe].slice(0, MAX_CHARACTERS).join('').trim();
  if (safe === '' || RESERVED.test(safe)) safe = `_${safe}`;
  return safe;
}
