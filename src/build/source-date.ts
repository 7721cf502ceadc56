/**
 * The date written into outputs: SOURCE_DATE_EPOCH (seconds) when set, so builds are
 * reproducible (https://reproducible-builds.org/specs/source-date-epoch/), else now.
 */
export function sourceDate(env: NodeJS.ProcessEnv = process.env, now: () => Date = () => new Date()): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && /^\d+$/.test(epoch.trim())) return new Date(Number(epoch.trim()) * 1000);
  return now();
}
