import { dirname, join } from 'node:path';
import { TrueTypeFont } from './true-type-font';

export type FontRole = 'label' | 'name' | 'title';

/** One glyph of a line of text: which font draws it, which glyph, and where it starts (px from the line's start). */
export interface PlacedGlyph {
  role: FontRole;
  glyph: number;
  x: number;
}

// Bundled through npm (dejavu-fonts-ttf, Bitstream Vera licence, Cyrillic included): slim images have no system fonts.
const FILES: Record<FontRole, string> = {
  label: 'DejaVuSans.ttf',
  name: 'DejaVuSansCondensed-Bold.ttf',
  title: 'DejaVuSerif-Bold.ttf',
};
// DejaVu Sans has the widest coverage; the other faces fall back to it for characters they lack.
const FALLBACK: FontRole = 'label';

/** The picture's fonts, read from node_modules once per process. */
export class PictureFonts {
  private static shared: PictureFonts | undefined;

  private constructor(private readonly fonts: Record<FontRole, TrueTypeFont>) {}

  static load(): PictureFonts {
    if (!PictureFonts.shared) {
      const directory = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
      const entries = Object.entries(FILES).map(([role, file]) => [role, TrueTypeFont.load(join(directory, file))]);
      PictureFonts.shared = new PictureFonts(Object.fromEntries(entries) as Record<FontRole, TrueTypeFont>);
    }
    return PictureFonts.shared;
  }

  /** Width of a line in pixels. */
  width(role: FontRole, text: string, size: number): number {
    let width = 0;
    for (const char of text) {
      const [font, glyph] = this.resolve(role, char);
      width += (font.advance(glyph) / font.unitsPerEm) * size;
    }
    return width;
  }

  /** The glyphs of a line at `size` px, left to right; blank ones (spaces) are left out. */
  place(role: FontRole, text: string, size: number): PlacedGlyph[] {
    const glyphs: PlacedGlyph[] = [];
    let x = 0;
    for (const char of text) {
      const [font, glyph, used] = this.resolve(role, char);
      if (font.outline(glyph)) glyphs.push({ role: used, glyph, x });
      x += (font.advance(glyph) / font.unitsPerEm) * size;
    }
    return glyphs;
  }

  outline(role: FontRole, glyph: number): string {
    return this.fonts[role].outline(glyph);
  }

  unitsPerEm(role: FontRole): number {
    return this.fonts[role].unitsPerEm;
  }

  private resolve(role: FontRole, char: string): [TrueTypeFont, number, FontRole] {
    const codePoint = char.codePointAt(0)!;
    const glyph = this.fonts[role].glyph(codePoint);
    if (glyph || role === FALLBACK) return [this.fonts[role], glyph, role];
    return [this.fonts[FALLBACK], this.fonts[FALLBACK].glyph(codePoint), FALLBACK];
  }
}
