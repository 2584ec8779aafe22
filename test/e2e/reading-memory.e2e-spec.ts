import request from 'supertest';
import { BuiltinInterpreter } from 'src/readings/interpreter/builtin-interpreter';
import type { Interpretation, InterpretationInput, Interpreter } from 'src/readings/interpreter/interpretation';
import { sentenceKey, sentencesOf } from 'src/readings/interpreter/sentence-ledger';
import { READING_INTERPRETER } from 'src/readings/interpreter/interpreter-tokens';
import { ReadingGeneratorService } from 'src/readings/generation/reading-generator.service';
import { BotApiStandIn } from 'src/bot-api-stand-in/bot-api-stand-in';
import { say } from '../support/bot-helpers';
import { ledgerMismatches } from '../support/ledger';
import { chooseSpread, Player, textsSince, waitForDelivery } from '../support/reading-helpers';
import { ADMIN_TOKEN, startStandIn, startTestApp, TestApp } from '../support/test-app';
import { prepareTestEnvironment } from '../support/test-environment';

/** The built-in interpreter, remembering what it was handed. */
class RecordingInterpreter implements Interpreter {
  readonly inputs: InterpretationInput[] = [];
  private readonly builtin = new BuiltinInterpreter();

  interpret(input: InterpretationInput, seed: number): Promise<Interpretation> {
    this.inputs.push(input);
    return this.builtin.interpret(input, seed);
  }
}

describe("a user's readings remember what they already said", () => {
  let standIn: BotApiStandIn;
  let sut: TestApp;
  const interpreter = new RecordingInterpreter();

  beforeAll(async () => {
    standIn = await startStandIn();
    sut = await startTestApp(await prepareTestEnvironment(), standIn, {}, (builder) => builder.overrideProvider(READING_INTERPRETER).useValue(interpreter));
  });

  afterAll(async () => {
    expect(await ledgerMismatches(sut.dataSource)).toEqual([]);
    await sut?.app.get(ReadingGeneratorService).settle();
    await sut?.close();
    await standIn?.stop();
  });

  const read = async (user: Player, spread: string, question: string) => {
    await chooseSpread(standIn, user, spread);
    const mark = standIn.mark();
    await standIn.sendText(user, question);
    await waitForDelivery(standIn, user.id, mark);
    return textsSince(standIn, user.id, mark).join('\n');
  };

  it('passes the sentences of earlier readings to the interpreter, and the next reading says none of them again', async () => {
    const user: Player = { id: 41_001, first_name: 'Ira' };
    await say(standIn, user, '/start');
    const [{ id }] = await sut.dataSource.query(`SELECT id FROM users WHERE telegram_id = $1`, [user.id]);
    await request(sut.server).post(`/api/v1/users/${id}/credits/grant`).set({ Authorization: `Bearer ${ADMIN_TOKEN}` }).send({ amount: 40, reason: 'test' }).expect(200);

    await read(user, 'three_card', 'Should I take the job in Lviv?');
    const delivered = await read(user, 'celtic_cross', 'How do I find my way back to painting?');
    await read(user, 'three_card', 'Should I take the job in Lviv?');

    const stored: { interpretation: string; cards: { positionName: string; name: string }[] }[] = await sut.dataSource.query(
      `SELECT r.interpretation, r.cards FROM readings r WHERE r.user_id = $1 AND r.status = 'completed' ORDER BY r.id`,
      [id],
    );
    expect(stored).toHaveLength(3);
    const [first, second, third] = interpreter.inputs.slice(-3);
    expect(first.recentSentences?.size ?? 0).toBe(0);
    for (const sentence of sentencesOf(stored[0].interpretation)) expect(second.recentSentences?.has(sentenceKey(sentence))).toBe(true);
    for (const sentence of sentencesOf(stored[1].interpretation)) expect(third.recentSentences?.has(sentenceKey(sentence))).toBe(true);

    // A card heading ("Past · The Tower") may come back with the same card; prose may not.
    const headings = new Set(stored.flatMap((r) => r.cards.map((c) => sentenceKey(`${c.positionName} · ${c.name}`))));
    const earlier = new Set(stored.slice(0, 2).flatMap((r) => sentencesOf(r.interpretation).map(sentenceKey)));
    expect(sentencesOf(stored[2].interpretation).filter((s) => earlier.has(sentenceKey(s)) && !headings.has(sentenceKey(s)))).toEqual([]);
    expect(delivered).toContain('📌 <b>In short</b>');
    expect(delivered).toContain('📖 <b>The heart of the matter</b>');
  });
});
