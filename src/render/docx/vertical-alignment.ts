import { VerticalAlignTable } from 'docx';
import type { VerticalAlign } from '../../layout/layout-model.js';

export const verticalAlignment = {
  top: VerticalAlignTable.TOP,
  middle: VerticalAlignTable.CENTER,
  bottom: VerticalAlignTable.BOTTOM,
} as const satisfies Record<VerticalAlign, (typeof VerticalAlignTable)[keyof typeof VerticalAlignTable]>;
