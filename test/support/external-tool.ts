import { spawnSync } from 'node:child_process';

/**
 * Tests that need an external program (pdftotext, soffice, pdfsig, qpdf) skip with a visible
 * reason when it is missing, and fail when ZIPING_REQUIRE_TOOLS=1 (set by .ci/run after
 * installing them).
 *
 *   const pdftotext = externalTool('pdftotext');
 *   it.skipIf(!pdftotext.available)(`... ${pdftotext.reason}`, ...)
 */
export interface ExternalTool {
  name: string;
  available: boolean;
  /** '' when available, else a visible skip reason for the test title. */
  reason: string;
}

const cache = new Map<string, ExternalTool>();

export function externalTool(name: string): ExternalTool {
  const known = cache.get(name);
  if (known) return known;
  const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).status === 0;
  if (!found && process.env.ZIPING_REQUIRE_TOOLS === '1') {
    throw new Error(`ZIPING_REQUIRE_TOOLS=1 but the external program '${name}' is not installed`);
  }
  const tool = { name, available: found, reason: found ? '' : `(skipped: '${name}' is not installed)` };
  cache.set(name, tool);
  return tool;
}
