/**
 * import: the budget-performance system's text export → one ziping YAML per form.
 * parseExport and exportToYaml are pure; importExports does the file I/O.
 */
export { importExports, type ImportOptions, type ImportResult } from './import-files.js';
export { decodeExport, type DecodedExport, type ExportEncoding } from './decode-export.js';
export { parseExport, parseExportLines, type ParseExportOptions } from './parse-export.js';
export { readImportSource, type ImportPart, type ImportSource } from './read-import-source.js';
export { exportToYaml, type ExportToYamlOptions } from './export-to-yaml.js';
export type { ExportDiagnostic, ExportedForm, ExportedFundsRow, ExportedIndicator, ParsedExport } from './exported-form.js';
