import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { CARD_TEXTS_EN } from 'src/readings/deck/card-texts.en';
import { DECK } from 'src/readings/deck/deck';
import { BuiltinInterpreter } from 'src/readings/interpreter/builtin-interpreter';
import type { Interpretation, InterpretationInput, InterpretedCard } from 'src/readings/interpreter/interpretation';
import { SeededRandom } from 'src/readings/interpreter/seeded-random';
import { QUESTIONNAIRE_TEXTS_EN } from 'src/readings/spreads/questionnaire-texts.en';
import { SPREAD_TEXTS_EN } from 'src/readings/spreads/spread-texts.en';

/** Sample readings from the built-in interpreter, for reviewing its prose: `npm run samples`. */
interface Sample {
  spreadKey: string;
  seed: number;
  question: string | null;
  questionnaire?: { key: string; answers: (string | null)[] };
}

const OUTPUT = resolve(__dirname, '..', 'docs', 'sample-readings.md');
const REVERSAL_PROBABILITY = 0.3;

const SAMPLES: Sample[] = [
  { spreadKey: 'single', seed: 101, question: null },
  { spreadKey: 'three_card', seed: 202, question: 'Should I move to another city for a new job?' },
  { spreadKey: 'celtic_cross', seed: 303, question: 'How can I find my way back to creative work after a long break?' },
  {
    spreadKey: 'relationship',
    seed: 404,
    question: 'Where is my relationship with my partner heading?',
    questionnaire: {
      key: 'relationship_context',
      answers: [
        'My partner, Olena. We live together.',
        'Six years, married for two.',
        null,
        'That we talk openly again instead of avoiding the hard topics.',
      ],
    },
  },
  { spreadKey: 'week_ahead', seed: 505, question: null },
  { spreadKey: 'life_path', seed: 606, question: 'What am I here to learn?' },
];

/** Deterministic stand-in for the real draw: no repetition, about 30% reversed. */
function draw(spreadKey: string, seed: number): InterpretedCard[] {
  const spread = SPREAD_TEXTS_EN[spreadKey];
  const random = new SeededRandom(seed);
  const cards = random.shuffle(DECK);
  return Object.entries(spread.positions).map(([key, position], i) => {
    const facts = cards[i];
    const text = CARD_TEXTS_EN[facts.id];
    return { facts, text, name: text.names.rws, reversed: random.next() < REVERSAL_PROBABILITY, position: { key, ...position } };
  });
}

function inputFor(sample: Sample): InterpretationInput {
  const questions = sample.questionnaire ? QUESTIONNAIRE_TEXTS_EN[sample.questionnaire.key] : [];
  return {
    spreadKey: sample.spreadKey,
    spreadName: SPREAD_TEXTS_EN[sample.spreadKey].name,
    cards: draw(sample.spreadKey, sample.seed),
    question: sample.question,
    answers: questions.map((question, i) => ({ question, answer: sample.questionnaire?.answers[i] ?? null })),
    language: 'en',
  };
}

function render(index: number, sample: Sample, input: InterpretationInput, reading: Interpretation): string {
  const lines = [`## ${index}. ${input.spreadName} (seed ${sample.seed})`, ''];
  lines.push(`**Question:** ${input.question ?? '(none)'}`, '');
  for (const { question, answer } of input.answers) lines.push(`- *${question}* ${answer ?? '(skipped)'}`);
  if (input.answers.length > 0) lines.push('');
  lines.push('| # | Position | Card |', '|---|---|---|');
  input.cards.forEach((c, i) => lines.push(`| ${i + 1} | ${c.position.name} | ${c.name}${c.reversed ? ' (reversed)' : ''} |`));
  lines.push('', '### Theme', '', reading.theme, '', '### The journey', '');
  reading.journey.forEach((paragraph) => lines.push(paragraph, ''));
  lines.push('### Guidance', '', reading.guidance, '');
  return lines.join('\n');
}

async function main(): Promise<void> {
  const interpreter = new BuiltinInterpreter();
  const sections = [
    '# Sample readings',
    '',
    'Written by the built-in interpreter from fixed seeds (`scripts/samples.ts`); regenerate with `npm run samples`.',
    '',
  ];
  for (const [i, sample] of SAMPLES.entries()) {
    const input = inputFor(sample);
    sections.push(render(i + 1, sample, input, await interpreter.interpret(input, sample.seed)));
  }
  mkdirSync(dirname(OUTPUT), { recursive: true });
  writeFileSync(OUTPUT, sections.join('\n'));
  console.log(`Wrote ${SAMPLES.length} sample readings to ${OUTPUT}`);
}

void main();
