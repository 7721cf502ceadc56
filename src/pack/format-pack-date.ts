/** China Standard Time has no daylight saving: a fixed +8 h gives the local calendar date. */
const CHINA_OFFSET_MS = 8 * 3600 * 1000;

/** `2023年11月14日`: the date as a Chinese reader expects it, in Beijing time, the same on every machine. */
export function formatPackDate(date: Date): string {
  const local = new Date(date.getTime() + CHINA_OFFSET_MS);
  return `${local.getUTCFullYear()}年${local.getUTCMonth() + 1}月${local.getUTCDate()}日`;
}
