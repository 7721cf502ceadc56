/**
 * `nature: >=` unquoted is a YAML folded-scalar header (`>`), a syntax error to the parser.
 * Those values become `≥` padded with spaces to the same length, so every offset the parser
 * reports still points into the text the user wrote. Returns the text to parse and what was
 * written at each rewritten offset (for the note that says so).
 */
export function unfoldNatureSigns(text: string): { text: string; written: Map<number, string> } {
  const written = new Map<number, string>();
  const unfolded = text.replace(NATURE_FOLD, (match: string, lead: string, sign: string, offset: number) => {
    written.set(offset + lead.length, sign);
    return `${lead}≥${' '.repeat(sign.length - 1)}`;
  });
  return { text: unfolded, written };
}

/** A `nature:` key (block, after `- `, or in `{ … }`) whose plain value is `>=` or `>＝`. */
const NATURE_FOLD = /((?:^[ \t]*(?:-[ \t]+)*|[{,][ \t]*)nature[ \t]*:[ \t]+)(>=|>＝)(?=[ \t]*(?:\r?$|[,}]|#))/gm;
