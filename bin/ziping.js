#!/usr/bin/env node
// Thin launcher. The program is dist/bundle/ (made by `npm run build`; a packed tarball carries
// it); it is the only build that runs, for users and for the tests alike.
import { statSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';

// HarfBuzz (the DOCX font subsetter) is WebAssembly. V8 recompiles its hot functions with
// TurboFan in the background and the first form waits ~0.4 s for that; Liftoff's code subsets
// as fast in a batch (measured: 15–18 ms per DOCX either way). Set before any module compiles.
setFlagsFromString('--liftoff-only');

const modified = (relative) => statSync(new URL(relative, import.meta.url), { throwIfNoEntry: false })?.mtimeMs;
const bundle = modified('../dist/bundle/main.js');
// Only a checkout (src/ beside bin/) can hold a stale bundle. An installed package ships no
// src/ and is exactly what was packed; its files' mtimes are whenever npm unpacked them.
const checkout = modified('../src/cli/main.ts') !== undefined;
const compiled = checkout ? modified('../dist/cli/main.js') : undefined;
if (bundle === undefined || (compiled !== undefined && compiled > bundle)) {
  // A `tsc` run without the bundling step leaves dist/bundle older than the code: never run a stale program.
  process.stderr.write(`ziping 尚未构建或构建已过期（dist/bundle ${bundle === undefined ? '不存在' : '早于 dist/cli'}）：请先运行 npm run build\n`);
  process.exit(2);
}
const { main } = await import('../dist/bundle/main.js');
process.exitCode = await main(process.argv.slice(2));
