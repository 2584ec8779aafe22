import type { SpreadNote } from './spread-analysis';
import type { WriterContext } from './writer-context';

/** Notes beyond this many turn the theme into a list; small spreads get fewer. */
const MAX_NOTES_SMALL = 2;
const MAX_NOTES_LARGE = 3;
const LARGE_SPREAD = 7;

/** The theme and energy of the whole spread, in one or two paragraphs. */
export function writeTheme(ctx: WriterContext): string {
  const overview = ctx.analysis.total === 1 ? singleCardOverview(ctx) : spreadOverview(ctx);
  const maxNotes = ctx.analysis.total >= LARGE_SPREAD ? MAX_NOTES_LARGE : MAX_NOTES_SMALL;
  const notes = ctx.analysis.notes.slice(0, maxNotes).map((note) => describeNote(ctx, note));
  const link = questionLink(ctx);
  if (notes.length === 0) return [...overview, link].join(' ');
  return `${overview.join(' ')}\n\n${[...notes, link].join(' ')}`;
}

function singleCardOverview({ input, analysis, book, picker }: WriterContext): string[] {
  const card = input.cards[0];
  const { theme } = book;
  return [
    picker.say(theme.singleOpening, { card: book.cardRef(card.name), reversed: card.reversed }),
    card.facts.suit
      ? picker.say(theme.singleMinor, { suit: card.facts.suit })
      : picker.say(theme.singleMajor, {}),
    picker.say(theme.singleElement, { element: analysis.dominantElement ?? card.facts.element }),
    picker.say(card.reversed ? theme.singleReversed : theme.singleUpright, {}),
  ];
}

function spreadOverview(ctx: WriterContext): string[] {
  const { input, analysis: a, book, picker } = ctx;
  const { theme } = book;
  const names = (cards: typeof a.majors) => cards.map((c) => book.cardRef(c.name));
  const sentences = [picker.say(theme.opening, { spread: input.spreadName, count: a.total })];
  const majors = { majors: a.majors.length, total: a.total, names: names(a.majors) };
  sentences.push(
    {
      none: () => picker.say(theme.noMajors, {}),
      some: () => picker.say(theme.someMajors, majors),
      many: () => picker.say(theme.manyMajors, majors),
      all: () => picker.say(theme.allMajors, majors),
    }[a.majorLevel](),
  );
  if (a.dominantSuit) sentences.push(picker.say(theme.dominantSuit, { suit: a.dominantSuit, count: a.suitCounts[a.dominantSuit] }));
  else if (a.dominantElement) sentences.push(picker.say(theme.dominantElement, { element: a.dominantElement }));
  else sentences.push(picker.say(theme.balancedElements, {}));
  if (a.missingSuits.length === 1) sentences.push(picker.say(theme.missingSuit, { suit: a.missingSuits[0] }));
  const reversals = { reversed: a.reversed.length, total: a.total, names: names(a.reversed) };
  sentences.push(
    {
      none: () => picker.say(theme.noReversals, {}),
      some: () => picker.say(theme.fewReversals, reversals),
      many: () => picker.say(theme.manyReversals, reversals),
      all: () => picker.say(theme.allReversed, reversals),
    }[a.reversalLevel](),
  );
  return sentences;
}

function describeNote({ book, picker }: WriterContext, note: SpreadNote): string {
  const ref = book.cardRef;
  switch (note.kind) {
    case 'famous_pair':
      return book.famousPairs[note.key]({ first: ref(note.first.name), second: ref(note.second.name) });
    case 'same_rank':
      return picker.say(book.theme.sameRank, { rank: note.rank, names: note.cards.map((c) => ref(c.name)) });
    case 'suit_through_time':
      return picker.say(book.theme.suitThroughTime, {
        suit: note.suit,
        past: book.positionRef(note.past.position.name),
        future: book.positionRef(note.future.position.name),
      });
    case 'court_and_major':
      return picker.say(book.theme.courtAndMajor, { court: ref(note.court.name), major: ref(note.major.name) });
  }
}

function questionLink({ input, analysis, book, picker }: WriterContext): string {
  const weighty = analysis.majorLevel === 'many' || analysis.majorLevel === 'all';
  const focus = weighty ? book.manyMajorsFocus : book.elementFocus(analysis.focusElement);
  return picker.say(input.question?.trim() ? book.theme.withQuestion : book.theme.withoutQuestion, { focus });
}
