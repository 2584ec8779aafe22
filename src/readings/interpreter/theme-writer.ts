import type { Suit } from 'src/readings/deck/card';
import type { CardsCtx } from './phrase-book';
import type { Subject } from './question-reader';
import { SUIT_ELEMENTS } from './spread-analysis';
import { cardCtx, type ReadCard, type WriterContext } from './writer-context';

/** The suit a subject naturally speaks through, so its presence or absence is worth a word. */
const SUBJECT_SUITS: Partial<Record<Subject, Suit>> = {
  love: 'cups',
  relationship: 'cups',
  career: 'wands',
  money: 'pentacles',
};
/** How many notes a spread earns; the Celtic Cross needs four for its classic crossings alone. */
const MAX_NOTES = { single: 0, short: 3, long: 7, grand: 8 } as const;
const MAX_STRUCTURE_NOTES = 3;

/**
 * The spread as a whole, as a reader sees it before reading card by card: only what is true of
 * this spread, the most telling first. Sentences about structure (arcana, suits, reversals) form
 * the first paragraph; stories between cards (pairs, movement, crossings) the second.
 */
export function writeTheme(ctx: WriterContext): string {
  if (ctx.depth === 'single') return singleTheme(ctx);
  const max = MAX_NOTES[ctx.depth];
  const structure = take(structureNotes(ctx), Math.min(MAX_STRUCTURE_NOTES, Math.ceil(max / 2)));
  const stories = take(storyNotes(ctx), max - structure.length);
  if (structure.length === 0 && stories.length === 0) structure.push(arcanaNote(ctx, true) ?? '');
  return [structure.join(' '), stories.join(' ')].filter((p) => p.length > 0).join('\n\n');
}

function take(notes: (() => string | null)[], max: number): string[] {
  const said: string[] = [];
  for (const note of notes) {
    if (said.length >= max) break;
    const text = note();
    if (text) said.push(text);
  }
  return said;
}

function singleTheme(ctx: WriterContext): string {
  const { book, picker, cards, deck } = ctx;
  const card = cards[0];
  const c = cardCtx(ctx, card);
  const { suit, element } = card.card.facts;
  const sentences = [
    picker.say(book.theme.single.opening[card.mood], { card: card.named }),
    suit ? picker.maybe(book.theme.single.minor, { ...c, suit: book.suit(suit, deck), element }) : picker.maybe(book.theme.single.major, c),
  ];
  return sentences.filter(Boolean).join(' ');
}

function names(cards: readonly ReadCard[], total: number): CardsCtx {
  return { cards: cards.map((c) => c.named), count: cards.length, total };
}

function arcanaNote({ book, picker, analysis: a }: WriterContext, force = false): string | null {
  const ctx = names(a.majors, a.total);
  const say = force ? picker.say.bind(picker) : picker.maybe.bind(picker);
  switch (a.majorLevel) {
    case 'all':
      return say(book.theme.allMajors, ctx);
    case 'many':
      return say(book.theme.manyMajors, ctx);
    case 'some':
      return a.total >= 5 || force ? say(book.theme.fewMajors, ctx) : null;
    case 'none':
      return a.total >= 4 || force ? say(book.theme.noMajors, ctx) : null;
  }
}

function structureNotes(ctx: WriterContext): (() => string | null)[] {
  const { book, picker, analysis: a, deck, cards } = ctx;
  const notes: (() => string | null)[] = [() => arcanaNote(ctx)];
  const suit = a.dominantSuit;
  if (suit && a.suitCounts[suit] * 3 >= a.total) {
    const members = cards.filter((c) => c.card.facts.suit === suit);
    notes.push(() => picker.maybe(book.theme.dominantSuit, { ...names(members, a.total), suit: book.suit(suit, deck), element: SUIT_ELEMENTS[suit] }));
  }
  for (const missing of a.missingSuits.slice(0, 1)) {
    notes.push(() => picker.maybe(book.theme.missingSuit, { suit: book.suit(missing, deck), element: SUIT_ELEMENTS[missing] }));
  }
  const reversed = names(a.reversed, a.total);
  if (a.reversalLevel === 'all') notes.push(() => picker.maybe(book.theme.allReversed, reversed));
  else if (a.reversalLevel === 'many') notes.push(() => picker.maybe(book.theme.manyReversed, reversed));
  else if (a.reversalLevel === 'none' && a.total >= 5) notes.push(() => picker.maybe(book.theme.allUpright, reversed));
  for (const { rank, cards: group } of a.sameRanks.slice(0, 1)) {
    notes.push(() => picker.maybe(book.theme.sameRank, { ...names(group, a.total), rank }));
  }
  notes.push(() => subjectSuitNote(ctx));
  return notes;
}

function subjectSuitNote({ input, book, picker, analysis: a, deck, cards, focus }: WriterContext): string | null {
  const suit = SUBJECT_SUITS[focus.subject];
  // The note speaks of "your question", so it waits for one.
  if (!suit || a.total < 3 || !input.question?.trim()) return null;
  const members = cards.filter((c) => c.card.facts.suit === suit);
  const shown = book.suit(suit, deck);
  if (members.length >= 2) return picker.maybe(book.theme.subjectSuit.present, { ...names(members, a.total), subject: focus.subject, suit: shown });
  if (members.length === 0 && a.total >= 5) return picker.maybe(book.theme.subjectSuit.absent, { subject: focus.subject, suit: shown });
  return null;
}

function storyNotes(ctx: WriterContext): (() => string | null)[] {
  const { book, picker, analysis: a, input } = ctx;
  const notes: (() => string | null)[] = [];
  for (const { key, first, second } of a.crossings) {
    const phrases = book.theme.crossings[key];
    if (!phrases) continue;
    const pair = { first: cardCtx(ctx, first), second: cardCtx(ctx, second) };
    notes.push(() => picker.maybe(first.mood === second.mood ? phrases.agree : phrases.tension, pair));
  }
  const outcome = ctx.cards.find((c) => c.spec.role === 'outcome');
  if (input.spreadKey === 'celtic_cross' && outcome && input.question?.trim()) {
    notes.push(() => picker.maybe(book.theme.outcomeAgainstQuestion[outcome.mood], cardCtx(ctx, outcome)));
  }
  if (a.movement) {
    const { shape, first, last } = a.movement;
    notes.push(() => picker.maybe(book.theme.movement[shape], { first: cardCtx(ctx, first), second: cardCtx(ctx, last) }));
  }
  for (const { key, first, second } of a.famousPairs.slice(0, 2)) {
    const say = book.theme.famousPairs[key];
    if (say) notes.push(() => picker.first([say({ first: first.named, second: second.named })]));
  }
  const people = a.courts.filter((c) => c.spec.role !== 'other' && c.spec.role !== 'environment');
  for (const court of people.slice(0, ctx.depth === 'short' ? 1 : 2)) {
    const who = book.theme.courtPerson(court.card.facts.number, court.card.facts.suit ?? 'cups');
    notes.push(() => picker.maybe(book.theme.court, { card: court.named, who }));
  }
  return notes;
}
