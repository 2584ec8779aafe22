import type { PositionRole } from 'src/readings/spreads/position-roles';
import { ANSWER_LINKS, ANSWER_PRIORITY, DATED_PRIORITY } from './answer-links';
import { mentionedPeriod } from './period-mentions';
import type { AnswerFrame, AnswerKind, ElementOrBalance, Leaning } from './phrase-book';
import { readQuestion } from './question-reader';
import { moodValue, timeLine } from './spread-analysis';
import { trimUserText } from './user-text';
import { cardCtx, type ReadCard, type WriterContext } from './writer-context';

const QUESTION_MAX = 200;
const ANSWER_MAX = 160;
const ANSWERS_USED = { single: 1, short: 2, long: 3, grand: 4 } as const;
/** Positions whose card weighs double when the question wants a yes or a no. */
const DECISIVE = new Set<PositionRole>(['outcome', 'future', 'advice', 'focus', 'aim']);
/** The card that answers the question most directly, by the role of its position, best first. */
const ANSWERING: PositionRole[] = ['outcome', 'advice', 'future', 'aim', 'focus', 'theme', 'situation', 'self'];

/**
 * Practical guidance that answers the question: its kind decides the opening (a yes or a no with
 * the reasons, a choice, a time, or what the situation comes to), the user's answers are taken up
 * beside the cards that speak to them, and the advice is for the question's subject.
 */
export function writeGuidance(ctx: WriterContext): string {
  const { input, book, picker, focus, analysis } = ctx;
  const question = input.question?.trim() ? trimUserText(input.question, QUESTION_MAX) : null;
  const sentences: (string | null)[] = [
    question ? picker.maybe(book.guidance.question, { question }) : picker.maybe(book.guidance.noQuestion, { subject: focus.subject, card: keyCard(ctx).named }),
    ...answerTheQuestion(ctx, question !== null),
    ...allyAndWarning(ctx),
    ...takeUpAnswers(ctx),
    subjectAdvice(ctx),
  ];
  // The caring line answers a question about health or money, not a passing word in the answers.
  const care = book.guidance.care[focus.subject];
  if (care && question && readQuestion(question, [], input.spreadKey).subject === focus.subject) sentences.push(picker.maybe(care, {}));
  sentences.push(picker.say(book.guidance.closing, { card: keyCard(ctx).named, subject: focus.subject }));
  return sentences.filter((s): s is string => !!s).join(' ');
}

/** Advice for the question's subject in the spread's element; when that has been said lately, in another element's words. */
function subjectAdvice({ book, picker, focus, analysis }: WriterContext): string | null {
  const bySubject = book.guidance.advice[focus.subject];
  const first: ElementOrBalance = analysis.focusElement ?? 'balanced';
  const order = [first, ...(Object.keys(bySubject) as ElementOrBalance[]).filter((e) => e !== first)];
  for (const element of order) {
    const said = picker.maybe(bySubject[element], {});
    if (said) return said;
  }
  return null;
}

export function keyCard({ cards }: WriterContext): ReadCard {
  for (const role of ANSWERING) {
    const found = [...cards].reverse().find((c) => c.spec.role === role);
    if (found) return found;
  }
  return cards[cards.length - 1];
}

function answerTheQuestion(ctx: WriterContext, asked: boolean): (string | null)[] {
  const { book, picker, focus, analysis, cards } = ctx;
  const key = keyCard(ctx);
  switch (asked ? focus.form : 'open') {
    case 'yes_no': {
      const weighed = weighYesNo(cards);
      const { leaning } = weighed;
      const forCards = weighed.forCards.filter((c) => c !== key);
      const againstCards = weighed.againstCards.filter((c) => c !== key);
      const total = cards.length;
      return [
        picker.say(book.guidance.yesNo[leaning], { card: key.named }),
        forCards.length ? picker.say(book.guidance.reasonsFor, { cards: forCards.map((c) => c.named), count: forCards.length, total }) : null,
        againstCards.length ? picker.say(book.guidance.reasonsAgainst, { cards: againstCards.map((c) => c.named), count: againstCards.length, total }) : null,
      ];
    }
    case 'decision':
      return [picker.say(book.guidance.decision[analysis.focusElement ?? 'balanced'], { card: key.named })];
    case 'timing': {
      const matching = cards.filter((c) => c.lore.tempo === analysis.tempo).slice(0, 2);
      const pace = matching.length > 0 ? matching : [key];
      const brightest = brightestPeriod(ctx);
      return [
        picker.say(book.guidance.timing[analysis.tempo], { cards: pace.map((c) => c.named) }),
        brightest ? picker.maybe(book.guidance.brightestPeriod, cardCtx(ctx, brightest)) : null,
      ];
    }
    case 'open':
      return [picker.say((asked ? book.guidance.open : book.guidance.gist)[key.mood], cardCtx(ctx, key))];
  }
}

/** A card read as heavy cannot say a firm yes, nor a bright one a firm no: a reversed Four of Wands is a yes that waits. */
function moderated(card: ReadCard): number {
  if (card.mood === 'dark' && card.lean > 0) return Math.min(card.lean, 0.5);
  if (card.mood === 'light' && card.lean < 0) return Math.max(card.lean, -0.5);
  return card.lean;
}

/** The lean of the spread for a yes-or-no question, with the cards that speak loudest for and against. */
export function weighYesNo(cards: readonly ReadCard[]): { leaning: Leaning; score: number; forCards: ReadCard[]; againstCards: ReadCard[] } {
  // An obstacle counts against whatever card lies there: a bright one is read by its excess.
  const weighted = cards.map((card) => ({
    card,
    lean: card.spec.role === 'challenge' ? -Math.max(1, Math.abs(card.lean)) / 2 : moderated(card),
    weight: DECISIVE.has(card.spec.role) ? 2 : 1,
  }));
  const totalWeight = weighted.reduce((sum, w) => sum + w.weight, 0);
  const score = weighted.reduce((sum, w) => sum + w.lean * w.weight, 0) / totalWeight;
  const by = (sign: 1 | -1) =>
    weighted
      .filter((w) => Math.sign(w.lean) === sign)
      .sort((a, b) => Math.abs(b.lean * b.weight) - Math.abs(a.lean * a.weight))
      .slice(0, 2)
      .map((w) => w.card);
  const leaning: Leaning = score >= 0.8 ? 'yes' : score >= 0.25 ? 'lean_yes' : score > -0.25 ? 'open' : score > -0.8 ? 'lean_no' : 'no';
  return { leaning, score, forCards: by(1), againstCards: by(-1) };
}

/** In the larger spreads a reader also names the card to lean on and the one to watch, when they are not the answer itself. */
function allyAndWarning(ctx: WriterContext): (string | null)[] {
  const { book, picker, cards, depth } = ctx;
  if (depth !== 'long' && depth !== 'grand') return [];
  const key = keyCard(ctx);
  const others = cards.filter((c) => c !== key && c.spec.role !== 'period');
  const ally = [...others].sort((a, b) => moodValue(b) - moodValue(a) || b.lean - a.lean)[0];
  const risk = [...others].sort((a, b) => moodValue(a) - moodValue(b) || a.lean - b.lean)[0];
  return [
    ally && moodValue(ally) > 0 ? picker.maybe(book.guidance.ally, cardCtx(ctx, ally)) : null,
    risk && moodValue(risk) < 0 && risk !== ally ? picker.maybe(book.guidance.watch, cardCtx(ctx, risk)) : null,
  ];
}

function brightestPeriod({ input, cards }: WriterContext): ReadCard | null {
  const line = timeLine(input.spreadKey, cards).filter((c) => c.spec.role === 'period');
  if (line.length < 3) return null;
  return [...line].sort((a, b) => moodValue(b) - moodValue(a) || b.lean - a.lean)[0];
}

function darkestPeriod({ input, cards }: WriterContext): ReadCard | null {
  const line = timeLine(input.spreadKey, cards).filter((c) => c.spec.role === 'period');
  if (line.length < 3) return null;
  return [...line].sort((a, b) => moodValue(a) - moodValue(b) || a.lean - b.lean)[0];
}

/** The user's own answers, each beside the card of the position that speaks to it. */
function takeUpAnswers(ctx: WriterContext): (string | null)[] {
  const { input, book, picker, depth } = ctx;
  const links = input.questionnaire ? (ANSWER_LINKS[input.questionnaire] ?? []) : [];
  const keys = ctx.cards.map((c) => c.card.position.key);
  const given = input.answers
    .flatMap((a, i) => {
      if (!a.answer?.trim()) return [];
      const [kind, target] = links[i] ?? (['fact', '@key'] as [AnswerKind, string]);
      const day = mentionedPeriod(a.answer, keys);
      return [{ text: trimUserText(a.answer, ANSWER_MAX), kind, target: day ?? target, dated: day !== null, i }];
    })
    .sort((a, b) => priority(a) - priority(b) || a.i - b.i)
    .slice(0, ANSWERS_USED[depth]);
  return given.map(({ text, kind, target, dated }) => {
    const card = linkedCard(ctx, target);
    // A bright card where the obstacle lies is read by its shadow, not by its gist.
    const frame: AnswerFrame = dated ? 'dated' : kind === 'obstacle' && card.mood === 'light' ? 'brightObstacle' : kind;
    return picker.maybe(book.guidance.answer[frame], { answer: text, card: cardCtx(ctx, card) });
  });
}

function priority(answer: { kind: AnswerKind; dated: boolean }): number {
  return answer.dated ? DATED_PRIORITY : ANSWER_PRIORITY[answer.kind];
}

function linkedCard(ctx: WriterContext, target: string): ReadCard {
  if (target === '@brightest') return brightestPeriod(ctx) ?? keyCard(ctx);
  if (target === '@darkest') return darkestPeriod(ctx) ?? keyCard(ctx);
  return ctx.cards.find((c) => c.card.position.key === target) ?? keyCard(ctx);
}
