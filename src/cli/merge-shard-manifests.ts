import { mergeManifests, MergeManifestsError } from '../build/merge-manifests.js';
import { outputFolder } from '../build/project/project-settings.js';
import { currentProject } from './build-settings.js';
import { formatDiagnostic } from './format-diagnostic.js';
import { diagnostic, result } from './output.js';
import { UsageError } from './usage-error.js';

/** `ziping build --merge-manifests [-o DIR]`: the shards' manifests in the output folder → one. */
export async function mergeShardManifests(values: { out?: string }): Promise<number> {
  const outDir = outputFolder(currentProject(), values.out);
  try {
    const merged = await mergeManifests(outDir);
    for (const problem of merged.diagnostics) diagnostic(`✗ ${problem.file}\n${formatDiagnostic(problem)}`);
    for (const file of merged.removed) diagnostic(`  已删除 ${file}（该表单未通过，不保留它的输出）`);
    result(`已合并 ${merged.parts.length} 个分片清单（共 ${merged.count} 片，${merged.entries} 个表单）→ ${merged.file}`);
    // As a build with a failed form: exit 1.
    return merged.diagnostics.length > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof MergeManifestsError) throw new UsageError(error.message);
    throw error;
  }
}
