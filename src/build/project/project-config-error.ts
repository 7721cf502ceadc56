import type { Diagnostic } from '../../diagnostics/diagnostic.js';

/** Stable codes of the problems a `ziping.config.json` can have. */
export const ConfigCode = {
  /** Not JSON (file:line:col of the first fault). */
  JSON: 'E_CONFIG_JSON',
  /** An unknown key (with did-you-mean) or one written twice. */
  KEY: 'E_CONFIG_KEY',
  /** A value of the wrong JSON type. */
  TYPE: 'E_CONFIG_TYPE',
  /** A value of the right type that is not allowed (an unknown format, an empty path). */
  VALUE: 'E_CONFIG_VALUE',
  /** The file exists but cannot be read. */
  READ: 'E_CONFIG_READ',
} as const;

/** A config that cannot be used: every problem found, each located in the file. Bad usage (exit 2). */
export class ProjectConfigError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map((d) => `${d.file}:${d.line}:${d.col} ${d.message} [${d.code}]`).join('\n'));
  }
}
