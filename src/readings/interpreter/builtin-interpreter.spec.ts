import { BuiltinInterpreter } from './builtin-interpreter';
import {
  DEATH,
  THE_FOOL,
  THE_STAR,
  THE_SUN,
  THE_TOWER,
  THREE_CARDS,
  fifteenCards,
  minorCard,
  place,
  reading,
} from './interpretation.fixtures';
import type { Interpretation } from './interpretation';

const all = (i: Interpretation) => [i.theme, ...i.journey, i.guidance].join('\n');

describe('BuiltinInterpreter', () => {
  const sut = new BuiltinInterpreter();

  it('writes the same reading for the same input and seed', async () => {
    const first = await sut.interpret(reading(THREE_CARDS), 42);
    const second = await sut.interpret(reading(THREE_CARDS), 42);
    expect(second).toEqual(first);
    expect(first.source).toBe('builtin');
  });

  it('varies the wording across seeds', async () => {
    const texts = await Promise.all([1, 2, 3, 4, 5].map(async (seed) => all(await sut.interpret(reading(THREE_CARDS), seed))));
    expect(new Set(texts).size).toBeGreaterThan(1);
  });

  it('names every card and position in the journey, one paragraph per card', async () => {
    const input = reading(THREE_CARDS);
    const result = await sut.interpret(input, 7);
    expect(result.journey).toHaveLength(3);
    input.cards.forEach((card, i) => {
      expect(result.journey[i]).toContain(card.name.replace(/^The /, ''));
      expect(result.journey[i].toLowerCase()).toContain(card.position.name.toLowerCase());
    });
  });

  it('describes reversed cards as reversed', async () => {
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const result = await sut.interpret(reading(THREE_CARDS), seed);
      expect(result.journey[1]).toMatch(/reversed/i);
      expect(result.journey[0]).not.toMatch(/reversed/i);
    }
  });

  it('quotes the question in the guidance', async () => {
    const result = await sut.interpret(reading(THREE_CARDS), 3);
    expect(result.guidance).toContain('Should I take the new job offer in Lviv?');
  });

  it('trims a very long question', async () => {
    const question = `${'word '.repeat(100)}tail-marker`;
    const result = await sut.interpret(reading(THREE_CARDS, { question }), 3);
    expect(result.guidance).not.toContain('tail-marker');
    expect(result.guidance).toContain('…');
  });

  it('writes guidance without a question and with every answer skipped', async () => {
    const input = reading(THREE_CARDS, {
      question: null,
      answers: [
        { question: 'Who is this about?', answer: null },
        { question: 'What do you hope for?', answer: '   ' },
      ],
    });
    const result = await sut.interpret(input, 9);
    expect(result.guidance.split(/(?<=[.!?])\s/).length).toBeGreaterThanOrEqual(3);
    expect(result.guidance).not.toContain('“');
  });

  it('uses a given answer in the guidance', async () => {
    const input = reading(THREE_CARDS, {
      answers: [
        { question: 'Who is this about?', answer: null },
        { question: 'What do you hope for?', answer: 'More honesty between us' },
      ],
    });
    for (const seed of [1, 2, 3]) {
      expect((await sut.interpret(input, seed)).guidance).toContain('More honesty between us');
    }
  });

  it('mentions the major arcana when at least half the cards are majors', async () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      expect((await sut.interpret(reading(THREE_CARDS), seed)).theme).toMatch(/major arcana/i);
    }
  });

  it('notices a famous pair', async () => {
    const result = await sut.interpret(reading(THREE_CARDS), 1);
    expect(result.theme.toLowerCase()).toContain('the tower and the star');
  });

  it('gives a single card a full paragraph', async () => {
    const input = reading([place(minorCard('cups', 3), 'focus', true)], { spreadKey: 'single', spreadName: 'Single Card' });
    const result = await sut.interpret(input, 5);
    expect(result.journey).toHaveLength(1);
    expect(result.journey[0].split(/(?<=[.!?])\s/).length).toBeGreaterThanOrEqual(4);
    expect(result.journey[0]).toMatch(/reversed/i);
    expect(result.theme).toContain('Three of Cups');
  });

  it('reads a fifteen-card spread', async () => {
    const input = reading(fifteenCards(), { spreadKey: 'life_path', spreadName: 'Life Path', question: null });
    const result = await sut.interpret(input, 11);
    expect(result.journey).toHaveLength(15);
    result.journey.forEach((paragraph, i) => {
      expect(paragraph).toContain(input.cards[i].name.replace(/^The /, ''));
      expect(paragraph).toContain(input.cards[i].position.name);
    });
    expect(result.theme).toContain('fifteen');
  });

  it('keeps plain text without doubled spaces or template holes', async () => {
    const inputs = [reading(THREE_CARDS), reading(fifteenCards(), { question: null }), reading([place(DEATH, 'a'), place(THE_SUN, 'b', true), place(THE_FOOL, 'c')])];
    for (const input of inputs) {
      for (const seed of [1, 2, 3, 4]) {
        const text = all(await sut.interpret(input, seed));
        expect(text).not.toMatch(/undefined|null|NaN|\$\{|<|>| {2}|\.\.(?!\.)| ,/);
      }
    }
  });

  it('falls back to English for a language without phrases', async () => {
    const english = await sut.interpret(reading(THREE_CARDS), 4);
    expect(await sut.interpret(reading(THREE_CARDS, { language: 'de' }), 4)).toEqual(english);
  });

  it('refuses an empty spread', async () => {
    await expect(sut.interpret(reading([]), 1)).rejects.toThrow('at least one card');
  });

  it('notices a famous pair whatever the order of its cards', async () => {
    const result = await sut.interpret(reading([place(THE_STAR, 'past'), place(THE_TOWER, 'future')]), 2);
    expect(result.theme.toLowerCase()).toContain('the tower and the star');
  });
});
