import { CARD_HEIGHT, CARD_WIDTH } from './card-face';
import type { Layout } from './spread-layouts';

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
  /** 0, or 90 for a crossing card (before any reversal). */
  turn: number;
  /** The card's outline as it lies (a turned card is wider than tall). */
  box: Box;
  /** Where its label goes, or null when it joins another card's label (labelWith). */
  label: Box | null;
  labelWith: number | null;
}

export interface PictureGeometry {
  width: number;
  height: number;
  cards: PlacedCard[];
}

export const MARGIN = 28;
export const MIN_WIDTH = 480;
export const LABEL_FONT_SIZE = 13;
export const LABEL_LINE_HEIGHT = 16;
const LABEL_GAP = 7;
const LABEL_HEIGHT = LABEL_GAP + 2 * LABEL_LINE_HEIGHT;
const COLUMN_GAP = 22;
const ROW_GAP = 16;

/** Turns a layout's cells into pixels below a title of `titleHeight`, centred on a canvas wide enough for both. */
export function placeCards(layout: Layout, titleHeight: number): PictureGeometry {
  const cardWidth = CARD_WIDTH * layout.scale;
  const cardHeight = CARD_HEIGHT * layout.scale;
  const cellWidth = cardWidth + COLUMN_GAP;
  const cellHeight = cardHeight + LABEL_HEIGHT + ROW_GAP;
  const placed = layout.slots.map((slot): PlacedCard => {
    const x = slot.x * cellWidth;
    const y = slot.y * cellHeight;
    const [width, height] = slot.across ? [cardHeight, cardWidth] : [cardWidth, cardHeight];
    const box = { left: x - width / 2, top: y - height / 2, width, height };
    const label =
      slot.labelWith === undefined
        ? { left: x - (cellWidth - 8) / 2, top: y + cardHeight / 2 + LABEL_GAP, width: cellWidth - 8, height: 2 * LABEL_LINE_HEIGHT }
        : null;
    return { x, y, scale: layout.scale, turn: slot.across ? 90 : 0, box, label, labelWith: slot.labelWith ?? null };
  });

  const boxes = placed.flatMap((card) => (card.label ? [card.box, card.label] : [card.box]));
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
      label: card.label && shift(card.label, dx, dy),
    })),
  };
}

function shift(box: Box, dx: number, dy: number): Box {
  return { ...box, left: box.left + dx, top: box.top + dy };
}
