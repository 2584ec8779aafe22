import type { FontRole, PictureFonts } from './picture-fonts';

export interface TextStyle {
  role: FontRole;
  size: number;
  fill: string;
  anchor?: 'start' | 'middle';
}

/**
 * Writes text as the fonts' own outlines (one <path> per glyph in <defs>, placed with <use>) instead of
 * SVG <text>: resvg-js re-reads a font file for every glyph it shapes, which cost 25–45 ms a picture,
 * and outlines need no font lookup at render time. One writer per picture: it collects the glyphs used.
 */
export class GlyphTextWriter {
  private readonly used = new Map<string, { role: FontRole; glyph: number }>();

  constructor(private readonly fonts: PictureFonts) {}

  line(text: string, x: number, baseline: number, style: TextStyle): string {
    const glyphs = this.fonts.place(style.role, text, style.size);
    if (!glyphs.length) return '';
    const startX = style.anchor === 'middle' ? x - this.fonts.width(style.role, text, style.size) / 2 : x;
    const uses = glyphs.map(({ role, glyph, x: offset }) => {
      const id = `g${role[0]}${glyph}`;
      this.used.set(id, { role, glyph });
      const scale = style.size / this.fonts.unitsPerEm(role);
      return `<use href="#${id}" transform="translate(${round(startX + offset)} ${round(baseline)}) scale(${round4(scale)})"/>`;
    });
    return `<g fill="${style.fill}">${uses.join('')}</g>`;
  }

  width(text: string, role: FontRole, size: number): number {
    return this.fonts.width(role, text, size);
  }

  /** The outlines of every glyph written so far, for the picture's <defs>. */
  definitions(): string {
    return [...this.used].map(([id, { role, glyph }]) => `<path id="${id}" d="${this.fonts.outline(role, glyph)}"/>`).join('');
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

function round4(value: number): number {
  return Math.round(value * 10000) / 10000;
}
