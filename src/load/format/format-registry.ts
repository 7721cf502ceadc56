import { z } from 'zod';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { BUILT_IN_TEMPLATES } from '../built-in-templates.js';
import { chongqingFormSchema, nationalFormSchema } from '../form-schema.js';
import type { FormFormat } from './form-format.js';
import { readFormatFolders, type FormatRoot } from './read-format-folders.js';

/** The formats a command can use: the built-in ones and those of the project's format folders. */
export interface FormatRegistry {
  readonly formats: readonly FormFormat[];
  /** The shared partials (a form's own `template:` may use them). */
  readonly partials: Record<string, string>;
  /** Problems of the definitions read (their formats are left out). */
  readonly diagnostics: readonly Diagnostic[];
  get(name: unknown): FormFormat | undefined;
  /** What a form is validated with: one member per format, told apart by `form:`. */
  readonly schema: z.ZodType;
  /** The schema a source's `form:` selects (for naming fields in messages); the union when it names none. */
  schemaFor(form: unknown): z.ZodType;
}

/** The built-in root: `templates/` of the package. */
export const BUILT_IN_ROOT: FormatRoot = { dir: BUILT_IN_TEMPLATES, origin: '内置' };

/** 部门整体 before the project forms, as packs and pickers list them; then by name in code-point order. */
const FAMILY_ORDER = { 部门整体: 0, 项目支出: 1 } as const;

/** One format's form schema: its family's fields, its `form:` value, its rules as `profile:` default, its added columns. */
export function formSchemaOf(format: FormFormat): z.ZodType {
  const { definition } = format;
  const options = {
    form: z.literal(format.name).meta({ title: '表样', description: definition.description ? `${format.name}：${definition.description}` : format.name }),
    profile: definition.rules,
    projectFields: definition.fields.project,
    indicatorFields: definition.fields.indicators,
    printUnit: definition.money.unit,
    fundLabels: definition.labels.funds,
    omit: definition.omit,
  };
  return definition.rules.name === 'mof2020' ? nationalFormSchema(options) : chongqingFormSchema(options);
}

export function formatRegistry(roots: readonly FormatRoot[]): FormatRegistry {
  const read = readFormatFolders(roots);
  const formats = [...read.formats].sort(
    (a, b) => FAMILY_ORDER[a.definition.family] - FAMILY_ORDER[b.definition.family] || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
  const byName = new Map(formats.map((format) => [format.name, format]));
  // Built when first asked for (a zod schema of a format takes ~8 ms): a process building forms
  // of one format pays for that one; the union only when a form names no format.
  const schemas = new Map<string, z.ZodType>();
  const schemaOf = (format: FormFormat) => {
    let schema = schemas.get(format.name);
    if (!schema) schemas.set(format.name, (schema = formSchemaOf(format)));
    return schema;
  };
  let union: z.ZodType | undefined;
  const unionOfAll = () => {
    const members = formats.map(schemaOf) as [z.ZodObject, ...z.ZodObject[]];
    union ??= members.length === 0 ? z.never() : z.discriminatedUnion('form', members).meta({ title: '绩效自评表', description: 'ziping 绩效自评表源数据：一个文件一张表' });
    return union;
  };
  return {
    formats,
    partials: read.partials,
    diagnostics: read.diagnostics,
    get: (name) => (typeof name === 'string' ? byName.get(name) : undefined),
    get schema() {
      return unionOfAll();
    },
    schemaFor: (form) => {
      const format = typeof form === 'string' ? byName.get(form) : undefined;
      return format ? schemaOf(format) : unionOfAll();
    },
  };
}

let builtIn: FormatRegistry | undefined;

/** The package's own formats, read once per process. */
export function builtInFormats(): FormatRegistry {
  builtIn ??= formatRegistry([BUILT_IN_ROOT]);
  return builtIn;
}
