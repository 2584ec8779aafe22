import type { DeckStyle } from 'src/readings/deck/card';
import { nameGrammar, renameInText } from 'src/readings/deck/card-grammar';
import { cardLore, type CardLore, type Tone } from 'src/readings/deck/card-lore';
import type { CardReading, SideReading } from 'src/readings/deck/card-reading';
import { positionSpec, type PositionSpec } from 'src/readings/spreads/position-roles';
import type { InterpretationInput, InterpretedCard } from './interpretation';
import type { CardCtx, Mood, Named, PhraseBook } from './phrase-book';
import type { PhrasePicker } from './phrase-picker';
import type { QuestionFocus } from './question-reader';
import { sentencesOf } from './sentence-ledger';
import type { SpreadAnalysis } from './spread-analysis';

/** How much a spread is worth saying: a single card in full, small spreads briefly, the large ones with chapters. */
export type Depth = 'single' | 'short' | 'long' | 'grand';

/** A drawn card with what the interpreter knows about it in its place. */
export interface ReadCard {
  index: number;
  card: InterpretedCard;
  spec: PositionSpec;
  lore: CardLore;
  tone: Tone;
  lean: number;
  mood: Mood;
  named: Named;
  reading: SideReading & { shadow?: string };
  /** The card's own meaning for its orientation, sentence by sentence, in the user's deck's names. */
  meaning: string[];
}

/** What the theme, journey, guidance and summary writers share for one reading. */
export interface WriterContext {
  input: InterpretationInput;
  cards: ReadCard[];
  focus: QuestionFocus;
  depth: Depth;
  deck: DeckStyle;
  analysis: SpreadAnalysis;
  book: PhraseBook;
  picker: PhrasePicker;
  /** How often each card's gist has been said, so a third mention uses other words. */
  mentions: Map<number, number>;
}

export function depthOf(count: number): Depth {
  if (count === 1) return 'single';
  if (count <= 5) return 'short';
  return count <= 10 ? 'long' : 'grand';
}

export function readCards(input: InterpretationInput, readings: Record<string, CardReading>, language: string): ReadCard[] {
  return input.cards.map((card, index): ReadCard => {
    const given = card.position.role ? { role: card.position.role, ...(card.position.area ? { area: card.position.area } : {}) } : {};
    const spec: PositionSpec = { ...positionSpec(input.spreadKey, card.position.key), ...given };
    const lore = cardLore(card.facts.id);
    const orientation = card.reversed ? 'reversed' : 'upright';
    const tone = lore.tone[orientation];
    const shown = shortName(card.name);
    const side = card.reversed ? card.text.reversed : card.text.upright;
    const own = Object.hasOwn(readings, card.facts.id) ? readings[card.facts.id] : undefined;
    return {
      index,
      card,
      spec,
      lore,
      tone,
      lean: lore.lean[orientation],
      mood: tone === 'bright' || (tone === 'mixed' && !card.reversed) ? 'light' : 'dark',
      named: { name: shown, grammar: nameGrammar(language, shown), reversed: card.reversed },
      reading: own ? own[orientation] : fallbackReading(card),
      meaning: sentencesOf(renameInText(language, side.meaning, shortName(card.text.names.rws), shown)),
    };
  });
}

/**
 * A card in its place, for a phrase. Its gist is said in full twice at most; after that a reader
 * names it by its keywords, as one does when coming back to a card already read, and by its other
 * keywords the time after.
 */
export function cardCtx(ctx: Pick<WriterContext, 'book' | 'mentions'>, card: ReadCard, mode: 'next' | 'full' = 'next'): CardCtx {
  const said = mode === 'full' ? 0 : (ctx.mentions.get(card.index) ?? 0);
  if (mode === 'next') ctx.mentions.set(card.index, said + 1);
  const side = card.card.reversed ? card.card.text.reversed : card.card.text.upright;
  const keywords = side.keywords.map((k) => k.trim().toLowerCase());
  const essence = said <= 1 || keywords.length < 2 ? card.reading.essence : ctx.book.list(keywordsFor(keywords, said));
  const position = card.card.position.name;
  return { card: card.named, position, place: ctx.book.place(position, card.spec.period), essence };
}

function keywordsFor(keywords: string[], said: number): string[] {
  return said >= 3 && keywords.length >= 4 ? keywords.slice(2, 4) : keywords.slice(0, 2);
}

/** The name in running text: a Thoth title in brackets belongs on the card, not in every sentence. */
export function shortName(name: string): string {
  return name.replace(/\s*\([^)]*\)\s*$/, '');
}

/** A card without its own reading (an operator's texts, a test's made-up card) is read from its keywords and meaning. */
function fallbackReading(card: InterpretedCard): SideReading & { shadow: string } {
  const side = card.reversed ? card.text.reversed : card.text.upright;
  const [first] = sentencesOf(side.meaning);
  const other = sentencesOf((card.reversed ? card.text.upright : card.text.reversed).meaning)[0] ?? first;
  const essence = side.keywords.slice(0, 2).join(', ').toLowerCase();
  return { essence, person: first, love: first, work: first, money: first, self: first, shadow: other };
}
