/**
 * Largest source file the loader parses. A real form is 3–20 KB; the `yaml` parser slows
 * down badly on hostile megabyte inputs (deep nesting, huge flow collections), so anything
 * past 1 MiB is refused before it is read or parsed.
 */
export const MAX_SOURCE_BYTES = 1024 * 1024;
