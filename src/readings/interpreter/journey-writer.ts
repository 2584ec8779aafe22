import type { PositionRole } from 'src/readings/spreads/position-roles';
import type { CardCtx, Moody } from './phrase-book';
import { SUBJECT_AREA } from './question-reader';
import { moodValue } from './spread-analysis';
import { cardCtx, type ReadCard, type WriterContext } from './writer-context';

/** Roles where the question's own subject is worth a sentence of its own. */
const LENS_ROLES = new Set<PositionRole>(['focus', 'situation', 'theme', 'challenge', 'future', 'outcome', 'aim', 'self', 'other', 'advice', 'hopes_fears']);
/** Links to the previous card are a reader's aside, not a rule. */
const LINK_CHANCE = 0.35;

/**
 * One paragraph per card, in position order: the card read through its position's role (a bright
 * card in an obstacle is read as its shadow, a card for another person speaks of that person), the
 * card's meaning for the question's subject where it matters, and now and then a link to the card before.
 */
export function writeJourney(ctx: WriterContext): string[] {
  return ctx.cards.map((card) => readInPlace(ctx, card));
}

function readInPlace(ctx: WriterContext, card: ReadCard): string {
  const { book, picker } = ctx;
  const c = cardCtx(ctx, card);
  const sentences: (string | null)[] = [picker.say(frames(ctx, card)[card.mood], c)];
  sentences.push(...core(ctx, card, c));
  sentences.push(lens(ctx, card));
  if (ctx.depth === 'single') sentences.push(picker.maybe(book.reflection, c));
  else sentences.push(link(ctx, card));
  return sentences.filter((s): s is string => !!s).join(' ');
}

function frames({ book }: WriterContext, card: ReadCard): Moody<CardCtx> {
  const { role, area, period } = card.spec;
  if (role === 'period') return book.periods[period ?? 'stage'];
  if (role === 'area') return book.areas[area ?? 'self'];
  return book.roles[role];
}

/** What the card says in this role; every piece is optional but the first that is new. */
function core(ctx: WriterContext, card: ReadCard, c: CardCtx): (string | null)[] {
  const { picker, depth } = ctx;
  const { meaning, reading } = card;
  const advice = meaning[meaning.length - 1];
  const rich = depth === 'long' || depth === 'grand';
  const upright = !card.card.reversed;
  switch (card.spec.role) {
    case 'focus':
      return meaning.map((sentence) => picker.first([sentence]));
    case 'situation':
    case 'self':
    case 'theme':
      return [picker.first(meaning.slice(0, -1)), rich ? picker.first([advice]) : null];
    case 'challenge':
      return [picker.first(upright && card.tone !== 'heavy' ? [reading.shadow, ...meaning] : meaning.slice(0, -1)), rich ? picker.first([advice]) : null];
    case 'shadow':
      return [picker.first(upright ? [reading.shadow, meaning[0]] : meaning)];
    case 'past':
    case 'foundation':
    case 'wound':
      return [picker.maybe(ctx.book.echo, c)];
    case 'lesson':
      return [picker.first(meaning.slice(0, -1)), rich ? picker.first([advice]) : null];
    case 'future':
    case 'outcome':
    case 'aim':
    case 'hopes_fears':
    case 'period':
      return [picker.first([advice, ...meaning])];
    case 'advice':
      return [picker.first([advice, meaning[0]])];
    case 'other':
      return [picker.first([reading.person, meaning[0]])];
    case 'environment':
      return [picker.first(isCourt(card) ? [reading.person, meaning[0]] : [meaning[0], reading.person])];
    case 'bond':
      return [picker.first([reading.love, meaning[0]])];
    case 'strength':
      return [picker.first(ctx.input.spreadKey === 'career' ? [reading.work, meaning[0]] : [meaning[0], advice])];
    case 'area':
      return [picker.first([reading[card.spec.area ?? 'self'], meaning[0]]), rich ? picker.first([advice]) : null];
  }
}

/** The card's reading for the question's subject: love, work, money or one's own energy. */
function lens(ctx: WriterContext, card: ReadCard): string | null {
  const area = SUBJECT_AREA[ctx.focus.subject];
  if (!area || !LENS_ROLES.has(card.spec.role)) return null;
  if (card.spec.role === 'other' && area !== 'love') return null;
  // A bright card in an obstacle is read by its shadow; its everyday reading would sound like encouragement.
  if (card.spec.role === 'challenge' && card.mood === 'light') return null;
  return ctx.picker.first([card.reading[area]]);
}

/** Roles whose mood does not read as better or worse news than the card before: a bright obstacle is still an obstacle. */
const NO_LINK_ROLES = new Set<PositionRole>(['period', 'challenge', 'shadow', 'wound', 'hopes_fears', 'other', 'area', 'lesson', 'strength', 'environment']);

function link({ book, picker, cards, deck, depth }: WriterContext, card: ReadCard): string | null {
  const previous = card.index > 0 ? cards[card.index - 1] : null;
  if (!previous || NO_LINK_ROLES.has(card.spec.role) || NO_LINK_ROLES.has(previous.spec.role) || depth === 'short' || !picker.chance(LINK_CHANCE)) return null;
  const pair = { previous: previous.named, card: card.named };
  const change = moodValue(card) - moodValue(previous);
  if (change >= 1.5) return picker.maybe(book.links.rise, pair);
  if (change <= -1.5) return picker.maybe(book.links.fall, pair);
  const suit = card.card.facts.suit;
  if (suit && suit === previous.card.facts.suit) return picker.maybe(book.links.sameSuit, { ...pair, suit: book.suit(suit, deck) });
  return null;
}

export function isCourt(card: ReadCard): boolean {
  return card.card.facts.arcana === 'minor' && card.card.facts.number >= 11;
}
