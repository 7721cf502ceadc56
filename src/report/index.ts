/** The report stage's front door: a year's forms with scores, warnings and missed indicators, per department. */
export { yearReport, type YearReport, type ReportForm, type ReportDepartment } from './year-report.js';
export { unmetIndicators, type UnmetIndicator } from './unmet-indicators.js';
export { reportWorkbook } from './report-workbook.js';
