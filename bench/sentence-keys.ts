/*
 * What the sentence ledger costs a reading: npx ts-node -r tsconfig-paths/register bench/sentence-keys.ts [runs]
 * A reading keys every sentence of the user's last 19 readings, so that none is said again. This
 * builds 19 texts of about 2,100 characters from the card meanings of each language and prints
 * the median CPU time of keying them (default 200 runs after 20 warm-up runs).
 */
import { CARD_TEXTS_EN } from 'src/readings/deck/card-texts.en';
import { CARD_TEXTS_RU } from 'src/readings/deck/card-texts.ru';
import { CARD_TEXTS_UK } from 'src/readings/deck/card-texts.uk';
import { sentenceKeysOf } from 'src/readings/interpreter/sentence-ledger';
import { UNREPEATED_READINGS } from 'src/readings/generation/reading-writer.service';

const runs = Number(process.argv[2] ?? 200);
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

console.log(`language  texts  chars/text  sentences  keying median µs (${runs} runs)`);
for (const [language, deck] of Object.entries({ en: CARD_TEXTS_EN, uk: CARD_TEXTS_UK, ru: CARD_TEXTS_RU })) {
  const meanings = Object.values(deck).flatMap((card) => [card.upright.meaning, card.reversed.meaning]);
  const texts = Array.from({ length: UNREPEATED_READINGS - 1 }, (_, i) => {
    const part = (from: number) => meanings.slice((from + i * 8) % meanings.length, ((from + i * 8) % meanings.length) + 8);
    return `${part(0).join(' ')}\n\n${part(100).join('\n')}`;
  });
  const cpu: number[] = [];
  let sentences = 0;
  for (let i = 0; i < runs + 20; i += 1) {
    const copies = texts.map((text) => `${text} `.trimEnd());
    const start = process.cpuUsage();
    sentences = sentenceKeysOf(copies).size;
    const used = process.cpuUsage(start);
    if (i >= 20) cpu.push(used.user + used.system);
  }
  const chars = Math.round(texts.reduce((sum, text) => sum + text.length, 0) / texts.length);
  console.log(`${language.padEnd(8)}  ${String(texts.length).padStart(5)}  ${String(chars).padStart(10)}  ${String(sentences).padStart(9)}  ${median(cpu).toFixed(0).padStart(8)}`);
}
