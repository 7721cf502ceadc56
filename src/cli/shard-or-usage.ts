import { shardFromSettings, ShardSettingError } from '../build/shard-from-environment.js';
import type { Shard } from '../build/shard.js';
import { UsageError } from './usage-error.js';

/** `--shard K/N` or `--shard auto` (with `--shard-count`), see shardFromSettings; a bad one is bad usage. */
export function shardOrUsage(shard: string | undefined, shardCount: string | undefined): Shard | undefined {
  try {
    return shardFromSettings(shard, shardCount);
  } catch (error) {
    if (error instanceof ShardSettingError) throw new UsageError(error.message);
    throw error;
  }
}
