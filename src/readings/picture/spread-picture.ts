import { Resvg, renderAsync, type ResvgRenderOptions } from '@resvg/resvg-js';
import { cardDefinitions } from './card-art';
import { CardFace } from './card-face';
import { GlyphTextWriter } from './glyph-text-writer';
import { LABEL_FONT_SIZE, LABEL_LINE_HEIGHT, MARGIN, type PictureGeometry, placeCards } from './picture-geometry';
import { PictureFonts } from './picture-fonts';
import { layoutFor } from './spread-layouts';
import { escapeXml, wrapText } from './svg-text';

export interface PictureCard {
  /** As shown to the user, in their language. */
  name: string;
  arcana: 'major' | 'minor';
  suit: 'wands' | 'cups' | 'swords' | 'pentacles' | null;
  /** Majors 0–21; minors 1–14 (ace, two to ten, page, knight, queen, king). */
  number: number;
  reversed: boolean;
  positionName: string;
}

export interface PictureRequest {
  spreadKey: string;
  spreadName: string;
  cards: PictureCard[];
}

const TITLE_SIZE = 26;
const MIN_LABEL_SIZE = 11;
const TITLE_LINE_HEIGHT = 32;
const LABEL_COLOUR = '#eadfc4';
const TITLE_COLOUR = '#f3dfa6';
const SKY = '#1d1638';
// All text is drawn as outlines (see GlyphTextWriter), so resvg needs no fonts, and must not look for the system's.
const RENDER_OPTIONS: ResvgRenderOptions = { font: { loadSystemFonts: false }, background: SKY, logLevel: 'off' };

/**
 * Draws a drawn spread as one PNG: the cards laid out in the spread's shape (reversed ones upside
 * down), each position labelled, under the spread's name. CPU-bound: a Celtic Cross takes a few tens of
 * milliseconds (bench/picture.ts), which render() spends on the event loop and renderAsync() mostly off it.
 */
export class SpreadPicture {
  private readonly fonts = PictureFonts.load();
  private readonly definitions = cardDefinitions();

  render(request: PictureRequest): Buffer {
    return new Resvg(this.svg(request), RENDER_OPTIONS).render().asPng();
  }

  /** The same PNG, rasterised on libuv's thread pool: only building the SVG and encoding the PNG hold the event loop. */
  async renderAsync(request: PictureRequest): Promise<Buffer> {
    return (await renderAsync(this.svg(request), RENDER_OPTIONS)).asPng();
  }

  /** The picture as SVG, before rasterising; `measured` collects the font sizes of names and labels, in picture pixels. */
  svg(request: PictureRequest, measured?: { names: number[]; labels: number[] }): string {
    if (!request.cards.length) throw new Error('a spread picture needs at least one card');
    const text = new GlyphTextWriter(this.fonts);
    const layout = layoutFor(request.spreadKey, request.cards.length);
    const title = wrapText(
      request.spreadName || ' ',
      placeCards(layout, 0).width - 2 * MARGIN,
      (line) => text.width(line, 'title', TITLE_SIZE),
      2,
    );
    const geometry = placeCards(layout, MARGIN + title.length * TITLE_LINE_HEIGHT);
    const { width, height } = geometry;
    const face = new CardFace(text, measured?.names);
    const body = [
      stars(width, height),
      ...title.map((line, i) =>
        text.line(line, width / 2, MARGIN + TITLE_SIZE * 0.8 + i * TITLE_LINE_HEIGHT, {
          role: 'title',
          size: TITLE_SIZE,
          fill: TITLE_COLOUR,
          anchor: 'middle',
        }),
      ),
      ...request.cards.map((card, i) => this.card(face, card, geometry, i)),
      ...this.labels(text, request, geometry, measured?.labels),
    ];
    return [
      `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
      `<title>${escapeXml(request.spreadName)}</title>`,
      `<defs>${this.definitions}${text.definitions()}</defs>`,
      ...body,
      '</svg>',
    ].join('\n');
  }

  private card(face: CardFace, card: PictureCard, geometry: PictureGeometry, index: number): string {
    const placed = geometry.cards[index];
    const turn = placed.turn + (card.reversed ? 180 : 0);
    const { box } = placed;
    const shadow = `<rect x="${round(box.left + 4)}" y="${round(box.top + 5)}" width="${round(box.width)}" height="${round(box.height)}" rx="${round(9 * placed.scale)}" fill="#000" fill-opacity="0.35"/>`;
    return `${shadow}<g transform="translate(${round(placed.x)} ${round(placed.y)}) rotate(${turn}) scale(${placed.scale})">${face.svg(card, turn, placed.scale)}</g>`;
  }

  /** Labels stay upright whatever the card does; a crossing card's label joins the one it crosses. */
  private labels(text: GlyphTextWriter, request: PictureRequest, geometry: PictureGeometry, sizes?: number[]): string[] {
    const owners = new Map<number, number[]>();
    geometry.cards.forEach((placed, i) => {
      const owner = placed.labelWith ?? i;
      owners.set(owner, [...(owners.get(owner) ?? []), i]);
    });
    const lines: string[] = [];
    for (const [owner, members] of owners) {
      const box = geometry.cards[owner]?.label;
      if (!box) continue;
      const labels = members.map((i) => `${i + 1} · ${request.cards[i].positionName}`);
      const { size, rows } = fitLabels(labels, box.width, Math.round(box.height / LABEL_LINE_HEIGHT), (line, size) => text.width(line, 'label', size));
      sizes?.push(size);
      const lineHeight = LABEL_LINE_HEIGHT * (size / LABEL_FONT_SIZE);
      rows.forEach((row, i) => {
        const baseline = box.top + size + i * lineHeight;
        lines.push(text.line(row, box.left + box.width / 2, baseline, { role: 'label', size, fill: LABEL_COLOUR, anchor: 'middle' }));
      });
    }
    return lines;
  }
}

/** The position labels of one place, wrapped to its lines at the largest size that needs no cut. */
export function fitLabels(labels: string[], width: number, maxLines: number, measure: (line: string, size: number) => number): { size: number; rows: string[] } {
  for (let size = LABEL_FONT_SIZE; size >= MIN_LABEL_SIZE; size -= 1) {
    const rows = labels.flatMap((label) => wrapText(label, width, (line) => measure(line, size), 99));
    const wholeWords = labels.every((label) => label.split(/\s+/).every((word) => measure(word, size) <= width));
    if (wholeWords && rows.length <= Math.floor((maxLines * LABEL_FONT_SIZE) / size)) return { size, rows };
  }
  return { size: MIN_LABEL_SIZE, rows: labels.flatMap((label) => wrapText(label, width, (line) => measure(line, MIN_LABEL_SIZE), maxLines)) };
}

/** A quiet, deterministic sky: the same picture size always gets the same stars, in three brightnesses of one path each. */
function stars(width: number, height: number): string {
  let seed = (width * 31 + height) >>> 0;
  const next = (): number => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
  const layers: string[][] = [[], [], []];
  const count = Math.round((width * height) / 9000);
  for (let i = 0; i < count; i += 1) {
    const [x, y, r] = [round(next() * width), round(next() * height), round(0.5 + next() * 1.3)];
    layers[Math.floor(next() * layers.length)].push(`M${round(x - r)} ${y}a${r} ${r} 0 1 0 ${round(2 * r)} 0a${r} ${r} 0 1 0 ${round(-2 * r)} 0`);
  }
  return layers.map((circles, i) => `<path d="${circles.join('')}" fill="#fff6dd" fill-opacity="${round(0.3 + i * 0.2)}"/>`).join('');
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
