import RedisClientClass from '@redis/client/dist/lib/client';
import { setTimeout as sleep } from 'node:timers/promises';
import { BotApiStandIn } from 'src/bot-api-stand-in/bot-api-stand-in';
import { AppCacheService } from 'src/cache/app-cache.service';
import { REDIS_CLIENT, RedisClient } from 'src/redis/redis.provider';
import { nextReply, say } from '../support/bot-helpers';
import { openSpreadMenu, Player, waitForDelivery } from '../support/reading-helpers';
import { startAppOnStandIn, stopAppOnStandIn, TestApp } from '../support/test-app';

type Command = string[];

/**
 * Every Redis command the app sends (node-redis sends each command, script and MULTI through
 * `sendCommand`), as its name and arguments.
 */
class RedisTap {
  private readonly seen: Command[] = [];
  private readonly original = RedisClientClass.prototype.sendCommand;

  constructor() {
    const seen = this.seen;
    const original = this.original;
    RedisClientClass.prototype.sendCommand = function tapped(this: unknown, args: unknown[], options?: unknown) {
      seen.push(args.map((a) => (Buffer.isBuffer(a) ? '<bytes>' : String(a))));
      return original.call(this, args as never, options as never);
    } as typeof original;
  }

  mark(): number {
    return this.seen.length;
  }

  since(mark: number): Command[] {
    return this.seen.slice(mark);
  }

  /** Waits until no command was sent for a while (the previous update's done script has gone). */
  async quiet(ms = 150): Promise<void> {
    for (let before = -1; before !== this.seen.length; ) {
      before = this.seen.length;
      await sleep(ms);
    }
  }

  restore(): void {
    RedisClientClass.prototype.sendCommand = this.original;
  }
}

/** The command's name, with the script's name for EVALSHA (told apart by the keys it gets). */
const names = (commands: Command[]) => commands.map((c) => c[0].toUpperCase()).sort();

/**
 * Issue 20: an update's Redis round trips in the common case are the update gate's two scripts
 * (the claim, and done); what the update also needs (its user's snapshot, the double-tap check,
 * its cache forgets and the snapshot read from the database on a miss) rides on them.
 */
describe('Redis round trips per update', () => {
  let standIn: BotApiStandIn;
  let sut: TestApp;
  let tap: RedisTap;
  let redis: RedisClient;

  beforeAll(async () => {
    ({ standIn, sut } = await startAppOnStandIn());
    redis = sut.app.get<RedisClient>(REDIS_CLIENT);
    tap = new RedisTap();
  });

  afterAll(async () => {
    tap?.restore();
    await stopAppOnStandIn(sut, standIn);
  });

  /** The commands sent while `work` runs and until the update's done script has run (the reply goes before it). */
  const commandsOf = async (work: () => Promise<unknown>, scripts: number): Promise<Command[]> => {
    await tap.quiet();
    const mark = tap.mark();
    await work();
    for (let i = 0; i < 100 && names(tap.since(mark)).filter((n) => n === 'EVALSHA').length < scripts; i++) await sleep(10);
    await sleep(100);
    return tap.since(mark);
  };

  const snapshotKey = (player: Player) => AppCacheService.storeKey(AppCacheService.key('user_data', `tg:${player.id}`));

  it('answers a /balance with two commands, the claim and done, whether the snapshot was cached or not', async () => {
    const player: Player = { id: 20_001, first_name: 'Count', language_code: 'en' };
    await say(standIn, player, '/start');
    await say(standIn, player, '/balance');

    const warm = await commandsOf(() => say(standIn, player, '/balance'), 2);
    expect(names(warm)).toEqual(['EVALSHA', 'EVALSHA']);

    // Not cached: read from the database under the claim's lease, written with done.
    await redis.del(snapshotKey(player));
    const cold = await commandsOf(() => say(standIn, player, '/balance'), 2);
    expect(names(cold)).toEqual(['EVALSHA', 'EVALSHA']);
    const stored = JSON.parse((await redis.get(snapshotKey(player)))!) as { value: { credits: number }; expires: number };
    expect(stored.value.credits).toBe(5);
    expect(stored.expires).toBeGreaterThan(Date.now());
  });

  it('keeps a value read before another instance forgot the key out of the cache (the lease is gone, so done writes nothing)', async () => {
    const player: Player = { id: 20_002, first_name: 'Lease', language_code: 'en' };
    await say(standIn, player, '/start');
    await redis.del(snapshotKey(player));
    // Another instance's change forgets the key while this update runs: the placeholder goes with it.
    const unlinkDuringUpdate = new Promise<void>((done) => {
      const poll = setInterval(() => {
        void redis.get(snapshotKey(player)).then(async (raw) => {
          if (raw?.includes('"lease"')) {
            clearInterval(poll);
            await redis.unlink(snapshotKey(player));
            done();
          }
        });
      }, 1);
    });
    const mark = standIn.mark();
    await standIn.sendText(player, '/balance');
    await unlinkDuringUpdate;
    await nextReply(standIn, player.id, mark);
    await sleep(200);
    expect(await redis.get(snapshotKey(player))).toBeNull();
  });

  it("forgets what the update changed before giving back a user lock it took apart from the claim (another instance held it)", async () => {
    const player: Player = { id: 20_004, first_name: 'Locked', language_code: 'en' };
    await say(standIn, player, '/start');
    await say(standIn, player, '/balance');
    // Another instance holds the user's lock for a moment: the update waits for it after its claim.
    await redis.set(`user-lock:${player.id}`, 'another-instance', { PX: 300 });
    // Telegram now says the user speaks Ukrainian: the update stores it and forgets their snapshot.
    const commands = await commandsOf(() => say(standIn, { ...player, language_code: 'uk' }, '/balance'), 3);

    const forgot = commands.findIndex((c) => c[0].toUpperCase() === 'UNLINK' && c.includes(snapshotKey(player)));
    const unlocked = commands.findIndex((c) => c[0].toUpperCase() === 'EVALSHA' && c[2] === '1' && c[3] === `user-lock:${player.id}`);
    expect(forgot).toBeGreaterThanOrEqual(0);
    expect(unlocked).toBeGreaterThan(forgot);
  });

  it('takes back the double-tap mark of a press that was refused, so that the next tap goes through', async () => {
    const player: Player = { id: 20_005, first_name: 'Refused', language_code: 'en' };
    await say(standIn, player, '/start');
    const menuId = await openSpreadMenu(standIn, player);
    const mark = `press:${player.id}:${menuId}:v1:spread:single`;
    await sut.dataSource.query(`UPDATE users SET status = 'suspended' WHERE telegram_id = $1`, [player.id]);
    await redis.del(snapshotKey(player));

    const refused = await commandsOf(() => standIn.pressButton(player, menuId, 'v1:spread:single'), 2);

    expect(names(refused)).toContain('EVALSHA');
    expect(await redis.exists(mark)).toBe(0);
    await sut.dataSource.query(`UPDATE users SET status = 'active' WHERE telegram_id = $1`, [player.id]);
    await redis.del(snapshotKey(player));
    await commandsOf(() => standIn.pressButton(player, menuId, 'v1:spread:single'), 2);
    expect(await redis.exists(mark)).toBe(1);
  });

  it('takes a reading (the spread press and /skip) with the two scripts per update, and the charge forgets in one command', async () => {
    const player: Player = { id: 20_003, first_name: 'Reading', language_code: 'en' };
    await say(standIn, player, '/start');
    const menuId = await openSpreadMenu(standIn, player);

    const reading = await commandsOf(async () => {
      let mark = standIn.mark();
      await standIn.pressButton(player, menuId, 'v1:spread:single');
      await nextReply(standIn, player.id, mark);
      mark = standIn.mark();
      await standIn.sendText(player, '/skip');
      await waitForDelivery(standIn, player.id, mark);
    }, 4);

    const byName = names(reading);
    expect(byName.filter((n) => n === 'EVALSHA')).toHaveLength(4);
    // The charge forgets the snapshot and /past together.
    const unlinks = reading.filter((c) => c[0].toUpperCase() === 'UNLINK');
    expect(unlinks).toHaveLength(1);
    expect(unlinks[0]).toContain(snapshotKey(player));
    // No command of its own for the double-tap check or the snapshot.
    expect(reading.filter((c) => c[0].toUpperCase() === 'SET' && !c[1].includes('card_data'))).toEqual([]);
    // Beside those: the picture's file_id (read, and written after its upload) and the sender's blocked check.
    expect(byName.length).toBeLessThanOrEqual(4 + 1 + 3);
  });
});
