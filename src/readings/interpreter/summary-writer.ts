import { SPREAD_CHAPTERS } from 'src/readings/spreads/position-roles';
import { keyCard, weighYesNo } from './guidance-writer';
import { timeLine } from './spread-analysis';
import { cardCtx, type WriterContext } from './writer-context';

/** The reading in a few sentences, said first: where it starts, where it goes, what stands between, and the answer's lean. */
export function writeSummary(ctx: WriterContext): string | undefined {
  const { book, picker, cards, input, focus } = ctx;
  if (ctx.depth === 'single' || ctx.depth === 'short') return undefined;
  const periods = timeLine(input.spreadKey, cards).filter((c) => c.spec.role === 'period');
  const opening = cards.find((c) => ['theme', 'situation', 'self', 'focus'].includes(c.spec.role)) ?? cards[0];
  const closing = keyCard(ctx);
  const [first, last] = [periods[0], periods[periods.length - 1]];
  const sentences: (string | null)[] = [
    periods.length >= 4
      ? picker.say(book.summary.span[last.mood], { first: cardCtx(ctx, first, 'full'), second: cardCtx(ctx, last, 'full') })
      : opening === closing
      ? picker.say(book.summary.single[closing.mood], cardCtx(ctx, closing, 'full'))
      : picker.say(book.summary.arc[closing.mood], { first: cardCtx(ctx, opening, 'full'), second: cardCtx(ctx, closing, 'full') }),
  ];
  const challenge = cards.find((c) => c.spec.role === 'challenge');
  if (challenge) sentences.push(picker.maybe(book.summary.challenge[challenge.mood], cardCtx(ctx, challenge, 'full')));
  const theme = cards.find((c) => c.spec.role === 'theme');
  if (theme && periods.length >= 4) sentences.push(picker.maybe(book.summary.theme[theme.mood], cardCtx(ctx, theme, 'full')));
  if (input.question?.trim() && focus.form === 'yes_no') sentences.push(picker.maybe(book.guidance.yesNo[weighYesNo(cards).leaning], { card: closing.named }));
  return sentences.filter(Boolean).join(' ');
}

/** Headings over the journey of the larger spreads, each placed before its first card. */
export function writeChapters({ book, input, cards, depth }: WriterContext): { title: string; start: number }[] | undefined {
  const chapters = SPREAD_CHAPTERS[input.spreadKey];
  if (!chapters || depth === 'single' || depth === 'short') return undefined;
  const found = chapters.flatMap(({ key, positions }) => {
    const indices = cards.filter((c) => positions.includes(c.card.position.key)).map((c) => c.index);
    const title = book.chapterTitles[key];
    return indices.length > 0 && title ? [{ title, start: Math.min(...indices) }] : [];
  });
  return found.length > 1 ? found.sort((a, b) => a.start - b.start) : undefined;
}

/** One line per day, week, month or stage of life, for spreads that follow time. */
export function writeTimeline({ book, input, cards }: WriterContext): string[] | undefined {
  const line = timeLine(input.spreadKey, cards).filter((c) => c.spec.period);
  if (line.length < 4) return undefined;
  return line.map((c) => book.timelineLine(c.card.position.name, c.named, c.reading.essence));
}
