/*
 * The Bot API stand-in in its own process, forked by bench/run.ts so that it does not share an
 * event loop with the driver. It streams every Bot API call the bot makes to the driver over the
 * fork's IPC channel, and takes a few commands from it: register the bench users (so that the bot
 * may write to them) and register callback query ids (so that answerCallbackQuery finds them).
 */
import { performance } from 'node:perf_hooks';
import { resolve } from 'node:path';
import { DEFAULT_BOT_API_SPEC } from 'src/bot-api-stand-in/bot-api-spec';
import { BotApiStandIn } from 'src/bot-api-stand-in/bot-api-stand-in';
import type { CallRecord } from 'src/bot-api-stand-in/stand-in-api.types';
import type { StandInCall, ToDriver, ToStandIn } from './lib/ipc';

const KEEP_RECORDS = 1000;
const TEXT_LIMIT = 500;

/** The start and the end of a long text (a reading's last message ends with what it cost), without the middle. */
function shortened(text: string): string {
  return text.length <= 2 * TEXT_LIMIT ? text : `${text.slice(0, TEXT_LIMIT)}…${text.slice(-TEXT_LIMIT)}`;
}

function send(message: ToDriver): void {
  process.send?.(message);
}

async function main(): Promise<void> {
  const specPath = process.argv[2] ? resolve(process.argv[2]) : DEFAULT_BOT_API_SPEC;
  const now = (): number => performance.timeOrigin + performance.now();
  const standIn = new BotApiStandIn(specPath, { logger: (line) => send({ type: 'log', line }), now });

  // Stream each recorded call, batched per turn of the event loop, and keep the recorder small.
  const recorder = standIn['recorder'];
  const record = recorder.record.bind(recorder);
  let batch: StandInCall[] = [];
  recorder.record = (call: Omit<CallRecord, 'index'>): CallRecord => {
    const recorded = record(call);
    const chatId = call.params.chat_id;
    const text = call.params.text;
    batch.push({
      method: call.method,
      chat_id: typeof chatId === 'number' || typeof chatId === 'string' ? Number(chatId) : undefined,
      text: typeof text === 'string' ? shortened(text) : undefined,
      ok: call.ok,
      error: call.ok ? undefined : `${call.errorCode} ${call.description ?? ''}`,
      at: call.at,
      done: now(),
    });
    if (batch.length === 1) {
      setImmediate(() => {
        const calls = batch;
        batch = [];
        send({ type: 'calls', calls });
      });
    }
    if (recorded.index >= KEEP_RECORDS) {
      recorder.clear();
      // Photos the bot uploaded are kept for the local web chat (when the stand-in has a file store): not needed here.
      (standIn as unknown as { files?: { clear?: () => void } }).files?.clear?.();
    }
    return recorded;
  };

  process.on('message', (raw: unknown) => {
    const message = raw as ToStandIn;
    try {
      switch (message.type) {
        case 'registerUsers':
          // The stand-in only lets the bot write to users who have a chat with it: open one per bench user.
          for (const user of message.users) standIn['chats'].upsertUser({ ...user, language_code: 'en' });
          break;
        case 'registerCallback':
          standIn['callbacks'].register(message.queryId);
          break;
        case 'seedStarTransactions':
          for (const t of message.transactions) {
            standIn['ledger']['transactions'].push({
              id: t.chargeId,
              amount: t.stars,
              date: t.date,
              source: { type: 'user', transaction_type: 'invoice_payment', user: { id: t.userId, is_bot: false, first_name: `User${t.userId}` }, invoice_payload: t.payload },
            });
          }
          break;
        case 'stop':
          void standIn.stop().finally(() => process.exit(0));
          return;
      }
      if ('seq' in message) send({ type: 'ack', seq: message.seq });
    } catch (error) {
      if ('seq' in message) send({ type: 'ack', seq: message.seq, error: (error as Error).message });
    }
  });
  process.on('disconnect', () => process.exit(0));

  const url = await standIn.start(0, '127.0.0.1');
  send({ type: 'ready', url, checksConformance: standIn.checksConformance });
}

main().catch((error: unknown) => {
  process.stderr.write(`stand-in process failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
