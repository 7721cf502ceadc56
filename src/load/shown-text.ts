/** A value as a message quotes it: at most `max` characters, so a pasted essay or a 100k-digit number stays one line. */
export function shownText(text: string, max = 30): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max).join('')}…（共 ${chars.length} 个字符）` : text;
}
