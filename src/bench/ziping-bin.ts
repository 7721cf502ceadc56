import { fileURLToPath } from 'node:url';

/** The `ziping` launcher the benchmarks run, as a user would (`bin/ziping.js`). */
export const ZIPING_BIN = fileURLToPath(new URL('../../bin/ziping.js', import.meta.url));
