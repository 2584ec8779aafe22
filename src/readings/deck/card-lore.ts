/**
 * What a reader knows about a card beyond its words, language-independent: whether it is a
 * bright, double-edged or heavy card in each orientation, how it leans in a yes-or-no
 * question (-2 firm no … +2 firm yes), and how fast it tends to move.
 */
export type Tone = 'bright' | 'mixed' | 'heavy';
export type Tempo = 'fast' | 'steady' | 'slow' | 'still';

export interface CardLore {
  tone: { upright: Tone; reversed: Tone };
  lean: { upright: number; reversed: number };
  tempo: Tempo;
}

const TONES: Record<string, Tone> = { B: 'bright', M: 'mixed', H: 'heavy' };
const TEMPI: Record<string, Tempo> = { F: 'fast', S: 'steady', L: 'slow', P: 'still' };

// id: upright tone, reversed tone, upright lean, reversed lean, tempo.
const TABLE: Record<string, [string, string, number, number, string]> = {
  the_fool: ['B', 'M', 1, -1, 'F'],
  the_magician: ['B', 'M', 2, -1, 'F'],
  the_high_priestess: ['M', 'M', 0, -1, 'L'],
  the_empress: ['B', 'M', 2, -1, 'S'],
  the_emperor: ['B', 'M', 1, -1, 'S'],
  the_hierophant: ['M', 'M', 1, -1, 'S'],
  the_lovers: ['B', 'M', 2, -1, 'S'],
  the_chariot: ['B', 'M', 2, -1, 'F'],
  strength: ['B', 'M', 1, -1, 'S'],
  the_hermit: ['M', 'M', 0, -1, 'L'],
  wheel_of_fortune: ['B', 'M', 1, -1, 'F'],
  justice: ['M', 'M', 0, -1, 'S'],
  the_hanged_man: ['M', 'M', -1, -1, 'P'],
  death: ['M', 'H', -1, -1, 'S'],
  temperance: ['B', 'M', 1, -1, 'L'],
  the_devil: ['H', 'M', -2, 1, 'S'],
  the_tower: ['H', 'M', -2, -1, 'F'],
  the_star: ['B', 'M', 2, 0, 'L'],
  the_moon: ['M', 'M', -1, 0, 'L'],
  the_sun: ['B', 'M', 2, 1, 'F'],
  judgement: ['B', 'M', 1, -1, 'F'],
  the_world: ['B', 'M', 2, 0, 'S'],

  ace_of_wands: ['B', 'M', 2, -1, 'F'],
  two_of_wands: ['M', 'M', 1, -1, 'S'],
  three_of_wands: ['B', 'M', 1, -1, 'S'],
  four_of_wands: ['B', 'M', 2, 1, 'S'],
  five_of_wands: ['H', 'M', -1, 0, 'F'],
  six_of_wands: ['B', 'M', 2, -1, 'F'],
  seven_of_wands: ['M', 'H', 1, -1, 'F'],
  eight_of_wands: ['B', 'M', 2, -1, 'F'],
  nine_of_wands: ['M', 'H', 0, -1, 'S'],
  ten_of_wands: ['H', 'M', -1, 0, 'S'],
  page_of_wands: ['B', 'M', 1, -1, 'F'],
  knight_of_wands: ['B', 'M', 1, -1, 'F'],
  queen_of_wands: ['B', 'M', 1, -1, 'F'],
  king_of_wands: ['B', 'M', 1, -1, 'S'],

  ace_of_cups: ['B', 'M', 2, -1, 'S'],
  two_of_cups: ['B', 'M', 2, -1, 'S'],
  three_of_cups: ['B', 'M', 2, -1, 'S'],
  four_of_cups: ['M', 'M', -1, 0, 'L'],
  five_of_cups: ['H', 'M', -1, 1, 'L'],
  six_of_cups: ['B', 'M', 1, -1, 'S'],
  seven_of_cups: ['M', 'M', -1, 0, 'L'],
  eight_of_cups: ['M', 'M', -1, -1, 'L'],
  nine_of_cups: ['B', 'M', 2, -1, 'S'],
  ten_of_cups: ['B', 'M', 2, -1, 'S'],
  page_of_cups: ['B', 'M', 1, -1, 'S'],
  knight_of_cups: ['B', 'M', 1, -1, 'S'],
  queen_of_cups: ['B', 'M', 1, -1, 'S'],
  king_of_cups: ['B', 'M', 1, -1, 'S'],

  ace_of_swords: ['B', 'M', 1, -1, 'F'],
  two_of_swords: ['M', 'M', 0, -1, 'P'],
  three_of_swords: ['H', 'M', -2, 0, 'F'],
  four_of_swords: ['M', 'M', 0, -1, 'P'],
  five_of_swords: ['H', 'M', -1, 0, 'F'],
  six_of_swords: ['M', 'M', 1, -1, 'S'],
  seven_of_swords: ['H', 'M', -1, 0, 'F'],
  eight_of_swords: ['H', 'M', -1, 1, 'P'],
  nine_of_swords: ['H', 'M', -1, 1, 'L'],
  ten_of_swords: ['H', 'M', -2, 1, 'F'],
  page_of_swords: ['M', 'M', 0, -1, 'F'],
  knight_of_swords: ['M', 'H', 1, -1, 'F'],
  queen_of_swords: ['M', 'H', 0, -1, 'S'],
  king_of_swords: ['M', 'H', 1, -1, 'S'],

  ace_of_pentacles: ['B', 'M', 2, -1, 'L'],
  two_of_pentacles: ['M', 'M', 0, -1, 'S'],
  three_of_pentacles: ['B', 'M', 1, -1, 'S'],
  four_of_pentacles: ['M', 'M', 0, -1, 'L'],
  five_of_pentacles: ['H', 'M', -2, 1, 'L'],
  six_of_pentacles: ['B', 'M', 1, -1, 'S'],
  seven_of_pentacles: ['M', 'M', 0, -1, 'L'],
  eight_of_pentacles: ['B', 'M', 1, -1, 'S'],
  nine_of_pentacles: ['B', 'M', 2, -1, 'S'],
  ten_of_pentacles: ['B', 'M', 2, -1, 'L'],
  page_of_pentacles: ['B', 'M', 1, -1, 'L'],
  knight_of_pentacles: ['M', 'M', 1, -1, 'L'],
  queen_of_pentacles: ['B', 'M', 1, -1, 'S'],
  king_of_pentacles: ['B', 'M', 1, -1, 'S'],
};

const NEUTRAL: CardLore = { tone: { upright: 'mixed', reversed: 'mixed' }, lean: { upright: 0, reversed: 0 }, tempo: 'steady' };

export function cardLore(cardId: string): CardLore {
  const row = Object.hasOwn(TABLE, cardId) ? TABLE[cardId] : undefined;
  if (!row) return NEUTRAL;
  const [up, down, leanUp, leanDown, tempo] = row;
  return { tone: { upright: TONES[up], reversed: TONES[down] }, lean: { upright: leanUp, reversed: leanDown }, tempo: TEMPI[tempo] };
}

export const LORE_CARD_IDS: readonly string[] = Object.keys(TABLE);
