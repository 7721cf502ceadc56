import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';

const FILLER = '按照年度工作安排组织实施并完成各项相关工作任务资金使用规范管理制度健全执行有力监督到位效果良好群众满意度较高';

/** Marker, name (80 characters) and note (200 characters) of row i of the long form. */
export function longRow(i: number) {
  const marker = `指标${String(i + 1).padStart(2, '0')}号`;
  const name = (marker + FILLER.repeat(3)).slice(0, 80);
  const note = (`说明${String(i + 1).padStart(2, '0')}号` + FILLER.repeat(6)).slice(0, 200);
  return { marker, name, note };
}

/** The sample 二级项目 form with `count` indicators of 80-character names and 200-character notes. */
export function longFormYaml(count = 60, base = 'data/2023/yuzhong-gov-office/summer-visits.yaml'): string {
  const doc = parseDocument(readFileSync(base, 'utf8'), { schema: 'failsafe' });
  doc.delete('reported');
  doc.setIn(['project', 'code'], 'LONG-FORM-60');
  const weight = (90 / count).toFixed(4).replace(/0+$/, '');
  const rows = Array.from({ length: count }, (_, i) => ({
    name: longRow(i).name,
    unit: '人次',
    nature: '≥',
    target: '200',
    actual: String(180 + (i % 40)),
    weight,
    core: i % 5 === 0 ? 'true' : 'false',
    note: longRow(i).note,
  }));
  doc.set('indicators', doc.createNode(rows));
  return doc.toString();
}
