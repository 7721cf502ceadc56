import { fileURLToPath } from 'node:url';

/**
 * The templates and formats that ship with ziping: `<package>/templates`. (Two folders below the
 * package root here and in the bundle, so the same relative URL finds it in both.)
 */
export const BUILT_IN_TEMPLATES = fileURLToPath(new URL('../../templates', import.meta.url));
