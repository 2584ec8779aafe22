/**
 * Where each card of a spread lies, in cells: x counts card columns, y counts rows (a card with its
 * label), both measured between centres and free to be fractional. The renderer turns cells into pixels.
 * Shapes are kept compact, four or five columns at most: on a phone the whole picture is shown about
 * 252 px wide, so every extra column makes the names smaller.
 */
export interface Slot {
  x: number;
  y: number;
  /** Laid across another card (the Celtic Cross's challenge): turned a quarter. */
  across?: boolean;
  /** Index of the slot whose label this slot's label joins (a crossing card has no room of its own). */
  labelWith?: number;
  /** Lines of label under the card; a label shared with a crossing card needs more. */
  labelLines?: number;
}

export interface Layout {
  slots: Slot[];
  /** Card size relative to the base card; a single card fills more of its picture. */
  scale: number;
}

type LayoutBuilder = () => Layout;

const LAYOUTS: Record<string, { cards: number; build: LayoutBuilder }> = {
  single: { cards: 1, build: () => ({ slots: [{ x: 0, y: 0 }], scale: 1.5 }) },
  daily: { cards: 1, build: () => ({ slots: [{ x: 0, y: 0 }], scale: 1.5 }) },
  three_card: { cards: 3, build: () => ({ slots: rows([3]), scale: 1 }) },
  celtic_cross: { cards: 10, build: celticCross },
  relationship: { cards: 5, build: relationship },
  career: { cards: 4, build: () => ({ slots: rows([2, 2]), scale: 1 }) },
  week_ahead: { cards: 7, build: () => ({ slots: rows([4, 3]), scale: 1 }) },
  monthly_guidance: { cards: 12, build: month },
  yearly_path: { cards: 13, build: () => ({ slots: rows([1, 4, 4, 4]), scale: 1 }) },
  life_path: { cards: 15, build: () => ({ slots: rows([4, 4, 4, 3]), scale: 1 }) },
};

/** The spread's own shape, or a centred grid for spreads operators added (or resized). */
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
  const rowCount = Math.max(1, Math.ceil(count / 4));
  const perRow = Math.ceil(count / rowCount);
  const sizes: number[] = [];
  for (let left = count; left > 0; left -= perRow) sizes.push(Math.min(perRow, left));
  return { slots: rows(sizes), scale: count === 1 ? 1.5 : 1 };
}

/** Rows of the given sizes, each centred under the widest. */
function rows(sizes: number[]): Slot[] {
  return sizes.flatMap((size, y) => Array.from({ length: size }, (_, i) => ({ x: i - (size - 1) / 2, y })));
}

/**
 * The cross of six (the challenge across the present) and the staff of four on the right, read
 * bottom to top. The present's label carries the challenge's too, so it has twice the lines and the
 * foundation below sits a little lower; the crown sits a little higher, clear of the raised crossing card.
 */
function celticCross(): Layout {
  const arm = 1.15;
  const staff = 2.3;
  return {
    scale: 1,
    slots: [
      { x: 0, y: 0, labelLines: 4 },
      { x: 0, y: 0, across: true, labelWith: 0 },
      { x: 0, y: 1.17 },
      { x: -arm, y: 0 },
      { x: 0, y: -1.12 },
      { x: arm, y: 0 },
      { x: staff, y: 1.5 },
      { x: staff, y: 0.5 },
      { x: staff, y: -0.5 },
      { x: staff, y: -1.5 },
    ],
  };
}

/** You and the other person facing each other, the connection between, the challenge below, the potential above. */
function relationship(): Layout {
  return {
    scale: 1,
    slots: [
      { x: -1, y: 0 },
      { x: 1, y: 0 },
      { x: 0, y: 0 },
      { x: 0, y: 1 },
      { x: 0, y: -1 },
    ],
  };
}

/** The month's frame on top (theme, growth, challenge, outcome), its four weeks, then the areas of life. */
function month(): Layout {
  const row = (y: number, i: number) => ({ x: i - 1.5, y });
  return {
    scale: 1,
    slots: [row(0, 0), ...[0, 1, 2, 3].map((i) => row(1, i)), ...[0, 1, 2, 3].map((i) => row(2, i)), row(0, 1), row(0, 2), row(0, 3)],
  };
}
