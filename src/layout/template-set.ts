import Handlebars from 'handlebars';

/** A compiled template: the view model in, template markup out. */
export type CompiledTemplate = (view: object) => string;

export interface TemplateSources {
  /** Template text by form kind (`部门整体`, `二级项目`) or by file path for user templates. */
  templates: Record<string, string>;
  /** Partial text by partial name (`form-head`). */
  partials: Record<string, string>;
}

export interface TemplateSet {
  get(name: string): CompiledTemplate | undefined;
  names(): string[];
}

/**
 * Compiles every template once per process in an isolated Handlebars environment.
 * `strict` turns a misspelt field into an error instead of an empty cell; escaping stays on,
 * so no data value can become markup.
 */
export function compileTemplateSet(sources: TemplateSources): TemplateSet {
  const handlebars = Handlebars.create();
  for (const [name, text] of Object.entries(sources.partials)) handlebars.registerPartial(name, text);
  const compiled = new Map<string, CompiledTemplate>();
  for (const [name, text] of Object.entries(sources.templates)) {
    const template = handlebars.compile(text, { strict: true });
    compiled.set(name, (view) => template(view));
  }
  return { get: (name) => compiled.get(name), names: () => [...compiled.keys()] };
}
