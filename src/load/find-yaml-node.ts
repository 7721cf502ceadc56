import { isAlias, isMap, isScalar, isSeq, type Document, type Node, type Scalar } from 'yaml';

export interface FoundYamlNode {
  /** The node at the full path, or the deepest existing ancestor when `complete` is false. */
  node: Node | null;
  /** Key of the last map entry walked through (the field's own key when complete). */
  key: Scalar | null;
  complete: boolean;
}

/** Walks a parsed document along a field path (`['indicators', 2, 'actual']`), following aliases. */
export function findYamlNode(doc: Document, path: readonly PropertyKey[]): FoundYamlNode {
  let node = (doc.contents ?? null) as Node | null;
  let key: Scalar | null = null;
  for (const segment of path) {
    const current = isAlias(node) ? ((node.resolve(doc) ?? null) as Node | null) : node;
    if (isMap(current)) {
      const pair = current.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) return { node: current, key, complete: false };
      key = pair.key as Scalar;
      node = (pair.value ?? null) as Node | null;
      if (node === null) return { node: key, key, complete: true };
    } else if (isSeq(current) && typeof segment === 'number' && current.items[segment] !== undefined) {
      node = current.items[segment] as Node;
      key = null;
    } else {
      return { node: current, key, complete: false };
    }
  }
  return { node, key, complete: true };
}
