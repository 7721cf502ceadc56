/** The pack stage's front door: year-end pack PDFs per department (or year), with summaries. */
export { packForms, type PackOptions, type PackOutcome, type PackResult, type SummaryResult } from './pack-forms.js';
export { assemblePack, type AssembleOptions, type AssembledPack } from './assemble-pack.js';
export { summaryRows } from './summary-rows.js';
export { summaryWorkbook } from './summary-workbook.js';
export { summaryCsv } from './summary-csv.js';
export { SUMMARY_COLUMNS } from './summary-columns.js';
export type { SummaryRow } from './summary-row.js';
export type { PackBy, PackGroup } from './pack-group.js';
export type { PackForm } from './pack-form.js';
