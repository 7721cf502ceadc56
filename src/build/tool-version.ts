import { readFileSync } from 'node:fs';

/** `ziping 0.1.0`, from the package that is running. */
export const TOOL_VERSION = `ziping ${(JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version}`;
