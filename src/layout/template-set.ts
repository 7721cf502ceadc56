import Handlebars from 'handlebars';

/** A compiled template: the view model in, template markup out. */
export type CompiledTemplate = (view: object) => string;

export interface TemplateSources {
  /** Template text by format name (`部门整体`, `项目支出`) or by file path for user templates. */
  templates: Record<string, string>;
  /** Partial text by partial name (`form-head`), shared by every template. */
  partials: Record<string, string>;
  /** A template's own partials (its format folder's, over the shared ones), by template name. */
  scoped?: Record<string, Record<string, string>>;
  /** Each format's definition as read, so a change to it counts as a change of the inputs. */
  definitions?: Record<string, unknown>;
}

export interface TemplateSet {
  get(name: string): CompiledTemplate | undefined;
  names(): string[];
}

/**
 * Compiles every template once per process in an isolated Handlebars environment (one per
 * template that has partials of its own, so two formats may each have an `indicators-table`).
 * `strict` turns a misspelt field into an error instead of an empty cell; escaping stays on,
 * so no data value can become markup.
 */
export function compileTemplateSet(sources: TemplateSources): TemplateSet {
  const environment = (partials: Record<string, string>) => {
    const handlebars = Handlebars.create();
    for (const [name, text] of Object.entries(partials)) handlebars.registerPartial(name, text);
    return handlebars;
  };
  const shared = environment(sources.partials);
  const compiled = new Map<string, CompiledTemplate>();
  for (const [name, text] of Object.entries(sources.templates)) {
    const own = sources.scoped?.[name];
    const handlebars = own ? environment({ ...sources.partials, ...own }) : shared;
    const template = handlebars.compile(text, { strict: true });
    compiled.set(name, (view) => template(view));
  }
  return { get: (name) => compiled.get(name), names: () => [...compiled.keys()] };
}
