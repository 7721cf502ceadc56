/** Seconds of 9999-12-31T23:59:59Z: PDF and OOXML dates have four-digit years. */
const LAST_SECOND = 253_402_300_799;
/** From here on (year 5138) a value is milliseconds or nanoseconds given where seconds belong. */
const SURELY_NOT_SECONDS = 100_000_000_000;

/**
 * What is wrong with SOURCE_DATE_EPOCH (https://reproducible-builds.org/specs/source-date-epoch/:
 * an integer count of seconds), or undefined when it is unset or fine. The CLI refuses to start
 * with a bad one: it would otherwise be ignored or write year-5969 dates into every file.
 */
export function sourceDateProblem(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined) return undefined;
  if (!/^\d+$/.test(epoch)) return `环境变量 SOURCE_DATE_EPOCH=“${epoch}”不是整数秒（如 1704067200）`;
  const seconds = Number(epoch);
  if (seconds >= SURELY_NOT_SECONDS) return `环境变量 SOURCE_DATE_EPOCH=${epoch} 超出范围：应为秒数，这像是毫秒（去掉末尾三位）`;
  if (seconds > LAST_SECOND) return `环境变量 SOURCE_DATE_EPOCH=${epoch} 超出范围（最晚 ${LAST_SECOND}）`;
  return undefined;
}

/**
 * The date written into outputs: SOURCE_DATE_EPOCH (seconds) when set, so builds are
 * reproducible, else now. Callers run after the CLI checked it with sourceDateProblem.
 */
export function sourceDate(env: NodeJS.ProcessEnv = process.env, now: () => Date = () => new Date()): Date {
  const problem = sourceDateProblem(env);
  if (problem) throw new Error(problem);
  return env.SOURCE_DATE_EPOCH === undefined ? now() : new Date(Number(env.SOURCE_DATE_EPOCH) * 1000);
}
