import { createHash } from 'node:crypto';
import type { IPropertiesOptions } from 'docx';
import type { FontRole, LayoutDocument, TextStyle } from '../../layout/layout-model.js';
import type { FontSet } from '../fonts/font-set.js';
import type { FontSubsetter } from './font-subsetter.js';
import { renameFontFamily } from './rename-font-family.js';
import { faceFontEntry, systemFontEntry, type FontTableEntry } from './docx-font-table.js';
import { styledTexts } from '../../layout/styled-texts.js';

import type { DocxFontMode } from './docx-font-mode.js';

export type { DocxFontMode };

/** docx does not export the type of one `fonts` entry. */
type EmbeddedFont = NonNullable<IPropertiesOptions['fonts']>[number];

/** The TrueType files of one embedded family: its regular face and, when bold text uses another file, its bold face. */
export interface EmbeddedFaces {
  regular: Uint8Array;
  bold?: Uint8Array;
}

/** Which font family each run names, and the fonts to embed (none in 'system' mode). */
export interface DocxFontPlan {
  familyFor(style: Pick<TextStyle, 'role'>): string;
  /**
   * The `fonts` option for docx. Its face data are empty placeholders: docx would obfuscate
   * them with random keys, so the real files (`faces`) go in when the package is zipped
   * (`packDocx`), keyed by their own bytes.
   */
  embedded: EmbeddedFont[];
  faces: Map<string, EmbeddedFaces>;
  /** Every family the runs name, described for the font table (`packDocx` writes it). */
  fontTable: FontTableEntry[];
}

const ROLES: FontRole[] = ['title', 'label', 'body', 'number'];

/**
 * Always embedded, so someone editing the DOCX can type figures and Latin punctuation in the
 * document's own face: printable ASCII and the usual full-width punctuation.
 */
const BASIC_CHARACTERS =
  Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)).join('') + '，。、；：？！（）《》“”‘’—…％';

interface FamilyChars {
  role: FontRole;
  regularFile: string;
  boldFile: string;
  regular: Set<number>;
  bold: Set<number>;
}

function addChars(target: Set<number>, text: string): void {
  for (const char of text) if (char !== '\n') target.add(char.codePointAt(0)!);
}

/**
 * A DOCX family is the role's regular face plus its bold face as `embedBold` (Word's RIBBI
 * model): runs stay `bold`, never naming the bold face itself, so Word does not embolden an
 * already bold face. A face with no bold file gets synthetic bold.
 *
 * The embedded family is named after the regular face plus a hash of the subsets
 * (`NotoSerifSC_1a2b3c4d`): LibreOffice keeps the first embedded font of a name for the life
 * of the process, so a second document with other characters under the same name would show
 * blanks or a fallback face (seen converting two forms in one soffice run: LibreOffice 7.4
 * writes each embedded face to a temporary file named after the family and keeps the file it
 * finds). The font table gives the face's own family as `w:altName` and marks the embedded
 * files subsetted, so Word and WPS take an installed copy of the face, or a GB2312 face of
 * its class, for characters the subset lacks.
 */
export async function planDocxFonts(doc: LayoutDocument, fonts: FontSet, mode: DocxFontMode, subsetter: FontSubsetter): Promise<DocxFontPlan> {
  if (mode === 'system') {
    const names = [...new Set(ROLES.map((role) => fonts.systemName(role)))];
    return { familyFor: ({ role }) => fonts.systemName(role), embedded: [], faces: new Map(), fontTable: names.map(systemFontEntry) };
  }

  const familyFor = ({ role }: Pick<TextStyle, 'role'>) => fonts.faceFor({ role, bold: false }).family;
  const families = new Map<string, FamilyChars>();
  for (const { text, style } of styledTexts(doc)) {
    const family = familyFor(style);
    let entry = families.get(family);
    if (!entry) {
      entry = {
        role: style.role,
        regularFile: fonts.faceFor({ role: style.role, bold: false }).file,
        boldFile: fonts.faceFor({ role: style.role, bold: true }).file,
        regular: new Set(),
        bold: new Set(),
      };
      addChars(entry.regular, BASIC_CHARACTERS);
      families.set(family, entry);
    }
    addChars(style.bold && entry.boldFile !== entry.regularFile ? entry.bold : entry.regular, text);
  }

  const embedded: EmbeddedFont[] = [];
  const faces = new Map<string, EmbeddedFaces>();
  const embeddedNames = new Map<string, string>();
  const fontTable: FontTableEntry[] = [];
  // Sorted so the font table, relationships and file names do not depend on block order.
  for (const [family, entry] of [...families].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const regular = await subsetter.subset(entry.regularFile, entry.regular);
    if (entry.bold.size > 0) addChars(entry.bold, BASIC_CHARACTERS);
    const bold = entry.bold.size > 0 ? await subsetter.subset(entry.boldFile, entry.bold) : undefined;
    const name = `${family}_${createHash('sha256').update(regular).update(bold ?? new Uint8Array()).digest('hex').slice(0, 8)}`;
    embeddedNames.set(family, name);
    // altName: the face's own family (`Noto Serif SC`), which a PC may have installed in full.
    fontTable.push(faceFontEntry(name, fonts.faceFor({ role: entry.role, bold: false }).font()));
    embedded.push({ name, data: Buffer.alloc(0), ...(bold ? { bold: Buffer.alloc(0) } : {}) });
    faces.set(name, {
      regular: renameFontFamily(regular, name, false),
      ...(bold ? { bold: renameFontFamily(bold, name, true) } : {}),
    });
  }
  return { familyFor: (style) => embeddedNames.get(familyFor(style)) ?? familyFor(style), embedded, faces, fontTable };
}
