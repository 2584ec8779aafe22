import { GenerationJob } from 'src/readings/generation/generation-job';
import { ReadingGeneratorService, GenerationResult } from 'src/readings/generation/reading-generator.service';
import { ReadingStoreService } from 'src/readings/generation/reading-store.service';
import { ReadingWriterService } from 'src/readings/generation/reading-writer.service';
import { BotApiStandIn } from 'src/bot-api-stand-in/bot-api-stand-in';
import { say } from '../support/bot-helpers';
import { auditThroughApi, integrityProblems, seededRandom, shuffled } from '../support/fault-checks';
import { FaultEnvironment, describeFault, prepareFaultEnvironment } from '../support/fault-environment';
import { ADMIN_TOKEN, startStandIn, startTestApp, TestApp, WEBHOOK_SECRET } from '../support/test-app';

const PRICE = 5;
const READINGS = 50;
const GRANT_AMOUNT = 3;

interface GrantRequest {
  key?: string;
  amount: number;
}

interface GrantAnswer extends GrantRequest {
  status: number;
  transactionId?: number;
  balance?: number;
}

/**
 * 50 operator grants for one user: 10 keys sent three times each, 2 more requests reusing two
 * of those keys with another amount (one of each pair is refused with 409, whichever lost the
 * race), and 18 without a key. Shuffled with a fixed seed.
 */
function grantRequests(prefix: string, random: () => number): GrantRequest[] {
  const requests: GrantRequest[] = [];
  for (let k = 0; k < 10; k++) for (let copy = 0; copy < 3; copy++) requests.push({ key: `${prefix}-k${k}`, amount: GRANT_AMOUNT });
  requests.push({ key: `${prefix}-k0`, amount: GRANT_AMOUNT + 1 }, { key: `${prefix}-k1`, amount: GRANT_AMOUNT + 1 });
  for (let i = 0; i < 18; i++) requests.push({ amount: GRANT_AMOUNT });
  return shuffled(requests, random);
}

describeFault('double spend: concurrent readings and operator grants on one balance', () => {
  let environment: FaultEnvironment;
  let standIn: BotApiStandIn;
  let a: TestApp;
  let b: TestApp;
  let urls: string[];
  let generators: ReadingGeneratorService[];
  const random = seededRandom(6);

  beforeAll(async () => {
    environment = await prepareFaultEnvironment('doubleSpend');
    standIn = await startStandIn();
    const env = { BOT_MODE: 'webhook', WEBHOOK_URL: 'https://faults.example.test/hook', WEBHOOK_SECRET };
    a = await startTestApp(environment, standIn, env);
    b = await startTestApp(environment, standIn, env);
    urls = [await a.listen(), await b.listen()];
    standIn.redirectWebhook(`${urls[0]}/telegram/webhook`);
    generators = [a.app.get(ReadingGeneratorService), b.app.get(ReadingGeneratorService)];
  }, 60_000);

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await standIn?.stop();
    await environment?.dispose();
  });

  /**
   * A registered user (5 welcome credits) with `count` single-card readings whose questions are
   * answered, written straight to the tables: through the bot a user has one reading
   * conversation at a time, so fifty at once on one balance only happen this way (or after a
   * crash, in the recovery pass).
   */
  async function userWithPendingReadings(telegramId: number, count: number) {
    await say(standIn, { id: telegramId, first_name: 'Spender' }, '/start');
    const { rows } = await environment.sql.query(`SELECT id, credits FROM users WHERE telegram_id = $1`, [telegramId]);
    const [{ id: userId, credits }] = rows;
    expect(credits).toBe(5);
    const sessions: { id: number; data: Record<string, unknown> }[] = [];
    for (let i = 0; i < count; i++) {
      const reading = await environment.sql.query(
        `INSERT INTO readings (user_id, spread_type, cards, interpretation, questionnaire_responses)
         VALUES ($1, 'single', '[]', '', '{"questionnaire":null,"answers":[]}') RETURNING id`,
        [userId],
      );
      const readingId = reading.rows[0].id as number;
      const data = { readingId, spreadKey: 'single', price: PRICE, step: 'generating', questionIndex: 0, answers: [], attempts: 0 };
      const session = await environment.sql.query(
        `INSERT INTO user_sessions (user_id, session_type, data) VALUES ($1, 'reading', $2) RETURNING id`,
        [userId, JSON.stringify(data)],
      );
      sessions.push({ id: session.rows[0].id as number, data });
    }
    // What the recovery pass would hand the generator for each.
    const work: GenerationJob[] = await a.app.get(ReadingStoreService).jobs(sessions);
    expect(work).toHaveLength(count);
    return { userId: userId as number, work };
  }

  async function grant(index: number, userId: number, request: GrantRequest): Promise<GrantAnswer> {
    const response = await fetch(`${urls[index % 2]}/api/v1/users/${userId}/credits/grant`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${ADMIN_TOKEN}`,
        'content-type': 'application/json',
        ...(request.key ? { 'idempotency-key': request.key } : {}),
      },
      body: JSON.stringify({ amount: request.amount, reason: 'fault spec: double spend' }),
    });
    const body = (await response.json()) as { transactionId?: number; balance?: number };
    return { ...request, status: response.status, transactionId: body.transactionId, balance: body.balance };
  }

  /** Samples the balance as fast as the test's own connection allows, until stopped; returns the lowest seen. */
  function watchBalance(userId: number): { stop: () => Promise<{ lowest: number; samples: number }> } {
    let running = true;
    let lowest = Number.POSITIVE_INFINITY;
    let samples = 0;
    const loop = (async () => {
      while (running) {
        const { rows } = await environment.sql.query(`SELECT credits FROM users WHERE id = $1`, [userId]);
        lowest = Math.min(lowest, rows[0].credits);
        samples++;
      }
    })();
    return {
      stop: async () => {
        running = false;
        await loop;
        return { lowest, samples };
      },
    };
  }

  /** Checks the grants: one ledger row per key (and per keyless request), 409 only for the losing amount of a reused key. */
  async function checkGrants(userId: number, answers: GrantAnswer[]): Promise<number> {
    expect(answers.filter((g) => g.status !== 200 && g.status !== 409)).toEqual([]);
    for (const g of answers.filter((x) => x.status === 200)) expect(g.balance).toBeGreaterThanOrEqual(0);
    const { rows } = await environment.sql.query(
      `SELECT id, amount, metadata->>'idempotencyKey' AS key FROM transactions
       WHERE user_id = $1 AND payment_provider = 'operator' ORDER BY id`,
      [userId],
    );
    const keyed = rows.filter((r) => r.key !== null);
    const keys = [...new Set(answers.filter((g) => g.key).map((g) => g.key!))];
    expect(keyed).toHaveLength(keys.length);
    for (const key of keys) {
      const [row] = keyed.filter((r) => r.key === `tester:${key}`);
      expect(row).toBeDefined();
      const sent = answers.filter((g) => g.key === key);
      // Every request carrying the applied amount was answered with the one transaction; the other amount got 409.
      for (const g of sent) {
        if (g.amount === row.amount) expect({ key, status: g.status, transactionId: g.transactionId }).toEqual({ key, status: 200, transactionId: row.id });
        else expect({ key, amount: g.amount, status: g.status }).toEqual({ key, amount: g.amount, status: 409 });
      }
    }
    const keyless = answers.filter((g) => !g.key);
    expect(keyless.every((g) => g.status === 200)).toBe(true);
    expect(rows.filter((r) => r.key === null)).toHaveLength(keyless.length);
    expect(new Set(keyless.map((g) => g.transactionId)).size).toBe(keyless.length);
    return rows.reduce((sum, r) => sum + r.amount, 0);
  }

  async function outcome(userId: number, results: GenerationResult[]) {
    const completed = results.filter((r) => r === 'completed').length;
    const { rows: statuses } = await environment.sql.query(
      `SELECT status, count(*)::int AS n FROM readings WHERE user_id = $1 GROUP BY status ORDER BY status`,
      [userId],
    );
    const { rows: costs } = await environment.sql.query(
      `SELECT count(*)::int AS n, coalesce(sum(amount), 0)::int AS total FROM transactions WHERE user_id = $1 AND type = 'reading_cost'`,
      [userId],
    );
    const { rows: sessions } = await environment.sql.query(
      `SELECT count(*)::int AS n FROM user_sessions WHERE user_id = $1 AND status = 'active'`,
      [userId],
    );
    const { rows: user } = await environment.sql.query(`SELECT credits FROM users WHERE id = $1`, [userId]);
    return { completed, statuses, costs: costs[0], openSessions: sessions[0].n, credits: user[0].credits as number };
  }

  it('completes exactly the affordable number when 50 readings are charged at once after 50 racing grants', async () => {
    const { userId, work } = await userWithPendingReadings(61_001, READINGS);
    // The readings are started together with the grants, but each one's charge waits until every
    // grant has been answered: the balance they race for is then known, and so is the count.
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const writers = [a, b].map((app) => app.app.get(ReadingWriterService));
    const originals = writers.map((w) => w.write);
    writers.forEach((writer, i) => {
      writer.write = async (request) => {
        await gate;
        return originals[i].call(writer, request);
      };
    });
    const watch = watchBalance(userId);
    try {
      const generations = work.map((w, i) => generators[i % 2].generate(w));
      const answers = await Promise.all(grantRequests('exact', random).map((g, i) => grant(i, userId, g)));
      open();
      const results = await Promise.all(generations);
      const { lowest, samples } = await watch.stop();

      const granted = await checkGrants(userId, answers);
      const affordable = Math.min(READINGS, Math.floor((5 + granted) / PRICE));
      const result = await outcome(userId, results);
      process.stdout.write(
        `double spend (charges after grants): granted ${granted}, affordable ${affordable}, completed ${result.completed}, ` +
          `final balance ${result.credits}, lowest sampled ${lowest} over ${samples} samples\n`,
      );
      expect(result.completed).toBe(affordable);
      expect(results.filter((r) => r === 'insufficient')).toHaveLength(READINGS - affordable);
      expect(result.statuses).toEqual([
        { status: 'completed', n: affordable },
        ...(affordable < READINGS ? [{ status: 'error', n: READINGS - affordable }] : []),
      ]);
      expect(result.costs).toEqual({ n: affordable, total: -PRICE * affordable });
      expect(result.credits).toBe(5 + granted - PRICE * affordable);
      expect(result.credits).toBeLessThan(PRICE);
      expect(result.openSessions).toBe(0);
      expect(lowest).toBeGreaterThanOrEqual(0);
    } finally {
      writers.forEach((writer, i) => (writer.write = originals[i]));
      open();
      await watch.stop();
    }
  }, 60_000);

  it('never overdraws while charges and grants interleave freely, and the ledger adds up', async () => {
    const { userId, work } = await userWithPendingReadings(61_002, READINGS);
    const watch = watchBalance(userId);
    const requests = grantRequests('race', random);
    const [results, answers] = await Promise.all([
      Promise.all(work.map((w, i) => generators[i % 2].generate(w))),
      Promise.all(requests.map((g, i) => grant(i + 1, userId, g))),
    ]);
    const { lowest, samples } = await watch.stop();

    const granted = await checkGrants(userId, answers);
    const result = await outcome(userId, results);
    process.stdout.write(
      `double spend (free interleaving): granted ${granted}, completed ${result.completed} of ${READINGS} ` +
        `(at least ${Math.floor(5 / PRICE)}, at most ${Math.min(READINGS, Math.floor((5 + granted) / PRICE))}), ` +
        `final balance ${result.credits}, lowest sampled ${lowest} over ${samples} samples\n`,
    );
    // Which reading met which grant is up to the scheduler; the money is not.
    expect(results.every((r) => r === 'completed' || r === 'insufficient')).toBe(true);
    expect(result.completed).toBeGreaterThanOrEqual(Math.min(READINGS, Math.floor(5 / PRICE)));
    expect(result.completed).toBeLessThanOrEqual(Math.min(READINGS, Math.floor((5 + granted) / PRICE)));
    expect(result.costs).toEqual({ n: result.completed, total: -PRICE * result.completed });
    expect(result.credits).toBe(5 + granted - PRICE * result.completed);
    expect(result.credits).toBeGreaterThanOrEqual(0);
    expect(result.openSessions).toBe(0);
    expect(lowest).toBeGreaterThanOrEqual(0);
  }, 60_000);

  it('leaves a clean ledger: the audit endpoint and the direct checks agree', async () => {
    expect(await integrityProblems(environment.sql)).toEqual([]);
    const audit = await auditThroughApi(urls[1], ADMIN_TOKEN);
    expect(audit).toMatchObject({ ok: true, mismatches: [] });
    expect(audit.users).toBe(2);
  });
});
