import { parseDocument } from 'yaml';

type Path = readonly (string | number)[];

/**
 * The scalar texts of a YAML source, read by path: how a number was written (`"1,190,000.00"`)
 * before the schema made it a Decimal. Parsed on first use only, since most diffs show no
 * decimals. Failsafe schema, as the loader: every scalar is its text.
 */
export function writtenValues(text: string | undefined): (path: Path) => string | undefined {
  let data: unknown;
  let parsed = false;
  return (path) => {
    if (text === undefined) return undefined;
    if (!parsed) {
      parsed = true;
      data = parseDocument(text, { schema: 'failsafe', uniqueKeys: false }).toJS({ maxAliasCount: 100 });
    }
    let value = data;
    for (const segment of path) {
      if (typeof value !== 'object' || value === null) return undefined;
      value = (value as Record<string | number, unknown>)[segment];
    }
    return typeof value === 'string' ? value.trim() : undefined;
  };
}
