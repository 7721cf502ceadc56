/**
 * What a Chinese IME or a keyboard gives for the signs of 指标性质, read as the sign the form
 * prints. Full-width `＞＝` is what `>=` becomes with the IME in full-width mode; `≧ ≦` are the
 * JIS forms an IME's symbol table offers beside `≥ ≤`; `⩾ ⩽` come from Word's symbol dialog.
 * `>`/`<` alone are not here: the form has no strict comparison.
 */
export const NatureSpellings: Readonly<Record<string, '≥' | '≤' | '='>> = {
  '>=': '≥',
  '>＝': '≥',
  '＞=': '≥',
  '＞＝': '≥',
  '≧': '≥',
  '⩾': '≥',
  '<=': '≤',
  '<＝': '≤',
  '＜=': '≤',
  '＜＝': '≤',
  '≦': '≤',
  '⩽': '≤',
  '==': '=',
  '＝': '=',
  '＝＝': '=',
  '═': '=',
};
