import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { CardText, DeckStyle } from 'src/readings/deck/card';
import { CARD_TEXTS_EN } from 'src/readings/deck/card-texts.en';
import { CARD_TEXTS_RU } from 'src/readings/deck/card-texts.ru';
import { CARD_TEXTS_UK } from 'src/readings/deck/card-texts.uk';
import { DECK } from 'src/readings/deck/deck';
import { type Gender, nameGrammar } from 'src/readings/deck/card-grammar';
import { BuiltinInterpreter } from 'src/readings/interpreter/builtin-interpreter';
import type { Interpretation, InterpretationInput, InterpretedCard } from 'src/readings/interpreter/interpretation';
import { readQuestion } from 'src/readings/interpreter/question-reader';
import { SeededRandom } from 'src/readings/interpreter/seeded-random';
import { positionSpec } from 'src/readings/spreads/position-roles';
import { QUESTIONNAIRE_TEXTS_EN } from 'src/readings/spreads/questionnaire-texts.en';
import { QUESTIONNAIRE_TEXTS_RU } from 'src/readings/spreads/questionnaire-texts.ru';
import { QUESTIONNAIRE_TEXTS_UK } from 'src/readings/spreads/questionnaire-texts.uk';
import type { QuestionnaireText, SpreadText } from 'src/readings/spreads/spread-text';
import { SPREAD_TEXTS_EN } from 'src/readings/spreads/spread-texts.en';
import { SPREAD_TEXTS_RU } from 'src/readings/spreads/spread-texts.ru';
import { SPREAD_TEXTS_UK } from 'src/readings/spreads/spread-texts.uk';
import { SAMPLES, type Sample } from './sample-questions';

/** Sample readings from the built-in interpreter, one per spread and language, for reviewing its prose: `npm run samples`. */
type Language = 'en' | 'uk' | 'ru';

const OUTPUT = resolve(__dirname, '..', 'docs', 'sample-readings.md');
const REVERSAL_PROBABILITY = 0.3;
const TEXTS: Record<Language, { cards: Record<string, CardText>; spreads: Record<string, SpreadText>; questionnaires: Record<string, QuestionnaireText> }> = {
  en: { cards: CARD_TEXTS_EN, spreads: SPREAD_TEXTS_EN, questionnaires: QUESTIONNAIRE_TEXTS_EN },
  uk: { cards: CARD_TEXTS_UK, spreads: SPREAD_TEXTS_UK, questionnaires: QUESTIONNAIRE_TEXTS_UK },
  ru: { cards: CARD_TEXTS_RU, spreads: SPREAD_TEXTS_RU, questionnaires: QUESTIONNAIRE_TEXTS_RU },
};
const LABELS: Record<Language, { question: string; none: string; skipped: string; position: string; card: string }> = {
  en: { question: 'Question', none: '(none)', skipped: '(skipped)', position: 'Position', card: 'Card' },
  uk: { question: 'Запитання', none: '(немає)', skipped: '(пропущено)', position: 'Позиція', card: 'Карта' },
  ru: { question: 'Вопрос', none: '(нет)', skipped: '(пропущено)', position: 'Позиция', card: 'Карта' },
};
/** The catalogue's own agreeing word for a reversed card, as the bot shows it. */
const REVERSED: Record<Language, Record<Gender, string>> = {
  en: { m: 'reversed', f: 'reversed', n: 'reversed', p: 'reversed' },
  uk: { m: 'перевернутий', f: 'перевернута', n: 'перевернуте', p: 'перевернуті' },
  ru: { m: 'перевёрнут', f: 'перевёрнута', n: 'перевёрнуто', p: 'перевёрнуты' },
};
const reversedMark = (language: Language, name: string): string => ` (${REVERSED[language][nameGrammar(language, name).gender]})`;

/** Deterministic stand-in for the real draw: no repetition, about 30% reversed. */
function draw(language: Language, spreadKey: string, seed: number, deck: DeckStyle): InterpretedCard[] {
  const spread = TEXTS[language].spreads[spreadKey];
  const random = new SeededRandom(seed);
  const cards = random.shuffle(DECK);
  return Object.entries(spread.positions).map(([key, position], i) => {
    const facts = cards[i];
    const text = TEXTS[language].cards[facts.id];
    const { role, area } = positionSpec(spreadKey, key);
    return { facts, text, name: text.names[deck], reversed: random.next() < REVERSAL_PROBABILITY, position: { key, ...position, role, ...(area ? { area } : {}) } };
  });
}

function inputFor(language: Language, sample: Sample): InterpretationInput {
  const texts = TEXTS[language];
  const questions = sample.questionnaire ? texts.questionnaires[sample.questionnaire] : [];
  const question = sample.question?.[language] ?? null;
  const answers = questions.map((q, i) => ({ question: q, answer: sample.answers?.[language][i] ?? null }));
  return {
    spreadKey: sample.spreadKey,
    spreadName: texts.spreads[sample.spreadKey].name,
    cards: draw(language, sample.spreadKey, sample.seed, sample.deck ?? 'rws'),
    question,
    answers,
    questionnaire: sample.questionnaire ?? null,
    language,
    deck: sample.deck ?? 'rws',
    focus: readQuestion(question, answers.map((a) => a.answer), sample.spreadKey),
  };
}

function render(language: Language, index: number, sample: Sample, input: InterpretationInput, reading: Interpretation): string {
  const l = LABELS[language];
  const lines = [`### ${index}. ${input.spreadName} (${sample.deck ?? 'rws'}, seed ${sample.seed})`, ''];
  lines.push(`**${l.question}:** ${input.question ?? l.none}`, '');
  for (const { question, answer } of input.answers) lines.push(`- *${question}* ${answer ?? l.skipped}`);
  if (input.answers.length > 0) lines.push('');
  lines.push(`| # | ${l.position} | ${l.card} |`, '|---|---|---|');
  input.cards.forEach((c, i) => lines.push(`| ${i + 1} | ${c.position.name} | ${c.name}${c.reversed ? reversedMark(language, c.name) : ''} |`));
  lines.push('');
  if (reading.summary) lines.push(`> ${reading.summary}`, '');
  lines.push(reading.theme, '');
  if (reading.timeline) lines.push(...reading.timeline.map((line) => `- ${line}`), '');
  reading.journey.forEach((paragraph, i) => {
    const chapter = reading.chapters?.find((c) => c.start === i);
    if (chapter) lines.push(`#### ${chapter.title}`, '');
    lines.push(`**${input.cards[i].position.name} · ${input.cards[i].name}${input.cards[i].reversed ? reversedMark(language, input.cards[i].name) : ''}.** ${paragraph}`, '');
  });
  lines.push(`**→** ${reading.guidance}`, '');
  return lines.join('\n');
}

async function main(): Promise<void> {
  const interpreter = new BuiltinInterpreter();
  const sections = [
    '# Sample readings',
    '',
    'Written by the built-in interpreter from fixed seeds (`scripts/samples.ts`, questions in `scripts/sample-questions.ts`): one reading per spread in each language; regenerate with `npm run samples`. In the bot the summary comes first, the cards carry headings, and each part is its own message.',
    '',
  ];
  for (const language of ['en', 'uk', 'ru'] as const) {
    sections.push(`## ${{ en: 'English', uk: 'Українська', ru: 'Русский' }[language]}`, '');
    for (const [i, sample] of SAMPLES.entries()) {
      const input = inputFor(language, sample);
      sections.push(render(language, i + 1, sample, input, await interpreter.interpret(input, sample.seed)));
    }
  }
  mkdirSync(dirname(OUTPUT), { recursive: true });
  writeFileSync(OUTPUT, sections.join('\n'));
  process.stdout.write(`Wrote ${SAMPLES.length * 3} sample readings to ${OUTPUT}\n`);
}

void main();
