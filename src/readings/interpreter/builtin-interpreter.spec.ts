import { CARD_READINGS_EN } from 'src/readings/deck/card-readings.en';
import { CARD_TEXTS_EN } from 'src/readings/deck/card-texts.en';
import { CARD_TEXTS_RU } from 'src/readings/deck/card-texts.ru';
import { cardById } from 'src/readings/deck/deck';
import { positionSpec } from 'src/readings/spreads/position-roles';
import { QUESTIONNAIRE_TEXTS_EN } from 'src/readings/spreads/questionnaire-texts.en';
import { SPREAD_TEXTS_EN } from 'src/readings/spreads/spread-texts.en';
import { SPREAD_TEXTS_RU } from 'src/readings/spreads/spread-texts.ru';
import { BuiltinInterpreter } from './builtin-interpreter';
import type { Interpretation, InterpretationInput, InterpretedCard } from './interpretation';
import { sentenceKey, sentenceKeysOf, sentencesOf } from './sentence-ledger';

const all = (i: Interpretation): string => [i.summary ?? '', i.theme, ...i.journey, i.guidance].join('\n');

/** A real card in a real position of a real spread, in English unless said otherwise. */
function place(id: string, spreadKey: string, positionKey: string, reversed = false, language: 'en' | 'ru' = 'en', deck: 'rws' | 'thoth' = 'rws'): InterpretedCard {
  const text = (language === 'en' ? CARD_TEXTS_EN : CARD_TEXTS_RU)[id];
  const spread = (language === 'en' ? SPREAD_TEXTS_EN : SPREAD_TEXTS_RU)[spreadKey];
  const { role, area } = positionSpec(spreadKey, positionKey);
  return {
    facts: cardById(id)!,
    text,
    name: text.names[deck],
    reversed,
    position: { key: positionKey, ...spread.positions[positionKey], role, ...(area ? { area } : {}) },
  };
}

function reading(spreadKey: string, cards: InterpretedCard[], overrides: Partial<InterpretationInput> = {}): InterpretationInput {
  return { spreadKey, spreadName: SPREAD_TEXTS_EN[spreadKey].name, cards, question: 'Should I take the new job offer in Lviv?', answers: [], language: 'en', ...overrides };
}

const threeCards = () => reading('three_card', [place('the_tower', 'three_card', 'past'), place('five_of_cups', 'three_card', 'present', true), place('the_star', 'three_card', 'future')]);
const celtic = (question: string | null = 'How can I find my way back to creative work?') =>
  reading(
    'celtic_cross',
    ['seven_of_cups', 'four_of_pentacles', 'justice', 'the_magician', 'the_world', 'ace_of_pentacles', 'the_hermit', 'queen_of_pentacles', 'the_chariot', 'king_of_wands'].map((id, i) =>
      place(id, 'celtic_cross', Object.keys(SPREAD_TEXTS_EN.celtic_cross.positions)[i], i === 0 || i === 6),
    ),
    { question },
  );

describe('BuiltinInterpreter', () => {
  const sut = new BuiltinInterpreter();

  it('writes the same reading for the same input and seed, and varies its wording across seeds', async () => {
    expect(await sut.interpret(threeCards(), 42)).toEqual(await sut.interpret(threeCards(), 42));
    const texts = await Promise.all([1, 2, 3, 4, 5].map(async (seed) => all(await sut.interpret(threeCards(), seed))));
    expect(new Set(texts).size).toBeGreaterThan(1);
  });

  it('writes one paragraph per card, naming the card and marking a reversed one', async () => {
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const input = threeCards();
      const result = await sut.interpret(input, seed);
      expect(result.journey).toHaveLength(3);
      input.cards.forEach((card, i) => expect(result.journey[i]).toContain(card.name.replace(/^The /, '')));
      expect(result.journey[1]).toMatch(/reversed/);
      expect(result.journey[0]).not.toMatch(/reversed/);
    }
  });

  it('reads a bright card in the obstacle position by its shadow, not as encouragement', async () => {
    const input = reading('career', [
      place('five_of_swords', 'career', 'current_role'),
      place('seven_of_swords', 'career', 'strengths'),
      place('the_sun', 'career', 'obstacles'),
      place('queen_of_wands', 'career', 'next_step'),
    ]);
    for (const seed of [1, 2, 3]) {
      const obstacle = (await sut.interpret(input, seed)).journey[2];
      expect(obstacle).toContain(CARD_READINGS_EN.the_sun.upright.shadow);
      expect(obstacle).not.toContain(CARD_READINGS_EN.the_sun.upright.work);
      expect(obstacle).toMatch(/obstacle|in the way|challenge|hurdle|across your path|cross/i);
    }
  });

  it('lets the card of "the other person" speak about that person', async () => {
    const input = reading('relationship', ['the_empress', 'the_star', 'ace_of_wands', 'knight_of_swords', 'five_of_pentacles'].map((id, i) => place(id, 'relationship', Object.keys(SPREAD_TEXTS_EN.relationship.positions)[i])));
    const partner = (await sut.interpret(input, 3)).journey[1];
    expect(partner).toContain(CARD_READINGS_EN.the_star.upright.person);
    expect(partner).not.toContain('share your light');
  });

  it('reads a card in the past as what has been, not with its present-tense advice', async () => {
    const input = reading('three_card', [place('ace_of_pentacles', 'three_card', 'past'), place('the_empress', 'three_card', 'present'), place('the_sun', 'three_card', 'future')]);
    for (const seed of [1, 2, 3, 4]) {
      const past = (await sut.interpret(input, seed)).journey[0];
      for (const sentence of sentencesOf(CARD_TEXTS_EN.ace_of_pentacles.upright.meaning)) expect(past).not.toContain(sentence);
      expect(past).toMatch(/behind you|past|came before|looking back/i);
    }
  });

  it('gives a yes-or-no question a leaning and its reasons', async () => {
    const bright = reading('three_card', [place('the_sun', 'three_card', 'past'), place('ace_of_cups', 'three_card', 'present'), place('the_world', 'three_card', 'future')], { question: 'Will we move in together this year?' });
    const heavy = reading('three_card', [place('the_tower', 'three_card', 'past'), place('ten_of_swords', 'three_card', 'present'), place('five_of_pentacles', 'three_card', 'future')], { question: 'Will we move in together this year?' });
    expect((await sut.interpret(bright, 1)).guidance).toMatch(/\byes\b/i);
    const no = (await sut.interpret(heavy, 1)).guidance;
    expect(no).toMatch(/\bno\b/i);
    expect(no).toMatch(/against|reservations|holds it back|caution/i);
  });

  it('does not call a story that ends on a light card a fall', async () => {
    const input = reading('three_card', [place('six_of_cups', 'three_card', 'past'), place('four_of_swords', 'three_card', 'present'), place('knight_of_pentacles', 'three_card', 'future')]);
    const falls = reading('three_card', [place('six_of_cups', 'three_card', 'past'), place('four_of_swords', 'three_card', 'present'), place('ten_of_swords', 'three_card', 'future')]);
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      expect((await sut.interpret(input, seed)).theme).not.toMatch(/story cools|runs downhill/);
      expect((await sut.interpret(falls, seed)).theme).toMatch(/story cools|runs downhill/);
    }
  });

  it('does not let a card read as heavy give a firm yes', async () => {
    const input = reading('single', [place('four_of_wands', 'single', 'focus', true)], { question: 'Will I hear back about the job this week?' });
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const { guidance } = await sut.interpret(input, seed);
      expect(guidance).toMatch(/lean|More yes|cautious yes|tips towards yes/);
      expect(guidance).not.toMatch(/cards say yes|firmly towards yes|Yes:|this is a yes/);
    }
  });

  it("takes up the user's answers beside the cards that speak to them", async () => {
    const questions = QUESTIONNAIRE_TEXTS_EN.relationship_context;
    const input = reading('relationship', ['the_empress', 'the_chariot', 'ace_of_wands', 'knight_of_swords', 'five_of_pentacles'].map((id, i) => place(id, 'relationship', Object.keys(SPREAD_TEXTS_EN.relationship.positions)[i])), {
      questionnaire: 'relationship_context',
      answers: questions.map((question, i) => ({ question, answer: i === 3 ? 'That we talk openly again.' : null })),
    });
    for (const seed of [1, 2, 3]) {
      const { guidance } = await sut.interpret(input, seed);
      const sentence = sentencesOf(guidance).find((s) => s.includes('That we talk openly again')) ?? '';
      expect(`${sentence} ${sentencesOf(guidance)[sentencesOf(guidance).indexOf(sentence) + 1] ?? ''}`).toContain('Five of Pentacles');
    }
  });

  it('sets an answer that names a day of the week beside that day’s card', async () => {
    const questions = QUESTIONNAIRE_TEXTS_EN.weekly_focus;
    const days = Object.keys(SPREAD_TEXTS_EN.week_ahead.positions);
    const ids = ['six_of_cups', 'ace_of_cups', 'page_of_pentacles', 'six_of_wands', 'seven_of_pentacles', 'temperance', 'queen_of_swords'];
    const input = reading('week_ahead', ids.map((id, i) => place(id, 'week_ahead', days[i])), {
      question: null,
      questionnaire: 'weekly_focus',
      answers: questions.map((question, i) => ({ question, answer: i === 1 ? 'A hard talk with my sister on Thursday.' : null })),
    });
    for (const seed of [1, 2, 3, 4]) {
      const sentence = sentencesOf((await sut.interpret(input, seed)).guidance).find((s) => s.includes('my sister')) ?? '';
      expect(sentence).toContain('Six of Wands');
    }
  });

  it('opens the larger spreads with a summary and gives them chapters; the calendar spreads also get a timeline', async () => {
    const cross = await sut.interpret(celtic(), 5);
    expect(cross.summary).toBeTruthy();
    expect(cross.chapters?.map((c) => c.start)).toEqual([0, 2, 4, 6, 9]);
    expect(cross.timeline).toBeUndefined();
    expect(cross.theme).toMatch(/cross|centre|crossed|foundation|crown|beneath|recent past|near future/i);
    const week = reading('week_ahead', ['six_of_cups', 'ace_of_cups', 'page_of_pentacles', 'six_of_wands', 'seven_of_pentacles', 'temperance', 'queen_of_swords'].map((id, i) => place(id, 'week_ahead', Object.keys(SPREAD_TEXTS_EN.week_ahead.positions)[i])), { question: null });
    const written = await sut.interpret(week, 5);
    expect(written.timeline).toHaveLength(7);
    expect(written.timeline?.[0]).toMatch(/^Monday — Six of Cups: /);
    const small = await sut.interpret(threeCards(), 5);
    expect(small.summary).toBeUndefined();
    expect(small.chapters).toBeUndefined();
  });

  it('holds the Celtic Cross outcome against the question', async () => {
    const themes = await Promise.all([1, 2, 3, 4, 5, 6].map(async (seed) => (await sut.interpret(celtic(), seed)).theme));
    expect(themes.join(' ')).toMatch(/against (your question|what you asked)/i);
    const unasked = await Promise.all([1, 2, 3].map(async (seed) => (await sut.interpret(celtic(null), seed)).theme));
    expect(unasked.join(' ')).not.toMatch(/against (your question|what you asked)/i);
  });

  it("uses the chosen deck's names in the text, suits included", async () => {
    const ids = ['ace_of_pentacles', 'three_of_pentacles', 'king_of_pentacles'];
    const input = reading('three_card', ids.map((id, i) => place(id, 'three_card', ['past', 'present', 'future'][i], false, 'ru', 'thoth')), { language: 'ru', deck: 'thoth', question: 'Что меня ждёт в работе?', spreadName: SPREAD_TEXTS_RU.three_card.name });
    for (const seed of [1, 2, 3, 4]) {
      const text = all(await sut.interpret(input, seed));
      expect(text).toMatch(/Дисков/);
      expect(text).not.toMatch(/Пентакл/);
    }
  });

  it('says none of the sentences the user heard in their recent readings', async () => {
    const first = await sut.interpret(celtic(), 8);
    const second = await sut.interpret({ ...celtic(), recentSentences: sentenceKeysOf([all(first)]) }, 8);
    const heard = sentenceKeysOf([all(first)]);
    expect(sentencesOf(all(second)).filter((s) => heard.has(sentenceKey(s)))).toEqual([]);
    expect(second.journey).toHaveLength(10);
  });

  it('trims a very long question and falls back to English for a language it does not speak', async () => {
    const long = await sut.interpret(reading('three_card', threeCards().cards, { question: `${'word '.repeat(100)}tail-marker` }), 3);
    expect(long.guidance).not.toContain('tail-marker');
    expect(await sut.interpret({ ...threeCards(), language: 'de' }, 4)).toEqual(await sut.interpret(threeCards(), 4));
  });

  it('refuses an empty spread', async () => {
    await expect(sut.interpret(reading('three_card', []), 1)).rejects.toThrow('at least one card');
  });
});
