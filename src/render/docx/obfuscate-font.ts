/**
 * ECMA-376 Part 1 §17.8.1 font obfuscation: XOR the first 32 bytes of the font with the 16
 * bytes of its GUID key taken in reverse order. Its own inverse.
 */
export function obfuscateFont(font: Uint8Array, fontKey: string): Uint8Array {
  const hex = fontKey.replace(/[{}-]/g, '');
  if (!/^[0-9A-Fa-f]{32}$/.test(hex)) throw new Error(`字体密钥不是 GUID：${fontKey}`);
  const key = (hex.match(/../g) ?? []).map((pair) => parseInt(pair, 16)).reverse();
  const out = font.slice();
  for (let i = 0; i < Math.min(32, out.length); i++) out[i] = out[i]! ^ key[i % 16]!;
  return out;
}
