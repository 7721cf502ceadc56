import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * Reading a PDF back the way the tests compare files: poppler's pdfinfo and pdftotext, and
 * LibreOffice turning a DOCX into the PDF a user of it would see.
 */

const pdfinfo = (file: string) => execFileSync('pdfinfo', [file], { encoding: 'utf8' });

export const pageCount = (file: string): number => Number(/^Pages:\s+(\d+)/m.exec(pdfinfo(file))![1]);

/** Width and height in whole points (A4 portrait: [595, 842]). */
export function pageSize(file: string): [number, number] {
  const [, width, height] = /^Page size:\s+([\d.]+) x ([\d.]+)/m.exec(pdfinfo(file))!;
  return [Math.round(Number(width)), Math.round(Number(height))];
}

/** Gap between two words wider than any a line has inside it (LibreOffice's autospace is ~2 pt): the next cell. */
export const CELL_GAP = 4;

/**
 * Each page's line pieces (pdftotext -bbox-layout), sorted: a pdftotext line is cut where the
 * gap between two words is a cell boundary, since pdftotext joins cells that share a baseline.
 * What must agree between the PDF and the DOCX as LibreOffice lays it out.
 */
export function pageLines(file: string): string[][] {
  const xml = execFileSync('pdftotext', ['-bbox-layout', file, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  return xml
    .split(/<page /)
    .slice(1)
    .map((page) =>
      [...page.matchAll(/<line [^>]*>([\s\S]*?)<\/line>/g)]
        .flatMap((line) => {
          const segments: string[] = [];
          let end = -Infinity;
          for (const word of line[1]!.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>([^<]*)<\/word>/g)) {
            if (Number(word[1]) - end > CELL_GAP) segments.push('');
            segments[segments.length - 1] += word[3];
            end = Number(word[2]);
          }
          return segments;
        })
        .sort(),
    );
}

/**
 * DOCX files → PDFs in `outDir` through one headless LibreOffice, with its own profile under
 * `workDir` so it never meets a user's or another test's. Throws when soffice fails.
 */
export function convertWithSoffice(files: readonly string[], outDir: string, workDir: string, timeout = 600_000): void {
  const result = spawnSync('soffice', ['--headless', `-env:UserInstallation=file://${join(workDir, 'lo-profile')}`, '--convert-to', 'pdf', '--outdir', outDir, ...files], {
    encoding: 'utf8',
    timeout,
  });
  if (result.status !== 0) throw new Error(`soffice failed: ${result.stderr || result.error}`);
}
