import type { Element, Suit } from 'src/readings/deck/card';
import type { PhraseBook } from './phrase-book';
import { SUIT_ELEMENTS } from './spread-analysis';

const NUMBERS = [
  'no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten',
  'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen',
  'nineteen', 'twenty',
];
const count = (n: number): string => NUMBERS[n] ?? String(n);
const cap = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
const list = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
const plural = (n: number, one: string, many: string): string => (n === 1 ? one : many);
const TERMINAL = /[.!?…]["'”»)]*$/;
/** Mid-sentence, a quotation drops its own closing full stop (never a question mark or ellipsis). */
const quote = (text: string): string => `“${text.replace(/(?<!\.)\.$/, '')}”`;
/** A quotation that ends the sentence keeps its own full stop or question mark. */
const quoteAtEnd = (text: string): string => (TERMINAL.test(text) ? `“${text}”` : `“${text}”.`);
/** Two keywords joined, the usual size for a sentence about the final card. */
const two = (keywords: string[]): string => list(keywords.slice(0, 2));

const SUITS: Record<Suit, string> = { wands: 'Wands', cups: 'Cups', swords: 'Swords', pentacles: 'Pentacles' };
const ELEMENT_THEMES: Record<Element, string> = {
  fire: 'drive, passion and the will to act',
  water: 'feelings, relationships and intuition',
  air: 'thoughts, words and decisions',
  earth: 'work, the body and the practical side of life',
};
const ELEMENT_FOCUS: Record<Element, string> = {
  fire: 'what you truly want and the courage to act on it',
  water: 'what you feel and how you relate to the people involved',
  air: 'how you think the matter through and what needs to be said',
  earth: 'practical steps, steady effort and the resources you already have',
};
const RANKS = [
  '', 'Aces', 'Twos', 'Threes', 'Fours', 'Fives', 'Sixes', 'Sevens', 'Eights', 'Nines', 'Tens',
  'Pages', 'Knights', 'Queens', 'Kings',
];
const RANK_MEANINGS = [
  '',
  'new beginnings and fresh potential',
  'choices, balance and partnership',
  'growth, creativity and working with others',
  'stability, structure and rest',
  'conflict, challenge and change',
  'harmony, generosity and recovery',
  'reflection, testing and perseverance',
  'movement, effort and mastery',
  'nearing completion and gathering the results',
  'completion and the close of a cycle',
  'curiosity, news and learning',
  'action, pursuit and movement',
  'emotional maturity and inner mastery',
  'authority, responsibility and leadership',
];

/** The position's meaning between dashes: safe whatever punctuation it carries. */
const DASHED_INTROS: PhraseBook['journey']['intro'] = [
  (c) => `${cap(c.position)} — ${c.meaning} — holds ${c.card}${c.reversed ? ', reversed' : ''}.`,
  (c) => `For ${c.position} — ${c.meaning} — you drew ${c.card}${c.reversed ? ', reversed' : ''}.`,
  (c) => `${cap(c.card)}${c.reversed ? ', reversed,' : ''} comes up for ${c.position} — ${c.meaning}.`,
];
/** The meaning after a colon: fine with commas, not with a colon of its own. */
const COLON_INTROS: PhraseBook['journey']['intro'] = [
  (c) => `${cap(c.card)}${c.reversed ? ', reversed,' : ''} takes the place of ${c.position}: ${c.meaning}.`,
  (c) => `${cap(c.card)} fills the position of ${c.position}${c.reversed ? ', reversed' : ''}: ${c.meaning}.`,
];
const APPOSITIVE_INTROS: PhraseBook['journey']['intro'] = [
  (c) => `In the place of ${c.position}, ${c.meaning}, lies ${c.card}${c.reversed ? ', reversed' : ''}.`,
  (c) => `The card drawn for ${c.position}, ${c.meaning}, is ${c.card}${c.reversed ? ', reversed' : ''}.`,
  (c) => `The position of ${c.position} speaks of ${c.meaning}, and here ${c.card} appears${c.reversed ? ' reversed' : ''}.`,
];

export const PHRASES_EN: PhraseBook = {
  cardRef: (name) => {
    if (/^the /i.test(name)) return `the ${name.slice(4)}`;
    return name.includes(' of ') ? `the ${name}` : name;
  },
  positionRef: (name) => (/^the /i.test(name) ? `the ${name.slice(4)}` : name),
  capitalize: cap,
  list,
  count,
  quote,
  quoteAtEnd,
  lowerKeyword: (keyword) => (/^[A-Z][a-z]/.test(keyword) ? keyword.charAt(0).toLowerCase() + keyword.slice(1) : keyword),
  suitName: (suit) => SUITS[suit],
  elementName: (element) => element,
  elementTheme: (element) => ELEMENT_THEMES[element],
  elementFocus: (element) => (element ? ELEMENT_FOCUS[element] : 'the balance between heart, mind and practical steps'),
  manyMajorsFocus: 'the larger lesson behind the situation, more than its day-to-day details',
  rankPlural: (rank) => RANKS[rank] ?? '',
  rankMeaning: (rank) => RANK_MEANINGS[rank] ?? '',
  famousPairs: {
    '16-17': (c) => `${cap(c.first)} and ${c.second} appear together: upheaval is followed by healing, and what falls away makes room for hope.`,
    '13-19': (c) => `${cap(c.first)} beside ${c.second} is a hopeful pairing: an ending clears the way for warmth, vitality and a fresh start.`,
    '6-15': (c) => `${cap(c.first)} and ${c.second} together raise a question of choice: which bond is freely chosen, and which is held by habit or fear?`,
    '18-19': (c) => `${cap(c.first)} and ${c.second} describe a passage from confusion to clarity: what feels uncertain now is moving towards the light.`,
    '1-2': (c) => `${cap(c.first)} and ${c.second} pair action with intuition: trust what you sense, then use what you have.`,
    '3-4': (c) => `${cap(c.first)} and ${c.second} balance nurture and structure: care and clear boundaries both belong to the answer.`,
    '0-21': (c) => `${cap(c.first)} and ${c.second} mark both the end and the start of a cycle: one chapter completes as another begins.`,
  },

  theme: {
    opening: [
      (c) => `Taken together, the ${count(c.count)} cards of your ${c.spread} spread tell one story.`,
      (c) => `Before turning to each card, it helps to see your ${c.spread} spread as a whole.`,
      (c) => `Your ${c.spread} spread of ${count(c.count)} cards has a character of its own.`,
      (c) => `Seen as a whole, the ${count(c.count)} cards of this ${c.spread} spread set the tone for everything that follows.`,
      (c) => `There is a clear shape to this ${c.spread} spread once you look at all ${count(c.count)} cards at once.`,
    ],
    singleOpening: [
      (c) => `A single card carries this reading, so everything rests on ${c.card}${c.reversed ? ', reversed' : ''}.`,
      (c) => `Just one card speaks here: ${c.card}${c.reversed ? ', reversed' : ''}.`,
      (c) => `With only one card drawn, ${c.card}${c.reversed ? ', reversed,' : ''} has the stage to itself.`,
      (c) => `One card, one message: ${c.card}${c.reversed ? ', reversed' : ''}.`,
    ],
    singleMajor: [
      () => 'As a major arcana card, it points to a theme larger than a passing mood: something meaningful is unfolding.',
      () => 'It belongs to the major arcana, so its message concerns a real lesson or turning point, not a small detail.',
      () => 'A major arcana card on its own carries weight: it speaks of a chapter of your life, not just a day.',
      () => 'Being one of the major arcana, it asks you to look at the bigger picture behind your situation.',
    ],
    singleMinor: [
      (c) => `As a minor arcana card from the suit of ${SUITS[c.suit]}, it speaks to everyday life and the choices within your reach.`,
      (c) => `It comes from the minor arcana, the suit of ${SUITS[c.suit]}, so its message is practical and close at hand.`,
      (c) => `A minor arcana card of ${SUITS[c.suit]} keeps the reading grounded in ordinary days and the things you can change.`,
      (c) => `Belonging to the suit of ${SUITS[c.suit]}, it describes something human-sized: a situation you can work with directly.`,
    ],
    singleElement: [
      (c) => `Its element is ${c.element}, which brings ${ELEMENT_THEMES[c.element]} into focus.`,
      (c) => `Through its element, ${c.element}, it speaks to ${ELEMENT_THEMES[c.element]}.`,
      (c) => `It carries the element of ${c.element}, and with it a focus on ${ELEMENT_THEMES[c.element]}.`,
      (c) => `Its element, ${c.element}, colours the message with ${ELEMENT_THEMES[c.element]}.`,
    ],
    singleUpright: [
      () => 'It comes upright, so its energy is open and available to you now.',
      () => 'Drawn upright, it speaks plainly and without much resistance.',
      () => 'Upright, its message flows freely: this is energy you can use straight away.',
      () => 'It stands upright, a sign that its qualities are already within reach.',
    ],
    singleReversed: [
      () => 'It comes reversed, which suggests its energy is blocked, delayed or turned inward for now.',
      () => 'The reversal points to something held back: the card’s qualities are present but not yet flowing.',
      () => 'Reversed, its message is quieter and more inward, asking for reflection before action.',
      () => 'Turned upside down, it shows energy that is stuck or resisted, and ready to be worked through.',
    ],
    allMajors: [
      (c) => `Every one of the ${count(c.total)} cards is a major arcana card, which is rare: this is a defining moment, and its lessons run deep.`,
      (c) => `All ${count(c.total)} cards come from the major arcana, so forces much larger than everyday choices are shaping this chapter.`,
      () => 'Not a single minor card appears: the whole spread speaks in the language of destiny and turning points, and it deserves your full attention.',
      () => 'With nothing but major arcana on the table, the reading points to a life lesson rather than a passing situation.',
    ],
    manyMajors: [
      (c) => `${cap(count(c.majors))} of the ${count(c.total)} cards are major arcana, so this is about more than the everyday: big lessons and turning points are in play.`,
      (c) => `With ${count(c.majors)} major arcana among ${count(c.total)} cards, the reading points to a significant chapter, one that shapes you in lasting ways.`,
      (c) => `${cap(count(c.majors))} major arcana cards out of ${count(c.total)} give this spread real weight: forces larger than day-to-day choices are at work.`,
      (c) => `The major arcana lead here (${c.majors} of ${c.total}), a sign that this period carries lessons that matter in the long run.`,
    ],
    someMajors: [
      (c) =>
        c.names.length <= 3
          ? `${cap(list(c.names))} ${plural(c.majors, 'is the only major arcana card, marking', 'are the only major arcana cards, marking')} where deeper forces are at work; the rest lies in your everyday choices.`
          : `Only ${count(c.majors)} of the ${count(c.total)} cards are major arcana, so this is mostly about everyday life and the choices you make in it.`,
      (c) =>
        `Most of the cards are minor arcana, so the matter lives in everyday decisions, with ${c.names.length <= 3 ? list(c.names) : `${count(c.majors)} major arcana`} adding a deeper note.`,
      (c) =>
        `Only ${count(c.majors)} of the ${count(c.total)} cards ${plural(c.majors, 'is a major arcana card', 'are major arcana')}, so this is mostly about ordinary life and the choices you make in it.`,
      (c) =>
        c.names.length <= 3
          ? `The minor arcana carry most of this spread, which keeps it practical; ${list(c.names)} ${plural(c.majors, 'stands out as the card', 'stand out as the cards')} with the most weight.`
          : `The minor arcana carry most of this spread, which keeps it practical, while ${count(c.majors)} major arcana cards carry the most weight.`,
    ],
    noMajors: [
      () => 'No major arcana appear, so this is a matter of everyday life: nothing here is fixed by fate, and your own choices carry the most weight.',
      () => 'Every card is a minor arcana card: the situation is practical and human-sized, shaped by what you do day to day.',
      () => 'Without a single major arcana card, the spread keeps its feet on the ground: this is about habits, choices and ordinary days, all within your reach.',
      () => 'The absence of major arcana is good news in its own way: nothing here is set in stone, and small steps can change a lot.',
    ],
    dominantSuit: [
      (c) => `The suit of ${SUITS[c.suit]} leads with ${count(c.count)} cards, so ${suitElement(c.suit)} sets the tone: this is a story of ${ELEMENT_THEMES[suitElement(c.suit)]}.`,
      (c) => `${SUITS[c.suit]} outnumber the other suits, bringing the element of ${suitElement(c.suit)} to the fore and with it ${ELEMENT_THEMES[suitElement(c.suit)]}.`,
      (c) => `With ${count(c.count)} cards of ${SUITS[c.suit]}, the element of ${suitElement(c.suit)} runs through this reading; expect ${ELEMENT_THEMES[suitElement(c.suit)]} to matter most.`,
      (c) => `The largest group of minor cards belongs to ${SUITS[c.suit]}, the suit of ${suitElement(c.suit)}, which puts ${ELEMENT_THEMES[suitElement(c.suit)]} in the foreground.`,
    ],
    dominantElement: [
      (c) => `The element of ${c.element} is the strongest here, pointing to ${ELEMENT_THEMES[c.element]}.`,
      (c) => `${cap(c.element)} runs strongest through these cards, with the focus on ${ELEMENT_THEMES[c.element]}.`,
      (c) => `Counting the element of every card, ${c.element} comes out on top: the energy gathers around ${ELEMENT_THEMES[c.element]}.`,
      (c) => `${cap(c.element)} is the element that speaks loudest in this spread, which puts ${ELEMENT_THEMES[c.element]} at the heart of it.`,
    ],
    balancedElements: [
      () => 'No single suit or element takes the lead, so the reading touches several sides of life at once.',
      () => 'The elements are mixed, which suggests that feelings, thoughts, action and practical matters all have a say.',
      () => 'Without one dominant element, the cards ask for balance rather than a single focus.',
      () => 'The elements share the stage, a sign that no one area of life should be neglected now.',
    ],
    missingSuit: [
      (c) => `Notably, no ${SUITS[c.suit]} appear at all, so ${ELEMENT_THEMES[suitElement(c.suit)]} may need more of your attention than you are giving them.`,
      (c) => `The absence of ${SUITS[c.suit]} is worth noticing: ${ELEMENT_THEMES[suitElement(c.suit)]} may be the missing piece.`,
      (c) => `There is not one card of ${SUITS[c.suit]}, which hints that ${ELEMENT_THEMES[suitElement(c.suit)]} could use a little more room in your life.`,
    ],
    noReversals: [
      () => 'Every card is upright, so the energies flow freely and the message is direct.',
      () => 'No card is reversed: what you see is what is at work, with little held back or hidden.',
      () => 'All the cards are upright, which suggests things are moving openly and without much resistance.',
      () => 'With no reversals, the reading speaks plainly; these energies are available to you right now.',
    ],
    fewReversals: [
      (c) =>
        c.names.length <= 3
          ? `${cap(list(c.names))} ${plural(c.reversed, 'appears', 'appear')} reversed, marking where energy is blocked, delayed or turned inward.`
          : `${cap(count(c.reversed))} cards appear reversed, marking the places where energy is blocked, delayed or turned inward.`,
      (c) =>
        c.names.length <= 3
          ? `The ${plural(c.reversed, 'reversal', 'reversals')} (${list(c.names)}) ${plural(c.reversed, 'shows', 'show')} where something is held back or still working itself out beneath the surface.`
          : `The ${count(c.reversed)} reversals show where something is held back or still working itself out beneath the surface.`,
      (c) =>
        `${cap(count(c.reversed))} of the ${count(c.total)} cards ${plural(c.reversed, 'is', 'are')} reversed, so most of the reading flows freely; ${c.names.length <= 3 ? `${list(c.names)} ${plural(c.reversed, 'deserves', 'deserve')}` : 'those cards deserve'} a closer look.`,
      (c) =>
        `With ${count(c.reversed)} ${plural(c.reversed, 'reversal', 'reversals')}, the blockages are specific rather than general${c.names.length <= 3 ? `: look closely at ${list(c.names)}` : ''}.`,
    ],
    manyReversals: [
      (c) => `${cap(count(c.reversed))} of the ${count(c.total)} cards are reversed: a lot of energy is turned inward, delayed or resisted, and patience with yourself will help.`,
      (c) => `Many reversals (${c.reversed} of ${c.total}) suggest a time of inner work, when outer progress is slower and reflection pays off.`,
      () => 'With so many cards reversed, something is asking to be released or rethought before things can move freely again.',
      (c) => `The high number of reversals (${c.reversed} of ${c.total}) is not a bad omen: it points to blocked or hidden energy that is ready to be worked through.`,
    ],
    allReversed: [
      () => 'Every card is reversed, a striking pattern: this is a time to look inward, untangle what is stuck and go gently.',
      (c) => `All ${count(c.total)} cards are reversed, so the reading speaks mostly of inner processes: delays, second thoughts and energy waiting to be freed.`,
      () => 'With every card turned upside down, the message is to pause and reflect before pushing ahead.',
      () => 'Not one card is upright: before anything moves outwardly, something has to shift inside.',
    ],
    sameRank: [
      (c) => `${cap(count(c.names.length))} ${RANKS[c.rank]} appear (${list(c.names)}), which underlines ${RANK_MEANINGS[c.rank]}.`,
      (c) => `${cap(list(c.names))} share their rank, so ${RANK_MEANINGS[c.rank]} echo through the reading.`,
      (c) => `When ${count(c.names.length)} ${RANKS[c.rank]} turn up together, they stress ${RANK_MEANINGS[c.rank]}.`,
      (c) => `${cap(count(c.names.length))} ${RANKS[c.rank]} echo each other (${list(c.names)}), a sign of ${RANK_MEANINGS[c.rank]}.`,
    ],
    courtAndMajor: [
      (c) => `${cap(c.court)} appears alongside ${c.major}: a person in your life, or a side of yourself, is tied to the bigger theme at work.`,
      (c) => `The court card here, ${c.court}, meets ${c.major}, suggesting that someone’s attitude, perhaps your own, plays a part in a larger turning point.`,
      (c) => `With ${c.court} and ${c.major} in the same spread, the big lesson may arrive through a particular person or role.`,
      (c) => `${cap(c.court)} brings a personality into the reading, and next to ${c.major} that personality seems bound up with something significant.`,
    ],
    suitThroughTime: [
      (c) => `${SUITS[c.suit]} appear in the positions of both ${c.past} and ${c.future}: ${ELEMENT_THEMES[suitElement(c.suit)]} shaped what came before and will shape what comes next.`,
      (c) => `The suit of ${SUITS[c.suit]} links ${c.past} and ${c.future}, so the thread of ${ELEMENT_THEMES[suitElement(c.suit)]} runs from what was to what is coming.`,
      (c) => `From ${c.past} to ${c.future}, the suit of ${SUITS[c.suit]} keeps returning: an old story about ${ELEMENT_THEMES[suitElement(c.suit)]} is moving towards its next turn.`,
      (c) => `${cap(c.past)} and ${c.future} share the suit of ${SUITS[c.suit]}, so what began in the realm of ${ELEMENT_THEMES[suitElement(c.suit)]} is still unfolding.`,
    ],
    withQuestion: [
      (c) => `Held up against your question, the spread turns your attention to ${c.focus}.`,
      (c) => `In the light of your question, the cards bring to the foreground ${c.focus}.`,
      (c) => `As for your question, the overall energy points to ${c.focus}.`,
      (c) => `Your question meets this energy head-on: look first at ${c.focus}.`,
    ],
    withoutQuestion: [
      (c) => `Without a specific question, read this as a portrait of where your energy is gathering now, with the focus on ${c.focus}.`,
      (c) => `Since no question was asked, take it as a reading of this moment as a whole, centred on ${c.focus}.`,
      (c) => `With no particular question, the spread speaks to your life in general, and especially to ${c.focus}.`,
      (c) => `No question was set, so let the spread show where your attention is most needed: ${c.focus}.`,
    ],
  },

  journey: {
    intro: [...DASHED_INTROS, ...COLON_INTROS, ...APPOSITIVE_INTROS],
    introForCommas: [...DASHED_INTROS, ...COLON_INTROS],
    introForColons: DASHED_INTROS,
    uprightKeywords: [
      (c) => `Its keywords here are ${list(c.keywords)}.`,
      (c) => `Upright, its themes are ${list(c.keywords)}.`,
      (c) => `The words that go with it are ${list(c.keywords)}.`,
      (c) => `It comes upright, with the themes of ${list(c.keywords)}.`,
      (c) => `Its themes here: ${list(c.keywords)}.`,
    ],
    reversedKeywords: [
      (c) => `Reversed, its keywords become ${list(c.keywords)}.`,
      (c) => `In this reversed form, its themes are ${list(c.keywords)}.`,
      (c) => `Turned around, it carries the themes of ${list(c.keywords)}.`,
      (c) => `Upside down, its keywords shift to ${list(c.keywords)}.`,
      (c) => `The reversal changes its themes to ${list(c.keywords)}.`,
    ],
    sameSuitLink: [
      (c) => `Like ${c.previous} before it, it belongs to ${SUITS[c.suit]}, so the same current of ${ELEMENT_THEMES[suitElement(c.suit)]} carries on.`,
      (c) => `Following ${c.previous}, it keeps the story in the suit of ${SUITS[c.suit]}.`,
      (c) => `It shares its suit with ${c.previous}, so the thread of ${ELEMENT_THEMES[suitElement(c.suit)]} continues.`,
      (c) => `Together with ${c.previous}, it keeps ${ELEMENT_THEMES[suitElement(c.suit)]} at the centre of things.`,
    ],
    turnsUprightLink: [
      (c) => `After ${c.previous} reversed, this upright card suggests things beginning to move again.`,
      (c) => `Where ${c.previous} was reversed, this card stands upright: something is loosening.`,
      (c) => `Coming after the reversed ${stripArticle(c.previous)}, its upright energy is a welcome release.`,
      (c) => `Following ${c.previous} reversed, it shows the flow returning.`,
    ],
    turnsReversedLink: [
      (c) => `After the open energy of ${c.previous}, this reversal asks you to slow down.`,
      (c) => `Where ${c.previous} stood upright, this card is turned around: something needs a second look.`,
      (c) => `Following ${c.previous}, the reversal marks a pause or a knot to untie.`,
      (c) => `Set after ${c.previous}, its reversal shows where the momentum meets resistance.`,
    ],
    reflection: [
      () => 'Ask yourself where this already shows up in your life, and what it would take to meet it with open eyes.',
      () => 'Notice where this rings true today; that is where the card is speaking to you.',
      () => 'Keep it in mind over the next few days and watch for the moment it becomes real.',
      () => 'Let it sit with you for a while: the card often makes more sense once you live with it.',
    ],
  },

  guidance: {
    withQuestion: [
      (c) => `You asked: ${quoteAtEnd(c.question)}`,
      (c) => `Let us come back to your question: ${quoteAtEnd(c.question)}`,
      (c) => `Your question was ${quoteAtEnd(c.question)}`,
      (c) => `You came to the cards with this question: ${quoteAtEnd(c.question)}`,
    ],
    withoutQuestion: [
      () => 'You did not ask a specific question, so take this as guidance for the days ahead.',
      () => 'Without a set question, let this guidance speak to whatever is most on your mind.',
      () => 'No question was asked, so apply what follows to the part of your life that feels most alive right now.',
      () => 'Even without a question, the spread has practical advice to offer.',
    ],
    oneAnswer: [
      (c) => `What you shared, ${quote(c.answer)}, is the ground this advice stands on.`,
      (c) => `Keep your own answer in mind: ${quoteAtEnd(c.answer)}`,
      (c) => `Your words, ${quote(c.answer)}, show where you already stand, and the cards build on that.`,
      (c) => `You wrote ${quote(c.answer)}; hold that next to the cards.`,
    ],
    twoAnswers: [
      (c) => `What you shared, ${quote(c.first)} and ${quote(c.second)}, is the ground this advice stands on.`,
      (c) => `Keep your own answers in mind: ${quote(c.first)} and ${quoteAtEnd(c.second)}`,
      (c) => `Your answers, ${quote(c.first)} and ${quote(c.second)}, show where you already stand, and the cards build on that.`,
      (c) => `You wrote ${quote(c.first)} and ${quote(c.second)}; hold those words next to the cards.`,
    ],
    finalUpright: [
      (c) => `The final card, ${c.card}, drawn for ${c.position}, gives you the theme to work with now: ${two(c.keywords)}.`,
      (c) => `${cap(c.card)}, closing the spread in the position of ${c.position}, puts ${two(c.keywords)} at the centre of what comes next; meet that with open eyes.`,
      (c) => `Everything leads to ${c.card}, drawn for ${c.position}, and its keywords, ${two(c.keywords)}, show how to move forward.`,
      (c) => `As the last card, ${c.card} in the position of ${c.position} names what to work with now: ${two(c.keywords)}.`,
    ],
    finalReversed: [
      (c) => `The final card, ${c.card}, comes reversed for ${c.position}, with the themes of ${two(c.keywords)}: give them honest attention before you push ahead.`,
      (c) => `${cap(c.card)} closes the spread reversed, in the position of ${c.position}; its themes, ${two(c.keywords)}, are a signal to slow down and adjust, not a verdict.`,
      (c) => `Everything leads to ${c.card} reversed, drawn for ${c.position}, and its themes, ${two(c.keywords)}, are a reminder to pause and adjust before pushing forward.`,
      (c) => `As the last card, ${c.card} reversed in the position of ${c.position} points to ${two(c.keywords)}, so give that part of the situation patient attention.`,
    ],
    singleUpright: [
      (c) => `${cap(c.card)} asks you to work with its themes, ${two(c.keywords)}, in a practical way.`,
      (c) => `Let the card’s themes, ${two(c.keywords)}, guide your next step.`,
      (c) => `The card’s advice is simple: make room for ${two(c.keywords)}, and see what follows.`,
      (c) => `Carry its themes, ${two(c.keywords)}, with you as a touchstone over the coming days.`,
    ],
    singleReversed: [
      (c) => `Reversed, ${c.card} asks you to look honestly at its themes, ${two(c.keywords)}, before pushing ahead.`,
      (c) => `The reversal points to ${two(c.keywords)}; noticing where that shows up is already the first step to changing it.`,
      (c) => `Give its reversed themes, ${two(c.keywords)}, some patient attention: this is a signal to adjust, not a verdict.`,
      (c) => `Where ${two(c.keywords)} show up, slow down and choose your response rather than reacting.`,
    ],
    element: {
      fire: [
        () => 'Choose one concrete step you can take this week, and take it while the energy is there.',
        () => 'Put your energy into action: start something small today instead of waiting for the perfect moment.',
        () => 'Channel the fire in this spread into one clear goal, and let the rest wait.',
        () => 'Make the call, send the message, begin the draft: momentum matters more than perfection now.',
      ],
      water: [
        () => 'Give your feelings room: talk honestly with someone you trust, or write down what you really feel.',
        () => 'Listen to your intuition before you decide, and let kindness, including towards yourself, guide the next step.',
        () => 'Make time for the people who matter here; one open, gentle conversation can shift a lot.',
        () => 'Notice what your emotions are telling you rather than pushing them aside; they carry useful information.',
      ],
      air: [
        () => 'Write the situation down plainly; clear thinking and an honest conversation will do more than waiting.',
        () => 'Gather the facts you need, then make a decision and say it out loud.',
        () => 'Watch your thoughts for worst-case stories, and replace them with questions you can actually answer.',
        () => 'Say what needs to be said, kindly and clearly; clarity is the gift this spread offers.',
      ],
      earth: [
        () => 'Keep it practical: a small, steady routine and a realistic plan will serve you better than a grand gesture.',
        () => 'Look after the basics, such as rest, time and your everyday commitments, and build from there.',
        () => 'Break the matter into small, concrete tasks and take the first one this week.',
        () => 'Patience pays here: steady effort over the coming weeks will count for more than a sudden leap.',
      ],
      balanced: [
        () => 'Balance is the practical key: give some time to what you feel, what you think, what you want and what needs doing.',
        () => 'Take one step for the heart and one for practical matters, and see which moves things more.',
        () => 'No single approach will solve this; combine honest reflection with one concrete action.',
        () => 'Check in with yourself each day: what do you feel, what do you know, and what can you do?',
      ],
    },
    closing: [
      () => 'The cards describe a current, not a verdict: your choices still shape where it goes.',
      () => 'Nothing here is fixed; treat the reading as a lantern for the path, not a map of it.',
      () => 'Take what resonates and leave the rest: you remain the one who decides.',
      () => 'Whatever you choose, the future stays open, and small steps can change its shape.',
      () => 'Trust yourself to adapt as things unfold; a reading shows tendencies, not certainties.',
    ],
  },
};

function suitElement(suit: Suit): Element {
  return SUIT_ELEMENTS[suit];
}

function stripArticle(ref: string): string {
  return ref.replace(/^the /, '');
}
