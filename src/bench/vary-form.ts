import { parseDocument } from 'yaml';

const FILLER = '按照年度工作安排组织实施并完成相关任务，资金使用规范，管理制度健全，';

/**
 * A seeded variation of a sample form's YAML: other codes and names, some missed targets,
 * sometimes long names and notes or many indicators (multi-page forms).
 */
export function varyForm(yamlText: string, index: number, random: () => number): string {
  const doc = parseDocument(yamlText, { schema: 'failsafe' });
  doc.delete('reported');
  doc.setIn(['project', 'code'], `BENCH${String(index).padStart(8, '0')}`);
  doc.setIn(['project', 'name'], `${doc.getIn(['project', 'name'])}（第${index}号）`);
  const indicators = doc.get('indicators') as { items: unknown[] };
  const plain = indicators.items.map((item) => (item as { toJSON(): Record<string, string> }).toJSON());
  const longForm = random() < 0.05;
  // Each indicator repeated in place, so grouped (merged) rows stay together.
  const rows = longForm ? Array.from({ length: 40 }, (_, i) => ({ ...plain[Math.floor((i * plain.length) / 40)] })) : plain;
  const weight = (90 / rows.length).toFixed(2);
  for (const row of rows) {
    if (row.nature !== '定性' && random() < 0.3) {
      row.actual = String(Math.max(0, Math.round(Number(row.target) * (0.5 + random() * 0.45))));
    }
    if (random() < 0.15) row.name = `${row.name}${FILLER.slice(0, Math.floor(random() * FILLER.length))}`;
    if (random() < 0.2) row.note = FILLER.repeat(1 + Math.floor(random() * 3));
    if (longForm) row.weight = weight;
  }
  doc.set('indicators', doc.createNode(rows));
  return doc.toString();
}
