/** At most 20 characters of a cell, for quoting it in a message. */
export function clipText(text: string): string {
  const chars = [...text.trim()];
  return chars.length > 20 ? `${chars.slice(0, 20).join('')}…` : chars.join('');
}
