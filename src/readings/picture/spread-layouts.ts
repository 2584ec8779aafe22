/**
 * Where each card of a spread lies, in cells: x counts card columns, y counts rows (a card with its
 * label), both measured between centres and free to be fractional. The renderer turns cells into pixels.
 */
export interface Slot {
  x: number;
  y: number;
  /** Laid across another card (the Celtic Cross's challenge): turned a quarter. */
  across?: boolean;
  /** Index of the slot whose label this slot's label joins (a crossing card has no room of its own). */
  labelWith?: number;
}

export interface Layout {
  slots: Slot[];
  /** Card size relative to the base card, so big spreads stay phone-sized and a single card fills the picture. */
  scale: number;
}

type LayoutBuilder = () => Layout;

const LAYOUTS: Record<string, { cards: number; build: LayoutBuilder }> = {
  single: { cards: 1, build: () => ({ slots: [{ x: 0, y: 0 }], scale: 1.5 }) },
  daily: { cards: 1, build: () => ({ slots: [{ x: 0, y: 0 }], scale: 1.5 }) },
  three_card: { cards: 3, build: () => ({ slots: rows([3]), scale: 1.15 }) },
  celtic_cross: { cards: 10, build: celticCross },
  relationship: { cards: 5, build: relationship },
  career: { cards: 4, build: career },
  week_ahead: { cards: 7, build: () => ({ slots: rows([4, 3]), scale: 0.9 }) },
  monthly_guidance: { cards: 12, build: () => ({ slots: rows([1, 4, 5, 2]), scale: 0.8 }) },
  yearly_path: { cards: 13, build: yearlyWheel },
  life_path: { cards: 15, build: () => ({ slots: rows([5, 5, 5]), scale: 0.8 }) },
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
  const rowCount = Math.max(1, Math.ceil(count / 5));
  const perRow = Math.ceil(count / rowCount);
  const sizes: number[] = [];
  for (let left = count; left > 0; left -= perRow) sizes.push(Math.min(perRow, left));
  const scale = count <= 3 ? 1.15 : count <= 8 ? 0.9 : 0.8;
  return { slots: rows(sizes), scale };
}

/** Rows of the given sizes, each centred under the widest. */
function rows(sizes: number[]): Slot[] {
  return sizes.flatMap((size, y) => Array.from({ length: size }, (_, i) => ({ x: i - (size - 1) / 2, y })));
}

/** The cross of six (the challenge across the present) and the staff of four, read bottom to top. */
function celticCross(): Layout {
  const arm = 1.45;
  const staff = 3;
  return {
    scale: 0.9,
    slots: [
      { x: 0, y: 0 },
      { x: 0, y: 0, across: true, labelWith: 0 },
      { x: 0, y: 1 },
      { x: -arm, y: 0 },
      { x: 0, y: -1 },
      { x: arm, y: 0 },
      { x: staff, y: 1.5 },
      { x: staff, y: 0.5 },
      { x: staff, y: -0.5 },
      { x: staff, y: -1.5 },
    ],
  };
}

/** You and your partner facing each other, the connection between, the challenge below, the potential above. */
function relationship(): Layout {
  return {
    scale: 0.95,
    slots: [
      { x: -1.2, y: 0 },
      { x: 1.2, y: 0 },
      { x: 0, y: 0 },
      { x: 0, y: 1 },
      { x: 0, y: -1 },
    ],
  };
}

/** A path climbing to the right, from where you stand to the next step. */
function career(): Layout {
  return { scale: 0.95, slots: [0, 1, 2, 3].map((i) => ({ x: i, y: 1.5 - i / 2 })) };
}

/** The theme in the middle of a clock of months: January at one o'clock, December at twelve. */
function yearlyWheel(): Layout {
  const radiusX = 2.8;
  const radiusY = 2;
  const months = Array.from({ length: 12 }, (_, i) => {
    const angle = ((i + 1) * Math.PI) / 6;
    return { x: round(radiusX * Math.sin(angle)), y: round(-radiusY * Math.cos(angle)) };
  });
  return { scale: 0.8, slots: [{ x: 0, y: 0 }, ...months] };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
