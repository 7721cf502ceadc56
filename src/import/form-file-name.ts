/** Longest name part kept, in characters: with the code and `.yaml` it stays far below the 255-byte limit of file systems. */
const MAX_NAME = 40;
const MAX_CODE = 40;

/**
 * `<code>-<name>.yaml` for an imported form. Both parts come from the export, so anything
 * that could leave the output folder or upset a file system is replaced: path separators,
 * `..`, control characters, characters Windows forbids, and leading/trailing dots and spaces.
 * The caller still checks that the resolved path stays inside the folder.
 */
export function formFileName(code: string, name: string): string {
  const safeCode = sanitise(code, MAX_CODE) || 'form';
  const safeName = sanitise(name, MAX_NAME);
  return safeName ? `${safeCode}-${safeName}.yaml` : `${safeCode}.yaml`;
}

function sanitise(text: string, max: number): string {
  const cleaned = text
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029/\\:*?"<>|]/g, '_')
    .replace(/\s+/g, '_')
    .replace(/\.{2,}/g, '_')
    .replace(/^[._]+|[._]+$/g, '');
  return [...cleaned].slice(0, max).join('').replace(/[._]+$/, '');
}
