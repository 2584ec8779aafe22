import { trimUserText } from './user-text';
import { keywordsOf, mention, type WriterContext } from './writer-context';

const QUESTION_MAX = 200;
const ANSWER_MAX = 160;

/** Practical guidance: the question, the user's own answers, the final card, the element. */
export function writeGuidance(ctx: WriterContext): string {
  const { input, analysis, book, picker } = ctx;
  const { guidance } = book;
  const question = input.question?.trim() ? trimUserText(input.question, QUESTION_MAX) : null;
  const sentences = [
    question ? picker.say(guidance.withQuestion, { question }) : picker.say(guidance.withoutQuestion, {}),
  ];
  const answers = chooseAnswers(ctx);
  if (answers.length === 1) sentences.push(picker.say(guidance.oneAnswer, { answer: answers[0] }));
  if (answers.length === 2) sentences.push(picker.say(guidance.twoAnswers, { first: answers[0], second: answers[1] }));

  const final = input.cards[input.cards.length - 1];
  const finalCard = { ...mention(book, final), keywords: keywordsOf(book, final, 2) };
  const single = input.cards.length === 1;
  const variants = single
    ? final.reversed ? guidance.singleReversed : guidance.singleUpright
    : final.reversed ? guidance.finalReversed : guidance.finalUpright;
  sentences.push(picker.say(variants, finalCard));
  sentences.push(picker.say(guidance.element[analysis.focusElement ?? 'balanced'], {}));
  sentences.push(picker.say(guidance.closing, {}));
  return sentences.join(' ');
}

/** One or two of the user's answers: the last given (usually the hope) and sometimes one more. */
function chooseAnswers({ input, picker }: WriterContext): string[] {
  const given = input.answers
    .map((a) => (a.answer?.trim() ? trimUserText(a.answer, ANSWER_MAX) : null))
    .filter((a): a is string => a !== null);
  if (given.length <= 1) return given;
  const last = given[given.length - 1];
  if (picker.random.next() < 0.4) return [last];
  return [picker.random.pick(given.slice(0, -1)), last];
}
