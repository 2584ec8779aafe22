import { mentionedPeriod } from './period-mentions';

const WEEK = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const YEAR = ['theme', 'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

describe('mentionedPeriod', () => {
  it.each([
    ['A hard talk with my sister on Thursday.', WEEK, 'thursday'],
    ['Важка розмова із сестрою в четвер.', WEEK, 'thursday'],
    ['Тяжёлый разговор с сестрой в четверг.', WEEK, 'thursday'],
    ['Співбесіда у середу, а в п’ятницю відпустка', WEEK, 'wednesday'],
    ['Собеседование в среду', WEEK, 'wednesday'],
    ['До неділі хочу виспатися', WEEK, 'sunday'],
    ['The wedding in May', YEAR, 'may'],
    ['Весілля у травні', YEAR, 'may'],
    ['Свадьба в мае, переезд в августе', YEAR, 'may'],
    ['Марафон у жовтні', YEAR, 'october'],
  ])('finds the period in "%s"', (text, keys, key) => {
    expect(mentionedPeriod(text, keys)).toBe(key);
  });

  it.each([
    ['I may finally rest', YEAR],
    ['Четвертого тижня буде легше', WEEK],
    ['Четверть года прошла', WEEK],
    ['Я маю багато справ', YEAR],
    ['Серед друзів мені спокійно', WEEK],
    ['A hard talk on Thursday', YEAR],
  ])('finds none in "%s"', (text, keys) => {
    expect(mentionedPeriod(text, keys)).toBeNull();
  });
});
