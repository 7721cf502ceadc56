import type { PackGroup } from './pack-group.js';

/** `2023年度绩效自评表汇编`: cover title and the pack PDF's title. */
export function packTitle(group: Pick<PackGroup, 'year'>): string {
  return `${group.year}年度绩效自评表汇编`;
}
