import { z } from 'zod';
import { parseOutputFormats } from '../output-formats.js';

/**
 * `ziping.config.json`, found in the working folder or the nearest parent that has one (like
 * tsconfig.json): defaults for `build`, `check` and `pack` that a team keeps with its data
 * (command-line flags win). Paths in it are relative to the file's folder.
 */
export const ProjectConfigSchema = z
  .object({
    /** An editor's JSON Schema reference; ziping ignores it. */
    $schema: z.string().optional(),
    /** Output folder (default `out`). */
    out: z.string().min(1).optional(),
    /** `pdf`, `docx` or `pdf,docx`. */
    format: z
      .string()
      .refine((text) => parseOutputFormats(text) !== null, { params: { choices: ['pdf', 'docx', 'pdf,docx'] } })
      .optional(),
    docxFonts: z.enum(['embed', 'system']).optional(),
    /** A fonts config file (as `fonts/fonts.json`). */
    fonts: z.string().min(1).optional(),
    /** A folder of templates replacing the built-in ones. */
    templates: z.string().min(1).optional(),
    pdfa: z.boolean().optional(),
    /** Folders of the project's own formats (each holds format folders with a format.yaml), besides the built-in ones. */
    formatFolders: z.array(z.string().min(1)).optional(),
    /** Folders where a form's `template:` may also live (e.g. a shared template library). */
    templateRoots: z.array(z.string().min(1)).optional(),
  })
  .strict();

export type ProjectConfig = z.infer<typeof ProjectConfigSchema>;

export const PROJECT_CONFIG_FILE = 'ziping.config.json';

/** The keys a config may have, for "did you mean". */
export const PROJECT_CONFIG_KEYS = Object.keys(ProjectConfigSchema.shape);
