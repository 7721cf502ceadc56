import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';

/**
 * Optional `ziping.config.json` in the working folder: defaults for `build` that a team
 * keeps with its data (command-line flags win).
 */
export const ProjectConfigSchema = z
  .object({
    out: z.string().optional(),
    format: z.string().optional(),
    docxFonts: z.enum(['embed', 'system']).optional(),
    fonts: z.string().optional(),
    templates: z.string().optional(),
    pdfa: z.boolean().optional(),
    /** Folders (relative to the config file) where a form's `template:` may also live. */
    templateRoots: z.array(z.string()).optional(),
  })
  .strict();

export type ProjectConfig = z.infer<typeof ProjectConfigSchema>;

export const PROJECT_CONFIG_FILE = 'ziping.config.json';

/** `templateRoots` of a config in `cwd`, as absolute paths. */
export function templateRootsOf(config: ProjectConfig, cwd = process.cwd()): string[] {
  return (config.templateRoots ?? []).map((root) => resolve(cwd, root));
}

export function readProjectConfig(cwd = process.cwd()): ProjectConfig {
  const file = resolve(cwd, PROJECT_CONFIG_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return {};
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${PROJECT_CONFIG_FILE} 不是有效的 JSON：${(error as Error).message}`);
  }
  const parsed = ProjectConfigSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${PROJECT_CONFIG_FILE} 的 ${issue.path.join('.') || '（顶层）'} 有误：${issue.message}`);
  }
  return parsed.data;
}
