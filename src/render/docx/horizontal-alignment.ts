import { AlignmentType } from 'docx';
import type { HorizontalAlign } from '../../layout/layout-model.js';

export const horizontalAlignment = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
} as const satisfies Record<HorizontalAlign, (typeof AlignmentType)[keyof typeof AlignmentType]>;
