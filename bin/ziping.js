#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in dist/ (built by `npm ci` via the prepare script).
// dist/bundle/ is the same code in one bundle, which starts faster; it is used while it is
// at least as new as dist/ (a `tsc` run without `npm run build` leaves it stale, not wrong).
import { statSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';

// HarfBuzz (the DOCX font subsetter) is WebAssembly. V8 recompiles its hot functions with
// TurboFan in the background and the first form waits ~0.4 s for that; Liftoff's code subsets
// as fast in a batch (measured: 15–18 ms per DOCX either way). Set before any module compiles.
setFlagsFromString('--liftoff-only');

const modified = (relative) => statSync(new URL(relative, import.meta.url), { throwIfNoEntry: false })?.mtimeMs ?? -1;
const bundled = modified('../dist/bundle/main.js') >= modified('../dist/cli/main.js');
const { main } = await import(bundled ? '../dist/bundle/main.js' : '../dist/cli/main.js');
process.exitCode = await main(process.argv.slice(2));
