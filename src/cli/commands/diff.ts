import { loadFormats } from '../../build/load-template-sources.js';
import { formatFolders, templatesFolder } from '../../build/project/project-settings.js';
import { currentProject } from '../build-settings.js';
import { diffExitCode, diffGit, DiffInputError, diffPaths, formatDiffText, treeDiffToJson } from '../../diff/index.js';
import { formatDiagnostic } from '../format-diagnostic.js';
import { requireExistingPaths } from '../existing-paths.js';
import * as output from '../output.js';
import { UsageError } from '../usage-error.js';

export async function run(values: { git?: string; json?: boolean }, positionals: string[]): Promise<number> {
  if (values.git === undefined && positionals.length !== 2) throw new UsageError('请给出要比较的两个文件或两个文件夹：ziping diff OLD NEW');
  if (values.git === undefined) requireExistingPaths(positionals);
  let diff;
  try {
    // The project's formats too, so a form of its own variant compares with its own field names.
    const project = currentProject();
    const { registry } = loadFormats(templatesFolder(project, undefined), formatFolders(project));
    diff = values.git !== undefined ? await diffGit(values.git, positionals.length > 0 ? positionals : ['data'], registry) : await diffPaths(positionals[0], positionals[1], registry);
  } catch (error) {
    // Exit code 1 means "differences" here, so trouble of any kind must not end as main's 1.
    const internal = !(error instanceof DiffInputError);
    output.diagnostic(`${internal ? '内部错误（internal error）：' : '错误：'}${(error as Error).message}`);
    if (internal && process.env.ZIPING_DEBUG) process.stderr.write(`${(error as Error).stack}\n`);
    return 2;
  }
  if (diff.forms.length === 0) {
    // Nothing compared is no evidence of "no differences" (a misspelt path, `--git A B` in git's habit).
    const habit = values.git !== undefined && positionals.length > 0 ? `；--git 只接受一个版本，其后是路径：ziping diff --git ${values.git} [路径…]（“${positionals.join(' ')}”中没有表单）` : '';
    output.diagnostic(`错误：没有比较任何表单：没有找到 *.yaml 表单文件${habit} [E_NOTHING_COMPARED]`);
    return 2;
  }
  if (values.json) output.json(treeDiffToJson(diff));
  else output.result(formatDiffText(diff, formatDiagnostic));
  return diffExitCode(diff);
}
