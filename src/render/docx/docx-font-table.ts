import type * as fontkit from 'fontkit';

/**
 * One `<w:font>` of `word/fontTable.xml` as Word writes it (ECMA-376 §17.8.3): what a reader
 * needs to pick a substitute when the named face is missing — its other name, PANOSE class,
 * character set (86 = GB2312), family and pitch. Without them Word, WPS and LibreOffice guess
 * from the name alone, and text typed in a face no PC has may render blank.
 */
export interface FontTableEntry {
  name: string;
  altName?: string;
  /** 10 PANOSE bytes as 20 hex digits. */
  panose1?: string;
  /** Windows character set, hex: 86 GB2312, 88 Big5, 00 ANSI. */
  charset: string;
  family: 'roman' | 'swiss' | 'modern' | 'script' | 'decorative' | 'auto';
  pitch: 'fixed' | 'variable' | 'default';
  sig?: { usb: [string, string, string, string]; csb: [string, string] };
}

type Described = Omit<FontTableEntry, 'name'>;

/**
 * The faces office PCs in China have, as Word describes them (names as DESIGN.md §6 and
 * fonts.json's `system` give them, in Chinese or English).
 */
const SONG: Described = { panose1: '02010600030101010101', charset: '86', family: 'auto', pitch: 'variable' };
const FIXED_CJK: Described = { panose1: '02010609060101010101', charset: '86', family: 'modern', pitch: 'fixed' };
const GB2312_FIXED: Described = { panose1: '02010609030101010101', charset: '86', family: 'modern', pitch: 'fixed' };
const SYSTEM_FACES: [string, string, Described][] = [
  ['宋体', 'SimSun', SONG],
  ['黑体', 'SimHei', FIXED_CJK],
  ['仿宋', 'FangSong', FIXED_CJK],
  ['楷体', 'KaiTi', FIXED_CJK],
  ['仿宋_GB2312', 'FangSong_GB2312', GB2312_FIXED],
  ['楷体_GB2312', 'KaiTi_GB2312', GB2312_FIXED],
  ['微软雅黑', 'Microsoft YaHei', { panose1: '020B0503020204020204', charset: '86', family: 'swiss', pitch: 'variable' }],
];

const HAS_CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/** The entry of a face named by name only ('system' mode): known faces as Word writes them, others by script. */
export function systemFontEntry(name: string): FontTableEntry {
  for (const [chinese, english, described] of SYSTEM_FACES) {
    if (name === chinese) return { name, altName: english, ...described };
    if (name.toLowerCase() === english.toLowerCase()) return { name, altName: chinese, ...described };
  }
  return { name, charset: HAS_CJK.test(name) ? '86' : '00', family: 'auto', pitch: 'variable' };
}

/** fontkit's OS/2 table: ulUnicodeRange1–4 as `ulCharRange`, ulCodePageRange1–2 as `codePageRange`. */
interface Os2Table {
  panose?: number[];
  sFamilyClass?: number;
  ulCharRange?: number[];
  codePageRange?: number[];
}

const hex = (value: number | undefined, digits: number) => ((value ?? 0) >>> 0).toString(16).toUpperCase().padStart(digits, '0');
/** OS/2 ulCodePageRange1 bits: 18 Chinese Simplified (GB2312), 20 Chinese Traditional (Big5). */
const CODE_PAGE_GB2312 = 1 << 18;
const CODE_PAGE_BIG5 = 1 << 20;

/** The entry of a face embedded under `name`, described from its own OS/2 and post tables. */
export function faceFontEntry(name: string, font: fontkit.Font): FontTableEntry {
  const os2 = (font as unknown as { 'OS/2'?: Os2Table })['OS/2'] ?? {};
  const unicodeRange = os2.ulCharRange ?? [];
  const codePages = os2.codePageRange ?? [];
  const panose = os2.panose && os2.panose.length === 10 ? os2.panose : undefined;
  const fixed = Boolean((font as unknown as { post?: { isFixedPitch?: number } }).post?.isFixedPitch);
  const codePage1 = (codePages[0] ?? 0) >>> 0;
  const charset = codePage1 & CODE_PAGE_GB2312 ? '86' : codePage1 & CODE_PAGE_BIG5 ? '88' : '00';
  const entry: FontTableEntry = {
    name,
    ...(font.familyName && font.familyName !== name ? { altName: font.familyName } : {}),
    ...(panose ? { panose1: panose.map((byte) => hex(byte, 2)).join('') } : {}),
    charset,
    family: fixed ? 'modern' : fontFamilyClass(os2.sFamilyClass ?? 0, panose),
    pitch: fixed ? 'fixed' : 'variable',
    sig: {
      usb: [hex(unicodeRange[0], 8), hex(unicodeRange[1], 8), hex(unicodeRange[2], 8), hex(unicodeRange[3], 8)],
      csb: [hex(codePages[0], 8), hex(codePages[1], 8)],
    },
  };
  return entry;
}

/** Word's font family from the OS/2 family class, else from PANOSE (family kind, serif style). */
function fontFamilyClass(familyClass: number, panose: number[] | undefined): FontTableEntry['family'] {
  const high = familyClass >> 8;
  if (high >= 1 && high <= 7) return 'roman';
  if (high === 8) return 'swiss';
  if (high === 10) return 'script';
  if (high === 9 || high === 12) return 'decorative';
  if (!panose) return 'auto';
  if (panose[0] === 3) return 'script';
  if (panose[0] === 4) return 'decorative';
  if (panose[0] === 2) return panose[1]! >= 11 && panose[1]! <= 13 ? 'swiss' : panose[1]! >= 2 ? 'roman' : 'auto';
  return 'auto';
}

export const escapeXml = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** `<w:font>` with its properties in the schema's order, then the given embed elements. */
export function fontTableElement(entry: FontTableEntry, embeds: readonly string[] = []): string {
  const val = (element: string, value: string) => `<w:${element} w:val="${escapeXml(value)}"/>`;
  return [
    `<w:font w:name="${escapeXml(entry.name)}">`,
    entry.altName ? val('altName', entry.altName) : '',
    entry.panose1 ? val('panose1', entry.panose1) : '',
    val('charset', entry.charset),
    val('family', entry.family),
    val('pitch', entry.pitch),
    entry.sig
      ? `<w:sig w:usb0="${entry.sig.usb[0]}" w:usb1="${entry.sig.usb[1]}" w:usb2="${entry.sig.usb[2]}" w:usb3="${entry.sig.usb[3]}" w:csb0="${entry.sig.csb[0]}" w:csb1="${entry.sig.csb[1]}"/>`
      : '',
    ...embeds,
    '</w:font>',
  ].join('');
}
