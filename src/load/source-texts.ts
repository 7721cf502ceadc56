import { formatPath } from './format-path.js';

/** Keys whose values are not printed as written (choices, options, cross-checks, file names). */
const UNPRINTED_KEYS = new Set(['form', 'profile', 'template', 'reported', 'nature', 'grade', 'core', 'coefficient']);

/** Every free text of a form's source that the form prints as written, with the field that holds it. */
export function sourceTexts(form: object): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  const walk = (value: unknown, path: (string | number)[]) => {
    if (typeof value === 'string') {
      if (value.trim() !== '') out.push({ path: formatPath(path), text: value });
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => walk(item, [...path, index]));
    } else if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      for (const [key, item] of Object.entries(value)) if (!UNPRINTED_KEYS.has(key)) walk(item, [...path, key]);
    }
  };
  walk(form, []);
  return out;
}
