import { parseShard, type Shard } from './shard.js';

/** A `--shard` request that cannot be met; bad usage (exit 2), naming what is missing or wrong. */
export class ShardSettingError extends Error {
  constructor(
    readonly code: 'E_SHARD' | 'E_SHARD_ENV',
    message: string,
  ) {
    super(`${message} [${code}]`);
  }
}

/** The environment variables `--shard auto` reads (the names the engines set, and ours). */
export const ShardEnv = {
  /** Kubernetes Indexed Job: the pod's index, 0-based (batch/v1 Job, completionMode: Indexed). */
  K8S_INDEX: 'JOB_COMPLETION_INDEX',
  /** The shard count where the engine does not say it (Kubernetes): equal to the Job's completions. */
  COUNT: 'ZIPING_SHARD_COUNT',
  /** GitLab CI `parallel: N`: this job's number, 1-based, and N. */
  GITLAB_INDEX: 'CI_NODE_INDEX',
  GITLAB_TOTAL: 'CI_NODE_TOTAL',
} as const;

/** An empty variable counts as unset (`FOO= cmd`, or a manifest's `value: ""`). */
const variable = (env: NodeJS.ProcessEnv, name: string) => (env[name] === undefined || env[name] === '' ? undefined : env[name]);

const wholeNumber = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN);

/**
 * `--shard K/N` as given; `--shard auto` from the engine running this copy: a Kubernetes Indexed
 * Job (JOB_COMPLETION_INDEX, 0-based; the count from `--shard-count` or ZIPING_SHARD_COUNT, as
 * Kubernetes does not pass its `completions` to the pod) or GitLab CI `parallel:` (CI_NODE_INDEX,
 * 1-based, and CI_NODE_TOTAL). A count the engine gives and one given here must agree. For a
 * GitHub Actions matrix pass `--shard ${{ matrix.shard }}/N` (it sets no such variables).
 */
export function shardFromSettings(given: string | undefined, countFlag: string | undefined, env: NodeJS.ProcessEnv = process.env): Shard | undefined {
  if (given === undefined) {
    if (countFlag !== undefined) throw new ShardSettingError('E_SHARD', '--shard-count 只能与 --shard auto 一起使用');
    return undefined;
  }
  if (given.trim() !== 'auto') {
    if (countFlag !== undefined) throw new ShardSettingError('E_SHARD', `--shard-count 只能与 --shard auto 一起使用（--shard ${given} 已含分片总数）`);
    const shard = parseShard(given);
    if (!shard) throw new ShardSettingError('E_SHARD', `--shard 应为 K/N（1 ≤ K ≤ N）或 auto，收到 ${given}`);
    return shard;
  }
  const k8s = variable(env, ShardEnv.K8S_INDEX);
  const gitlab = variable(env, ShardEnv.GITLAB_INDEX);
  if (k8s !== undefined && gitlab !== undefined) {
    throw new ShardSettingError('E_SHARD_ENV', `--shard auto：${ShardEnv.K8S_INDEX} 和 ${ShardEnv.GITLAB_INDEX} 都有值，无法确定用哪一个；请改用 --shard K/N`);
  }
  const count = countFrom(countFlag, env, gitlab !== undefined ? variable(env, ShardEnv.GITLAB_TOTAL) : undefined);
  if (k8s !== undefined) {
    const index = wholeNumber(k8s);
    if (Number.isNaN(index)) throw new ShardSettingError('E_SHARD_ENV', `--shard auto：${ShardEnv.K8S_INDEX} 应为从 0 开始的整数，收到 "${k8s}"`);
    if (count === undefined) {
      throw new ShardSettingError('E_SHARD_ENV', `--shard auto：有 ${ShardEnv.K8S_INDEX}=${index}，但缺少分片总数；请加 --shard-count N 或设置环境变量 ${ShardEnv.COUNT}（等于 Job 的 completions）`);
    }
    if (index >= count) throw new ShardSettingError('E_SHARD_ENV', `--shard auto：${ShardEnv.K8S_INDEX}=${index} 超出分片总数 ${count}（应为 0 到 ${count - 1}；Job 的 completions 与分片总数应相同）`);
    return { index: index + 1, count };
  }
  if (gitlab !== undefined) {
    const index = wholeNumber(gitlab);
    if (Number.isNaN(index) || index < 1) throw new ShardSettingError('E_SHARD_ENV', `--shard auto：${ShardEnv.GITLAB_INDEX} 应为从 1 开始的整数，收到 "${gitlab}"`);
    if (count === undefined) throw new ShardSettingError('E_SHARD_ENV', `--shard auto：有 ${ShardEnv.GITLAB_INDEX}=${index}，但缺少 ${ShardEnv.GITLAB_TOTAL}`);
    if (index > count) throw new ShardSettingError('E_SHARD_ENV', `--shard auto：${ShardEnv.GITLAB_INDEX}=${index} 超出分片总数 ${count}`);
    return { index, count };
  }
  throw new ShardSettingError(
    'E_SHARD_ENV',
    `--shard auto 需要环境变量 ${ShardEnv.K8S_INDEX}（Kubernetes Indexed Job）或 ${ShardEnv.GITLAB_INDEX}/${ShardEnv.GITLAB_TOTAL}（GitLab CI parallel），但都没有设置；其他环境请写 --shard K/N`,
  );
}

/** The count from the flag, ZIPING_SHARD_COUNT and the engine's own, each checked and all agreeing. */
function countFrom(flag: string | undefined, env: NodeJS.ProcessEnv, engine: string | undefined): number | undefined {
  const sources: [string, string][] = [];
  if (flag !== undefined) sources.push(['--shard-count', flag]);
  const fromEnv = variable(env, ShardEnv.COUNT);
  if (fromEnv !== undefined) sources.push([ShardEnv.COUNT, fromEnv]);
  if (engine !== undefined) sources.push([ShardEnv.GITLAB_TOTAL, engine]);
  const counts = sources.map(([name, text]) => {
    const count = wholeNumber(text);
    if (Number.isNaN(count) || count < 1) throw new ShardSettingError(name === '--shard-count' ? 'E_SHARD' : 'E_SHARD_ENV', `${name} 应为正整数，收到 "${text}"`);
    return count;
  });
  if (new Set(counts).size > 1) {
    throw new ShardSettingError('E_SHARD_ENV', `分片总数不一致：${sources.map(([name], i) => `${name}=${counts[i]}`).join('，')}`);
  }
  return counts[0];
}
