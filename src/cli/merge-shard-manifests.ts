import { mergeManifests, MergeManifestsError } from '../build/merge-manifests.js';
import { outputFolder } from '../build/project/project-settings.js';
import { currentProject } from './build-settings.js';
import { result } from './output.js';
import { UsageError } from './usage-error.js';

/** `ziping build --merge-manifests [-o DIR]`: the shards' manifests in the output folder → one. */
export async function mergeShardManifests(values: { out?: string }): Promise<number> {
  const outDir = outputFolder(currentProject(), values.out);
  try {
    const merged = await mergeManifests(outDir);
    result(`已合并 ${merged.parts.length} 个分片清单（共 ${merged.count} 片，${merged.entries} 个表单）→ ${merged.file}`);
    return 0;
  } catch (error) {
    if (error instanceof MergeManifestsError) throw new UsageError(error.message);
    throw error;
  }
}
