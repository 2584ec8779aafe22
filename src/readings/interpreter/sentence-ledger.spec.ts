import { SentenceLedger, sentenceKey, sentenceKeysOf, sentencesOf } from './sentence-ledger';

describe('sentencesOf', () => {
  it('splits at sentence ends and line breaks, keeping closing quotes with their sentence', () => {
    expect(sentencesOf('You asked: “Will it work?” The Sun says yes. Ми… Так.\nMonday — Six of Cups: a sweetness')).toEqual([
      'You asked: “Will it work?”',
      'The Sun says yes.',
      'Ми…',
      'Так.',
      'Monday — Six of Cups: a sweetness',
    ]);
    expect(sentencesOf('Ваш вопрос: «Стоит ли?» Да, стоит.')).toEqual(['Ваш вопрос: «Стоит ли?»', 'Да, стоит.']);
  });
});

describe('SentenceLedger', () => {
  it('treats a sentence as said once it is taken, here or in the recent readings, whatever its quotes and spacing', () => {
    const sut = new SentenceLedger(sentenceKeysOf(['Earlier: “a gift”.  Keep going.']));
    expect(sut.fresh('Keep  going.')).toBe(false);
    expect(sut.fresh("Earlier: «a gift».")).toBe(false);
    expect(sut.fresh('Something new. Keep going.')).toBe(false);
    expect(sut.fresh('Something new.')).toBe(true);
    sut.take('Something new.');
    expect(sut.fresh('something NEW.')).toBe(false);
    expect(sentenceKey('It’s fine')).toBe(sentenceKey("it's  fine"));
  });
});

describe('sentenceKey', () => {
  it.each([
    ['tabs, no-break spaces and runs of spaces', 'Keep\tgoing,\u00a0now  and  then.', 'keep going, now and then.'],
    ['typographic quotes and apostrophes', '«Он» said „so“, it’s “done”', '"он" said "so", it\'s "done"'],
    ['a composed and a decomposed letter', 'Cafe\u0301 Ё', 'café ё'],
    ['nothing to fold', '  Plain words.  ', 'plain words.'],
  ])('folds %s', (_case, sentence, key) => {
    expect(sentenceKey(sentence)).toBe(key);
  });
});

describe('sentencesOf, line edges', () => {
  it('keeps a stop that opens no new sentence, and drops empty lines', () => {
    expect(sentencesOf('  e.g. this stays.  Wait?! Yes.\n\n\t(Aside.) 12 cards. ')).toEqual(['e.g. this stays.', 'Wait?!', 'Yes.', '(Aside.)', '12 cards.']);
  });
});
