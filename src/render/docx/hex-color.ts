/** `#rrggbb` (the layout model) → `RRGGBB` (WordprocessingML). */
export function hexColor(color: string): string {
  const hex = color.replace(/^#/, '');
  if (!/^[0-9a-fA-F]{6}$/.test(hex)) throw new Error(`颜色必须是 #rrggbb：${color}`);
  return hex.toUpperCase();
}
