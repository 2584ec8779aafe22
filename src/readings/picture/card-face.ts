import { type EmblemKey, crown, pipPositions } from './card-art';
import type { GlyphTextWriter } from './glyph-text-writer';
import type { PictureCard } from './spread-picture';
import { wrapText } from './svg-text';

export const CARD_WIDTH = 120;
export const CARD_HEIGHT = 160;

const NUMERAL = { centre: 17, width: 92, size: 15, minSize: 10 };
const ART = { x: 14, y: 28, width: 92, height: 46 };
/** Most of the card is its name: on a phone the picture is small, and the name must stay readable. */
const NAME_BAND = { x: 6, y: 77, width: 108, height: 77 };
/** Where the name band starts, measured from the card's centre. */
export const NAME_TOP = NAME_BAND.y - CARD_HEIGHT / 2;
const NAME_SIZES = [24, 23, 22, 21, 20, 19, 18, 17, 16, 15, 14, 13, 12];
const HYPHEN_FROM = 17;
/** A Thoth title in brackets goes on a smaller line of its own, so the name itself stays large. */
const TITLE_RATIO = 0.72;
const NAME_LINE_HEIGHT = 1.13;
/** A thumbnail's emblem, enlarged to fill the card where the numeral and name would be. */
const THUMBNAIL_ART_SCALE = 1.55;
const INK = '#f6e8bd';
const GOLD = '#d9b86c';
const FIRST_COURT = 11;

/**
 * One card face, drawn around the origin at the base size (120×160), so it can be turned and scaled
 * whole. A reversed card lies upside down (`turn` 180): its words are turned back so they read upright.
 */
export class CardFace {
  /** `sizes` collects the font size of every name drawn, for measuring the picture (see picture-readability.ts). */
  constructor(
    private readonly text: GlyphTextWriter,
    private readonly sizes?: number[],
  ) {}

  svg(card: PictureCard, turn = 0, scale = 1): string {
    const art = emblemOf(card);
    const fill = card.arcana === 'major' || !card.suit ? 'major' : card.suit;
    return [
      `<g transform="translate(${-CARD_WIDTH / 2} ${-CARD_HEIGHT / 2})">`,
      frame(fill),
      this.numeral(card, normal(turn)),
      this.art(card, art),
      this.name(card.name, normal(turn), scale),
      '</g>',
    ].join('');
  }

  /**
   * The card without words, its emblem enlarged to fill it and a mark on top for which way up it
   * lies, for a list tile where the name stands beside it (words a few dp tall would not read anyway).
   */
  thumbnail(card: PictureCard): string {
    const fill = card.arcana === 'major' || !card.suit ? 'major' : card.suit;
    const art = this.art(card, emblemOf(card));
    return [
      `<g transform="translate(${-CARD_WIDTH / 2} ${-CARD_HEIGHT / 2})">`,
      frame(fill),
      // Where the numeral heads a full card: at the bottom, it shows the small card lies reversed.
      `<path d="M18 20H50l10-7 10 7H102M60 13l-10 7 10 7 10-7z" fill="${GOLD}" fill-opacity="0.8" stroke="${GOLD}" stroke-width="3"/>`,
      `<g transform="translate(${CARD_WIDTH / 2} ${CARD_HEIGHT / 2 + 10}) scale(${THUMBNAIL_ART_SCALE}) translate(${-(ART.x + ART.width / 2)} ${-(ART.y + ART.height / 2)})">${art}</g>`,
      '</g>',
    ].join('');
  }

  /** The roman number of a major, the pips' number, or the rank as the deck names it (Туз, Королева, Valet). */
  private numeral(card: PictureCard, upright: number): string {
    const label = numeralOf(card);
    let size = NUMERAL.size;
    while (size > NUMERAL.minSize && this.text.width(label, 'title', size) > NUMERAL.width - 8) size -= 1;
    const half = this.text.width(label, 'title', size) / 2;
    const centre = CARD_WIDTH / 2;
    const flourish = (from: number, to: number): string =>
      to - from > 6 ? `<line x1="${round(from)}" y1="${NUMERAL.centre}" x2="${round(to)}" y2="${NUMERAL.centre}" stroke="${GOLD}" stroke-opacity="0.7" stroke-width="1.2"/>` : '';
    const baseline = NUMERAL.centre + size * 0.36;
    const words = this.text.line(label, centre, baseline, { role: 'title', size, fill: INK, anchor: 'middle' });
    return [
      flourish(16, centre - half - 6),
      flourish(centre + half + 6, CARD_WIDTH - 16),
      upright ? `<g transform="rotate(${upright} ${centre} ${NUMERAL.centre})">${words}</g>` : words,
    ].join('');
  }

  private art(card: PictureCard, art: EmblemKey): string {
    const centreX = ART.x + ART.width / 2;
    const centreY = ART.y + ART.height / 2;
    const glow = `<circle cx="${centreX}" cy="${centreY}" r="28" fill="url(#art-glow)"/>`;
    if (art.startsWith('major')) return glow + use(art, centreX, centreY, 48);
    if (card.number <= 1) return glow + use(art, centreX, centreY, 44);
    if (card.number >= FIRST_COURT) {
      return glow + crown(centreX, ART.y + 7, Math.min(card.number - 9, 5)) + use(art, centreX, centreY + 8, 32);
    }
    const size = card.number <= 3 ? 18 : card.number <= 6 ? 16 : card.number <= 8 ? 13 : 12;
    const box = { x: centreX - 28, width: 56 };
    return pipPositions(card.number)
      .map(([u, v]) => use(art, box.x + size / 2 + u * (box.width - size), ART.y + size / 2 + v * (ART.height - size), size))
      .join('');
  }

  /**
   * The name, as large as fits: wrapped at spaces onto as many lines as the band holds, a size
   * smaller at a time; only a word too long for the band at the smallest size is broken, with a hyphen.
   */
  private name(name: string, turn: number, scale: number): string {
    const band = NAME_BAND;
    const [width, height] = [band.width - 8, band.height - 6];
    const { main, title } = splitTitle(name);
    const measure = (line: string, size: number): number => this.text.width(line, 'name', size);
    const titleSize = title ? fitTitle(title, width, measure) : 0;
    const { size, lines } = fitName(main, width, height - (title ? titleSize * NAME_LINE_HEIGHT : 0), measure);
    const rows = [...lines.map((line) => ({ line, size })), ...(title ? [{ line: title, size: titleSize }] : [])];
    this.sizes?.push(size * scale);
    const total = rows.reduce((sum, row) => sum + row.size * NAME_LINE_HEIGHT, 0) - (rows[rows.length - 1].size * (NAME_LINE_HEIGHT - 1));
    const centreX = band.x + band.width / 2;
    const centreY = band.y + band.height / 2;
    let baseline = centreY - total / 2;
    const words = rows
      .map((row) => {
        baseline += row.size * 0.86;
        const drawn = this.text.line(row.line, centreX, baseline, { role: 'name', size: row.size, fill: INK, anchor: 'middle' });
        baseline += row.size * (NAME_LINE_HEIGHT - 0.86);
        return drawn;
      })
      .join('');
    const plate = `<rect x="${band.x}" y="${band.y}" width="${band.width}" height="${band.height}" rx="5" fill="#000" fill-opacity="0.32"/>`;
    return turn ? `${plate}<g transform="rotate(${-turn} ${centreX} ${centreY})">${words}</g>` : plate + words;
  }
}

/** A Thoth name's title in brackets, apart from the name itself: "Eight of Swords (Interference)". */
export function splitTitle(name: string): { main: string; title: string | null } {
  const [, main, title] = /^(.*?)\s*(\([^)]*\))?$/.exec(name.trim()) ?? [name, name, undefined];
  return main ? { main, title: title ?? null } : { main: name.trim(), title: null };
}

/**
 * The largest size at which the name fits the box. Down to `HYPHEN_FROM` only whole words wrap;
 * below that a long word (Справедливість, Регулювання) is broken at a syllable with a hyphen rather
 * than shrunk until nobody can read it.
 */
export function fitName(name: string, width: number, height: number, measure: (line: string, size: number) => number): { size: number; lines: string[] } {
  const words = name.trim().split(/\s+/);
  const maxLines = (size: number): number => Math.max(1, Math.floor((height - size) / (size * NAME_LINE_HEIGHT)) + 1);
  for (const size of NAME_SIZES) {
    const lines = wrapText(name, width, (line) => measure(line, size), 99);
    const wholeWords = words.every((word) => measure(word, size) <= width);
    if ((wholeWords || size <= HYPHEN_FROM) && lines.length <= maxLines(size)) return { size, lines };
  }
  const size = NAME_SIZES[NAME_SIZES.length - 1];
  return { size, lines: wrapText(name, width, (line) => measure(line, size), Math.max(maxLines(size), 4)) };
}

/** The size of a Thoth title's line: a step below the name, smaller if it is long. */
function fitTitle(title: string, width: number, measure: (line: string, size: number) => number): number {
  let size = Math.round(NAME_SIZES[4] * TITLE_RATIO);
  while (size > 9 && measure(title, size) > width) size -= 1;
  return size;
}

/**
 * What heads a card: a major's roman number, a pip card's number, and for an ace or a court card
 * its rank as the name in the user's language and deck has it (Туз, Королева, Принцеса, Valet).
 */
export function numeralOf(card: Pick<PictureCard, 'arcana' | 'number' | 'name'>): string {
  if (card.arcana === 'major') return roman(card.number);
  if (card.number === 1 || card.number >= FIRST_COURT) return card.name.trim().split(/\s+/)[0] ?? card.name;
  return String(card.number);
}

function emblemOf(card: PictureCard): EmblemKey {
  return card.arcana === 'major' || !card.suit ? `major-${Math.min(Math.max(card.number, 0), 21)}` : card.suit;
}

function frame(fill: string): string {
  return [
    `<rect x="1" y="1" width="${CARD_WIDTH - 2}" height="${CARD_HEIGHT - 2}" rx="9" fill="url(#card-${fill})" stroke="${GOLD}" stroke-width="2"/>`,
    `<rect x="5.5" y="5.5" width="${CARD_WIDTH - 11}" height="${CARD_HEIGHT - 11}" rx="6" fill="none" stroke="${GOLD}" stroke-opacity="0.45"/>`,
  ].join('');
}

function normal(turn: number): number {
  return ((turn % 360) + 360) % 360;
}

function use(art: EmblemKey, cx: number, cy: number, size: number): string {
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
