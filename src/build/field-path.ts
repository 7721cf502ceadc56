/** `indicators[3].note` → ['indicators', 3, 'note'] (the inverse of the loader's formatPath). */
export function parseFieldPath(path: string): (string | number)[] {
  const parts: (string | number)[] = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    parts.push(match[2] !== undefined ? Number(match[2]) : match[1]);
  }
  return parts;
}
