import { execFile } from 'node:child_process';
import { DiffInputError } from './diff-input-error.js';

/** Room for a batch of thousands of forms read in one `git cat-file --batch`. */
const MAX_OUTPUT_BYTES = 1 << 30;

/** Runs git without a shell (arguments are never interpreted) and returns its stdout bytes. */
export function runGit(args: readonly string[], cwd: string, input?: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = execFile('git', args, { cwd, encoding: 'buffer', maxBuffer: MAX_OUTPUT_BYTES }, (error, stdout, stderr) => {
      if (error === null) return resolve(stdout);
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return reject(new DiffInputError('找不到 git 命令，请先安装 git'));
      const reason = stderr.toString('utf8').trim().split('\n')[0] || error.message;
      reject(new DiffInputError(`git ${args[0]} 失败：${reason}`));
    });
    if (input !== undefined) child.stdin?.end(input);
  });
}
