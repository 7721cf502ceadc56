import { describe, expect, it } from 'vitest';
import { safeFileName } from './safe-file-name.js';

describe('safeFileName', () => {
  it('keeps a Chinese department name as it is', () => {
    expect(safeFileName('024-重庆市渝中区人民政府办公室')).toBe('024-重庆市渝中区人民政府办公室');
  });

  it('replaces path separators and characters Windows refuses', () => {
    expect(safeFileName('财政局/预算科:一*二?"三"<四>|五\\六')).toBe('财政局_预算科_一_二__三__四__五_六');
  });

  it('drops leading and trailing dots and blanks, so no name hides or escapes its folder', () => {
    expect(safeFileName('..')).toBe('_');
    expect(safeFileName('  .办公室. ')).toBe('办公室');
    expect(safeFileName('')).toBe('_');
  });

  it('guards reserved device names and overlong names', () => {
    expect(safeFileName('CON')).toBe('_CON');
    expect([...safeFileName('局'.repeat(200))]).toHaveLength(80);
  });
});
