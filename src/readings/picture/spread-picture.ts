import { Resvg, renderAsync, type ResvgRenderOptions } from '@resvg/resvg-js';
import { cardDefinitions } from './card-art';
import { CardFace, splitTitle } from './card-face';
import { GlyphTextWriter } from './glyph-text-writer';
import { LABEL_FONT_SIZE, LABEL_LINE_HEIGHT, MARGIN, type PictureGeometry, placeCards } from './picture-geometry';
import { PictureFonts } from './picture-fonts';
import { type CardLayout, type ListLayout, layoutFor } from './spread-layouts';
import { escapeXml, wrapText } from './svg-text';
import { LIST_WIDTH, placeTiles, type TextBlock } from './tile-geometry';

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

interface Drawn {
  width: number;
  height: number;
  parts: string[];
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
const LIST_LABEL_COLOUR = '#d9c08a';
const NAME_COLOUR = '#f6e8bd';
const TITLE_COLOUR = '#f3dfa6';
const SKY = '#1d1638';
// All text is drawn as outlines (see GlyphTextWriter), so resvg needs no fonts, and must not look for the system's.
const RENDER_OPTIONS: ResvgRenderOptions = { font: { loadSystemFonts: false }, background: SKY, logLevel: 'off' };

/**
 * Draws a drawn spread as one PNG under the spread's name: a few cards laid out in the spread's shape
 * (reversed ones upside down), each position labelled; many cards as a list of tiles, a small card
 * beside its position and name, so the words stay readable on a phone (see spread-layouts.ts).
 * CPU-bound: a Celtic Cross takes about 20 ms (bench/picture.ts), which render() spends on the event
 * loop and renderAsync() mostly off it.
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
      (layout.kind === 'list' ? LIST_WIDTH : placeCards(layout, 0).width) - 2 * MARGIN,
      (line) => text.width(line, 'title', TITLE_SIZE),
      2,
    );
    const titleHeight = MARGIN + title.length * TITLE_LINE_HEIGHT;
    const face = new CardFace(text, measured?.names);
    const { width, height, parts } =
      layout.kind === 'list'
        ? this.tiles(text, face, request, layout, titleHeight, measured)
        : this.cards(text, face, request, layout, titleHeight, measured?.labels);
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
      ...parts,
    ];
    return [
      `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
      `<title>${escapeXml(request.spreadName)}</title>`,
      `<defs>${this.definitions}${text.definitions()}</defs>`,
      ...body,
      '</svg>',
    ].join('\n');
  }

  private cards(text: GlyphTextWriter, face: CardFace, request: PictureRequest, layout: CardLayout, titleHeight: number, labelSizes?: number[]): Drawn {
    const geometry = placeCards(layout, titleHeight);
    const parts = [...request.cards.map((card, i) => this.card(face, card, geometry, i)), ...this.labels(text, request, geometry, labelSizes)];
    return { width: geometry.width, height: geometry.height, parts };
  }

  private tiles(
    text: GlyphTextWriter,
    face: CardFace,
    request: PictureRequest,
    layout: ListLayout,
    titleHeight: number,
    measured?: { names: number[]; labels: number[] },
  ): Drawn {
    const texts = request.cards.map((card, i) => {
      const { main, title } = splitTitle(card.name);
      return { label: `${i + 1} · ${card.positionName}`, name: main, title };
    });
    const geometry = placeTiles(layout, texts, titleHeight, (line, role, size) => text.width(line, role, size));
    const block = (words: TextBlock, role: 'label' | 'name', fill: string): string[] =>
      words.rows.map((row, i) => text.line(row, words.box.left, words.box.top + i * words.lineHeight + words.lineHeight * 0.78, { role, size: words.size, fill }));
    const parts = geometry.tiles.flatMap((tile, i) => {
      const card = request.cards[i];
      const { box } = tile;
      const turn = tile.card.turn + (card.reversed ? 180 : 0);
      measured?.names.push(tile.name.size);
      measured?.labels.push(tile.label.size);
      return [
        `<rect x="${round(box.left)}" y="${round(box.top)}" width="${round(box.width)}" height="${round(box.height)}" rx="8" fill="#000" fill-opacity="0.22"/>`,
        `<g transform="translate(${round(tile.card.x)} ${round(tile.card.y)}) rotate(${turn}) scale(${round(tile.card.scale)})">${face.thumbnail(card)}</g>`,
        ...block(tile.label, 'label', LIST_LABEL_COLOUR),
        ...block(tile.name, 'name', NAME_COLOUR),
        ...(tile.title ? block(tile.title, 'name', LABEL_COLOUR) : []),
      ];
    });
    return { width: geometry.width, height: geometry.height, parts };
  }

  private card(face: CardFace, card: PictureCard, geometry: PictureGeometry, index: number): string {
    const placed = geometry.cards[index];
    const turn = card.reversed ? 180 : 0;
    const { box } = placed;
    const shadow = `<rect x="${round(box.left + 4)}" y="${round(box.top + 5)}" width="${round(box.width)}" height="${round(box.height)}" rx="${round(9 * placed.scale)}" fill="#000" fill-opacity="0.35"/>`;
    return `${shadow}<g transform="translate(${round(placed.x)} ${round(placed.y)}) rotate(${turn}) scale(${placed.scale})">${face.svg(card, turn, placed.scale)}</g>`;
  }

  /** Labels stay upright whatever the card does. */
  private labels(text: GlyphTextWriter, request: PictureRequest, geometry: PictureGeometry, sizes?: number[]): string[] {
    return geometry.cards.flatMap(({ label: box }, i) => {
      const label = `${i + 1} · ${request.cards[i].positionName}`;
      const { size, rows } = fitLabel(label, box.width, Math.round(box.height / LABEL_LINE_HEIGHT), (line, size) => text.width(line, 'label', size));
      sizes?.push(size);
      const lineHeight = LABEL_LINE_HEIGHT * (size / LABEL_FONT_SIZE);
      return rows.map((row, i) => text.line(row, box.left + box.width / 2, box.top + size + i * lineHeight, { role: 'label', size, fill: LABEL_COLOUR, anchor: 'middle' }));
    });
  }
}

/** A position's label, wrapped to its lines at the largest size that needs no cut. */
export function fitLabel(label: string, width: number, maxLines: number, measure: (line: string, size: number) => number): { size: number; rows: string[] } {
  for (let size = LABEL_FONT_SIZE; size >= MIN_LABEL_SIZE; size -= 1) {
    const rows = wrapText(label, width, (line) => measure(line, size), 99);
    const wholeWords = label.split(/\s+/).every((word) => measure(word, size) <= width);
    if (wholeWords && rows.length <= Math.floor((maxLines * LABEL_FONT_SIZE) / size)) return { size, rows };
  }
  return { size: MIN_LABEL_SIZE, rows: wrapText(label, width, (line) => measure(line, MIN_LABEL_SIZE), maxLines) };
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
