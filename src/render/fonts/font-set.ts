import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, resolve } from 'node:path';
import type * as Fontkit from 'fontkit';
import type { FontRole, TextStyle } from '../../layout/layout-model.js';
import { memoizeGlyphOutlines } from './memoize-glyph-outlines.js';
import { useNativeInflate } from './native-inflate.js';

/**
 * The fonts shared by every renderer: which file serves which role and weight, parsed once
 * per process (a CJK face is ~15 MB; re-parsing it per form costs ~30 ms).
 */
export interface FontFace {
  /** A name unique within the set, usable as a PDF/DOCX font family name (no spaces). */
  family: string;
  file: string;
  bold: boolean;
  /**
   * The parsed font, opened on first use and kept for the life of the process.
   * @internal fontkit's type: left out of the library's .d.ts, so using ziping needs no fontkit types.
   */
  font(): Fontkit.Font;
  hasChar(char: string): boolean;
}

export interface FontSet {
  /** Absolute path of the config file, so the build can hash it. */
  configFile: string;
  faceFor(style: Pick<TextStyle, 'role' | 'bold'>): FontFace;
  /** Every distinct face, in config order. */
  faces(): FontFace[];
  /** The installed-face name office PCs have for a role (DOCX 'system' mode). */
  systemName(role: FontRole): string;
  docxFonts: 'embed' | 'system';
}

interface FontConfig {
  faces: Record<string, { regular: string; bold?: string }>;
  roles: Record<FontRole, string>;
  system?: Partial<Record<FontRole, string>>;
  docxFonts?: 'embed' | 'system';
}

// The CommonJS build, the same module instance pdfkit loads: one copy compiled, not two.
// Required on first use, so a build with nothing to render never loads it.
let fontkit: typeof Fontkit | undefined;
const loadFontkit = () => {
  if (!fontkit) {
    useNativeInflate();
    fontkit = createRequire(import.meta.url)('fontkit') as typeof Fontkit;
  }
  return fontkit;
};

const ROLES: FontRole[] = ['title', 'label', 'body', 'number'];
const parsed = new Map<string, Fontkit.Font>();

function openFont(file: string): Fontkit.Font {
  let font = parsed.get(file);
  if (!font) {
    const opened = loadFontkit().openSync(file);
    // A TrueType collection opens as an object holding `fonts`, without glyph lookup of its own.
    if (!('glyphForCodePoint' in opened) || 'fonts' in opened) {
      throw new Error(`字体文件不是单一字体（不支持 TTC 集合）：${file}`);
    }
    font = opened as Fontkit.Font;
    memoizeGlyphOutlines(font);
    parsed.set(file, font);
  }
  return font;
}

function resolveFontPath(configDir: string, spec: string): string {
  if (spec.startsWith('npm:')) {
    const require = createRequire(resolve(configDir, 'package.json'));
    const rest = spec.slice(4);
    const scoped = rest.startsWith('@');
    const parts = rest.split('/');
    const pkg = parts.slice(0, scoped ? 2 : 1).join('/');
    const pkgJson = require.resolve(`${pkg}/package.json`);
    return resolve(dirname(pkgJson), parts.slice(scoped ? 2 : 1).join('/'));
  }
  return isAbsolute(spec) ? spec : resolve(configDir, spec);
}

function makeFace(family: string, file: string, bold: boolean): FontFace {
  const cache = new Map<number, boolean>();
  return {
    family,
    file,
    bold,
    font: () => openFont(file),
    hasChar(char: string) {
      const cp = char.codePointAt(0)!;
      const known = cache.get(cp);
      if (known !== undefined) return known;
      const has = openFont(file).hasGlyphForCodePoint(cp);
      cache.set(cp, has);
      return has;
    },
  };
}

/** Reads `fonts/fonts.json` (or another config file). Files are checked to exist, not parsed yet. */
export function loadFontSet(configFile: string): FontSet {
  const configPath = resolve(configFile);
  const config = JSON.parse(readFileSync(configPath, 'utf8')) as FontConfig;
  const configDir = dirname(configPath);
  const faces = new Map<string, { regular: FontFace; bold: FontFace }>();
  for (const [name, spec] of Object.entries(config.faces)) {
    const family = name.replace(/[^A-Za-z0-9_-]/g, '');
    const regularFile = resolveFontPath(configDir, spec.regular);
    const boldFile = spec.bold ? resolveFontPath(configDir, spec.bold) : regularFile;
    faces.set(name, {
      regular: makeFace(family, regularFile, false),
      bold: makeFace(`${family}-Bold`, boldFile, true),
    });
  }
  for (const role of ROLES) {
    if (!faces.has(config.roles[role])) {
      throw new Error(`字体配置 ${configPath}：角色 ${role} 指向未定义的字体 ${config.roles[role]}`);
    }
  }
  return {
    configFile: configPath,
    docxFonts: config.docxFonts ?? 'embed',
    faceFor: ({ role, bold }) => {
      const pair = faces.get(config.roles[role])!;
      return bold ? pair.bold : pair.regular;
    },
    faces: () => [...faces.values()].flatMap((p) => (p.bold.file === p.regular.file ? [p.regular] : [p.regular, p.bold])),
    systemName: (role) => config.system?.[role] ?? '宋体',
  };
}
