import { ExportLabel } from './export-labels.js';
import type { LineReader } from './line-reader.js';
import { normaliseLabel } from './normalise-label.js';

/** The `状态：绩效审核已审` line under the title; returns the text after the colon as printed. */
export function readStatus(reader: LineReader): string {
  const line = reader.require(`“${ExportLabel.status}”行`, 'status');
  const label = normaliseLabel(ExportLabel.status);
  if (!normaliseLabel(line.text).startsWith(label)) {
    throw reader.mismatch(line, 1, `标题下一行应为“${ExportLabel.status}…”`, ExportLabel.status, line.text, 'status');
  }
  const colon = line.text.search(/[:：]/);
  return line.text.slice(colon + 1);
}
