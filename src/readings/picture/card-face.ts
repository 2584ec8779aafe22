import { type ArtKey, crown, pipPositions } from './card-art';
import type { GlyphTextWriter } from './glyph-text-writer';
import type { PictureCard } from './spread-picture';
import { wrapText } from './svg-text';

export const CARD_WIDTH = 120;
export const CARD_HEIGHT = 200;

const ART = { x: 12, y: 38, width: 96, height: 98 };
const NAME_BAND = { x: 9, y: 142, width: 102, height: 50 };
const MINOR_LABELS = ['', 'A', '2', '3', '4', '5', '6', '7', '8', '9', '10', 'P', 'Kn', 'Q', 'K'];
const INK = '#f6e8bd';
const GOLD = '#d9b86c';

/** One card face, drawn around the origin at the base size (120×200), so it can be turned and scaled whole. */
export class CardFace {
  constructor(private readonly text: GlyphTextWriter) {}

  svg(card: PictureCard): string {
    const art: ArtKey = card.arcana === 'major' || !card.suit ? 'major' : card.suit;
    return [
      `<g transform="translate(${-CARD_WIDTH / 2} ${-CARD_HEIGHT / 2})">`,
      `<rect x="1" y="1" width="${CARD_WIDTH - 2}" height="${CARD_HEIGHT - 2}" rx="9" fill="url(#card-${art})" stroke="${GOLD}" stroke-width="2"/>`,
      `<rect x="5.5" y="5.5" width="${CARD_WIDTH - 11}" height="${CARD_HEIGHT - 11}" rx="6" fill="none" stroke="${GOLD}" stroke-opacity="0.45"/>`,
      this.numeral(card),
      this.art(card, art),
      this.name(card.name),
      '</g>',
    ].join('');
  }

  private numeral(card: PictureCard): string {
    const label = card.arcana === 'major' ? roman(card.number) : (MINOR_LABELS[card.number] ?? String(card.number));
    const size = 16;
    const half = this.text.width(label, 'title', size) / 2;
    const centre = CARD_WIDTH / 2;
    const flourish = (from: number, to: number): string =>
      `<line x1="${from}" y1="22" x2="${to}" y2="22" stroke="${GOLD}" stroke-opacity="0.7" stroke-width="1.2"/>`;
    return [
      flourish(16, centre - half - 7),
      flourish(centre + half + 7, CARD_WIDTH - 16),
      this.text.line(label, centre, 28, { role: 'title', size, fill: INK, anchor: 'middle' }),
    ].join('');
  }

  private art(card: PictureCard, art: ArtKey): string {
    const centreX = ART.x + ART.width / 2;
    const centreY = ART.y + ART.height / 2;
    const glow = `<circle cx="${centreX}" cy="${centreY}" r="46" fill="url(#art-glow)"/>`;
    if (art === 'major') return glow + use(art, centreX, centreY, 86);
    if (card.number <= 1) return glow + use(art, centreX, centreY, 80);
    if (card.number >= 11) {
      return glow + crown(centreX, ART.y + 12, Math.min(card.number - 9, 5)) + use(art, centreX, centreY + 12, 66);
    }
    const size = card.number <= 3 ? 34 : card.number <= 6 ? 29 : card.number <= 8 ? 24 : 21;
    return pipPositions(card.number)
      .map(([u, v]) => use(art, ART.x + size / 2 + u * (ART.width - size), ART.y + size / 2 + v * (ART.height - size), size))
      .join('');
  }

  private name(name: string): string {
    const width = NAME_BAND.width - 8;
    let size = 13;
    let lines = wrapText(name, width, (line) => this.text.width(line, 'name', size), 4);
    if (lines.length > 2) {
      size = 11;
      lines = wrapText(name, width, (line) => this.text.width(line, 'name', size), 3);
    }
    const lineHeight = size * 1.18;
    const firstBaseline = NAME_BAND.y + NAME_BAND.height / 2 - ((lines.length - 1) * lineHeight) / 2 + size * 0.36;
    const text = lines
      .map((line, i) => this.text.line(line, CARD_WIDTH / 2, firstBaseline + i * lineHeight, { role: 'name', size, fill: INK, anchor: 'middle' }))
      .join('');
    const band = `<rect x="${NAME_BAND.x}" y="${NAME_BAND.y}" width="${NAME_BAND.width}" height="${NAME_BAND.height}" rx="5" fill="#000" fill-opacity="0.3"/>`;
    return band + text;
  }
}

function use(art: ArtKey, cx: number, cy: number, size: number): string {
  return `<use href="#art-${art}" x="${round(cx - size / 2)}" y="${round(cy - size / 2)}" width="${size}" height="${size}"/>`;
}

/** Majors are numbered 0 (the Fool) to XXI. */
export function roman(value: number): string {
  if (value <= 0) return '0';
  const numerals: Array<[number, string]> = [
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let rest = value;
  let out = '';
  for (const [amount, symbol] of numerals) {
    while (rest >= amount) {
      out += symbol;
      rest -= amount;
    }
  }
  return out;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
