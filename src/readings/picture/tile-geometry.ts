import { CARD_HEIGHT, CARD_WIDTH } from './card-face';
import type { FontRole } from './picture-fonts';
import type { Box } from './picture-geometry';
import { PHOTO_BOX } from './picture-readability';
import type { ListLayout } from './spread-layouts';
import { wrapText } from './svg-text';

/** What one tile says: its position's label, the card's name and, for a Thoth name, the title in brackets. */
export interface TileText {
  label: string;
  name: string;
  title: string | null;
}

export interface TextBlock {
  rows: string[];
  size: number;
  lineHeight: number;
  box: Box;
}

export interface PlacedTile {
  /** The whole tile, its plate. */
  box: Box;
  /** The small card: its centre, scale and how it lies (before any reversal). */
  card: { x: number; y: number; scale: number; turn: number; box: Box };
  label: TextBlock;
  name: TextBlock;
  title: TextBlock | null;
}

export interface ListGeometry {
  width: number;
  height: number;
  /** Indexed like the request's cards. */
  tiles: PlacedTile[];
}

type Measure = (line: string, role: FontRole, size: number) => number;

/**
 * A list is drawn at twice the size of the photo box on a 360-dp phone (252×352 dp), so 20 px here is
 * 10 dp there, as long as the picture stays no taller than twice the box (704 px).
 */
export const LIST_WIDTH = 2 * PHOTO_BOX.width;
export const LIST_MAX_HEIGHT = 2 * PHOTO_BOX.height;
/** Names from the largest down to the smallest that still reads as 10 dp; labels and titles at 0.8 of that. */
const NAME_SIZES = [30, 28, 26, 24, 23, 22, 21, 20];
const SMALL_RATIO = 0.8;
const MARGIN = 8;
const COLUMN_GAP = 8;
const TILE_GAP = 4;
const PADDING = 3;
/** The small card is about as tall as a tile's two lines of name and its label. */
const CARD_HEIGHT_PER_NAME_SIZE = 2.2;
const CARD_GAP = 6;
const NAME_GAP = 2;

/**
 * Lays a list layout's tiles below a title of `titleHeight`, at the largest name size whose picture
 * still fits the phone's photo box without being shrunk below the list's size; every word wraps,
 * nothing is cut, so a tile is as tall as its words need.
 */
export function placeTiles(layout: ListLayout, texts: TileText[], titleHeight: number, measure: Measure): ListGeometry {
  let placed = arrange(layout, texts, titleHeight, measure, NAME_SIZES[0]);
  for (const size of NAME_SIZES.slice(1)) {
    if (placed.height <= LIST_MAX_HEIGHT) break;
    placed = arrange(layout, texts, titleHeight, measure, size);
  }
  return placed;
}

function arrange(layout: ListLayout, texts: TileText[], titleHeight: number, measure: Measure, nameSize: number): ListGeometry {
  const columns = layout.columns.length;
  const columnWidth = (LIST_WIDTH - 2 * MARGIN - (columns - 1) * COLUMN_GAP) / columns;
  const cardScale = (nameSize * CARD_HEIGHT_PER_NAME_SIZE) / CARD_HEIGHT;
  const card = { width: CARD_WIDTH * cardScale, height: CARD_HEIGHT * cardScale };
  const textWidth = columnWidth - 2 * PADDING - card.width - CARD_GAP;
  const smallSize = Math.round(nameSize * SMALL_RATIO);
  const block = (text: string, role: FontRole, size: number, lineHeight: number): TextBlock => {
    const rows = wrapText(text, textWidth, (line) => measure(line, role, size), 99);
    return { rows, size, lineHeight, box: { left: 0, top: 0, width: textWidth, height: rows.length * lineHeight } };
  };
  const measured = texts.map((text, index) => {
    const label = block(text.label, 'label', smallSize, smallSize * 1.13);
    const name = block(text.name, 'name', nameSize, nameSize * 1.08);
    const title = text.title ? block(text.title, 'name', smallSize, smallSize * 1.1) : null;
    const words = label.box.height + NAME_GAP + name.box.height + (title?.box.height ?? 0);
    return { index, label, name, title, words, height: Math.max(words, card.height) + 2 * PADDING };
  });
  const stacks = (layout.flow ? evenColumns(layout.columns, measured) : layout.columns).map((column) => column.map((index) => measured[index]));
  const heights = stacks.map((stack) => stack.reduce((sum, tile) => sum + tile.height, 0) + (stack.length - 1) * TILE_GAP);
  const tallest = Math.max(...heights);
  const tiles: PlacedTile[] = [];
  stacks.forEach((stack, c) => {
    const left = MARGIN + c * (columnWidth + COLUMN_GAP);
    let top = titleHeight + MARGIN / 2 + (tallest - heights[c]) / 2;
    for (const tile of stack) {
      const box = { left, top, width: columnWidth, height: tile.height };
      const across = layout.across === tile.index;
      // A card lying across is turned a quarter and made narrow enough for the card's own place.
      const scale = across ? card.width / CARD_HEIGHT : cardScale;
      const [width, height] = across ? [CARD_HEIGHT * scale, CARD_WIDTH * scale] : [card.width, card.height];
      const centre = { x: left + PADDING + card.width / 2, y: top + tile.height / 2 };
      const textLeft = left + PADDING + card.width + CARD_GAP;
      let textTop = top + (tile.height - tile.words) / 2;
      const at = (text: TextBlock, gap = 0): TextBlock => {
        const placedText = { ...text, box: { ...text.box, left: textLeft, top: textTop } };
        textTop += text.box.height + gap;
        return placedText;
      };
      tiles[tile.index] = {
        box,
        card: { ...centre, scale, turn: across ? 90 : 0, box: { left: centre.x - width / 2, top: centre.y - height / 2, width, height } },
        label: at(tile.label, NAME_GAP),
        name: at(tile.name),
        title: tile.title && at(tile.title),
      };
      top += tile.height + TILE_GAP;
    }
  });
  return { width: LIST_WIDTH, height: Math.ceil(titleHeight + MARGIN / 2 + tallest + MARGIN), tiles };
}

/**
 * The same cards in the same reading order, with the break between two columns moved by a card or
 * two where that evens their heights (a column of long names next to one of short ones).
 */
function evenColumns(columns: number[][], tiles: Array<{ height: number }>): number[][] {
  if (columns.length !== 2) return columns;
  const order = columns.flat();
  const height = (part: number[]): number => part.reduce((sum, index) => sum + tiles[index].height + TILE_GAP, 0);
  let best = columns;
  for (let split = columns[0].length - 2; split <= columns[0].length + 1; split += 1) {
    if (split < 1 || split >= order.length) continue;
    const candidate = [order.slice(0, split), order.slice(split)];
    if (Math.max(...candidate.map(height)) < Math.max(...best.map(height))) best = candidate;
  }
  return best;
}
