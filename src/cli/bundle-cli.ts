/**
 * `node dist/cli/bundle-cli.js` (part of `npm run build`): bundles the compiled CLI and the
 * batch worker from dist/ into dist/bundle/, for start-up time. Node 20 loads each of the
 * ~400 ESM files of ours, zod, yaml and docx separately and has no compile cache; one bundle
 * (with lazily loaded chunks per command and renderer) starts a one-form build ~0.2 s sooner.
 *
 * The entries sit two levels below the project root, as dist/<stage>/*.js do, so every
 * `new URL('../../templates', import.meta.url)` still finds its folder. Packages that load
 * files next to themselves (piscina's worker, harfbuzzjs's wasm, pdfmake/pdfkit/fontkit, which
 * we load with createRequire) or that only pack and sign use stay outside.
 */
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

const EXTERNAL = ['piscina', 'harfbuzzjs', 'exceljs', 'pkijs', 'pdfmake', 'pdfkit', 'fontkit'];

// Chunk names carry content hashes: clear the old ones.
rmSync('dist/bundle', { recursive: true, force: true });
await build({
  entryPoints: ['dist/cli/main.js', 'dist/build/build-worker.js'],
  outdir: 'dist/bundle',
  entryNames: '[name]',
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: EXTERNAL,
  // Bundled CommonJS code calls require() for Node's own modules; ESM has none of its own.
  banner: { js: "import { createRequire as __zipingCreateRequire } from 'node:module'; const require = __zipingCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
