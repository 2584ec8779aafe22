/**
 * How a spread's picture is arranged. A spread of a few cards is drawn in its shape (`CardLayout`);
 * one of many is drawn as a list of tiles (`ListLayout`), a small card beside its position and name,
 * because on a 360-dp phone the picture is shown in a 252×352 dp box, and a shape of ten cards or more
 * leaves each name a few dp tall there (bench/picture-readability.ts).
 */
export type Layout = CardLayout | ListLayout;

/**
 * Where each card of a spread lies, in cells: x counts card columns, y counts rows (a card with its
 * label), both measured between centres and free to be fractional. The renderer turns cells into pixels.
 */
export interface Slot {
  x: number;
  y: number;
}

export interface CardLayout {
  kind: 'cards';
  slots: Slot[];
  /** Card size relative to the base card; a single card fills more of its picture. */
  scale: number;
}

/** Columns of tiles, each listing card indices top to bottom; a shorter column is centred beside the longer. */
export interface ListLayout {
  kind: 'list';
  columns: number[][];
  /** The columns are one list read on from the first to the second: the break may move to even their heights. */
  flow?: boolean;
  /** The card laid across another (the Celtic Cross's challenge): its small card is turned a quarter. */
  across?: number;
}

type LayoutBuilder = () => Layout;
const cards = (slots: Slot[], scale = 1): CardLayout => ({ kind: 'cards', slots, scale });
/** Cards 0…count-1 down `perColumn`-long columns, in reading order. */
const list = (count: number, perColumn: number): ListLayout => ({
  kind: 'list',
  columns: Array.from({ length: Math.ceil(count / perColumn) }, (_, c) => range(c * perColumn, Math.min(count, (c + 1) * perColumn))),
  flow: true,
});
/** Past four, cards drawn in a grid leave their names too small on a phone. */
const GRID_MAX = 4;

const LAYOUTS: Record<string, { cards: number; build: LayoutBuilder }> = {
  single: { cards: 1, build: () => cards([{ x: 0, y: 0 }], 1.5) },
  daily: { cards: 1, build: () => cards([{ x: 0, y: 0 }], 1.5) },
  three_card: { cards: 3, build: () => cards(rows([3])) },
  celtic_cross: { cards: 10, build: celticCross },
  relationship: { cards: 5, build: relationship },
  career: { cards: 4, build: () => cards(rows([2, 2])) },
  week_ahead: { cards: 7, build: () => list(7, 7) },
  monthly_guidance: { cards: 12, build: () => list(12, 6) },
  yearly_path: { cards: 13, build: () => list(13, 7) },
  life_path: { cards: 15, build: () => list(15, 8) },
};

/** The spread's own shape, or a grid (a list past four cards) for spreads operators added (or resized). */
export function layoutFor(spreadKey: string, cardCount: number): Layout {
  const known = Object.hasOwn(LAYOUTS, spreadKey) ? LAYOUTS[spreadKey] : undefined;
  if (known && known.cards === cardCount) return known.build();
  return gridLayout(cardCount);
}

export const BUILT_IN_LAYOUTS: ReadonlyArray<{ key: string; cards: number }> = Object.entries(LAYOUTS).map(([key, layout]) => ({
  key,
  cards: layout.cards,
}));

export function gridLayout(count: number): Layout {
  if (count > GRID_MAX) return list(count, count <= 7 ? count : Math.ceil(count / 2));
  const rowCount = Math.max(1, Math.ceil(count / 4));
  const perRow = Math.ceil(count / rowCount);
  const sizes: number[] = [];
  for (let left = count; left > 0; left -= perRow) sizes.push(Math.min(perRow, left));
  return cards(rows(sizes), count === 1 ? 1.5 : 1);
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}

/** Rows of the given sizes, each centred under the widest. */
function rows(sizes: number[]): Slot[] {
  return sizes.flatMap((size, y) => Array.from({ length: size }, (_, i) => ({ x: i - (size - 1) / 2, y })));
}

/**
 * The cross of six down the left, the challenge's small card turned across; the staff of four on the
 * right, read bottom to top as it is laid.
 */
function celticCross(): Layout {
  return { kind: 'list', columns: [range(0, 6), [9, 8, 7, 6]], across: 1 };
}

/** Read down like the spread's shape: the potential above, you, the connection, the other person, the challenge below. */
function relationship(): Layout {
  return { kind: 'list', columns: [[4, 0, 2, 1, 3]] };
}
