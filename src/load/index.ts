/** The load stage: YAML source files → validated, typed forms with source positions. */
export { discoverSources } from './discover-sources.js';
export { formatPath } from './format-path.js';
export type {
  ChongqingForm,
  Form,
  FormInput,
  FundsAmountsData,
  IndicatorData,
  NationalForm,
  NationalFundsAmountsData,
  NationalIndicatorData,
  ProfileOptionsData,
  ReportedData,
} from './form-schema.js';
export { FormSchema } from './form-schema.js';
export { LoadCode } from './load-code.js';
export { loadFormSource } from './load-form-source.js';
export { loadForms } from './load-forms.js';
export type { LoadedForm, LoadResult } from './loaded-form.js';
export { MAX_SOURCE_BYTES } from './max-source-bytes.js';
export { sourceTexts } from './source-texts.js';
