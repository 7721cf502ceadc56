import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** vitest globalSetup: end-to-end tests run the real CLI from dist/, so build it first (as `npm run build` does). */
export default function buildDist(): void {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const run = (...args: string[]) => execFileSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  run(fileURLToPath(new URL('../../node_modules/typescript/bin/tsc', import.meta.url)), '-p', 'tsconfig.build.json');
  run('dist/cli/bundle-cli.js');
}
