import type { CardFacts, CardText, Element, Suit } from 'src/readings/deck/card';
import type { InterpretationInput, InterpretedCard } from './interpretation';

/** Small hand-made cards for specs, independent of the real deck's wording. */
export interface FixtureCard {
  facts: CardFacts;
  text: CardText;
}

const RANK_NAMES = ['', 'Ace', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven', 'Eight', 'Nine', 'Ten', 'Page', 'Knight', 'Queen', 'King'];
const SUIT_ELEMENT: Record<Suit, Element> = { wands: 'fire', cups: 'water', swords: 'air', pentacles: 'earth' };

function text(name: string): CardText {
  return {
    names: { rws: name, thoth: name, marseille: name },
    upright: {
      keywords: [`${name} clarity`, 'courage', 'trust'],
      meaning: `${name} upright brings a steady light. It asks you to act with an open heart.`,
    },
    reversed: {
      keywords: [`${name} delay`, 'doubt', 'holding back'],
      meaning: `${name} reversed shows energy held back. Something needs untangling first.`,
    },
  };
}

export function majorCard(number: number, name: string, element: Element): FixtureCard {
  const id = name.toLowerCase().replace(/ /g, '_');
  return { facts: { id, arcana: 'major', suit: null, number, element }, text: text(name) };
}

export function minorCard(suit: Suit, number: number): FixtureCard {
  const name = `${RANK_NAMES[number]} of ${suit.charAt(0).toUpperCase()}${suit.slice(1)}`;
  const id = name.toLowerCase().replace(/ /g, '_');
  return { facts: { id, arcana: 'minor', suit, number, element: SUIT_ELEMENT[suit] }, text: text(name) };
}

export const THE_FOOL = majorCard(0, 'The Fool', 'air');
export const THE_TOWER = majorCard(16, 'The Tower', 'fire');
export const THE_STAR = majorCard(17, 'The Star', 'air');
export const DEATH = majorCard(13, 'Death', 'water');
export const THE_SUN = majorCard(19, 'The Sun', 'fire');

export function place(card: FixtureCard, position: string, reversed = false): InterpretedCard {
  const name = position
    .split('_')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
  return {
    facts: card.facts,
    text: card.text,
    name: card.text.names.rws,
    reversed,
    position: { key: position, name, meaning: `what ${name.toLowerCase()} holds for you` },
  };
}

export function reading(cards: InterpretedCard[], overrides: Partial<InterpretationInput> = {}): InterpretationInput {
  return {
    spreadKey: 'three_card',
    spreadName: 'Past · Present · Future',
    cards,
    question: 'Should I take the new job offer in Lviv?',
    answers: [],
    language: 'en',
    ...overrides,
  };
}

export const THREE_CARDS: InterpretedCard[] = [
  place(THE_TOWER, 'past'),
  place(minorCard('cups', 5), 'present', true),
  place(THE_STAR, 'future'),
];

/** Fifteen distinct cards, a third reversed, for the largest spread. */
export function fifteenCards(): InterpretedCard[] {
  const deck = [THE_FOOL, DEATH, THE_SUN, ...[1, 3, 5, 7, 9, 11, 13].map((n) => minorCard('wands', n)), ...[2, 4, 6, 8, 10].map((n) => minorCard('swords', n))];
  return deck.map((card, i) => place(card, `position_${i + 1}`, i % 3 === 1));
}
