/**
 * Text from forms (names, notes, values in messages) must not drive the terminal: an ESC in a
 * YAML string could draw a fake “✓ 全部通过” line or hide an error. C0 controls except tab and
 * line feed, DEL, C1 controls and the bidirectional overrides (Trojan Source, CVE-2021-42574)
 * are written as \uXXXX — which inside a JSON string reads back as the same character.
 */
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

export function terminalText(text: string): string {
  return text.replace(UNSAFE, (char) => `\\u${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}
