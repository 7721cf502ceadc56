/** A cache kept across the documents of a batch, never holding more than its limit. */
export interface BoundedCache<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): void;
}

/** A Map that starts over when it reaches `max` entries: the entries worth keeping come back at once. */
export function createBoundedCache<K, V>(max: number): BoundedCache<K, V> {
  const entries = new Map<K, V>();
  return {
    get: (key) => entries.get(key),
    set: (key, value) => {
      if (entries.size >= max) entries.clear();
      entries.set(key, value);
    },
  };
}
