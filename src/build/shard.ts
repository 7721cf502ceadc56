import { createHash } from 'node:crypto';

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** `--shard 2/8` → { index: 2, count: 8 }, or null when malformed. */
export function parseShard(text: string): Shard | null {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!match) return null;
  const [index, count] = [Number(match[1]), Number(match[2])];
  return count >= 1 && index >= 1 && index <= count ? { index, count } : null;
}

/**
 * Stable partition: a form belongs to the shard its source path hashes to, so every machine
 * of a CI matrix agrees without talking to the others, and adding a form moves no other form.
 */
export function inShard(file: string, shard: Shard): boolean {
  const digest = createHash('sha256').update(file).digest();
  return digest.readUInt32BE(0) % shard.count === shard.index - 1;
}
