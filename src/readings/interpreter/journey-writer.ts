import type { InterpretedCard } from './interpretation';
import { keywordsOf, mention, type WriterContext } from './writer-context';

/** Not every card is tied to its neighbour, or the links become a tic. */
const LINK_CHANCE = 0.6;

/**
 * One paragraph per card, in position order: the position and the card, then its keywords
 * or a link to the card before it, then the card's own meaning. Four sentences at most,
 * except a single card, which gets the whole meaning and a closing reflection.
 */
export function writeJourney(ctx: WriterContext): string[] {
  const cards = ctx.input.cards;
  return cards.map((card, i) => describeCard(ctx, card, i > 0 ? cards[i - 1] : null));
}

function describeCard(ctx: WriterContext, card: InterpretedCard, previous: InterpretedCard | null): string {
  const { book, picker } = ctx;
  const single = ctx.input.cards.length === 1;
  const side = card.reversed ? card.text.reversed : card.text.upright;
  const meaningOfPosition = card.position.meaning.trim();
  const { intro: simple, introForCommas, introForColons } = book.journey;
  const intros = /[:;—]/.test(meaningOfPosition) ? introForColons : meaningOfPosition.includes(',') ? introForCommas : simple;
  const intro = picker.say(intros, { ...mention(book, card), meaning: meaningOfPosition });
  const keywords = picker.say(card.reversed ? book.journey.reversedKeywords : book.journey.uprightKeywords, {
    keywords: keywordsOf(book, card),
  });
  const meaning = splitSentences(side.meaning);
  if (single) return [intro, keywords, ...meaning, picker.say(book.journey.reflection, {})].join(' ');
  const link = previous && picker.random.next() < LINK_CHANCE ? linkToPrevious(ctx, card, previous) : null;
  return [intro, link ?? keywords, ...firstAndLast(meaning)].join(' ');
}

/** The first sentence sets the scene and the last gives the advice; the middle is the first to go. */
function firstAndLast(sentences: string[]): string[] {
  return sentences.length <= 2 ? sentences : [sentences[0], sentences[sentences.length - 1]];
}

function linkToPrevious({ book, picker }: WriterContext, card: InterpretedCard, previous: InterpretedCard): string | null {
  const prev = book.cardRef(previous.name);
  if (previous.reversed && !card.reversed) return picker.say(book.journey.turnsUprightLink, { previous: prev });
  if (!previous.reversed && card.reversed) return picker.say(book.journey.turnsReversedLink, { previous: prev });
  if (card.facts.suit && card.facts.suit === previous.facts.suit) {
    return picker.say(book.journey.sameSuitLink, { suit: card.facts.suit, previous: prev });
  }
  return null;
}

export function splitSentences(text: string): string[] {
  return text
    .trim()
    .split(/(?<=[.!?…])\s+(?=[\p{Lu}"“‘«(])/u)
    .filter((s) => s.length > 0);
}
