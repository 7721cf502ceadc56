import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { LoadCode } from './load-code.js';
import type { LoadedForm } from './loaded-form.js';

/**
 * E_DUPLICATE_CODE for each form whose year and 项目编码 an earlier form already has, placed
 * on the later file's `project.code` and naming the first file. Forms are taken in order.
 */
/** The parts of a loaded form the check reads (a build passes forms loaded in other threads). */
export type CodedForm = Pick<LoadedForm, 'file' | 'locate'> & { form: { year: number; project: { code: string } } };

export function findDuplicateCodes(forms: readonly CodedForm[]): Diagnostic[] {
  const firstFile = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  for (const loaded of forms) {
    const { year, project } = loaded.form;
    const key = `${year}\u0000${project.code}`;
    const first = firstFile.get(key);
    if (first === undefined) {
      firstFile.set(key, loaded.file);
      continue;
    }
    const { line, col } = loaded.locate(['project', 'code']);
    diagnostics.push({
      code: LoadCode.DUPLICATE_CODE,
      severity: 'error',
      message: `项目编码“${project.code}”在 ${year} 年度与 ${first} 重复`,
      file: loaded.file,
      line,
      col,
      path: 'project.code',
      hint: '每张表的项目编码应唯一；复制文件后请修改编码',
    });
  }
  return diagnostics;
}
