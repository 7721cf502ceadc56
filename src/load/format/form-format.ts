import type { FormatDefinition } from './format-definition.js';

/** One installed format: its definition and the template it prints with. */
export interface FormFormat {
  /** What a form's `form:` says (`部门整体`, `云南2022项目支出`). */
  name: string;
  definition: FormatDefinition;
  /** The format's folder. */
  folder: string;
  /** Its format.yaml, as found (for messages). */
  definitionFile: string;
  /** Where it comes from: `内置` for the package's own, else the folder given. */
  origin: string;
  template: { file: string; text: string };
  /** The folder's own `partials/*.hbs` (the shared ones of the templates folder are added to them). */
  partials: Record<string, string>;
  /** Where each of those partials is, for messages that point into one. */
  partialFiles: Record<string, string>;
}
