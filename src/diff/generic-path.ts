/** `['indicators', 2, 'actual']` → `indicators[].actual`: the key of the label tables. */
export function genericPath(path: readonly (string | number)[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += '[]';
    else text += text === '' ? segment : `.${segment}`;
  }
  return text;
}
