/**
 * `node dist/cli/bundle-cli.js` (part of `npm run build`): bundles the compiled CLI and the
 * batch worker from dist/ into dist/bundle/, for start-up time. Node 20 loads each of the
 * ~400 ESM files of ours, zod, yaml and docx separately and has no compile cache; one bundle
 * (with lazily loaded chunks per command and renderer) starts a one-form build ~0.2 s sooner.
 * dist/bundle/ is the only program users run (bin/ziping.js) and the only one tests run.
 *
 * The entries sit two levels below the project root, as dist/<stage>/*.js do, so every
 * `new URL('../../templates', import.meta.url)` still finds its folder. Packages that load
 * files next to themselves (piscina's worker, harfbuzzjs's wasm, pdfmake/pdfkit/fontkit, which
 * we load with createRequire) or that only pack uses stay outside.
 */
import { readFileSync, rmSync } from 'node:fs';
import { build, type Metafile } from 'esbuild';

const EXTERNAL = ['piscina', 'harfbuzzjs', 'exceljs', 'jszip', 'pako', 'pdfmake', 'pdfkit', 'fontkit'];

/** The package a module path inside node_modules belongs to (`@scope/name` or `name`). */
function packageOf(path: string): string | undefined {
  const match = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path.replaceAll('\\', '/'));
  return match?.[1];
}

/** Every package an external package can load, following package.json dependencies. */
function dependencyClosure(roots: string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    let manifest: { dependencies?: Record<string, string>; peerDependencies?: Record<string, string> };
    try {
      manifest = JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8'));
    } catch {
      return; // an optional dependency that is not installed
    }
    for (const dependency of Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies })) visit(dependency);
  };
  roots.forEach(visit);
  return seen;
}

/**
 * A package that is inlined into the bundle and also loaded by an external package exists twice
 * at run time: `instanceof` between the copies fails (this is how pkijs external with asn1js
 * inlined made every valid signature look tampered). Refuse to build such a bundle.
 */
export function packagesInTwoCopies(metafile: Metafile, external: string[]): string[] {
  const bundled = new Set(Object.keys(metafile.inputs).map(packageOf).filter((name): name is string => name !== undefined));
  const loadedByExternal = dependencyClosure(external);
  return [...bundled].filter((name) => loadedByExternal.has(name)).sort();
}

// Chunk names carry content hashes: clear the old ones.
rmSync('dist/bundle', { recursive: true, force: true });
const result = await build({
  // index.js is the library (package.json exports): bundled too, so docx (inlined) need not be installed.
  entryPoints: ['dist/cli/main.js', 'dist/build/build-worker.js', 'dist/index.js'],
  outdir: 'dist/bundle',
  entryNames: '[name]',
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: EXTERNAL,
  metafile: true,
  // Bundled CommonJS code calls require() for Node's own modules; ESM has none of its own.
  banner: { js: "import { createRequire as __zipingCreateRequire } from 'node:module'; const require = __zipingCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
const twice = packagesInTwoCopies(result.metafile, EXTERNAL);
if (twice.length > 0) {
  rmSync('dist/bundle', { recursive: true, force: true });
  process.stderr.write(`bundle-cli: these packages would be both inlined and loaded by an external package: ${twice.join(', ')}; add them to EXTERNAL\n`);
  process.exit(1);
}
