/**
 * `npm run pack:offline`: one tarball that installs with no registry — ziping and every package
 * it runs on, as npm's bundleDependencies (docs/install.md). For intranet PCs: copy the file,
 * then `npm install -g ziping-<version>-offline.tgz --offline`.
 *
 * The dependencies are the lock file's versions (`npm ci --omit=dev` in a staging folder), so
 * the offline package runs exactly what the tests ran. Written next to the project as
 * `ziping-<version>-offline.tgz`, or into the folder given as the first argument.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = process.cwd();
const destination = resolve(process.argv[2] ?? root);
const npm = (args: string[], cwd: string) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 30 });

const staging = mkdtempSync(join(tmpdir(), 'ziping-offline-'));
try {
  // What `npm pack` ships (package.json "files"), from the build already in dist/.
  const packed = npm(['pack', '--ignore-scripts', '--json', '--pack-destination', staging], root);
  const [{ filename, version }] = JSON.parse(packed) as { filename: string; version: string }[];
  execFileSync('tar', ['-xzf', join(staging, filename), '-C', staging]);
  const pkgDir = join(staging, 'package');
  copyFileSync(join(root, 'package-lock.json'), join(pkgDir, 'package-lock.json'));
  npm(['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline'], pkgDir);

  const manifest = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as Record<string, unknown>;
  manifest.bundleDependencies = Object.keys((manifest.dependencies as Record<string, string>) ?? {});
  writeFileSync(join(pkgDir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  rmSync(join(pkgDir, 'package-lock.json'));

  const out = npm(['pack', '--ignore-scripts', '--json', '--pack-destination', staging], pkgDir);
  const [{ filename: bundled, size, entryCount }] = JSON.parse(out) as { filename: string; size: number; entryCount: number }[];
  const target = join(destination, `ziping-${version}-offline.tgz`);
  renameSync(join(staging, bundled), target);
  process.stdout.write(`已写出 ${target}（${(size / 1048576).toFixed(1)} MB，${entryCount} 个文件，含全部依赖）\n离线安装：npm install -g ${target} --offline\n`);
} finally {
  rmSync(staging, { recursive: true, force: true });
}
