import { CARD_HEIGHT, CARD_WIDTH } from './card-face';
import type { CardLayout } from './spread-layouts';

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface PlacedCard {
  /** Centre of the card, in picture pixels. */
  x: number;
  y: number;
  scale: number;
  box: Box;
  /** Where its position's label goes, under the card. */
  label: Box;
}

export interface PictureGeometry {
  width: number;
  height: number;
  cards: PlacedCard[];
}

// Tight spacing: the picture is shown about 252 px wide on a 360-px phone, and every pixel of gap
// makes the cards' names smaller there.
export const MARGIN = 16;
export const MIN_WIDTH = 300;
export const LABEL_FONT_SIZE = 15;
export const LABEL_LINE_HEIGHT = 18;
export const LABEL_LINES = 2;
const LABEL_GAP = 5;
const LABEL_HEIGHT = LABEL_GAP + LABEL_LINES * LABEL_LINE_HEIGHT;
const COLUMN_GAP = 10;
const ROW_GAP = 8;

/** Turns a layout's cells into pixels below a title of `titleHeight`, centred on a canvas wide enough for both. */
export function placeCards(layout: CardLayout, titleHeight: number): PictureGeometry {
  const cardWidth = CARD_WIDTH * layout.scale;
  const cardHeight = CARD_HEIGHT * layout.scale;
  const cellWidth = cardWidth + COLUMN_GAP;
  const cellHeight = cardHeight + LABEL_HEIGHT + ROW_GAP;
  const placed = layout.slots.map((slot): PlacedCard => {
    const x = slot.x * cellWidth;
    const y = slot.y * cellHeight;
    const box = { left: x - cardWidth / 2, top: y - cardHeight / 2, width: cardWidth, height: cardHeight };
    const label = { left: x - (cellWidth - 4) / 2, top: y + cardHeight / 2 + LABEL_GAP, width: cellWidth - 4, height: LABEL_LINES * LABEL_LINE_HEIGHT };
    return { x, y, scale: layout.scale, box, label };
  });

  const boxes = placed.flatMap((card) => [card.box, card.label]);
  const left = Math.min(...boxes.map((box) => box.left));
  const right = Math.max(...boxes.map((box) => box.left + box.width));
  const top = Math.min(...boxes.map((box) => box.top));
  const bottom = Math.max(...boxes.map((box) => box.top + box.height));
  const width = Math.ceil(Math.max(MIN_WIDTH, right - left + 2 * MARGIN));
  const dx = (width - (right - left)) / 2 - left;
  const dy = titleHeight + MARGIN / 2 - top;
  return {
    width,
    height: Math.ceil(bottom - top + titleHeight + MARGIN * 1.5),
    cards: placed.map((card) => ({
      ...card,
      x: card.x + dx,
      y: card.y + dy,
      box: shift(card.box, dx, dy),
      label: shift(card.label, dx, dy),
    })),
  };
}

function shift(box: Box, dx: number, dy: number): Box {
  return { ...box, left: box.left + dx, top: box.top + dy };
}
