import type { DeckStyle, Element, Suit } from 'src/readings/deck/card';
import type { CardCtx, Named, PairCtx, PhraseBook } from './phrase-book';
import { cap, list, quote, quoteAtEnd, the, turned, Turned as T, The as B } from './grammar.en';
import { GUIDANCE_EN } from './guidance-phrases.en';

const NUMBERS = [
  'no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten',
  'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen',
];
const count = (n: number): string => NUMBERS[n] ?? String(n);
const names = (cards: readonly Named[]): string => list(cards.map(the));
const are = (n: number, one: string, many: string): string => (n === 1 ? one : many);

const SUITS: Record<DeckStyle, Record<Suit, string>> = {
  rws: { wands: 'Wands', cups: 'Cups', swords: 'Swords', pentacles: 'Pentacles' },
  thoth: { wands: 'Wands', cups: 'Cups', swords: 'Swords', pentacles: 'Disks' },
  marseille: { wands: 'Batons', cups: 'Cups', swords: 'Swords', pentacles: 'Coins' },
};
export const ELEMENT_THEMES: Record<Element, string> = {
  fire: 'drive, passion and the will to act',
  water: 'feelings, relationships and intuition',
  air: 'thoughts, words and decisions',
  earth: 'work, the body and the practical side of life',
};
const RANKS = ['', 'Aces', 'Twos', 'Threes', 'Fours', 'Fives', 'Sixes', 'Sevens', 'Eights', 'Nines', 'Tens', 'Pages', 'Knights', 'Queens', 'Kings'];
const RANK_MEANINGS = [
  '',
  'new beginnings and raw potential',
  'choices, balance and partnership',
  'growth, creativity and working with others',
  'stability, structure and rest',
  'friction, challenge and change',
  'harmony, generosity and recovery',
  'testing, reflection and perseverance',
  'movement, effort and mastery',
  'nearing completion and gathering results',
  'the close of a cycle',
  'curiosity, news and learning',
  'pursuit and movement',
  'emotional maturity and inner mastery',
  'authority and responsibility',
];
const COURT_WHO = ['', '', '', '', '', '', '', '', '', '', '', 'someone young or new to this', 'someone on the move', 'a mature, self-possessed person', 'someone in charge'];
const COURT_TEMPER: Record<Suit, string> = {
  wands: 'full of fire and quick to start things',
  cups: 'gentle and led by feeling',
  swords: 'sharp-minded and outspoken',
  pentacles: 'practical and steady',
};
const CHAPTERS: Record<string, string> = {
  heart: 'The heart of the matter',
  roots: 'What lies beneath and behind',
  horizon: 'What rises ahead',
  world: 'You and the world around you',
  outcome: 'Where it leads',
  week_start: 'The start of the week',
  midweek: 'Midweek',
  weekend: 'The weekend',
  month_theme: 'The month’s theme',
  weeks: 'Week by week',
  areas: 'The areas of your life',
  month_end: 'The challenge and the harvest',
  year_theme: 'The year’s theme',
  winter_spring: 'January to March',
  spring_summer: 'April to June',
  summer_autumn: 'July to September',
  autumn_winter: 'October to December',
  origins: 'Where you come from',
  gifts_wounds: 'Gifts, wounds and lessons',
  love_work: 'Love and work',
  depths: 'The depths and the present',
  road_ahead: 'The road ahead',
};

type C = CardCtx;
type P = PairCtx;
const A = (p: P): string => T(p.first.card);
const Z = (p: P): string => turned(p.second.card);
/** "the first week", "January": a period name mid-sentence. */
const period = (c: C): string => (/ /.test(c.position) ? `the ${c.position.toLowerCase()}` : c.position);
const Period = (c: C): string => cap(period(c));

export const PHRASES_EN: PhraseBook = {
  capitalize: cap,
  list,
  quote,
  quoteAtEnd,
  card: (card) => turned(card),
  bare: (card) => the(card),
  suit: (suit, deck) => SUITS[deck][suit],
  timelineLine: (name, card, essence) => `${name} — ${card.name}${card.reversed ? ', reversed' : ''}: ${essence}`,
  place: (name, period) => {
    if (period === 'day') return `on ${name}`;
    if (period === 'week') return `in the ${name.toLowerCase()}`;
    if (period === 'month') return `in ${name}`;
    return `in the ${name.replace(/^The /, '')} position`;
  },
  chapterTitles: CHAPTERS,

  roles: {
    focus: {
      light: [
        (c) => `The card at the heart of this reading is ${turned(c.card)}, and its message is ${c.essence}.`,
        (c) => `Everything here centres on ${turned(c.card)}: ${c.essence}.`,
        (c) => `${T(c.card)} comes to you as the one message worth hearing now: ${c.essence}.`,
        (c) => `At the core of your reading stands ${turned(c.card)}, speaking of ${c.essence}.`,
        (c) => `${T(c.card)} is your card, and at its heart lies ${c.essence}.`,
      ],
      dark: [
        (c) => `${T(c.card)} is the card at the heart of this reading, and it does not flatter: its message is ${c.essence}.`,
        (c) => `At the core of your reading lies ${turned(c.card)}, a harder message about ${c.essence}.`,
        (c) => `${T(c.card)} came up as the one message for now, and it asks you to face ${c.essence}.`,
        (c) => `The heart of it is ${turned(c.card)}: ${c.essence}, said plainly.`,
        (c) => `Everything centres on ${turned(c.card)}, and what it brings to the surface is ${c.essence}.`,
      ],
    },
    situation: {
      light: [
        (c) => `Right now, ${turned(c.card)} describes where you stand: ${c.essence}.`,
        (c) => `The present moment is shown by ${turned(c.card)}: ${c.essence}.`,
        (c) => `${T(c.card)} sets the scene as things stand today, with ${c.essence} at its centre.`,
        (c) => `This is where you are now: ${c.essence}, as ${turned(c.card)} shows it.`,
        (c) => `${T(c.card)} holds the present, and it points to ${c.essence}.`,
      ],
      dark: [
        (c) => `As things stand now, ${turned(c.card)} shows ${c.essence}.`,
        (c) => `The present is not easy: ${turned(c.card)} names it as ${c.essence}.`,
        (c) => `${T(c.card)} describes the current moment honestly: ${c.essence}.`,
        (c) => `Where you stand today, ${turned(c.card)} finds ${c.essence}.`,
        (c) => `The situation right now carries the weight of ${turned(c.card)}: ${c.essence}.`,
      ],
    },
    theme: {
      light: [
        (c) => `The theme running through this whole period is ${turned(c.card)}: ${c.essence}.`,
        (c) => `${T(c.card)} sets the keynote for everything that follows: ${c.essence}.`,
        (c) => `If one thread runs through it all, it is ${c.essence}, the gift of ${turned(c.card)}.`,
        (c) => `Overall, ${turned(c.card)} gives the period its colour: ${c.essence}.`,
      ],
      dark: [
        (c) => `The theme running through this period is a demanding one: ${turned(c.card)}, ${c.essence}.`,
        (c) => `${T(c.card)} sets the keynote, and it asks for care: ${c.essence}.`,
        (c) => `One thread runs through it all, and it is ${c.essence}, as ${turned(c.card)} shows.`,
        (c) => `Overall, the period takes its colour from ${turned(c.card)}: ${c.essence}.`,
      ],
    },
    challenge: {
      light: [
        (c) => `Crossing you is ${turned(c.card)}, and here even its gifts become the obstacle.`,
        (c) => `${T(c.card)} lies across your path; a kind card in this place is read by its shadow.`,
        (c) => `What stands in the way is ${turned(c.card)}, which sounds like good news until you see where it has landed.`,
        (c) => `The challenge comes as ${turned(c.card)}, a card whose strength, overdone, turns into the hurdle.`,
        (c) => `The obstacle has a friendly face: ${turned(c.card)}.`,
      ],
      dark: [
        (c) => `What stands in your way is ${turned(c.card)}: ${c.essence}.`,
        (c) => `${T(c.card)} crosses you, and the hurdle it names is ${c.essence}.`,
        (c) => `The challenge is ${turned(c.card)}, and it is plain about it: ${c.essence}.`,
        (c) => `Across your path lies ${turned(c.card)}, the knot you have to untie: ${c.essence}.`,
        (c) => `${T(c.card)} is the obstacle here: ${c.essence}.`,
      ],
    },
    past: {
      light: [
        (c) => `Behind you lies ${c.essence}; ${turned(c.card)} marks what has shaped you.`,
        (c) => `${T(c.card)} in the past speaks of ${c.essence}.`,
        (c) => `What came before was ${c.essence}, as ${turned(c.card)} shows.`,
        (c) => `Looking back, ${turned(c.card)} shows ${c.essence} as part of what brought you here.`,
        (c) => `The past gave you ${c.essence}; that is the story of ${turned(c.card)}.`,
      ],
      dark: [
        (c) => `Behind you lies ${c.essence}; ${turned(c.card)} shows what you have been carrying.`,
        (c) => `${T(c.card)} in the past marks ${c.essence}, and some of it has not quite let go.`,
        (c) => `What came before was hard in its own way: ${turned(c.card)}, ${c.essence}.`,
        (c) => `Looking back, ${turned(c.card)} names what this has grown out of: ${c.essence}.`,
        (c) => `The past brought ${c.essence}, as ${turned(c.card)} shows.`,
      ],
    },
    foundation: {
      light: [
        (c) => `Beneath the whole matter lies ${turned(c.card)}: ${c.essence}.`,
        (c) => `${T(c.card)} is the ground this stands on, and it is good ground: ${c.essence}.`,
        (c) => `At the root of it all is ${c.essence}, the foundation ${turned(c.card)} describes.`,
        (c) => `Underneath, quietly, ${turned(c.card)} is at work: ${c.essence}.`,
      ],
      dark: [
        (c) => `Under the surface, ${turned(c.card)} is at work: ${c.essence}.`,
        (c) => `The root of it is ${c.essence}; ${turned(c.card)} shows the ground is less solid than it looks.`,
        (c) => `${T(c.card)} sits at the foundation, and it explains a lot: ${c.essence}.`,
        (c) => `What lies beneath is ${c.essence}, as ${turned(c.card)} reveals.`,
      ],
    },
    future: {
      light: [
        (c) => `Ahead, ${turned(c.card)} brings ${c.essence}.`,
        (c) => `Coming towards you is ${turned(c.card)}: ${c.essence}.`,
        (c) => `The next stretch belongs to ${turned(c.card)}, with ${c.essence} on the way.`,
        (c) => `${T(c.card)} shows what approaches: ${c.essence}.`,
        (c) => `In the near future, ${turned(c.card)} suggests ${c.essence}.`,
      ],
      dark: [
        (c) => `Ahead lies ${turned(c.card)}, asking you to prepare for ${c.essence}.`,
        (c) => `Coming towards you is ${turned(c.card)}: ${c.essence}, which is easier met with open eyes.`,
        (c) => `${T(c.card)} shows the next stretch honestly: ${c.essence}.`,
        (c) => `What approaches is ${c.essence}; ${turned(c.card)} gives you time to get ready.`,
        (c) => `The card of the future is ${turned(c.card)}, and it speaks of ${c.essence}.`,
      ],
    },
    outcome: {
      light: [
        (c) => `Where this is leading: ${turned(c.card)}, ${c.essence}.`,
        (c) => `The outcome card is ${turned(c.card)}, and it points to ${c.essence} if you keep to your course.`,
        (c) => `${T(c.card)} is where the threads come together: ${c.essence}.`,
        (c) => `All of this leads to ${turned(c.card)}: ${c.essence}.`,
        (c) => `${T(c.card)} as the outcome is a good sign: ${c.essence}.`,
      ],
      dark: [
        (c) => `Where this is leading, if nothing changes, is ${turned(c.card)}: ${c.essence}.`,
        (c) => `The outcome card is ${turned(c.card)}; take it as a forecast you can still change, not a verdict: ${c.essence}.`,
        (c) => `${T(c.card)} is where the threads meet for now, and it warns of ${c.essence}.`,
        (c) => `All of this currently leads to ${turned(c.card)}: ${c.essence}, unless you shift something earlier in the story.`,
        (c) => `As an outcome, ${turned(c.card)} is a caution rather than a sentence: ${c.essence}.`,
      ],
    },
    aim: {
      light: [
        (c) => `${T(c.card)} crowns the spread: the best you can reach here is ${c.essence}.`,
        (c) => `What you are reaching for, knowingly or not, is ${c.essence}, the aim ${turned(c.card)} describes.`,
        (c) => `The highest possibility in this situation is ${turned(c.card)}: ${c.essence}.`,
        (c) => `Your aim, as ${turned(c.card)} shows it, is ${c.essence}.`,
      ],
      dark: [
        (c) => `${T(c.card)} crowns the spread, and it shows an aim that needs rethinking: ${c.essence}.`,
        (c) => `What you are reaching for may be ${c.essence}; ${turned(c.card)} asks whether that is really your best.`,
        (c) => `The aim here is clouded: ${turned(c.card)}, ${c.essence}.`,
        (c) => `${T(c.card)} sits where your highest aim should be, and it points to ${c.essence}.`,
      ],
    },
    self: {
      light: [
        (c) => `${T(c.card)} shows how you are in this: ${c.essence}.`,
        (c) => `As for you, ${turned(c.card)} describes your stance: ${c.essence}.`,
        (c) => `You come to this as ${turned(c.card)}: ${c.essence}.`,
        (c) => `Your own part is ${turned(c.card)}, and it speaks of ${c.essence}.`,
        (c) => `${T(c.card)} is your mirror here: ${c.essence}.`,
      ],
      dark: [
        (c) => `${T(c.card)} shows how you are in this, and it is not easy on you: ${c.essence}.`,
        (c) => `As for you, ${turned(c.card)} points to ${c.essence}.`,
        (c) => `Your own stance, as ${turned(c.card)} reveals it, is ${c.essence}.`,
        (c) => `Held up as your mirror, ${turned(c.card)} shows ${c.essence}.`,
        (c) => `You bring ${turned(c.card)} to this: ${c.essence}.`,
      ],
    },
    other: {
      light: [
        (c) => `The other person is shown by ${turned(c.card)}: ${c.essence}.`,
        (c) => `${T(c.card)} describes them, and their side of this is ${c.essence}.`,
        (c) => `For them, this is ${turned(c.card)}: ${c.essence}.`,
        (c) => `${T(c.card)} speaks for the other person, and what they bring is ${c.essence}.`,
        (c) => `On their side of the table lies ${turned(c.card)}: ${c.essence}.`,
      ],
      dark: [
        (c) => `The other person is shown by ${turned(c.card)}, and their side of it is ${c.essence}.`,
        (c) => `${T(c.card)} describes where they are: ${c.essence}.`,
        (c) => `For them, this is ${turned(c.card)}, and it is not simple: ${c.essence}.`,
        (c) => `What they bring, as ${turned(c.card)} reveals, is ${c.essence}.`,
        (c) => `On their side lies ${turned(c.card)}: ${c.essence}.`,
      ],
    },
    bond: {
      light: [
        (c) => `Between you lies ${turned(c.card)}: ${c.essence}.`,
        (c) => `The bond itself is ${turned(c.card)}, and it holds ${c.essence}.`,
        (c) => `What connects you is ${c.essence}, as ${turned(c.card)} shows.`,
        (c) => `${T(c.card)} describes the connection: ${c.essence}.`,
      ],
      dark: [
        (c) => `Between you lies ${turned(c.card)}, and the bond carries ${c.essence}.`,
        (c) => `The connection is shown by ${turned(c.card)}: ${c.essence}.`,
        (c) => `What holds you together right now is under strain: ${turned(c.card)}, ${c.essence}.`,
        (c) => `${T(c.card)} describes the bond as it is: ${c.essence}.`,
      ],
    },
    environment: {
      light: [
        (c) => `Around you stands ${turned(c.card)}: ${c.essence}.`,
        (c) => `The people and circumstances near you are shown by ${turned(c.card)}: ${c.essence}.`,
        (c) => `${T(c.card)} describes your surroundings, and they offer ${c.essence}.`,
        (c) => `What surrounds you is ${c.essence}, as ${turned(c.card)} shows.`,
      ],
      dark: [
        (c) => `Around you stands ${turned(c.card)}, and your surroundings bring ${c.essence}.`,
        (c) => `The circumstances near you are shown by ${turned(c.card)}: ${c.essence}.`,
        (c) => `${T(c.card)} describes what surrounds you: ${c.essence}.`,
        (c) => `Through ${turned(c.card)}, the people around you bring ${c.essence}.`,
      ],
    },
    hopes_fears: {
      light: [
        (c) => `What you hope for is ${turned(c.card)}: ${c.essence}.`,
        (c) => `${T(c.card)} sits where hopes and fears meet, and here it is a hope: ${c.essence}.`,
        (c) => `Secretly you are hoping for ${c.essence}, as ${turned(c.card)} reveals; the only fear is that it will not come.`,
        (c) => `Your hope wears the face of ${turned(c.card)}: ${c.essence}.`,
      ],
      dark: [
        (c) => `What you fear is ${turned(c.card)}: ${c.essence}.`,
        (c) => `${T(c.card)} sits where hopes and fears meet, and here it is a fear: ${c.essence}.`,
        (c) => `Underneath, the fear is ${c.essence}, as ${turned(c.card)} shows; naming it takes away some of its power.`,
        (c) => `Your fear wears the face of ${turned(c.card)}: ${c.essence}.`,
      ],
    },
    strength: {
      light: [
        (c) => `Your strength here is ${turned(c.card)}: ${c.essence}.`,
        (c) => `${T(c.card)} shows what you can lean on: ${c.essence}.`,
        (c) => `Among your gifts, ${turned(c.card)} stands out: ${c.essence}.`,
        (c) => `The resource you bring is ${c.essence}, as ${turned(c.card)} shows.`,
      ],
      dark: [
        (c) => `Your strength here comes from an unexpected place: ${turned(c.card)}, ${c.essence}.`,
        (c) => `${T(c.card)} is a strange gift, but a gift: having known ${c.essence}, you can use what it taught you.`,
        (c) => `What you can lean on is hard-won: ${turned(c.card)}, ${c.essence}.`,
        (c) => `The resource here is not an easy one, ${c.essence}, and the strength ${turned(c.card)} shows is in how you have met it.`,
      ],
    },
    advice: {
      light: [
        (c) => `The step the cards advise is ${turned(c.card)}: ${c.essence}.`,
        (c) => `${T(c.card)} as advice is clear: move towards ${c.essence}.`,
        (c) => `Your next move is ${turned(c.card)}: ${c.essence}.`,
        (c) => `The advice here is ${turned(c.card)}, and it asks for ${c.essence}.`,
      ],
      dark: [
        (c) => `The advice comes as ${turned(c.card)}: watch out for ${c.essence}.`,
        (c) => `${T(c.card)} as a next step is a warning as much as advice: ${c.essence}.`,
        (c) => `Your next move starts with seeing ${c.essence}, as ${turned(c.card)} advises.`,
        (c) => `The advice here is ${turned(c.card)}: deal with ${c.essence} before you move.`,
      ],
    },
    lesson: {
      light: [
        (c) => `The lesson here is ${turned(c.card)}: ${c.essence}.`,
        (c) => `${T(c.card)} is what life is teaching you: ${c.essence}.`,
        (c) => `What you are learning is ${c.essence}, as ${turned(c.card)} shows.`,
        (c) => `${T(c.card)} names the lesson: ${c.essence}.`,
      ],
      dark: [
        (c) => `The lesson here is a hard one: ${turned(c.card)}, ${c.essence}.`,
        (c) => `${T(c.card)} is what keeps coming back until it is learned: ${c.essence}.`,
        (c) => `Life keeps teaching you through ${turned(c.card)}: ${c.essence}.`,
        (c) => `What you are learning, slowly, is ${c.essence}, as ${turned(c.card)} shows.`,
      ],
    },
    shadow: {
      light: [
        (c) => `In the shadow sits ${turned(c.card)}, and what is hidden here is its excess.`,
        (c) => `${T(c.card)} is the side of you that stays out of sight; its light has a shadow you tend to deny.`,
        (c) => `Your shadow wears an unexpected face: ${turned(c.card)}.`,
        (c) => `What you keep unseen is ${turned(c.card)}, the part of you that overdoes its gift.`,
      ],
      dark: [
        (c) => `In the shadow sits ${turned(c.card)}: ${c.essence}.`,
        (c) => `${T(c.card)} is the hidden side: ${c.essence}.`,
        (c) => `What stays hidden, because you would rather not see it, is ${c.essence}, as ${turned(c.card)} shows.`,
        (c) => `Your shadow, as ${turned(c.card)} shows it, is ${c.essence}.`,
      ],
    },
    wound: {
      light: [
        (c) => `${T(c.card)} sits where the old hurt is, and it shows a wound that has begun to heal: ${c.essence}.`,
        (c) => `The tender place here is ${turned(c.card)}: ${c.essence}.`,
        (c) => `Your old hurt is tied to ${c.essence}, as ${turned(c.card)} shows, and it is softer now than it was.`,
        (c) => `The wound carries ${turned(c.card)}, a gentler card than the place suggests: ${c.essence}.`,
      ],
      dark: [
        (c) => `The old wound is ${turned(c.card)}: ${c.essence}.`,
        (c) => `${T(c.card)} marks the hurt you have carried: ${c.essence}.`,
        (c) => `The tender place is ${c.essence}, as ${turned(c.card)} shows.`,
        (c) => `Where it hurts, ${turned(c.card)} lies: ${c.essence}.`,
      ],
    },
  },
  echo: [
    (c) => `${B(c.card)} has not finished its work: it still colours how you read what is happening now.`,
    (c) => `That matters, because the pattern of ${the(c.card)} is still echoing in the present.`,
    (c) => `Its influence is quieter now, but ${the(c.card)} still sets some of the terms.`,
    (c) => `You can feel ${the(c.card)} in the way you approach things today, for better and for worse.`,
    (c) => `Much of what follows makes more sense once you see ${the(c.card)} underneath it.`,
    (c) => `Whatever you decide next, ${the(c.card)} is part of the ground you decide from.`,
  ],
  periods: {
    day: {
      light: [
        (c) => `${Period(c)} brings ${turned(c.card)}: ${c.essence}.`,
        (c) => `On ${period(c)}, ${turned(c.card)} sets the tone: ${c.essence}.`,
        (c) => `${Period(c)} belongs to ${turned(c.card)}, with ${c.essence}.`,
        (c) => `${T(c.card)} colours ${period(c)}: ${c.essence}.`,
        (c) => `For ${period(c)}, ${turned(c.card)} promises ${c.essence}.`,
      ],
      dark: [
        (c) => `${Period(c)} brings ${turned(c.card)}, so expect ${c.essence}.`,
        (c) => `On ${period(c)}, ${turned(c.card)} asks for care: ${c.essence}.`,
        (c) => `${Period(c)} is the day of ${turned(c.card)}: ${c.essence}.`,
        (c) => `${T(c.card)} colours ${period(c)}, and not gently: ${c.essence}.`,
        (c) => `For ${period(c)}, ${turned(c.card)} is a caution: ${c.essence}.`,
      ],
    },
    week: {
      light: [
        (c) => `In ${period(c)}, ${turned(c.card)} brings ${c.essence}.`,
        (c) => `${Period(c)} belongs to ${turned(c.card)}: ${c.essence}.`,
        (c) => `${T(c.card)} sets the tone for ${period(c)}: ${c.essence}.`,
        (c) => `${Period(c)} opens up with ${turned(c.card)}, and with it ${c.essence}.`,
      ],
      dark: [
        (c) => `In ${period(c)}, ${turned(c.card)} asks for care: ${c.essence}.`,
        (c) => `${Period(c)} is heavier, with ${turned(c.card)}: ${c.essence}.`,
        (c) => `${T(c.card)} sets a demanding tone for ${period(c)}: ${c.essence}.`,
        (c) => `${Period(c)} brings ${turned(c.card)}, so be ready for ${c.essence}.`,
      ],
    },
    month: {
      light: [
        (c) => `${Period(c)} brings ${turned(c.card)}: ${c.essence}.`,
        (c) => `In ${period(c)}, ${turned(c.card)} sets the tone: ${c.essence}.`,
        (c) => `${T(c.card)} is the card of ${period(c)}, with ${c.essence}.`,
        (c) => `${Period(c)} belongs to ${turned(c.card)}: ${c.essence}.`,
        (c) => `Come ${period(c)}, ${turned(c.card)} offers ${c.essence}.`,
      ],
      dark: [
        (c) => `${Period(c)} brings ${turned(c.card)}, so expect ${c.essence}.`,
        (c) => `In ${period(c)}, ${turned(c.card)} asks for patience: ${c.essence}.`,
        (c) => `${T(c.card)} is the card of ${period(c)}, and it is a demanding one: ${c.essence}.`,
        (c) => `${Period(c)} carries ${turned(c.card)}: ${c.essence}.`,
        (c) => `Come ${period(c)}, ${turned(c.card)} will ask you to face ${c.essence}.`,
      ],
    },
    stage: {
      light: [(c) => `${c.position}: ${turned(c.card)}, ${c.essence}.`, (c) => `${T(c.card)} marks ${c.position.toLowerCase()}: ${c.essence}.`],
      dark: [(c) => `${c.position} carries ${turned(c.card)}: ${c.essence}.`, (c) => `${T(c.card)} marks ${c.position.toLowerCase()}, not gently: ${c.essence}.`],
    },
  },
  areas: {
    work: {
      light: [
        (c) => `Your working life is shown by ${turned(c.card)}: ${c.essence}.`,
        (c) => `${T(c.card)} speaks to your work and calling: ${c.essence}.`,
        (c) => `The card of your work is ${turned(c.card)}, and it is a helpful one: ${c.essence}.`,
      ],
      dark: [
        (c) => `Your working life is shown by ${turned(c.card)}, and it needs attention: ${c.essence}.`,
        (c) => `${T(c.card)} speaks to your work, and not lightly: ${c.essence}.`,
        (c) => `The card of your work is ${turned(c.card)}, a call for care: ${c.essence}.`,
      ],
    },
    love: {
      light: [
        (c) => `Your heart and your closest bonds are shown by ${turned(c.card)}: ${c.essence}.`,
        (c) => `${T(c.card)} speaks to your relationships: ${c.essence}.`,
        (c) => `For the people you love, the card is ${turned(c.card)}: ${c.essence}.`,
      ],
      dark: [
        (c) => `Your heart is shown by ${turned(c.card)}, and it is tender ground: ${c.essence}.`,
        (c) => `${T(c.card)} speaks to your relationships, and it asks for care: ${c.essence}.`,
        (c) => `For the people you love, the card is ${turned(c.card)}, asking for honesty: ${c.essence}.`,
      ],
    },
    money: {
      light: [
        (c) => `Your material world is shown by ${turned(c.card)}: ${c.essence}.`,
        (c) => `${T(c.card)} speaks to your finances and resources: ${c.essence}.`,
        (c) => `The card of your finances is ${turned(c.card)}, a reassuring one: ${c.essence}.`,
      ],
      dark: [
        (c) => `Your finances are shown by ${turned(c.card)}: ${c.essence}.`,
        (c) => `${T(c.card)} speaks to your resources, and it asks you to watch them: ${c.essence}.`,
        (c) => `The card of your finances is ${turned(c.card)}, a call for caution: ${c.essence}.`,
      ],
    },
    self: {
      light: [
        (c) => `Your vitality is shown by ${turned(c.card)}: ${c.essence}.`,
        (c) => `${T(c.card)} speaks to your body and energy: ${c.essence}.`,
        (c) => `The card of your wellbeing is ${turned(c.card)}, and it is kind: ${c.essence}.`,
      ],
      dark: [
        (c) => `Your vitality is shown by ${turned(c.card)}, and it needs looking after: ${c.essence}.`,
        (c) => `${T(c.card)} speaks to your energy, and it says to slow down: ${c.essence}.`,
        (c) => `The card of your wellbeing is ${turned(c.card)}, asking for gentleness: ${c.essence}.`,
      ],
    },
  },
  links: {
    rise: [
      (c) => `After ${turned(c.previous)}, ${the(c.card)} lets some light back in.`,
      (c) => `Where ${turned(c.previous)} weighed things down, ${the(c.card)} begins to lift them.`,
      (c) => `Coming after ${turned(c.previous)}, ${the(c.card)} feels like the tide turning.`,
      (c) => `${B(c.card)} answers ${turned(c.previous)}: what was heavy starts to ease.`,
    ],
    fall: [
      (c) => `After ${turned(c.previous)}, ${turned(c.card)} is a reminder not to coast.`,
      (c) => `${T(c.card)} follows ${turned(c.previous)} and tempers its brightness.`,
      (c) => `Coming after ${turned(c.previous)}, ${turned(c.card)} asks for a little more caution.`,
      (c) => `Where ${turned(c.previous)} opened the way, ${turned(c.card)} shows the snag.`,
    ],
    sameSuit: [
      (c) => `Like ${the(c.previous)} before it, ${the(c.card)} belongs to ${c.suit}, and the same story carries on.`,
      (c) => `${B(c.card)} keeps to ${c.suit}, picking up the thread from ${the(c.previous)}.`,
      (c) => `With ${the(c.previous)} and now ${the(c.card)}, ${c.suit} keep returning: this part of life is where the action is.`,
    ],
  },
  reflection: [
    (c) => `Ask yourself where ${c.essence} already shows up in your life.`,
    (c) => `Over the next few days, watch for ${c.essence}; that is where ${the(c.card)} is speaking to you.`,
    (c) => `Notice today where ${c.essence} touches your life, and what it asks of you.`,
    (c) => `Keep ${the(c.card)} in mind for a day or two and see where it turns up.`,
  ],

  theme: {
    single: {
      opening: {
        light: [
          (c) => `One card, and a generous one: ${turned(c.card)}.`,
          (c) => `This reading rests on a single card, ${turned(c.card)}, and it is a friendly one to have.`,
          (c) => `Just one card answers you, and it is ${turned(c.card)}, which comes with open hands.`,
          (c) => `${T(c.card)} has the stage to itself, and it is a welcome sight.`,
        ],
        dark: [
          (c) => `One card, and not an easy one: ${turned(c.card)}.`,
          (c) => `This reading rests on a single card, ${turned(c.card)}, and it asks for honesty.`,
          (c) => `Just one card answers you, and it is a demanding one: ${turned(c.card)}.`,
          (c) => `${T(c.card)} has the stage to itself, and it does not come to flatter.`,
        ],
      },
      major: [
        (c) => `As one of the major arcana, ${the(c.card)} points to a chapter of your life rather than a passing day.`,
        (c) => `${B(c.card)} is a major arcana card, so its message concerns a real turning point, not a small detail.`,
        (c) => `Being a major arcana card, ${the(c.card)} carries weight: this is larger than a mood.`,
      ],
      minor: [
        (c) => `${B(c.card)} comes from the suit of ${c.suit}, the suit of ${ELEMENT_THEMES[c.element]}, so its message is practical and close at hand.`,
        (c) => `As a card of ${c.suit}, ${the(c.card)} speaks of ${ELEMENT_THEMES[c.element]}: something human-sized, within your reach.`,
        (c) => `${B(c.card)} belongs to ${c.suit}, and with it to ${ELEMENT_THEMES[c.element]}; this is about everyday life and the choices in it.`,
      ],
    },
    allMajors: [
      (c) => `All ${count(c.count)} cards are major arcana, which is rare: this is a defining chapter, and its lessons run deep.`,
      (c) => `Not one minor card among the ${count(c.total)}: the whole spread speaks in the language of turning points.`,
      (c) => `Every card here is a major arcana card, ${count(c.count)} of them, so this is about a life lesson, not a passing situation.`,
    ],
    manyMajors: [
      (c) => `${cap(count(c.count))} of the ${count(c.total)} cards are major arcana${c.count <= 4 ? ` (${names(c.cards)})` : ''}, so forces larger than everyday choices are shaping this.`,
      (c) => `The major arcana dominate, ${count(c.count)} of ${count(c.total)}: this is a period that will leave a mark.`,
      (c) => `With ${count(c.count)} major arcana among ${count(c.total)} cards, the reading speaks of a chapter, not an episode.`,
    ],
    fewMajors: [
      (c) =>
        c.count <= 3
          ? `${cap(names(c.cards))} ${are(c.count, 'is the only major arcana card, marking', 'are the only major arcana cards, marking')} where the deeper current runs; the rest lies in your everyday choices.`
          : `Only ${count(c.count)} of the ${count(c.total)} cards are major arcana, so most of this is in your hands.`,
      (c) => `Most of the cards are minor arcana, so much of this is in your hands, with ${c.count <= 3 ? names(c.cards) : `${count(c.count)} major arcana`} as the deeper note.`,
      (c) => `The minor arcana carry most of this spread, which keeps it practical; ${c.count <= 3 ? `${names(c.cards)} ${are(c.count, 'carries', 'carry')}` : 'the major arcana carry'} the most weight.`,
    ],
    noMajors: [
      () => 'There is not one major arcana card: nothing here is fixed by fate, and your own choices carry the most weight.',
      () => 'Every card is a minor arcana card, so this is human-sized: habits, conversations and decisions will change it.',
      () => 'Without a single major arcana card, the spread keeps its feet on the ground; small steps can change a lot.',
    ],
    dominantSuit: [
      (c) => `${c.suit} lead with ${count(c.count)} cards${c.count <= 4 ? ` (${names(c.cards)})` : ''}, so this is a story of ${ELEMENT_THEMES[c.element]}.`,
      (c) => `The largest group of cards is ${c.suit}: ${ELEMENT_THEMES[c.element]} are at the centre of this.`,
      (c) => `With ${count(c.count)} cards of ${c.suit}, the element of ${c.element} sets the tone: expect ${ELEMENT_THEMES[c.element]} to matter most.`,
    ],
    missingSuit: [
      (c) => `Not one card of ${c.suit} appears, so ${ELEMENT_THEMES[c.element]} may be the missing piece, or the part of life you are not looking at.`,
      (c) => `The absence of ${c.suit} is telling: ${ELEMENT_THEMES[c.element]} get little room in this spread, and perhaps in your days.`,
    ],
    allUpright: [
      () => 'Every card is upright: the energies are flowing openly, and the message is direct.',
      () => 'No card is reversed here, so what you see is what is at work, with little held back.',
      () => 'All the cards stand upright, which suggests things are moving in the open, without much hidden resistance.',
    ],
    manyReversed: [
      (c) => `${cap(count(c.count))} of the ${count(c.total)} cards are reversed: a lot is turned inward, delayed or resisted, so be patient with yourself.`,
      (c) => `So many reversals, ${count(c.count)} of ${count(c.total)}, point to inner work before outer progress.`,
      (c) => `Reversed cards fill this spread, ${count(c.count)} of ${count(c.total)}: something is asking to be released or rethought before things flow again.`,
    ],
    allReversed: [
      () => 'Every card is reversed, a striking pattern: before anything moves outwardly, something has to shift inside.',
      (c) => `All ${count(c.count)} cards are reversed, so this reading speaks mostly of inner processes: delays, second thoughts and energy waiting to be freed.`,
    ],
    sameRank: [
      (c) => `${cap(count(c.count))} ${RANKS[c.rank]} appear (${names(c.cards)}), underlining ${RANK_MEANINGS[c.rank]}.`,
      (c) => `${cap(names(c.cards))} share their rank, so ${RANK_MEANINGS[c.rank]} echo through the reading.`,
      (c) => `When ${count(c.count)} ${RANKS[c.rank]} turn up together, as ${names(c.cards)} do here, they stress ${RANK_MEANINGS[c.rank]}.`,
    ],
    court: [
      (c) => `${B(c.card)} may be a real person in this story: ${c.who}; or it may be that side of you.`,
      (c) => `${B(c.card)} may stand for someone around you: ${c.who}.`,
      (c) => `${B(c.card)} brings a personality into the reading, ${c.who}, whether someone near you or a part of yourself.`,
    ],
    courtPerson: (rank, suit) => `${COURT_WHO[rank] ?? 'someone'} who is ${COURT_TEMPER[suit]}`,
    famousPairs: {
      '16-17': (c) => `${B(c.first)} and ${the(c.second)} appear together: upheaval is followed by healing, and what falls away makes room for hope.`,
      '13-19': (c) => `${B(c.first)} beside ${the(c.second)} is a hopeful pairing: an ending clears the way for warmth and a fresh start.`,
      '6-15': (c) => `${B(c.first)} and ${the(c.second)} together raise a question of choice: which bond is freely chosen, and which is held by habit or fear?`,
      '18-19': (c) => `${B(c.first)} and ${the(c.second)} describe a passage from confusion to clarity: what feels uncertain now is moving towards the light.`,
      '1-2': (c) => `${B(c.first)} and ${the(c.second)} pair action with intuition: trust what you sense, then use what you have.`,
      '3-4': (c) => `${B(c.first)} and ${the(c.second)} balance nurture and structure: care and clear boundaries both belong to the answer.`,
      '0-21': (c) => `${B(c.first)} and ${the(c.second)} mark both the end and the start of a cycle: one chapter completes as another begins.`,
      '9-17': (c) => `${B(c.first)} and ${the(c.second)} together say that time alone is not lost time: the quiet is where your guiding light comes back.`,
      '10-11': (c) => `${B(c.first)} beside ${the(c.second)} weighs luck against fairness: what turns by chance now will settle by what is right.`,
      '13-20': (c) => `${B(c.first)} and ${the(c.second)} speak of an ending that becomes a calling: what closes now returns later as a clearer purpose.`,
    },
    movement: {
      rising: [
        (c: P) => `From ${turned(c.first.card)} to ${Z(c)}, the story rises: ${c.first.essence} gives way to ${c.second.essence}.`,
        (c: P) => `The movement is upward, from ${turned(c.first.card)} to ${Z(c)}: what started as ${c.first.essence} is heading towards ${c.second.essence}.`,
      ],
      falling: [
        (c: P) => `From ${turned(c.first.card)} to ${Z(c)}, the story cools: ${c.first.essence} gives way to ${c.second.essence}, which is a call for care, not alarm.`,
        (c: P) => `The movement runs downhill, from ${turned(c.first.card)} to ${Z(c)}; notice it now, while the course can still be adjusted.`,
      ],
      steady_light: [
        (c: P) => `From ${turned(c.first.card)} to ${Z(c)}, the current stays kind: the cards draw a steady, hopeful line.`,
        (c: P) => `The thread from ${turned(c.first.card)} to ${Z(c)} holds steady and bright.`,
      ],
      steady_dark: [
        (c: P) => `From ${turned(c.first.card)} to ${Z(c)}, the load stays heavy: this is a stretch to walk patiently, not to sprint.`,
        (c: P) => `The thread from ${turned(c.first.card)} to ${Z(c)} is demanding throughout, which is exactly why small kindnesses to yourself matter.`,
      ],
      valley: [
        (c: P) => `Between ${turned(c.first.card)} and ${Z(c)} the road dips: the middle is the hard part, and it does not last.`,
        (c: P) => `The story goes through a low point between ${turned(c.first.card)} and ${Z(c)}, then climbs again.`,
      ],
      peak: [
        (c: P) => `Between ${turned(c.first.card)} and ${Z(c)} the story peaks in the middle: make the most of it while it lasts.`,
        (c: P) => `The high point comes between ${turned(c.first.card)} and ${Z(c)}; the ends are quieter than the middle.`,
      ],
    },
    crossings: {
      crossing: {
        agree: [
          (c) => `${A(c)} at the centre and ${Z(c)} across it speak the same language: ${c.first.essence} and ${c.second.essence} feed each other.`,
          (c) => `The crossing card does not fight the centre here: ${turned(c.first.card)} and ${Z(c)} pull the same way, for better or worse.`,
        ],
        tension: [
          (c) => `${A(c)} and ${Z(c)} cross each other in the classic way: ${c.first.essence} meets ${c.second.essence}, and how you hold the two is the whole question.`,
          (c) => `At the centre, ${turned(c.first.card)} is crossed by ${Z(c)}: the situation wants one thing, the obstacle another.`,
        ],
      },
      below_above: {
        agree: [
          (c) => `What lies beneath, ${turned(c.first.card)}, supports what you reach for, ${Z(c)}: your roots and your aim agree.`,
          (c) => `${A(c)} below and ${Z(c)} above are of one mind, so what you want grows naturally out of what you already are.`,
        ],
        tension: [
          (c) => `${A(c)} below and ${Z(c)} above pull apart: what drives you underneath is not yet what you consciously aim for.`,
          (c) => `The foundation, ${turned(c.first.card)}, and the crown, ${Z(c)}, disagree; bringing them closer is part of the work.`,
        ],
      },
      before_after: {
        agree: [
          (c) => `The recent past, ${turned(c.first.card)}, flows straight into the near future, ${Z(c)}: the same current carries on.`,
          (c) => `From ${turned(c.first.card)} just behind you to ${Z(c)} just ahead, the story keeps its direction.`,
        ],
        tension: [
          (c) => `From ${turned(c.first.card)} just behind you to ${Z(c)} just ahead, the story changes direction.`,
          (c) => `What is leaving, ${turned(c.first.card)}, and what is arriving, ${Z(c)}, are different in mood: a page is turning.`,
        ],
      },
      mirror: {
        agree: [
          (c) => `You and they are drawn in the same mood: ${turned(c.first.card)} and ${Z(c)} meet each other halfway.`,
          (c) => `${A(c)} on your side and ${Z(c)} on theirs echo each other; you may be closer in this than either of you thinks.`,
        ],
        tension: [
          (c) => `You and they stand in different places: ${turned(c.first.card)} on your side, ${Z(c)} on theirs, and each of you may be waiting for the other to move.`,
          (c) => `${A(c)} and ${Z(c)} show two people experiencing the same bond quite differently.`,
        ],
      },
      bond_strain: {
        agree: [
          (c) => `The bond, ${turned(c.first.card)}, and its challenge, ${Z(c)}, are of a piece: the strain grows out of the connection itself.`,
          (c) => `What joins you and what tests you speak the same language here: ${turned(c.first.card)} and ${Z(c)}.`,
        ],
        tension: [
          (c) => `The connection itself, ${turned(c.first.card)}, is stronger or weaker than its challenge, ${Z(c)}, suggests: do not mistake the strain for the bond.`,
          (c) => `${A(c)} and ${Z(c)} pull in different directions: what holds you and what strains you are not the same thing.`,
        ],
      },
      strength_obstacle: {
        agree: [
          (c) => `Your strength and your obstacle are related: ${turned(c.first.card)} and ${Z(c)} are two sides of the same quality.`,
          (c) => `${A(c)} and ${Z(c)} speak the same language, so the skill that helps you is also the one to watch.`,
        ],
        tension: [
          (c) => `${A(c)} is exactly what answers ${Z(c)}: your strength is the key to your obstacle.`,
          (c) => `Set your strength, ${turned(c.first.card)}, against the obstacle, ${Z(c)}: that is where the work of this period lies.`,
        ],
      },
      strain_result: {
        agree: [
          (c) => `The month’s challenge, ${turned(c.first.card)}, and its outcome, ${Z(c)}, share a mood: how you meet one decides the other.`,
          (c) => `${A(c)} and ${Z(c)} go together: the difficulty and the result are made of the same stuff.`,
        ],
        tension: [
          (c) => `The challenge, ${turned(c.first.card)}, and the outcome, ${Z(c)}, differ in mood: the month can end quite differently from how it tests you.`,
          (c) => `${A(c)} tests you, but ${Z(c)} is what you can hold at the end: the one does not decide the other.`,
        ],
      },
      wound_gift: {
        agree: [
          (c) => `Your wound, ${turned(c.first.card)}, and your gift, ${Z(c)}, are closely related: what hurt you also taught you what you now give.`,
          (c) => `${A(c)} and ${Z(c)} belong together: the gift grew where the wound was.`,
        ],
        tension: [
          (c) => `Your wound, ${turned(c.first.card)}, and your gift, ${Z(c)}, look like opposites, yet the one often heals through the other.`,
          (c) => `${A(c)} and ${Z(c)} pull in different directions: let your gift tend your wound, not cover it.`,
        ],
      },
      shadow_potential: {
        agree: [
          (c) => `Your shadow, ${turned(c.first.card)}, and your hidden potential, ${Z(c)}, are made of the same material: what you hide contains what you could become.`,
          (c) => `${A(c)} and ${Z(c)} share a mood: accepting the shadow is how the potential comes out.`,
        ],
        tension: [
          (c) => `Your shadow, ${turned(c.first.card)}, and your potential, ${Z(c)}, stand on opposite sides: the energy you spend hiding the one is the energy the other needs.`,
          (c) => `${A(c)} hides what ${Z(c)} could bring to light.`,
        ],
      },
      roots_legacy: {
        agree: [
          (c) => `Your roots, ${turned(c.first.card)}, and your legacy, ${Z(c)}, rhyme: you pass on, transformed, what you were given.`,
          (c) => `${A(c)} at the start and ${Z(c)} at the end of the spread close a circle.`,
        ],
        tension: [
          (c) => `Your roots, ${turned(c.first.card)}, and your legacy, ${Z(c)}, differ: what you leave behind will not simply repeat what you were given.`,
          (c) => `From ${turned(c.first.card)} at the roots to ${Z(c)} as legacy, you are writing a different story from the one you inherited.`,
        ],
      },
    },
    outcomeAgainstQuestion: {
      light: [
        (c) => `Held against your question, the outcome card, ${turned(c.card)}, answers with ${c.essence}.`,
        (c) => `Measured against what you asked, ${turned(c.card)} at the end of the cross is encouraging: ${c.essence}.`,
      ],
      dark: [
        (c) => `Held against your question, the outcome card, ${turned(c.card)}, is a caution: ${c.essence}.`,
        (c) => `Measured against what you asked, ${turned(c.card)} at the end of the cross warns of ${c.essence}, and shows where to change course.`,
      ],
    },
    subjectSuit: {
      present: [
        (c) => `For a question about ${SUBJECT_WORDS[c.subject]}, it matters that ${count(c.count)} cards of ${c.suit} came up (${names(c.cards)}): the cards are speaking its language.`,
        (c) => `${cap(names(c.cards))}: ${c.suit} gather around your question about ${SUBJECT_WORDS[c.subject]}, so it is answered on its own ground.`,
      ],
      absent: [
        (c) => `Not one card of ${c.suit} in a question about ${SUBJECT_WORDS[c.subject]}: the answer may lie outside the place you would look first.`,
        (c) => `Interestingly, ${c.suit} stay away from this question about ${SUBJECT_WORDS[c.subject]}; the cards point to other sides of life as the key.`,
      ],
    },
  },
  summary: {
    arc: {
      light: [
        (c) => `In short: from ${turned(c.first.card)} to ${Z(c)}, from ${c.first.essence} towards ${c.second.essence}, and the way there is open.`,
        (c) => `The reading in a sentence: ${turned(c.first.card)} shows where you are, ${Z(c)} where this can go: ${c.second.essence}.`,
        (c) => `Briefly: ${c.first.essence} now, ${c.second.essence} ahead, with ${Z(c)} as the promise at the end.`,
      ],
      dark: [
        (c) => `In short: from ${turned(c.first.card)} to ${Z(c)}, from ${c.first.essence} towards ${c.second.essence}, unless you change course.`,
        (c) => `The reading in a sentence: ${turned(c.first.card)} shows where you are, and ${Z(c)} warns where this goes if nothing shifts: ${c.second.essence}.`,
        (c) => `Briefly: ${c.first.essence} now and ${c.second.essence} ahead, so ${Z(c)} is the card to work with, not to fear.`,
      ],
    },
    span: {
      light: [
        (c) => `In short: from ${c.first.card.name}${c.first.card.reversed ? ' reversed' : ''} ${c.first.place} to ${c.second.card.name}${c.second.card.reversed ? ' reversed' : ''} ${c.second.place}, the way leads from ${c.first.essence} to ${c.second.essence}.`,
        (c) => `The whole stretch in a sentence: it opens ${c.first.place} with ${c.first.essence} and ends ${c.second.place} with ${c.second.essence}, and the ending is a kind one.`,
      ],
      dark: [
        (c) => `In short: from ${c.first.card.name}${c.first.card.reversed ? ' reversed' : ''} ${c.first.place} to ${c.second.card.name}${c.second.card.reversed ? ' reversed' : ''} ${c.second.place}, from ${c.first.essence} to ${c.second.essence}, so pace yourself for the end.`,
        (c) => `The whole stretch in a sentence: it opens ${c.first.place} with ${c.first.essence} and ends ${c.second.place} with ${c.second.essence}, which asks for care.`,
      ],
    },
    challenge: {
      light: [
        (c) => `What stands between is, oddly, ${turned(c.card)}: a good thing overdone.`,
        (c) => `The test on the way is ${turned(c.card)}, a kind card that becomes a snag when there is too much of it.`,
      ],
      dark: [
        (c) => `What stands between is ${turned(c.card)}: ${c.essence}.`,
        (c) => `The knot to untie on the way is ${turned(c.card)}, ${c.essence}.`,
        (c) => `On the way, ${turned(c.card)} is the test: ${c.essence}.`,
      ],
    },
    theme: {
      light: [
        (c) => `Over all of it stands ${turned(c.card)}: ${c.essence}.`,
        (c) => `The keynote is ${turned(c.card)}: ${c.essence}.`,
      ],
      dark: [
        (c) => `Over all of it stands ${turned(c.card)}: ${c.essence}, a theme that asks for patience.`,
        (c) => `The keynote is ${turned(c.card)}, and it is demanding: ${c.essence}.`,
      ],
    },
    single: {
      light: [(c) => `In short: ${turned(c.card)}, ${c.essence}.`, (c) => `The reading in a sentence: ${c.essence}, as ${turned(c.card)} shows.`],
      dark: [(c) => `In short: ${turned(c.card)}, ${c.essence}, to be met with care.`, (c) => `The reading in a sentence: ${c.essence}, as ${turned(c.card)} warns.`],
    },
  },
  guidance: GUIDANCE_EN,
};

const SUBJECT_WORDS: Record<string, string> = {
  love: 'love',
  relationship: 'your relationship',
  career: 'work',
  money: 'money',
  wellbeing: 'your wellbeing',
  growth: 'your growth',
  general: 'your life',
};
