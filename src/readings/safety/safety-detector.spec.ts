import { needsCare } from './safety-detector';

describe('needsCare', () => {
  it.each([
    'Should I kill myself?',
    'I have been thinking about suicide lately',
    'I want to end my life',
    'i want to die, will it get better',
    "I don't want to live anymore",
    'my friend took an overdose what do I do',
    'I have chest pain and my arm is numb',
    'Чи варто мені покінчити з собою?',
    'Я не хочу жити',
    'Хочу умереть, что меня ждёт?',
    'думаю о самоубийстве',
  ])('recognises "%s"', (question) => {
    expect(needsCare(question)).toBe(true);
  });

  it.each([
    'Will I find love this year?',
    'Should I take the new job?',
    'What does the Death card mean for my project?',
    'How can I kill it at my presentation tomorrow?',
    'Чи знайду я нову роботу?',
    'Что ждёт мои отношения?',
    '',
  ])('lets "%s" through', (question) => {
    expect(needsCare(question)).toBe(false);
  });

  it('handles a missing question', () => {
    expect(needsCare(null)).toBe(false);
  });
});
