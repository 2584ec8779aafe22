import { looksLikeReadingRequest } from './reading-request';

describe('looksLikeReadingRequest', () => {
  it.each([
    'hello, can you read my cards?',
    'I would like a tarot reading',
    'Draw a card for me',
    'Привіт, можеш зробити мені розклад?',
    'Поворожи мені на кохання',
    'Погадай мне на карты',
    'Сделай расклад, пожалуйста',
  ])('hears a request for a reading in "%s"', (text) => {
    expect(looksLikeReadingRequest(text)).toBe(true);
  });

  it.each(['hello', 'what is the weather tomorrow?', 'дякую', 'спасибо большое', 'I paid 500 stars yesterday', 'my card was charged twice', 'з картки списали двічі'])(
    'hears none in "%s"',
    (text) => {
      expect(looksLikeReadingRequest(text)).toBe(false);
    },
  );
});
