import { isScalar, isSeq, type Document } from 'yaml';
import { NatureSpellings } from './nature-spellings.js';

export interface NormalisedNature {
  offset: number;
  path: readonly (string | number)[];
  written: string;
  sign: string;
}

/**
 * Rewrites each `indicators[i].nature` spelt as in `NatureSpellings` (`>=`, `＞＝`, `≧`, …) to the
 * sign itself, in the document, so scoring and printing see only `≥ ≤ =`; returns what it
 * rewrote. `written` holds the text at offsets `unfoldNatureSigns` already replaced.
 */
export function normaliseNatures(doc: Document, written: ReadonlyMap<number, string>): NormalisedNature[] {
  const indicators = doc.get('indicators', true);
  if (!isSeq(indicators)) return [];
  const normalised: NormalisedNature[] = [];
  indicators.items.forEach((_, index) => {
    const node = doc.getIn(['indicators', index, 'nature'], true);
    if (!isScalar(node) || typeof node.value !== 'string') return;
    const offset = node.range?.[0] ?? 0;
    const text = written.get(offset) ?? node.value;
    const sign = NatureSpellings[text];
    if (sign === undefined) return;
    node.value = sign;
    normalised.push({ offset, path: ['indicators', index, 'nature'], written: text, sign });
  });
  return normalised;
}
